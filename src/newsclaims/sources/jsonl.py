"""JSON Lines: one article object per line, read line by line so a dump of any size streams."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsclaims.errors import InputError
from newsclaims.reading import MAX_BYTES, ReadText, decode, html_any_to_text, lang_tag
from newsclaims.records import Rejected
from newsclaims.sources.dates import parse_date
from newsclaims.sources.errors import rejection
from newsclaims.sources.item import SourceItem
from newsclaims.sources.streams import buffered

_SKIP_CHUNK = 1 << 20


def read_jsonl(stream: BinaryIO, source: str) -> Iterator[SourceItem | Rejected]:
    """A SourceItem or a Rejected per non-blank line; a bad line never stops the lines after it."""
    lineno = 0
    try:
        for lineno, raw in enumerate(_lines(buffered(stream)), 1):
            where = f"{source}#L{lineno}"
            if raw is None:
                yield Rejected(where, "too-large", f"the line is over {MAX_BYTES // (1024 * 1024)} MB")
                continue
            if not raw.strip():
                continue
            if lineno == 1 and raw.strip() in (b"{", b"["):
                yield Rejected(source, "json", "a pretty-printed JSON document, not JSON Lines (one object per line)")
                return
            try:
                item: SourceItem | Rejected = item_from_json(_parse(raw), where)
            except Exception as exc:  # anything wrong with this line is about this line only
                item = rejection(where, exc, "json")
            yield item
    except Exception as exc:  # the stream itself broke (truncated gzip, I/O error): say where
        yield rejection(f"{source}#L{lineno + 1}", exc, "json")


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line over MAX_BYTES (skipped without keeping it in memory)."""
    while True:
        line = stream.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            del line
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, _encoding = decode(raw)  # a legacy-encoded dump: guess per line rather than lose it
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("json", f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(obj, dict):
        raise InputError("json", f"a JSON {type(obj).__name__} where an article object was expected")
    return obj


def item_from_json(obj: dict[str, Any], source: str) -> SourceItem:
    """An article object: ``text`` or ``html``, and optionally title, url, published/date, lang, id."""
    title = _optional(obj, "title")
    url = _optional(obj, "url")
    text, html = _text_field(obj, "text"), _text_field(obj, "html")
    if text is not None and text.strip():
        read = ReadText(text=text, title=title, url=url)
    elif html is not None and html.strip():
        page = html_any_to_text(html, url=url)
        read = ReadText(
            text=page.text,
            title=title or page.title,
            published=page.published,
            url=url or page.url,
            is_html=True,
            lang=page.lang,
        )
    elif text is None and html is None:
        raise InputError("json", "the object has no 'text' or 'html' field")
    else:
        raise InputError("empty", "the article's text is empty")
    published = parse_date(obj.get("published") or obj.get("date"))
    ref = obj.get("id")
    return SourceItem(
        source=source,
        read=read,
        lang=lang_tag(_optional(obj, "lang")) or read.lang,
        published=published,
        url=read.url,
        title=read.title,
        ref=str(ref) if isinstance(ref, str | int) and not isinstance(ref, bool) else None,
    )


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError("json", f"the field {key!r} is a {type(value).__name__}, not a string")


def _optional(obj: dict[str, Any], key: str) -> str | None:
    """A metadata field; one of the wrong type is dropped, as the article is still worth having."""
    value = obj.get(key)
    return (value.strip() or None) if isinstance(value, str) else None
