"""``newsclaims stories``, ``claims`` and ``link``: articles grouped into stories, statements into claims."""

from __future__ import annotations

from typing import Any

import click
import duckdb
from rich.table import Table
from rich.text import Text

from newsclaims.cli.options import ISO_DATE, LanguageChoice, entities_option
from newsclaims.cli.query_cmd import db_option
from newsclaims.errors import UsageError
from newsclaims.render import PipeConsole
from newsclaims.store import open_store
from newsclaims.store.dataset import is_dataset, open_linked_dataset
from newsclaims.store.handoff import link_through_server, live_server
from newsclaims.store.stories import stories_listing, stories_with_articles, story_row, unlinked_count
from newsclaims.stories.claims import Claim, speaker_matches
from newsclaims.terminal import printable, safe_json

STORIES_SHOWN = 50  # stories a table shows; --format json has them all
REPORTS_SHOWN = 4  # reports a claims table shows under each claim


def open_linked(db: str) -> duckdb.DuckDBPyConnection:
    """The store for reading; a Parquet dataset (``ingest --engine spark``) is linked in memory, as
    Spark writes each article's features but no stories; a store with articles stored unlinked says so."""
    if is_dataset(db):
        return open_linked_dataset(db)
    con = open_store(db, read_only=True)
    missing = unlinked_count(con)
    if missing:
        click.echo(
            f"newsclaims: {missing} articles have no story yet; `newsclaims link --db {printable(db)}` links them",
            err=True,
        )
    return con


def stories_json(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each story with its articles (id, title, url, source, published, lang), as the JSON output gives it."""
    return stories_with_articles(con, rows, ("id", "title", "url", "source", "published", "lang"))


@click.command()
@click.option("--about", default=None, help="Words of the titles of its articles.")
@click.option("--lang", type=LanguageChoice(auto=False), default=None, help="Stories with an article in this language.")
@click.option("--since", type=ISO_DATE, default=None, help="Stories with an article on or after this date.")
@click.option("--until", type=ISO_DATE, default=None, help="Stories with an article on or before this date.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True, help="Stories this large.")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stories(about: str | None, lang: str | None, since: Any, until: Any, min_articles: int, db: str, fmt: str) -> None:
    """The stories of the store: articles about the same events, across outlets and languages,
    most recent first (id, label, dates, languages, articles)."""
    con = open_linked(db)
    try:
        listing = stories_listing(about=about, lang=lang, since=since, until=until, min_articles=min_articles)
        rows = listing.rows(con, None if fmt == "json" else STORIES_SHOWN + 1)
        if fmt == "json":
            click.echo(safe_json(stories_json(con, rows), indent=1, default=str))
            return
        cut = len(rows) > STORIES_SHOWN
        rows = rows[:STORIES_SHOWN]
        table = Table(title=f"Stories ({len(rows)}{'+' if cut else ''})", expand=True)
        for name, kw in (
            ("Id", {"no_wrap": True, "style": "dim"}),
            ("Dates", {"no_wrap": True}),
            ("Art.", {"justify": "right"}),
            ("Lang", {}),
            ("Label", {"ratio": 1}),
        ):
            table.add_column(name, **kw)
        for r in rows:
            dates = f"{r['first_date'] or '—'} – {r['last_date'] or '—'}"
            table.add_row(
                r["id"], dates, str(r["n_articles"]), ", ".join(r["langs"] or []), Text(printable(r["label"] or ""))
            )
        PipeConsole().print(table)
        if cut:
            click.echo(f"newsclaims: more stories than the {STORIES_SHOWN} shown; --format json gives all", err=True)
    finally:
        con.close()


@click.command()
@click.option("--story", "story_id", default=None, help="The claims of one story (an id `newsclaims stories` lists).")
@click.option("--speaker", default=None, help="Words of the source's name (or of the speakers reporting for it).")
@click.option(
    "--min-reports", type=click.IntRange(min=1), default=1, show_default=True, help="Claims this often reported."
)
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def claims(story_id: str | None, speaker: str | None, min_reports: int, db: str, fmt: str) -> None:
    """Claims: what a source said, carried by one or many articles, outlets and languages, with every
    report and the first one marked."""
    from newsclaims.story import claims as find_claims

    con = open_linked(db)
    try:
        if story_id is not None:
            story_row(con, story_id)  # a clear "no story" error
        found = [c for c in find_claims(con, story_id=story_id) if len(c.reports) >= min_reports]
    finally:
        con.close()
    if speaker:
        found = [c for c in found if speaker_matches(c, speaker)]
    if fmt == "json":
        click.echo(safe_json([c.to_dict() for c in found], indent=1))
        return
    print_claims(found)


def print_claims(found: list[Claim]) -> None:
    table = Table(title=f"Claims ({len(found)})", show_lines=True, expand=True)
    table.add_column("Said on", no_wrap=True)
    table.add_column("Source", ratio=2)
    table.add_column("What was said", ratio=5)
    table.add_column("Reports", ratio=3)
    for c in found:
        reports = Text()
        for i, r in enumerate(c.reports[:REPORTS_SHOWN]):
            mark = "first " if i == 0 else ""
            reports.append(
                f"{mark}{r.published or '—'} {r.lang} {printable(r.article_id[:10])}\n", style="bold" if i == 0 else ""
            )
        if len(c.reports) > REPORTS_SHOWN:
            reports.append(f"... {len(c.reports) - REPORTS_SHOWN} more", style="dim")
        table.add_row(
            str(c.said_on or "—"),
            Text(printable(c.source or c.first.speaker or "—")),
            Text(printable(" ".join(c.first.content.split())[:300])),
            reports,
        )
    PipeConsole().print(table)


@click.command()
@db_option
@entities_option
@click.option(
    "--rebuild", is_flag=True, help="Recompute every article's entities and features, and regroup the whole store."
)
def link(db: str, entities_file: str | None, rebuild: bool) -> None:
    """Give a story to every article that has none (stored with ingest --no-link, loaded, or from an
    older version). With --rebuild, every article's links are computed again from its record (after
    a new --entities file, or a newer newsclaims) and the stories formed again, oldest article first."""
    if is_dataset(db):
        raise UsageError(f"{printable(db)} is a Parquet dataset: the commands that read it link it in memory")
    if live_server(db) is not None:
        if rebuild or entities_file:
            raise UsageError("a server holds the store: stop it to --rebuild; it links new articles itself")
        stats = link_through_server(db)
    else:
        from newsclaims.store.relink import relink

        con = open_store(db)
        try:
            stats = relink(con, entities_file=entities_file, rebuild=rebuild)
        finally:
            con.close()
    click.echo(
        f"{stats['articles']} articles linked into {printable(db)}: {stats['new_stories']} new stories,"
        f" {stats['entities']} new entities"
    )
