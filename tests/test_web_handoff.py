"""Reading while writing: `newsclaims ingest` on a store that `newsclaims serve` holds hands its
batches to the server, and the pages and API keep answering throughout, with zero errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import shared_path
from newsclaims.ingest import ingest, ingest_items
from newsclaims.reading import ReadText
from newsclaims.records import Article, ArticleRecord
from newsclaims.sources.item import SourceItem
from newsclaims.store import open_store, table_counts
from newsclaims.store.arrow import table_schemas
from newsclaims.store.errors import StoreError
from newsclaims.store.handoff import HandoffWriter, _request, decode_tables, encode_tables, live_server
from newsclaims.store.servefile import serve_file
from newsclaims.web.server import background_server
from newsclaims.web.settings import ServeSettings
from test_store import RECORDS
from web_fixtures import write_store

READS = ("/api/articles?limit=20", "/api/statements?limit=20", "/api/search?q=soldats", "/", "/figures")


class ReadLoop(threading.Thread):
    """API and page reads in a loop until stopped; counts answers and keeps every failure."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.stop = threading.Event()
        self.answers = 0
        self.errors: list[str] = []
        self.article_counts: list[int] = []

    def run(self) -> None:
        while not self.stop.is_set():
            for path in READS:
                try:
                    with urllib.request.urlopen(self.url + path, timeout=30) as response:
                        body = response.read()
                        if response.status != 200:
                            self.errors.append(f"{path}: {response.status}")
                except (urllib.error.URLError, OSError) as exc:
                    self.errors.append(f"{path}: {exc}")
                    continue
                self.answers += 1
            try:
                with urllib.request.urlopen(self.url + "/api/status", timeout=30) as response:
                    self.article_counts.append(json.loads(response.read())["counts"]["articles"])
            except (urllib.error.URLError, OSError) as exc:
                self.errors.append(f"/api/status: {exc}")
        del body


def quick_extract(articles: list[Article]) -> list[ArticleRecord]:
    """Records without spaCy: the hand-off is under test here, not extraction."""
    return [ArticleRecord(article=a) for a in articles]


def team_items(n: int) -> list[SourceItem]:
    return [
        SourceItem(source=f"team-{i}", read=ReadText(text=f"Article {i} de l'équipe : {i * 7} soldats sont arrivés."))
        for i in range(n)
    ]


def test_batches_travel_as_the_store_tables() -> None:
    import pyarrow as pa

    table = pa.Table.from_pylist([], schema=table_schemas()["rejected"])
    assert decode_tables(encode_tables({"rejected": table}))["rejected"].schema == table_schemas()["rejected"]
    with pytest.raises(ValueError):
        decode_tables(b"\x00\x05hello" + b"\x00" * 8)
    with pytest.raises(ValueError):
        decode_tables(encode_tables({"rejected": pa.table({"x": [1]})}))


def test_ingest_hands_off_to_the_server_while_reads_go_on(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb", RECORDS)
    with background_server(ServeSettings(db=db)) as url:
        assert live_server(db) is not None
        reads = ReadLoop(url)
        reads.start()
        stats = ingest_items(team_items(100), db, workers=0, extract=quick_extract, commit_articles=4)
        reads.stop.set()
        reads.join(timeout=60)
        assert stats.stored == 100
        assert reads.errors == []
        assert reads.answers > 0
        assert reads.article_counts == sorted(reads.article_counts)  # never a step back
        # Another process cannot open the store while the server holds it: the CLI says where to read it.
        cli = subprocess.run(
            [sys.executable, "-m", "newsclaims", "statements", "--db", str(db)], capture_output=True, text=True
        )
        assert cli.returncode == 3 and f"held by `newsclaims serve` (PID {os.getpid()})" in cli.stderr
        assert url in cli.stderr
        again = ingest_items(team_items(100), db, workers=0, extract=quick_extract)
        assert again.stored == 0 and again.skipped == 100
    assert not serve_file(db).exists()
    con = open_store(db, read_only=True)
    assert table_counts(con)["articles"] == len(RECORDS) + 100
    con.close()


def test_the_server_says_which_of_many_articles_it_holds(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb", RECORDS[:2])
    with background_server(ServeSettings(db=db)):
        info = live_server(db)
        assert info is not None
        writer = HandoffWriter(info)
        ids = [RECORDS[0].article.id, RECORDS[2].article.id, RECORDS[1].article.id]
        assert writer.stored_among(ids) == {RECORDS[0].article.id, RECORDS[1].article.id}
        assert writer.known_among(ids) == writer.stored_among(ids)
        for body in (b"not json", b'{"ids": "a"}', b'{"ids": [1, 2]}', json.dumps({"ids": ["x"] * 1001}).encode()):
            with pytest.raises(StoreError, match=r"refused the hand-off \(400\)"):
                _request(info, "POST", "/articles/stored", body)


def test_a_serve_file_left_by_a_dead_server_is_ignored(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb", RECORDS[:1])
    serve_file(db).write_text(json.dumps({"pid": 2**22 + 12345, "url": "http://127.0.0.1:9", "token": "x"}))
    assert live_server(db) is None
    stats = ingest_items(team_items(3), db, workers=0, extract=quick_extract)
    assert stats.stored == 3


def test_the_server_waits_for_a_store_another_process_holds(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb", RECORDS)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with background_server(ServeSettings(db=db)) as url:
            with pytest.raises(urllib.error.HTTPError) as busy:
                urllib.request.urlopen(url + "/api/articles", timeout=10)
            assert busy.value.code == 503
            assert json.loads(busy.value.read())["error"]["code"] == "store_busy"
            holder.communicate("", timeout=30)
            import time

            time.sleep(0.6)  # the server tries again at most twice a second
            with urllib.request.urlopen(url + "/api/articles", timeout=10) as response:
                assert len(json.loads(response.read())["items"]) == len(RECORDS)
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
@pytest.mark.shared
def test_ingesting_the_shared_corpus_while_reading_gives_zero_errors(tmp_path: Path) -> None:
    corpus = shared_path("corpus", "wikinews-fr-2012", "text")
    db = write_store(tmp_path / "w.duckdb", RECORDS)
    with background_server(ServeSettings(db=db)) as url:
        reads = ReadLoop(url)
        reads.start()
        stats = ingest([str(corpus)], db, workers=0)
        reads.stop.set()
        reads.join(timeout=60)
        # Read once more: the loop's last reading may have started before the last commit.
        with urllib.request.urlopen(url + "/api/status", timeout=30) as response:
            final = json.loads(response.read())["counts"]["articles"]
    assert stats.stored + stats.rejected == 100 and stats.stored >= 95
    assert reads.errors == []
    assert reads.answers > 20
    assert reads.article_counts == sorted(reads.article_counts)  # a reader never sees the store shrink
    assert final == len(RECORDS) + stats.stored
