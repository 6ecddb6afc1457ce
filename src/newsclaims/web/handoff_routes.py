"""The routes a local `newsclaims ingest` hands its batches to (see ``store.handoff``).

Not part of the public API (absent from /openapi.json): they take the token of the serve file
beside the store, never the server's --token.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from starlette.concurrency import run_in_threadpool

from newsclaims.store import StoreWriter
from newsclaims.store.handoff import HANDOFF_PREFIX, decode_tables
from newsclaims.store.linking import link_articles
from newsclaims.web.access import StoreAccess
from newsclaims.web.errors import ApiError
from newsclaims.web.security import bearer

MAX_IDS = 1000  # ids per question: an ingest asks about a few dozen

router = APIRouter(prefix=HANDOFF_PREFIX, include_in_schema=False)


def _check(request: Request, credentials: HTTPAuthorizationCredentials | None) -> StoreAccess:
    expected: str = request.app.state.settings.handoff_token
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "the hand-off token of the serve file beside the store is required")
    access: StoreAccess = request.app.state.access
    return access


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


@router.get("/ping")
def ping(request: Request, credentials: Credentials) -> dict[str, Any]:
    access = _check(request, credentials)
    return {"db": str(access.db)}


@router.post("/articles/stored")
async def stored_among(request: Request, credentials: Credentials) -> dict[str, Any]:
    """Which of the articles the store holds (an ingest asks once per handful of inputs)."""
    access = _check(request, credentials)
    try:
        ids = json.loads(await request.body())["ids"]
    except (ValueError, TypeError, KeyError) as exc:
        raise ApiError(400, 'expected {"ids": [...]}') from exc
    if not isinstance(ids, list) or len(ids) > MAX_IDS or not all(isinstance(i, str) for i in ids):
        raise ApiError(400, f"ids must be a list of at most {MAX_IDS} strings")

    def among() -> set[str]:
        with access.reader() as con:
            return StoreWriter(con).stored_among(ids)

    return {"stored": sorted(await run_in_threadpool(among))}


@router.post("/batch")
async def batch(request: Request, credentials: Credentials) -> dict[str, Any]:
    access = _check(request, credentials)
    try:
        tables = decode_tables(await request.body())
    except ValueError as exc:
        raise ApiError(400, f"not a batch of the store's tables: {exc}") from exc
    stored = await run_in_threadpool(access.write, lambda writer: writer.write_tables(tables, skip_stored=True))
    return {"stored": stored}


@router.post("/link")
async def link(request: Request, credentials: Credentials) -> dict[str, Any]:
    """Link the articles of the store that have no story (`newsclaims link` while the server runs)."""
    access = _check(request, credentials)
    stats = await run_in_threadpool(access.write, lambda writer: link_articles(writer.con))
    return {"articles": stats.articles, "new_stories": stats.new_stories, "entities": stats.entities}
