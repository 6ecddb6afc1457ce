"""Headers on every response, request body limits, and the bearer token of the write routes.

The pages run no script of ours but the API docs' (served from the package), so the policy is
``default-src 'self'``: an article's ``<script>`` or ``onerror=`` that escaping somehow let through
would still not run. CORS is off: no Access-Control-* header is ever sent, so a page of another
site cannot read the API's answers from a visitor's browser.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsclaims.web.errors import ApiError, error_body
from newsclaims.web.settings import TOKEN_ENV

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc (our copies, /docs and /redoc) set inline styles and run a worker from a blob.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the CSP and the other headers to every response (pure ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (DOCS_CSP if scope["path"] in DOCS_PATHS else CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                message["headers"] = [*headers, (b"content-security-policy", csp), *_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class DropEmptyParams:
    """An empty query parameter means no filter (``?lang=&since=`` as a search form sends them)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query: bytes = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if query:
            kept = [part for part in query.split(b"&") if part and not part.endswith(b"=")]
            scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses (413) a request body over its path's limit, whether announced or streamed.

    The body is read here up to the limit and replayed to the app, so an endpoint never sees part
    of an oversized body.
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        announced = dict(scope.get("headers", [])).get(b"content-length")
        if announced is not None and (not announced.isdigit() or int(announced) > limit):
            await _too_large(send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(error_body(413, f"the request body is over the limit of {limit} bytes")).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


bearer = HTTPBearer(auto_error=False, description=f"The server's --token (or ${TOKEN_ENV})")


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None, expected: str | None) -> None:
    """403 when the server has no token (writes are off), 401 when the request's is missing or wrong."""
    if expected is None:
        raise ApiError(
            403,
            f"writes are off: this server was started without a token (--token or ${TOKEN_ENV})",
            "writes_disabled",
        )
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(
            401,
            "a valid bearer token is required (Authorization: Bearer <token>)",
            headers={"WWW-Authenticate": "Bearer"},
        )
