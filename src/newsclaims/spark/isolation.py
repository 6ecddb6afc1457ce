"""Extraction of one article at a time in a child process, for a Spark task being retried.

A task's first attempt extracts in the Python worker itself (fast). When that worker dies (a crash
in native code, the kernel's OOM killer), Spark retries the task; the retry runs each article in a
child process, so the one that kills its process is recorded as a rejection ("crash") and the
others are kept, instead of the partition failing until Spark gives up on the job.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsclaims.batch import Batch, ExtractBatch, extract_items
from newsclaims.records import Rejected
from newsclaims.sources import SourceItem
from newsclaims.store.arrow import concat_tables, record_tables

CRASH_DETAIL = "the process extracting this article died (a crash, or out of memory); the article was retried alone"


class IsolatedExtractor:
    """Items extracted one by one in a child process that loads the model once and is restarted
    only when an article kills it."""

    def __init__(
        self,
        lang: str = "auto",
        extract: ExtractBatch | None = None,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        self.lang = lang
        self.extract = extract
        self.initializer = initializer  # the child's set-up (the local runner's: its cost bounds)
        self.initargs = initargs
        self._pool: ProcessPoolExecutor | None = None

    def extract_items(self, items: Sequence[SourceItem | Rejected]) -> Batch:
        parts = [self._one(item) for item in items]
        return Batch(concat_tables(p.tables for p in parts), [r for p in parts for r in p.rejected])

    def _one(self, item: SourceItem | Rejected) -> Batch:
        if isinstance(item, Rejected):
            return extract_items([item], self.lang, self.extract)  # nothing to extract: no child needed
        try:
            return self._executor().submit(extract_items, [item], self.lang, self.extract).result()
        except BrokenProcessPool:
            self.close()
            crashed = Rejected(item.source, "crash", CRASH_DETAIL)
            return Batch(record_tables([], [crashed]), [crashed])

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a fork of a Python worker that holds a JVM connection and threads is fragile.
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=self.initializer,
                initargs=self.initargs,
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
