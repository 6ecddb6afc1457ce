"""Option types shared by the commands."""

from __future__ import annotations

from datetime import date

import click


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date written YYYY-MM-DD", param, ctx)


ISO_DATE = IsoDate()
LANG_CHOICE = click.Choice(["fr", "en", "auto"], case_sensitive=False)
