"""Stories' pure parts: entity ids, what a record points to, grouping, claims, the user's entities file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsclaims import gazetteer
from newsclaims.errors import UsageError
from newsclaims.records import (
    Article,
    ArticleRecord,
    Entity,
    Figure,
    Speaker,
    Statement,
    TextSpan,
    TimeExpr,
    article_id,
)
from newsclaims.stories.claims import Report, group_claims
from newsclaims.stories.grouping import ArticleFeatures, Settings, group
from newsclaims.stories.keys import known, name_key, place
from newsclaims.stories.links import record_links
from newsclaims.stories.measure import pair_score
from test_store import span


def test_one_entity_one_id_across_languages_and_spellings() -> None:
    assert known("state", gazetteer.canonical_entity("la Corée du Nord") or "") == known("state", "North Korea")
    assert gazetteer.entities_in("des soldats nord-coréennes et North Koreans") == ["North Korea"]
    assert place("Koursk").id == place("Kursk").id and place("Kursk").id != place("Kherson").id
    assert name_key("Volodymyr Zelensky") == name_key("Volodymyr Zelenskyy")
    # Country names come from babel in every pack's language, beyond the packs' own rows.
    assert gazetteer.canonical_entity("Allemagne") == gazetteer.canonical_entity("Germany") == "Germany"
    assert gazetteer.canonical_entity("Islande") == "Iceland"


def spokesperson_record() -> ArticleRecord:
    text = (
        "Des soldats tués\n\nLa porte-parole du Pentagone, Sabrina Singh, a déclaré lundi que "
        "près de 300 soldats nord-coréens ont été tués dans la région de Koursk, et que 2 000 dollars étaient versés."
    )
    start = text.index("La porte-parole")
    sentence = TextSpan(text[start:], start, len(text))
    content = span(text, "près de 300 soldats nord-coréens ont été tués dans la région de Koursk")
    speaker = Speaker("Sabrina Singh", span(text, "Sabrina Singh"), "person", "porte-parole du Pentagone")
    statement = Statement(speaker, span(text, "a déclaré"), content, "indirect", sentence, 0.9)
    count = span(text, "près de 300 soldats nord-coréens")
    money = span(text, "2 000 dollars")
    return ArticleRecord(
        article=Article(article_id(text), text, "fr", "Des soldats tués", published=date(2024, 12, 1)),
        statements=(statement,),
        figures=(
            Figure(300, "approx", count.text, count.start, count.end, counted="soldats nord-coréens", statement=0),
            Figure(2000, "exact", money.text, money.start, money.end, currency="USD", statement=0),
        ),
        entities=(
            Entity("Sabrina Singh", text.index("Sabrina"), text.index("Sabrina") + 13, "PER", "Sabrina Singh"),
            Entity("Koursk", text.index("Koursk"), text.index("Koursk") + 6, "LOC", "Koursk"),
        ),
    )


def test_a_record_points_to_entities_concepts_places_and_sources() -> None:
    links = record_links(spokesperson_record())
    [speaker] = links.speakers
    assert speaker.entity is not None and speaker.entity.kind == "person"
    assert speaker.affiliation == known("organisation", "US Department of Defense") and speaker.speaks_for
    assert speaker.source == speaker.affiliation  # a spokesperson's figures count for the Pentagon
    dead, money = links.figures
    assert dead.concept == "deaths"  # soldiers, narrowed by "tués"
    assert dead.about == known("state", "North Korea") and dead.place == place("Koursk")
    assert dead.source == speaker.affiliation
    assert money.concept == "money"
    kinds = {f.kind for f in links.features}
    assert {"person", "organisation", "concept", "value", "title", "word", "surname"} <= kinds


def test_a_time_of_day_names_its_day_and_a_duration_names_none() -> None:
    record = spokesperson_record()
    text = record.article.text
    lundi = text.index("lundi")
    times = (
        TimeExpr("lundi", lundi, lundi + 5, "date", "2024-11-25TEV", "day"),
        TimeExpr("lundi", lundi, lundi + 5, "date", "2024-11-24", "day"),
        TimeExpr("lundi", lundi, lundi + 5, "duration", "P1M"),
        TimeExpr("lundi", lundi, lundi + 5, "date", "2024-11", "month"),
        TimeExpr("lundi", lundi, lundi + 5, "date", "XXXX-10-31", "day"),  # a day whose year is unknown
    )
    links = record_links(replace(record, times=times))
    assert {f.key for f in links.features if f.kind == "date"} == {"2024-11-24", "2024-11-25", "XXXX-10-31"}


def features(aid: str, day: date, *keys: str, lang: str = "fr") -> ArticleFeatures:
    return ArticleFeatures(aid, day, lang, {k: 1.0 for k in keys})


def test_articles_join_a_story_within_its_window_and_a_bridge_joins_two() -> None:
    nk = ("state:nk", "place:kursk", "surname:blnkn", "organisation:nis", "concept:soldiers", "value:8000")
    other = ("state:fr", "organisation:sncf", "surname:drnd", "place:lyon", "concept:jobs", "value:520")
    noise = [
        features(f"n{i}", date(2024, 10, 1), f"organisation:o{i}", f"place:p{i}", f"surname:s{i}") for i in range(20)
    ]
    arts = [
        features("a1", date(2024, 10, 18), *nk),
        features("a2", date(2024, 10, 20), *nk[:5], "title:fr:soldat", lang="en"),
        features("b1", date(2024, 10, 19), *other),
        features("a3", date(2025, 6, 1), *nk),  # the same clues, months later: another story
        *noise,
    ]
    placed = {a.article_id: a.story_id for a in group(arts, Settings())}
    assert placed["a1"] == placed["a2"] != placed["b1"]
    assert placed["a3"] != placed["a1"]
    assert pair_score(placed, {"a1": "x", "a2": "x"}).f1 == 1.0
    # Two stories told apart until an article shares enough with both: they become one.
    half = ("organisation:nis", "place:kursk", "surname:blnkn")
    rest = ("state:nk", "concept:soldiers", "value:8000")
    split = [features("c1", date(2024, 10, 1), *half, "date:x"), features("c2", date(2024, 10, 2), *rest, "date:y")]
    bridge = features("c3", date(2024, 10, 3), *half, *rest, "date:x", "date:y")
    placed = {a.article_id: a.story_id for a in group([*split, bridge, *noise], Settings())}
    assert placed["c1"] == placed["c2"] == placed["c3"]


def test_the_people_a_title_names_are_a_clue_of_their_own() -> None:
    record = spokesperson_record()
    assert not [f for f in record_links(record).features if f.kind == "title_person"]  # "Des soldats tués"
    titled = replace(record, article=replace(record.article, title="Singh : « les pertes sont lourdes »"))
    assert [f.key for f in record_links(titled).features if f.kind == "title_person"] == [name_key("Singh")]


def _campaign_noise() -> list[ArticleFeatures]:
    return [
        features(f"n{i}", date(2024, 10, 1), f"organisation:o{i}", f"place:p{i}", "state:us", "surname:dpnt")
        for i in range(20)
    ]


CAMPAIGN = ("surname:dpnt", "surname:mrtn", "state:us", "place:ohio", "title:fr:electi", "word:fr:campag")


def test_an_article_whose_title_names_the_storys_protagonist_joins_it() -> None:
    # A campaign told by two articles whose titles name its candidates; then the result, which
    # shares few words with them: naming the winner in its title is what places it.
    first = features("c1", date(2024, 10, 1), *CAMPAIGN, "title_person:dpnt", "title_person:mrtn", "date:d1")
    second = features("c2", date(2024, 10, 3), *CAMPAIGN, "title_person:dpnt", "word:fr:chomag", "date:d2")
    result = ("surname:dpnt", "state:us", "word:fr:campag", "word:fr:congre", "place:chicago", "date:d3")
    placed = {}
    for title in ("title_person:dpnt", None):
        last = features("r", date(2024, 10, 8), *result, *([title] if title else []))
        placed[title] = {a.article_id: a.story_id for a in group([*_campaign_noise(), first, second, last], Settings())}
    assert placed["title_person:dpnt"]["r"] == placed["title_person:dpnt"]["c1"] == placed["title_person:dpnt"]["c2"]
    assert placed[None]["r"] != placed[None]["c1"]  # the same words without the title's name: apart


def test_a_title_naming_another_person_counts_against_the_story() -> None:
    first = features("c1", date(2024, 10, 1), *CAMPAIGN, "title_person:mrtn", "date:d1")
    second = features("c2", date(2024, 10, 3), *CAMPAIGN, "title_person:mrtn", "word:fr:chomag", "date:d2")
    later = ("surname:dpnt", "surname:mrtn", "state:us", "place:chicago", "date:d3")  # enough to join
    score = {}
    for title in ("title_person:mrtn", None, "title_person:dpnt"):
        last = features("r", date(2024, 10, 8), *later, *([title] if title else []))
        [placed] = [a for a in group([*_campaign_noise(), first, second, last], Settings()) if a.article_id == "r"]
        assert placed.story_id == "sc1"
        score[title] = placed.score
    assert score["title_person:mrtn"] > score[None] > score["title_person:dpnt"]


def test_a_person_in_both_titles_is_one_shared_clue_not_two() -> None:
    # Two stories about one politician, a month's worth of news apart in subject: the person (by
    # surname, and named in both titles) and a word are all they share, short of the two clues a
    # story needs besides words.
    one = features("a1", date(2024, 10, 1), "surname:dpnt", "title_person:dpnt", "word:fr:budget", "place:lyon")
    two = features("a2", date(2024, 10, 4), "surname:dpnt", "title_person:dpnt", "word:fr:budget", "place:brest")
    placed = {a.article_id: a.story_id for a in group([*_campaign_noise(), one, two], Settings())}
    assert placed["a1"] != placed["a2"]


def test_a_title_names_a_person_only_with_a_capital() -> None:
    text = "Theresa May a parlé lundi devant les députés."
    may = Entity("Theresa May", 0, 11, "PER", "Theresa May")
    for title, found in (("Le pétrole may monter", False), ("May quitte Downing Street", True)):
        record = ArticleRecord(article=Article(article_id(text), text, "fr", title), entities=(may,))
        keys = [f.key for f in record_links(record).features if f.kind == "title_person"]
        assert (name_key("May") in keys) is found, title


def report(sid: str, source: str, content: str, lang: str, published: date, values: tuple[float, ...] = ()) -> Report:
    return Report(
        statement_id=sid, article_id=sid.split(":")[0], speaker=source, source_id=source, source=source,
        content=content, cue="a dit", kind="direct", lang=lang, published=published, said_on=published,
        said_on_from="published", title=None, url=None, values=frozenset(values),
        entities=frozenset({"North Korea", "Russia"}), words=frozenset(f"{lang}:{w}" for w in content.split()),
    )  # fmt: skip


def test_one_claim_reported_in_two_languages_the_first_report_marked() -> None:
    fr = report("a:0", "NIS", "1 500 soldats ont quitté la Corée du Nord", "fr", date(2024, 10, 18), (1500,))
    en = report("b:0", "NIS", "1,500 soldiers have left North Korea", "en", date(2024, 10, 19), (1500,))
    other = report("c:0", "HUR", "1,500 soldiers have left North Korea", "en", date(2024, 10, 19), (1500,))
    later = report("d:0", "NIS", "3,000 soldiers are in Russia", "en", date(2024, 10, 23), (3000,))
    claims = group_claims([en, other, fr, later])
    nis = next(c for c in claims if c.source == "NIS" and len(c.reports) == 2)
    assert nis.id == "a:0" and [r.lang for r in nis.reports] == ["fr", "en"]
    assert len(claims) == 3


def test_a_users_entities_file_adds_names_and_is_checked_line_by_line(tmp_path: Path) -> None:
    good = tmp_path / "mine.tsv"
    good.write_text(
        "canonical\tkind\tnames\tseats\nAcme Corporation\torganisation\tAcme|ACME Corp\t\nJane Roe\tperson\tJ. Roe\t\n",
        encoding="utf-8",
    )
    try:
        gazetteer.use_entities(good)
        assert gazetteer.canonical_source("le porte-parole d'Acme") == "Acme Corporation"
        assert gazetteer.canonical_entity("J. Roe") == "Jane Roe"
    finally:
        gazetteer.use_entities(None)
    assert gazetteer.canonical_source("Acme") is None
    bad = tmp_path / "bad.tsv"
    bad.write_text("canonical\tkind\tnames\tseats\nAcme\tcompany\tAcme\t\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad\.tsv, line 2: kind"):
        gazetteer.load_entities_file(bad)
