"""What the API and the pages both show, computed once: pages of listings, search hits with their
snippets and facets, a story (cached until the next write), one article.

Every read goes through the store's query functions; the only SQL here is theirs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

import duckdb

from newsclaims.records import ArticleRecord
from newsclaims.store import Listing, figure_id, load_record, resolve_article_id, search_listing, statement_id
from newsclaims.store.errors import NotFoundError
from newsclaims.store.listing import SortKey
from newsclaims.store.stories import (
    entity_counts,
    entity_names,
    entity_row,
    statement_article,
    stories_listing,
    stories_with_articles,
    story_labels,
    story_of_article,
)
from newsclaims.stories.claims import Claim, claim_containing
from newsclaims.story import Story, claims, story
from newsclaims.web.errors import ApiError
from newsclaims.web.pagination import decode_cursor, encode_cursor
from newsclaims.web.snippets import snippet

Row = dict[str, Any]
K = TypeVar("K")
V = TypeVar("V")
STORY_CACHE = 64  # stories kept per server; each is dropped at the next write to the store


@dataclass(frozen=True)
class PageOut:
    items: list[Row]
    next_cursor: str | None


def page_of(con: duckdb.DuckDBPyConnection, listing: Listing, limit: int, cursor: str | None) -> PageOut:
    page = listing.page(con, limit, decode_cursor(cursor, listing))
    return PageOut(page.rows, encode_cursor(page.next_key))


class Cache(Generic[K, V]):
    """Derived views by key, valid for one generation of the store (see StoreAccess): the next
    write drops them all."""

    def __init__(self, size: int = STORY_CACHE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[K, int], V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, generation: int, compute: Callable[[], V]) -> V:
        full = (key, generation)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        result = compute()
        with self._lock:
            self._items[full] = result
            for old in [k for k in self._items if k[1] != generation]:
                del self._items[old]
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return result


class StoryCache(Cache[tuple[str, str | None, str | None], Story]):
    """Stories by (query, language, story id)."""

    def get_story(
        self, con: duckdb.DuckDBPyConnection, query: str, lang: str | None, generation: int, story_id: str | None = None
    ) -> Story:
        return self.get((query, lang, story_id), generation, lambda: story(con, query, lang=lang, story_id=story_id))


class ClaimsCache(Cache[str | None, list[Claim]]):
    """Claims by story id (None: the whole store)."""

    def get_claims(self, con: duckdb.DuckDBPyConnection, story_id: str | None, generation: int) -> list[Claim]:
        return self.get(story_id, generation, lambda: claims(con, story_id=story_id))


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
    story_id: str | None = None,
    entity: str | None = None,
) -> SearchOut:
    listing = search_listing(
        words or "",
        kinds=kinds,
        speaker=speaker,
        since=since,
        until=until,
        lang=lang,
        article_ids=article_ids,
        story_id=story_id,
        entity=entity,
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
    counted = listing.facets(con, ("kind", "lang", "speaker_name", "story_id", "entity"))
    facets = {
        "kind": counted["kind"],
        "lang": counted["lang"],
        "speaker": counted["speaker_name"],
        "story_id": counted["story_id"],
        "entity": counted["entity"],
    }
    total = sum(n for _value, n in facets["kind"])
    labels = story_labels(con, [v for v, _n in facets["story_id"]])
    out: dict[str, list[dict[str, Any]]] = {
        k: [{"value": str(v), "count": n, "label": None} for v, n in vs] for k, vs in facets.items()
    }
    for f in out["story_id"]:
        f["label"] = labels.get(str(f["value"])) or f["value"]
    return SearchOut(items, page.next_cursor, total, out)


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


def stories_out(con: duckdb.DuckDBPyConnection, rows: list[Row]) -> list[Row]:
    """Story rows with their articles, as the API gives them."""
    return stories_with_articles(con, rows)


def entity_out(con: duckdb.DuckDBPyConnection, entity_id: str) -> Row:
    """An entity with its names, counts and the stories naming it."""
    row = entity_row(con, entity_id)
    counts = entity_counts(con, entity_id)
    stories = stories_out(con, stories_listing(entity_id=entity_id).rows(con, 50))
    return {**row, **counts, "names": entity_names(con, entity_id), "stories": stories}


OFFSET = "o"
_OFFSET_LISTING = Listing("", "", (), (), (SortKey("o", "VARCHAR"), SortKey("n", "BIGINT")))


def encode_offset(offset: int) -> str:
    return encode_cursor([OFFSET, offset]) or ""


def offset_cursor(cursor: str | None) -> int:
    """The position a computed list's cursor holds (claims are computed, not a SQL listing)."""
    if not cursor:
        return 0
    key = decode_cursor(cursor, _OFFSET_LISTING)
    position = key[1] if key else 0
    if not isinstance(position, int) or position < 0:
        raise ApiError(400, "invalid cursor: pass back the next_cursor of a previous page unchanged")
    return position


def claim(con: duckdb.DuckDBPyConnection, cache: ClaimsCache, claim_id: str, generation: int) -> Claim:
    """The claim one of whose reports is the statement ``claim_id`` (NotFoundError otherwise)."""
    article = statement_article(con, claim_id)
    found = claim_containing(cache.get_claims(con, story_of_article(con, article), generation), claim_id)
    if found is None:
        raise NotFoundError(f"no claim with a report {claim_id!r}")
    return found
