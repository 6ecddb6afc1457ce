"""Times: placeholder until the time extractor lands."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.records import TimeExpr


def extract_times(doc: Doc, ctx: Context) -> list[TimeExpr]:
    return []
