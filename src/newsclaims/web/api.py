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
from fastapi.responses import FileResponse, Response
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
from newsclaims.store.stories import entities_listing, stories_listing, story_row
from newsclaims.stories.claims import speaker_matches
from newsclaims.web import views
from newsclaims.web.access import StoreAccess
from newsclaims.web.errors import ApiError
from newsclaims.web.models import (
    ERRORS,
    WRITE_ERRORS,
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    ClaimOut,
    ClaimPage,
    EntityDetail,
    EntityPage,
    FigurePage,
    SearchPage,
    SpeakerPage,
    StatementPage,
    Status,
    StoredArticle,
    StoryDetail,
    StoryOut,
    StoryPage,
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
ExportTable = Literal[
    "articles",
    "statements",
    "figures",
    "times",
    "entities",
    "article_features",
    "rejected",
    "canonical_entities",
    "stories",
    "story_articles",
    "schema_version",
]
StoryId = Annotated[str | None, Query(max_length=40, description="only this story (an id /api/stories lists)")]
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
        story_id: StoryId = None,
        entity: Annotated[
            str | None, Query(max_length=MAX_WORDS, description="statements of this speaker entity (its name)")
        ] = None,
    ) -> None:
        self.q, self.kind, self.speaker, self.story = q, kind, speaker, story
        self.story_id, self.entity = story_id, entity
        self.scope = Scope(lang, since, until)

    def filters(self) -> dict[str, Any]:
        return {
            "q": self.q,
            "kind": self.kind,
            "speaker": self.speaker,
            "story": self.story,
            "story_id": self.story_id,
            "entity": self.entity,
            **self.scope.filters(),
        }

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
                story_id=self.story_id,
                entity=self.entity,
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
        result = request.app.state.stories.get_story(con, words, lang, access.generation)
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
    story_id: StoryId = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> views.PageOut:
    """Articles (without their text), newest first. ``q`` searches the title and the text."""
    ids = _story_ids(access, request, story, lang)
    listing = articles_listing(
        about=about, words=q, since=since, until=until, lang=lang, article_ids=ids, story_id=story_id
    )
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
) -> Response:
    """A figure across articles and languages (as `newsclaims story`): each report by date and
    source, the first report of each value, and where sources disagree."""
    with access.reader() as con:

        def as_json() -> bytes:
            found = request.app.state.stories.get_story(con, q, lang, access.generation)
            return StoryOut.model_validate(found.to_dict()).model_dump_json(by_alias=True).encode()

        # Validated and serialised once per store generation: a story of a thousand reports takes
        # longer to serialise than to read.
        body = request.app.state.story_json.get((q, lang), access.generation, as_json)
    return Response(body, media_type="application/json")


@router.get("/stories", response_model=StoryPage, tags=["stories"])
def stories(
    access: Access,
    scope: Annotated[Scope, Depends()],
    about: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of its articles' titles")] = None,
    entity_id: Annotated[str | None, Query(max_length=40, description="stories naming this entity")] = None,
    min_articles: Annotated[int, Query(ge=1, le=100000, description="stories with this many articles")] = 1,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stories (articles about the same events, across outlets and languages), most recent first,
    each with its articles (as `newsclaims stories --format json`)."""
    listing = stories_listing(about=about, entity_id=entity_id, min_articles=min_articles, **scope.filters())
    with access.reader() as con:
        page = views.page_of(con, listing, limit, cursor)
        return {"items": views.stories_out(con, page.items), "next_cursor": page.next_cursor}


@router.get("/stories/{story_id}", response_model=StoryDetail, tags=["stories"])
def story_detail(
    request: Request, access: Access, story_id: Annotated[str, PathParam(max_length=40, description="a story id")]
) -> dict[str, Any]:
    """One story: its articles and its figures (every report, series by concept with first reports,
    revisions and disagreements)."""
    with access.reader() as con:
        [row] = views.stories_out(con, [story_row(con, story_id)])
        figures = request.app.state.stories.get_story(con, "", None, access.generation, story_id)
    return {**row, "figures": figures.to_dict()}


@router.get("/entities", response_model=EntityPage, tags=["stories"])
def entities(
    access: Access,
    q: Words = None,
    kind: Annotated[
        Literal["person", "organisation", "state", "place", "group"] | None, Query(description="one kind")
    ] = None,
    lang: Lang = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> views.PageOut:
    """Canonical entities (people, institutions, states, places, groups), most articles first."""
    with access.reader() as con:
        return views.page_of(con, entities_listing(words=q, kind=kind, lang=lang), limit, cursor)


@router.get("/entities/{entity_id}", response_model=EntityDetail, tags=["stories"])
def entity_detail(
    access: Access, entity_id: Annotated[str, PathParam(max_length=40, description="an entity id")]
) -> dict[str, Any]:
    """One entity: the names articles give it, its counts, the stories naming it."""
    with access.reader() as con:
        return views.entity_out(con, entity_id)


@router.get("/claims", response_model=ClaimPage, tags=["claims"])
def claims_list(
    request: Request,
    access: Access,
    story_id: StoryId = None,
    speaker: Annotated[str | None, Query(max_length=MAX_WORDS, description="words of the source's name")] = None,
    min_reports: Annotated[int, Query(ge=1, le=100000, description="claims reported this often")] = 1,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Claims (one source's proposition, with every article that reported it, the first first), in
    the order they were made (as `newsclaims claims`)."""
    with access.reader() as con:
        if story_id is not None:
            story_row(con, story_id)
        found = request.app.state.claims.get_claims(con, story_id, access.generation)
    chosen = [c for c in found if len(c.reports) >= min_reports and (not speaker or speaker_matches(c, speaker))]
    start = views.offset_cursor(cursor)
    page = chosen[start : start + limit]
    more = start + limit < len(chosen)
    return {"items": [c.to_dict() for c in page], "next_cursor": views.encode_offset(start + limit) if more else None}


@router.get("/claims/{claim_id}", response_model=ClaimOut, tags=["claims"])
def claim_detail(
    request: Request,
    access: Access,
    claim_id: Annotated[str, PathParam(max_length=200, description="a claim id (the statement id of a report)")],
) -> dict[str, Any]:
    """One claim, named by any of its reports' statement ids (its id is its first report's)."""
    with access.reader() as con:
        return views.claim(con, request.app.state.claims, claim_id, access.generation).to_dict()


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
