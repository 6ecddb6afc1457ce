"""Records shown to a person in a terminal (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsclaims.records import ArticleRecord


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def print_record(record: ArticleRecord, console: Console | None = None) -> None:
    console = console or Console()
    a = record.article
    head = f"[bold]{escape(a.title or '(untitled)')}[/bold]  {a.lang}  {a.published or 'no date'}  id {a.id}"
    console.print(head)

    table = Table(title=f"Statements ({len(record.statements)})", show_lines=True, expand=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Cue", ratio=1)
    table.add_column("Words", ratio=5)
    table.add_column("Kind", ratio=1)
    for s in record.statements:
        who = escape(s.speaker.name)
        if s.speaker.role:
            who += f"\n[dim]{escape(s.speaker.role)}[/dim]"
        if s.speaker.mention and s.speaker.mention.text != s.speaker.name:
            who += f"\n[dim]as «{escape(s.speaker.mention.text)}»[/dim]"
        cue = escape(s.cue.text) if s.cue else "[dim](continues)[/dim]"
        table.add_row(who, cue, _short(s.content.text), s.kind)
    console.print(table)

    if record.figures:
        ft = Table(title=f"Figures ({len(record.figures)})", expand=True)
        for col in ("Value", "Qualifier", "Unit", "Counted", "Text", "Source"):
            ft.add_column(col)
        for f in record.figures:
            src = escape(record.statements[f.statement].speaker.name) if f.statement is not None else ""
            value = "" if f.value is None else f"{f.value:,.10g}"
            unit = escape(f.currency or f.unit or "")
            ft.add_row(value, f.qualifier, unit, escape(f.counted or ""), _short(f.text, 60), src)
        console.print(ft)

    if record.times:
        tt = Table(title=f"Times ({len(record.times)})", expand=True)
        for col in ("Text", "Value", "Type"):
            tt.add_column(col)
        for t in record.times:
            tt.add_row(escape(t.text), t.value or "[dim]unresolved[/dim]", t.type)
        console.print(tt)


def print_dropped(record: ArticleRecord, console: Console | None = None) -> None:
    """The candidates the extractors set aside (``extract --explain``), with the rule and the reason."""
    console = console or Console()
    table = Table(title=f"Dropped candidates ({len(record.dropped)})", expand=True)
    for col in ("Family", "Rule", "Text", "Why"):
        table.add_column(col)
    for d in record.dropped:
        table.add_row(d.family, escape(d.rule), _short(d.text, 80), escape(d.reason))
    console.print(table)
