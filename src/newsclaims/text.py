"""Small text helpers every part shares: accent and case folding, regex alternations of phrases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

APOSTROPHES = "’ʼ"  # typographic apostrophes, read as "'"
NEVER = "(?!)"  # a regex alternative that never matches, for an empty word list


def fold(text: str) -> str:
    """Lower case, accents and typographic apostrophes removed: "Pyongyang a démenti" and
    "pyongyang a dementi" fold alike."""
    for mark in APOSTROPHES:
        text = text.replace(mark, "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def fold_words(text: str) -> str:
    """``fold`` with punctuation dropped and single spaces between words, for whole-word matching."""
    return " ".join(re.findall(r"[\w']+", fold(text)))


def alternation(phrases: Iterable[str], space: str = r"\s+", apostrophe: str | None = None) -> str:
    """One regex alternative per phrase, longest first (so "dix-sept" wins over "dix"); a space
    inside a phrase matches ``space``, and an apostrophe ``apostrophe`` when given."""
    parts = sorted(set(phrases), key=len, reverse=True)
    if not parts:
        return NEVER
    out = []
    for p in parts:
        pattern = re.escape(p).replace(r"\ ", space)
        if apostrophe is not None:
            pattern = pattern.replace("'", apostrophe)
        out.append(pattern)
    return "|".join(out)
