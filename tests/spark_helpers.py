"""Stand-in extractions for the Spark tests: importable by Spark's Python workers (the session
fixture puts this folder on their PYTHONPATH), as a function sent to other processes must be."""

from __future__ import annotations

import os
import signal

from newsclaims.records import Article, ArticleRecord, Rejected

CRASH = "KILLS-ITS-PROCESS"


def crash_on_marker(articles: list[Article]) -> list[ArticleRecord | Rejected]:
    """Bare records at once, except that a text holding CRASH kills the process extracting it, as a
    segfault in native code or the kernel's OOM killer would: no exception, no cleanup."""
    for article in articles:
        if CRASH in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
    return [ArticleRecord(article=a) for a in articles]
