"""Errors about the store file itself (missing, locked, too new)."""

from __future__ import annotations

from newsclaims.errors import EXIT_INPUT, NewsclaimsError


class StoreError(NewsclaimsError):
    """The store cannot be opened or does not hold what was asked for."""

    exit_code = EXIT_INPUT
