"""Every table of the store written out as Parquet, CSV or JSON Lines files, one per table."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import duckdb

from newsclaims.errors import OutputError
from newsclaims.store.schema import DATA_TABLES, LINK_TABLES

ExportFormat = Literal["parquet", "csv", "jsonl"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "jsonl")
EXPORT_TABLES = (*DATA_TABLES, *LINK_TABLES, "schema_version")

_OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER", "jsonl": "FORMAT json"}
# A CSV text cell starting with one of these is a formula to a spreadsheet (OWASP, CSV injection);
# it is written with a leading apostrophe, which spreadsheets show as text.
_NEUTRALISED = (
    "CASE WHEN left({col}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN concat(chr(39), {col}) ELSE {col} END"
)


def export_tables(
    con: duckdb.DuckDBPyConnection, directory: str | Path, fmt: ExportFormat, csv_raw: bool = False
) -> list[Path]:
    """Write ``<directory>/<table>.<fmt>`` for every table (replacing older files); returns the paths.

    In CSV, a text cell a spreadsheet would run as a formula gets a leading apostrophe, unless
    ``csv_raw``. A place that cannot be written raises OutputError, with why, before any file is.
    """
    if fmt not in _OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    out = Path(directory)
    paths = [out / f"{table}.{fmt}" for table in EXPORT_TABLES]
    _check_writable(out, paths)
    for table, path in zip(EXPORT_TABLES, paths, strict=True):
        export_table(con, table, path, fmt, csv_raw)
    return paths


def export_table(
    con: duckdb.DuckDBPyConnection, table: str, path: Path, fmt: ExportFormat, csv_raw: bool = False
) -> Path:
    """Write one table of the store to ``path`` in ``fmt`` (CSV formula cells neutralised unless ``csv_raw``)."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"no table {table!r} to export; the tables are {', '.join(EXPORT_TABLES)}")
    if fmt not in _OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    # COPY takes no parameter for its file name: quote it as an SQL string literal.
    target = "'" + str(path).replace("'", "''") + "'"
    try:
        con.execute(f"COPY ({_select(con, table, fmt, csv_raw)}) TO {target} ({_OPTIONS[fmt]})")
    except duckdb.IOException as exc:  # the disk filled up, or the place changed under us
        raise OutputError(f"cannot write {path}: {str(exc).splitlines()[0]}") from exc
    return path


def _check_writable(out: Path, paths: list[Path]) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise OutputError(f"cannot export to {out}: it is a file, not a folder") from exc
    except OSError as exc:  # a read-only place, or a file where a parent folder should be
        raise OutputError(f"cannot create the folder {out}: {exc.strerror or exc}") from exc
    if not out.is_dir():
        raise OutputError(f"cannot export to {out}: it is a file, not a folder")
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"cannot export to {out}: the folder is not writable")
    for path in paths:
        if path.is_dir():
            raise OutputError(f"cannot write {path}: a folder of that name is in the way")
        if path.exists() and not os.access(path, os.W_OK):
            raise OutputError(f"cannot write {path}: the file is read-only")


def _select(con: duckdb.DuckDBPyConnection, table: str, fmt: ExportFormat, csv_raw: bool) -> str:
    """The table's columns in order; in CSV a list column becomes a JSON array, which reads back
    unambiguously (DuckDB's own "[a, b]" cannot tell a comma inside an item from a separator), and
    a formula text cell is neutralised (unless ``csv_raw``)."""
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    parts = []
    for name, data_type in columns:
        if fmt == "csv" and str(data_type).endswith("[]"):
            parts.append(f"to_json({name}) AS {name}")
        elif fmt == "csv" and not csv_raw and str(data_type) == "VARCHAR":
            parts.append(f"{_NEUTRALISED.format(col=name)} AS {name}")
        else:
            parts.append(name)
    return f"SELECT {', '.join(parts)} FROM {table}"
