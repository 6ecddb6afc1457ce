"""The HTTP API: JSON over the store, described at /openapi.json.

Listings page by keyset: ``limit`` rows, and ``next_cursor`` to pass back as ``cursor``. Word
filters match every word, case and accents folded, as the CLI's do.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials
from starlette.background import BackgroundTask

from newsclaims.store import (
    EXPORT_TABLES,
    articles_listing,
    current_version,
    export_table,
    figures_listing,
    speakers_listing,
    statements_listing,
    table_counts,
)
from newsclaims.web import views
from newsclaims.web.access import StoreAccess
from newsclaims.web.errors import ApiError
from newsclaims.web.models import (
    ERRORS,
    WRITE_ERRORS,
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    FigurePage,
    SearchPage,
    SpeakerPage,
    StatementPage,
    Status,
    StoredArticle,
    StoryOut,
)
from newsclaims.web.security import bearer, check_token
from newsclaims.web.writes import store_article

router = APIRouter(prefix="/api", responses=ERRORS)

MAX_WORDS = 500  # characters of a word filter: bounds the work of one request
Words = Annotated[str | None, Query(max_length=MAX_WORDS, description="words, case and accents folded")]
Lang = Annotated[Literal["fr", "en"] | None, Query(description="only articles in this language")]
Since = Annotated[date | None, Query(description="articles published on or after (YYYY-MM-DD)")]
Until = Annotated[date | None, Query(description="articles published on or before (YYYY-MM-DD)")]
Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
Cursor = Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")]
StoryWords = Annotated[
    str | None,
    Query(max_length=MAX_WORDS, description="only articles of this story: words naming a figure series"),
]
ExportTable = Literal["articles", "statements", "figures", "times", "entities", "rejected", "schema_version"]
ExportFormat = Literal["csv", "jsonl", "parquet"]
_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


class Scope:
    """The filters every listing takes: language and publication dates."""

    def __init__(self, lang: Lang = None, since: Since = None, until: Until = None) -> None:
        self.lang, self.since, self.until = lang, since, until

    def filters(self) -> dict[str, Any]:
        return {"lang": self.lang, "since": self.since, "until": self.until}


class SearchParams:
    """What a search asks for, in the API and on the search page alike."""

    def __init__(
        self,
        q: Words = None,
        kind: Annotated[Literal["article", "statement"] | None, Query(description="one kind of hit")] = None,
        speaker: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of a speaker")] = None,
        lang: Lang = None,
        since: Since = None,
        until: Until = None,
        story: StoryWords = None,
    ) -> None:
        self.q, self.kind, self.speaker, self.story = q, kind, speaker, story
        self.scope = Scope(lang, since, until)

    def filters(self) -> dict[str, Any]:
        return {"q": self.q, "kind": self.kind, "speaker": self.speaker, "story": self.story, **self.scope.filters()}

    def run(self, request: Request, access: StoreAccess, limit: int, cursor: str | None) -> views.SearchOut:
        ids = _story_ids(access, request, self.story, self.scope.lang)
        with access.reader() as con:
            return views.search(
                con,
                self.q,
                kinds=(self.kind,) if self.kind else ("article", "statement"),
                speaker=self.speaker,
                article_ids=ids,
                limit=limit,
                cursor=cursor,
                **self.scope.filters(),
            )


def get_access(request: Request) -> StoreAccess:
    access: StoreAccess = request.app.state.access
    return access


Access = Annotated[StoreAccess, Depends(get_access)]


def _story_ids(access: StoreAccess, request: Request, words: str | None, lang: str | None) -> list[str] | None:
    """The articles of a story (today: a figure series named in words), or None for no story filter."""
    if not words:
        return None
    with access.reader() as con:
        result = request.app.state.stories.get(con, words, lang, access.generation)
    return views.story_article_ids(result)


@router.get("/status", response_model=Status, tags=["store"])
def status(request: Request, access: Access) -> dict[str, Any]:
    """What the store holds, and whether writes are on."""
    with access.reader() as con:
        return {
            "db": str(access.db),
            "schema_version": current_version(con),
            "counts": table_counts(con),
            "writes": request.app.state.settings.token is not None,
        }


@router.get("/articles", response_model=ArticlePage, tags=["articles"])
def articles(
    request: Request,
    access: Access,
    q: Words = None,
    about: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of the title")] = None,
    lang: Lang = None,
    since: Since = None,
    until: Until = None,
    story: StoryWords = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> views.PageOut:
    """Articles (without their text), newest first. ``q`` searches the title and the text."""
    ids = _story_ids(access, request, story, lang)
    listing = articles_listing(about=about, words=q, since=since, until=until, lang=lang, article_ids=ids)
    with access.reader() as con:
        return views.page_of(con, listing, limit, cursor)


@router.get("/articles/{article_id}", response_model=ArticleDetail, tags=["articles"])
def article(
    access: Access,
    article_id: Annotated[str, PathParam(max_length=200, description="an article id, or its first characters")],
) -> dict[str, Any]:
    """One article with its text and all its claims, each with offsets into the text."""
    with access.reader() as con:
        return views.article_detail(views.article(con, article_id))


@router.post("/articles", response_model=StoredArticle, status_code=201, tags=["articles"], responses=WRITE_ERRORS)
def post_article(
    request: Request,
    access: Access,
    body: ArticleIn,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> dict[str, Any]:
    """Extract an article and store it; answers its record. Needs the server's bearer token.

    The same text stored twice is one article: the second answer has ``created: false``.
    """
    check_token(request, credentials, request.app.state.settings.token)
    return store_article(request.app.state.extractor, access, body)


@router.get("/statements", response_model=StatementPage, tags=["claims"])
def statements(
    access: Access,
    scope: Annotated[Scope, Depends()],
    speaker: Annotated[
        str | None, Query(max_length=MAX_WORDS, description="words of the speaker's name or role")
    ] = None,
    speaker_name: Annotated[
        str | None, Query(max_length=MAX_WORDS, description="one speaker, exactly as stored")
    ] = None,
    about: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of what was said")] = None,
    kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> views.PageOut:
    """Who said what, oldest article first (the filters of `newsclaims statements`)."""
    listing = statements_listing(speaker=speaker, speaker_name=speaker_name, about=about, kind=kind, **scope.filters())
    with access.reader() as con:
        return views.page_of(con, listing, limit, cursor)


@router.get("/figures", response_model=FigurePage, tags=["claims"])
def figures(
    access: Access,
    scope: Annotated[Scope, Depends()],
    counted: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of the thing counted")] = None,
    source: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of who reported it")] = None,
    speaker_name: Annotated[
        str | None, Query(max_length=MAX_WORDS, description="one speaker, exactly as stored")
    ] = None,
    about: Annotated[
        str | None, Query(max_length=MAX_WORDS, description="words of the figure or its statement")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> views.PageOut:
    """Figures with who reported them and when, oldest article first (as `newsclaims figures`)."""
    listing = figures_listing(counted=counted, source=source, speaker_name=speaker_name, about=about, **scope.filters())
    with access.reader() as con:
        return views.page_of(con, listing, limit, cursor)


@router.get("/speakers", response_model=SpeakerPage, tags=["claims"])
def speakers(
    access: Access, q: Words = None, lang: Lang = None, limit: Limit = 50, cursor: Cursor = None
) -> views.PageOut:
    """Speakers as stored (one per name), most statements first."""
    with access.reader() as con:
        return views.page_of(con, speakers_listing(words=q, lang=lang), limit, cursor)


@router.get("/story", response_model=StoryOut, tags=["stories"])
def story(
    request: Request,
    access: Access,
    q: Annotated[str, Query(min_length=1, max_length=MAX_WORDS, description="what is counted, fr or en")],
    lang: Lang = None,
) -> dict[str, Any]:
    """A figure across articles and languages (as `newsclaims story`): each report by date and
    source, the first report of each value, and where sources disagree."""
    with access.reader() as con:
        return request.app.state.stories.get(con, q, lang, access.generation).to_dict()


@router.get("/search", response_model=SearchPage, tags=["search"])
def search(
    request: Request,
    access: Access,
    params: Annotated[SearchParams, Depends()],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Full-text search over article titles and texts and statement words, newest first, with facet
    counts (kind, language, speaker) over all the hits."""
    out = params.run(request, access, limit, cursor)
    for item in out.items:
        item.pop("_snippet", None)
    return {"items": out.items, "next_cursor": out.next_cursor, "total": out.total, "facets": out.facets}


@router.get(
    "/export/{table}",
    tags=["store"],
    response_class=FileResponse,
    responses={200: {"content": {m: {} for m in _MEDIA.values()}, "description": "the table as a file"}},
)
def export(
    access: Access,
    table: Annotated[ExportTable, PathParam(description="a table of the store")],
    format: Annotated[ExportFormat, Query(description="file format")] = "csv",  # noqa: A002 (the API's word)
) -> FileResponse:
    """One table of the store as CSV, JSON Lines or Parquet (as `newsclaims export` writes them)."""
    if table not in EXPORT_TABLES:
        raise ApiError(404, f"no table {table!r}")
    folder = tempfile.mkdtemp(prefix="newsclaims-export-")
    path = Path(folder) / f"{table}.{format}"
    with access.reader() as con:
        export_table(con, table, path, format)
    return FileResponse(
        path,
        media_type=_MEDIA[format],
        filename=path.name,
        background=BackgroundTask(_remove, Path(folder)),
    )


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink(missing_ok=True)
    folder.rmdir()
