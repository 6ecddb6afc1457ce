"""``newsclaims ingest``: many inputs into the local store, with progress and a summary."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsclaims.cli.options import LANG_CHOICE, MAX_SECONDS, entities_option
from newsclaims.cli.query_cmd import db_option
from newsclaims.errors import EXIT_OK, EXIT_REJECTED, UsageError
from newsclaims.render import PipeConsole
from newsclaims.terminal import one_line, printable, safe_json

if TYPE_CHECKING:
    from newsclaims.ingest import IngestStats
    from newsclaims.records import Rejected
    from newsclaims.spark import SparkRun

MAX_REJECTS_LISTED = 10


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option(
    "--lang",
    type=LANG_CHOICE,
    default="auto",
    show_default=True,
    help="Read every input as this language; auto: as the input declares, else detected.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Extraction processes beside the one that reads and writes [default: one per core];"
    " 0: extract in this process.",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symbolic links in the folders given that lead out of them (rejected otherwise).",
)
@MAX_SECONDS
@click.option(
    "--max-memory",
    type=click.IntRange(min=512),
    default=None,
    metavar="MB",
    help="Memory ceiling of each worker process; an article that needs more is too costly"
    " [default: the worker's share of 75 % of the memory, 2 to 8 GB].",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary (errors and exit code only).")
@click.option("--json", "as_json", is_flag=True, help="No progress; the summary as JSON on stdout.")
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: worker processes into the store file; spark: Apache Spark into Parquet tables (--out).",
)
@click.option("--out", default=None, help="With --engine spark: the folder (or s3a://, hdfs:// URL) to write.")
@click.option(
    "--master", default=None, help="With --engine spark: local[*], spark://host:7077, yarn... [default: local[*]]."
)
@entities_option
@click.option("--no-link", is_flag=True, help="Store without grouping into stories (a later `newsclaims link` does).")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str,
    lang: str,
    workers: int | None,
    follow_symlinks: bool,
    max_seconds: float | None,
    max_memory: int | None,
    quiet: bool,
    as_json: bool,
    engine: str,
    out: str | None,
    master: str | None,
    entities_file: str | None,
    no_link: bool,
) -> None:
    """Read articles into the store: files, folders (recursive), globs and - (standard input).

    Plain text, HTML, JSONL, RSS/Atom and WARC(.gz). An article already stored (same text) is
    skipped, so an interrupted run resumes where it stopped. Inputs that cannot be read are recorded
    in the store's rejected table with their reason; the exit code is then 1.

    With --engine spark, Spark reads the inputs (local paths or Hadoop URLs) and writes the store's
    tables as Parquet under --out; `newsclaims load` copies them into a store, --db DIR queries them.
    """
    if entities_file is not None:
        from newsclaims.gazetteer import load_entities_file

        load_entities_file(entities_file)  # a malformed file is an error before any work
    if engine == "spark":
        _ingest_spark(ctx, paths, out, master, lang, workers, quiet, as_json, entities_file)
        return
    if out is not None or master is not None:
        raise UsageError("--out and --master go with --engine spark")
    # Imported here: the runner pulls in spaCy, which other commands' start-up should not pay for.
    from newsclaims.budget import Limits, default_memory
    from newsclaims.ingest import capped_workers
    from newsclaims.ingest import ingest as run_ingest

    workers, note = capped_workers(workers)
    if note:
        click.echo(f"newsclaims: {note}", err=True)
    memory = max_memory * (1 << 20) if max_memory else default_memory(workers)
    limits = Limits(seconds=max_seconds, memory=memory)
    stdin = sys.stdin.buffer if "-" in paths else None
    with _reporter(silent=quiet or as_json) as report:
        stats = run_ingest(
            list(paths),
            db,
            lang=lang,
            workers=workers,
            stdin=stdin,
            progress=report,
            link=not no_link,
            entities=entities_file,
            follow_symlinks=follow_symlinks,
            limits=limits,
        )
    if as_json:
        click.echo(safe_json({"db": db, **stats.to_dict()}))
    elif not quiet:
        _print_summary(stats, db)
    ctx.exit(EXIT_REJECTED if stats.rejected else EXIT_OK)


def _ingest_spark(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: str | None,
    master: str | None,
    lang: str,
    workers: int | None,
    quiet: bool,
    as_json: bool,
    entities_file: str | None = None,
) -> None:
    if out is None:
        raise UsageError("--engine spark writes Parquet tables: name the folder with --out DIR")
    if workers is not None:
        raise UsageError("--workers is for the local engine; Spark runs a task per core of --master (local[N])")
    from newsclaims.spark import run_spark

    run = run_spark(list(paths), out, master=master, lang=lang, entities=entities_file)
    if as_json:
        click.echo(safe_json(run.to_dict()))
    elif not quiet:
        _print_spark_summary(run)
    ctx.exit(EXIT_REJECTED if run.rejected else EXIT_OK)


def _print_spark_summary(run: SparkRun) -> None:
    counts = run.counts
    click.echo(
        f"{run.stored} articles written to {printable(run.out)} ({counts.get('statements', 0)} statements,"
        f" {counts.get('figures', 0)} figures, {counts.get('times', 0)} times, {counts.get('entities', 0)} entities),"
        f" {run.skipped} duplicates, {run.rejected} rejected; {run.seconds:.1f} s"
    )
    _print_rejections(run.rejections, run.rejected)


class _Silent:
    """Reports nothing (--quiet, --json); the base of the reporters below."""

    def __call__(self, stats: IngestStats) -> None:
        pass

    def __enter__(self) -> _Silent:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class _BarReporter(_Silent):
    """A live rich progress line on stderr (a terminal): stored, skipped, rejected, articles/s."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("ingesting"),
            BarColumn(bar_width=20),
            TextColumn("[bold]{task.fields[stored]}[/] stored"),
            TextColumn("{task.fields[skipped]} skipped"),
            TextColumn("[red]{task.fields[rejected]}[/] rejected"),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        # No total: the inputs are a stream (a folder, a WARC) whose length is unknown until read.
        self.task = self.progress.add_task("ingest", total=None, stored=0, skipped=0, rejected=0, rate=0.0)

    def __call__(self, stats: IngestStats) -> None:
        self.progress.update(
            self.task, stored=stats.stored, skipped=stats.skipped, rejected=stats.rejected, rate=stats.rate
        )

    def __enter__(self) -> _BarReporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


class _LineReporter(_Silent):
    """Progress as plain lines on stderr when it is not a terminal (a log, CI): the first commit at
    once, then at most one line every ``every`` seconds."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self._last = -float("inf")
        self._shown: tuple[int, int, int] = (0, 0, 0)

    def __call__(self, stats: IngestStats) -> None:
        state = (stats.stored, stats.skipped, stats.rejected)
        now = time.monotonic()
        if state == self._shown or (self._shown != (0, 0, 0) and now - self._last < self.every):
            return
        self._shown, self._last = state, now
        click.echo(
            f"newsclaims: {stats.stored} stored, {stats.skipped} skipped, {stats.rejected} rejected"
            f" ({stats.rate:.1f} articles/s)",
            err=True,
        )


def _reporter(silent: bool) -> _Silent:
    if silent:
        return _Silent()
    console = PipeConsole(stderr=True)
    return _BarReporter(console) if console.is_terminal else _LineReporter()


def _print_summary(stats: IngestStats, db: str) -> None:
    click.echo(
        f"{stats.stored} articles stored in {printable(db)} ({stats.statements} statements, {stats.figures} figures,"
        f" {stats.times} times, {stats.entities} entities), {stats.skipped} already there,"
        f" {stats.rejected} rejected; {stats.seconds:.1f} s, {stats.rate:.2f} articles/s"
    )
    _print_rejections(stats.rejections, stats.rejected)


def _print_rejections(rejections: list[Rejected], total: int) -> None:
    for r in rejections[:MAX_REJECTS_LISTED]:
        click.echo(one_line(f"  rejected {r.source}: {r.reason}" + (f" ({r.detail})" if r.detail else "")))
    if total > MAX_REJECTS_LISTED:
        more = total - MAX_REJECTS_LISTED
        click.echo(f"  ... and {more} more (all are in the rejected table)")
