"""The publication date from the dateline of a wire story, when no metadata gives it.

Forms read, at the start of one of the first lines of the article:
    "9 novembre 2012. - Le ..."                    (Wikinews, French papers)
    "PARIS, 31 oct (AFP) - ..."                      (agency wire, often without a year)
    "WASHINGTON, Oct. 31, 2024 (Reuters) - ..."      (English wire)
    "October 31, 2024 — ..."  "31/10/2024 -"  "Publié le 31 octobre 2024 à 14h05"
A dateline without a year takes the latest year the text itself mentions that does not put the date
after ``today``, else the latest such year before ``today``: a wire story is read soon after it is
filed. Nothing here reads the clock unless no ``today`` is given.
"""

from __future__ import annotations

import re
from datetime import date

from newsclaims.extract.times import lexicon_en, lexicon_fr

HEAD_LINES = 8  # a dateline opens one of the first paragraphs (after a title, a standfirst)
HEAD_CHARS = 1500

_MONTHS: dict[str, int] = {
    **{k.lower(): v for k, v in lexicon_fr.MONTHS.items()},
    **{k.lower(): v for k, v in lexicon_fr.MONTH_ABBREVIATIONS.items()},
    **{k.lower(): v for k, v in lexicon_en.MONTHS.items()},
    **{k.lower(): v for k, v in lexicon_en.MONTH_ABBREVIATIONS.items()},
}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WEEKDAY = "|".join([*lexicon_fr.WEEKDAYS, *lexicon_en.WEEKDAYS])
_DASH = r"(?:\.\s*)?[-–—]"
_AGENCY = r"(?:\(\s*[A-Za-zÀ-ÿ./ -]{2,30}\)\s*)"
_PLACE = r"(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’ .-]{1,40}(?:\s*\([^)\n]{1,30}\))?,\s*)"
_TRAILING_PLACE = r"(?:,\s*[A-ZÀ-Ý][A-Za-zÀ-ÿ'’ -]{1,40})"  # "22 août 2012, Espagne. -"
_DAY = r"(?P<day>[0-3]?[0-9])(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"

_FORMS = [
    # [PLACE,] [weekday] 31 octobre [2012][.] [(AFP)] -
    re.compile(
        rf"^\s*{_PLACE}?(?:(?:{_WEEKDAY}),?\s+)?{_DAY}\s+(?P<month>{_MONTH})\.?(?:,?\s+{_YEAR})?{_TRAILING_PLACE}?\s*"
        rf"{_AGENCY}?{_DASH}",
        re.IGNORECASE,
    ),
    # [PLACE,] [weekday,] October 31[, 2024] [(Reuters)] -
    re.compile(
        rf"^\s*{_PLACE}?(?:(?:{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\.?\s+{_DAY}(?:,?\s+{_YEAR})?\s*{_AGENCY}?{_DASH}",
        re.IGNORECASE,
    ),
    # [PLACE,] 31/10/2024 -
    re.compile(rf"^\s*{_PLACE}?(?P<day>[0-3]?[0-9])/(?P<mnum>[01]?[0-9])/{_YEAR}\s*{_AGENCY}?{_DASH}"),
    # Publié le 31 octobre 2024 / Published on October 31, 2024 / Mis à jour le 31/10/2024
    re.compile(
        rf"^\s*(?:publié|mis\s+à\s+jour|published|updated)(?:\s+(?:le|on))?\s+(?:(?:{_WEEKDAY}),?\s+)?"
        rf"(?:{_DAY}\s+(?P<month>{_MONTH})\.?,?\s+{_YEAR}|(?P<month2>{_MONTH})\.?\s+(?P<day2>[0-3]?[0-9]),?\s+(?P<year2>(?:19|20)[0-9]{{2}})"
        rf"|(?P<day3>[0-3]?[0-9])/(?P<mnum3>[01]?[0-9])/(?P<year3>(?:19|20)[0-9]{{2}}))",
        re.IGNORECASE,
    ),
]
_YEAR_IN_TEXT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


def find_dateline(text: str, lang: str, today: date | None = None) -> date | None:
    """The date of the story's dateline, or None when its first lines carry none."""
    head = text[:HEAD_CHARS]
    for line in [ln for ln in head.splitlines() if ln.strip()][:HEAD_LINES]:
        for form in _FORMS:
            m = form.match(line)
            if m:
                found = _date_of(m, text, today or date.today())
                if found is not None:
                    return found
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Offsets of the dateline itself ("WASHINGTON, 31 octobre (AFP) -"), so that no statement starts
    inside it; None when the first lines carry none."""
    head = text[:HEAD_CHARS]
    offset = 0
    seen = 0
    for line in head.splitlines(keepends=True):
        if line.strip():
            seen += 1
            for form in _FORMS[:3]:  # the "Publié le" form is a byline, not a lead-in to the story
                m = form.match(line)
                if m:
                    return offset + len(line) - len(line.lstrip()), offset + m.end()
            if seen >= HEAD_LINES:
                break
        offset += len(line)
    return None


def _date_of(m: re.Match[str], text: str, today: date) -> date | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    day_s = groups.get("day") or groups.get("day2") or groups.get("day3")
    year_s = groups.get("year") or groups.get("year2") or groups.get("year3")
    month_word = groups.get("month") or groups.get("month2")
    month_num = groups.get("mnum") or groups.get("mnum3")
    month = _MONTHS.get(month_word.lower().rstrip(".")) if month_word else int(month_num) if month_num else None
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
