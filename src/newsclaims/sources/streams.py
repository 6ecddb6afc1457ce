"""Byte streams: peeking at the head of any input (files, pipes, gzip) and telling formats apart."""

from __future__ import annotations

import gzip
import io
import os
import re
from typing import BinaryIO, Literal, cast

from newsclaims.reading import looks_html

Format = Literal["warc", "jsonl", "feed", "html", "text"]

HEAD_BYTES = 65536  # enough to see past a long XML preamble or HTML head
GZIP_MAGIC = b"\x1f\x8b"

_EXTENSIONS: dict[str, Format] = {
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}
# What a feed may open with before its root: a byte-order mark, an XML declaration, processing
# instructions (stylesheets), comments, and a DOCTYPE (RSS 0.91 has one, with or without entities).
_PREAMBLE = (
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?"
    rb"(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*"
)
_FEED_START = re.compile(_PREAMBLE + rb"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>]", re.S | re.I)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Prefixed(io.RawIOBase):
    """A stream that replays bytes already read from it: sniffing a pipe must not lose its head.

    An error met while reading the head is raised where it happened, after the head is replayed,
    so the records before a break in a short file are still read.
    """

    def __init__(self, head: bytes, rest: BinaryIO, error: Exception | None = None) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error is not None:
            raise self._error
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


def peek(stream: BinaryIO, size: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes of a stream, and a stream that still starts at the beginning.

    Raises what reading raised only when not a byte could be read. The stream returned is raw
    (each read is one read below, so bytes before a break are never held back by a buffer that
    fails to fill); wrap it in ``buffered`` for readline or for reads that fill.
    """
    chunks: list[bytes] = []
    got = 0
    error: Exception | None = None
    while got < size:  # a pipe or a gzip stream may return fewer bytes than asked before its end
        try:
            chunk = stream.read(size - got)
        except Exception as exc:
            if not chunks:
                raise
            error = exc
            break
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    head = b"".join(chunks)
    return head, cast(BinaryIO, Prefixed(head, stream, error))


def buffered(stream: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(stream, buffer_size=HEAD_BYTES)  # type: ignore[arg-type]


class TruncatedInput(OSError):
    """Compressed data that stops before its end marker: the file was cut short."""


class _StrictGzip(io.RawIOBase):
    """Gzip data (one or many members) decompressed as one stream, truncation raised as TruncatedInput.

    gzip's own EOFError would pass for a clean end in readers that take EOFError to mean "no more
    records" (warcio does), and a cut archive would then end quietly.
    """

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=stream, mode="rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            # read1: what one step decompresses. read() would drop the bytes it had when a later step fails.
            data = self._gzip.read1(len(buffer))
        except EOFError as exc:
            raise TruncatedInput("the compressed data ends early (truncated file)") from exc
        buffer[: len(data)] = data
        return len(data)


def open_gzip(stream: BinaryIO) -> BinaryIO:
    """The decompressed content of a gzip stream (raw); read errors are TruncatedInput, BadGzipFile or zlib.error."""
    return _StrictGzip(stream)  # type: ignore[return-value]


def inner_name(name: str) -> str:
    """The name a compressed file had before: "a.jsonl.gz" -> "a.jsonl"."""
    lower = name.lower()
    for suffix in (".gz", ".gzip"):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def detect_format(name: str, head: bytes) -> Format:
    """The format of an (uncompressed) input, from its content first where that is certain, else its name."""
    if head.startswith(b"WARC/"):
        return "warc"
    by_name = _EXTENSIONS.get(extension(name))
    if by_name == "feed" and looks_html(head):
        return "html"  # XHTML saved as .xml
    if by_name is not None:
        return by_name
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    if _FEED_START.match(_as_utf8(head)):
        return "feed"
    if looks_html(head):
        return "html"
    return "text"


def _as_utf8(head: bytes) -> bytes:
    """The head re-encoded as UTF-8 when it is UTF-16 (with its byte-order mark), for sniffing."""
    if head.startswith(_UTF16_BOMS):
        return head.decode("utf-16", "ignore").encode("utf-8")
    return head
