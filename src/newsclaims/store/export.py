"""Every table of the store written out as Parquet, CSV or JSON Lines files, one per table."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb

from newsclaims.store.schema import DATA_TABLES

ExportFormat = Literal["parquet", "csv", "jsonl"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "jsonl")
EXPORT_TABLES = (*DATA_TABLES, "schema_version")

_OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER", "jsonl": "FORMAT json"}


def export_tables(con: duckdb.DuckDBPyConnection, directory: str | Path, fmt: ExportFormat) -> list[Path]:
    """Write ``<directory>/<table>.<fmt>`` for every table (replacing older files); returns the paths."""
    if fmt not in _OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXPORT_TABLES:
        path = out / f"{table}.{fmt}"
        # COPY takes no parameter for its file name: quote it as an SQL string literal.
        target = "'" + str(path).replace("'", "''") + "'"
        con.execute(f"COPY ({_select(con, table, fmt)}) TO {target} ({_OPTIONS[fmt]})")
        written.append(path)
    return written


def _select(con: duckdb.DuckDBPyConnection, table: str, fmt: ExportFormat) -> str:
    """The table's columns in order; in CSV a list column becomes a JSON array, which reads back
    unambiguously (DuckDB's own "[a, b]" cannot tell a comma inside an item from a separator)."""
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    parts = []
    for name, data_type in columns:
        if fmt == "csv" and str(data_type).endswith("[]"):
            parts.append(f"to_json({name}) AS {name}")
        else:
            parts.append(name)
    return f"SELECT {', '.join(parts)} FROM {table}"
