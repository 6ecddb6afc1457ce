"""Turning what goes wrong while reading into rejections: short reason, human detail."""

from __future__ import annotations

import gzip
import logging
import zlib

from newsclaims.errors import InputError
from newsclaims.records import Rejected
from newsclaims.sources.streams import TruncatedInput

log = logging.getLogger("newsclaims.sources")


def rejection(source: str, exc: BaseException, reason: str = "unreadable") -> Rejected:
    """The Rejected for an exception met while reading ``source``; ``reason`` names the format for the unexpected."""
    if isinstance(exc, InputError):
        return Rejected(source, exc.reason, exc.detail or None)
    if isinstance(exc, TruncatedInput | EOFError):
        # Only decompressors raise these here: the data stops mid-stream.
        return Rejected(source, "gzip", "the compressed data ends early (truncated file)")
    if isinstance(exc, gzip.BadGzipFile | zlib.error):
        return Rejected(source, "gzip", f"corrupt compressed data: {exc}")
    if isinstance(exc, OSError):
        return Rejected(source, "unreadable", f"{exc.strerror or exc}")
    # Parsers (lxml, feedparser, warcio) raise many kinds on hostile input; record it, and say what it was.
    log.debug("unexpected error reading %s", source, exc_info=exc)
    return Rejected(source, reason, f"{exc.__class__.__name__}: {exc}"[:300])
