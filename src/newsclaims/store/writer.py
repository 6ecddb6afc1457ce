"""The single writer: buffers whole articles and writes each buffer in one transaction.

Rows go in as Arrow tables (one INSERT per table per commit), because row-by-row inserts into
DuckDB are orders of magnitude slower. Worker processes hand in Arrow tables they built themselves
(``add_tables``), so the writer only concatenates and inserts. An article and all its records share
a transaction, so a crash at any moment leaves every article either whole or absent. A record whose
values cannot be stored is rejected alone (``arrow.storable_tables``); a rejection met again adds a
sighting to its row, not a second row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from newsclaims.records import ArticleRecord, Rejected
from newsclaims.store.arrow import concat_tables, now, storable_tables, table_schemas
from newsclaims.store.linking import link_written
from newsclaims.store.schema import DATA_TABLES, SAME_REJECTION
from newsclaims.store.sql import registered

# Parents before children (DATA_TABLES lists articles first), so a reader of a committed store
# never sees a row without its article.
_WRITE_ORDER = DATA_TABLES


class BatchWriter:
    """Collects records and rejections; ``commit`` makes them durable together.

    ``due()`` says when the buffer is worth committing: ``max_articles`` articles waiting, or
    ``max_seconds`` since the last commit, so a killed run loses at most that much work. Where the
    tables go is the subclass's: a DuckDB connection (StoreWriter), or a server that owns the store.
    """

    def __init__(
        self,
        max_articles: int = 16,
        max_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_articles < 1:
            raise ValueError("max_articles must be at least 1")
        self.max_articles = max_articles
        self.max_seconds = max_seconds
        self._clock = clock
        self._records: dict[str, ArticleRecord] = {}
        self._rejected: list[Rejected] = []
        self._tables: list[Mapping[str, pa.Table]] = []  # built elsewhere (worker processes)
        self._table_ids: set[str] = set()  # the articles those tables hold
        self._table_rejected = 0
        self._last_commit = clock()
        self.committed_articles = 0
        self.committed_rejected = 0

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored already or waiting in this writer."""
        return bool(self.known_among([article_id]))

    def known_among(self, article_ids: Sequence[str]) -> set[str]:
        """Those of the articles stored already or waiting in this writer: one question to the
        store for them all (asked one by one, each took half a millisecond of DuckDB)."""
        buffered = {i for i in article_ids if i in self._records or i in self._table_ids}
        rest = [i for i in article_ids if i not in buffered]
        return buffered | (self.stored_among(rest) if rest else set())

    def stored_among(self, article_ids: Sequence[str]) -> set[str]:
        """Those of the articles the store holds."""
        raise NotImplementedError

    def write_tables(self, tables: dict[str, pa.Table]) -> int:
        """Write whole articles (Arrow tables by table name) in one transaction; returns how many
        articles were stored."""
        raise NotImplementedError

    def add(self, record: ArticleRecord) -> bool:
        """Buffer one article with its records; False when that article is already buffered."""
        if record.article.id in self._records or record.article.id in self._table_ids:
            return False
        self._records[record.article.id] = record
        return True

    def add_tables(self, tables: Mapping[str, pa.Table]) -> int:
        """Buffer rows already built as Arrow tables (``store.arrow.record_tables``); articles already
        buffered are left out. Returns how many articles it added."""
        ids = [str(i) for i in tables["articles"].column("id").to_pylist()]
        known = [i for i in ids if i in self._records or i in self._table_ids]
        if known:
            tables = without_articles(tables, known)
        self._tables.append(tables)
        self._table_ids.update(ids)
        self._table_rejected += tables["rejected"].num_rows
        return len(ids) - len(known)

    def reject(self, rejected: Rejected) -> None:
        self._rejected.append(rejected)

    @property
    def pending(self) -> int:
        return len(self._records) + len(self._rejected) + len(self._table_ids) + self._table_rejected

    def due(self) -> bool:
        if not self.pending:
            return False
        articles = len(self._records) + len(self._table_ids)
        return articles >= self.max_articles or self._clock() - self._last_commit >= self.max_seconds

    def commit(self) -> int:
        """Write everything buffered in one transaction; returns how many articles it stored."""
        if not self.pending:
            self._last_commit = self._clock()
            return 0
        own, unstorable = storable_tables(self._records.values(), self._rejected, now())
        self._rejected.extend(unstorable)
        built = concat_tables([own, *self._tables])
        stored = self.write_tables({t: data for t, data in built.items() if data.num_rows})
        self.committed_articles += stored
        self.committed_rejected += len(self._rejected) + self._table_rejected
        self._records, self._rejected, self._tables, self._table_ids, self._table_rejected = {}, [], [], set(), 0
        self._last_commit = self._clock()
        return stored


class StoreWriter(BatchWriter):
    """The writer of a DuckDB connection (the one process that holds the store for writing)."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        max_articles: int = 16,
        max_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        link: bool = True,
    ) -> None:
        super().__init__(max_articles, max_seconds, clock)
        self.con = con
        self.link = link  # give each stored article its story in the same transaction (store.linking)

    def stored_among(self, article_ids: Sequence[str]) -> set[str]:
        found = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)]
        ).fetchall()
        return {str(aid) for (aid,) in found}

    def write_tables(self, tables: dict[str, pa.Table], skip_stored: bool = False) -> int:
        """``skip_stored`` leaves out articles already stored, with their rows, so a batch sent twice
        (a retried hand-off, two ingests of one text at once) stores each article once."""
        self.con.begin()
        try:
            if skip_stored:
                tables = self._without_stored(tables)
            for table in _WRITE_ORDER:
                if table not in tables or not tables[table].num_rows:
                    continue
                if table == "rejected":
                    merge_rejected(self.con, tables[table])
                else:
                    self._insert(table, tables[table])
            if self.link and "articles" in tables and tables["articles"].num_rows:
                features = tables.get("article_features")
                if features is None:
                    features = table_schemas()["article_features"].empty_table()
                link_written(self.con, tables["articles"], features)
            self.con.commit()
        except BaseException:
            # A failed batch leaves nothing behind; the caller decides whether to retry or stop.
            self.con.rollback()
            raise
        return tables["articles"].num_rows if "articles" in tables else 0

    def _without_stored(self, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
        if "articles" not in tables:
            return tables
        ids = tables["articles"].column("id").to_pylist()
        stored = [
            r[0] for r in self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        ]
        if not stored:
            return tables
        return without_articles(tables, stored)

    def _insert(self, table: str, data: pa.Table) -> None:
        columns = ", ".join(data.column_names)
        with registered(self.con, f"_incoming_{table}", data) as view:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")


def merge_rejected(con: duckdb.DuckDBPyConnection, data: pa.Table) -> None:
    """Rejections met before add their sightings to their row; the others get one row each."""
    with registered(con, "_incoming_rejected", data) as view:
        grouped = f"""(SELECT source, reason, detail, min(rejected_at) AS rejected_at,
                              sum(sightings)::INTEGER AS sightings, max(last_seen) AS last_seen
                       FROM {view} GROUP BY source, reason, detail)"""
        con.execute(
            f"""UPDATE rejected AS r SET sightings = r.sightings + i.sightings, last_seen = i.last_seen
                FROM {grouped} AS i WHERE {SAME_REJECTION}"""
        )
        con.execute(
            f"""INSERT INTO rejected (source, reason, detail, rejected_at, sightings, last_seen)
                SELECT source, reason, detail, rejected_at, sightings, last_seen FROM {grouped} AS i
                WHERE NOT EXISTS (SELECT 1 FROM rejected AS r WHERE {SAME_REJECTION})"""
        )


def without_articles(tables: Mapping[str, pa.Table], ids: Sequence[str]) -> dict[str, pa.Table]:
    """The tables less the rows of these articles (and the rows that belong to them)."""
    drop = pa.array(list(ids), pa.string())
    out = {}
    for name, data in tables.items():
        key = "id" if name == "articles" else "article_id"
        keep = pc.invert(pc.is_in(data.column(key), value_set=drop)) if key in data.column_names else None
        out[name] = data.filter(keep) if keep is not None else data
    return out
