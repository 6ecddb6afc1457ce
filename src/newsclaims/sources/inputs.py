"""From named inputs to articles: open each, tell its format, hand it to the reader for that format."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, cast

from newsclaims.records import Rejected
from newsclaims.sources.clean import clean_item, display_name
from newsclaims.sources.document import read_document
from newsclaims.sources.errors import rejection
from newsclaims.sources.feeds import read_feed
from newsclaims.sources.item import SourceItem
from newsclaims.sources.jsonl import read_jsonl
from newsclaims.sources.paths import STDIN, expand_paths
from newsclaims.sources.streams import GZIP_MAGIC, Format, detect_format, inner_name, open_gzip, peek
from newsclaims.sources.warc import read_warc


def iter_inputs(
    paths: Sequence[str], stdin: BinaryIO | None = None, follow_symlinks: bool = False
) -> Iterator[SourceItem | Rejected]:
    """Files, folders (recursive, sorted), globs and "-" (stdin). Never raises for bad input:
    every unreadable thing becomes a newsclaims.records.Rejected(source, reason, detail).

    Inside folders, symbolic links that lead out of the folders given are rejected unless
    ``follow_symlinks`` (see ``sources.paths``). Every text field handed on is valid Unicode, and
    file names that are not UTF-8 are written with ``\\xNN`` escapes (``sources.clean``).
    """
    if isinstance(paths, str | bytes):
        raise TypeError("iter_inputs takes a sequence of paths, not one path: iter_inputs([path])")
    return _iter_inputs(paths, stdin, follow_symlinks)  # not a generator itself, so misuse raises at the call


def _iter_inputs(
    paths: Sequence[str], stdin: BinaryIO | None, follow_symlinks: bool
) -> Iterator[SourceItem | Rejected]:
    for entry in expand_paths(paths, follow_symlinks):
        if isinstance(entry, Rejected):
            yield clean_item(entry)
        elif entry == STDIN:
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN)
        else:
            yield from read_path(Path(entry))


def read_path(path: Path) -> Iterator[SourceItem | Rejected]:
    source = display_name(str(path))
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        if path.is_symlink():
            yield Rejected(source, "symlink", f"a link to {display_name(os.readlink(path))}, which does not exist")
        else:
            yield Rejected(source, "not-found", "no such file")
        return
    except OSError as exc:
        yield rejection(source, exc)
        return
    with handle:
        try:
            info = os.fstat(handle.fileno())
        except OSError as exc:
            yield rejection(source, exc)
            return
        if stat.S_ISDIR(info.st_mode):
            yield Rejected(source, "unreadable", "a folder where a file was expected")
            return
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        yield from read_stream(handle, source, name=path.name, size=size)


def read_stream(
    stream: BinaryIO, source: str, name: str = "", size: int | None = None
) -> Iterator[SourceItem | Rejected]:
    """Everything one input holds. ``name`` hints at the format; ``size`` is the file's, when known.
    What it yields is valid Unicode (``sources.clean``), whatever the input held."""
    for item in _read_stream(stream, display_name(source), name, size):
        yield clean_item(item)


def _read_stream(stream: BinaryIO, source: str, name: str, size: int | None) -> Iterator[SourceItem | Rejected]:
    try:
        head, replay = peek(stream)
    except Exception as exc:
        yield rejection(source, exc)
        return
    stream = cast(BinaryIO, replay)  # a raw stream of the same bytes
    if not head:
        yield Rejected(source, "empty", "the file is empty")
        return
    if not head.startswith(GZIP_MAGIC):
        if inner_name(name) != name:
            yield Rejected(source, "gzip", "named as gzip-compressed (.gz), but the data is not gzip")
            return
        yield from _read_format(detect_format(name, head), stream, source, head, size)
        return
    # Decompressed here for every format, WARC included: one member or one per record alike.
    try:
        inner_head, inner_replay = peek(open_gzip(stream))
        inner = cast(BinaryIO, inner_replay)
    except Exception as exc:
        yield rejection(source, exc, "gzip")
        return
    if not inner_head:
        yield Rejected(source, "empty", "the compressed file holds nothing")
        return
    # The uncompressed size is unknown until read: the readers bound what they read instead.
    yield from _read_format(detect_format(inner_name(name), inner_head), inner, source, inner_head, None)


def _read_format(
    fmt: Format, stream: BinaryIO, source: str, head: bytes, size: int | None
) -> Iterator[SourceItem | Rejected]:
    if fmt == "warc":
        yield from read_warc(stream, source, head)
    elif fmt == "jsonl":
        yield from read_jsonl(stream, source)
    elif fmt == "feed":
        yield from read_feed(stream, source, size)
    else:
        yield from read_document(stream, source, head, is_html=fmt == "html", size=size)
