"""Commands that read the store: ``statements``, ``figures``, ``articles``, ``show``, ``export``."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

import click
import duckdb
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsclaims.cli.options import ISO_DATE, LanguageChoice
from newsclaims.errors import UsageError
from newsclaims.records import ArticleRecord
from newsclaims.render import PipeConsole
from newsclaims.store import (
    DB_ENV,
    DEFAULT_DB,
    EXPORT_FORMATS,
    export_tables,
    find_figures,
    find_statements,
    list_articles,
    load_record,
    open_store,
    resolve_article_id,
    table_counts,
)
from newsclaims.store.queries import filter_words
from newsclaims.terminal import csv_cell, printable, printable_with_offsets, safe_json

F = TypeVar("F", bound=Callable[..., Any])
Row = dict[str, Any]

TABLE_LIMIT = 50  # rows a table shows unless --limit says otherwise; json and csv give all
SHORT_ID = 10  # characters of an article id a table shows; `show` says when a prefix is ambiguous
MAX_LIMIT = 10**15  # far beyond any store, and within the 64-bit integer SQL's LIMIT takes

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar=DB_ENV,
    type=click.Path(),
    help=f"The store file (or ${DB_ENV}); for reading, also a folder of Parquet tables (ingest --engine spark).",
)


def _words(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A word filter, refused when it holds no word (the store would match nothing) or is longer
    than a search (see ``store.queries.filter_words``)."""
    if value is None:
        return None
    try:
        words = filter_words(value, "it")
    except UsageError as exc:
        raise click.BadParameter(str(exc).removeprefix("it ")) from exc
    if not words:
        raise click.BadParameter(f"{value!r} holds no word to match (only punctuation or spaces)")
    return value


@dataclass(frozen=True)
class Listing:
    """The options every listing shares: store, dates, language, output format and size."""

    db: str
    since: date | None
    until: date | None
    lang: str | None
    fmt: str
    limit: int | None
    csv_raw: bool

    def open(self) -> duckdb.DuckDBPyConnection:
        return open_store(self.db, read_only=True)

    @property
    def shown(self) -> int | None:
        """How many rows to show: --limit (0 = all), else a screenful for a table and all for data."""
        if self.limit is not None:
            return self.limit or None
        return TABLE_LIMIT if self.fmt == "table" else None

    def filters(self) -> dict[str, Any]:
        """The query keywords these options give; one row more than shown tells whether the output was cut."""
        shown = self.shown
        return {
            "since": self.since,
            "until": self.until,
            "lang": self.lang and self.lang.lower(),
            "limit": shown + 1 if shown else None,
        }

    def emit(self, rows: list[Row], what: str, table: Callable[[list[Row]], Table]) -> None:
        shown = self.shown
        cut = shown is not None and len(rows) > shown
        rows = rows[:shown] if shown else rows
        if self.fmt == "json":
            click.echo(safe_json(rows, indent=1, default=_json_value))
        elif self.fmt == "csv":
            _write_csv(rows, raw=self.csv_raw)
        else:
            PipeConsole().print(table(rows))
        if cut:
            click.echo(f"newsclaims: more {what} match than the {shown} shown; --limit 0 shows all", err=True)


_LISTING_FIELDS = tuple(f.name for f in fields(Listing))


def _listing_options(func: F) -> F:
    """Options every listing shares, handed to the command as one ``listing`` argument."""

    @functools.wraps(func)
    def command(**kwargs: Any) -> Any:
        listing = Listing(**{name: kwargs.pop(name) for name in _LISTING_FIELDS})
        return func(listing=listing, **kwargs)

    for option in reversed(
        [
            db_option,
            click.option("--since", type=ISO_DATE, default=None, help="Articles published on or after this date."),
            click.option("--until", type=ISO_DATE, default=None, help="Articles published on or before this date."),
            click.option(
                "--lang",
                type=LanguageChoice(auto=False),
                default=None,
                help="Only articles in this language.",
            ),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["table", "json", "csv"]),
                default="table",
                show_default=True,
                help="Output.",
            ),
            click.option(
                "--limit",
                type=click.IntRange(min=0, max=MAX_LIMIT),
                default=None,
                help=f"At most this many rows; 0: all [default: {TABLE_LIMIT} for a table, all otherwise].",
            ),
            click.option(
                "--csv-raw",
                is_flag=True,
                help="With --format csv: cells exactly as stored (formula cells are not neutralised).",
            ),
        ]
    ):
        command = option(command)
    return command  # type: ignore[return-value]


@click.command()
@click.option("--speaker", default=None, callback=_words, help="Words of the speaker's name, mention or role.")
@click.option("--about", default=None, callback=_words, help="Words of what was said.")
@_listing_options
def statements(speaker: str | None, about: str | None, listing: Listing) -> None:
    """Who said what: stored statements, oldest article first. Words match without case or accents."""
    rows = find_statements(listing.open(), speaker=speaker, about=about, **listing.filters())
    listing.emit(rows, "statements", _statement_table)


@click.command()
@click.option("--counted", default=None, callback=_words, help="Words of the thing counted (soldats, victimes...).")
@click.option("--source", default=None, callback=_words, help="Words of the name or role of who reported the figure.")
@click.option(
    "--about", default=None, callback=_words, help="Words of the figure, what it counts, or the statement around it."
)
@_listing_options
def figures(counted: str | None, source: str | None, about: str | None, listing: Listing) -> None:
    """Figures with who reported them and when, oldest article first."""
    rows = find_figures(listing.open(), counted=counted, source=source, about=about, **listing.filters())
    listing.emit(rows, "figures", _figure_table)


@click.command()
@click.option("--about", default=None, callback=_words, help="Words of the title.")
@_listing_options
def articles(about: str | None, listing: Listing) -> None:
    """Stored articles, newest first, with how many items each holds."""
    rows = list_articles(listing.open(), about=about, **listing.filters())
    listing.emit(rows, "articles", _article_table)


@click.command()
@click.argument("article_id", metavar="ID")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output.")
@click.option("--entities", is_flag=True, help="Also underline named entities in the text.")
def show(article_id: str, db: str, fmt: str, entities: bool) -> None:
    """One article with its claims highlighted. ID: an article id or its first characters
    (a statement or figure id works too)."""
    con = open_store(db, read_only=True)
    record = load_record(con, resolve_article_id(con, article_id.split(":", 1)[0]))
    if fmt == "json":
        click.echo(safe_json(record.to_dict(), indent=1))
        return
    from newsclaims.render import print_record

    console = PipeConsole()
    print_record(record, console)
    console.print(Rule("Article"))
    console.print(highlighted(record, entities=entities))
    console.print(_legend(entities))


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="parquet", show_default=True, help="File format."
)
@click.option("--csv-raw", is_flag=True, help="With --format csv: cells exactly as stored (formulas not neutralised).")
def export(directory: str, db: str, fmt: str, csv_raw: bool) -> None:
    """Write every table of the store to DIR, one file per table (replacing files of the same name).
    In CSV, a text cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe."""
    con = open_store(db, read_only=True)
    counts = table_counts(con)
    for path in export_tables(con, directory, fmt, csv_raw=csv_raw):  # type: ignore[arg-type]
        rows = counts.get(path.stem)
        click.echo(printable(str(path)) + (f"  {rows} rows" if rows is not None else ""))


# --- highlighting ------------------------------------------------------------------------------

STYLES = {
    "content": "italic cyan",
    "speaker": "bold magenta",
    "cue": "underline magenta",
    "figure": "bold black on yellow",
    "time": "bold green",
    "entity": "underline",
}


def highlighted(record: ArticleRecord, entities: bool = False) -> Text:
    """The article's text with each item styled over its offsets (styles of overlapping items mix);
    control characters are shown escaped, and the offsets follow them."""
    shown, moved = printable_with_offsets(record.article.text)
    text = Text(shown)
    spans: list[tuple[str, int, int]] = []
    if entities:
        spans += [("entity", e.start, e.end) for e in record.entities]
    for s in record.statements:
        spans.append(("content", s.content.start, s.content.end))
        if s.cue:
            spans.append(("cue", s.cue.start, s.cue.end))
        if s.speaker.mention:
            spans.append(("speaker", s.speaker.mention.start, s.speaker.mention.end))
    spans += [("figure", f.start, f.end) for f in record.figures]
    spans += [("time", t.start, t.end) for t in record.times]
    for kind, start, end in spans:
        text.stylize(STYLES[kind], moved(start), moved(end))
    return text


def _legend(entities: bool) -> Text:
    legend = Text("\n")
    names = ["speaker", "cue", "content", "figure", "time"] + (["entity"] if entities else [])
    for name in names:
        legend.append(name if name != "content" else "what was said", style=STYLES[name])
        legend.append("  ")
    return legend


# --- output ------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _write_csv(rows: Sequence[Row], raw: bool = False) -> None:
    """Rows as CSV: formula cells neutralised unless ``raw``; control characters escaped when the
    CSV goes to a terminal (as ``ls`` does with file names), kept when it goes to a file or a pipe."""
    if not rows:
        return
    to_terminal = sys.stdout.isatty()
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(v, raw, to_terminal) for k, v in row.items()})


def _csv_value(value: Any, raw: bool, to_terminal: bool) -> Any:
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    elif hasattr(value, "isoformat"):
        return value.isoformat()
    return csv_cell(value, raw=raw, escape_controls=to_terminal) if isinstance(value, str) else value


def _short(text: str | None, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return printable(text if len(text) <= limit else text[: limit - 1] + "…")


def _text(value: str | None, style: str = "") -> Text:
    """A table cell from stored words: Text, not markup (article words may hold [brackets] rich
    would read as markup), and printable (they may hold ESC sequences a terminal would obey)."""
    return Text(printable(value or ""), style=style)


def _date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.10g}".replace(",", " ")


def _who(name: str | None, role: str | None) -> Text:
    who = _text(name or "—")
    if role:
        who.append(f"\n{printable(role)}", style="dim")
    return who


def _short_id(full: str) -> str:
    """An id as a table shows it: the article id's first characters (``show`` takes a prefix), and
    the item's index when it is one ("6599dedf85:3")."""
    article, sep, rest = full.partition(":")
    return article[:SHORT_ID] + sep + rest


def _statement_table(rows: list[Row]) -> Table:
    table = Table(title=f"Statements ({len(rows)})", show_lines=True, expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Cue", ratio=1)
    table.add_column("What was said", ratio=5)
    table.add_column("Kind")
    table.add_column("Id", no_wrap=True, style="dim")
    for r in rows:
        table.add_row(
            _date(r["published"]),
            _who(r["speaker_name"], r["speaker_role"]),
            _text(r["cue"] or "(continues)"),
            Text(_short(r["content"])),
            _text(r["kind"]),
            _short_id(r["id"]),
        )
    return table


def _figure_table(rows: list[Row]) -> Table:
    table = Table(title=f"Figures ({len(rows)})", expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Value", justify="right", no_wrap=True)
    for name in ("Qualifier", "Unit", "Counted", "Words", "Source"):
        table.add_column(name)
    table.add_column("Id", no_wrap=True, style="dim")
    for r in rows:
        table.add_row(
            _date(r["published"]),
            _number(r["value"]),
            _text(r["qualifier"]),
            _text(r["currency"] or r["unit"]),
            _text(r["counted"]),
            Text(_short(r["text"], 60)),
            _who(r["speaker_name"], r["speaker_role"]) if r["speaker_name"] else Text("(the article)", style="dim"),
            _short_id(r["id"]),
        )
    return table


def _article_table(rows: list[Row]) -> Table:
    table = Table(title=f"Articles ({len(rows)})", expand=True)
    table.add_column("Id", no_wrap=True, style="dim")
    table.add_column("Date", no_wrap=True)
    table.add_column("Lang", no_wrap=True)
    table.add_column("Title", ratio=1)
    for name in ("Stat.", "Fig.", "Times", "Ent."):
        table.add_column(name, justify="right", no_wrap=True)
    for r in rows:
        table.add_row(
            _short_id(r["id"]),
            _date(r["published"]),
            _text(r["lang"]),
            Text(_short(r["title"] or r["source"] or "(untitled)", 120)),
            str(r["n_statements"]),
            str(r["n_figures"]),
            str(r["n_times"]),
            str(r["n_entities"]),
        )
    return table
