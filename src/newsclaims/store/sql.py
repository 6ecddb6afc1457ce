"""Small helpers over a DuckDB connection."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """The first column of the first row, or None when there is no row.

    Fetches every row: DuckDB refuses some later calls on the connection (registering an Arrow table)
    while a result is only partly read, as ``fetchone`` leaves it.
    """
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Every row of the result as a dict keyed by column name."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    """An Arrow table visible to SQL as ``name`` for the duration (a join against it, rather than
    ``list_contains`` on every row, lets DuckDB hash the few keys and scan the big table once)."""
    con.register(name, table)
    try:
        yield name
    finally:
        con.unregister(name)


def interrupted(exc: BaseException) -> bool:
    """Whether an error is DuckDB's report of a Ctrl-C that landed inside one of its queries: it takes
    the signal and raises its own error instead of KeyboardInterrupt (``InterruptException``, or a
    RuntimeError "Query interrupted" from some calls)."""
    if isinstance(exc, duckdb.InterruptException):
        return True
    return isinstance(exc, RuntimeError) and str(exc) == "Query interrupted"
