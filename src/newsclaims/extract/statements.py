"""Who said what: placeholder until the statement extractor lands."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.records import Statement


def extract_statements(doc: Doc, ctx: Context) -> list[Statement]:
    return []
