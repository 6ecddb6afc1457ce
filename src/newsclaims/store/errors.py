"""Errors about the store file itself (missing, locked, too new)."""

from __future__ import annotations

from newsclaims.errors import EXIT_INPUT, NewsclaimsError


class StoreError(NewsclaimsError):
    """The store cannot be opened or does not hold what was asked for."""

    exit_code = EXIT_INPUT


class NotFoundError(StoreError):
    """The store holds no such item (an HTTP 404, where a StoreError is a 400 or a 503)."""
