"""``newsclaims story`` and ``newsclaims demo``: how a figure evolved, by source and date."""

from __future__ import annotations

from urllib.parse import quote

import click
from rich.console import Console
from rich.table import Table

from newsclaims.cli.options import LanguageChoice
from newsclaims.cli.query_cmd import db_option
from newsclaims.errors import EXIT_OK, EXIT_REJECTED
from newsclaims.render import PipeConsole, markup
from newsclaims.store import open_store
from newsclaims.store.handoff import live_server
from newsclaims.store.queries import check_query_size
from newsclaims.story import Story, StoryPoint, story
from newsclaims.terminal import safe_json

DEMO_QUERY = "soldats nord-coréens"
MAX_DISAGREEMENTS_SHOWN = 12  # the table is for reading; --format json has them all


@click.command(name="story")
@click.argument("query")
@db_option
@click.option("--lang", type=LanguageChoice(auto=False), default=None, help="One language.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def story_command(query: str, db: str, lang: str | None, fmt: str) -> None:
    """How a figure evolved across the stored articles: each report by date and source, who gave
    each value first, and where sources disagree. QUERY names what is counted, in French or English
    ("soldats nord-coréens" also finds "North Korean troops")."""
    check_query_size(query, "QUERY")
    con = open_store(db, read_only=True)
    try:
        result = story(con, query, lang=lang.lower() if lang else None)
    finally:
        con.close()
    if fmt == "json":
        click.echo(safe_json(result.to_dict(), indent=1))
    else:
        print_story(result, PipeConsole())


@click.command()
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes.")
@click.pass_context
def demo(ctx: click.Context, db: str, workers: int) -> None:
    """Ingest the bundled articles on North Korean troops in Russia (Oct 2024 - Jan 2025, French and
    English) into the store, then print their story: who said which figure, when."""
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
        console.print(f"The store is served: open [bold]{server.url}/story?q={quote(DEMO_QUERY)}[/bold]")
        ctx.exit(EXIT_REJECTED if stats.rejected else EXIT_OK)
    con = open_store(db, read_only=True)
    try:
        result = story(con, DEMO_QUERY)
    finally:
        con.close()
    print_story(result, console)
    console.print(
        f'\nNext: [bold]newsclaims story "{DEMO_QUERY}"[/bold], [bold]newsclaims statements --speaker Blinken'
        f"[/bold], [bold]newsclaims figures --counted soldats[/bold], [bold]newsclaims show ID[/bold]"
        f" (--db {markup(db)})"
    )
    console.print(
        f"In a browser: [bold]newsclaims serve --db {markup(db)}[/bold], then open "
        f"[bold]http://127.0.0.1:8000/story?q={quote(DEMO_QUERY)}[/bold]"
    )
    ctx.exit(EXIT_REJECTED if stats.rejected else EXIT_OK)


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
    if not p.speaker:
        return "[dim](the article)[/dim]"
    return markup(p.speaker)


def _when(p: StoryPoint) -> str:
    if p.said_on is None:
        return "[dim]undated[/dim]"
    mark = "" if p.said_on_from == "text" else " [dim](pub.)[/dim]"
    return p.said_on.isoformat() + mark


def print_story(result: Story, console: Console) -> None:
    if not result.points:
        console.print(f"No figure about «{markup(result.query)}» in the store.")
        return
    articles = {p.article_id for p in result.points}
    langs = markup(", ".join(sorted({p.lang for p in result.points})))
    table = Table(
        title=f"«{markup(result.query)}»: {len(result.points)} figures in {len(articles)} articles ({langs})",
        show_lines=False,
        expand=True,
    )
    table.add_column("Said on", no_wrap=True)
    table.add_column("Source", ratio=2, no_wrap=True, overflow="ellipsis")
    table.add_column("Figure", no_wrap=True, justify="right")
    table.add_column("As written", ratio=3, no_wrap=True, overflow="ellipsis")
    table.add_column("Article", ratio=2, no_wrap=True, overflow="ellipsis")
    for p in result.points:
        table.add_row(
            _when(p),
            _who(p),
            _value(p),
            markup(p.text),
            f"[dim]{markup(p.lang)}[/dim] {markup(p.title or p.article_id)}",
        )
    console.print(table)
    if result.firsts:
        console.print("\n[bold]Who said it first[/bold]")
        for p in result.firsts:
            console.print(f"  {_value(p):>10}  {_when(p)}  {markup(p.source or '')}")
    if result.disagreements:
        console.print("\n[bold]Where sources disagree[/bold] (different values within three days)")
        for a, b in result.disagreements[:MAX_DISAGREEMENTS_SHOWN]:
            console.print(
                f"  {_when(a)} {markup(a.source or '')}: {_value(a)}  vs  {_when(b)} {markup(b.source or '')}: "
                f"{_value(b)}"
            )
        if len(result.disagreements) > MAX_DISAGREEMENTS_SHOWN:
            console.print(f"  ... and {len(result.disagreements) - MAX_DISAGREEMENTS_SHOWN} more (--format json)")
