"""The publication date from the dateline of a wire story, when no metadata gives it.

Forms read, at the start of one of the first lines of the article:
    "9 novembre 2012. - Le ..."                    (Wikinews, French papers)
    "PARIS, 31 oct (AFP) - ..."                      (agency wire, often without a year)
    "WASHINGTON, Oct. 31, 2024 (Reuters) - ..."      (English wire)
    "October 31, 2024 — ..."  "31/10/2024 -"  "Publié le 31 octobre 2024 à 14h05"
A dateline without a year takes the latest year the text itself mentions that does not put the date
after ``today``, else the latest such year before ``today``: a wire story is read soon after it is
filed. Nothing here reads the clock unless no ``today`` is given.

The forms are the packs' (``datelines.toml``), each with the month names of every registered pack.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from newsclaims.languages import LanguagePack, loaded_packs
from newsclaims.text import alternation

HEAD_LINES = 8  # a dateline opens one of the first paragraphs (after a title, a standfirst)
HEAD_CHARS = 1500

_YEAR_IN_TEXT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


@dataclass(frozen=True)
class _Forms:
    months: dict[str, int]  # every pack's month names and abbreviations, in lower case
    lead: tuple[re.Pattern[str], ...]  # forms that open the story's text
    all: tuple[re.Pattern[str], ...]  # with the bylines, in the packs' order


@functools.cache
def _forms(packs: tuple[LanguagePack, ...]) -> _Forms:
    """The dateline forms of every pack, with the month and weekday names of every pack: a story's
    dateline is read whatever language its text is in."""
    months: dict[str, int] = {}
    weekdays: list[str] = []
    for pack in packs:
        calendar = pack.times.calendar
        months.update({k.lower(): v for k, v in calendar.months.items()})
        months.update({k.lower(): v for k, v in calendar.month_abbreviations.items()})
        weekdays.extend(calendar.weekdays)
    given = {"MONTH": alternation(months), "WEEKDAY": alternation(weekdays)}
    lead: list[re.Pattern[str]] = []
    every: list[re.Pattern[str]] = []
    for pack in packs:
        ex = pack.datelines.expander(given)
        for name, form in pack.datelines.forms.items():
            pattern = ex.compile(form.pattern, ("forms", name, "pattern"), form.flags)
            every.append(pattern)
            if not form.byline:
                lead.append(pattern)
    return _Forms(months, tuple(lead), tuple(every))


def find_dateline(text: str, lang: str, today: date | None = None) -> date | None:
    """The date of the story's dateline, or None when its first lines carry none."""
    forms = _forms(loaded_packs())
    head = text[:HEAD_CHARS]
    for line in [ln for ln in head.splitlines() if ln.strip()][:HEAD_LINES]:
        for form in forms.all:
            m = form.match(line)
            if m:
                found = _date_of(m, forms.months, text, today or date.today())
                if found is not None:
                    return found
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Offsets of the dateline itself ("WASHINGTON, 31 octobre (AFP) -"), so that no statement starts
    inside it; None when the first lines carry none."""
    lead = _forms(loaded_packs()).lead
    head = text[:HEAD_CHARS]
    offset = 0
    seen = 0
    for line in head.splitlines(keepends=True):
        if line.strip():
            seen += 1
            for form in lead:  # a byline ("Publié le") is no lead-in to the story
                m = form.match(line)
                if m:
                    return offset + len(line) - len(line.lstrip()), offset + m.end()
            if seen >= HEAD_LINES:
                break
        offset += len(line)
    return None


def _date_of(m: re.Match[str], months: dict[str, int], text: str, today: date) -> date | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    month_word, month_num = groups.get("month"), groups.get("mnum")
    month = months.get(month_word.lower().rstrip(".")) if month_word else int(month_num) if month_num else None
    day_s, year_s = groups.get("day"), groups.get("year")
    if day_s is None or month is None:
        return None
    day = int(day_s)
    if year_s is not None:
        return _valid(int(year_s), month, day)
    return _yearless(month, day, text, today)


def _yearless(month: int, day: int, text: str, today: date) -> date | None:
    """The year a yearless dateline belongs to: one the text mentions, else the latest before today."""
    mentioned = sorted({int(y) for y in _YEAR_IN_TEXT.findall(text)}, reverse=True)
    for year in [*mentioned, today.year, today.year - 1]:
        found = _valid(year, month, day)
        if found is not None and found <= today:
            return found
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31 février": no date rather than a wrong one
