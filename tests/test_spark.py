"""``ingest --engine spark``: the same rows as the local runner (ids and every column), the same
rejections with the same reasons, a crashing article rejected without losing its partition, and
the Parquet output loaded into a store (idempotently) or queried where it lies (``--db DIR``).

One local Spark session serves every test (the ``spark`` fixture); they skip without Java or pyspark.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import FIXTURES, shared_path
from newsclaims.cli import main
from newsclaims.ingest import ingest
from newsclaims.spark import run_spark
from newsclaims.store import open_store, table_counts
from newsclaims.store.dataset import load_dataset, open_dataset
from newsclaims.store.schema import DATA_TABLES
from spark_helpers import CRASH, crash_on_marker
from test_ingest import GERMAN, french_article, run_cli, summary

pytestmark = pytest.mark.slow

# Timestamps say when a row was written, so they are the one thing two runs may not share.
_WHEN = {"articles": "ingested_at", "rejected": "rejected_at, last_seen"}


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[Any, ...]]:
    exclude = f" EXCLUDE ({_WHEN[table]})" if table in _WHEN else ""
    return con.execute(f"SELECT *{exclude} FROM {table} ORDER BY ALL").fetchall()


def _same_tables(store: duckdb.DuckDBPyConnection, dataset: duckdb.DuckDBPyConnection) -> None:
    for table in DATA_TABLES:
        columns = [d[0] for d in store.execute(f"SELECT * FROM {table} LIMIT 0").description]
        assert [d[0] for d in dataset.execute(f"SELECT * FROM {table} LIMIT 0").description] == columns, table
        assert _rows(dataset, table) == _rows(store, table), table


@pytest.mark.shared
def test_spark_and_local_runs_hold_the_same_rows(spark: Any, tmp_path: Path) -> None:
    corpus = str(shared_path("corpus", "wikinews-fr-2012", "text"))
    db = tmp_path / "local.duckdb"
    local = ingest([corpus], db, workers=0)
    spark.sparkContext.setJobGroup("same-rows", "the Spark run of this test")
    try:
        run = run_spark([corpus], str(tmp_path / "out"), spark=spark)
    finally:
        spark.sparkContext.setLocalProperty("spark.jobGroup.id", None)
    assert (local.stored, run.stored, run.rejected) == (100, 100, 0)
    store = open_store(db, read_only=True)
    assert {t: n for t, n in table_counts(store).items() if t in DATA_TABLES} == run.counts
    _same_tables(store, open_dataset(tmp_path / "out"))
    # The Parquet files have the store's column types too (not only values that compare equal).
    for table in DATA_TABLES:
        parquet = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'out' / table}/*.parquet')").fetchall()
        stored = store.execute(f"DESCRIBE {table}").fetchall()
        assert [(r[0], r[1]) for r in parquet] == [(r[0], r[1]) for r in stored], table
        # Written in one file per core (without duplicates to remove)...
        written = list((tmp_path / "out" / table).glob("*.parquet"))
        assert 1 <= len(written) <= spark.sparkContext.defaultParallelism, table
    # ...but extracted in one task per input partition, more than there are cores.
    tracker = spark.sparkContext.statusTracker()
    first_job = tracker.getJobInfo(min(tracker.getJobIdsForGroup("same-rows")))
    extraction = max(tracker.getStageInfo(s).numTasks for s in first_job.stageIds)
    assert extraction > spark.sparkContext.defaultParallelism


def test_a_local_master_runs_its_jvm_with_the_quick_compiler_only(spark: Any) -> None:
    """The JVM of a local run shares its cores with the Python workers: no optimising compiler."""
    from newsclaims.spark.session import LOCAL_JAVA_OPTIONS

    jvm = spark._jvm
    hotspot = jvm.java.lang.management.ManagementFactory.getPlatformMXBean(
        jvm.java.lang.Class.forName("com.sun.management.HotSpotDiagnosticMXBean")
    )
    assert LOCAL_JAVA_OPTIONS == "-XX:TieredStopAtLevel=1"
    assert hotspot.getVMOption("TieredStopAtLevel").getValue() == "1"
    # Given to the JVM launched, not left in this process's environment for the next.
    assert LOCAL_JAVA_OPTIONS not in os.environ.get("SPARK_SUBMIT_OPTS", "")


def _bad_inputs(folder: Path) -> list[str]:
    """Inputs written for this test: good articles beside every kind of bad input."""
    folder.mkdir()
    (folder / "good.txt").write_text(french_article(1, paragraphs=1), encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "copy.txt").write_text(french_article(1, paragraphs=1), encoding="utf-8")  # a duplicate
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    shutil.copy(FIXTURES / "latin1-fr.txt", folder / "latin1.txt")
    lines = [
        json.dumps({"text": french_article(2, paragraphs=1), "published": "2024-03-01"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": french_article(3, paragraphs=1), "lang": "it"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "cut.txt.gz").write_bytes(gzip.compress(french_article(4).encode())[:-40])
    (folder / "old.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 500\r\n\r\nshort")
    return [str(folder), str(folder.parent / "missing.txt")]


def test_bad_input_gets_the_same_rejections_under_spark(spark: Any, tmp_path: Path) -> None:
    inputs = _bad_inputs(tmp_path / "in")
    db = tmp_path / "local.duckdb"
    local = ingest(inputs, db, workers=0)
    run = run_spark(inputs, str(tmp_path / "out"), spark=spark)
    assert local.rejected == run.rejected >= 9
    assert (run.stored, run.skipped) == (local.stored, local.skipped) == (3, 1)
    _same_tables(open_store(db, read_only=True), open_dataset(tmp_path / "out"))


def test_an_article_that_kills_its_worker_is_rejected_and_its_partition_kept(spark: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        text = french_article(n, paragraphs=1) + (CRASH if n == 3 else "")
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    run = run_spark([str(folder)], str(tmp_path / "out"), spark=spark, extract=crash_on_marker)
    assert run.stored == 5
    assert [(r.source, r.reason) for r in run.rejections] == [(str(folder / "3.txt"), "crash")]


def test_load_is_idempotent_and_query_commands_read_the_dataset(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(french_article(n, paragraphs=2), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    code, stdout, _err = run_cli("ingest", "--engine", "spark", str(folder), "--out", str(out), "--json")
    assert code == 1  # one rejection
    assert (summary(stdout)["stored"], summary(stdout)["rejected"]) == (3, 1)

    db = tmp_path / "s.duckdb"
    ingest([str(folder / "0.txt")], db, workers=0)  # one article there already, from a local run
    con = open_store(db)
    added = load_dataset(con, out)
    assert (added["articles"], added["rejected"]) == (2, 1)
    assert load_dataset(con, out) == {t: 0 for t in DATA_TABLES}  # a second load adds nothing
    assert table_counts(con)["articles"] == 3
    con.close()
    code, stdout, _err = run_cli("load", str(out), "--db", str(db))
    assert code == 0 and stdout.startswith("0 articles loaded")
    # Loading links what it loads; a dataset read in place is linked in memory.
    con = open_store(db, read_only=True)
    assert table_counts(con)["story_articles"] == 3
    con.close()
    code, stdout, _err = run_cli("stories", "--db", str(out), "--format", "json")
    assert code == 0 and sum(len(s["articles"]) for s in json.loads(stdout)) == 3

    code, stdout, _err = run_cli("articles", "--db", str(out), "--format", "json")
    assert code == 0 and len(json.loads(stdout)) == 3
    code, stdout, _err = run_cli("statements", "--db", str(out), "--format", "json")
    from_store = run_cli("statements", "--db", str(db), "--format", "json")[1]
    assert code == 0 and json.loads(stdout) == json.loads(from_store) != []
    assert main(["ingest", "--engine", "spark", str(folder), "--out", str(out)]) == 2
    assert "exists already" in capsys.readouterr().err
