"""The server's hold on the store: one read-write connection for its whole life.

The server is the store's one writer (see ``store.handoff`` for why): requests read through their
own cursor of that connection, each seeing a consistent snapshot while a write commits; writes
(POST /api/articles, batches handed over by `newsclaims ingest`) take turns under one lock. When
another process holds the file at start-up (an ingest that began before the server), the server
answers 503 and tries again at most twice a second until that process lets go.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import duckdb

from newsclaims.store import StoreError, StoreWriter, open_store
from newsclaims.store.dataset import is_dataset, open_linked_dataset

T = TypeVar("T")
RETRY_SECONDS = 0.5


class StoreBusy(StoreError):
    """Another process holds the store file; the server will open it when that process lets go."""


class StoreAccess:
    def __init__(self, db: Path) -> None:
        self.db = db
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opening = threading.Lock()
        self._writing = threading.Lock()
        self._next_try = 0.0
        self._busy: str | None = None
        self.generation = 0  # bumped by every write: caches of derived views key on it

    def open(self) -> bool:
        """Open the store if it is not open yet; False while another process holds it."""
        with self._opening:
            if self._con is not None:
                return True
            if time.monotonic() < self._next_try:
                return False
            try:
                self._con = self._open()
            except StoreError as exc:
                if "in use" not in str(exc) and "held by" not in str(exc):
                    raise
                self._busy = str(exc)
                self._next_try = time.monotonic() + RETRY_SECONDS
                return False
            self._busy = None
            return True

    def _open(self) -> duckdb.DuckDBPyConnection:
        # A Parquet dataset is read-only, its stories formed in memory as the query commands do.
        return open_linked_dataset(self.db) if is_dataset(self.db) else open_store(self.db)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None and not self.open():
            raise StoreBusy(f"{self._busy}; the server opens it as soon as that process lets go")
        assert self._con is not None
        return self._con

    @contextlib.contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (DuckDB connections are not shared across threads)."""
        cursor = self._connection().cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def write(self, work: Callable[[StoreWriter], T]) -> T:
        """Run ``work`` with a writer on a cursor of its own, one write at a time."""
        if self.db.is_dir():
            raise StoreError(f"{self.db} is a Parquet dataset, served read-only; `newsclaims load` copies it")
        with self._writing:
            cursor = self._connection().cursor()
            try:
                return work(StoreWriter(cursor))
            finally:
                cursor.close()
                self.generation += 1

    def close(self) -> None:
        with self._opening, self._writing:
            if self._con is not None:
                self._con.close()
                self._con = None
