"""The API's JSON shapes, as the OpenAPI description publishes them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, str]] | None = None


class ErrorOut(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (400, "bad parameter or cursor"),
        (404, "no such item"),
        (422, "invalid parameters"),
        (503, "the store is held by another process for now"),
    )
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (401, "no bearer token, or not the server's"),
        (403, "writes are off: the server has no token"),
        (413, "the body is over the server's limit"),
    )
}


class Paged(BaseModel):
    next_cursor: str | None = Field(None, description="pass as `cursor` for the next page; null on the last page")


class ArticleSummary(BaseModel):
    id: str
    published: date | None
    published_source: str | None
    lang: str
    title: str | None
    n_statements: int
    n_figures: int
    n_times: int
    n_entities: int
    chars: int
    url: str | None
    source: str | None
    ingested_at: datetime

    @field_validator("ingested_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        # Stored as UTC without a zone; RFC 3339 (OpenAPI's date-time) wants the zone written.
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class ArticlePage(Paged):
    items: list[ArticleSummary]


class InArticle(BaseModel):
    """An item of an article, with the article's date, language, title, url and source."""

    id: str
    article_id: str
    published: date | None
    lang: str
    title: str | None
    url: str | None
    source: str | None


class StatementRow(InArticle):
    speaker_name: str | None
    speaker_role: str | None
    speaker_kind: str | None
    speaker_mention: str | None
    cue: str | None
    kind: str | None
    content: str | None
    content_start: int | None
    content_end: int | None
    confidence: float | None


class StatementPage(Paged):
    items: list[StatementRow]


class FigureRow(InArticle):
    value: float | None
    qualifier: str | None
    unit: str | None
    currency: str | None
    counted: str | None
    low: float | None
    high: float | None
    text: str | None
    start_char: int | None
    end_char: int | None
    flags: list[str] | None
    statement_id: str | None
    speaker_name: str | None
    speaker_role: str | None
    speaker_kind: str | None
    cue: str | None


class FigurePage(Paged):
    items: list[FigureRow]


class SpeakerRow(BaseModel):
    name: str
    statements: int
    articles: int
    first_published: date | None
    last_published: date | None
    langs: list[str]
    roles: list[str]
    kind: str | None


class SpeakerPage(Paged):
    items: list[SpeakerRow]


class SearchHit(BaseModel):
    kind: Literal["article", "statement"]
    id: str
    article_id: str
    story_id: str | None = Field(None, description="the story of its article")
    entity: str | None = Field(None, description="a statement's speaker, as a canonical entity")
    published: date | None
    lang: str
    title: str | None
    speaker_name: str | None
    cue: str | None
    snippet: str = Field(description="the words around the first match")
    match: str = Field(description="the matched words, as printed")
    url: str | None
    href: str = Field(description="the page showing the hit in its article")


class FacetValue(BaseModel):
    value: str
    count: int
    label: str | None = Field(None, description="what the value stands for (a story's label)")


class SearchPage(Paged):
    total: int
    items: list[SearchHit]
    facets: dict[str, list[FacetValue]]


class ArticleDetail(BaseModel):
    """The article, its text, and every item with offsets into that text (as `newsclaims extract`)."""

    model_config = ConfigDict(extra="allow")
    id: str
    url: str | None
    title: str | None
    published: str | None
    lang: str
    text: str
    statements: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    times: list[dict[str, Any]]
    entities: list[dict[str, Any]]


class StoredArticle(ArticleDetail):
    created: bool = Field(description="false when the same text was stored already")


class StoryOut(BaseModel):
    """Figures across articles: each report, the first report of each figure, disagreements, and the
    series (by what they count: points with their reports, revisions, disagreements)."""

    query: str
    story_id: str | None = None
    label: str | None = None
    points: list[dict[str, Any]]
    firsts: list[dict[str, Any]]
    disagreements: list[list[dict[str, Any]]]
    series: list[dict[str, Any]] = []


class Status(BaseModel):
    db: str
    schema_version: int
    counts: dict[str, int]
    writes: bool = Field(description="whether POST /api/articles is on (the server has a token)")


class ArticleIn(BaseModel):
    """One article: ``text`` (plain) or ``html`` (its main text is extracted), with what is known of it."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    published: date | None = None
    lang: Literal["fr", "en", "auto"] = "auto"


class EntityRow(BaseModel):
    id: str
    kind: str = Field(description="person, organisation, state, place or group")
    name: str
    articles: int = Field(description="articles naming it")
    statements: int = Field(description="statements it made (as the speaker)")


class EntityPage(Paged):
    items: list[EntityRow]


class StoryArticle(BaseModel):
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    lang: str


class StoryRow(BaseModel):
    id: str
    label: str | None = Field(description="the title of its first article")
    first_date: date | None
    last_date: date | None
    n_articles: int
    languages: list[str]
    articles: list[StoryArticle]


class StoryPage(Paged):
    items: list[StoryRow]


class EntityDetail(EntityRow):
    names: list[str] = Field(description="the words articles name it with, most frequent first")
    stories: list[StoryRow] = Field(description="stories naming it, most recent first (at most 50)")


class StoryDetail(StoryRow):
    figures: StoryOut = Field(description="the story's figures: every report, and the series by concept")


class ClaimReport(BaseModel):
    statement_id: str
    article_id: str
    speaker: str | None
    content: str
    cue: str | None
    kind: str | None
    lang: str
    published: str | None
    said_on: str | None
    title: str | None
    url: str | None


class ClaimOut(BaseModel):
    """One proposition of one source, with every article that reported it (the first report first)."""

    id: str = Field(description="the statement id of its first report")
    source: str | None
    source_id: str | None
    said_on: str | None
    content: str
    n_reports: int
    langs: list[str]
    first: ClaimReport
    reports: list[ClaimReport]


class ClaimPage(Paged):
    items: list[ClaimOut]
