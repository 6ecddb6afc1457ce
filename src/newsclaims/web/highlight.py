"""An article's text as HTML with its statements, figures and times marked over their offsets.

Marks nest: a statement's sentence holds its speaker, cue and words, which hold figures and times.
Where two items cross (two statements sharing words), the inner mark is closed and reopened around
the boundary, so the HTML stays well formed; only the first piece of a mark carries its id. Every
character of the text is escaped, and control characters (ANSI escapes) are shown as their visible
Control Pictures, one character for one so that no offset moves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from newsclaims.records import ArticleRecord, Figure, Statement, TimeExpr
from newsclaims.web.format import figure_value, qualifier_words


def visible(text: str) -> str:
    """C0 controls (but tab and line breaks) and DEL as the symbols that picture them (ESC -> ␛)."""
    return text.translate(_PICTURES)


_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0x7F: 0x2421}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str
    tip: str = ""
    anchor: str = ""  # the element id, on the first piece only
    focusable: bool = False

    def open(self, first: bool) -> str:
        attrs = [f'class="{self.css}"']
        if first and self.anchor:
            attrs.append(f'id="{self.anchor}"')
        if self.tip:
            attrs.append(f'data-tip="{escape(visible(self.tip))}"')
            if first and self.focusable:
                attrs.append('tabindex="0"')
        return f"<span {' '.join(attrs)}>"


def statement_tip(s: Statement) -> str:
    who = s.speaker.name + (f" ({s.speaker.role})" if s.speaker.role else "")
    cue = f"«{s.cue.text}»" if s.cue else "(continues the last quote)"
    said = f" · said on {s.said_on}" if s.said_on else ""
    return f"Speaker: {who} · cue: {cue} · {s.kind}{said}"


def figure_tip(f: Figure, record: ArticleRecord) -> str:
    parts = [f"Value: {figure_value(f.value, f.qualifier, f.low, f.high, f.unit, f.currency)}"]
    parts.append(f"qualifier: {qualifier_words(f.qualifier)}")
    if f.counted:
        parts.append(f"counted: {f.counted}")
    if f.statement is not None and f.statement < len(record.statements):
        parts.append(f"reported by {record.statements[f.statement].speaker.name}")
    return " · ".join(parts)


def time_tip(t: TimeExpr) -> str:
    detail = ", ".join(x for x in (t.type, t.granularity, t.mod) if x)
    return f"Time: {t.value or 'unresolved'} ({detail})"


def marks(record: ArticleRecord) -> list[Mark]:
    out: list[Mark] = []
    for i, s in enumerate(record.statements):
        out.append(Mark(s.sentence.start, s.sentence.end, f"sent sent-{s.kind}", anchor=f"s{i}"))
        tip = statement_tip(s)
        out.append(Mark(s.content.start, s.content.end, "hl content", tip, f"c{i}", focusable=True))
        if s.speaker.mention:
            m = s.speaker.mention
            out.append(Mark(m.start, m.end, "hl speaker", f"Speaker: {s.speaker.name}", focusable=True))
        if s.cue:
            out.append(Mark(s.cue.start, s.cue.end, "hl cue", f"Cue of {s.speaker.name}'s statement", focusable=True))
    for j, f in enumerate(record.figures):
        out.append(Mark(f.start, f.end, "hl figure", figure_tip(f, record), f"f{j}", focusable=True))
    for k, t in enumerate(record.times):
        out.append(Mark(t.start, t.end, "hl time", time_tip(t), f"t{k}", focusable=True))
    n = len(record.article.text)
    return [m for m in out if 0 <= m.start < m.end <= n]


def highlight(record: ArticleRecord) -> Markup:
    """The text as HTML, every item marked (see the module's docstring)."""
    text = record.article.text
    items = marks(record)
    starts: dict[int, list[Mark]] = defaultdict(list)
    for m in items:
        starts[m.start].append(m)
    bounds = sorted({0, len(text), *(m.start for m in items), *(m.end for m in items)})
    out: list[str] = []
    stack: list[Mark] = []
    for pos, following in zip(bounds, [*bounds[1:], len(text)], strict=True):
        if any(m.end == pos for m in stack):
            reopen: list[Mark] = []
            while any(m.end == pos for m in stack):
                top = stack.pop()
                out.append("</span>")
                if top.end != pos:
                    reopen.append(top)
            for m in reversed(reopen):
                out.append(m.open(first=False))
                stack.append(m)
        # Longer marks open first, so they enclose the shorter ones starting at the same place.
        for m in sorted(starts.get(pos, ()), key=lambda m: -m.end):
            out.append(m.open(first=True))
            stack.append(m)
        out.append(str(escape(visible(text[pos:following]))))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))
