"""The pages: search with facets, an article with its claims marked, a story's timeline, speakers.

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
from newsclaims.story import Story
from newsclaims.web import views
from newsclaims.web.api import MAX_WORDS, Access, Cursor, Lang, SearchParams, Since, Until, Words
from newsclaims.web.chart import point_href, source_name, timeline_svg
from newsclaims.web.highlight import highlight
from newsclaims.web.models import ERRORS

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse, responses=ERRORS)
PAGE_ROWS = 25
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


def revisions(story: Story) -> dict[str, float]:
    """For each point where a source gives a new value, the value it gave before."""
    last: dict[str, float] = {}
    out: dict[str, float] = {}
    for p in story.points:
        if p.value is None:
            continue
        key = source_name(p)
        if key in last and last[key] != p.value and p.speaker:
            out[p.figure_id] = last[key]
        last[key] = p.value
    return out


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
            result = request.app.state.stories.get(con, q, lang, access.generation)
    chart = timeline_svg(result, f"«{q}» by date said and source") if result else None
    return render(
        request,
        "story.html",
        q=q,
        lang=lang,
        story=result,
        chart=chart,
        revisions=revisions(result) if result else {},
        first_ids={p.figure_id for p in result.firsts} if result else set(),
        demo=DEMO_STORY,
        href=point_href,
        source=source_name,
    )


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
