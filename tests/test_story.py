"""Figure series: which figures a query names, claims with their reports, revisions, disagreements."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from newsclaims.cli import cli
from newsclaims.stories.series import StoryPoint, build_story, read_query

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
    concept="soldiers",
    about="North Korea",
    about_id="nk",
    place="Russia",
    place_id="ru",
    source="US Department of Defense",
    source_id="dod",
)


def point(**changes: object) -> StoryPoint:
    return replace(BASE, **changes)


def test_a_query_names_concepts_and_entities_in_either_language() -> None:
    for words in ("soldats nord-coréens", "North Korean troops"):
        q = read_query(words)
        assert q.concepts == ("soldiers",) and q.entities == ("North Korea",), words


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


def test_a_figure_counting_something_else_or_someone_else_is_left_out() -> None:
    money = point(concept="money", currency="USD", text="2 000 dollars", figure_id="a1:f1")
    russians = point(about="Russia", about_id="ru", counted="soldats russes", context="1 200 soldats russes.")
    story = build_story("soldats nord-coréens", [BASE, money, russians])
    assert [p.figure_id for p in story.points] == ["a1:f0"]


def test_one_figure_reported_by_many_articles_is_one_point_with_its_first_report() -> None:
    later = point(article_id="a2", figure_id="a2:f3", published=date(2024, 10, 30), said_on_from="published")
    earlier = point(article_id="a0", figure_id="a0:f1", published=date(2024, 10, 28))
    story = build_story("soldats", [later, BASE, earlier])
    [series] = story.series
    [claim] = series.points
    assert [p.article_id for p in claim.reports] == ["a0", "a1", "a2"]
    assert claim.first.article_id == "a0"
    assert [p.figure_id for p in story.firsts] == ["a0:f1"]


def test_a_source_changing_its_figure_is_a_revision_and_a_repeat_is_not() -> None:
    repeat = point(said_on=date(2024, 11, 2), article_id="a2", figure_id="a2:f0")
    revised = point(said_on=date(2024, 12, 30), value=12000.0, article_id="a3", figure_id="a3:f0")
    story = build_story("soldats", [BASE, repeat, revised])
    assert story.revisions == {"a3:f0": 10000.0}


def test_disagreements_need_the_same_place_the_same_week_and_intervals_that_cannot_both_hold() -> None:
    kursk = {"place": "Kursk", "place_id": "kursk"}
    blinken = point(source="Antony Blinken", source_id="ab", value=8000.0, said_on=date(2024, 10, 31), **kursk)
    zelensky = point(
        source="Volodymyr Zelensky",
        source_id="vz",
        value=11000.0,
        qualifier="exact",
        said_on=date(2024, 11, 4),
        article_id="a2",
        figure_id="a2:f0",
        **kursk,
    )
    in_russia = point(
        value=12000.0, said_on=date(2024, 10, 30), article_id="a3", figure_id="a3:f0", source="HUR", source_id="hur"
    )  # Russia, not Kursk: another scope
    overlapping = point(
        value=3000.0,
        qualifier="at_least",
        source="NIS",
        source_id="nis",
        article_id="a4",
        figure_id="a4:f0",
        **kursk,
        said_on=date(2024, 11, 1),
    )  # 3,000 or more: both may hold
    forecast = point(
        value=20000.0,
        qualifier="exact",
        source="NIS",
        source_id="nis",
        forecast=True,
        article_id="a5",
        figure_id="a5:f0",
        **kursk,
        said_on=date(2024, 11, 1),
    )
    much_later = point(
        source="X",
        source_id="x",
        value=30000.0,
        qualifier="exact",
        said_on=date(2024, 12, 20),
        article_id="a6",
        figure_id="a6:f0",
        **kursk,
    )
    story = build_story("soldats", [blinken, zelensky, in_russia, overlapping, forecast, much_later])
    assert [(a.value, b.value) for a, b in story.disagreements] == [(8000.0, 11000.0)]


def test_a_spokesperson_counts_for_the_institution_named_elsewhere() -> None:
    spoke = point(source="Sabrina Singh", source_id="singh", article_id="a2", figure_id="a2:f0")
    story = build_story("soldats", [BASE, spoke], speaks_for={"singh": "dod"})
    assert {p.source for p in story.points} == {"US Department of Defense"}
    assert len(story.series[0].points) == 1


def test_demo_ingests_the_bundled_articles_and_tells_the_story(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert "articles stored" in result.output
    assert "soldats nord-coréens" in result.output
    assert "Where sources disagree" in result.output
    listed = json.loads(CliRunner().invoke(cli, ["stories", "--db", str(db), "--format", "json"]).output)
    demo_story = max(listed, key=lambda s: s["n_articles"])
    # The 18 wire stories, French and English, are one story.
    assert demo_story["n_articles"] == 18 and demo_story["languages"] == ["en", "fr"]
    again = CliRunner().invoke(cli, ["story", "North Korean troops", "--db", str(db), "--format", "json"])
    assert again.exit_code == 0, again.output
    story = json.loads(again.output)
    assert {p["lang"] for p in story["points"]} == {"fr", "en"}
    main = story["series"][0]
    said = [(p["source"], p["value"]) for p in main["points"]]
    # 1,500 (South Korean intelligence) -> 3,000 -> about 10,000 (the Pentagon, whose spokeswoman
    # gave it) -> about 8,000 in Kursk (Blinken) -> 11,000 (Zelensky) -> about 12,000 (the Pentagon).
    wanted = [
        ("South Korean National Intelligence Service", 1500.0),
        ("South Korean National Intelligence Service", 3000.0),
        ("US Department of Defense", 10000.0),
        ("Antony Blinken", 8000.0),
        ("Volodymyr Zelensky", 11000.0),
        ("US Department of Defense", 12000.0),
    ]
    assert [x for x in said if x in wanted] == wanted
    assert {(r["source"], r["from"], r["to"]) for r in main["revisions"]} >= {
        ("US Department of Defense", 10000.0, 12000.0)
    }
    pairs = {(d["a"]["source"], d["b"]["source"]) for d in main["disagreements"]}
    assert ("Antony Blinken", "Volodymyr Zelensky") in pairs
    # Kursk is not Russia: Blinken's 8,000 in Kursk disagrees with no figure for Russia.
    assert all(d["a"]["place"] == d["b"]["place"] for d in main["disagreements"])
    by_id = CliRunner().invoke(cli, ["story", "--story", demo_story["id"], "--db", str(db), "--format", "json"])
    assert json.loads(by_id.output)["series"][0]["concept"] == "soldiers"
