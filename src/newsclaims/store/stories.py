"""Read-side queries of stories, canonical entities, figure points and claims' statements.

The grouping and the series are pure functions (``newsclaims.stories``); these queries give them
their rows. Listings page by keyset like every other listing (``store.listing``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb

from newsclaims.store.errors import NotFoundError, StoreError
from newsclaims.store.listing import Listing, SortKey
from newsclaims.store.queries import _listing, _Where
from newsclaims.store.rows import Row
from newsclaims.store.sql import rows, scalar

_NO_DATE_FIRST = "coalesce({}, DATE '0001-01-01')"


def stories_listing(
    *,
    about: str | None = None,
    lang: str | None = None,
    since: date | None = None,
    until: date | None = None,
    entity_id: str | None = None,
    min_articles: int = 1,
) -> Listing:
    """Stories, the most recent first: ``about`` matches words of their articles' titles, ``lang``
    keeps stories with an article in that language, ``since``/``until`` their dates, ``entity_id``
    the stories naming that entity."""
    where = _Where()
    inner = _Where()
    inner.words("a.title", about)
    if inner.parts:  # words, not only spaces or punctuation
        where.add(
            "EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            f" WHERE sa.story_id = st.id AND {' AND '.join(inner.parts)})",
            *inner.params,
        )
    if lang:
        where.add("list_contains(st.langs, ?)", lang)
    if since is not None:
        where.add("st.last_date >= ?", since)
    if until is not None:
        where.add("st.first_date <= ?", until)
    if entity_id:
        where.add(
            "EXISTS (SELECT 1 FROM story_articles sa JOIN article_features f ON f.article_id = sa.article_id"
            " WHERE sa.story_id = st.id AND f.key = ?)",
            entity_id,
        )
    if min_articles > 1:
        where.add("st.n_articles >= ?", min_articles)
    return _listing(
        "st.id, st.label, st.first_date, st.last_date, st.n_articles, st.langs, st.updated_at",
        "stories st",
        where,
        (
            SortKey(_NO_DATE_FIRST.format("st.last_date"), "DATE", True),
            SortKey("st.n_articles", "BIGINT", True),
            SortKey("st.id", "VARCHAR"),
        ),
    )


def story_row(con: duckdb.DuckDBPyConnection, story_id: str) -> Row:
    found = rows(con, "SELECT * FROM stories WHERE id = ?", [story_id])
    if not found:
        raise NotFoundError(f"no story {story_id!r} in this store (`newsclaims stories` lists them)")
    return found[0]


def story_labels(con: duckdb.DuckDBPyConnection, story_ids: Sequence[str]) -> dict[str, str]:
    return {
        str(i): str(label)
        for i, label in con.execute(
            "SELECT id, label FROM stories WHERE list_contains(?, id) AND label IS NOT NULL", [list(story_ids)]
        ).fetchall()
    }


def story_articles(con: duckdb.DuckDBPyConnection, story_ids: Sequence[str]) -> dict[str, list[Row]]:
    """The articles of each story, oldest first (id, title, url, source, published, lang)."""
    out: dict[str, list[Row]] = {sid: [] for sid in story_ids}
    for r in rows(
        con,
        """SELECT sa.story_id, a.id, a.title, a.url, a.source, a.published, a.lang, sa.score
           FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           WHERE list_contains(?, sa.story_id)
           ORDER BY coalesce(a.published, DATE '9999-12-31'), a.id""",
        [list(story_ids)],
    ):
        out[r.pop("story_id")].append(r)
    return out


def stories_with_articles(
    con: duckdb.DuckDBPyConnection, stories: Sequence[Row], article_fields: Sequence[str] | None = None
) -> list[Row]:
    """Story rows (as ``stories_listing`` gives them) with their articles, as the CLI's JSON and the
    API give them; ``article_fields`` keeps only those of each article."""
    articles = story_articles(con, [s["id"] for s in stories])
    return [
        {
            "id": s["id"],
            "label": s["label"],
            "first_date": s["first_date"],
            "last_date": s["last_date"],
            "n_articles": s["n_articles"],
            "languages": list(s["langs"] or []),
            "articles": [a if article_fields is None else {k: a[k] for k in article_fields} for a in articles[s["id"]]],
        }
        for s in stories
    ]


def story_article_ids(con: duckdb.DuckDBPyConnection, story_id: str) -> list[str]:
    return [
        r[0] for r in con.execute("SELECT article_id FROM story_articles WHERE story_id = ?", [story_id]).fetchall()
    ]


def story_of_article(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    return scalar(con, "SELECT story_id FROM story_articles WHERE article_id = ?", [article_id])


def unlinked_count(con: duckdb.DuckDBPyConnection) -> int:
    """Articles stored without a story (``ingest --no-link``, an older store, a loaded dataset)."""
    return int(
        scalar(
            con,
            """SELECT count(*) FROM articles a
               WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)""",
        )
        or 0
    )


# -- figure points -----------------------------------------------------------------------------------

_POINTS = """
    SELECT f.id AS figure_id, f.article_id, f.value, f.qualifier, f.low, f.high, f.unit, f.currency,
           f.counted, f.text, f.start_char, f.end_char, f.concept, f.forecast,
           f.about_id, ab.name AS about, f.place_id, pl.name AS place, f.source_id, so.name AS source,
           s.speaker_name, s.speaker_role, s.cue, s.said_on, s.said_on_from,
           s.sentence_start, s.sentence_end,
           a.lang, a.published, a.title, a.text AS article_text
    FROM figures f
    JOIN articles a ON a.id = f.article_id
    LEFT JOIN statements s ON s.id = f.statement_id
    LEFT JOIN canonical_entities ab ON ab.id = f.about_id
    LEFT JOIN canonical_entities pl ON pl.id = f.place_id
    LEFT JOIN canonical_entities so ON so.id = f.source_id
    WHERE f.value IS NOT NULL
"""


def figure_points(
    con: duckdb.DuckDBPyConnection, *, article_ids: Sequence[str] | None = None, lang: str | None = None
) -> list[Row]:
    """Every figure with a value (of these articles, in this language), with what the series needs."""
    sql, params = _POINTS, list[Any]()
    if article_ids is not None:
        sql += " AND list_contains(?, f.article_id)"
        params.append(list(article_ids))
    if lang:
        sql += " AND a.lang = ?"
        params.append(lang)
    return rows(con, sql, params)


def speaks_for(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """For each speaker who speaks for an institution somewhere (a spokesperson whose role names it),
    that institution: the one named most often."""
    return {
        str(person): str(inst)
        for person, inst in con.execute(
            """SELECT speaker_entity_id, mode(speaker_affiliation_id) FROM statements
               WHERE speaks_for AND speaker_affiliation_id IS NOT NULL AND speaker_entity_id IS NOT NULL
               GROUP BY speaker_entity_id"""
        ).fetchall()
    }


# -- entities ------------------------------------------------------------------------------------------


def entities_listing(*, words: str | None = None, kind: str | None = None, lang: str | None = None) -> Listing:
    """Canonical entities, most articles first: how many articles name them and how many statements
    they (or a spokesperson for them) made."""
    where = _Where()
    where.words("e.name", words)
    if kind:
        where.add("e.kind = ?", kind)
    lang_filter = "AND a.lang = ?" if lang else ""
    params: list[Any] = [lang] if lang else []
    inner = f"""(
        SELECT e.id, e.kind, e.name,
               coalesce(n.articles, 0) AS articles, coalesce(st.statements, 0) AS statements
        FROM canonical_entities e
        LEFT JOIN (SELECT f.key, count(DISTINCT f.article_id) AS articles FROM article_features f
                   JOIN articles a ON a.id = f.article_id WHERE true {lang_filter} GROUP BY f.key) n ON n.key = e.id
        LEFT JOIN (SELECT s.speaker_entity_id AS id, count(*) AS statements FROM statements s
                   GROUP BY s.speaker_entity_id) st ON st.id = e.id
    ) e"""
    return Listing(
        "e.*",
        inner,
        tuple(where.parts),
        (*params, *where.params),
        (SortKey("e.articles", "BIGINT", True), SortKey("e.id", "VARCHAR")),
    )


def entity_row(con: duckdb.DuckDBPyConnection, entity_id: str) -> Row:
    found = rows(con, "SELECT * FROM canonical_entities WHERE id = ?", [entity_id])
    if not found:
        raise NotFoundError(f"no entity {entity_id!r} in this store")
    return found[0]


def entity_counts(con: duckdb.DuckDBPyConnection, entity_id: str) -> dict[str, int]:
    """How many articles name the entity, and how many statements it made."""
    articles = scalar(con, "SELECT count(DISTINCT article_id) FROM article_features WHERE key = ?", [entity_id])
    statements = scalar(con, "SELECT count(*) FROM statements WHERE speaker_entity_id = ?", [entity_id])
    return {"articles": int(articles or 0), "statements": int(statements or 0)}


def entity_names_by_id(con: duckdb.DuckDBPyConnection, ids: set[str | None]) -> dict[str, str]:
    """Canonical names of these entities."""
    wanted = sorted(i for i in ids if i)
    return {
        str(i): str(n)
        for i, n in con.execute(
            "SELECT id, name FROM canonical_entities WHERE list_contains(?, id)", [wanted]
        ).fetchall()
    }


def entity_names(con: duckdb.DuckDBPyConnection, entity_id: str) -> list[str]:
    """The words articles name the entity with: mentions and speakers' names, most frequent first."""
    return [
        r[0]
        for r in con.execute(
            """SELECT name FROM (
                   SELECT text AS name FROM entities WHERE entity_id = ?
                   UNION ALL SELECT speaker_name FROM statements WHERE speaker_entity_id = ?
               ) WHERE name IS NOT NULL GROUP BY name ORDER BY count(*) DESC, name LIMIT 20""",
            [entity_id, entity_id],
        ).fetchall()
    ]


def entity_ids_named(con: duckdb.DuckDBPyConnection, words: str) -> list[str]:
    """Entities whose name, or a name articles give them, holds every word."""
    where = _Where()
    where.words("n.name", words)
    if not where.parts:
        return []
    return [
        r[0]
        for r in con.execute(
            f"""SELECT DISTINCT n.id FROM (
                    SELECT id, name FROM canonical_entities
                    UNION ALL SELECT entity_id, text FROM entities WHERE entity_id IS NOT NULL
                    UNION ALL SELECT speaker_entity_id, speaker_name FROM statements WHERE speaker_entity_id IS NOT NULL
                ) n{where.sql()}""",
            where.params,
        ).fetchall()
    ]


# -- statements for claims -------------------------------------------------------------------------------

_STATEMENTS = """
    SELECT s.id, s.article_id, s.idx, s.speaker_name, s.speaker_role, s.speaker_entity_id,
           se.name AS speaker_entity, se.kind AS speaker_entity_kind, s.speaker_affiliation_id, s.speaks_for,
           s.cue, s.kind, s.content, s.content_start, s.content_end, s.said_on, s.said_on_from,
           a.lang, a.published, a.title, a.url,
           coalesce((SELECT list(f.value ORDER BY f.idx) FROM figures f
                     WHERE f.statement_id = s.id AND f.value IS NOT NULL), []) AS figure_values,
           coalesce((SELECT list(f.concept ORDER BY f.idx) FROM figures f
                     WHERE f.statement_id = s.id AND f.value IS NOT NULL), []) AS figure_concepts,
           coalesce((SELECT list(DISTINCT e.entity_id) FROM entities e
                     WHERE e.article_id = s.article_id AND e.entity_id IS NOT NULL
                       AND e.start_char >= s.content_start AND e.end_char <= s.content_end), []) AS content_entities
    FROM statements s
    JOIN articles a ON a.id = s.article_id
    LEFT JOIN canonical_entities se ON se.id = s.speaker_entity_id
"""


def claim_statements(
    con: duckdb.DuckDBPyConnection,
    *,
    article_ids: Sequence[str] | None = None,
    speaker_entity_ids: Sequence[str] | None = None,
) -> list[Row]:
    """Statements with their speaker entity, figures and the entities their words name."""
    where, params = [], []
    if article_ids is not None:
        where.append("list_contains(?, s.article_id)")
        params.append(list(article_ids))
    if speaker_entity_ids is not None:
        where.append("(list_contains(?, s.speaker_entity_id) OR list_contains(?, s.speaker_affiliation_id))")
        params += [list(speaker_entity_ids), list(speaker_entity_ids)]
    sql = _STATEMENTS + (" WHERE " + " AND ".join(where) if where else "")
    return rows(con, sql, params)


def statement_article(con: duckdb.DuckDBPyConnection, statement_id: str) -> str:
    """The article of a statement id ('<article id>:<index>'); NotFoundError when there is none."""
    aid = scalar(con, "SELECT article_id FROM statements WHERE id = ?", [statement_id])
    if aid is None:
        if ":" not in statement_id:
            raise StoreError(f"{statement_id!r} is not a claim id ('<article id>:<statement index>')")
        raise NotFoundError(f"no statement {statement_id!r} in this store")
    return str(aid)
