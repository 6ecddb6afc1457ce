"""Linking where the store is written: canonical entities and stories for newly stored articles.

The writer calls ``link_written`` in the transaction that stores a batch, so an article is never
seen without its story. Only what the new articles touch is read, so a batch costs about the same
as the store grows (measured up to 10,000 articles): the document frequency of the features
involved (kept in ``feature_counts`` as articles are linked), and the stories that share with them
a feature rare enough to find candidates, within the time window (their articles near those
dates). The grouping itself is the pure ``stories.grouping``; tests/test_store_linking.py checks
that the stories formed batch by batch are those it forms over all the articles at once. Articles
stored without linking (``ingest --no-link``, a store from an older version, a loaded dataset) are
linked by ``link_articles(con)`` with no ids: every article without a story, oldest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import pyarrow as pa

from newsclaims.store.arrow import now
from newsclaims.store.sql import registered, rows, scalar
from newsclaims.stories.grouping import (
    MAX_CANDIDATES,
    NEAR_MEMBERS,
    ArticleFeatures,
    Assignment,
    Grouper,
    Settings,
    retrieves,
)
from newsclaims.stories.keys import ENTITY_KINDS

_ENTITY_KINDS_SQL = ", ".join(f"'{k}'" for k in ENTITY_KINDS)
SPARE_CANDIDATES = MAX_CANDIDATES + 4  # stories loaded per new article


@dataclass(frozen=True)
class LinkStats:
    articles: int
    new_stories: int
    entities: int


def link_articles(
    con: duckdb.DuckDBPyConnection,
    article_ids: Sequence[str] | None = None,
    settings: Settings | None = None,
    at: datetime | None = None,
) -> LinkStats:
    """Give the articles their story (those named, or every article without one) and add the
    entities they name to ``canonical_entities``. Runs in the caller's transaction."""
    todo = _unlinked(con, article_ids)
    if not todo:
        return LinkStats(0, 0, 0)
    with registered(con, "_entity_ids", _ids(a.article_id for a in todo)):
        entities = _add_entities(con, "SELECT f.* FROM article_features f JOIN _entity_ids i ON i.id = f.article_id")
    return _link(con, todo, entities, settings or Settings(), at or now())


def link_written(
    con: duckdb.DuckDBPyConnection,
    articles: pa.Table,
    features: pa.Table,
    settings: Settings | None = None,
    at: datetime | None = None,
) -> LinkStats:
    """``link_articles`` for a batch the caller has just written (rows of ``articles`` and
    ``article_features``, none linked yet): read from the batch, not from the store."""
    if not articles.num_rows:
        return LinkStats(0, 0, 0)
    columns = (articles.column(c).to_pylist() for c in ("id", "published", "lang", "title"))
    with registered(con, "_written_features", features):
        by_article = _features(con, articles.column("id").to_pylist(), "_written_features")
        entities = _add_entities(con, "SELECT * FROM _written_features")
    todo = sorted(
        (
            ArticleFeatures(aid, day, lang, by_article.get(aid, {}), title)
            for aid, day, lang, title in zip(*columns, strict=True)
        ),
        key=lambda a: (a.day or date.max, a.article_id),
    )
    return _link(con, todo, entities, settings or Settings(), at or now())


def _link(
    con: duckdb.DuckDBPyConnection, todo: list[ArticleFeatures], entities: int, settings: Settings, at: datetime
) -> LinkStats:
    """The articles placed, oldest first, into the stories of the store near them."""
    _count_if_missing(con)
    linked = int(scalar(con, "SELECT count(*) FROM story_articles") or 0)
    df = _document_frequencies(con, {f for a in todo for f in a.features})
    # A feature finds candidates while few articles hold it: judged against the store's size once
    # this batch is in (the limit only grows as the batch is counted), so no candidate is missed.
    size = linked + len(todo)
    clues = {f for a in todo for f in a.features if retrieves(f, df.get(f, 0), size)}
    grouper = Grouper(settings)
    grouper.counts(linked, df)
    loaded = _stories_near(con, clues, todo, grouper.idf, settings)
    df.update(_document_frequencies(con, {f for s in loaded for m in s.members for f in m.features} - df.keys()))
    grouper.counts(linked, df)
    for story in loaded:
        for member in story.members:
            grouper.add_to(story.id, member)
        grouper.widen(story.id, story.first, story.last)  # its whole span, not only the loaded articles'
    assignments: list[Assignment] = []
    for article in todo:
        grouper.count(article.features)
        assignments.append(grouper.assign(article))
    _write(con, assignments, at)
    _count(con, todo)
    return LinkStats(len(assignments), sum(a.created for a in assignments), entities)


def _ids(values: Iterable[str], column: str = "id") -> pa.Table:
    return pa.table({column: pa.array(sorted(set(values)), pa.string())})


def _keys(features: Iterable[str]) -> pa.Table:
    """ "kind:key" features as a (kind, key) table."""
    split = [f.split(":", 1) for f in sorted(set(features))]
    return pa.table({"kind": [k for k, _ in split], "key": [v for _, v in split]}, schema=_KEY_SCHEMA)


_KEY_SCHEMA = pa.schema([("kind", pa.string()), ("key", pa.string())])


def _unlinked(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> list[ArticleFeatures]:
    """The articles to place, oldest first, with their features."""
    if article_ids is not None and not article_ids:
        return []
    select = """SELECT a.id, a.published, a.lang, a.title FROM articles a
                LEFT JOIN story_articles sa ON sa.article_id = a.id"""
    order = "ORDER BY coalesce(a.published, DATE '9999-12-31'), a.id"
    if article_ids is None:
        found = rows(con, f"{select} WHERE sa.article_id IS NULL {order}")
    else:
        with registered(con, "_link_ids", _ids(article_ids)):
            found = rows(con, f"{select} JOIN _link_ids i ON i.id = a.id WHERE sa.article_id IS NULL {order}")
    if not found:
        return []
    features = _features(con, [r["id"] for r in found])
    return [ArticleFeatures(r["id"], r["published"], r["lang"], features.get(r["id"], {}), r["title"]) for r in found]


def _features(
    con: duckdb.DuckDBPyConnection, ids: Collection[str], table: str = "article_features"
) -> dict[str, dict[str, float]]:
    """Each article's features ("kind:key" -> weight, summed over its rows), in the article's order,
    from ``table`` (rows of article_features: the store's, or a batch's just written)."""
    if not ids:
        return {}
    with registered(con, "_feature_ids", _ids(ids)):
        found = con.execute(
            f"""SELECT article_id, list(feature ORDER BY first), list(weight ORDER BY first) FROM (
                   SELECT f.article_id, f.kind || ':' || f.key AS feature, sum(f.weight) AS weight, min(f.idx) AS first
                   FROM {table} f JOIN _feature_ids i ON i.id = f.article_id
                   GROUP BY f.article_id, feature)
               GROUP BY article_id"""
        ).fetchall()
    return {aid: dict(zip(features, weights, strict=True)) for aid, features, weights in found}


def _document_frequencies(con: duckdb.DuckDBPyConnection, features: Collection[str]) -> dict[str, int]:
    """How many linked articles hold each of the features (those none holds are left out)."""
    if not features:
        return {}
    with registered(con, "_link_keys", _keys(features)):
        found = con.execute(
            "SELECT c.kind, c.key, c.n FROM feature_counts c JOIN _link_keys k ON k.kind = c.kind AND k.key = c.key"
        ).fetchall()
    return {f"{kind}:{key}": int(n) for kind, key, n in found}


def _count_if_missing(con: duckdb.DuckDBPyConnection) -> None:
    """Counts the features of the linked articles when the store has none counted (a store linked
    before the counts were kept, or a dataset's stories read in memory)."""
    if scalar(con, "SELECT count(*) FROM feature_counts") or not scalar(con, "SELECT count(*) FROM story_articles"):
        return
    con.execute(
        """INSERT INTO feature_counts (kind, key, n)
           SELECT f.kind, f.key, count(DISTINCT f.article_id) FROM article_features f
           JOIN story_articles sa ON sa.article_id = f.article_id
           GROUP BY f.kind, f.key"""
    )


def _count(con: duckdb.DuckDBPyConnection, linked: list[ArticleFeatures]) -> None:
    """Adds the newly linked articles to the document frequencies."""
    counts: dict[str, int] = defaultdict(int)
    for article in linked:
        for feature in article.features:
            counts[feature] += 1
    table = _keys(counts).append_column("n", pa.array([counts[f] for f in sorted(counts)], pa.int32()))
    with registered(con, "_new_counts", table):
        con.execute(
            """INSERT INTO feature_counts (kind, key, n) SELECT kind, key, n FROM _new_counts
               ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n"""
        )


@dataclass
class _StoredStory:
    id: str
    first: date | None
    last: date | None
    members: list[ArticleFeatures]


def _stories_near(
    con: duckdb.DuckDBPyConnection,
    clues: Collection[str],
    todo: list[ArticleFeatures],
    rarity: Callable[[str], float],
    settings: Settings,
) -> list[_StoredStory]:
    """The stories the new articles could join, with their articles near the new articles' dates,
    oldest first: for each new article, the stories sharing its rarest clues
    with an article of the story near its date, ranked as the grouping ranks its candidates, with
    room to spare (the grouping scores at most MAX_CANDIDATES of them, and the batch's own articles
    change the ranking a little as they are counted)."""
    if not clues:
        return []
    days = sorted({a.day for a in todo if a.day is not None})
    window = timedelta(days=settings.window_days)
    low, high = (days[0] - window, days[-1] + window) if days else (date.min, date.max)
    undated = any(a.day is None for a in todo)
    near = "(? OR a.published IS NULL OR a.published BETWEEN ? AND ?)"
    with registered(con, "_link_keys", _keys(clues)):
        shared = con.execute(
            f"""SELECT DISTINCT f.kind, f.key, sa.story_id, s.first_date, s.last_date FROM _link_keys k
                JOIN article_features f ON f.kind = k.kind AND f.key = k.key
                JOIN story_articles sa ON sa.article_id = f.article_id
                JOIN articles a ON a.id = f.article_id
                JOIN stories s ON s.id = sa.story_id
                WHERE {near}
                  AND (? OR s.first_date IS NULL OR (s.last_date >= ? AND s.first_date <= ?))""",
            [undated, low, high, undated, low, high],
        ).fetchall()
    holders: dict[str, list[str]] = defaultdict(list)
    spans: dict[str, tuple[date | None, date | None]] = {}
    for kind, key, story_id, first, last in shared:
        holders[f"{kind}:{key}"].append(story_id)
        spans[story_id] = (first, last)
    story_ids: set[str] = set()
    for article in todo:
        found: dict[str, float] = defaultdict(float)
        for feature in article.features:
            for story_id in holders.get(feature, ()):
                found[story_id] += rarity(feature)
        story_ids.update(sorted(found, key=lambda sid: (-found[sid], sid))[:SPARE_CANDIDATES])
    if not story_ids:
        return []
    # Of each story, the articles near the new articles' dates that the grouping compares with
    # (Grouper.near: at most NEAR_MEMBERS per date, nearest first, ranked as ``nearness`` ranks).
    with registered(con, "_link_stories", _ids(story_ids, "story_id")):
        members = rows(
            con,
            """WITH days AS (SELECT unnest(?::DATE[]) AS day UNION ALL SELECT NULL WHERE ?),
                ranked AS (
                    SELECT sa.story_id, a.id, a.published, a.lang, a.title, row_number() OVER (
                        PARTITION BY sa.story_id, d.day ORDER BY
                            CASE WHEN d.day IS NULL THEN (a.published IS NOT NULL)::INTEGER ELSE 0 END,
                            CASE WHEN d.day IS NULL THEN -coalesce(date_diff('day', DATE '1970-01-01', a.published), 0)
                                 ELSE coalesce(abs(date_diff('day', d.day, a.published)), 0) END,
                            a.id) AS rank
                    FROM story_articles sa
                    JOIN _link_stories s ON s.story_id = sa.story_id
                    JOIN articles a ON a.id = sa.article_id
                    CROSS JOIN days d
                    WHERE d.day IS NULL OR a.published IS NULL OR abs(date_diff('day', d.day, a.published)) <= ?)
                SELECT DISTINCT story_id, id, published, lang, title FROM ranked WHERE rank <= ?
                ORDER BY coalesce(published, DATE '9999-12-31'), id""",
            [days, undated, settings.window_days, NEAR_MEMBERS],
        )
    features = _features(con, [m["id"] for m in members])
    stories = {sid: _StoredStory(sid, *spans[sid], []) for sid in sorted({m["story_id"] for m in members})}
    for m in members:
        stories[m["story_id"]].members.append(
            ArticleFeatures(m["id"], m["published"], m["lang"], features.get(m["id"], {}))
        )
    return list(stories.values())


def _add_entities(con: duckdb.DuckDBPyConnection, features: str) -> int:
    """Entities named in ``features`` (a query over rows of article_features) that the store does
    not know yet (the longest name seen wins)."""
    before = int(scalar(con, "SELECT count(*) FROM canonical_entities") or 0)
    con.execute(
        f"""INSERT INTO canonical_entities (id, kind, name)
            SELECT f.key, any_value(f.kind), arg_max(f.label, length(f.label)) FROM ({features}) f
            WHERE f.kind IN ({_ENTITY_KINDS_SQL})
              AND f.key NOT IN (SELECT id FROM canonical_entities)
            GROUP BY f.key"""
    )
    return int(scalar(con, "SELECT count(*) FROM canonical_entities") or 0) - before


def _write(con: duckdb.DuckDBPyConnection, assignments: list[Assignment], at: datetime) -> None:
    links = pa.table(
        {
            "article_id": [a.article_id for a in assignments],
            "story_id": [a.story_id for a in assignments],
            "score": [a.score for a in assignments],
            "linked_at": [at] * len(assignments),
        }
    )
    with registered(con, "_new_links", links):
        con.execute("INSERT INTO story_articles SELECT article_id, story_id, score, linked_at FROM _new_links")
    for a in assignments:
        if a.merged:  # the article joined two stories: they are one now, under the older one's id
            con.execute(
                "UPDATE story_articles SET story_id = ? WHERE list_contains(?, story_id)", [a.story_id, list(a.merged)]
            )
            con.execute("DELETE FROM stories WHERE list_contains(?, id)", [list(a.merged)])
    touched = sorted({a.story_id for a in assignments})
    con.execute("DELETE FROM stories WHERE list_contains(?, id)", [touched])
    con.execute(
        """INSERT INTO stories (id, label, first_date, last_date, n_articles, langs, updated_at)
           SELECT sa.story_id,
                  arg_min(a.title, concat(coalesce(CAST(a.published AS VARCHAR), '9999'), a.id)),
                  min(a.published), max(a.published), count(*), list_sort(list_distinct(list(a.lang))), ?
           FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           WHERE list_contains(?, sa.story_id)
           GROUP BY sa.story_id""",
        [at, touched],
    )
