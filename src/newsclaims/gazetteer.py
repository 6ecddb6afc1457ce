"""Canonical names of institutions and states, from the language packs' ``entities.tsv``.

The same source goes by many names across articles and languages: "le Pentagone", "the Pentagon",
"le département de la Défense" are one source; "Pyongyang" speaking is North Korea. Every pack lists
the names its language gives to each canonical entity, and the gazetteer reads all registered packs
at once, since an English article may name a source in French and the other way round. Capitals
stand for their state only when they act (speak, send, decide), so ``canonical_source`` maps them and
``canonical_entity`` does not.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newsclaims.languages import loaded_packs
from newsclaims.text import fold_words

# Determiners before an exact name ("le Pentagone", "the Pentagon"), folded.
_DETERMINERS = ("le ", "la ", "l'", "les ", "the ")


@dataclass(frozen=True)
class _Index:
    institutions: tuple[tuple[str, str], ...]  # (folded alias, canonical), longest alias first
    state_names: tuple[tuple[str, str], ...]  # names and demonyms, seats of power left out
    state_actors: tuple[tuple[str, str], ...]  # names, demonyms and seats


def _sorted(pairs: set[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


@functools.cache
def _index() -> _Index:
    inst: set[tuple[str, str]] = set()
    names: set[tuple[str, str]] = set()
    seats: set[tuple[str, str]] = set()
    for pack in loaded_packs():
        for row in pack.entities.rows:
            target = inst if row.kind == "organisation" else names
            target.update((fold_words(n), row.canonical) for n in row.names)
            seats.update((fold_words(n), row.canonical) for n in row.seats)
    return _Index(_sorted(inst), _sorted(names), _sorted(names | seats))


def _find(folded: str, index: tuple[tuple[str, str], ...]) -> str | None:
    padded = f" {folded} "
    for alias, canon in index:
        if f" {alias} " in padded:
            return canon
    return None


def canonical_entity(name: str) -> str | None:
    """The canonical name of an institution or state named exactly by ``name`` (a place stays a place)."""
    folded = fold_words(name)
    idx = _index()
    for alias, canon in idx.institutions + idx.state_names:
        if folded == alias or any(folded == d + alias for d in _DETERMINERS):
            return canon
    return None


def canonical_source(name: str) -> str | None:
    """The institution or state a speaker's name points to, seats of power included, else None.

    Institutions win over states ("le renseignement sud-coréen" is the NIS, not South Korea); a
    person's name never maps (it holds no alias), and neither does a group described by a demonym
    ("des responsables américains" stays a group: demonyms count only as the whole name).
    """
    folded = fold_words(name)
    institution = _find(folded, _index().institutions)
    if institution:
        return institution
    return canonical_entity(name) or next((c for a, c in _index().state_actors if folded == a), None)


def clear_cache() -> None:
    """Forget the index (after a pack is registered at run time)."""
    _index.cache_clear()
