"""The ingest runner: inputs -> extraction on worker processes -> one writer.

The main process reads the inputs, skips texts already stored (an article's id is the hash of its
text), and hands the rest to the extraction workers, which decide the language, extract, and build
the store's rows as Arrow tables (``newsclaims.batch``); the main process only inserts them,
committing whole articles in small batches so a killed run loses little and the next one resumes.
Everything but reading and writing runs on the workers, so the main process keeps up with them;
except with one worker and a core to spare, where the worker runs only the model and the main
process does the rest (``PoolExtractor``'s ``extract_here``).
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

import duckdb

from newsclaims import budget
from newsclaims.batch import (
    Batch,
    ExtractBatch,
    checked_lang,
    extract_batch,
    extract_items,
    extract_parsed_batch,
    parse_batch,
    prepare,
    prepared,
)
from newsclaims.budget import Limits
from newsclaims.errors import NewsclaimsError, UsageError
from newsclaims.gazetteer import use_entities
from newsclaims.records import Rejected, article_id
from newsclaims.store.handoff import open_writer
from newsclaims.store.writer import BatchWriter

if TYPE_CHECKING:
    from newsclaims.sources import SourceItem
    from newsclaims.spark.isolation import IsolatedExtractor

__all__ = ["IngestStats", "default_workers", "extract_batch", "ingest", "ingest_items", "prepare"]

ProgressCallback = Callable[["IngestStats"], None]

BATCH_ARTICLES = 8  # items parsed together by one nlp.pipe call (in-process, or one worker task)
CHECK_ARTICLES = 16  # inputs looked up in the store together (whether stored already)
# A commit links its articles and writes every table, a cost of its own: at 16 articles a commit,
# two workers' 1,000 articles took 3 s more of this process's CPU than at 64 (a commit a second).
COMMIT_ARTICLES = 64  # commit at least this often...
COMMIT_SECONDS = 1.0  # ...and at least once a second while work is being done
QUEUED = 4  # tasks per worker sent ahead: a worker finds its next one ready while this process writes
MAX_REJECTIONS_KEPT = 1000  # in memory for the summary; a WARC dump can reject millions of records


@dataclass
class IngestStats:
    """What a run did so far; ``stored`` counts committed articles only."""

    stored: int = 0
    skipped: int = 0  # already in the store, or the same text read earlier in this run
    rejected: int = 0
    rejections: list[Rejected] = field(default_factory=list)  # the first MAX_REJECTIONS_KEPT; all are stored
    statements: int = 0
    figures: int = 0
    times: int = 0
    entities: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Articles stored per second."""
        return self.stored / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "statements": self.statements,
            "figures": self.figures,
            "times": self.times,
            "entities": self.entities,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 3),
            "rejections": [r.to_dict() for r in self.rejections],
        }


def default_workers() -> int:
    """One extraction process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def capped_workers(requested: int | None) -> tuple[int, str | None]:
    """The workers to start for ``--workers``, and a note when the request was cut: more processes
    than cores only share them, each with its own copy of the model (8 on 2 cores: three times
    slower, 4.5 GB)."""
    cores = default_workers()
    if requested is None or requested <= cores:
        return (cores if requested is None else requested), None
    return cores, f"--workers {requested} is more than the {cores} cores here; using {cores}"


def ingest(
    paths: Sequence[str],
    db: str | Path,
    *,
    lang: str = "auto",
    workers: int | None = None,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
    link: bool = True,
    entities: str | Path | None = None,
    follow_symlinks: bool = False,
    limits: Limits | None = None,
) -> IngestStats:
    """Read every input under ``paths`` into the store at ``db``; returns what was done.

    ``lang`` is "fr", "en" (every input is read as that language) or "auto" (the input's own
    declaration, else detection). Inputs that cannot be read, or are in a language newsclaims does
    not read, are stored in ``rejected`` with their reason and the run goes on. ``workers`` is the
    number of extraction processes beside this one, which reads, writes and links (default one per
    core; 0 extracts here, in this process). Symbolic links in
    the folders that lead out of them are rejected unless ``follow_symlinks``. ``limits`` bounds
    each article's extraction (``newsclaims.budget``: by default a time bound that grows with the
    text, and each worker process's share of the memory).
    """
    # Imported here, not at the top: worker processes import this module and never read inputs.
    from newsclaims.sources import iter_inputs

    items = iter_inputs(paths, stdin=stdin, follow_symlinks=follow_symlinks)
    return ingest_items(
        items, db, lang=lang, workers=workers, progress=progress, link=link, entities=entities, limits=limits
    )


def ingest_items(
    items: Iterable[SourceItem | Rejected],
    db: str | Path,
    *,
    lang: str = "auto",
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    commit_articles: int = COMMIT_ARTICLES,
    commit_seconds: float = COMMIT_SECONDS,
    extract: ExtractBatch | None = None,
    link: bool = True,
    entities: str | Path | None = None,
    limits: Limits | None = None,
) -> IngestStats:
    """``ingest`` over items already read (SourceItems and the rejections met while reading).

    ``extract`` turns a batch of articles into records (default ``batch.extract_batch``, the
    pipeline); unless ``workers`` is 0 it must be a module-level function, as it is sent to the processes.
    ``link`` gives each article its story as it is stored (False: a later `newsclaims link` does);
    ``entities`` is a user's entities file, read by every worker (``gazetteer.use_entities``).
    """
    lang = checked_lang(lang)
    use_entities(entities)
    workers = default_workers() if workers is None else workers
    if workers < 0:
        raise UsageError("--workers must be at least 0")
    # With `newsclaims serve` holding the store, the batches go to the server (see store.handoff).
    with open_writer(db, max_articles=commit_articles, max_seconds=commit_seconds, link=link) as writer:
        limits = limits or Limits(memory=budget.default_memory(max(1, workers)))
        # Even one worker is a process of its own: the model keeps a core while this process reads,
        # writes and links on the other (1,000 articles: 69 s, against 79 s all in one process).
        extractor: Extractor = (
            InProcessExtractor(lang, extract)
            if workers == 0
            else PoolExtractor(
                workers,
                lang,
                extract,
                entities=str(entities) if entities else None,
                limits=limits,
                extract_here=workers == 1 and default_workers() > 1,  # only for the pipeline's own extraction
            )
        )
        run = _Run(writer, extractor, progress)
        # With no worker process, extraction runs here: the time bound holds, not the memory
        # ceiling (it would bound the writer and the reader too).
        with budget.configured(limits):
            try:
                run.consume(items)
            finally:
                extractor.close()
        return run.stats


class _Run:
    """One pass over the inputs: the bookkeeping between reading, extraction and the writer."""

    def __init__(self, writer: BatchWriter, extractor: Extractor, progress: ProgressCallback | None) -> None:
        self.writer = writer
        self.extractor = extractor
        self.progress = progress or (lambda _stats: None)
        self.stats = IngestStats()
        self.in_flight: set[str] = set()  # ids handed to extraction and not yet back
        self._unchecked: list[tuple[str, SourceItem]] = []  # read, not yet looked up in the store

    def consume(self, items: Iterable[SourceItem | Rejected]) -> None:
        try:
            for item in items:
                self._take(item)
                self._commit_if_due()
            self._check()
            for result in self.extractor.finish():
                self._done(result)
            self._commit()
        except BaseException as exc:
            # Records already extracted are whole: keep them, unless the store itself is failing.
            if not isinstance(exc, duckdb.Error):
                with contextlib.suppress(Exception):
                    self._commit()
            raise
        finally:
            self.stats.finished = time.monotonic()
            self.progress(self.stats)

    def _take(self, item: SourceItem | Rejected) -> None:
        if isinstance(item, Rejected):
            self.writer.reject(item)
            self._reject(item)
            return
        # The id is the hash of the text, known before extraction (the expensive step), so a rerun
        # only reads its inputs; everything else about the article is decided by the workers.
        self._unchecked.append((article_id(item.read.text), item))
        if len(self._unchecked) >= CHECK_ARTICLES:
            self._check()

    def _check(self) -> None:
        """Sends the articles waiting to extraction, but those stored, in the writer or in flight."""
        unchecked, self._unchecked = self._unchecked, []
        if not unchecked:
            return
        known = self.writer.known_among(list(dict.fromkeys(aid for aid, _item in unchecked)))
        results: list[Batch] = []
        try:
            for aid, item in unchecked:
                if aid in known or aid in self.in_flight:  # in flight: a text met twice in this run
                    self.stats.skipped += 1
                    self.progress(self.stats)
                    continue
                self.in_flight.add(aid)
                results.extend(self.extractor.submit(item))
        finally:
            # Handed in after the loop, where nothing can commit and an id leaves neither
            # ``known`` nor ``in_flight`` while the loop still reads them.
            for result in results:
                self._done(result)

    def _done(self, batch: Batch) -> None:
        self.writer.add_tables(batch.tables)  # the writer now answers has_article for its articles
        self.in_flight.difference_update(batch.article_ids)
        self.stats.statements += batch.count("statements")
        self.stats.figures += batch.count("figures")
        self.stats.times += batch.count("times")
        self.stats.entities += batch.count("entities")
        for rejected in batch.rejected:
            self._reject(rejected)
        self._commit_if_due()

    def _reject(self, rejected: Rejected) -> None:
        """Counts a rejection (the caller has handed it to the writer)."""
        self.stats.rejected += 1
        if len(self.stats.rejections) < MAX_REJECTIONS_KEPT:
            self.stats.rejections.append(rejected)
        self.progress(self.stats)

    def _commit_if_due(self) -> None:
        if self.writer.due():
            self._commit()

    def _commit(self) -> None:
        self.stats.stored += self.writer.commit()
        self.progress(self.stats)


class Extractor(Protocol):
    """Turns items into batches of store rows, possibly later and in another order."""

    def submit(self, item: SourceItem) -> list[Batch]:
        """Queue one item; returns whatever batches are ready (blocking while too much is queued)."""
        ...

    def finish(self) -> list[Batch]:
        """Every result still pending."""
        ...

    def close(self) -> None: ...


class InProcessExtractor:
    """``--workers 0``: extraction in this process, a batch at a time (no start-up cost, no pickling;
    for a debugger, or where no process may be spawned)."""

    def __init__(self, lang: str = "auto", extract: ExtractBatch | None = None, batch: int = BATCH_ARTICLES) -> None:
        self.lang = lang
        self.extract = extract
        self.batch = batch
        self._pending: list[SourceItem] = []

    def submit(self, item: SourceItem) -> list[Batch]:
        self._pending.append(item)
        return self.finish() if len(self._pending) >= self.batch else []

    def finish(self) -> list[Batch]:
        batch, self._pending = self._pending, []
        return [extract_items(batch, self.lang, self.extract)] if batch else []

    def close(self) -> None:
        self._pending = []


class PoolExtractor:
    """``workers`` spawned processes, each loading the spaCy model once; tasks are small batches.

    With ``extract_here``, the workers only run the model and this process does the rest: it decides
    each article's language before sending it, and runs the extractors on the parsed Docs that come
    back (``batch.parse_batch``, ``batch.extract_parsed_batch``: the same rows). One worker on a
    machine of two cores or more gets it, so the model has a core to itself and this process, which
    only read, wrote and linked, uses the other (1,000 articles: 55.5–56.8 s, against 63.2 s when the
    worker extracted; bare spaCy 47–53 s).

    'spawn', not 'fork': a forked copy of a process that has touched spaCy or threads is fragile.
    At most QUEUED tasks per worker are queued, so memory stays flat however long the input is.
    """

    def __init__(
        self,
        workers: int,
        lang: str = "auto",
        extract: ExtractBatch | None = None,
        batch: int = BATCH_ARTICLES // 2,
        entities: str | None = None,
        limits: Limits | None = None,
        extract_here: bool = False,
    ) -> None:
        self.workers = workers
        self.extract_here = extract_here and extract is None  # a stand-in extraction runs whole
        self.entities = entities
        self.lang = lang
        self.extract = extract
        self.batch = batch
        self.limits = limits or Limits()
        self._pending: list[SourceItem] = []
        self._futures: set[Future[Any]] = set()
        self._items: dict[Future[Any], list[SourceItem]] = {}  # what each task holds, to redo it
        self._rejected: dict[Future[Any], list[Rejected]] = {}  # met here before the task (extract_here)
        self._warming: threading.Thread | None = None  # this process's pipeline, loading beside the workers
        self._worked = False  # whether a task ever came back: a pool that never does cannot start
        self._pool: ProcessPoolExecutor | None = None
        self._isolated: IsolatedExtractor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        # Started on the first article, not before: a rerun that skips everything starts no process.
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_start,
                initargs=(os.getpid(), self.entities, self.limits),
            )
            # A spawned pool starts a process per task submitted while none is idle: a no-op task per
            # worker starts them all now, so their imports run while this process reads, decides the
            # language of the first batch and fills the queue, not after.
            for _ in range(self.workers):
                self._pool.submit(_started)
        return self._pool

    def submit(self, item: SourceItem) -> list[Batch]:
        self._pending.append(item)
        if len(self._pending) >= self.batch:
            self._send()
        return self._collect(block=len(self._futures) >= QUEUED * self.workers)

    def finish(self) -> list[Batch]:
        self._send()
        out: list[Batch] = []
        while self._futures:
            out.extend(self._collect(block=True))
        return out

    def close(self) -> None:
        self._drop_pool()
        if self._isolated is not None:
            self._isolated.close()

    def _drop_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _send(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            future: Future[Any]
            if self.extract_here:
                self._executor()  # the worker starts before this process decides the languages
                articles, rejected = prepared(batch, self.lang)
                future = self._submit(parse_batch, articles)
                self._rejected[future] = rejected
                self._warm({a.lang for a in articles})
            else:
                future = self._submit(extract_items, batch, self.lang, self.extract)
            self._futures.add(future)
            self._items[future] = batch

    def _submit(self, task: Callable[..., Any], *args: Any) -> Future[Any]:
        """The task's future; where a worker died since results were last collected the pool is
        broken and refuses it, and the refusal becomes the future's error, so ``_collect`` redoes
        this batch like the others instead of the run stopping."""
        try:
            return self._executor().submit(task, *args)
        except BrokenProcessPool as exc:
            refused: Future[Any] = Future()
            refused.set_exception(exc)
            return refused

    def _warm(self, langs: set[str]) -> None:
        """Loads this process's pipeline while the workers start theirs (seconds that would
        otherwise leave the worker idle at the first batch)."""
        if self._warming is None and langs:
            self._warming = threading.Thread(target=_load_pipelines, args=(sorted(langs),), daemon=True)
            self._warming.start()

    def _collect(self, block: bool) -> list[Batch]:
        if not self._futures:
            return []
        done, not_done = wait(self._futures, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        self._futures = set(not_done)
        out: list[Batch] = []
        for future in done:
            items = self._items.pop(future)
            rejected = self._rejected.pop(future, [])
            try:
                result = future.result()
                self._worked = True
                if self.extract_here:
                    if self._warming is not None:
                        self._warming.join()  # one load: the cached pipeline, not a second one beside it
                    # As much memory as a worker may hold: an article past it is rejected, the run goes on.
                    with budget.memory_headroom(self.limits.memory):
                        result = extract_parsed_batch(result, rejected)
                out.append(result)
            except (BrokenProcessPool, CancelledError) as exc:
                # A worker died: killed by the kernel, or a crash in native code. Its batch (and
                # those queued beside it) is redone one article at a time in a fresh process, so
                # the article that kills it is rejected alone and the others are kept.
                if not self._worked:
                    # No task ever came back: the workers cannot start (under 'spawn', a script
                    # without ``if __name__ == "__main__":``), and redoing would fail the same way.
                    raise NewsclaimsError(
                        "an extraction worker process died or could not start; what was committed is kept,"
                        " rerun to resume"
                    ) from exc
                self._drop_pool()  # the next batch starts a fresh one
                out.append(self._isolated_extractor().extract_items(items))
        return out

    def _isolated_extractor(self) -> IsolatedExtractor:
        if self._isolated is None:
            from newsclaims.spark.isolation import IsolatedExtractor  # needs no Spark; only for a dead worker

            self._isolated = IsolatedExtractor(
                self.lang, self.extract, initializer=_worker_start, initargs=(os.getpid(), self.entities, self.limits)
            )
        return self._isolated


def _load_pipelines(langs: list[str]) -> None:
    from newsclaims.nlp import load_pipeline

    # A pipeline that cannot load (a model not installed) fails again, with its message, when the
    # extraction asks for it: a thread's traceback would only reach the terminal.
    with contextlib.suppress(Exception):
        for lang in langs:
            load_pipeline(lang)


def _worker_start(parent: int, entities: str | None = None, limits: Limits | None = None) -> None:
    """Worker set-up: Ctrl-C is the main process's to handle (it commits and stops the pool), a
    worker whose parent died exits, the user's entities file is read, and the cost bounds hold
    (``newsclaims.budget``: the time bound of each article, the memory ceiling of the process).
    The spaCy model loads on the first task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Past its last task a worker has sent everything it made; tearing down its interpreter (the
    # model's millions of objects: 0.3-0.5 s) would only keep the main process waiting at its exit.
    atexit.register(_exit_now)
    # Before the memory ceiling: a thread's stack is address space too, and the ceiling counts the
    # whole process's (an allocator that reserved its arenas leaves too little to start a thread).
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    use_entities(entities)
    if limits is not None:
        budget.configure(limits)


def _exit_now() -> None:
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(0)


def _started() -> None:
    """The task that starts a worker process (``PoolExtractor._executor``)."""


def _exit_with_parent(parent: int) -> None:
    # A killed parent (SIGKILL) cannot stop its workers, and they would wait on their queue forever.
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)
