"""Small text helpers every part shares: accent and case folding, regex alternations of phrases."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

APOSTROPHES = "’ʼ"  # typographic apostrophes, read as "'"
NEVER = "(?!)"  # a regex alternative that never matches, for an empty word list


# Most texts folded are a name or a few words, folded again and again (every mention, every
# feature of every article): those are kept, whole texts are not.
_CACHED_LENGTH = 64


def fold(text: str) -> str:
    """Lower case, accents and typographic apostrophes removed: "Pyongyang a démenti" and
    "pyongyang a dementi" fold alike."""
    return _fold_short(text) if len(text) <= _CACHED_LENGTH else _fold(text)


def fold_words(text: str) -> str:
    """``fold`` with punctuation dropped and single spaces between words, for whole-word matching."""
    return _fold_words_short(text) if len(text) <= _CACHED_LENGTH else _fold_words(text)


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # nothing to unaccent: most words, and all of an English text
    for mark in APOSTROPHES:
        text = text.replace(mark, "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _fold_words(text: str) -> str:
    return " ".join(_WORD.findall(_fold(text)))


_WORD = re.compile(r"[\w']+")
_fold_short = functools.lru_cache(maxsize=1 << 16)(_fold)
_fold_words_short = functools.lru_cache(maxsize=1 << 16)(_fold_words)


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


def fullest_name(name: str, known: Iterable[str]) -> str:
    """The fullest of ``known`` that ends like ``name``, word for word ("Blinken" -> "Antony Blinken",
    "A. Blinken" -> "Antony Blinken": an initial stands for a word it begins); ``name`` when none does.
    The one with most words wins, then the longest ("Jean-Marc Ayrault" over "J-M Ayrault"), then the
    first given."""
    words = name.split()
    if not words:
        return name
    best, best_words = name, words
    for other in known:
        ow = other.split()
        fuller = len(ow) > len(best_words) or (len(ow) == len(best_words) > len(words) and len(other) > len(best))
        if not fuller or not _ends_like(ow, words):
            continue
        best, best_words = other, ow
    return best


def _ends_like(longer: list[str], shorter: list[str]) -> bool:
    for a, b in zip(reversed(longer), reversed(shorter), strict=False):
        initial = b.endswith(".") or len(b) == 1
        if a.casefold() != b.casefold() and not (initial and a[:1].casefold() == b[:1].casefold()):
            return False
    return True
