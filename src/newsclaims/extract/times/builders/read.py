"""What every builder reads the same way: a match's groups, looked up in the pack's tables.

A builder may read a group its rule's pattern does not have (a pack writes only the groups its
language needs): ``group`` gives None for it, as for a group that did not take part in the match.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING

from text_to_num import text2num

from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST, Side, Spec
from newsclaims.languages.times_data import DurationUnit, Mod, PartOfDay

if TYPE_CHECKING:
    from newsclaims.extract.times.lexicon import TimeLexicon

Match = re.Match[str]


def key(text: str) -> str:
    """How a word is looked up in a table: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", text.lower()).replace("’", "'").replace("ʼ", "'")


def group(m: Match, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def word(m: Match, name: str) -> str | None:
    """The group as a table key (see ``lexicon.key``), None when it did not match."""
    g = group(m, name)
    return key(g) if g else None


def side(lex: TimeLexicon, direction: str | None) -> tuple[Side, bool]:
    """(side, counted from the last date mentioned) of "dernier", "next", "suivant"..."""
    kind = lex.directions.get(direction) if direction else None
    if kind == "last":
        return PAST, False
    if kind == "next":
        return FUTURE, False
    if kind == "ref_last":
        return PAST, True
    if kind == "ref_next":
        return FUTURE, True
    if kind == "ref_this":
        return NEUTRAL, True
    return NEUTRAL, False


def mod(lex: TimeLexicon, m: Match) -> Mod | None:
    w = word(m, "mod")
    return lex.mods.get(w) if w else None


def part(lex: TimeLexicon, m: Match, names: tuple[str, ...] = ("part",)) -> PartOfDay | None:
    """The part of day of the first of ``names`` that matched; the daytime at the start or the end
    of the day (group ``pmod``: "en fin de journée") is the morning or the evening."""
    w = next((w for w in (word(m, n) for n in names) if w), None)
    if w is None:
        return None
    value = lex.parts_of_day[w]
    pmod = word(m, "pmod")
    edge = lex.mods.get(pmod) if pmod else None
    if value == "DT" and edge in ("START", "END"):
        return "MO" if edge == "START" else "EV"
    return value


def month_number(lex: TimeLexicon, s: str) -> int:
    return lex.months[key(s).rstrip(".")]


def day_number(lex: TimeLexicon, s: str) -> int:
    """A day of the month: digits, or an ordinal the pack lists ("1er", "premier")."""
    s = s.replace(" ", "").lower()
    return lex.ordinals.get(key(s)) or int(s)


def year(m: Match) -> int | None:
    """The year written with a date: four digits (group ``year``), or two (``yy``: "octobre 98",
    left for the resolver to place in the century of the anchor)."""
    y = group(m, "year")
    if y:
        return int(y)
    yy = group(m, "yy")
    return int(yy.lstrip("'’")) if yy else None


def check_weekday(spec: Spec, weekday: int | None) -> Spec:
    """A written weekday that does not fit the date is kept as a flag: the text is wrong somewhere."""
    if weekday is None or spec.year is None or spec.year < 100 or spec.month is None or spec.day is None:
        return spec
    try:
        fits = date(spec.year, spec.month, spec.day).isoweekday() == weekday
    except ValueError:
        return spec
    return spec if fits else dataclasses.replace(spec, flags=(*spec.flags, "weekday_mismatch"))


def number(s: str) -> float | None:
    """A digit string with a comma or dot decimal ("30,4") as a number."""
    try:
        return float(s.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None


def words_to_number(lex: TimeLexicon, s: str) -> float | None:
    """'trois' -> 3, 'vingt-quatre' -> 24, '30,4' -> 30.4, an indefinite article -> 1; None when it
    is not a number (or the pack reads no spelled numbers)."""
    s = s.lower().strip()
    if s[:1].isdigit():
        return number(s)
    if s in lex.cues.indefinite_articles:
        return 1
    if lex.number_language is None:
        return None
    try:
        return float(text2num(s.replace("-", " "), lex.number_language))
    except ValueError:
        return None


def fmt_amount(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: DurationUnit) -> str:
    """TIMEX3 duration: P3Y, P2M, P1W, PT24H, PT30.4S; n None is an unspecified count (PXY)."""
    amount = "X" if n is None else fmt_amount(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "DE":
        return f"P{amount}DE" if n is None else f"P{fmt_amount(n * 10)}Y"
    if unit == "CE":
        return f"P{amount}CE" if n is None else f"P{fmt_amount(n * 100)}Y"
    if unit == "Q":
        return f"P{amount}Q" if n is None else f"P{fmt_amount(n * 3)}M"
    if unit == "HY":
        return f"P{amount}HY" if n is None else f"P{fmt_amount(n * 6)}M"
    return f"P{amount}{unit}"


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


def decade_digits(dec: str) -> int:
    """The first three digits of a decade: '1990' -> 199, '60' -> 196, '10' -> 201 ("les années 10"
    of a text written now are the 2010s only when the 1910s cannot be meant: the 20s to 90s are 19xx)."""
    if len(dec) == 4:
        return int(dec) // 10
    return (190 if int(dec) >= 20 else 200) + int(dec) // 10
