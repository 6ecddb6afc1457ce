"""Writing a store that `newsclaims serve` holds: the ingest hands its batches to the server.

Why a hand-off: DuckDB lets one process open a file for writing, and while it does, no other process
may open it at all, not even read-only. A server that must answer while an ingest writes therefore
cannot share the file with it by turns without making one side wait and retry (and a steady stream
of page views can starve the writer). Instead the server is the one writer: it holds the store
read-write for its whole life, answers every request from its own connection (DuckDB gives each
reader a consistent snapshot while a write commits), and a ``newsclaims ingest`` started beside it
finds it and sends each committed batch to it over loopback instead of opening the file.

The server announces itself in a small file beside the store, ``<db>.serve.json`` (mode 0600):
its process id, its loopback URL and a random token for the hand-off routes. Only a user who can
read that file (the store's owner) can hand batches over. A file left by a killed server is
recognised (its process is gone or its URL does not answer) and ignored.

A batch travels as the Arrow tables the local writer would have inserted, in one request, and the
server inserts them in one transaction: the same "whole articles or nothing" as a local commit.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsclaims.store.arrow import table_schemas
from newsclaims.store.connection import open_store
from newsclaims.store.errors import StoreError
from newsclaims.store.servefile import ServeInfo, read_serve_file
from newsclaims.store.writer import BatchWriter, StoreWriter

HANDOFF_PREFIX = "/api/_handoff"
PING_TIMEOUT = 2.0
BATCH_TIMEOUT = 300.0  # a batch may hold a few large articles; the server inserts it in well under that
_FRAME = struct.Struct("!HQ")  # table name length, Arrow stream length


def live_server(db: str | Path) -> ServeInfo | None:
    """The server holding ``db`` now, or None (no file, its process gone, or it does not answer)."""
    info = read_serve_file(db)
    if info is None or not _process_alive(info.pid):
        return None
    try:
        _request(info, "GET", "/ping", timeout=PING_TIMEOUT)
    except (StoreError, OSError):
        return None
    return info


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def _request(info: ServeInfo, method: str, path: str, body: bytes | None = None, timeout: float = 30.0) -> Any:
    request = urllib.request.Request(
        info.url + HANDOFF_PREFIX + path,
        data=body,
        method=method,
        headers={"Authorization": f"Bearer {info.token}", "Content-Type": "application/octet-stream"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback URL of our own file)
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:500].decode("utf-8", "replace")
        raise StoreError(f"the server at {info.url} refused the hand-off ({exc.code}): {detail}") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        raise StoreError(
            f"the server at {info.url} (PID {info.pid}) stopped answering; what it stored is kept, rerun to resume"
        ) from exc


def encode_tables(tables: dict[str, pa.Table]) -> bytes:
    """Tables as one body: for each, its name and an Arrow IPC stream, length-prefixed."""
    parts: list[bytes] = []
    for name, table in tables.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as stream:
            stream.write_table(table)
        payload = sink.getvalue().to_pybytes()
        encoded = name.encode("utf-8")
        parts += [_FRAME.pack(len(encoded), len(payload)), encoded, payload]
    return b"".join(parts)


def decode_tables(body: bytes) -> dict[str, pa.Table]:
    """The tables ``encode_tables`` wrote; ValueError for anything else (unknown table, other columns)."""
    tables: dict[str, pa.Table] = {}
    at = 0
    while at < len(body):
        if at + _FRAME.size > len(body):
            raise ValueError("truncated batch")
        name_len, payload_len = _FRAME.unpack_from(body, at)
        at += _FRAME.size
        name = body[at : at + name_len].decode("utf-8", "replace")
        at += name_len
        if name not in table_schemas() or name in tables:
            raise ValueError(f"unexpected table {name!r} in the batch")
        if at + payload_len > len(body):
            raise ValueError("truncated batch")
        try:
            table = pa.ipc.open_stream(pa.py_buffer(body[at : at + payload_len])).read_all()
        except pa.ArrowInvalid as exc:
            raise ValueError(f"the {name} table is not an Arrow stream: {exc}") from exc
        at += payload_len
        if not table.schema.equals(table_schemas()[name]):
            raise ValueError(f"the {name} table does not have the store's columns")
        tables[name] = table
    return tables


class HandoffWriter(BatchWriter):
    """A writer whose batches go to the server that holds the store."""

    def __init__(self, info: ServeInfo, max_articles: int = 16, max_seconds: float = 1.0) -> None:
        super().__init__(max_articles, max_seconds)
        self.info = info

    def stored_among(self, article_ids: Sequence[str]) -> set[str]:
        answer = _request(self.info, "POST", "/articles/stored", json.dumps({"ids": list(article_ids)}).encode())
        return {str(aid) for aid in answer["stored"]}

    def write_tables(self, tables: dict[str, pa.Table]) -> int:
        answer = _request(self.info, "POST", "/batch", encode_tables(tables), timeout=BATCH_TIMEOUT)
        return int(answer["stored"])


def link_through_server(db: str | Path) -> dict[str, int]:
    """Ask the server holding ``db`` to link its articles that have no story."""
    info = live_server(db)
    if info is None:
        raise StoreError(f"no server holds {db} any more; run the command again")
    answer = _request(info, "POST", "/link", b"", timeout=BATCH_TIMEOUT)
    return {k: int(answer[k]) for k in ("articles", "new_stories", "entities")}


@contextlib.contextmanager
def open_writer(
    db: str | Path, max_articles: int = 16, max_seconds: float = 1.0, link: bool = True
) -> Iterator[BatchWriter]:
    """The writer of ``db``: through the server that holds it when one runs (the server links what
    it stores), else the file itself; ``link`` False leaves stories to a later `newsclaims link`."""
    info = live_server(db)
    if info is not None:
        yield HandoffWriter(info, max_articles, max_seconds)
        return
    con = open_store(db)
    try:
        yield StoreWriter(con, max_articles=max_articles, max_seconds=max_seconds, link=link)
    finally:
        con.close()
