"""The story view: which figures belong to a query, their order, firsts and disagreements."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from newsclaims.cli import cli
from newsclaims.story import StoryPoint, build_story, query_terms

BASE = StoryPoint(
    said_on=date(2024, 10, 28),
    said_on_from="text",
    value=10000.0,
    qualifier="approx",
    low=None,
    high=None,
    unit=None,
    currency=None,
    counted="soldats nord-coréens",
    text="environ 10 000 soldats nord-coréens",
    context="Environ 10 000 soldats nord-coréens sont en Russie, a dit la porte-parole.",
    speaker="Sabrina Singh",
    speaker_role=None,
    cue="a dit",
    lang="fr",
    published=date(2024, 10, 29),
    title="Un titre",
    article_id="a1",
    figure_id="a1:f0",
)


def point(**changes: object) -> StoryPoint:
    return replace(BASE, **changes)


def test_a_french_query_finds_english_figures_and_the_reverse() -> None:
    english = point(
        counted="North Korean troops",
        text="about 10,000 North Korean troops",
        context="About 10,000 North Korean troops are in Russia, she said.",
        lang="en",
        article_id="a2",
        figure_id="a2:f0",
    )
    for query in ("soldats nord-coréens", "North Korean soldiers"):
        story = build_story(query, [BASE, english])
        assert {p.lang for p in story.points} == {"fr", "en"}, query


def test_a_figure_counting_something_else_is_left_out() -> None:
    money = point(
        counted="dollars",
        text="2 000 dollars",
        currency="USD",
        context="La Russie paierait 2 000 dollars par mois pour chaque soldat nord-coréen, selon Kiev.",
        figure_id="a1:f1",
    )
    tanks = point(counted="chars russes", text="40 chars russes", context="40 chars russes ont été détruits.")
    story = build_story("soldats nord-coréens", [BASE, money, tanks])
    assert [p.figure_id for p in story.points] == ["a1:f0"]


def test_points_are_in_the_order_they_were_said_and_repeats_count_once() -> None:
    later = point(
        said_on=date(2024, 11, 4), value=11000.0, speaker="Volodymyr Zelensky", figure_id="a3:f0", article_id="a3"
    )
    repeat = point(figure_id="a1:f5")  # the same source's figure again in the same article
    story = build_story("soldats", [later, repeat, BASE])
    assert [p.figure_id for p in story.points] == ["a1:f0", "a3:f0"]


def test_firsts_and_disagreements() -> None:
    same_days = point(said_on=date(2024, 10, 29), value=12000.0, speaker="HUR", article_id="a4", figure_id="a4:f0")
    far_later = point(
        said_on=date(2024, 12, 27), value=11000.0, speaker="Volodymyr Zelensky", article_id="a5", figure_id="a5:f0"
    )
    unattributed = point(speaker=None, value=9000.0, article_id="a6", figure_id="a6:f0")
    casualties = point(
        said_on=date(2024, 10, 29),
        value=30.0,
        speaker="HUR",
        counted="soldats nord-coréens tués",
        article_id="a7",
        figure_id="a7:f0",
    )
    story = build_story("soldats nord-coréens", [BASE, same_days, far_later, unattributed, casualties])
    assert [(p.value, p.speaker) for p in story.firsts] == [
        (10000.0, "Sabrina Singh"),
        (30.0, "HUR"),
        (12000.0, "HUR"),
        (11000.0, "Volodymyr Zelensky"),
    ]
    # 10,000 vs 12,000 two days apart disagree; 30 dead is another fact; December is another time.
    assert [(a.value, b.value) for a, b in story.disagreements] == [(10000.0, 12000.0)]


def test_one_person_named_two_ways_is_one_source() -> None:
    full = point(speaker="Antony Blinken", value=8000.0, article_id="b1", figure_id="b1:f0")
    short = point(speaker="Blinken", value=10000.0, said_on=date(2024, 10, 29), article_id="b2", figure_id="b2:f0")
    story = build_story("soldats nord-coréens", [full, short])
    assert story.disagreements == ()
    assert [p.value for p in story.firsts] == [8000.0, 10000.0]


def test_query_terms_group_equivalent_words() -> None:
    terms = query_terms("soldats nord-coréens")
    assert len(terms) == 2
    assert any("troop" in t for t in terms) and any("north korean" in t for t in terms)


def test_demo_ingests_the_bundled_articles_and_tells_the_story(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "articles stored" in result.output
    assert "soldats nord-coréens" in result.output
    assert "Who said it first" in result.output
    again = CliRunner().invoke(cli, ["story", "North Korean troops", "--db", str(db), "--format", "json"])
    assert again.exit_code == 0, again.output
    story = json.loads(again.output)
    langs = {p["lang"] for p in story["points"]}
    assert langs == {"fr", "en"}
    assert any(p["speaker"] for p in story["points"])
    values = {p["value"] for p in story["points"]}
    assert {1500.0, 8000.0, 11000.0} <= values
