"""``newsclaims story`` and ``newsclaims demo``: how figures evolved, by source and date."""

from __future__ import annotations

from urllib.parse import quote

import click
import duckdb
from rich.console import Console
from rich.table import Table

from newsclaims import gazetteer
from newsclaims.cli.options import LanguageChoice
from newsclaims.cli.query_cmd import db_option
from newsclaims.cli.stories_cmd import open_linked
from newsclaims.errors import EXIT_OK, EXIT_REJECTED, UsageError
from newsclaims.render import PipeConsole, markup
from newsclaims.store import open_store
from newsclaims.store.handoff import live_server
from newsclaims.store.queries import check_query_size
from newsclaims.store.stories import stories_listing, story_of_article
from newsclaims.stories.series import Series
from newsclaims.story import Story, StoryPoint, story
from newsclaims.terminal import safe_json

DEMO_QUERY = "soldats nord-coréens"
MAX_DISAGREEMENTS_SHOWN = 12  # the table is for reading; --format json has them all
MAX_SERIES_SHOWN = 3


@click.command(name="story")
@click.argument("query", required=False, default="")
@click.option("--story", "story_id", default=None, help="The figures of one story (an id `newsclaims stories` lists).")
@db_option
@click.option("--lang", type=LanguageChoice(auto=False), default=None, help="One language.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def story_command(query: str, story_id: str | None, db: str, lang: str | None, fmt: str) -> None:
    """How figures evolved across the stored articles: each figure by date and source, its first
    report, a source's revisions and where sources disagree. QUERY names what is counted, in French
    or English ("soldats nord-coréens" also finds "North Korean troops"); --story ID shows every
    figure of one story (QUERY narrows it)."""
    if not query.strip() and story_id is None:
        raise UsageError("name what is counted (QUERY), or a story (--story ID), or both")
    check_query_size(query, "QUERY")
    con = open_linked(db) if story_id is not None else open_store(db, read_only=True)
    try:
        result = story(con, query, lang=lang.lower() if lang else None, story_id=story_id)
    finally:
        con.close()
    if fmt == "json":
        click.echo(safe_json(result.to_dict(), indent=1))
    else:
        print_story(result, PipeConsole())


@click.command()
@db_option
@click.option(
    "--workers", type=click.IntRange(min=0), default=1, show_default=True, help="Extraction processes (0: in this one)."
)
@click.pass_context
def demo(ctx: click.Context, db: str, workers: int) -> None:
    """Ingest the bundled articles on North Korean troops in Russia (Oct 2024 - Jan 2025, French and
    English) into the store, then print their story: who said which figure, when, who reported it
    first, where a source revised itself and where sources disagree."""
    from newsclaims.demo import ARTICLES_PATH
    from newsclaims.ingest import capped_workers, ingest

    workers, note = capped_workers(workers)
    if note:
        click.echo(f"newsclaims: {note}", err=True)
    console = PipeConsole()
    console.print(f"Ingesting the demo articles into [bold]{markup(db)}[/bold] ...")
    stats = ingest([str(ARTICLES_PATH)], db, workers=workers)
    console.print(
        f"{stats.stored} articles stored, {stats.skipped} already there, {stats.rejected} rejected "
        f"({stats.statements} statements, {stats.figures} figures, {stats.times} times) in {stats.seconds:.1f} s"
    )
    server = live_server(db)
    if server is not None:  # the articles went to the server that holds the store: read them there
        console.print(f"The store is served: open [bold]{server.url}/stories[/bold]")
        ctx.exit(EXIT_REJECTED if stats.rejected else EXIT_OK)
    con = open_store(db, read_only=True)
    try:
        found = stories_listing(about=None, min_articles=2).rows(con, 5)
        result = story(con, DEMO_QUERY)
        sid = _story_of(con, result)
    finally:
        con.close()
    for row in found:
        langs = markup(", ".join(row["langs"] or []))
        console.print(
            f"Story [bold]{markup(row['id'])}[/bold]: {row['n_articles']} articles ({langs}),"
            f" {row['first_date']} to {row['last_date']}: «{markup(row['label'] or '')}»"
        )
    print_story(result, console)
    where = f"--db {markup(db)}"
    console.print(
        f"\nNext: [bold]newsclaims stories[/bold], [bold]newsclaims story --story {markup(sid or 'ID')}[/bold],"
        f" [bold]newsclaims claims --story {markup(sid or 'ID')}[/bold], [bold]newsclaims statements --speaker"
        f" Blinken[/bold], [bold]newsclaims show ID[/bold] ({where})"
    )
    console.print(
        f"In a browser: [bold]newsclaims serve {where}[/bold], then open "
        f"[bold]http://127.0.0.1:8000/stories/{quote(sid or '')}[/bold]"
    )
    ctx.exit(EXIT_REJECTED if stats.rejected else EXIT_OK)


def _story_of(con: duckdb.DuckDBPyConnection, result: Story) -> str | None:
    """The story most of the result's points come from."""
    from collections import Counter

    found = Counter(story_of_article(con, p.article_id) for p in result.points)
    found.pop(None, None)
    return found.most_common(1)[0][0] if found else None


def _value(p: StoryPoint) -> str:
    if p.value is None:
        return "?"
    if p.qualifier == "range" and p.low is not None and p.high is not None:
        text = f"{p.low:,.10g}–{p.high:,.10g}"
    else:
        text = f"{p.value:,.10g}"
    prefix = {"approx": "~", "at_least": "≥", "at_most": "≤", "vague": "some "}.get(p.qualifier, "")
    unit = f" {p.currency or p.unit}" if (p.currency or p.unit) else ""
    return prefix + text + markup(unit)


def _who(p: StoryPoint) -> str:
    if not p.source:
        return "[dim](the article)[/dim]"
    # A spokesperson's figure counts for the institution: say who spoke for it.
    spoke = p.speaker and p.speaker != p.source and gazetteer.canonical_source(p.speaker) is None
    said_by = f" [dim]({markup(p.speaker or '')})[/dim]" if spoke and p.speaker and p.speaker[:1].isupper() else ""
    return markup(p.source) + said_by


def _when(p: StoryPoint) -> str:
    if p.said_on is None:
        return "[dim]undated[/dim]"
    mark = "" if p.said_on_from == "text" else " [dim](pub.)[/dim]"
    return p.said_on.isoformat() + mark


def _series_table(series: Series) -> Table:
    revised = {r.point.said.figure_id: r.previous.said for r in series.revisions}
    table = Table(title=f"{markup(series.label)}: {len(series.points)} figures", expand=True)
    table.add_column("Said on", no_wrap=True)
    table.add_column("Source", ratio=3, overflow="fold")
    table.add_column("Figure", no_wrap=True, justify="right")
    table.add_column("Where", ratio=1, overflow="fold")
    table.add_column("First report", no_wrap=True)
    for sp in series.points:
        p = sp.said
        notes = []
        if p.forecast:
            notes.append("[dim]forecast[/dim]")
        if p.figure_id in revised:
            notes.append(f"[yellow]revised from {_value(revised[p.figure_id])}[/yellow]")
        more = f" +{len(sp.reports) - 1}" if len(sp.reports) > 1 else ""
        table.add_row(
            _when(p),
            _who(p),
            _value(p) + ("\n" + " ".join(notes) if notes else ""),
            markup(p.place or ""),
            f"{sp.first.published or '—'} {markup(sp.first.lang)}{more}",
        )
    return table


def print_story(result: Story, console: Console) -> None:
    what = result.query or result.label or result.story_id or ""
    if not result.points:
        console.print(f"No figure about «{markup(what)}» in the store.")
        return
    articles = {p.article_id for p in result.points}
    langs = markup(", ".join(sorted({p.lang for p in result.points})))
    head = f"«{markup(what)}»: {len(result.points)} figures in {len(articles)} articles ({langs})"
    if result.story_id:
        head += f", story {markup(result.story_id)}"
    console.print(f"[bold]{head}[/bold]")
    shown = [s for s in result.series if sum(1 for p in s.points if p.said.source_id) > 1][:MAX_SERIES_SHOWN]
    for series in shown or result.series[:1]:
        console.print(_series_table(series))
        if series.disagreements:
            console.print("[bold]Where sources disagree[/bold] (same thing counted, same place, within a week)")
            for d in series.disagreements[:MAX_DISAGREEMENTS_SHOWN]:
                a, b = d.a.said, d.b.said
                console.print(
                    f"  {_when(a)} {_who(a)}: {_value(a)} «{markup(a.text)}»  vs  {_when(b)} {_who(b)}: {_value(b)}"
                    f" «{markup(b.text)}»"
                )
    rest = len(result.series) - len(shown)
    if rest > 0:
        console.print(f"[dim]... and {rest} more series (--format json)[/dim]")
    console.print("[dim]First report: the earliest article that carried the figure, and how many more did.[/dim]")
