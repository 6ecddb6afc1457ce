"""Opening the store file: created and migrated for writing, checked for reading; a folder of
Parquet tables (the Spark runner's output) is opened for reading as views."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from newsclaims.store.checks import check_store
from newsclaims.store.dataset import open_dataset
from newsclaims.store.errors import StoreError
from newsclaims.store.migrations import migrate, pending
from newsclaims.store.servefile import read_serve_file

DEFAULT_DB = "newsclaims.duckdb"
DB_ENV = "NEWSCLAIMS_DB"  # lets a user point every command at one store without repeating --db

_LOCK_PID = re.compile(r"PID (\d+)")


def open_store(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``, its schema at the latest version.

    Writing creates the file when it is missing. Reading needs an existing store; one written by an
    older version is migrated first (briefly opened for writing), so queries always see one schema.
    A folder is read as a Parquet dataset (``store.dataset``): an in-memory DuckDB with views.
    A DuckDB file that is not a newsclaims store, or a damaged store, is refused and left untouched
    (``store.checks``).
    """
    path = Path(path)
    if path.is_dir():
        if read_only:
            return open_dataset(path)
        raise StoreError(
            f"{path} is a folder, and a store is a file; `newsclaims load {path}` copies a Parquet dataset into one"
        )
    if read_only:
        if not path.exists():
            raise StoreError(f"no store at {path}; `newsclaims ingest` creates one (or pass --db)")
        con = _connect(path, read_only=True)
        try:
            check_store(con, path)
            if not pending(con):
                return con
        except BaseException:
            con.close()
            raise
        con.close()
    elif path.parent and not path.parent.exists():
        raise StoreError(f"cannot create the store {path}: the folder {path.parent} does not exist")
    con = _connect(path, read_only=False)
    try:
        check_store(con, path)
        migrate(con)
    except Exception:
        con.close()
        raise
    if read_only:
        con.close()
        con = _connect(path, read_only=True)
    return con


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = _LOCK_PID.search(message)
            holder = f" (PID {pid.group(1)})" if pid else ""
            server = read_serve_file(path)
            if server is not None and pid and str(server.pid) == pid.group(1):
                raise StoreError(
                    f"the store {path} is held by `newsclaims serve` (PID {server.pid}): read it through {server.url}"
                    " (pages and /api), or stop the server; `newsclaims ingest` hands its articles to the server"
                ) from exc
            raise StoreError(
                f"the store {path} is in use by another process{holder}; one process may write it at a time"
            ) from exc
        if "not a valid DuckDB" in message:
            raise StoreError(f"{path} is not a newsclaims store (not a DuckDB file)") from exc
        raise StoreError(f"cannot open the store {path}: {message.splitlines()[0] if message else exc}") from exc
