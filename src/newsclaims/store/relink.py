"""Links computed again for stored articles: after a new entities file, a newer newsclaims, or for
articles stored before linking existed (an older store's migration leaves them without links)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsclaims import gazetteer
from newsclaims.store.arrow import now, table_schemas
from newsclaims.store.linking import link_articles
from newsclaims.store.queries import load_record
from newsclaims.store.rows import record_rows
from newsclaims.store.schema import CHILD_TABLES, LINK_INDEX_TABLES, LINK_TABLES
from newsclaims.store.sql import scalar

_RELINKED = (*CHILD_TABLES, "article_features")
BATCH = 200  # articles whose rows are rewritten in one statement per table


def relink(
    con: duckdb.DuckDBPyConnection, *, entities_file: str | Path | None = None, rebuild: bool = False
) -> dict[str, int]:
    """Link every article without a story (with ``rebuild``, every article, its entities and
    features computed again and the stories formed anew), in one transaction."""
    if entities_file is not None:
        gazetteer.use_entities(entities_file)
    con.begin()
    try:
        if rebuild:
            for table in (*LINK_TABLES, *LINK_INDEX_TABLES):
                con.execute(f"DELETE FROM {table}")
            ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
        else:  # articles stored before features existed (a migrated store)
            ids = [
                r[0]
                for r in con.execute(
                    """SELECT a.id FROM articles a WHERE NOT EXISTS
                       (SELECT 1 FROM article_features f WHERE f.article_id = a.id)"""
                ).fetchall()
            ]
        for start in range(0, len(ids), BATCH):
            _rewrite(con, ids[start : start + BATCH])
        stats = link_articles(con)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    total = int(scalar(con, "SELECT count(*) FROM story_articles") or 0)
    return {"articles": stats.articles, "new_stories": stats.new_stories, "entities": stats.entities, "linked": total}


def _rewrite(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """The articles' child rows and features, rebuilt from their records (the records are unchanged,
    the links are computed again)."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in _RELINKED}
    at = now()
    for aid in ids:
        built = record_rows(load_record(con, aid), at)
        for table in _RELINKED:
            rows[table] += built[table]
    schemas = table_schemas()
    for table in _RELINKED:
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids])
        data = pa.Table.from_pylist(rows[table], schema=schemas[table])
        con.register("_relinked", data)
        try:
            con.execute(f"INSERT INTO {table} SELECT * FROM _relinked")
        finally:
            con.unregister("_relinked")
