"""RSS and Atom feeds saved on disk: one article per item, with the item's date, title and link."""

from __future__ import annotations

import io
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
    """A SourceItem or a Rejected per item; a broken item never hides the others."""
    import feedparser  # imported here: only feed inputs need it

    try:
        if size is not None and size > FEED_MAX_BYTES:
            raise InputError("too-large", f"the feed is over {FEED_MAX_BYTES // (1024 * 1024)} MB")
        data = read_limited(buffered(stream), "the feed", FEED_MAX_BYTES)
        # A stream, not bytes or str: feedparser would take a string for a URL or a file name.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:
        yield rejection(source, exc, "feed")
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f"no items found ({problem.__class__.__name__}: {problem})" if problem else "the feed has no items"
        yield Rejected(source, "feed", detail[:300])
        return
    feed_lang = lang_tag(parsed.get("feed", {}).get("language"))
    for index, entry in enumerate(entries, 1):
        where = f"{source}#item{index}"
        try:
            item: SourceItem | Rejected = item_from_entry(entry, where, feed_lang)
        except Exception as exc:
            item = rejection(where, exc, "feed")
        yield item


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
