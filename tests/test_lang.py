"""Language identification of inputs that do not say their language: the opening of the text decides."""

from __future__ import annotations

import pytest

from newsclaims.lang import OPENING, detect_language

FRENCH = (
    "La préfecture a annoncé mardi la fermeture du pont pour trois semaines de travaux urgents. "
    "Selon le maire, la circulation sera déviée par le centre-ville pendant toute la durée du chantier. "
)
ENGLISH = (
    "The council said on Tuesday that the bridge would stay closed for at least three weeks of repairs. "
    "Traffic will be diverted through the town centre, the mayor told reporters after the meeting. "
)
GERMAN = (
    "Die Stadtverwaltung teilte am Dienstag mit, dass die Brücke wegen dringender Reparaturen "
    "für mindestens drei Wochen gesperrt bleibt. Der Bürgermeister sprach von einer schwierigen Lage. "
)


@pytest.mark.parametrize(("text", "lang"), [(FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de")])
def test_a_short_text_is_told_apart(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_the_opening_decides_however_long_the_text() -> None:
    opening = FRENCH * (OPENING // len(FRENCH) + 1)
    # An English tail ten times longer than the opening: read whole, the text would be English.
    text = opening + ENGLISH * (10 * OPENING // len(ENGLISH))
    assert detect_language(text[len(opening) :]) == "en"
    assert detect_language(text) == "fr"
