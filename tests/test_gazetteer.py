"""Canonical names of institutions and states, across French and English."""

from __future__ import annotations

import pytest

from newsclaims.gazetteer import canonical_entity, canonical_source


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("le Pentagone", "US Department of Defense"),
        ("the Pentagon", "US Department of Defense"),
        ("le département d’État", "US Department of State"),
        ("l'OTAN", "NATO"),
        ("Service national du renseignement sud-coréen", "South Korean National Intelligence Service"),
        ("NIS", "South Korean National Intelligence Service"),
        ("Pyongyang", "North Korea"),  # a capital that speaks is its state
        ("Corée du Nord", "North Korea"),
    ],
)
def test_sources_resolve_to_one_name_in_both_languages(name: str, canonical: str) -> None:
    assert canonical_source(name) == canonical


@pytest.mark.parametrize("name", ["Antony Blinken", "des responsables américains", "un porte-parole", "who"])
def test_people_groups_and_common_words_do_not_resolve(name: str) -> None:
    assert canonical_source(name) is None


def test_a_capital_as_a_place_stays_a_place() -> None:
    assert canonical_entity("Washington") is None
    assert canonical_entity("Pentagone") == "US Department of Defense"
