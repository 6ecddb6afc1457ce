"""What the API and the pages both show, computed once: pages of listings, search hits with their
snippets and facets, a story (cached until the next write), one article.

Every read goes through the store's query functions; the only SQL here is theirs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from newsclaims.records import ArticleRecord
from newsclaims.store import Listing, figure_id, load_record, resolve_article_id, search_listing, statement_id
from newsclaims.story import Story, story
from newsclaims.web.pagination import decode_cursor, encode_cursor
from newsclaims.web.snippets import snippet

Row = dict[str, Any]
STORY_CACHE = 64  # stories kept per server; each is dropped at the next write to the store


@dataclass(frozen=True)
class PageOut:
    items: list[Row]
    next_cursor: str | None


def page_of(con: duckdb.DuckDBPyConnection, listing: Listing, limit: int, cursor: str | None) -> PageOut:
    page = listing.page(con, limit, decode_cursor(cursor, listing))
    return PageOut(page.rows, encode_cursor(page.next_key))


class StoryCache:
    """Stories by (query, language), valid for one generation of the store (see StoreAccess)."""

    def __init__(self, size: int = STORY_CACHE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str | None, int], Story] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, con: duckdb.DuckDBPyConnection, query: str, lang: str | None, generation: int) -> Story:
        key = (query, lang, generation)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        result = story(con, query, lang=lang)
        with self._lock:
            self._items[key] = result
            for old in [k for k in self._items if k[2] != generation]:
                del self._items[old]
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return result


def story_article_ids(result: Story) -> list[str]:
    return sorted({p.article_id for p in result.points})


def item_href(kind: str, item_id: str, article_id: str) -> str:
    """The article page, scrolled to the item: ``#s3`` for a statement's sentence, ``#f2`` a figure."""
    if kind == "statement":
        return f"/articles/{article_id}#s{item_id.rsplit(':', 1)[-1]}"
    if kind == "figure":
        return f"/articles/{article_id}#{item_id.rsplit(':', 1)[-1]}"
    return f"/articles/{article_id}"


@dataclass(frozen=True)
class SearchOut:
    items: list[Row]
    next_cursor: str | None
    total: int
    facets: dict[str, list[dict[str, Any]]]


def search(
    con: duckdb.DuckDBPyConnection,
    words: str | None,
    *,
    kinds: Sequence[str],
    speaker: str | None,
    since: date | None,
    until: date | None,
    lang: str | None,
    article_ids: Sequence[str] | None,
    limit: int,
    cursor: str | None,
) -> SearchOut:
    listing = search_listing(
        words or "", kinds=kinds, speaker=speaker, since=since, until=until, lang=lang, article_ids=article_ids
    )
    page = page_of(con, listing, limit, cursor)
    items = []
    for row in page.items:
        cut = snippet(row.pop("text") or "", words)
        row.update(
            snippet=cut.before + cut.match + cut.after,
            match=cut.match,
            href=item_href(row["kind"], row["id"], row["article_id"]),
        )
        row["_snippet"] = cut
        items.append(row)
    counted = listing.facets(con, ("kind", "lang", "speaker_name"))
    facets = {"kind": counted["kind"], "lang": counted["lang"], "speaker": counted["speaker_name"]}
    total = sum(n for _value, n in facets["kind"])
    return SearchOut(
        items, page.next_cursor, total, {k: [{"value": str(v), "count": n} for v, n in vs] for k, vs in facets.items()}
    )


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleRecord:
    """The article with this id (or unique id prefix); NotFoundError, or StoreError for a bad id."""
    return load_record(con, resolve_article_id(con, article_id.split(":", 1)[0]))


def article_detail(record: ArticleRecord) -> dict[str, Any]:
    """``record.to_dict()`` with each item's id, as the listings give them."""
    data = record.to_dict()
    aid = record.article.id
    for i, s in enumerate(data["statements"]):
        s["id"] = statement_id(aid, i)
    for j, f in enumerate(data["figures"]):
        f["id"] = figure_id(aid, j)
        f["statement_id"] = statement_id(aid, f["statement"]) if f.get("statement") is not None else None
    return data
