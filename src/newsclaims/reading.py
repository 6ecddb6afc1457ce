"""Bytes to text: decoding, binary detection, and HTML to main text with its metadata.

No I/O beyond what the caller hands in; everything raises ``InputError`` with a short reason so a
batch can record the rejection and go on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from charset_normalizer import from_bytes

from newsclaims.errors import InputError

# Control characters that never occur in text; a few of them in the first kilobytes means binary.
_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<article|<p[\s>]|<div[\s>])", re.I)


@dataclass(frozen=True)
class ReadText:
    """A decoded document, before language and extraction."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    encoding: str = "utf-8"
    is_html: bool = False


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs but starts with a BOM; anything else with NULs is binary.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(1 for b in head if b in _BINARY_CONTROL)
    return controls > max(2, len(head) // 200)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 when they are, else the most likely legacy encoding.

    Returns (text, encoding). Raises InputError for empty, binary or undecodable input.
    """
    if not data or not data.strip():
        raise InputError("empty", "the input holds no text")
    if looks_binary(data):
        raise InputError("binary", "the input looks like binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _western_decode(data)
    if western is not None:
        return western, "cp1252"
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError("encoding", "not UTF-8, and no other text encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError("encoding", f"not UTF-8 and not {best.encoding}: {exc}") from exc
    if _garbled(text):
        raise InputError("encoding", f"not UTF-8; decoding as {best.encoding} gives garbled text")
    return text, best.encoding


def _western_decode(data: bytes) -> str | None:
    """cp1252 text when the bytes read as French or English in it, else None.

    newsclaims reads French and English, whose legacy files are nearly always cp1252/latin-1, and
    statistical detectors often mistake a short French text for a Baltic or Central European code page.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    if not high:
        return text
    letters = sum(1 for c in high if c in _WESTERN_LETTERS)
    return text if letters / len(high) >= 0.8 else None


_WESTERN_LETTERS = set("àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ«»’‘“”–—…°€ñÑáíóúÁÍÓÚ\u00a0")


def _garbled(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    return bad / len(sample) > 0.01


def looks_html(data: bytes | str) -> bool:
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", "ignore")
    return bool(_HTML_START.match(head))


def html_to_text(html: str, url: str | None = None) -> ReadText:
    """Main text, title and date of an HTML page, through trafilatura."""
    import trafilatura  # imported here: it is slow to import and plain-text runs never need it

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup; all mean the same here
        raise InputError("html", f"the HTML cannot be parsed: {exc.__class__.__name__}") from exc
    if doc is None:
        raise InputError("html", "no main text found in the HTML")
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        raise InputError("html", "no main text found in the HTML")
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return ReadText(
        text=body,
        title=getattr(doc, "title", None) or None,
        published=published,
        url=url or getattr(doc, "url", None),
        is_html=True,
    )


def read_bytes(data: bytes, url: str | None = None, force_html: bool | None = None) -> ReadText:
    """Decode and, for HTML, extract. ``force_html`` overrides detection when the caller knows."""
    text, encoding = decode(data)
    is_html = looks_html(data) if force_html is None else force_html
    if is_html:
        read = html_to_text(text, url=url)
        return ReadText(read.text, read.title, read.published, read.url, encoding, True)
    if not text.strip():
        raise InputError("empty", "the input holds no text")
    return ReadText(text=text, url=url, encoding=encoding)


MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is a dump, not an article


def read_limited(stream: BinaryIO, name: str, limit: int = MAX_BYTES) -> bytes:
    """Read at most ``limit`` bytes; a larger input is refused rather than loaded whole."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError("too-large", f"{name} is over {limit // (1024 * 1024)} MB; split it into articles")
    return data
