"""The story's timeline as an SVG drawn on the server: no script, nothing fetched.

x is the day a figure was said, y its value. Each source has its colour and marker and a thin line
through its own reports, so a revision (the same source giving a new value) shows as a step.
Qualifiers: "about" is a band of ±10 % around the point, a range a band from low to high, "at
least" an arrow up, "up to" an arrow down. The first report of each value has a ring; each
disagreement (different values from different sources within days) a dashed line between the two
points. Every point is a link to the figure in its article, with a tooltip (SVG <title>).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from newsclaims.story import Story, StoryPoint
from newsclaims.web.format import figure_value, qualifier_words
from newsclaims.web.highlight import visible

WIDTH, HEIGHT = 960, 420
LEFT, RIGHT, TOP, BOTTOM = 70, 220, 20, 40  # margins; the legend sits in the right one
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f")
MARKERS = ("circle", "square", "triangle", "diamond")
APPROX_BAND = 0.10


@dataclass(frozen=True)
class Plotted:
    point: StoryPoint
    source: str
    x: float
    y: float


def _marker(kind: str, x: float, y: float, r: float = 5.5) -> str:
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f},{y - r - 1:.1f} L{x + r:.1f},{y + r:.1f} L{x - r:.1f},{y + r:.1f} Z"/>'
    if kind == "diamond":
        d = r + 1
        return f'<path d="M{x:.1f},{y - d:.1f} L{x + d:.1f},{y:.1f} L{x:.1f},{y + d:.1f} L{x - d:.1f},{y:.1f} Z"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'


def _nice_ticks(top: float, count: int = 5) -> list[float]:
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(int(top / step) + 1)]


def _date_ticks(first: date, last: date) -> list[date]:
    days = (last - first).days
    if days <= 45:
        start = first - timedelta(days=first.weekday())
        return [start + timedelta(weeks=i) for i in range(days // 7 + 2) if first <= start + timedelta(weeks=i) <= last]
    ticks, month = [], date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            ticks.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return ticks


def _tip(p: StoryPoint, source: str, first: bool) -> str:
    value = figure_value(p.value, p.qualifier, p.low, p.high, p.unit, p.currency)
    when = p.said_on.isoformat() if p.said_on else "undated"
    lines = [f"{source}: {value} ({qualifier_words(p.qualifier)}), said {when}", f"«{p.text}»", p.title or ""]
    if first:
        lines.append("first report of this value")
    return "\n".join(line for line in lines if line)


def point_href(p: StoryPoint) -> str:
    index = p.figure_id.rsplit(":f", 1)[-1]
    return f"/articles/{p.article_id}#f{index}"


def source_name(p: StoryPoint) -> str:
    return p.source or "(the article itself)"


def timeline_svg(story: Story, title: str) -> Markup:
    """The chart (see the module's docstring); an empty Markup when no point has a date and a value."""
    points = [p for p in story.points if p.said_on is not None and p.value is not None]
    if not points:
        return Markup("")
    dates = [p.said_on for p in points if p.said_on]
    first_day, last_day = min(dates) - timedelta(days=2), max(dates) + timedelta(days=2)
    span = max(1, (last_day - first_day).days)
    top = max(max(p.high or p.value or 0, p.value or 0) * (1 + APPROX_BAND) for p in points) * 1.08 or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(d: date) -> float:
        return LEFT + plot_w * (d - first_day).days / span

    def y_of(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    sources: list[str] = []
    for p in points:
        if source_name(p) not in sources:
            sources.append(source_name(p))
    style = {s: (COLOURS[i % len(COLOURS)], MARKERS[(i // len(COLOURS)) % len(MARKERS)]) for i, s in enumerate(sources)}
    firsts = {p.figure_id for p in story.firsts}
    plotted = [Plotted(p, source_name(p), x_of(p.said_on), y_of(p.value)) for p in points if p.said_on and p.value]
    where = {q.point.figure_id: q for q in plotted}

    out = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(visible(title))}">',
        f"<title>{escape(visible(title))}</title>",
    ]
    out += _axes(first_day, last_day, top, x_of, y_of)
    for a, b in story.disagreements:
        if a.figure_id in where and b.figure_id in where:
            pa_, pb = where[a.figure_id], where[b.figure_id]
            out.append(
                f'<line class="disagreement" x1="{pa_.x:.1f}" y1="{pa_.y:.1f}" x2="{pb.x:.1f}" y2="{pb.y:.1f}">'
                f"<title>{escape(visible(f'{pa_.source} and {pb.source} disagree'))}</title></line>"
            )
    for source in sources:
        colour, marker = style[source]
        mine = [q for q in plotted if q.source == source]
        out.append(f'<g class="series" data-source="{escape(visible(source))}" fill="{colour}" stroke="{colour}">')
        if len(mine) > 1 and mine[0].point.speaker:  # the articles' own figures are no source's revisions
            path = " ".join(f"{'M' if i == 0 else 'L'}{q.x:.1f},{q.y:.1f}" for i, q in enumerate(mine))
            out.append(f'<path class="revision" d="{path}" fill="none"/>')
        for q in mine:
            out += _point(q, marker, q.point.figure_id in firsts, y_of)
        out.append("</g>")
    out += _legend(sources, style)
    out.append("</svg>")
    return Markup("".join(out))


def _point(q: Plotted, marker: str, first: bool, y_of: Callable[[float], float]) -> list[str]:
    p = q.point
    out = [f'<a class="point" href="{escape(point_href(p))}" data-figure="{escape(p.figure_id)}">']
    out.append(f"<title>{escape(visible(_tip(p, q.source, first)))}</title>")
    if p.qualifier == "approx" and p.value:
        low, high = y_of(p.value * (1 + APPROX_BAND)), y_of(p.value * (1 - APPROX_BAND))
        out.append(f'<rect class="band" x="{q.x - 7:.1f}" y="{low:.1f}" width="14" height="{high - low:.1f}"/>')
    elif p.qualifier == "range" and p.low is not None and p.high is not None:
        low, high = y_of(p.high), y_of(p.low)
        out.append(f'<rect class="band" x="{q.x - 7:.1f}" y="{low:.1f}" width="14" height="{high - low:.1f}"/>')
    elif p.qualifier in ("at_least", "at_most"):
        d = -1 if p.qualifier == "at_least" else 1
        tip = q.y + d * 28
        out.append(
            f'<path class="arrow" d="M{q.x:.1f},{q.y:.1f} L{q.x:.1f},{tip:.1f} M{q.x - 5:.1f},{tip - d * 7:.1f} '
            f'L{q.x:.1f},{tip:.1f} L{q.x + 5:.1f},{tip - d * 7:.1f}" fill="none"/>'
        )
    if first:
        out.append(f'<circle class="first" cx="{q.x:.1f}" cy="{q.y:.1f}" r="10" fill="none"/>')
    hollow = ' class="vague"' if p.qualifier == "vague" else ""
    out.append(f"<g{hollow}>{_marker(marker, q.x, q.y)}</g>")
    out.append("</a>")
    return out


def _axes(
    first: date, last: date, top: float, x_of: Callable[[date], float], y_of: Callable[[float], float]
) -> list[str]:
    out = ['<g class="axes">']
    right = WIDTH - RIGHT
    for v in _nice_ticks(top / 1.08):
        y = y_of(v)
        out.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{v:,.10g}</text>')
    for d in _date_ticks(first, last):
        x = x_of(d)
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{HEIGHT - BOTTOM}"/>')
        out.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{d.isoformat()}</text>'
        )
    out.append(f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{right}" y2="{HEIGHT - BOTTOM}"/>')
    out.append(f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}"/>')
    out.append("</g>")
    return out


def _legend(sources: Sequence[str], style: dict[str, tuple[str, str]]) -> list[str]:
    out = ['<g class="legend">']
    x = WIDTH - RIGHT + 16
    for i, source in enumerate(sources[:22]):
        y = TOP + 8 + i * 17
        colour, marker = style[source]
        label = source if len(source) <= 28 else source[:27] + "…"
        out.append(f'<g fill="{colour}" stroke="{colour}">{_marker(marker, x, y, 4.5)}</g>')
        out.append(f'<text x="{x + 10}" y="{y + 4}">{escape(visible(label))}</text>')
    if len(sources) > 22:
        out.append(f'<text x="{x}" y="{TOP + 8 + 22 * 17 + 4}">… and {len(sources) - 22} more</text>')
    out.append("</g>")
    return out
