"""``newsclaims ingest --engine spark``: inputs read by Spark, extracted in ``mapInArrow``, Parquet out.

The output folder holds one Parquet folder per store table (articles, statements, figures, times,
entities, rejected, and schema_version), with exactly the store's columns and types: ``newsclaims
load`` copies it into a store, and ``--db DIR`` queries it where it lies.
"""

from __future__ import annotations

import functools
import os
import posixpath
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from newsclaims.batch import ExtractBatch, checked_lang
from newsclaims.errors import UsageError
from newsclaims.gazetteer import load_entities_file
from newsclaims.records import Rejected
from newsclaims.spark.session import start_session
from newsclaims.spark.tasks import FILE_COLUMN, extract_files, source_name, wide_schema
from newsclaims.store.arrow import record_tables
from newsclaims.store.migrations import migrate
from newsclaims.store.schema import DATA_TABLES

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

MAX_REJECTIONS_KEPT = 1000  # in the summary; all are in the rejected table


@dataclass
class SparkRun:
    """What a Spark run wrote: rows per table, duplicates left out, the first rejections."""

    out: str
    counts: dict[str, int]
    skipped: int = 0  # the same text met more than once: one article kept
    rejections: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0
    startup_seconds: float = 0.0  # of ``seconds``, starting Spark (the JVM); 0 with a session given

    @property
    def stored(self) -> int:
        return self.counts.get("articles", 0)

    @property
    def rejected(self) -> int:
        return self.counts.get("rejected", 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "stored": self.stored,
            "skipped": self.skipped,
            "rejected": self.rejected,
            **{t: n for t, n in self.counts.items() if t not in ("articles", "rejected")},
            "seconds": round(self.seconds, 3),
            "startup_seconds": round(self.startup_seconds, 3),
            "articles_per_second": round(self.stored / self.seconds, 3) if self.seconds else 0.0,
            "rejections": [r.to_dict() for r in self.rejections],
        }


def run_spark(
    paths: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    lang: str = "auto",
    spark: SparkSession | None = None,
    extract: ExtractBatch | None = None,
    entities: str | None = None,
) -> SparkRun:
    """Extract every article under ``paths`` (local paths or Hadoop URLs: s3a://, hdfs://) on Spark
    and write the store's tables as Parquet under ``out`` (a folder that must not exist yet).

    ``spark``: a session to use (default: one started for ``master``). ``extract``: as for
    ``ingest_items``, an importable function turning articles into records (default: the pipeline).
    ``entities``: a user's entities file, read here and sent to the tasks. Stories are not formed
    here (they need every article in date order): `newsclaims load` forms them, and the commands
    reading the dataset in place form them in memory.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    lang = checked_lang(lang)
    if "-" in paths:
        raise UsageError("--engine spark reads files, folders and URLs, not standard input")
    started = time.monotonic()
    session = spark or start_session(master)
    startup = time.monotonic() - started
    if _exists(session, out):
        raise UsageError(f"--out {out} exists already; name a new folder (Spark writes one folder per table in it)")
    found, roots, missing = _resolve(session, paths)
    schema = from_arrow_schema(wide_schema())
    files = session.read.format("binaryFile").option("recursiveFileLookup", "true").load(found) if found else None
    if files is not None:
        user_entities = load_entities_file(entities) if entities else ()
        task = functools.partial(
            extract_files, lang=lang, roots=roots, extract=extract, entities=user_entities, entities_origin=entities
        )
        wide = files.mapInArrow(task, schema)
    else:
        wide = session.createDataFrame([], schema)
    # Extraction runs once; each table is then read from the cached result (spilled to disk if large).
    wide = wide.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        # The first job extracts everything (one task per input partition: small tasks balance the
        # cores and are cheap to retry) and counts each table's rows; a second counts distinct
        # articles: without a text met twice (the usual case), the tables are written as they come,
        # with no shuffle to deduplicate them, and these are the counts of what was written.
        sizes = wide.select(*[F.sum(F.size(t)).alias(t) for t in DATA_TABLES]).first()
        met = {t: int((sizes[t] if sizes else 0) or 0) for t in DATA_TABLES}
        # Once cached, the result is read in one task per core (one file per core and table unless
        # duplicates are removed): the jobs below (counting, then one write per table) spent more on
        # dozens of small tasks, and as many small files per table, than on reading and writing
        # (14 s of a 60 s run of 1,000 articles on local[2], now 4 s).
        extracted = wide.coalesce(max(1, session.sparkContext.defaultParallelism))
        distinct = extracted.select(F.explode("articles.id").alias("id")).distinct().count()
        duplicates = distinct < met["articles"]
        if files is not None:
            missing += _empty_files(session, files.inputFiles(), extracted, roots)
        for table in DATA_TABLES:
            rows = extracted.select(F.explode(table).alias("r")).select("r.*")
            if table == "rejected" and missing:
                rows = rows.unionByName(session.createDataFrame(record_tables([], missing)["rejected"]))
            (_deduplicated(table, rows) if duplicates else rows).write.parquet(_join(out, table))
        _schema_version(session).write.parquet(_join(out, "schema_version"))
    finally:
        wide.unpersist()
    if duplicates:
        counts = {t: session.read.parquet(_join(out, t)).count() for t in DATA_TABLES}
    else:
        counts = {**met, "rejected": met["rejected"] + len(missing)}
    sample = session.read.parquet(_join(out, "rejected")).limit(MAX_REJECTIONS_KEPT).collect()
    return SparkRun(
        out=out,
        counts=counts,
        skipped=met["articles"] - counts["articles"],
        rejections=[Rejected(r["source"], r["reason"], r["detail"]) for r in sample],
        seconds=time.monotonic() - started,
        startup_seconds=startup,
    )


def _deduplicated(table: str, rows: DataFrame) -> DataFrame:
    """One copy of each article: the same text in two inputs gives the same id and the same rows
    (the local runner skips the second); the article keeps the first of its sources by name."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    columns = set(rows.columns)
    if table == "articles":
        first = Window.partitionBy("id").orderBy("source", "ingested_at")
        return rows.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
    if {"article_id", "idx"} <= columns:
        return rows.dropDuplicates(["article_id", "idx"])
    return rows


def _empty_files(
    session: SparkSession, listed: Sequence[str], wide: DataFrame, roots: Sequence[tuple[str, str]]
) -> list[Rejected]:
    """A rejection for each empty file: Spark leaves them out of its tasks, a local run rejects them."""
    from pyspark.sql import functions as F

    seen = {r[0] for r in wide.select(F.explode(FILE_COLUMN)).distinct().collect()}
    jvm, conf = _hadoop(session)
    out = []
    for url in listed:
        name = _spark_path(url)
        if name in seen:
            continue
        path = jvm.org.apache.hadoop.fs.Path(url)
        if path.getFileSystem(conf).getFileStatus(path).getLen() == 0:
            out.append(Rejected(source_name(name, roots), "empty", "the file is empty"))
    return out


def _spark_path(url: str) -> str:
    """A file as binaryFile's path column writes it ("file:/a/b"; the file index says "file:///a/b")."""
    return "file:/" + url.removeprefix("file:").lstrip("/") if url.startswith("file:") else url


def _schema_version(session: SparkSession) -> DataFrame:
    """The migrations the dataset's schema holds, as the store's own schema_version table."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        return session.createDataFrame(con.sql("SELECT * FROM schema_version").to_arrow_table())
    finally:
        con.close()


def _resolve(session: SparkSession, paths: Sequence[str]) -> tuple[list[str], list[tuple[str, str]], list[Rejected]]:
    """The inputs that exist (globs kept for Spark to expand), each one's qualified URL with the name
    the user gave it (for the articles' ``source``), and a rejection for each that leads nowhere."""
    jvm, conf = _hadoop(session)
    found: list[str] = []
    roots: list[tuple[str, str]] = []
    missing: list[Rejected] = []
    for raw in paths:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        matches = path.getFileSystem(conf).globStatus(path)
        is_glob = any(c in raw for c in "*?[{")
        if not matches:
            detail = "no file matches this pattern" if is_glob else "no such file or folder"
            missing.append(Rejected(raw, "not-found", detail))
            continue
        found.append(raw)
        for status in matches:
            qualified = str(status.getPath().toString())
            roots.append((qualified, _given_name(raw, qualified, is_glob)))
    return found, roots, missing


def _given_name(raw: str, qualified: str, is_glob: bool) -> str:
    """How a local run names this input: a URL as given; a local path as Path() writes what the user
    typed, and a glob's match as glob.glob gives it (relative when the pattern is)."""
    if not qualified.startswith("file:"):
        return raw if not is_glob else qualified
    if not is_glob:
        return str(Path(raw))
    local = qualified.removeprefix("file:")
    return local if Path(raw).is_absolute() else os.path.relpath(local)


def _hadoop(session: SparkSession) -> tuple[Any, Any]:
    """The JVM and the Hadoop configuration: Hadoop's FileSystem reads every URL Spark reads."""
    jvm = session._jvm  # type: ignore[attr-defined]
    if jvm is None:
        raise UsageError("--engine spark needs a classic Spark session (not Spark Connect)")
    return jvm, session._jsc.hadoopConfiguration()  # type: ignore[attr-defined]


def _exists(session: SparkSession, url: str) -> bool:
    jvm, conf = _hadoop(session)
    path = jvm.org.apache.hadoop.fs.Path(url)
    return bool(path.getFileSystem(conf).exists(path))


def _join(base: str, name: str) -> str:
    return posixpath.join(base, name) if "://" in base else str(Path(base) / name)
