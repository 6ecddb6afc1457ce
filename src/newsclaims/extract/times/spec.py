"""What a matched time expression means, before it is placed on the calendar.

A rule turns the words it matched into a ``Spec``: the calendar fields the words fix (a year, a
month, a weekday), and the deictic part that needs the publication date (``unit``/``shift``: "hier"
is one day back, "la semaine prochaine" one week on). ``resolve.py`` turns a Spec into a TIMEX3
value once the anchor, the tense of the clause and the last date the text mentioned are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from newsclaims.languages.times_data import Mod, PartOfDay, Season, Unit
from newsclaims.records import TimeType

# Which way a bare expression points: the tense of its clause, or the words "dernier"/"prochain".
Side = Literal[-1, 0, 1]
PAST: Final = -1
NEUTRAL: Final = 0
FUTURE: Final = 1
LiteralGranularity = Literal["set", "ref", "duration", "season"]


@dataclass(frozen=True)
class Spec:
    type: TimeType = "DATE"
    literal: str | None = None  # a value the words fix alone: PRESENT_REF, P3Y, XXXX-WXX-4
    granularity: LiteralGranularity | None = None  # with ``literal``
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: 1 = Monday
    season: Season | None = None
    part: PartOfDay | None = None
    quarter: str | None = None  # "Q3", "H1" (semester)
    hour: int | None = None
    minute: int | None = None
    decade: int | None = None  # 196 for "les années 60"
    century: int | None = None  # 18 for "le XIXe siècle" (TIMEX3 writes the hundreds)
    easter: int | None = None  # days from Easter Sunday, for the moveable feasts ("lundi de Pentecôte": 50)
    # (month, weekday, nth, from_day): the nth weekday of the month on or after that day (Thanksgiving)
    nth_weekday: tuple[int, int, int, int] | None = None
    week_of: bool = False  # the week that holds the day: "the week of March 6", "Easter week"
    unit: Unit | None = None  # deictic unit
    shift: int = 0  # how many units from the anchor ("hier": -1)
    from_ref: bool = False  # counted from the last date the text mentioned ("le lendemain")
    side: Side = NEUTRAL  # PAST for "dernier"/"last", FUTURE for "prochain"/"next"
    mod: Mod | None = None  # début, mi-, fin
    flags: tuple[str, ...] = ()

    @property
    def is_clock(self) -> bool:
        return self.hour is not None and self.unit is None and self.weekday is None and self.day is None

    @property
    def needs_tense(self) -> bool:
        """Whether the clause's tense can change the value (a bare weekday, month or season)."""
        if self.unit == "weekend" and self.shift == 0 and not self.from_ref:
            return True  # "ce week-end" on a Tuesday: the one just past, unless the verb looks ahead
        if self.literal or self.year is not None or self.unit is not None:
            return False
        if self.weekday is not None and self.day is not None:
            return False  # "lundi 6": the number and the weekday fix it
        return self.weekday is not None or self.month is not None or self.season is not None or self.moveable

    @property
    def is_plain_day(self) -> bool:
        """A day with no part of day or clock time yet ("hier", "mardi", "le 3 juin")."""
        day_level = self.day is not None or self.weekday is not None or self.unit == "day" or self.moveable
        return day_level and self.literal is None and self.part is None and self.hour is None and not self.week_of

    @property
    def moveable(self) -> bool:
        """A feast whose day changes with the year (Easter, Thanksgiving)."""
        return self.easter is not None or self.nth_weekday is not None


@dataclass(frozen=True)
class Candidate:
    """A rule's match: offsets into the text, what it means, and how much the rule is trusted."""

    start: int
    end: int
    spec: Spec
    rule: str
