"""The pages: search with facets, an article with its claims marked, a story's timeline (by query or
by story id), stories, entities, claims, speakers.

Server-rendered templates (Jinja2, autoescape on) with no script: hovering or focusing a mark shows
its details through CSS alone, and the chart is SVG drawn on the server. Pages read through the
same functions as the API.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse

from newsclaims.store import figures_listing, speakers_listing, statements_listing
from newsclaims.store.stories import entities_listing, stories_listing, story_of_article, story_row
from newsclaims.story import Story
from newsclaims.web import views
from newsclaims.web.api import MAX_WORDS, Access, Cursor, Lang, SearchParams, Since, Until, Words
from newsclaims.web.chart import point_href, source_name, timeline_svg
from newsclaims.web.highlight import highlight
from newsclaims.web.models import ERRORS

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse, responses=ERRORS)
PAGE_ROWS = 25
CLAIMS_SHOWN = 12  # the most reported claims a story page lists (/api/claims?story_id= has them all)
REPORTS_SHOWN = 200  # rows of a story page's table of reports (/api/story has them all; the chart shows all)
DEMO_STORY = "soldats nord-coréens"


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(request=request, **context)
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request, access: Access, params: Annotated[SearchParams, Depends()], cursor: Cursor = None
) -> HTMLResponse:
    """Search articles and statements, with facets: kind, language, speaker, dates, story."""
    out = params.run(request, access, PAGE_ROWS, cursor)
    return render(request, "search.html", out=out, filters=params.filters())


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, access: Access, article_id: Annotated[str, PathParam(max_length=200)]
) -> HTMLResponse:
    """One article, its statements, figures and times marked in the text."""
    with access.reader() as con:
        record = views.article(con, article_id)
    return render(request, "article.html", record=record, text=highlight(record))


def shown_reports(story: Story, limit: int | None = None) -> list[Any]:
    """The reports a story page's table lists, in the order they were said: all of them when they fit,
    else at most ``limit``: first reports of a value, revised ones and those in a disagreement before
    the others, the earliest first (a page of thousands of rows is slow to send and to read)."""
    limit = REPORTS_SHOWN if limit is None else limit
    if len(story.points) <= limit:
        return list(story.points)
    marked = {p.figure_id for p in story.firsts} | set(story.revisions)
    marked |= {p.figure_id for pair in story.disagreements for p in pair}
    ranked = [p for p in story.points if p.figure_id in marked] + [p for p in story.points if p.figure_id not in marked]
    keep = {p.figure_id for p in ranked[:limit]}
    return [p for p in story.points if p.figure_id in keep]


def _story_context(request: Request, result: Story | None, title: str) -> dict[str, Any]:
    """What story.html shows of a story: the chart, its first reports, its revisions."""
    return {
        "story": result,
        "reports": shown_reports(result) if result else [],
        "chart": timeline_svg(result, title) if result else None,
        "revisions": result.revisions if result else {},
        "first_ids": {p.figure_id for p in result.firsts} if result else set(),
        "demo": DEMO_STORY,
        "href": point_href,
        "source": source_name,
    }


@router.get("/story", response_class=HTMLResponse)
def story_page(
    request: Request,
    access: Access,
    q: Annotated[str | None, Query(max_length=MAX_WORDS, description="what is counted, fr or en")] = None,
    lang: Lang = None,
) -> HTMLResponse:
    """A figure's story: the timeline by source, first reports, revisions and disagreements."""
    result: Story | None = None
    if q:
        with access.reader() as con:
            result = request.app.state.stories.get_story(con, q, lang, access.generation)
    context = _story_context(request, result, f"«{q}» by date said and source")
    return render(request, "story.html", q=q, lang=lang, meta=None, all_series=(), claims=None, **context)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    access: Access,
    about: Words = None,
    lang: Lang = None,
    min_articles: Annotated[int, Query(ge=1, le=100000)] = 1,
    cursor: Cursor = None,
) -> HTMLResponse:
    """Stories, most recent first, with their articles."""
    listing = stories_listing(about=about, lang=lang, min_articles=min_articles)
    with access.reader() as con:
        page = views.page_of(con, listing, PAGE_ROWS, cursor)
        items = views.stories_out(con, page.items)
    return render(
        request, "stories.html", items=items, next_cursor=page.next_cursor, about=about, lang=lang, min=min_articles
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_by_id_page(
    request: Request, access: Access, story_id: Annotated[str, PathParam(max_length=40)]
) -> HTMLResponse:
    """One story: the timeline of its main series by source, every series, its claims, its articles."""
    with access.reader() as con:
        [meta] = views.stories_out(con, [story_row(con, story_id)])
        result = request.app.state.stories.get_story(con, "", None, access.generation, story_id)
        found = request.app.state.claims.get_claims(con, story_id, access.generation)
    main = result.series[0] if result.series else None
    shown = result
    if main is not None:  # the chart and the table show the main series; the others are listed below
        chosen = {p.figure_id for sp in main.points for p in sp.reports}
        shown = Story(result.query, tuple(p for p in result.points if p.figure_id in chosen), (main,), story_id)
    title = f"{meta['label'] or story_id}: {main.label if main else 'figures'} by date said and source"
    context = _story_context(request, shown, title)
    reported = sorted(found, key=lambda c: -len(c.reports))[:CLAIMS_SHOWN]
    return render(
        request, "story.html", q=None, lang=None, meta=meta, all_series=result.series, claims=reported, **context
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, access: Access, q: Words = None, cursor: Cursor = None) -> HTMLResponse:
    """Canonical entities, most articles first."""
    with access.reader() as con:
        page = views.page_of(con, entities_listing(words=q), PAGE_ROWS, cursor)
    return render(request, "entities.html", page=page, q=q)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request, access: Access, entity_id: Annotated[str, PathParam(max_length=40)]
) -> HTMLResponse:
    """One entity: the names articles give it, the stories naming it."""
    with access.reader() as con:
        entity = views.entity_out(con, entity_id)
    return render(request, "entity.html", entity=entity)


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(
    request: Request, access: Access, claim_id: Annotated[str, PathParam(max_length=200)]
) -> HTMLResponse:
    """One claim: who said it, when, and every article that reported it, the first marked."""
    with access.reader() as con:
        found = views.claim(con, request.app.state.claims, claim_id, access.generation)
        story_id = story_of_article(con, found.first.article_id)
    return render(request, "claim.html", claim=found, story_id=story_id)


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(
    request: Request, access: Access, q: Words = None, lang: Lang = None, cursor: Cursor = None
) -> HTMLResponse:
    """Speakers as stored, most statements first."""
    with access.reader() as con:
        page = views.page_of(con, speakers_listing(words=q, lang=lang), PAGE_ROWS, cursor)
    return render(request, "speakers.html", page=page, q=q, lang=lang)


@router.get("/speaker", response_class=HTMLResponse)
def speaker_page(
    request: Request,
    access: Access,
    name: Annotated[str, Query(min_length=1, max_length=MAX_WORDS, description="the speaker, as stored")],
    cursor: Cursor = None,
) -> HTMLResponse:
    """What one source said, over time, and the figures it gave."""
    with access.reader() as con:
        page = views.page_of(con, statements_listing(speaker_name=name), PAGE_ROWS, cursor)
        figures = figures_listing(speaker_name=name).rows(con, 200)
    return render(request, "speaker.html", name=name, page=page, figures=figures)


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    access: Access,
    counted: Words = None,
    source: Words = None,
    lang: Lang = None,
    since: Since = None,
    until: Until = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    """Figures with who reported them, oldest first."""
    listing = figures_listing(counted=counted, source=source, lang=lang, since=since, until=until)
    with access.reader() as con:
        page = views.page_of(con, listing, PAGE_ROWS, cursor)
    filters = {"counted": counted, "source": source, "lang": lang, "since": since, "until": until}
    return render(request, "figures.html", page=page, filters=filters)
