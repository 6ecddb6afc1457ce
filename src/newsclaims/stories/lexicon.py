"""The packs' story words, compiled once per pack: concepts by noun and predicate, stop words,
spokesperson roles, forecast words, generic place words, and the endings words take.

Words are compared folded (``text.fold_words``); a word matches a listed word when it is that word
or that word with one of the language's endings ("soldats", "troops", "nord-coréennes").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsclaims.languages import LanguagePack, get_pack, is_supported, loaded_packs
from newsclaims.text import fold_words

MONEY = "money"  # the concept of a figure that carries a currency, whatever it names
PREFIX = 6  # letters a word is cut to for comparison: inflections mostly fall after them


@dataclass(frozen=True)
class Lexicon:
    code: str
    nouns: dict[tuple[str, ...], str]  # folded words of a noun -> concept, e.g. ("forces", "speciales")
    longest_noun: int
    predicate_concept: dict[str, str]  # folded predicate phrase -> concept
    stopwords: frozenset[str]
    spokesperson: re.Pattern[str]
    forecast: re.Pattern[str]
    place_words: frozenset[str]
    endings: tuple[str, ...]  # longest first

    def bases(self, word: str) -> list[str]:
        """``word`` without each ending it may have taken ("hommes": "homme", "homm"), longest ending
        first, keeping at least 3 letters."""
        return [word[: -len(e)] for e in self.endings if word.endswith(e) and len(word) - len(e) >= 3]

    def base(self, word: str) -> str:
        """``word`` without the longest ending it may have taken: one form for "troops" and "troop"."""
        found = self.bases(word)
        return found[0] if found else word

    def noun_concepts(self, words: list[str]) -> list[tuple[int, str]]:
        """(position, concept) of every concept noun among folded ``words``, longest nouns first at
        each position."""
        out: list[tuple[int, str]] = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest_noun, len(words) - i), 0, -1):
                span = words[i : i + n]
                forms = [tuple(span)] + [(*span[:-1], b) for b in self.bases(span[-1])]
                concept = next((self.nouns[f] for f in forms if f in self.nouns), None)
                if concept:
                    out.append((i, concept))
                    i += n - 1
                    break
            i += 1
        return out

    def predicate(self, folded: str) -> str | None:
        """The concept of the longest predicate phrase in a folded text ("tues ou blesses" over "tues")."""
        padded = f" {folded} "
        found = [p for p in self.predicate_concept if f" {p} " in padded]
        return self.predicate_concept[max(found, key=len)] if found else None

    def content_words(self, text: str) -> list[str]:
        """The words of ``text`` that may tell a story apart: folded, no stop words, no short words
        or numbers, each cut to its first letters (one form for "américain", "américaines")."""
        words = fold_words(text).replace("'", " ").replace("-", " ").split()
        return [w[:PREFIX] for w in words if len(w) > 2 and not w.isdigit() and w not in self.stopwords]


def _words_pattern(phrases: set[str]) -> re.Pattern[str]:
    parts = sorted((re.escape(p) for p in phrases if p), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(" + ("|".join(parts) or "(?!)") + r")(?![\w'])")


@functools.cache
def _lexicon(pack: LanguagePack) -> Lexicon:
    nouns: dict[tuple[str, ...], str] = {}
    predicates: dict[str, str] = {}
    for row in pack.concepts.rows:
        for noun in row.nouns:
            nouns.setdefault(tuple(fold_words(noun).split()), row.concept)
        for phrase in row.predicates:
            predicates.setdefault(fold_words(phrase), row.concept)
    endings = tuple(sorted({fold_words(e) for e in pack.stories.inflections if fold_words(e)}, key=len, reverse=True))
    words = pack.stories
    return Lexicon(
        code=pack.code,
        nouns=nouns,
        longest_noun=max((len(k) for k in nouns), default=1),
        predicate_concept=predicates,
        stopwords=frozenset(fold_words(w) for w in words.stopwords),
        spokesperson=_words_pattern({fold_words(w) for w in words.spokesperson_roles}),
        forecast=_words_pattern({fold_words(w) for w in words.forecast}),
        place_words=frozenset(fold_words(w) for w in words.place_words),
        endings=endings,
    )


def lexicon(code: str) -> Lexicon:
    """The story words of language ``code`` (English's for a language no pack reads)."""
    return _lexicon(get_pack(code if is_supported(code) else "en"))


def all_lexicons() -> tuple[Lexicon, ...]:
    return tuple(_lexicon(p) for p in loaded_packs())


@functools.cache
def _broader() -> dict[str, str]:
    out: dict[str, str] = {}
    for pack in loaded_packs():
        for row in pack.concepts.rows:
            if row.broader:
                out.setdefault(row.concept, row.broader)
    return out


def ancestors(concept: str) -> list[str]:
    """``concept`` and every concept it narrows, nearest first (soldiers, people)."""
    chain, seen = [concept], {concept}
    while chain[-1] in _broader() and _broader()[chain[-1]] not in seen:
        chain.append(_broader()[chain[-1]])
        seen.add(chain[-1])
    return chain


def narrows(concept: str, broader: str) -> bool:
    """Whether ``concept`` is ``broader`` or a narrower concept of it."""
    return broader in ancestors(concept)


def clear_cache() -> None:
    _lexicon.cache_clear()
    _broader.cache_clear()
