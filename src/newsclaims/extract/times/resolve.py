"""Place a Spec on the calendar: a TIMEX3 value and its granularity.

The anchor is the publication date. News conventions decide the bare cases:
- a bare weekday is the nearest such day on the side the tense points to, today included
  ("jeudi" in a Thursday's paper is that day); "dernier"/"prochain" exclude today;
- a month or a day without a year is in the anchor's year, unless the tense points the other way
  and the date would be months away on the wrong side ("le 21 décembre", past tense, in January);
- with no anchor a deictic expression keeps a null value rather than a guess, while an absolute
  one without a year keeps its X placeholders ("XXXX-10-31").
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter  # type: ignore[import-untyped]

from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST, Spec

SEASONS = ("SP", "SU", "FA", "WI")
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
MAX_SHIFT_MONTHS = 2  # past tense yet the same-year date lies this far ahead: it was last year
NEAREST_MONTHS = 8  # tense unknown and the same-year date lies this far away: take the nearer year
MIN_YEAR, MAX_YEAR = 1000, 2200


def two_digit_year(yy: int, anchor_year: int | None) -> int:
    """'98' -> 1998, '05' -> 2005 (for an anchor in 2000-2094): the latest century that puts the
    year no more than ten years after the anchor."""
    ref = anchor_year or 2000
    year = ref // 100 * 100 + yy
    return year - 100 if year > ref + 10 else year


@dataclass(frozen=True)
class Resolved:
    value: str | None
    granularity: str | None
    flags: tuple[str, ...] = ()


def resolve(spec: Spec, anchor: date | None, tense: int = NEUTRAL, ref: date | None = None) -> Resolved:
    """The TIMEX3 value of ``spec`` against ``anchor``; ``ref`` is the last day the text mentioned."""
    try:
        return _resolve(spec, anchor, tense, ref)
    except (ValueError, OverflowError):
        # A calendar impossibility the rules let through ("31 février", year 0): kept, flagged.
        return Resolved(None, None, (*spec.flags, "invalid_date"))


def _resolve(spec: Spec, anchor: date | None, tense: int, ref: date | None) -> Resolved:
    if spec.year is not None and spec.year < 100:
        # "octobre 98", "31/10/24": the century that puts the year at most ten years after the anchor
        spec = replace(spec, year=two_digit_year(spec.year, anchor.year if anchor else None))
    if spec.literal is not None:
        return Resolved(spec.literal, spec.granularity, spec.flags)
    if spec.hour is not None:
        return _clock(spec, anchor, tense, ref)
    day = _day(spec, anchor, tense, ref)
    if day is not None and spec.week_of:
        year, week, _ = day.isocalendar()
        return Resolved(f"{year}-W{week:02d}", "week", _year_flags(year, spec))
    if day is not None:
        value, gran = day.isoformat(), "day"
        if spec.part:
            value, gran = f"{value}T{spec.part}", "daypart"
        return Resolved(value, gran, _year_flags(day.year, spec))
    if _is_day_level(spec):
        # Day-level but unresolvable: no anchor for a deictic, or only part of the date known.
        return Resolved(_partial_day(spec), "daypart" if spec.part else "day", spec.flags)
    return _coarse(spec, anchor, tense, ref)


# -- day level ----------------------------------------------------------------------------------------


def _is_day_level(spec: Spec) -> bool:
    return spec.day is not None or spec.weekday is not None or spec.unit == "day" or spec.moveable


def _day(spec: Spec, anchor: date | None, tense: int, ref: date | None) -> date | None:
    """The day a day-level spec names, or None when it is not day-level or cannot be resolved."""
    if spec.unit == "day":
        base = (ref or anchor) if spec.from_ref else anchor
        return base + timedelta(days=spec.shift) if base else None
    if spec.day is not None and spec.month is not None:
        if spec.year is not None:
            return _checked_date(spec.year, spec.month, spec.day)
        _checked_date(2000, spec.month, spec.day)  # 2000 is a leap year: "29 février" is valid
        if anchor is None:
            return None
        return _place_day(spec, anchor, tense)
    if spec.moveable:
        return _moveable_feast(spec, anchor, tense)
    if spec.day is not None and spec.month is None:
        return _day_by_weekday(spec, anchor) if anchor else None
    if spec.weekday is not None and spec.day is None:
        base = (ref or anchor) if spec.from_ref else anchor
        return weekday_near(base, spec.weekday, spec.side or tense, strict=spec.side != NEUTRAL) if base else None
    return None


def _moveable_feast(spec: Spec, anchor: date | None, tense: int) -> date | None:
    """Easter and the feasts counted from it, or a feast on the nth weekday of a month, in the written
    year or the one the context points to."""
    if spec.year is not None:
        return _feast_in(spec, spec.year)
    if anchor is None:
        return None
    same = _feast_in(spec, anchor.year)
    return _feast_in(spec, anchor.year + _year_shift(same, anchor, spec.side, tense))


def _feast_in(spec: Spec, year: int) -> date:
    if spec.easter is not None:
        return easter(year) + timedelta(days=spec.easter)
    assert spec.nth_weekday is not None
    month, weekday, nth, from_day = spec.nth_weekday
    if nth < 0:  # the last such weekday of the month
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, from_day)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _day_by_weekday(spec: Spec, anchor: date) -> date:
    """'le lundi 6': the day numbered so in the month around the anchor whose weekday fits."""
    assert spec.day is not None
    fits = []
    for shift in (0, -1, 1, -2, 2):
        index = anchor.year * 12 + anchor.month - 1 + shift
        try:
            day = date(index // 12, index % 12 + 1, spec.day)
        except ValueError:
            continue
        if spec.weekday is None or day.isoweekday() == spec.weekday:
            fits.append(day)
    if not fits:
        return _checked_date(anchor.year, anchor.month, spec.day)
    return min(fits, key=lambda d: abs((d - anchor).days))


def _checked_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year if year > 0 else 2000, month)[1]:
        raise ValueError(f"no day {day} in month {month}")
    return date(year, month, day)


def _place_day(spec: Spec, anchor: date, tense: int) -> date:
    """A day and month without a year, placed in the year the context points to."""
    assert spec.month is not None and spec.day is not None
    if spec.month == 2 and spec.day == 29:
        # Only leap years have it: the nearest leap year on the side the context points to.
        step = -1 if (spec.side or tense) == PAST else 1
        year = anchor.year
        while not calendar.isleap(year):
            year += step
        return date(year, 2, 29)
    same = date(anchor.year, spec.month, spec.day)
    return date(anchor.year + _year_shift(same, anchor, spec.side, tense), spec.month, spec.day)


def _year_shift(same: date, anchor: date, side: int, tense: int) -> int:
    """-1, 0 or +1: which year a yearless date belongs to, given the words and the tense."""
    months_away = (same.year - anchor.year) * 12 + same.month - anchor.month + (same.day - anchor.day) / 31
    if side == PAST:
        return -1 if same >= anchor else 0
    if side == FUTURE:
        return 1 if same <= anchor else 0
    if tense == PAST and months_away >= MAX_SHIFT_MONTHS:
        return -1
    if tense == FUTURE and months_away <= -MAX_SHIFT_MONTHS:
        return 1
    if tense == NEUTRAL and abs(months_away) > NEAREST_MONTHS:
        return -1 if months_away > 0 else 1
    return 0


def weekday_near(base: date, weekday: int, side: int, strict: bool = False) -> date:
    """The day of ``weekday`` (1 = Monday) nearest ``base`` on ``side``; NEUTRAL takes the nearer one.

    ``base`` itself counts unless ``strict`` ("jeudi dernier" in a Thursday's paper is a week back).
    """
    back = (base.isoweekday() - weekday) % 7
    ahead = (weekday - base.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if side == PAST:
        return base - timedelta(days=back)
    if side == FUTURE:
        return base + timedelta(days=ahead)
    return base - timedelta(days=back) if back <= ahead else base + timedelta(days=ahead)


def _partial_day(spec: Spec) -> str | None:
    """The X-filled value of a date whose year is unknown ("XXXX-10-31"); None for a deictic."""
    if spec.day is None or spec.month is None or spec.unit is not None or spec.weekday is not None:
        return None
    value = f"XXXX-{spec.month:02d}-{spec.day:02d}"
    return f"{value}T{spec.part}" if spec.part else value


# -- clock times -------------------------------------------------------------------------------------


def _clock(spec: Spec, anchor: date | None, tense: int, ref: date | None) -> Resolved:
    if not (0 <= spec.hour <= 24 and 0 <= (spec.minute or 0) <= 59):  # type: ignore[operator]
        return Resolved(None, None, (*spec.flags, "invalid_time"))
    day_spec = Spec(
        year=spec.year,
        month=spec.month,
        day=spec.day,
        weekday=spec.weekday,
        unit=spec.unit,
        shift=spec.shift,
        from_ref=spec.from_ref,
        side=spec.side,
    )
    day = _day(day_spec, anchor, tense, ref) if _is_day_level(day_spec) else (ref or anchor)
    clock = f"T{spec.hour:02d}:{spec.minute or 0:02d}"
    gran = "minute" if spec.minute else "hour"
    if day is None:
        return Resolved(None, gran, spec.flags)
    return Resolved(day.isoformat() + clock, gran, spec.flags)


# -- coarser than a day ------------------------------------------------------------------------------


def _coarse(spec: Spec, anchor: date | None, tense: int, ref: date | None) -> Resolved:
    if spec.century is not None:
        return Resolved(f"{spec.century:02d}", "century", spec.flags)
    if spec.decade is not None:
        return Resolved(f"{spec.decade:03d}X", "decade", spec.flags)
    if spec.unit is not None:
        base = (ref or anchor) if spec.from_ref else anchor
        if base is None:
            return Resolved(None, spec.unit, spec.flags)
        if spec.unit == "weekend" and spec.shift == 0 and not spec.from_ref:
            return Resolved(_this_weekend(base, tense), "weekend", spec.flags)
        return _shifted_unit(spec, base)
    if spec.season is not None:
        return _season(spec, anchor, tense)
    if spec.quarter is not None:
        year = spec.year if spec.year is not None else anchor.year if anchor else None
        value = f"{year:04d}-{spec.quarter}" if year is not None else f"XXXX-{spec.quarter}"
        return Resolved(value, "half" if spec.quarter[0] == "H" else "quarter", _year_flags(year, spec))
    if spec.month is not None:
        return _month(spec, anchor, tense)
    if spec.year is not None:
        return Resolved(f"{spec.year:04d}", "year", _year_flags(spec.year, spec))
    return Resolved(None, None, spec.flags)


def _year_flags(year: int | None, spec: Spec) -> tuple[str, ...]:
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return (*spec.flags, "implausible_year")
    return spec.flags


def _shifted_unit(spec: Spec, base: date) -> Resolved:
    """'la semaine dernière', 'le mois prochain', 'il y a trois ans', 'le siècle dernier'."""
    unit, n = spec.unit, spec.shift
    if unit in ("week", "weekend"):
        year, week, _ = (base + timedelta(weeks=n)).isocalendar()
        value = f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
        return Resolved(value, unit, spec.flags)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + n
        return Resolved(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", spec.flags)
    if unit == "quarter":
        index = base.year * 4 + (base.month - 1) // 3 + n
        return Resolved(f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", spec.flags)
    if unit == "half":
        index = base.year * 2 + (base.month - 1) // 6 + n
        return Resolved(f"{index // 2:04d}-H{index % 2 + 1}", "half", spec.flags)
    if unit == "year":
        year = base.year + n
        if spec.season:
            return Resolved(f"{year:04d}-{spec.season}", "season", spec.flags)
        if spec.quarter:
            return Resolved(f"{year:04d}-{spec.quarter}", "quarter", spec.flags)
        return Resolved(f"{year:04d}", "year", _year_flags(year, spec))
    if unit == "decade":
        return Resolved(f"{base.year // 10 + n:03d}X", "decade", spec.flags)
    if unit == "century":
        return Resolved(f"{base.year // 100 + n:02d}", "century", spec.flags)
    raise ValueError(f"unknown unit {unit}")


def _this_weekend(base: date, tense: int) -> str:
    """'ce week-end': the current one on a Saturday or Sunday; otherwise the one just past or the
    coming one, as the tense says, else the nearer (Monday and Tuesday look back)."""
    saturday = base + timedelta(days=6 - base.isoweekday())
    if base.isoweekday() < 6:
        back = base.isoweekday()  # days since the last Sunday
        ahead = 6 - base.isoweekday()
        if tense == PAST or (tense == NEUTRAL and back < ahead):
            saturday -= timedelta(weeks=1)
    year, week, _ = saturday.isocalendar()
    return f"{year}-W{week:02d}-WE"


def season_index(day: date) -> int:
    """Seasons counted from year 0: winter belongs to the year it starts in (Jan 2025 is 2024-WI)."""
    season = _SEASON_OF_MONTH.get(day.month, "FA")
    year = day.year - 1 if day.month <= 2 else day.year
    return year * 4 + SEASONS.index(season)


def _season(spec: Spec, anchor: date | None, tense: int) -> Resolved:
    assert spec.season is not None
    if spec.year is not None:
        return Resolved(f"{spec.year:04d}-{spec.season}", "season", _year_flags(spec.year, spec))
    if anchor is None:
        return Resolved(f"XXXX-{spec.season}", "season", spec.flags)
    now = season_index(anchor)
    target = SEASONS.index(spec.season)
    before = now - (now - target) % 4  # latest occurrence at or before now
    after = now + (target - now) % 4  # earliest occurrence at or after now
    if spec.side == PAST:
        index = before if before < now else before - 4
    elif spec.side == FUTURE:
        index = after if after > now else after + 4
    elif now - before != after - now:
        # A season is at most two seasons away; the tense only breaks a tie.
        index = before if now - before < after - now else after
    else:
        index = before if tense == PAST else after
    return Resolved(f"{index // 4:04d}-{SEASONS[index % 4]}", "season", spec.flags)


def _month(spec: Spec, anchor: date | None, tense: int) -> Resolved:
    assert spec.month is not None
    if not 1 <= spec.month <= 12:
        return Resolved(None, None, (*spec.flags, "invalid_date"))
    if spec.year is not None:
        return Resolved(f"{spec.year:04d}-{spec.month:02d}", "month", _year_flags(spec.year, spec))
    if anchor is None:
        return Resolved(f"XXXX-{spec.month:02d}", "month", spec.flags)
    same = date(anchor.year, spec.month, 15)
    mid_anchor = anchor.replace(day=15)
    year = anchor.year + _year_shift(same, mid_anchor, spec.side, tense)
    return Resolved(f"{year:04d}-{spec.month:02d}", "month", spec.flags)
