"""Canonical names for the institutions and states the international press quotes most.

The same source goes by many names across articles and languages: "le Pentagone", "the Pentagon",
"le département de la Défense" are one source; "Pyongyang" speaking is North Korea. Stories compare
sources by these canonical names. Capitals stand for their state only when they act (speak, send,
decide), so ``canonical_source`` maps them and ``canonical_entity`` does not.
"""

from __future__ import annotations

import re
import unicodedata

# canonical name -> names it goes by (French and English, with acronyms that are not also common words:
# no "UN", "WHO", "US", which a word-level match would find in "un porte-parole" or "who said")
_INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "US Department of Defense": (
        "Pentagone",
        "Pentagon",
        "département de la Défense",
        "Department of Defense",
        "ministère américain de la Défense",
        "US Defense Department",
        "DoD",
    ),
    "US Department of State": (
        "département d'État",
        "Department of State",
        "State Department",
        "diplomatie américaine",
    ),
    "White House": ("Maison Blanche", "White House"),
    "Kremlin": ("Kremlin",),
    "NATO": ("OTAN", "NATO", "Alliance atlantique", "Atlantic Alliance"),
    "United Nations": ("ONU", "Nations unies", "United Nations"),
    "European Union": ("Union européenne", "European Union", "UE", "EU"),
    "European Commission": ("Commission européenne", "European Commission"),
    "South Korean National Intelligence Service": (
        "NIS",
        "National Intelligence Service",
        "Service national du renseignement",
        "renseignement sud-coréen",
        "South Korean intelligence",
        "South Korea's spy agency",
        "services de renseignement sud-coréens",
        "South Korea's National Intelligence Service",
    ),
    "Ukrainian military intelligence (HUR)": (
        "HUR",
        "GUR",
        "renseignement militaire ukrainien",
        "Ukrainian military intelligence",
        "Ukraine's military intelligence",
        "services de renseignement militaire ukrainiens",
    ),
    "Russian Ministry of Defence": (
        "ministère russe de la Défense",
        "Russian Defence Ministry",
        "Russian Defense Ministry",
        "Russian Ministry of Defence",
    ),
    "International Atomic Energy Agency": ("AIEA", "IAEA", "Agence internationale de l'énergie atomique"),
    "World Health Organization": ("OMS", "Organisation mondiale de la santé", "World Health Organization"),
    "International Monetary Fund": ("FMI", "IMF", "Fonds monétaire international", "International Monetary Fund"),
}

# state -> names, demonyms and the seats of power that speak for it
_STATES: dict[str, tuple[str, ...]] = {
    "North Korea": ("Corée du Nord", "North Korea", "nord-coréen", "North Korean", "Pyongyang", "DPRK"),
    "South Korea": ("Corée du Sud", "South Korea", "sud-coréen", "South Korean", "Séoul", "Seoul"),
    "Russia": ("Russie", "Russia", "russe", "Russian", "Moscou", "Moscow"),
    "Ukraine": ("Ukraine", "ukrainien", "Ukrainian", "Kiev", "Kyiv"),
    "United States": ("États-Unis", "Etats-Unis", "United States", "américain", "American", "Washington", "USA"),
    "China": ("Chine", "China", "chinois", "Chinese", "Pékin", "Beijing"),
    "France": ("France", "français", "French", "Paris", "Élysée", "Elysée"),
    "United Kingdom": ("Royaume-Uni", "United Kingdom", "britannique", "British", "Londres", "London", "UK"),
    "Germany": ("Allemagne", "Germany", "allemand", "German", "Berlin"),
    "Japan": ("Japon", "Japan", "japonais", "Japanese", "Tokyo"),
    "Iran": ("Iran", "iranien", "Iranian", "Téhéran", "Tehran"),
    "Israel": ("Israël", "Israel", "israélien", "Israeli"),
}
# Capitals and seats of power: a state only when they act, never as a place.
_SEATS = {
    "Pyongyang",
    "Séoul",
    "Seoul",
    "Moscou",
    "Moscow",
    "Kiev",
    "Kyiv",
    "Washington",
    "Pékin",
    "Beijing",
    "Paris",
    "Élysée",
    "Elysée",
    "Londres",
    "London",
    "Berlin",
    "Tokyo",
    "Téhéran",
    "Tehran",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[\w']+", text))


def _index(table: dict[str, tuple[str, ...]], skip: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(folded alias, canonical) pairs, longest alias first so "coree du nord" wins over "nord"."""
    pairs = [(_fold(alias), canon) for canon, aliases in table.items() for alias in aliases if alias not in skip]
    return sorted(pairs, key=lambda p: -len(p[0]))


_INSTITUTION_INDEX = _index(_INSTITUTIONS)
_STATE_NAME_INDEX = _index(_STATES, skip=_SEATS)
_STATE_ACTOR_INDEX = _index(_STATES)


def _find(folded: str, index: list[tuple[str, str]]) -> str | None:
    padded = f" {folded} "
    for alias, canon in index:
        if f" {alias} " in padded:
            return canon
    return None


def canonical_entity(name: str) -> str | None:
    """The canonical name of an institution or state named exactly by ``name`` (a place stays a place)."""
    folded = _fold(name)
    for alias, canon in _INSTITUTION_INDEX + _STATE_NAME_INDEX:
        if folded == alias or folded in (f"le {alias}", f"la {alias}", f"l'{alias}", f"les {alias}", f"the {alias}"):
            return canon
    return None


def canonical_source(name: str) -> str | None:
    """The institution or state a speaker's name points to, seats of power included, else None.

    Institutions win over states ("le renseignement sud-coréen" is the NIS, not South Korea); a
    person's name never maps (it holds no alias), and neither does a group described by a demonym
    ("des responsables américains" stays a group: demonyms count only as the whole name).
    """
    folded = _fold(name)
    institution = _find(folded, _INSTITUTION_INDEX)
    if institution:
        return institution
    return canonical_entity(name) or next((c for a, c in _STATE_ACTOR_INDEX if folded == a), None)
