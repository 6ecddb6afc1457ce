"""Figures: placeholder until the figure extractor lands."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.records import Figure


def extract_figures(doc: Doc, ctx: Context) -> list[Figure]:
    return []
