"""POST /api/articles: one article read, extracted and stored by the server.

The article goes through the same steps as one line of a JSONL ingest (reading, language, the
pipeline's ``extract_articles``), so it is stored exactly as `newsclaims ingest` would store it.
The spaCy model loads on the first article and stays loaded; one extraction runs at a time, as a
spaCy pipeline is not meant to be shared between threads.
"""

from __future__ import annotations

import threading
from typing import Any

from newsclaims.ingest import extract_batch, prepare
from newsclaims.records import ArticleRecord, Rejected
from newsclaims.sources.jsonl import item_from_json
from newsclaims.store import StoreWriter, load_record
from newsclaims.web import views
from newsclaims.web.access import StoreAccess
from newsclaims.web.errors import ApiError
from newsclaims.web.models import ArticleIn


class Extractor:
    """Articles -> records in this process, one at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __call__(self, body: ArticleIn) -> ArticleRecord:
        data: dict[str, Any] = body.model_dump(exclude_none=True)
        data.pop("lang", None)
        if body.published is not None:
            data["published"] = body.published.isoformat()
        if (body.text is None) == (body.html is None):
            raise ApiError(422, "give the article as exactly one of `text` or `html`")
        try:
            item = item_from_json(data, "api")
        except Exception as exc:  # an InputError: empty text, unreadable HTML
            raise ApiError(422, f"the article cannot be read: {exc}", "unreadable") from exc
        prepared = prepare(item, body.lang)
        if isinstance(prepared, Rejected):
            raise ApiError(
                422, f"the article cannot be read: {prepared.reason}: {prepared.detail or ''}", prepared.reason
            )
        with self._lock:
            [result] = extract_batch([prepared])
        if isinstance(result, Rejected):
            raise ApiError(
                422, f"the article cannot be extracted: {result.reason}: {result.detail or ''}", result.reason
            )
        return result


def store_article(extract: Extractor, access: StoreAccess, body: ArticleIn) -> dict[str, Any]:
    record = extract(body)

    def write(writer: StoreWriter) -> tuple[bool, ArticleRecord]:
        if writer.has_article(record.article.id):  # a fresh writer: stored, not buffered
            return False, load_record(writer.con, record.article.id)
        writer.add(record)
        writer.commit()
        return True, record

    created, stored = access.write(write)
    return {**views.article_detail(stored), "created": created}
