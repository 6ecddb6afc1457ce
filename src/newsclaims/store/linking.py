"""Linking where the store is written: canonical entities and stories for newly stored articles.

The writer calls ``link_articles`` in the transaction that stores a batch, so an article is never
seen without its story. Only what the new articles touch is read: the document frequency of their
features, and the stories that share a feature with them within the time window (their articles
near those dates); the grouping itself is the pure ``stories.grouping``. Articles stored without
linking (``ingest --no-link``, a store from an older version, a loaded dataset) are linked by
``link_articles(con)`` with no ids: every article without a story, oldest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from newsclaims.store.arrow import now
from newsclaims.store.sql import rows, scalar
from newsclaims.stories.grouping import ArticleFeatures, Assignment, Grouper, Settings
from newsclaims.stories.keys import ENTITY_KINDS

_ENTITY_KINDS_SQL = ", ".join(f"'{k}'" for k in ENTITY_KINDS)
_NOT_WORDS = "f.kind NOT IN ('title', 'word')"


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
    at = at or now()
    settings = settings or Settings()
    todo = _unlinked(con, article_ids)
    if not todo:
        return LinkStats(0, 0, 0)
    ids = [a.article_id for a in todo]
    entities = _add_entities(con, ids)
    grouper = Grouper(settings)
    linked = int(scalar(con, "SELECT count(*) FROM story_articles") or 0)
    grouper.counts(linked, _document_frequencies(con, ids))
    _load_stories(con, grouper, todo, settings)
    assignments: list[Assignment] = []
    for article in todo:
        grouper.count(article.features)
        assignments.append(grouper.assign(article))
    _write(con, assignments, at)
    return LinkStats(len(assignments), sum(a.created for a in assignments), entities)


def _in_list(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    return f"list_contains(?, {column})", [list(values)]


def _unlinked(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> list[ArticleFeatures]:
    """The articles to place, oldest first, with their features."""
    where, params = "sa.article_id IS NULL", list[Any]()
    if article_ids is not None:
        if not article_ids:
            return []
        clause, params = _in_list("a.id", article_ids)
        where += f" AND {clause}"
    found = rows(
        con,
        f"""SELECT a.id, a.published, a.lang, a.title FROM articles a
            LEFT JOIN story_articles sa ON sa.article_id = a.id
            WHERE {where} ORDER BY coalesce(a.published, DATE '9999-12-31'), a.id""",
        params,
    )
    if not found:
        return []
    features = _features(con, [r["id"] for r in found])
    return [ArticleFeatures(r["id"], r["published"], r["lang"], features.get(r["id"], {}), r["title"]) for r in found]


def _features(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, dict[str, float]]:
    clause, params = _in_list("article_id", ids)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for aid, kind, key, weight in con.execute(
        f"SELECT article_id, kind, key, weight FROM article_features WHERE {clause}", params
    ).fetchall():
        out[aid][f"{kind}:{key}"] = out[aid].get(f"{kind}:{key}", 0.0) + weight
    return out


def _document_frequencies(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, int]:
    """How many linked articles hold each feature of the new articles."""
    clause, params = _in_list("n.article_id", ids)
    return {
        f"{kind}:{key}": int(n)
        for kind, key, n in con.execute(
            f"""SELECT f.kind, f.key, count(DISTINCT f.article_id) FROM article_features f
                JOIN story_articles sa ON sa.article_id = f.article_id
                JOIN (SELECT DISTINCT n.kind, n.key FROM article_features n WHERE {clause}) n
                  ON n.kind = f.kind AND n.key = f.key
                GROUP BY f.kind, f.key""",
            params,
        ).fetchall()
    }


def _load_stories(
    con: duckdb.DuckDBPyConnection, grouper: Grouper, todo: list[ArticleFeatures], settings: Settings
) -> None:
    """The stories the new articles could join, with their articles near the new articles' dates."""
    days = [a.day for a in todo if a.day is not None]
    window = timedelta(days=settings.window_days)
    low, high = (min(days) - window, max(days) + window) if days else (date.min, date.max)
    undated = len(days) < len(todo)
    clause, params = _in_list("n.article_id", [a.article_id for a in todo])
    story_ids = [
        r[0]
        for r in con.execute(
            f"""SELECT DISTINCT sa.story_id FROM article_features f
                JOIN story_articles sa ON sa.article_id = f.article_id
                JOIN stories s ON s.id = sa.story_id
                JOIN (SELECT DISTINCT n.kind, n.key FROM article_features n WHERE {clause}) n
                  ON n.kind = f.kind AND n.key = f.key
                WHERE {_NOT_WORDS}
                  AND (? OR s.first_date IS NULL OR (s.last_date >= ? AND s.first_date <= ?))""",
            [*params, undated, low, high],
        ).fetchall()
    ]
    if not story_ids:
        return
    sclause, sparams = _in_list("sa.story_id", story_ids)
    members = rows(
        con,
        f"""SELECT sa.story_id, a.id, a.published, a.lang, a.title FROM story_articles sa
            JOIN articles a ON a.id = sa.article_id
            WHERE {sclause} AND (? OR a.published IS NULL OR a.published BETWEEN ? AND ?)
            ORDER BY coalesce(a.published, DATE '9999-12-31'), a.id""",
        [*sparams, undated, low, high],
    )
    features = _features(con, [m["id"] for m in members])
    for m in members:
        grouper.add_to(m["story_id"], ArticleFeatures(m["id"], m["published"], m["lang"], features.get(m["id"], {})))


def _add_entities(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> int:
    """Entities the articles name that the store does not know yet (the longest name seen wins)."""
    before = int(scalar(con, "SELECT count(*) FROM canonical_entities") or 0)
    clause, params = _in_list("article_id", ids)
    con.execute(
        f"""INSERT INTO canonical_entities (id, kind, name)
            SELECT key, any_value(kind), arg_max(label, length(label)) FROM article_features
            WHERE kind IN ({_ENTITY_KINDS_SQL}) AND {clause}
              AND key NOT IN (SELECT id FROM canonical_entities)
            GROUP BY key""",
        params,
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
    con.register("_new_links", links)
    try:
        con.execute("INSERT INTO story_articles SELECT article_id, story_id, score, linked_at FROM _new_links")
    finally:
        con.unregister("_new_links")
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
