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


class LanguageChoice(click.ParamType):
    """A language code a registered pack reads, or "auto" (read from the registry when used, so that
    packs installed through the ``newsclaims.languages`` entry points are choices too)."""

    name = "LANG"

    def __init__(self, auto: bool = True) -> None:
        self.auto = auto

    def choices(self) -> list[str]:
        from newsclaims.languages import language_codes

        return [*language_codes(), *(["auto"] if self.auto else [])]

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.choices()) + "]"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        code = str(value).lower()
        if code not in self.choices():
            self.fail(f"{value!r} is not one of {', '.join(self.choices())}", param, ctx)
        return code


ISO_DATE = IsoDate()
entities_option = click.option(
    "--entities",
    "entities_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Your own entities (TSV: canonical, kind, names, seats, as the packs' entities.tsv; kind person too).",
)
LANG_CHOICE = LanguageChoice()


MAX_SECONDS = click.option(
    "--max-seconds",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Time bound of one article's extraction; past it the article is too costly"
    " [default: 30 s plus 1 s per 5,000 characters].",
)
