"""WARC and WARC.gz web archives: one article per HTML response, read record by record."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from newsclaims.errors import InputError
from newsclaims.reading import MAX_BYTES, declared_charset, decode, html_to_text, looks_html
from newsclaims.records import Rejected
from newsclaims.sources.errors import rejection
from newsclaims.sources.item import SourceItem

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, head: bytes) -> Iterator[SourceItem | Rejected]:
    """A SourceItem or a Rejected per HTML page; other records (requests, images, redirects) are not articles.

    ``stream`` is uncompressed (``head`` its start): warcio's own gzip reading ends quietly, with a
    note on stderr, at a corrupt member. A file cut short yields the records before the break,
    then one Rejected for the break.
    """
    # warcio reads almost anything as some record; only a WARC header means a WARC file.
    if not head.startswith(b"WARC/"):
        yield Rejected(source, "warc", "not a WARC file: it does not start with a WARC/1.x header")
        return
    number = pages = 0
    position = 1  # the record being read, for a rejection if the stream breaks
    try:
        iterator = _quiet_iterator(stream)
        for number, record in enumerate(iterator, 1):
            position = number
            for result in _record(record, f"{source}#rec{number}"):
                if isinstance(result, Stop):
                    yield result.rejected
                    return
                pages += 1
                yield result
            position = number + 1
    except Exception as exc:  # warcio fails in many ways on a record cut short (even AttributeError)
        where = f"{source}#rec{position}"
        broken = rejection(where, exc, "warc")
        if broken.reason == "warc":
            broken = Rejected(where, "warc", f"the archive is cut short or corrupt here ({exc.__class__.__name__})")
        yield broken
        return
    if _bytes_after_last_record(iterator):
        # warcio ends quietly when the file stops inside the next record's headers.
        yield Rejected(f"{source}#rec{number + 1}", "warc", "the file ends inside this record (truncated)")
    elif pages == 0:
        # Not an error in the file, but the user should know it gave no article.
        yield Rejected(source, "warc", f"no HTML page among its {number} records")


def _quiet_iterator(stream: BinaryIO) -> ArchiveIterator:
    """warcio's ArchiveIterator without its notes on stderr: what is wrong with a record becomes a
    rejection here, and extra lines on the terminal would carry the archive's bytes raw."""
    return _quiet_iterator_class()(stream)


@functools.cache
def _quiet_iterator_class() -> type[ArchiveIterator]:
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC inputs need it

    # "Replacing spaces in invalid WARC-Target-URI" goes through logging; with no handler of its
    # own, Python's last-resort handler would print it.
    logging.getLogger("warcio").addHandler(logging.NullHandler())

    class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        # Written to stderr when a record is not followed by its blank lines (a wrong Content-Length).
        INC_RECORD = ""

    return QuietArchiveIterator


@dataclasses.dataclass(frozen=True)
class Stop:
    """The archive cannot be read past this record."""

    rejected: Rejected


def _record(record: ArcWarcRecord, where: str) -> Iterator[SourceItem | Rejected | Stop]:
    """Nothing for a record that is not a page; an item or a rejection for a page; Stop at a break."""
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        # Mandatory in WARC: without it the headers were cut, and warcio would read to the end.
        yield Stop(Rejected(where, "warc", "the record's headers are cut short (truncated file)"))
        return
    if not _is_page(record):
        if _cut_short(record):
            yield Stop(Rejected(where, "warc", "the file ends inside this record (truncated)"))
        return
    data = record.content_stream().read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield Rejected(where, "too-large", f"the page is over {MAX_BYTES // (1024 * 1024)} MB")
        return
    if _cut_short(record):
        yield Stop(Rejected(where, "warc", "the file ends inside this record (truncated)"))
        return
    try:
        yield _page(record, data, where)
    except Exception as exc:
        yield rejection(where, exc, "html")


def _bytes_after_last_record(iterator: ArchiveIterator) -> bool:
    # offset: where the last whole record (with its trailing blank lines) ends; fh.tell(): all that was read.
    try:
        return int(iterator.fh.tell()) > int(iterator.offset)
    except (AttributeError, OSError, ValueError, TypeError):
        return False  # another warcio version: this check is a bonus, the others still hold


def _cut_short(record: ArcWarcRecord) -> bool:
    """Whether the file ended inside this record: warcio hands back a short body without complaint."""
    raw = record.raw_stream
    while raw.read(1 << 20):  # what is left of a record we skip; warcio would read it to move on anyway
        pass
    return getattr(raw, "limit", 0) > 0


def _is_page(record: ArcWarcRecord) -> bool:
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return False  # a response to something other than HTTP (dns:, whois:)
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False  # redirects and error pages are not articles
        mime = _mime(headers.get_header("Content-Type"))
    elif record.rec_type == "resource":
        mime = _mime(record.rec_headers.get_header("Content-Type"))
    else:
        return False
    return mime in _HTML_TYPES or mime == ""  # no type given: the content decides, in _page


def _page(record: ArcWarcRecord, data: bytes, where: str) -> SourceItem:
    content_type = (record.http_headers or record.rec_headers).get_header("Content-Type") or ""
    if not _mime(content_type) and not looks_html(data):
        raise InputError("html", "a record with no content type that is not HTML")
    text, encoding = decode(data, declared=_charset(content_type) or declared_charset(data))
    page = html_to_text(text, url=record.rec_headers.get_header("WARC-Target-URI"))
    read = dataclasses.replace(page, encoding=encoding)
    return SourceItem(
        source=where,
        read=read,
        lang=read.lang,
        url=read.url,
        title=read.title,
        ref=record.rec_headers.get_header("WARC-Record-ID"),
    )


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
