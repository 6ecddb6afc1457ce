"""Links between the items of one article, made after extraction.

- A figure reported inside a statement carries that statement (and so its source).
- A statement carries the date it was made: a day-precise time expression of its sentence that lies
  outside the reported words ("Le Pentagone a déclaré lundi que ..."), the one nearest the cue;
  else the article's publication date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from newsclaims.records import Figure, Statement, TextSpan, TimeExpr

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NESTED = 8  # statements checked before a figure: enough for contents nested in one another


def link_figures_to_statements(figures: list[Figure], statements: list[Statement]) -> list[Figure]:
    """Each figure whose span lies inside a statement's content gets that statement's index.

    Contents are searched through their sorted starts, so a long article costs n log n, not n².
    """
    spans = sorted((s.content.start, s.content.end, i) for i, s in enumerate(statements))
    starts = [start for start, _end, _i in spans]
    out = []
    for fig in figures:
        index = None
        # Candidates start at or before the figure; contents rarely nest, so the few nearest suffice.
        pos = bisect.bisect_right(starts, fig.start)
        for start, end, i in reversed(spans[max(0, pos - _NESTED) : pos]):
            if start <= fig.start and fig.end <= end:
                index = i
                break
        out.append(replace(fig, statement=index) if index is not None else fig)
    return out


def trim_dateline(statements: list[Statement], text: str, dateline: tuple[int, int] | None) -> list[Statement]:
    """A statement whose words start inside the dateline ("PARIS, 31 oct (AFP) - Près de ...")
    starts after it: the dateline is the agency's, not the speaker's."""
    if dateline is None:
        return statements
    start, end = dateline
    while end < len(text) and text[end].isspace():
        end += 1
    out = []
    for st in statements:
        if start <= st.content.start < end < st.content.end:
            content = TextSpan(text[end : st.content.end], end, st.content.end)
            sentence = st.sentence
            if sentence.start < end <= sentence.end:
                sentence = TextSpan(text[end : sentence.end], end, sentence.end)
            st = replace(st, content=content, sentence=sentence)
        out.append(st)
    return out


def date_statements(statements: list[Statement], times: list[TimeExpr], published: date | None) -> list[Statement]:
    """Each statement with ``said_on`` set from its sentence's time expression or the publication date."""
    times = sorted(times, key=lambda t: t.start)
    starts = [t.start for t in times]
    out = []
    for st in statements:
        when = _time_beside_cue(st, times, starts)
        if when is not None:
            out.append(replace(st, said_on=when, said_on_from="text"))
        elif published is not None:
            out.append(replace(st, said_on=published.isoformat(), said_on_from="published"))
        else:
            out.append(st)
    return out


def _time_beside_cue(st: Statement, times: list[TimeExpr], starts: list[int]) -> str | None:
    anchor = st.cue.start if st.cue else st.content.start
    best: tuple[int, str] | None = None
    lo = bisect.bisect_left(starts, st.sentence.start)
    hi = bisect.bisect_left(starts, st.sentence.end)
    for t in times[lo:hi]:
        if t.value is None or not _DAY_VALUE.match(t.value) or t.end > st.sentence.end:
            continue
        if st.content.start <= t.start and t.end <= st.content.end:
            continue
        distance = abs(t.start - anchor)
        if best is None or distance < best[0]:
            best = (distance, t.value[:10])
    return best[1] if best else None
