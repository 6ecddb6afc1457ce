"""Story linking where the store is written (store.linking): batch by batch, reading only what the
new articles touch, it places articles as the pure grouping does, and keeps its counts exact."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newsclaims.store import open_store
from newsclaims.store.arrow import now, table_schemas
from newsclaims.store.linking import link_articles, link_written
from newsclaims.stories.grouping import NEAR_MEMBERS, ArticleFeatures, Grouper, Story, group, nearness
from newsclaims.stories.measure import pair_score


def topical_articles(n: int, seed: int = 3) -> list[ArticleFeatures]:
    """``n`` articles on n/5 topics over half a year: each topic's people, places and title words,
    shared countries and concepts, and words of their own."""
    rng = random.Random(seed)
    topics = max(1, n // 5)
    start = date(2025, 1, 1)
    days = [start + timedelta(days=rng.randrange(180)) for _ in range(topics)]
    out = []
    for i in range(n):
        t = rng.randrange(topics)
        features = {f"{kind}:t{t}-{j}": 1.0 for kind in ("surname", "organisation", "place") for j in range(3)}
        features = {f: w for f, w in features.items() if rng.random() < 0.7}
        features.update({f"title:fr:t{t}w{j}": 1.0 for j in range(4) if rng.random() < 0.6})
        features.update({f"word:fr:t{t}w{j}": float(rng.randint(1, 3)) for j in range(20) if rng.random() < 0.5})
        features.update({f"state:s{rng.randrange(30)}": 1.0, f"concept:c{rng.randrange(10)}": 1.0})
        features.update({f"word:fr:n{rng.randrange(3000)}": 1.0 for _ in range(15)})
        out.append(ArticleFeatures(f"{i:08d}", days[t] + timedelta(days=rng.randrange(15)), "fr", features, f"t{i}"))
    return out


def write(con: duckdb.DuckDBPyConnection, articles: list[ArticleFeatures]) -> tuple[pa.Table, pa.Table]:
    """The articles and their features inserted as an ingest writes them."""
    schemas = table_schemas()
    rows = [
        {
            "id": a.article_id, "url": None, "title": a.title, "published": a.day, "published_source": "given",
            "lang": a.lang, "source": None, "text": "", "n_statements": 0, "n_figures": 0, "n_times": 0,
            "n_entities": 0, "ingested_at": now(),
        }
        for a in articles
    ]  # fmt: skip
    feature_rows = [
        {"article_id": a.article_id, "idx": i, "kind": f.split(":", 1)[0], "key": f.split(":", 1)[1], "label": f,
         "weight": w}
        for a in articles
        for i, (f, w) in enumerate(a.features.items())
    ]  # fmt: skip
    tables = (
        pa.Table.from_pylist(rows, schema=schemas["articles"]),
        pa.Table.from_pylist(feature_rows, schema=schemas["article_features"]),
    )
    for name, table in zip(("articles", "article_features"), tables, strict=True):
        con.register("_t", table)
        con.execute(f"INSERT INTO {name} SELECT * FROM _t")
        con.unregister("_t")
    return tables


def stored_stories(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {str(a): str(s) for a, s in con.execute("SELECT article_id, story_id FROM story_articles").fetchall()}


def counts_recomputed(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str, int]]:
    return {
        (str(k), str(v), int(n))
        for k, v, n in con.execute(
            """SELECT f.kind, f.key, count(DISTINCT f.article_id) FROM article_features f
               JOIN story_articles sa ON sa.article_id = f.article_id GROUP BY ALL"""
        ).fetchall()
    }


def counts_kept(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str, int]]:
    return {(str(k), str(v), int(n)) for k, v, n in con.execute("SELECT kind, key, n FROM feature_counts").fetchall()}


@pytest.fixture
def linked(tmp_path: Path) -> tuple[duckdb.DuckDBPyConnection, list[ArticleFeatures]]:
    """300 articles written and linked 16 at a time, oldest first."""
    articles = sorted(topical_articles(300), key=lambda a: (a.day, a.article_id))
    con = open_store(tmp_path / "store.duckdb")
    for first in range(0, len(articles), 16):
        con.begin()
        tables = write(con, articles[first : first + 16])
        link_written(con, *tables)
        con.commit()
    return con, articles


def test_batches_linked_in_the_store_form_the_stories_of_the_pure_grouping(linked) -> None:
    con, articles = linked
    expected = {a.article_id: a.story_id for a in group(articles)}
    got = stored_stories(con)
    assert len(set(got.values())) > 40  # many stories, not one
    assert pair_score(got, expected).f1 == 1.0


def test_the_kept_feature_counts_are_those_of_the_linked_articles(linked) -> None:
    con, _articles = linked
    assert counts_kept(con) == counts_recomputed(con)


def test_a_store_linked_before_the_counts_were_kept_is_counted_on_its_next_linking(linked) -> None:
    con, articles = linked
    con.execute("DELETE FROM feature_counts")  # as a store migrated from version 5 has them
    later = [ArticleFeatures(f"late{i}", a.day, a.lang, a.features, a.title) for i, a in enumerate(articles[-3:])]
    con.begin()
    write(con, later)
    stats = link_articles(con, [a.article_id for a in later])
    con.commit()
    assert stats.articles == 3
    assert counts_kept(con) == counts_recomputed(con)
    stories = stored_stories(con)
    assert [stories[a.article_id] for a in later] == [stories[a.article_id] for a in articles[-3:]]


def test_a_big_story_is_compared_by_its_articles_nearest_in_date() -> None:
    grouper = Grouper()
    start = date(2025, 3, 1)
    members = [ArticleFeatures(f"m{i:02d}", start + timedelta(days=i), "fr", {"place:p": 1.0}) for i in range(40)]
    for m in members:
        grouper.add_to("s", m)
    story: Story = grouper.stories["s"]
    near = grouper.near(story, start + timedelta(days=30))
    assert len(near) == NEAR_MEMBERS
    assert {m.article_id for m in near} == {f"m{i:02d}" for i in range(20, 40)}  # days 20..39 are nearest to 30
    assert [m.article_id for m in near] == sorted(m.article_id for m in near)  # in the story's order
    undated = grouper.near(story, None)  # an undated article: the latest
    assert {m.article_id for m in undated} == {f"m{i:02d}" for i in range(20, 40)}
    assert nearness(members[0], None) > nearness(ArticleFeatures("u", None, "fr", {}), None)
