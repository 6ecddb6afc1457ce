"""The same extraction on Apache Spark (``newsclaims ingest --engine spark``).

    run_spark(["s3a://bucket/news/"], "s3a://bucket/newsclaims/", master="spark://host:7077")

Spark reads the inputs (binaryFile: text, HTML, JSONL, feeds, WARC), each Python worker reads them
with the local runner's readers and extracts with ``batch.extract_items`` (the model loaded once
per worker), and the store's tables are written as Parquet. Needs pyspark (the ``spark`` extra) and
Java 17+.
"""

from __future__ import annotations

from newsclaims.spark.job import SparkRun, run_spark

__all__ = ["SparkRun", "run_spark"]
