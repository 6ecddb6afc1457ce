"""Times: every expression that places something on the calendar, as a TIMEX3 value.

The words, the patterns and the ordered rules are the language pack's (``times.toml``, compiled once
per pack by ``lexicon_for``); the builders that read a rule's match (``builders/``), the scan and
the resolution are the grammar, the same for every language.

One pass of the rules over the text finds the expressions (longest match wins). Each is
then resolved in text order against the publication date, the tense of its clause, and what the
text has said so far: the last day mentioned anchors "le lendemain" and a bare "18 h", the last
date of any precision anchors "cette année-là", and a year given in a sentence dates the yearless
days and months after it in that sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping
from datetime import date

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.quotes import find_quotes
from newsclaims.extract.times.lexicon import TimeLexicon, lexicon_for, rules_for
from newsclaims.extract.times.resolve import Resolved, resolve
from newsclaims.extract.times.scan import Scan, longest_first, run_rules
from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST, Candidate, Spec
from newsclaims.extract.times.tense import clause_tense
from newsclaims.records import Dropped, TimeExpr
from newsclaims.tokenizer import doc_text

__all__ = ["extract_times", "lexicon_for", "rules_for"]

VERSION = "1"

_POINT_VALUE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?![0-9])")
_COARSE_UNITS = ("month", "quarter", "half", "year", "decade", "century")
# Direct quotes on one line: “…”, « … », "…".
_SENTENCE_END = re.compile(r"[.!?\n][^.!?\n]*$")


def extract_times(doc: Doc, ctx: Context, dropped: list[Dropped] | None = None) -> list[TimeExpr]:
    """Time expressions of ``doc`` with offsets into ``doc.text``, resolved against ``ctx.published``,
    found by the rules of the language's pack (``UnsupportedLanguage`` when no pack reads it).
    Matches a rule's builder set aside are added to ``dropped`` with the reason, when it is a list."""
    lex = lexicon_for(ctx.pack)
    text = doc_text(doc)
    parsed = doc.has_annotation("DEP")  # checked once: the check walks every token
    candidates = longest_first(run_rules(lex.rules, Scan(text, lex, doc, parsed), dropped))
    candidates = _join_clock_and_day(candidates, text, lex)
    candidates = _with_sentence_years(candidates, doc, text, lex, ctx.published, parsed)
    quote_pairs = ctx.pack.statements.quote_pairs
    return _Resolver(doc, text, lex, candidates, ctx.published, parsed, quote_pairs).run()


def _join_clock_and_day(candidates: list[Candidate], text: str, lex: TimeLexicon) -> list[Candidate]:
    """A clock time and the day right after it are one point in time ("4 h mardi", "15:00 GMT
    Saturday"); a day followed by its time ("mardi à 4 h") stays two expressions, as TimeML has it."""
    out: list[Candidate] = []
    i = 0
    while i < len(candidates):
        cur, nxt = candidates[i], candidates[i + 1] if i + 1 < len(candidates) else None
        if (
            nxt is not None
            and cur.spec.is_clock
            and nxt.spec.is_plain_day
            and lex.clock_then_day.match(text[cur.end : nxt.start])
        ):
            day, clock = nxt.spec, cur.spec
            spec = dataclasses.replace(day, type="TIME", hour=clock.hour, minute=clock.minute)
            out.append(Candidate(cur.start, nxt.end, spec, f"{cur.rule}+{nxt.rule}"))
            i += 2
        else:
            out.append(cur)
            i += 1
    return out


def _with_sentence_years(
    candidates: list[Candidate], doc: Doc, text: str, lex: TimeLexicon, anchor: date | None, parsed: bool
) -> list[Candidate]:
    """A yearless day or month takes the year a dated day or month gave earlier in its sentence,
    unless its own clause's tense points the other way ("le compte de mars 2024 sera examiné
    mi-juin": the future puts June after the publication date, whatever year the noun carried)."""
    try:
        sentence_starts = [s.start_char for s in doc.sents]
    except ValueError:  # a Doc without sentence boundaries: one sentence
        sentence_starts = [0]
    given: tuple[int, int] | None = None  # (sentence, year)
    out = []
    for cand in candidates:
        spec = cand.spec
        sentence = bisect.bisect_right(sentence_starts, cand.start)
        if spec.year is not None and (spec.month is not None or _year_of_the_event(spec, cand, text, lex)):
            given = (sentence, spec.year)
        elif (
            _takes_sentence_year(spec)
            and given
            and given[0] == sentence
            and not _tense_rules_out(doc, cand, given[1], lex, anchor, parsed)
        ):
            cand = dataclasses.replace(cand, spec=dataclasses.replace(spec, year=given[1]))
        out.append(cand)
    return out


def _year_of_the_event(spec: Spec, cand: Candidate, text: str, lex: TimeLexicon) -> bool:
    """A year alone that dates the clause ("en 1997, en janvier puis en octobre"), not a noun
    ("le compte de 2024", "le budget 2024")."""
    plain_year = spec.unit is None and spec.quarter is None and spec.season is None and spec.literal is None
    return plain_year and lex.event_year_before.search(text, max(0, cand.start - 8), cand.start) is not None


def _tense_rules_out(doc: Doc, cand: Candidate, year: int, lex: TimeLexicon, anchor: date | None, parsed: bool) -> bool:
    """Whether the tense of the candidate's clause contradicts ``year``: a future verb in a year
    already past, a past verb in a year still to come."""
    if anchor is None or year == anchor.year:
        return False
    tense = clause_tense(doc, cand.start, cand.end, lex, parsed)
    return (tense == FUTURE and year < anchor.year) or (tense == PAST and year > anchor.year)


def _takes_sentence_year(spec: Spec) -> bool:
    return spec.year is None and spec.month is not None and spec.unit is None and spec.side == NEUTRAL


class _Resolver:
    """Resolves candidates in text order, keeping what the text has said so far."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        lex: TimeLexicon,
        candidates: list[Candidate],
        anchor: date | None,
        parsed: bool,
        quote_pairs: Mapping[str, str],
    ) -> None:
        # doc.text is rebuilt from the tokens at each access: the caller's copy is passed in
        self.doc, self.text, self.lex, self.candidates = doc, text, lex, candidates
        self.quote_pairs = quote_pairs  # the pack's quotation marks: the same quotations statements read
        self.anchor, self.parsed = anchor, parsed
        self.done: dict[int, Resolved] = {}  # a clock time may resolve the day after it early
        self.last_day: date | None = None  # "le lendemain", a bare "18 h"
        self.last_day_para = -1  # a bare clock time looks no further back than its paragraph
        self.last_point: date | None = None  # the last date of any precision: "cette année-là"
        self.line_starts = [m.end() for m in re.finditer(r"\n", self.text)]
        self.spoken: dict[int, date] = {}  # quoted deictics: the day the words were spoken

    def _speaking_days(self) -> None:
        """A deictic inside a direct quote ("“Tonight, this city chose…,” Okafor told supporters late
        Sunday") counts from the day the words were spoken when the reporting clause gives it."""
        if self.anchor is None:
            return
        starts = [c.start for c in self.candidates]
        for q in find_quotes(self.text, self.quote_pairs):
            # Direct quotes on one line: a quotation that runs over paragraphs has no one day.
            if not q.closed or "\n" in self.text[q.open : q.close]:
                continue
            inside = [
                i
                for i in range(bisect.bisect_left(starts, q.open), bisect.bisect_left(starts, q.close))
                if _counts_from_anchor(self.candidates[i].spec)
            ]
            if not inside:
                continue
            day = self._speaking_day(q.open, q.close)
            if day is not None:
                self.spoken.update((i, day) for i in inside)

    def _speaking_day(self, q_start: int, q_end: int) -> date | None:
        """The day the reporting clause around a quote names: after it (", a-t-il dit dimanche soir")
        or, when a colon leads into the quote, before it ("Okafor said late Sunday: “…”")."""
        assert self.anchor is not None
        tail = re.compile(r"[ \t\u00a0]*,?").match(self.text, q_end)  # past the comma that closes the quote
        # The reporting clause runs to the end of the sentence, a comma that opens a new clause, or
        # "that"/"que" (what follows is reported, not the time of speaking).
        after = self.lex.quote_clause_end.search(self.text, tail.end() if tail else q_end)
        zones = [(q_end, after.start() if after else len(self.text), False)]
        lead = self.text[max(0, q_start - 200) : q_start]
        if lead.rstrip().endswith(":"):
            end = _SENTENCE_END.search(lead)
            zones.append((q_start - len(lead) + (end.start() + 1 if end else 0), q_start, True))
        for lo, hi, nearest_last in zones:
            inside = [c for c in self.candidates if lo <= c.start and c.end <= hi]
            for cand in reversed(inside) if nearest_last else inside:
                if cand.spec.from_ref or cand.spec.is_clock:
                    continue
                day = _day_of(self._resolve(cand, None).value)
                if day is not None and day <= self.anchor:  # words are spoken before they are printed
                    return day
        return None

    def run(self) -> list[TimeExpr]:
        self._speaking_days()
        out = []
        for i, cand in enumerate(self.candidates):
            para = bisect.bisect_right(self.line_starts, cand.start)
            if i not in self.done:
                self.done[i] = self._resolve(cand, self._reference(i, para), self.spoken.get(i))
            res = self.done[i]
            self._note(res.value, para)
            out.append(self._record(cand, res, self.spoken.get(i)))
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
        if i > 0 and self.lex.day_to_clock.match(self.text[self.candidates[i - 1].end : cand.start]):
            day = _day_of(self.done[i - 1].value)
            if day is not None:
                return day
        if i + 1 < len(self.candidates):
            nxt = self.candidates[i + 1]
            between = self.text[cand.end : nxt.start]
            dated_clock = nxt.spec.hour is not None and self.lex.clock_range.match(
                between
            )  # "entre 0 h 30 et 4 h mardi"
            if not nxt.spec.is_clock and (self.lex.clock_to_day.match(between) or dated_clock):
                self.done[i + 1] = self._resolve(nxt, self.last_day)
                day = _day_of(self.done[i + 1].value)
                if day is not None:
                    return day
        return self.last_day if self.last_day_para == para else None

    def _resolve(self, cand: Candidate, ref: date | None, anchor: date | None = None) -> Resolved:
        spec = cand.spec
        anchor = anchor or self.anchor
        tense = NEUTRAL
        if anchor is not None and spec.needs_tense and spec.side == NEUTRAL:
            tense = clause_tense(self.doc, cand.start, cand.end, self.lex, self.parsed)
        return resolve(spec, anchor, tense, ref)

    def _note(self, value: str | None, para: int) -> None:
        point = _point_of(value)
        if point is None:
            return
        self.last_point = point
        if len(value or "") >= 10 and (value or "")[7] == "-":
            self.last_day, self.last_day_para = point, para

    def _record(self, cand: Candidate, res: Resolved, spoken: date | None = None) -> TimeExpr:
        spec = cand.spec
        anchor = spoken or self.anchor
        uses_anchor = anchor is not None and spec.literal is None and (spec.year is None or spec.unit is not None)
        return TimeExpr(
            text=self.text[cand.start : cand.end],
            start=cand.start,
            end=cand.end,
            type=spec.type,
            value=res.value,
            granularity=res.granularity,
            anchor=anchor.isoformat() if uses_anchor and anchor else None,
            flags=res.flags,
            version=VERSION,
            mod=spec.mod,
            rule=cand.rule,
        )


def _counts_from_anchor(spec: Spec) -> bool:
    """A deictic counted from the moment of writing or speaking ("ce soir", "tomorrow", "la semaine
    prochaine"), not from a date the text gave."""
    return spec.unit in ("day", "week", "weekend") and not spec.from_ref and spec.literal is None


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
