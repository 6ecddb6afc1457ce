"""Stable ids of canonical entities, and the keys that let one name meet its other spellings.

An entity's id is a hash of its kind and its key, so the same entity gets the same id in every
article, every run and every store. Institutions and states are keyed by their canonical name
(the gazetteer gives it, whatever language named them). People and places are keyed by the
consonant skeleton of their words, so that transliterations across languages meet: "Koursk" and
"Kursk", "Boudanov" and "Budanov", "Zelensky" and "Zelenskyy".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from newsclaims.text import fold, fold_words

EntityKind = str  # person, organisation, state, place, group
ENTITY_KINDS = ("person", "organisation", "state", "place", "group")
_VOWELS = set("aeiouyhw")  # h and w too: "Kharkiv"/"Kharkov", "Moscow"/"Moscou"
MIN_SKELETON = 3  # shorter skeletons ("kv" for Kyiv) would meet too many other names: the word is kept


@dataclass(frozen=True)
class EntityRef:
    """A canonical entity: its stable id, its kind and the name it is shown by."""

    id: str
    kind: EntityKind
    name: str


def entity_id(kind: str, key: str) -> str:
    return hashlib.sha256(f"{kind}\x1f{key}".encode()).hexdigest()[:16]


def skeleton(word: str) -> str:
    """The first letter and the consonants of a folded word, doubled letters once ("krsk")."""
    letters = [c for c in fold(word) if c.isalpha()]
    if not letters:
        return ""
    out = [letters[0]]
    for c in letters[1:]:
        if c not in _VOWELS and c != out[-1]:
            out.append(c)
    return "".join(out)


def name_key(name: str) -> str:
    """The key of a person's or a place's name: the skeleton of each word (the word itself when its
    skeleton is too short to tell names apart)."""
    parts = []
    for word in fold_words(name).replace("'", " ").replace("-", " ").split():
        s = skeleton(word)
        parts.append(s if len(s) >= MIN_SKELETON else word)
    return " ".join(parts)


def plain_key(name: str) -> str:
    return fold_words(name)


def known(kind: EntityKind, canonical: str) -> EntityRef:
    """An institution, state or listed person the gazetteer knows, by its canonical name."""
    return EntityRef(entity_id(kind, plain_key(canonical)), kind, canonical)


def person(name: str) -> EntityRef:
    return EntityRef(entity_id("person", name_key(name)), "person", name)


def place(name: str) -> EntityRef:
    return EntityRef(entity_id("place", name_key(name)), "place", name)


def other(kind: EntityKind, name: str) -> EntityRef:
    """An organisation or a group the gazetteer does not know: keyed by its folded name."""
    return EntityRef(entity_id(kind, plain_key(name)), kind, name)


_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ]")


def looks_like_name(text: str) -> bool:
    """Whether a speaker's name is a proper name ("Antony Blinken"), not a description ("député
    sud-coréen", "chef de l'État"): it starts with a capital letter."""
    return bool(_NAME_WORD.match(text.strip()))
