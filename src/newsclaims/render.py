"""Records shown to a person in a terminal (rich tables).

Every text from an article goes through ``markup``: escaped for rich's markup and for the terminal
(``newsclaims.terminal``), so neither ``[brackets]`` nor ESC sequences are obeyed.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsclaims.records import ArticleRecord
from newsclaims.terminal import printable


class PipeConsole(Console):
    """A rich Console that reports a reader gone away (``| head``) as BrokenPipeError, which the
    command line turns into a quiet exit, instead of rich's own ``SystemExit(1)``."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def markup(text: str) -> str:
    """Text for a rich markup string: escaped for rich and for the terminal."""
    return escape(printable(text))


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return markup(text if len(text) <= limit else text[: limit - 1] + "…")


def print_record(record: ArticleRecord, console: Console | None = None) -> None:
    console = console or PipeConsole()
    a = record.article
    head = f"[bold]{markup(a.title or '(untitled)')}[/bold]  {markup(a.lang)}  {a.published or 'no date'}  id {a.id}"
    console.print(head)

    table = Table(title=f"Statements ({len(record.statements)})", show_lines=True, expand=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Cue", ratio=1)
    table.add_column("Words", ratio=5)
    table.add_column("Kind", ratio=1)
    for s in record.statements:
        who = markup(s.speaker.name)
        if s.speaker.role:
            who += f"\n[dim]{markup(s.speaker.role)}[/dim]"
        if s.speaker.mention and s.speaker.mention.text != s.speaker.name:
            who += f"\n[dim]as «{markup(s.speaker.mention.text)}»[/dim]"
        cue = markup(s.cue.text) if s.cue else "[dim](continues)[/dim]"
        table.add_row(who, cue, _short(s.content.text), s.kind)
    console.print(table)

    if record.figures:
        ft = Table(title=f"Figures ({len(record.figures)})", expand=True)
        for col in ("Value", "Qualifier", "Unit", "Counted", "Text", "Source"):
            ft.add_column(col)
        for f in record.figures:
            src = markup(record.statements[f.statement].speaker.name) if f.statement is not None else ""
            value = "" if f.value is None else f"{f.value:,.10g}"
            unit = markup(f.currency or f.unit or "")
            ft.add_row(value, f.qualifier, unit, markup(f.counted or ""), _short(f.text, 60), src)
        console.print(ft)

    if record.times:
        tt = Table(title=f"Times ({len(record.times)})", expand=True)
        for col in ("Text", "Value", "Type"):
            tt.add_column(col)
        for t in record.times:
            tt.add_row(markup(t.text), t.value or "[dim]unresolved[/dim]", t.type)
        console.print(tt)


def print_dropped(record: ArticleRecord, console: Console | None = None) -> None:
    """The candidates the extractors set aside (``extract --explain``), with the rule and the reason."""
    console = console or PipeConsole()
    table = Table(title=f"Dropped candidates ({len(record.dropped)})", expand=True)
    for col in ("Family", "Rule", "Text", "Why"):
        table.add_column(col)
    for d in record.dropped:
        table.add_row(d.family, markup(d.rule), _short(d.text, 80), markup(d.reason))
    console.print(table)
