"""The bundled demo articles (North Korean troops in Russia): well-formed, and their figures match the facts table.

Fast and spaCy-free: plain JSON and regex checks over src/newsclaims/demo/articles/.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import pytest

from conftest import shared_path
from newsclaims.demo import ARTICLES_PATH, EXAMPLE_FR_PATH, load_articles

KEYS = {"id", "lang", "published", "title", "url", "source", "text"}
FIRST_DAY, LAST_DAY = date(2024, 10, 1), date(2025, 1, 31)

# Numeric figures of ../shared/story/nk-troops-facts.tsv inside the demo window (checked against the file below),
# plus 500: the officers counted within HUR's 12,000 (the table's what_is_counted column).
TSV_FIGURES = {1500, 12000, 3000, 10000, 11000, 8000, 1200, 2000, 30, 1000, 300}
ALLOWED_NUMBERS = TSV_FIGURES | {500}
YEARS = {2024, 2025}

# Who may be credited with which figure (>= 100), from the table's speaker column. Keys are matched as substrings.
SPEAKERS: dict[str, tuple[tuple[str, ...], set[int]]] = {
    "nis": (
        (
            "NIS",
            "National Intelligence Service",
            "Service national du renseignement",
            "renseignement sud-coréen",
            "South Korea's intelligence",
            "Cho Tae-yong",
            "Park Seon-won",
        ),
        {1500, 12000, 3000, 10000, 300},
    ),
    "hur": (
        ("HUR", "military intelligence", "renseignement militaire ukrainien", "renseignement ukrainien", "Budanov"),
        {12000, 500},
    ),
    "pentagon": (("Pentagon", "Pentagone", "Singh"), {10000, 12000}),
    "blinken": (("Blinken",), {10000, 8000, 1200}),
    "kirby": (("Kirby", "White House", "Maison Blanche"), {1000}),
    "zelensky": (("Zelensky",), {11000}),
    "state": (("State Department", "département d'État"), {10000}),
    "nato": (("NATO", "OTAN", "Rutte"), set()),
    "austin": (("Austin",), set()),
    "ua-officials": (("Ukrainian officials", "responsables ukrainiens"), {2000}),
    "press": (("Press reports",), {11000}),
}

SPACES = "\u00a0\u202f"
NUMBER = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[ ,{SPACES}]\d{{3}})+(?!\d)|(?<![\d.,])\d+(?!\d)")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][»”\"])|(?<=[.!?][ \u00a0]»))\s+(?=[A-ZÀ-ÝÉ«“\"])")


def numbers(text: str) -> list[int]:
    """Every number written with digits, French (1 500, 1 500 with no-break spaces) or English (1,500) style."""
    return [int(re.sub(rf"[ ,{SPACES}]", "", m.group())) for m in NUMBER.finditer(text)]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return load_articles()


def test_every_line_is_a_json_object_with_the_expected_keys() -> None:
    lines = ARTICLES_PATH.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.strip() for line in lines)
    for line in lines:
        record = json.loads(line)
        assert isinstance(record, dict) and set(record) == KEYS
        assert all(isinstance(record[key], str) and record[key].strip() for key in KEYS)


def test_set_size_languages_ids_and_dates(articles: list[dict]) -> None:
    assert len(articles) >= 12
    langs = [a["lang"] for a in articles]
    assert set(langs) == {"fr", "en"} and min(langs.count("fr"), langs.count("en")) >= 6
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    for article in articles:
        assert FIRST_DAY <= date.fromisoformat(article["published"]) <= LAST_DAY, article["id"]
        assert article["url"].startswith("https://example.org/"), article["id"]


def test_texts_are_short_articles_in_paragraphs(articles: list[dict]) -> None:
    for article in articles:
        text = article["text"]
        assert text == text.strip() and "\n\n" in text, article["id"]
        assert all(p.strip() == p and p for p in text.split("\n\n")), article["id"]
        assert 200 <= len(text.split()) <= 500, article["id"]


def test_every_article_carries_a_figure_from_the_facts_table(articles: list[dict]) -> None:
    for article in articles:
        assert set(numbers(article["text"])) & TSV_FIGURES, article["id"]


def test_no_number_outside_the_facts_table(articles: list[dict]) -> None:
    for article in articles:
        for value in numbers(article["title"] + "\n" + article["text"]):
            if value >= 100 and value not in YEARS:
                assert value in ALLOWED_NUMBERS, (article["id"], value)


def test_figures_credited_to_the_right_speaker(articles: list[dict]) -> None:
    """In a sentence naming a single source, every figure must be one the table gives that source."""
    checked = 0
    for article in articles:
        for sentence in SENTENCE_END.split(article["text"].replace("’", "'")):
            named = [who for who, (keys, _) in SPEAKERS.items() if any(key in sentence for key in keys)]
            figures = {v for v in numbers(sentence) if v >= 100 and v not in YEARS}
            if len(named) == 1 and figures:
                assert figures <= SPEAKERS[named[0]][1], (article["id"], named[0], figures, sentence)
                checked += 1
    assert checked >= 30  # the check must actually bite


def test_example_fr_is_one_french_article_of_the_set(articles: list[dict]) -> None:
    title, _, body = EXAMPLE_FR_PATH.read_text(encoding="utf-8").partition("\n\n")
    match = [a for a in articles if a["title"] == title]
    assert len(match) == 1 and match[0]["lang"] == "fr" and match[0]["text"] == body.rstrip("\n")


@pytest.mark.shared
def test_figure_constants_match_the_shared_facts_table() -> None:
    path = shared_path("story", "nk-troops-facts.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    in_window = {int(r["figure"]) for r in rows if r["figure"].isdigit() and r["statement_date"] <= "2025-01-31"}
    assert in_window == TSV_FIGURES
