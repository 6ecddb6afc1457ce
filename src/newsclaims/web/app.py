"""The application: ``create_app(settings)`` gives the FastAPI app over one store.

/            search with facets          /api/...      the JSON API (see /docs, /openapi.json)
/articles/ID an article, claims marked   /story?q=...  a figure's timeline by source
/stories     stories, most recent first  /stories/ID   a story: its figures' timeline, claims, articles
/entities    canonical entities          /entities/ID  an entity: its names and stories
/claims/ID   a claim and its reports
/speakers    speakers as stored          /speaker?name=...  what one source said, over time
/figures     figures with their source   /static/...   the package's CSS (and the docs' scripts)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from newsclaims import __version__
from newsclaims.web import api, handoff_routes, pages
from newsclaims.web.access import StoreAccess
from newsclaims.web.errors import install_error_handlers
from newsclaims.web.format import figure_value, http_url, iso, number, qualifier_words
from newsclaims.web.highlight import visible
from newsclaims.web.security import BodyLimit, DropEmptyParams, SecurityHeaders
from newsclaims.web.settings import HANDOFF_MAX_BODY, ServeSettings
from newsclaims.web.views import Cache, ClaimsCache, StoryCache
from newsclaims.web.writes import Extractor

PACKAGE = files("newsclaims.web")
DOCS_ASSETS = files("fastapi_offline") / "static"  # Swagger UI and ReDoc, shipped in that wheel


def link(request: Request, **changes: Any) -> str:
    """This page's URL with some parameters changed (None removes one); a new filter starts at page 1."""
    params = {k: v for k, v in request.query_params.items() if k != "cursor"}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,  # every value is escaped unless it is Markup built by our own code
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(visible=visible, http_url=http_url, iso=iso, number=number, qualifier=qualifier_words)
    env.globals.update(link=link, figure_value=figure_value, version=__version__)
    return env


def create_app(settings: ServeSettings) -> FastAPI:
    access = StoreAccess(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        access.open()
        try:
            yield
        finally:
            access.close()

    app = FastAPI(
        title="newsclaims",
        version=__version__,
        description="Who said what, which figures, when: the claims of news articles, each traced to its words.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.access = access
    app.state.templates = templates()
    app.state.stories = StoryCache()
    app.state.claims = ClaimsCache()
    app.state.story_json = Cache[tuple[str, str | None], bytes]()  # /api/story bodies, serialised once
    app.state.extractor = Extractor()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(handoff_routes.router)
    app.include_router(pages.router)
    app.mount("/static/docs", StaticFiles(directory=str(DOCS_ASSETS)), name="docs-assets")
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def swagger(request: Request) -> HTMLResponse:
        return HTMLResponse(request.app.state.templates.get_template("docs.html").render(kind="swagger"))

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        return HTMLResponse(request.app.state.templates.get_template("docs.html").render(kind="redoc"))

    handoff = handoff_routes.HANDOFF_PREFIX
    app.add_middleware(
        BodyLimit, limit_for=lambda path: HANDOFF_MAX_BODY if path.startswith(handoff) else settings.max_body
    )
    app.add_middleware(DropEmptyParams)
    app.add_middleware(SecurityHeaders)
    return app
