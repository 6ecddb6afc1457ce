"""The store's tables as Arrow: schemas read from the DDL itself, and records turned into tables.

The schemas are those of an empty store built by running every migration in an in-memory DuckDB,
so Parquet written elsewhere (the Spark runner) has exactly the columns, types and order of the
store, and a table or column a later migration adds comes along without a second copy.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from newsclaims.records import ArticleRecord, Rejected
from newsclaims.store.migrations import migrate
from newsclaims.store.rows import Row, record_rows, rejected_row
from newsclaims.store.schema import DATA_TABLES

Tables = dict[str, pa.Table]


@functools.cache
def table_schemas() -> Mapping[str, pa.Schema]:
    """Every data table's Arrow schema, in the store's column order."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        return {t: con.sql(f"SELECT * FROM {t} LIMIT 0").to_arrow_table().schema.remove_metadata() for t in DATA_TABLES}
    finally:
        con.close()


def now() -> datetime:
    """The store's timestamps: UTC, without a zone (DuckDB TIMESTAMP)."""
    return datetime.now(UTC).replace(tzinfo=None)


def empty_tables() -> Tables:
    return {t: s.empty_table() for t, s in table_schemas().items()}


def record_tables(
    records: Iterable[ArticleRecord], rejected: Iterable[Rejected] = (), at: datetime | None = None
) -> Tables:
    """The rows records and rejections add to each table, one Arrow table per store table (maybe empty)."""
    at = at or now()
    rows: dict[str, list[Row]] = {t: [] for t in DATA_TABLES}
    for record in records:
        for table, table_rows in record_rows(record, at).items():
            rows[table].extend(table_rows)
    rows["rejected"] = [rejected_row(r, at) for r in rejected]
    schemas = table_schemas()
    return {t: pa.Table.from_pylist(rows[t], schema=schemas[t]) for t in DATA_TABLES}


# What building an Arrow table raises for a value it cannot hold (a lone surrogate, a huge int).
_UNSTORABLE = (pa.ArrowException, UnicodeError, OverflowError, TypeError, ValueError)


def storable_tables(
    records: Iterable[ArticleRecord], rejected: Iterable[Rejected] = (), at: datetime | None = None
) -> tuple[Tables, list[Rejected]]:
    """``record_tables``, where a record whose values Arrow refuses is rejected alone (reason
    ``unstorable``) rather than failing its batch; returns the tables and those new rejections."""
    records, rejected, at = list(records), list(rejected), at or now()
    try:
        return record_tables(records, rejected, at), []
    except _UNSTORABLE:
        pass
    kept: list[ArticleRecord] = []
    unstorable: list[Rejected] = []
    for record in records:
        try:
            record_tables([record], (), at)
            kept.append(record)
        except _UNSTORABLE as exc:
            where = record.article.source or record.article.id
            unstorable.append(Rejected(where, "unstorable", f"{exc.__class__.__name__}: {exc}"[:300]))
    return record_tables(kept, rejected + unstorable, at), unstorable


def concat_tables(parts: Iterable[Mapping[str, pa.Table]]) -> Tables:
    """Tables of many batches joined table by table."""
    collected: dict[str, list[pa.Table]] = {t: [] for t in DATA_TABLES}
    for part in parts:
        for table, data in part.items():
            if data.num_rows:
                collected[table].append(data)
    schemas = table_schemas()
    return {t: pa.concat_tables(collected[t]) if collected[t] else schemas[t].empty_table() for t in DATA_TABLES}
