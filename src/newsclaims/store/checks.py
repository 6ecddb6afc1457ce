"""Is this DuckDB file a newsclaims store, whole? Asked before anything is written to it.

A file that is not ours (another program's tables, with or without one of our names) is refused,
never given our tables; a store with a table or column missing, or a schema version that cannot
be read, is refused as damaged, never migrated over. The tables a version must hold are what the
migrations up to it create, replayed in memory, so this check never drifts from the schema.
"""

from __future__ import annotations

import functools
from pathlib import Path

import duckdb

from newsclaims.store.errors import StoreError
from newsclaims.store.schema import MIGRATIONS

_VERSION_TABLE = "schema_version"


def check_store(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """The store's schema version (0 for an empty file); StoreError when the file is not a
    newsclaims store or is damaged. Reads only."""
    tables = _columns(con)
    if _VERSION_TABLE not in tables:
        if tables:
            names = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(
                f"{path} is a DuckDB file but not a newsclaims store (it holds {names}); "
                "it is left as it is: give another --db"
            )
        return 0
    version = _version(con, path)
    if version > len(MIGRATIONS):
        return version  # newer than this code: ``migrations.pending`` says so
    for table, columns in _expected(version).items():
        if table not in tables:
            raise StoreError(
                f"{path} is not a newsclaims store, or a damaged one: it has no {table} table "
                f"(schema version {version}); it is left as it is"
            )
        missing = [c for c in columns if c not in tables[table]]
        if missing:
            raise StoreError(
                f"{path} is a damaged newsclaims store: the {table} table lacks {', '.join(missing)} "
                f"(schema version {version}); it is left as it is"
            )
    return version


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Every table and view of the file's main schema, with its columns."""
    rows = con.execute(
        """SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = 'main' AND table_catalog = current_database()"""
    ).fetchall()
    out: dict[str, set[str]] = {}
    for table, column in rows:
        out.setdefault(str(table), set()).add(str(column))
    return out


def _version(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    try:
        rows = con.execute(f"SELECT max(version), count(*), min(version) FROM {_VERSION_TABLE}").fetchall()
        latest, count, lowest = rows[0]
        version = int(latest)
    except (duckdb.Error, TypeError, ValueError) as exc:
        raise StoreError(
            f"{path} has a {_VERSION_TABLE} table newsclaims cannot read (no whole-number version); "
            "it is not a newsclaims store, or a damaged one, and is left as it is"
        ) from exc
    if count == 0 or int(lowest) < 1:
        raise StoreError(f"{path} has an empty or invalid schema version; it is left as it is")
    return version


@functools.cache
def _expected(version: int) -> dict[str, tuple[str, ...]]:
    """The tables and columns the migrations up to ``version`` create."""
    con = duckdb.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            for statement in migration.statements:
                con.execute(statement)
        expected: dict[str, list[str]] = {}
        for table, column in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
        ).fetchall():
            expected.setdefault(str(table), []).append(str(column))
        return {table: tuple(columns) for table, columns in expected.items()}
    finally:
        con.close()
