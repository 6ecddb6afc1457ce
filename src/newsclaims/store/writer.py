"""The single writer: buffers whole articles and writes each buffer in one transaction.

Rows go in as Arrow tables (one INSERT per table per commit), because row-by-row inserts into
DuckDB are orders of magnitude slower. An article and all its records share a transaction, so a
crash at any moment leaves every article either whole or absent.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from newsclaims.records import ArticleRecord, Rejected
from newsclaims.store.rows import SCHEMAS, Row, record_rows, rejected_row
from newsclaims.store.sql import scalar

# Parents before children, so a reader of a committed store never sees a row without its article.
_WRITE_ORDER = ("articles", "statements", "figures", "times", "entities", "rejected")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class StoreWriter:
    """Collects records and rejections; ``commit`` makes them durable together.

    ``due()`` says when the buffer is worth committing: ``max_articles`` articles waiting, or
    ``max_seconds`` since the last commit, so a killed run loses at most that much work.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        max_articles: int = 16,
        max_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_articles < 1:
            raise ValueError("max_articles must be at least 1")
        self.con = con
        self.max_articles = max_articles
        self.max_seconds = max_seconds
        self._clock = clock
        self._records: dict[str, ArticleRecord] = {}
        self._rejected: list[Rejected] = []
        self._last_commit = clock()
        self.committed_articles = 0
        self.committed_rejected = 0

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored already or waiting in this writer."""
        if article_id in self._records:
            return True
        return scalar(self.con, "SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0

    def add(self, record: ArticleRecord) -> bool:
        """Buffer one article with its records; False when that article is already buffered."""
        if record.article.id in self._records:
            return False
        self._records[record.article.id] = record
        return True

    def reject(self, rejected: Rejected) -> None:
        self._rejected.append(rejected)

    @property
    def pending(self) -> int:
        return len(self._records) + len(self._rejected)

    def due(self) -> bool:
        if not self.pending:
            return False
        return len(self._records) >= self.max_articles or self._clock() - self._last_commit >= self.max_seconds

    def commit(self) -> int:
        """Write everything buffered in one transaction; returns how many articles it stored."""
        if not self.pending:
            self._last_commit = self._clock()
            return 0
        at = _now()
        rows: dict[str, list[Row]] = {name: [] for name in _WRITE_ORDER}
        for record in self._records.values():
            for table, table_rows in record_rows(record, at).items():
                rows[table].extend(table_rows)
        rows["rejected"] = [rejected_row(r, at) for r in self._rejected]
        self._write(rows)
        stored, self._records = len(self._records), {}
        self.committed_articles += stored
        self.committed_rejected += len(self._rejected)
        self._rejected = []
        self._last_commit = self._clock()
        return stored

    def _write(self, rows: dict[str, list[Row]]) -> None:
        self.con.begin()
        try:
            for table in _WRITE_ORDER:
                if rows[table]:
                    self._insert(table, pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]))
            self.con.commit()
        except BaseException:
            # A failed batch leaves nothing behind; the caller decides whether to retry or stop.
            self.con.rollback()
            raise

    def _insert(self, table: str, data: pa.Table) -> None:
        view = f"_incoming_{table}"
        columns = ", ".join(data.column_names)
        self.con.register(view, data)
        try:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")
        finally:
            self.con.unregister(view)
