"""Figures read from language packs: a malformed figures.toml is refused with its file and line, every
figure names its rule and every number set aside its reason, and a Spanish pack written in tests/
(no edit outside its folder) reads Spanish figures. The sentences are the team's own."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from newsclaims.extract.context import Context
from newsclaims.extract.figures import extract_figures
from newsclaims.extract.figures.lexicon import lexicon_for
from newsclaims.languages import LanguagePack, PackError, get_pack, load_pack, register, unregister
from newsclaims.nlp import load_model
from newsclaims.records import Dropped

SPANISH = Path(__file__).parent / "packs" / "es"


# --- a malformed figures.toml ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "says"),
    [
        (
            '[numbers]\ntext2num = "es"\n\n[qualifiers.before]\n"al menos" = "at_least"\n"cerca de" = "aprox"\n',
            6,
            "approx",
        ),
        ("[numbers]\nwords = 'uno dos'\nthousands_separator = 3\n", 3, "string"),
        ("[scales.words]\nmil = 1000\nmillones = 'muchos'\n", 3, "integer"),
        ('[change]\nstems = true\npast_form = "(?:ado|ido"\n', 3, "regular expression"),
        ('[numbers]\ntext2num = "xx"\n', 2, "text2num"),
        ('[counted]\nstopword = "el la"\n', 2, "Extra inputs"),
    ],
)
def test_a_malformed_figures_file_names_its_file_and_line(tmp_path: Path, body: str, line: int, says: str) -> None:
    pack = tmp_path / "es"
    shutil.copytree(SPANISH, pack)
    (pack / "figures.toml").write_text(body, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(pack)
    assert (caught.value.file, caught.value.line) == ("figures.toml", line)
    assert f"figures.toml, line {line}" in str(caught.value) and says in str(caught.value)


def test_the_lexicon_is_compiled_once_per_pack() -> None:
    assert lexicon_for(get_pack("fr")) is lexicon_for(get_pack("fr"))
    assert lexicon_for(get_pack("fr")) is not lexicon_for(get_pack("en"))


# --- rules and reasons -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def en_nlp():
    return load_model("en")


def test_every_figure_names_the_rule_that_found_it(fr_nlp) -> None:
    doc = fr_nlp(
        "Une trentaine de maisons ont brûlé, des milliers de familles ont fui et vingt-deux personnes ont "
        "été secourues ; la reconstruction coûtera entre 2 et 3 milliards d'euros, dont 800 000 € déjà versés."
    )
    found = extract_figures(doc, Context(lang="fr"))
    assert [(f.text, f.rule) for f in found] == [
        ("Une trentaine de maisons", "approx-noun"),
        ("des milliers de familles", "vague-noun"),
        ("vingt-deux personnes", "words"),
        ("entre 2 et 3 milliards d'euros", "range"),
        ("800 000 €", "digits"),
    ]


def test_numbers_set_aside_are_listed_with_their_reason(fr_nlp, en_nlp) -> None:
    text = "Le sommet s'est ouvert le 3 juin 2012 à Rome ; l'article 49 a été invoqué deux fois."
    dropped: list[Dropped] = []
    assert extract_figures(fr_nlp(text), Context(lang="fr"), dropped) == []
    assert [(d.family, d.text, d.reason) for d in dropped] == [
        ("figure", "3", "a date"),
        ("figure", "2012", "a date"),
        ("figure", "49", "a reference"),
        ("figure", "deux", "not a count (fois)"),
    ]
    assert all(text[d.start : d.end] == d.text and d.rule for d in dropped)

    text = "John Smith, 45, said 3,000 troops served there from 2008 to 2009."
    dropped = []
    found = extract_figures(en_nlp(text), Context(lang="en"), dropped)
    assert [f.text for f in found] == ["3,000 troops"]
    assert [(d.text, d.rule, d.reason) for d in dropped] == [
        ("45", "digits", "an age"),
        ("2008 to 2009", "range", "a span of years"),
    ]


def test_listing_what_was_dropped_changes_no_figure(fr_nlp) -> None:
    doc = fr_nlp("Près de 8 000 soldats sont arrivés le 3 juin, et 12 blindés le 4 juin.")
    assert extract_figures(doc, Context(lang="fr"), []) == extract_figures(doc, Context(lang="fr"))


# --- a third language, from data only --------------------------------------------------------------


@pytest.fixture
def spanish() -> Iterator[LanguagePack]:
    pack = register(SPANISH)
    yield pack
    unregister("es")


@pytest.fixture(scope="module")
def es_nlp():
    nlp = spacy.blank("es")  # what the pack's model "" means: a tokenizer, rule-based sentences, no parse
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize(
    ("sentence", "text", "value", "qualifier", "unit", "counted"),
    [
        ("Cerca de 3.000 soldados cruzaron la frontera.", "Cerca de 3.000 soldados", 3000, "approx", None, "soldados"),
        ("Al menos 25 personas murieron en el ataque.", "Al menos 25 personas", 25, "at_least", None, "personas"),
        (
            "El plan costará más de 2 millones de euros.",
            "más de 2 millones de euros",
            2_000_000,
            "at_least",
            "EUR",
            None,
        ),
        ("La columna avanzó hasta 40 kilómetros.", "hasta 40 kilómetros", 40, "at_most", "km", None),
        ("Veintitrés heridos llegaron al hospital.", "Veintitrés heridos", 23, "exact", None, "heridos"),
        ("Decenas de miles de personas marcharon.", "Decenas de miles de personas", 10_000, "vague", None, "personas"),
    ],
)
def test_a_spanish_pack_reads_spanish_figures(
    spanish: LanguagePack, es_nlp, sentence: str, text: str, value: int, qualifier: str, unit: str | None, counted
) -> None:
    found = extract_figures(es_nlp(sentence), Context(lang="es"))
    assert [(f.text, f.value, f.qualifier, f.unit, f.counted) for f in found] == [
        (text, value, qualifier, unit, counted)
    ]


def test_a_spanish_pack_sets_aside_dates_and_durations(spanish: LanguagePack, es_nlp) -> None:
    dropped: list[Dropped] = []
    doc = es_nlp("El 15 de mayo llegaron 200 soldados, tras tres días de marcha.")
    found = extract_figures(doc, Context(lang="es"), dropped)
    assert [(f.text, f.value) for f in found] == [("200 soldados", 200)]
    assert [(d.text, d.reason) for d in dropped] == [("15", "a date"), ("tres días", "a time or a duration")]
