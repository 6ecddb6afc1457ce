"""The local store: a DuckDB file with a versioned schema, one writer, and the queries over it.

con = open_store("newsclaims.duckdb")           # created and migrated when needed
writer = StoreWriter(con); writer.add(record); writer.commit()
find_figures(open_store(path, read_only=True), counted="soldats")   # stories: newsclaims.story
"""

from __future__ import annotations

from newsclaims.store.connection import DB_ENV, DEFAULT_DB, open_store
from newsclaims.store.errors import NotFoundError, StoreError
from newsclaims.store.export import EXPORT_FORMATS, EXPORT_TABLES, export_table, export_tables
from newsclaims.store.listing import Listing, Page
from newsclaims.store.migrations import current_version, migrate
from newsclaims.store.queries import (
    articles_listing,
    figures_listing,
    find_figures,
    find_statements,
    integrity_problems,
    list_articles,
    load_record,
    resolve_article_id,
    search_listing,
    speakers_listing,
    statements_listing,
    table_counts,
)
from newsclaims.store.rows import figure_id, statement_id
from newsclaims.store.schema import DATA_TABLES, LATEST_VERSION, MIGRATIONS
from newsclaims.store.writer import BatchWriter, StoreWriter

__all__ = [
    "BatchWriter",
    "DATA_TABLES",
    "DB_ENV",
    "DEFAULT_DB",
    "EXPORT_FORMATS",
    "EXPORT_TABLES",
    "LATEST_VERSION",
    "Listing",
    "MIGRATIONS",
    "NotFoundError",
    "Page",
    "StoreError",
    "StoreWriter",
    "articles_listing",
    "current_version",
    "export_table",
    "export_tables",
    "figures_listing",
    "figure_id",
    "find_figures",
    "find_statements",
    "integrity_problems",
    "list_articles",
    "load_record",
    "migrate",
    "open_store",
    "resolve_article_id",
    "search_listing",
    "speakers_listing",
    "statement_id",
    "statements_listing",
    "table_counts",
]
