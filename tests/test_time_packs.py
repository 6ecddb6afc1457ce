"""Times and datelines as language-pack data: malformed packs are refused with their file and line,
each time expression names its rule, rejected matches come with their reason, and a third language
added as a pack folder reads dates with no edit to the code."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from newsclaims.extract.context import Context
from newsclaims.extract.dateline import find_dateline
from newsclaims.extract.times import extract_times
from newsclaims.languages import PackError, UnsupportedLanguage, load_pack, register, unregister
from newsclaims.nlp import load_model
from newsclaims.pipeline import extract_article, make_article
from newsclaims.reading import ReadText
from newsclaims.records import Dropped

SPANISH = Path(__file__).parent / "packs" / "es"
ANCHOR = date(2024, 10, 31)  # a Thursday


# -- malformed packs ------------------------------------------------------------------------------------

GOOD_RULE = """
[macros]
B = '(?<![\\w-])'

[rules.year]
pattern = '{B}(?P<t>[12][0-9]{3})'
builder = "year"
"""


def _pack_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "es"
    shutil.copytree(SPANISH, folder)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _error(tmp_path: Path, text: str, name: str = "times.toml") -> PackError:
    with pytest.raises(PackError) as caught:
        load_pack(_pack_with(tmp_path, name, text))
    assert caught.value.file == name
    assert name in str(caught.value)
    return caught.value


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


@pytest.mark.parametrize(
    ("broken", "needle", "message"),
    [
        (GOOD_RULE.replace("[12][0-9]{3})'", "[12][0-9]{3}'"), "pattern =", "does not compile"),
        (GOOD_RULE.replace("{B}", "{START}"), "pattern =", "{START} is neither a macro nor a word list"),
        (GOOD_RULE.replace("'(?<![\\w-])'", "'{NOWHERE}'"), "B = ", "{NOWHERE}"),
        (GOOD_RULE.replace("'(?<![\\w-])'", "'{B}'"), "B = ", "refers to itself"),
        (GOOD_RULE.replace('"year"', '"a_year"'), "builder =", "builder"),
        (GOOD_RULE + '\n[calendar.months]\nenero = "one"\n', "enero =", "calendar.months.enero"),
        (GOOD_RULE + "\n[cues]\nyear_strong = 3\n", "year_strong =", "cues.year_strong"),
        (GOOD_RULE.replace('builder = "year"', 'builder = "year"\nflags = ["LOUD"]'), "flags =", "flags"),
        (GOOD_RULE + "\n[calendar.feasts]\nFiesta = { month = 5, weekday = 1 }\n", "Fiesta =", "a feast has either"),
    ],
    ids=[
        "bad-regex",
        "unknown-macro",
        "unknown-in-macro",
        "macro-cycle",
        "unknown-builder",
        "wrong-type",
        "wrong-type-list",
        "unknown-flag",
        "feast-without-nth",
    ],
)
def test_a_malformed_times_file_names_its_line(tmp_path: Path, broken: str, needle: str, message: str) -> None:
    error = _error(tmp_path, broken)
    assert error.line == _line_of(broken, needle)
    assert message in str(error)


def test_a_malformed_dateline_form_names_its_line(tmp_path: Path) -> None:
    broken = "[forms.short]\npattern = '^{DAY}/{MONTH}'\n"
    error = _error(tmp_path, broken, "datelines.toml")
    assert error.line == 2
    assert "{DAY}" in str(error)


# -- rules and reasons ----------------------------------------------------------------------------------


def test_each_time_names_the_rule_that_found_it(fr_nlp) -> None:
    doc = fr_nlp("Le conseil s'est réuni le 3 mars 2024, puis hier soir, et reviendra dans trois semaines.")
    found = extract_times(doc, Context(lang="fr", published=ANCHOR))
    assert {t.text: t.rule for t in found} == {
        "le 3 mars 2024": "date",
        "hier soir": "deictic",
        "dans trois semaines": "in",
    }


def test_dropped_matches_come_with_their_reason(fr_nlp) -> None:
    text = "Il habite rue du 4 septembre. Un homme de 38 ans a signé 2000 contrats jeudi."
    dropped: list[Dropped] = []
    found = extract_times(fr_nlp(text), Context(lang="fr", published=ANCHOR), dropped)
    assert [t.text for t in found] == ["jeudi"]
    reasons = {(d.text, d.rule): d.reason for d in dropped}
    assert reasons[("4 septembre", "date")] == "an address"
    assert reasons[("38 ans", "duration")] == "an age"
    assert reasons[("2000", "year")] == "a count of things, not a year"
    for d in dropped:
        assert d.family == "time" and text[d.start : d.end] == d.text


def test_english_drops_the_may_of_a_verb(en_nlp) -> None:
    dropped: list[Dropped] = []
    text = "Officials said the talks May resume, and the minister arrived in May."
    found = extract_times(en_nlp(text), Context(lang="en", published=ANCHOR), dropped)
    assert [(t.text, t.rule) for t in found] == [("May", "month")]
    assert found[0].start == text.rindex("May")
    assert [(d.text, d.reason) for d in dropped] == [
        ("May", "a month name that is also a common word, with no cue before it")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The report is due to be released in May.", {"May": "2025-05"}),
        ("Officials said the envoy could arrive as early as Tuesday.", {"Tuesday": "2024-11-05"}),
        ("The 1992 protests and a 2009 study were cited in 2010.", {"1992": "1992", "2009": "2009", "2010": "2010"}),
    ],
)
def test_english_reads_its_own_way_on_a_parsed_doc(en_nlp, sentence: str, expected: dict[str, str]) -> None:
    # The English pack reads tense by the auxiliaries of the parse, and counts by the word after a year.
    doc = en_nlp(sentence)
    assert doc.has_annotation("DEP")
    assert {t.text: t.value for t in extract_times(doc, Context(lang="en", published=ANCHOR))} == expected


def test_a_language_without_a_pack_gets_no_rules_in_silence(fr_nlp) -> None:
    with pytest.raises(UnsupportedLanguage):
        extract_times(fr_nlp("Le 3 mars 2024."), Context(lang="de", published=ANCHOR))


@pytest.fixture(scope="module")
def en_nlp():
    return load_model("en")


# -- a third language as data ---------------------------------------------------------------------------


@pytest.fixture
def spanish() -> Iterator[None]:
    register(SPANISH)
    try:
        yield
    finally:
        unregister("es")


def test_a_spanish_pack_resolves_dates_against_the_publication_date(spanish: None) -> None:
    published = date(2024, 3, 5)  # a Tuesday
    text = "El ministro llegó el 3 de marzo de 2024. Ayer habló con la prensa y mañana viajará; los lunes descansa."
    found = extract_times(load_model("es")(text), Context(lang="es", published=published))
    assert {t.text: (t.value, t.rule) for t in found} == {
        "el 3 de marzo de 2024": ("2024-03-03", "date"),
        "Ayer": ("2024-03-04", "deictic"),
        "mañana": ("2024-03-06", "deictic"),
        "los lunes": ("XXXX-WXX-1", "weekday"),
    }


def test_a_spanish_weekday_and_month_without_year(spanish: None) -> None:
    doc = load_model("es")("La reunión del jueves fue en octubre.")  # the pack's model "": a blank tokenizer
    found = extract_times(doc, Context(lang="es", published=ANCHOR))
    assert {t.text: t.value for t in found} == {"jueves": "2024-10-31", "octubre": "2024-10"}


def test_spanish_times_through_the_pipeline(spanish: None) -> None:
    text = "MADRID, 3 de marzo de 2024 (EFE) - El Gobierno aprobó ayer el plan, que entrará en vigor en 2025."
    record = extract_article(make_article(ReadText(text=text), lang="es"))
    assert (record.article.published, record.article.published_source) == (date(2024, 3, 3), "dateline")
    assert [(t.text, t.value) for t in record.times] == [
        ("3 de marzo de 2024", "2024-03-03"),
        ("ayer", "2024-03-02"),
        ("2025", "2025"),
    ]


def test_a_spanish_dateline_is_read_once_its_pack_is_registered() -> None:
    text = "MADRID, 3 de marzo de 2024 (EFE) - El Gobierno aprobó el plan."
    assert find_dateline(text, "es", today=ANCHOR) is None
    register(SPANISH)
    try:
        assert find_dateline(text, "es", today=ANCHOR) == date(2024, 3, 3)
    finally:
        unregister("es")
    assert find_dateline(text, "es", today=ANCHOR) is None
