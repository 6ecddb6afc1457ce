"""What an extractor may know besides the Doc: the article's language and anchor date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Context:
    lang: str
    published: date | None = None  # the anchor for relative times ("jeudi", "hier")
