"""A search hit's words around its first match, found as the store's filters match: case and
accents folded (the folding keeps one character for one, so positions map back to the text)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsclaims.text import fold

_WORD = re.compile(r"\w+")


def _fold_char(c: str) -> str:
    base = fold(c)
    return base[:1] if len(base) >= 1 else c  # keep one character per character: offsets stay valid


def fold_keeping_offsets(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True)
class Snippet:
    before: str
    match: str
    after: str


def snippet(text: str, words: str | None, width: int = 220) -> Snippet:
    """About ``width`` characters of ``text`` around the first word of ``words`` found in it."""
    text = " ".join(text.split())
    found = -1
    length = 0
    folded = fold_keeping_offsets(text)
    for word in _WORD.findall(words or ""):
        needle = fold_keeping_offsets(word)
        found = folded.find(needle)
        if found >= 0:
            length = len(needle)
            break
    if found < 0:
        cut = text[:width]
        return Snippet(cut + ("…" if len(text) > width else ""), "", "")
    start = max(0, found - width // 3)
    end = min(len(text), found + length + width - width // 3)
    before = ("…" if start > 0 else "") + text[start:found]
    after = text[found + length : end] + ("…" if end < len(text) else "")
    return Snippet(before, text[found : found + length], after)
