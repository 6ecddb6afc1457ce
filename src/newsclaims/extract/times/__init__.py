"""Times: every expression that places something on the calendar, as a TIMEX3 value.

One pass of precompiled rules over the text finds the expressions (longest match wins). Each is
then resolved in text order against the publication date, the tense of its clause, and what the
text has said so far: the last day mentioned anchors "le lendemain" and a bare "18 h", the last
date of any precision anchors "cette année-là", and a year given in a sentence dates the yearless
days and months after it in that sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import date

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.times import rules_en, rules_fr
from newsclaims.extract.times.resolve import Resolved, resolve
from newsclaims.extract.times.rules import Rule, Scan, longest_first, run_rules
from newsclaims.extract.times.spec import NEUTRAL, Candidate, Spec
from newsclaims.extract.times.tense import clause_tense
from newsclaims.records import TimeExpr

__all__ = ["extract_times"]

VERSION = "1"
RULES: dict[str, tuple[Rule, ...]] = {"fr": rules_fr.RULES, "en": rules_en.RULES}

_POINT_VALUE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?![0-9])")
# A clock time and the day right after it are one point in time ("4 h mardi", "15:00 GMT Saturday");
# a day followed by its time ("mardi à 4 h") stays two expressions, as TimeML annotates it.
_CLOCK_THEN_DAY = re.compile(r"^\s+(?:on\s+)?$", re.IGNORECASE)
# What may stand between a day and the clock time it dates ("hier à 18 h", "Friday at 3 p.m.")...
_DAY_TO_CLOCK = re.compile(
    r"^[\s,]*(?:(?:à|a|vers|dès|aux\s+alentours\s+de|peu\s+avant|peu\s+après|at|around|about|by|from|until)\s+)?$",
    re.IGNORECASE,
)
# ...and between a clock time and the day after it that dates it ("18 h, hier", "(3 h 25 UTC) jeudi").
_CLOCK_TO_DAY = re.compile(r"^[\s,)]*(?:(?:on|ce)\s+)?$", re.IGNORECASE)
_COARSE_UNITS = ("month", "quarter", "half", "year", "decade", "century")


def extract_times(doc: Doc, ctx: Context) -> list[TimeExpr]:
    """Time expressions of ``doc`` with offsets into ``doc.text``, resolved against ``ctx.published``."""
    rules = RULES.get(ctx.lang, rules_fr.RULES)
    text = doc.text
    parsed = doc.has_annotation("DEP")  # checked once: the check walks every token
    candidates = longest_first(run_rules(rules, Scan(text, doc, parsed)))
    candidates = _with_sentence_years(_join_clock_and_day(candidates, text), doc)
    return _Resolver(doc, text, candidates, ctx.published, parsed).run()


def _join_clock_and_day(candidates: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(candidates):
        cur, nxt = candidates[i], candidates[i + 1] if i + 1 < len(candidates) else None
        if (
            nxt is not None
            and cur.spec.is_clock
            and nxt.spec.is_plain_day
            and _CLOCK_THEN_DAY.match(text[cur.end : nxt.start])
        ):
            day, clock = nxt.spec, cur.spec
            spec = dataclasses.replace(day, type="TIME", hour=clock.hour, minute=clock.minute)
            out.append(Candidate(cur.start, nxt.end, spec, f"{cur.rule}+{nxt.rule}"))
            i += 2
        else:
            out.append(cur)
            i += 1
    return out


def _with_sentence_years(candidates: list[Candidate], doc: Doc) -> list[Candidate]:
    """A yearless day or month takes the year a dated day or month gave earlier in its sentence."""
    try:
        sentence_starts = [s.start_char for s in doc.sents]
    except ValueError:  # a Doc without sentence boundaries: one sentence
        sentence_starts = [0]
    given: tuple[int, int] | None = None  # (sentence, year)
    out = []
    for cand in candidates:
        spec = cand.spec
        sentence = bisect.bisect_right(sentence_starts, cand.start)
        if spec.year is not None and spec.month is not None:
            given = (sentence, spec.year)
        elif _takes_sentence_year(spec) and given and given[0] == sentence:
            cand = dataclasses.replace(cand, spec=dataclasses.replace(spec, year=given[1]))
        out.append(cand)
    return out


def _takes_sentence_year(spec: Spec) -> bool:
    return spec.year is None and spec.month is not None and spec.unit is None and spec.side == NEUTRAL


class _Resolver:
    """Resolves candidates in text order, keeping what the text has said so far."""

    def __init__(self, doc: Doc, text: str, candidates: list[Candidate], anchor: date | None, parsed: bool) -> None:
        # doc.text is rebuilt from the tokens at each access: the caller's copy is passed in
        self.doc, self.text, self.candidates, self.anchor, self.parsed = doc, text, candidates, anchor, parsed
        self.done: dict[int, Resolved] = {}  # a clock time may resolve the day after it early
        self.last_day: date | None = None  # "le lendemain", a bare "18 h"
        self.last_day_para = -1  # a bare clock time looks no further back than its paragraph
        self.last_point: date | None = None  # the last date of any precision: "cette année-là"
        self.line_starts = [m.end() for m in re.finditer(r"\n", self.text)]

    def run(self) -> list[TimeExpr]:
        out = []
        for i, cand in enumerate(self.candidates):
            para = bisect.bisect_right(self.line_starts, cand.start)
            if i not in self.done:
                self.done[i] = self._resolve(cand, self._reference(i, para))
            res = self.done[i]
            self._note(res.value, para)
            out.append(self._record(cand, res))
        return out

    def _reference(self, i: int, para: int) -> date | None:
        spec = self.candidates[i].spec
        if spec.is_clock:
            return self._clock_day(i, para)
        if spec.from_ref and spec.unit in _COARSE_UNITS:
            return self.last_point
        return self.last_day

    def _clock_day(self, i: int, para: int) -> date | None:
        """The day a clock time belongs to: the day just before it ("hier à 18 h"), else the day just
        after it ("18 h, hier"), else the last day of its paragraph; None leaves the anchor."""
        cand = self.candidates[i]
        if i > 0 and _DAY_TO_CLOCK.match(self.text[self.candidates[i - 1].end : cand.start]):
            day = _day_of(self.done[i - 1].value)
            if day is not None:
                return day
        if i + 1 < len(self.candidates):
            nxt = self.candidates[i + 1]
            if not nxt.spec.is_clock and _CLOCK_TO_DAY.match(self.text[cand.end : nxt.start]):
                self.done[i + 1] = self._resolve(nxt, self.last_day)
                day = _day_of(self.done[i + 1].value)
                if day is not None:
                    return day
        return self.last_day if self.last_day_para == para else None

    def _resolve(self, cand: Candidate, ref: date | None) -> Resolved:
        spec = cand.spec
        tense = NEUTRAL
        if self.anchor is not None and spec.needs_tense and spec.side == NEUTRAL:
            tense = clause_tense(self.doc, cand.start, cand.end, self.parsed)
        return resolve(spec, self.anchor, tense, ref)

    def _note(self, value: str | None, para: int) -> None:
        point = _point_of(value)
        if point is None:
            return
        self.last_point = point
        if len(value or "") >= 10 and (value or "")[7] == "-":
            self.last_day, self.last_day_para = point, para

    def _record(self, cand: Candidate, res: Resolved) -> TimeExpr:
        spec = cand.spec
        uses_anchor = self.anchor is not None and spec.literal is None and (spec.year is None or spec.unit is not None)
        return TimeExpr(
            text=self.text[cand.start : cand.end],
            start=cand.start,
            end=cand.end,
            type=spec.type,
            value=res.value,
            granularity=res.granularity,
            anchor=self.anchor.isoformat() if uses_anchor and self.anchor else None,
            flags=res.flags,
            version=VERSION,
            mod=spec.mod,
        )


def _point_of(value: str | None) -> date | None:
    """The first day of the year, month or day a value names ("2006" -> 2006-01-01)."""
    m = _POINT_VALUE.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _day_of(value: str | None) -> date | None:
    """The day a day-level value names ("2024-10-31", "2024-10-31TEV"), else None."""
    if value is None or len(value) < 10 or value[7:8] != "-":
        return None
    return _point_of(value)
