"""Canonical names of institutions, states and people, from data: the language packs' ``entities.tsv``,
babel's country names in every pack's language, and a user's own entities file.

The same source goes by many names across articles and languages: "le Pentagone", "the Pentagon",
"le département de la Défense" are one source; "Pyongyang" speaking is North Korea. Every pack lists
the names its language gives to each canonical entity (with demonyms and seats of power), babel
(CLDR) gives every country's name in each pack's language ("Corée du Nord", "North Korea"), and
``use_entities(path)`` adds a user's file in the same TSV format. All registered packs are read at
once, since an English article may name a source in French and the other way round. Capitals stand
for their state only when they act (speak, send, decide), so ``canonical_source`` maps them and
``canonical_entity`` does not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from newsclaims.errors import UsageError
from newsclaims.languages import PackError, loaded_packs
from newsclaims.languages.entities_data import COLUMNS, EntityRow
from newsclaims.languages.files import load_tsv
from newsclaims.text import fold_words

# Determiners before an exact name ("le Pentagone", "the Pentagon"), folded.
_DETERMINERS = ("le ", "la ", "l'", "les ", "the ")
CANONICAL_LOCALE = "en"  # babel's English country names are the canonical names the packs share

_extra: tuple[EntityRow, ...] = ()  # a user's own entities (use_entities)
_extra_origin: str | None = None


@dataclass(frozen=True)
class _Index:
    institutions: tuple[tuple[str, str], ...]  # (folded alias, canonical), longest alias first
    state_names: tuple[tuple[str, str], ...]  # names and demonyms, seats of power left out
    state_actors: tuple[tuple[str, str], ...]  # names, demonyms and seats
    people: tuple[tuple[str, str], ...]  # the names of people a user's file lists
    kinds: dict[str, str]  # canonical -> organisation, state or person
    scan: re.Pattern[str]  # every alias but seats, for finding entities inside a folded text
    scan_canonical: dict[str, str]  # folded alias -> canonical, for ``scan``'s matches
    endings: tuple[str, ...]  # inflections a name may take in ``scan``
    exact: dict[str, str]  # folded name, bare or after a determiner -> canonical (``canonical_entity``)
    actors: dict[str, str]  # folded name, demonym or seat -> canonical state (``canonical_source``)


def _sorted(pairs: set[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


def _countries() -> Iterable[tuple[str, str]]:
    """(name, canonical) for every country in every pack's language: babel's territories that have a
    time zone (countries and dependencies, not groupings such as the EU or the UN)."""
    zones = get_global("territory_zones")
    canonical = Locale.parse(CANONICAL_LOCALE).territories
    codes = [c for c in canonical if isinstance(c, str) and len(c) == 2 and c.isalpha() and c in zones]
    for lang in {CANONICAL_LOCALE, *(p.code for p in loaded_packs())}:
        try:
            names = Locale.parse(lang).territories
        except (UnknownLocaleError, ValueError):
            continue  # a pack for a language CLDR does not know: its entities.tsv names its countries
        for code in codes:
            if code in names:
                yield names[code], canonical[code]


def _rows() -> Iterable[EntityRow]:
    for pack in loaded_packs():
        yield from pack.entities.rows
    yield from _extra


@functools.cache
def _index() -> _Index:
    inst: set[tuple[str, str]] = set()
    names: set[tuple[str, str]] = set()
    seats: set[tuple[str, str]] = set()
    people: set[tuple[str, str]] = set()
    kinds: dict[str, str] = {}
    for name, canon in _countries():
        names.add((fold_words(name), canon))
        kinds[canon] = "state"
    for row in _rows():
        target = {"organisation": inst, "state": names, "person": people}[row.kind]
        target.update((fold_words(n), row.canonical) for n in (*row.names, row.canonical) if fold_words(n))
        seats.update((fold_words(n), row.canonical) for n in row.seats)
        kinds[row.canonical] = row.kind
    scan = {a: c for a, c in (*inst, *names, *people) if a}
    # One alternation, longest alias first, matched on whole words of a folded text; a name or a
    # demonym may take the endings the packs list ("nord-coréennes", "North Koreans", "Russia's").
    endings = sorted({fold_words(e) for p in loaded_packs() for e in p.stories.inflections if e}, key=len)
    inflected = "(?:" + "|".join(re.escape(e) for e in endings) + ")?" if endings else ""
    parts = [re.escape(a) + inflected for a in sorted(scan, key=len, reverse=True)]
    pattern = "|".join(parts) or "(?!)"
    institutions, state_names, state_actors, listed = (
        _sorted(inst),
        _sorted(names),
        _sorted(names | seats),
        _sorted(people),
    )
    # Lookups by the whole name, built once: the first alias in the order the scans kept wins.
    exact: dict[str, str] = {}
    for alias, canon in institutions + state_names + listed:
        for key in (alias, *(d + alias for d in _DETERMINERS)):
            exact.setdefault(key, canon)
    actors: dict[str, str] = {}
    for alias, canon in state_actors:
        actors.setdefault(alias, canon)
    return _Index(
        institutions,
        state_names,
        state_actors,
        listed,
        kinds,
        re.compile(rf"(?<!\w)({pattern})(?![\w'])"),
        scan,
        tuple(endings),
        exact,
        actors,
    )


def _find(folded: str, index: tuple[tuple[str, str], ...]) -> str | None:
    # An elided article stays on its word when folded ("d'acme"): look behind it too.
    padded, elided = f" {folded} ", f" {folded.replace(chr(39), chr(39) + ' ')} "
    for alias, canon in index:
        if f" {alias} " in padded or f" {alias} " in elided:
            return canon
    return None


def canonical_entity(name: str) -> str | None:
    """The canonical name of an institution or state named exactly by ``name`` (a place stays a place)."""
    return _index().exact.get(fold_words(name))


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
    return canonical_entity(name) or _index().actors.get(folded)


def institution_in(text: str) -> str | None:
    """The first institution named anywhere in ``text`` ("porte-parole du Pentagone"), else None."""
    return _find(fold_words(text), _index().institutions)


def seat_of(name: str) -> str | None:
    """The state whose seat of power ``name`` is, exactly ("Pyongyang"), else None."""
    folded = fold_words(name)
    return next((c for a, c in _index().state_actors if folded == a and (a, c) not in _index().state_names), None)


def entities_in(text: str) -> list[str]:
    """Canonical names of every institution, state (names and demonyms) and listed person named in
    ``text``, in order, each once."""
    idx = _index()
    out: list[str] = []
    for m in idx.scan.finditer(fold_words(text)):
        canon = _matched(idx, m.group(0))
        if canon and canon not in out:
            out.append(canon)
    return out


def states_in(text: str) -> list[str]:
    """The states ``text`` names, by name or demonym, canonical, in order."""
    return [c for c in entities_in(text) if kind_of(c) == "state"]


def without_entities(text: str) -> str:
    """``text`` less the names of institutions and states it holds ("Russia's Kursk region" ->
    "Kursk region"), in its own words."""
    idx = _index()
    words = text.split()
    kept = [w for w in words if not idx.scan.fullmatch(fold_words(w))]
    if len(kept) == len(words):  # names of several words ("Corée du Nord"): drop them from the folded form
        folded = idx.scan.sub(" ", fold_words(text)).split()
        return " ".join(w for w in words if fold_words(w) in folded)
    return " ".join(kept)


def _matched(idx: _Index, alias: str) -> str | None:
    """The canonical name of a scanned alias, its ending dropped when it took one."""
    if alias in idx.scan_canonical:
        return idx.scan_canonical[alias]
    for ending in idx.endings:
        if alias.endswith(ending) and alias[: -len(ending)] in idx.scan_canonical:
            return idx.scan_canonical[alias[: -len(ending)]]
    return None


def kind_of(canonical: str) -> str | None:
    """organisation, state or person for a canonical name the gazetteer knows, else None."""
    return _index().kinds.get(canonical)


def load_entities_file(path: str | Path) -> tuple[EntityRow, ...]:
    """A user's entities file (the TSV of the packs' entities.tsv, with ``person`` rows allowed);
    a malformed file is a UsageError naming the file and the line."""
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"--entities {path}: no such file")
    try:
        return tuple(load_tsv(file.parent, file.name, EntityRow, COLUMNS, "entities"))
    except PackError as exc:
        where = f"{path}, line {exc.line}" if exc.line else str(path)
        message = str(exc).split(": ", 2)[-1]
        raise UsageError(f"--entities {where}: {message}") from None


def use_entities(path: str | Path | None) -> None:
    """Add a user's entities file to every lookup (None removes it); read once per path."""
    global _extra, _extra_origin
    origin = str(path) if path is not None else None
    if origin == _extra_origin:
        return
    _extra = load_entities_file(path) if path is not None else ()
    _extra_origin = origin
    clear_cache()


def use_entity_rows(rows: Sequence[EntityRow], origin: str) -> None:
    """Add entities already read (a Spark task gets the driver's file as rows)."""
    global _extra, _extra_origin
    if origin == _extra_origin:
        return
    _extra, _extra_origin = tuple(rows), origin
    clear_cache()


def extra_rows() -> Sequence[EntityRow]:
    return _extra


def clear_cache() -> None:
    """Forget the index (after a pack is registered at run time, or another entities file is used)."""
    _index.cache_clear()
