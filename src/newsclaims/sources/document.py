"""A single article per input: plain text or an HTML page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsclaims.errors import InputError
from newsclaims.reading import MAX_BYTES, binary_kind, read_bytes, read_limited
from newsclaims.records import Rejected
from newsclaims.sources.errors import rejection
from newsclaims.sources.item import SourceItem
from newsclaims.sources.streams import buffered


def read_document(
    stream: BinaryIO, source: str, head: bytes, is_html: bool, size: int | None = None
) -> Iterator[SourceItem | Rejected]:
    """One SourceItem or one Rejected. ``size`` (when the file system knows it) refuses a huge file unread.

    ``head`` is the start of the stream (already peeked): a binary file says so before it says
    it is too large.
    """
    try:
        kind = binary_kind(head)
        if kind:
            raise InputError("binary", f"the input looks like {kind}, not text")
        if size is not None and size > MAX_BYTES:
            raise InputError(
                "too-large",
                f"{size // (1024 * 1024)} MB is over {MAX_BYTES // (1024 * 1024)} MB; split it into articles",
            )
        data = read_limited(buffered(stream), "the input")
        read = read_bytes(data, force_html=True if is_html else None)
    except Exception as exc:
        yield rejection(source, exc, "html" if is_html else "unreadable")
        return
    yield SourceItem(source=source, read=read, lang=read.lang, url=read.url, title=read.title)
