"""RSS and Atom feeds saved on disk: one article per item, with the item's date, title and link."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from newsclaims.errors import InputError
from newsclaims.reading import MAX_BYTES, ReadText, fragment_to_text, html_any_to_text, lang_tag, read_limited
from newsclaims.records import Rejected
from newsclaims.sources.dates import parse_date
from newsclaims.sources.errors import rejection
from newsclaims.sources.item import SourceItem
from newsclaims.sources.streams import buffered

# feedparser holds the whole document and its items in memory; a feed file is a few megabytes, so
# twice the single-article limit leaves room for full-content feeds and still bounds memory.
FEED_MAX_BYTES = 2 * MAX_BYTES
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feed(stream: BinaryIO, source: str, size: int | None = None) -> Iterator[SourceItem | Rejected]:
    """A SourceItem or a Rejected per item; a broken item never hides the others.

    A feed that feedparser cannot read whole (one bad character reference is enough), or reads with
    fewer items than it holds, is read again item by item, each in the feed's own envelope, so one
    bad item costs only itself.
    """
    import feedparser  # imported here: only feed inputs need it

    try:
        if size is not None and size > FEED_MAX_BYTES:
            raise InputError("too-large", f"the feed is over {FEED_MAX_BYTES // (1024 * 1024)} MB")
        data = read_limited(buffered(stream), "the feed", FEED_MAX_BYTES)
    except Exception as exc:
        yield rejection(source, exc, "feed")
        return
    items = _item_spans(data)
    try:
        # A stream, not bytes or str: feedparser would take a string for a URL or a file name.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:
        if not items:
            yield rejection(source, exc, "feed")
            return
        parsed = None
    entries = (parsed.get("entries") or []) if parsed is not None else []
    if parsed is None or (parsed.get("bozo") and len(entries) < len(items)):
        yield from _item_by_item(data, items, source)
        return
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f"no items found ({problem.__class__.__name__}: {problem})" if problem else "the feed has no items"
        yield Rejected(source, "feed", detail[:300])
        return
    feed_lang = lang_tag(parsed.get("feed", {}).get("language"))
    for index, entry in enumerate(entries, 1):
        yield _item(entry, f"{source}#item{index}", feed_lang)


def _item(entry: dict[str, Any], where: str, feed_lang: str | None) -> SourceItem | Rejected:
    try:
        return item_from_entry(entry, where, feed_lang)
    except Exception as exc:
        return rejection(where, exc, "feed")


# An item's (RSS, RDF) or entry's (Atom) opening or closing tag, with a namespace prefix or not.
# Attributes are bounded so a tag that never closes costs a bounded scan, not one to the end.
_ITEM_TAG = re.compile(rb"<(/?)(?:[\w.-]{1,64}:)?(?:item|entry)(?=[\s>/])[^<>]{0,4096}>", re.I)


def _item_spans(data: bytes) -> list[tuple[int, int]]:
    """Where each item's markup begins and ends (tags pairing as they come; items do not nest)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for match in _ITEM_TAG.finditer(data):
        closing = bool(match.group(1))
        if not closing and not match.group().endswith(b"/>"):
            start = match.start()
        elif closing and start is not None:
            spans.append((start, match.end()))
            start = None
    return spans


_ENVELOPE_MAX = 65536  # more than this around the items, and only their enclosing tags are kept
_XML_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,1024}>")
_ENVELOPE_TAG = re.compile(rb"</?(?:[\w.-]{1,64}:)?(?:rss|channel|feed|RDF)(?=[\s>/])[^<>]{0,4096}>", re.I)


def _envelope(head: bytes, tail: bytes) -> tuple[bytes, bytes]:
    """What to wrap each item in: the feed's own head and tail, or, when they are large (each item
    is parsed with them), only the XML declaration and the feed's enclosing tags."""
    if len(head) + len(tail) <= _ENVELOPE_MAX:
        return head, tail
    declaration = _XML_DECLARATION.match(head)
    opening = b"".join(m.group() for m in _ENVELOPE_TAG.finditer(head) if not m.group().startswith(b"</"))
    closing = b"".join(m.group() for m in _ENVELOPE_TAG.finditer(tail) if m.group().startswith(b"</"))
    return (declaration.group() if declaration else b"") + opening, closing


def _item_by_item(data: bytes, items: list[tuple[int, int]], source: str) -> Iterator[SourceItem | Rejected]:
    """Each item parsed alone, inside the feed's envelope (what precedes the first item and follows
    the last), so it keeps the feed's encoding, namespaces and language."""
    import feedparser

    head, tail = _envelope(data[: items[0][0]], data[items[-1][1] :])
    feed_lang: str | None = None
    for index, (start, end) in enumerate(items, 1):
        where = f"{source}#item{index}"
        try:
            parsed = feedparser.parse(io.BytesIO(head + data[start:end] + tail))
            entries = parsed.get("entries") or []
            if not entries:
                raise InputError("feed", "the item cannot be parsed")
        except InputError as exc:
            yield rejection(where, exc, "feed")
            continue
        except Exception as exc:  # feedparser fails this way on a bad character reference, among others
            detail = f"the item cannot be parsed ({exc.__class__.__name__}: {exc})"
            yield Rejected(where, "feed", detail[:300])
            continue
        feed_lang = feed_lang or lang_tag(parsed.get("feed", {}).get("language"))
        yield _item(entries[0], where, feed_lang)


def item_from_entry(entry: dict[str, Any], source: str, feed_lang: str | None = None) -> SourceItem:
    """An item's fullest content (content:encoded, Atom content, else summary) as an article."""
    content = _fullest_content(entry)
    if content is None:
        raise InputError("empty", "the item has no content or summary")
    value, kind = content.get("value") or "", (content.get("type") or "text/html").lower()
    url = _text(entry.get("link"))
    if kind in _HTML_TYPES:
        page = html_any_to_text(value, url=url)
    else:
        if not value.strip():
            raise InputError("empty", "the item's content is empty")
        page = ReadText(text=value, url=url)
    title = _title(entry) or page.title
    read = ReadText(
        text=page.text,
        title=title,
        published=page.published,
        url=url or page.url,
        encoding=page.encoding,
        is_html=page.is_html,
        lang=page.lang,
    )
    return SourceItem(
        source=source,
        read=read,
        lang=lang_tag(content.get("language")) or read.lang or feed_lang,
        published=_item_date(entry),
        url=read.url,
        title=title,
        ref=_text(entry.get("id")),
    )


def _fullest_content(entry: dict[str, Any]) -> dict[str, Any] | None:
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        return max(contents, key=lambda c: len(c["value"]))
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        detail = entry.get("summary_detail") or {}
        return {"value": summary, "type": detail.get("type"), "language": detail.get("language")}
    return None


def _title(entry: dict[str, Any]) -> str | None:
    title = _text(entry.get("title"))
    if title and "<" in title and (entry.get("title_detail") or {}).get("type") in _HTML_TYPES:
        try:
            title = " ".join(fragment_to_text(title).split("\n"))
        except InputError:
            return None
    return title


def _item_date(entry: dict[str, Any]) -> date | None:
    # The raw string keeps the item's own time zone; feedparser's *_parsed tuples are in UTC.
    # dict.get, not entry.get: feedparser's own get maps a missing "updated" to "published", with a warning.
    for key in ("published", "updated", "created", "published_parsed", "updated_parsed", "created_parsed"):
        found = parse_date(dict.get(entry, key))
        if found is not None:
            return found
    return None


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
