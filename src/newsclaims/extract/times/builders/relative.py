"""Builders of times counted from the publication date or from the last date the text gave:
deictic and anaphoric days, "this"/"last"/"next" units, counts of units ago or ahead, vague
references."""

from __future__ import annotations

import re

from newsclaims.extract.times.builders.read import (
    Match,
    duration_value,
    group,
    mod,
    part,
    side,
    word,
    words_to_number,
)
from newsclaims.extract.times.scan import Built, Reject, Scan
from newsclaims.extract.times.spec import Spec
from newsclaims.languages.times_data import DurationUnit, Unit

COUNTED_FROM_AN_EVENT = Reject("counted from an event, not from a date")
A_CONJUNCTION = Reject("a conjunction: the day is the clause's")
NOT_A_DATE = Reject("a unit of something else, not a date")
NOT_A_WHOLE_COUNT = Reject("not a whole count of units")
NOT_LISTED = Reject("not a listed phrase")

_WORD_NEXT = re.compile(r"\s*\w")
# A unit as a stretch of time: "over the next decade" lasts a decade.
_UNIT_DURATIONS: dict[Unit, DurationUnit] = {
    "day": "D",
    "week": "W",
    "weekend": "D",
    "month": "M",
    "quarter": "Q",
    "half": "HY",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}


def deictic_day(m: Match, scan: Scan) -> Built:
    """A day ``w`` counted from the publication date ("hier", "tonight"), with a part of day
    ``part``; or ``this`` and a part of day ``tpart`` ("this morning"). "Today" set off at the head of
    a present-tense clause, or an era word after ``cues.era_before``, is a vague present or future."""
    lex = scan.lex
    if group(m, "this"):
        return Spec(type="TIME", unit="day", shift=0, part=part(lex, m, ("tpart",)))
    w = word(m, "w") or ""
    shift, own_part = lex.deictic_days[w]
    era = lex.deictic_eras.get(w)
    if era is not None and not group(m, "part") and scan.word_before(m.start("t")) in lex.cues.era_before:
        return Spec(literal=era, granularity="ref")  # "la France d'aujourd'hui", "le monde de demain"
    if shift == 0 and own_part is None and m.end("t") == m.end("w") and scan.nowadays(m.start("t"), m.end("t")):
        return Spec(literal="PRESENT_REF", granularity="ref")
    if own_part is not None:
        return Spec(type="TIME", unit="day", shift=shift, part=own_part)
    p = part(lex, m)
    return Spec(type="TIME" if p else "DATE", unit="day", shift=shift, part=p)


def anaphoric_day(m: Match, scan: Scan) -> Built:
    """A day ``w`` counted from the last date the text gave ("le lendemain", "the next morning"),
    with a part of day ``part``."""
    lex = scan.lex
    of_event = lex.checks.anaphoric_of_event
    of = of_event.match(scan.text, m.end("t")) if of_event is not None else None
    if of and scan.pos_at(of.start(1)) not in ("VERB", "AUX"):
        return COUNTED_FROM_AN_EVENT  # "la veille du scrutin" ("la veille d'envahir" is not)
    w = word(m, "w") or ""
    if w in lex.cues.clause_anaphors and _WORD_NEXT.match(scan.text, m.end("t")):
        return A_CONJUNCTION  # "the day before he left"
    shift, own_part = lex.anaphoric_days[w]
    p = part(lex, m) or own_part
    return Spec(type="TIME" if p else "DATE", unit="day", shift=shift, from_ref=True, part=p)


def this_part_of_day(m: Match, scan: Scan) -> Built:
    """'ce soir' (today's), 'ce soir-là' (``ref``: of the last day the text gave): a ``part`` of day."""
    p = part(scan.lex, m)
    return Spec(type="TIME", unit="day", shift=0, part=p, from_ref=bool(group(m, "ref")))


def ref_part_of_day(m: Match, scan: Scan) -> Built:
    """'dans la soirée', 'en fin de journée': a part of day (``part`` to ``part4``) of the last day
    the text gave."""
    p = part(scan.lex, m, ("part", "part2", "part3", "part4"))
    return Spec(type="TIME", unit="day", shift=0, part=p, from_ref=True)


def this_unit(m: Match, scan: Scan) -> Built:
    """'cette semaine', 'the weekend': the current unit ``u``; of the last date given with ``ref``."""
    return Spec(unit=scan.lex.units[word(m, "u") or ""], shift=0, from_ref=bool(group(m, "ref")))


def unit_by_direction(m: Match, scan: Scan) -> Built:
    """A unit ``u`` with a direction ``dir`` ("la semaine dernière", "next year") and a modifier
    ``mod``. After a preposition of span, "the" (group ``def`` inside ``dir``) makes a stretch of time:
    "over the next decade"."""
    lex = scan.lex
    unit: Unit = lex.units[word(m, "u") or ""]
    direction = word(m, "dir")
    article = word(m, "def")
    if article and direction:
        if scan.word_before(m.start("t")) in lex.cues.span_prepositions and not group(m, "mod"):
            literal = duration_value(1, _UNIT_DURATIONS[unit])
            return Spec(type="DURATION", literal=literal, granularity="duration")
        direction = direction[len(article) :].lstrip()
    s, from_ref = side(lex, direction)
    return Spec(unit=unit, shift=s, from_ref=from_ref, mod=mod(lex, m))


def unit_with_mod(m: Match, scan: Scan) -> Built:
    """'début 2024', 'fin de l'été dernier', 'mi-juin de l'année prochaine': a modifier ``mod`` of a
    ``year``, a season or a unit ``u``, with a direction ``dir``."""
    lex = scan.lex
    u = word(m, "u") or ""
    md = mod(lex, m)
    s, from_ref = side(lex, word(m, "dir"))
    y = group(m, "year")
    if y:
        return Spec(year=int(y), mod=md)
    if u in lex.seasons:
        return Spec(season=lex.seasons[u], side=s, mod=md)
    return Spec(unit=lex.units[u], shift=s, from_ref=from_ref, mod=md)


def count_of_units(m: Match, scan: Scan) -> Built:
    """A count ``n`` of units ``u`` back from the publication date (with ``ago``) or ahead of it."""
    lex = scan.lex
    back = bool(group(m, "ago"))
    if not back and lex.cues.not_date_after and scan.word_after(m.end("t")).lower() in lex.cues.not_date_after:
        return NOT_A_DATE  # "dans un jour de chance"
    n = words_to_number(lex, m.group("n"))
    unit = lex.units.get(word(m, "u") or "")
    if n is None or unit is None or n != int(n):
        return NOT_A_WHOLE_COUNT
    shift = -int(n) if back else int(n)
    if unit == "decade":
        return Spec(unit="year", shift=10 * shift)
    if unit == "century":
        return Spec(unit="year", shift=100 * shift)
    return Spec(unit=unit, shift=shift)


def ref_phrase(m: Match, scan: Scan) -> Built:
    """A vague reference the pack lists (``t``): "actuellement" PRESENT_REF, "recently" PAST_REF."""
    value = scan.lex.refs.get(word(m, "t") or "")
    if value is None:
        return NOT_LISTED
    return Spec(literal=value, granularity="ref")


def vague_past(m: Match, scan: Scan) -> Built:
    """'il y a quelques jours': some time ago."""
    return Spec(literal="PAST_REF", granularity="ref")


def vague_future(m: Match, scan: Scan) -> Built:
    """'les prochains jours', 'in the coming weeks': some time ahead."""
    return Spec(literal="FUTURE_REF", granularity="ref")
