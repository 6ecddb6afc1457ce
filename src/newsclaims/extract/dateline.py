"""Publication date from a wire-story dateline: placeholder until the time extractor lands."""

from __future__ import annotations

from datetime import date


def find_dateline(text: str, lang: str) -> date | None:
    return None
