"""The local store: a DuckDB file with a versioned schema, one writer, and the queries over it.

con = open_store("newsclaims.duckdb")           # created and migrated when needed
writer = StoreWriter(con); writer.add(record); writer.commit()
find_figures(open_store(path, read_only=True), counted="soldats")   # stories: newsclaims.story
"""

from __future__ import annotations

from newsclaims.store.connection import DB_ENV, DEFAULT_DB, open_store
from newsclaims.store.errors import StoreError
from newsclaims.store.export import EXPORT_FORMATS, export_tables
from newsclaims.store.migrations import current_version, migrate
from newsclaims.store.queries import (
    find_figures,
    find_statements,
    integrity_problems,
    list_articles,
    load_record,
    resolve_article_id,
    table_counts,
)
from newsclaims.store.rows import figure_id, statement_id
from newsclaims.store.schema import DATA_TABLES, LATEST_VERSION, MIGRATIONS
from newsclaims.store.writer import StoreWriter

__all__ = [
    "DATA_TABLES",
    "DB_ENV",
    "DEFAULT_DB",
    "EXPORT_FORMATS",
    "LATEST_VERSION",
    "MIGRATIONS",
    "StoreError",
    "StoreWriter",
    "current_version",
    "export_tables",
    "figure_id",
    "find_figures",
    "find_statements",
    "integrity_problems",
    "list_articles",
    "load_record",
    "migrate",
    "open_store",
    "resolve_article_id",
    "statement_id",
    "table_counts",
]
