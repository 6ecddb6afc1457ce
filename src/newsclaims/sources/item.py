"""What reading a corpus yields: one decoded article with what its container said about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsclaims.reading import ReadText


@dataclass(frozen=True)
class SourceItem:
    """One article as found in an input, before language detection and extraction.

    ``read`` already carries the best title and url known (the container's own, else the page's),
    so ``make_article(item.read, lang=item.lang, published=item.published, source=item.source)``
    loses nothing.
    """

    source: str  # "path", "path#L12" (JSONL line), "path#item3" (feed), "path#rec5" (WARC record), "-" for stdin
    read: ReadText
    lang: str | None = None  # when the input says so (JSONL field, feed or HTML lang attribute)
    published: date | None = None  # when the input says so (JSONL field, feed item date); never WARC-Date
    url: str | None = None
    title: str | None = None
    ref: str | None = None  # the input's own id for the item: JSONL "id", feed guid, WARC-Record-ID
