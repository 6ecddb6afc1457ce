"""Builders of clock times, durations and sets (what recurs: "chaque lundi", "every morning")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from newsclaims.extract.times.builders.read import Match, duration_value, group, word, words_to_number
from newsclaims.extract.times.scan import Built, Reject, Scan
from newsclaims.extract.times.spec import Spec

V = TypeVar("V")

A_DURATION = Reject("a duration, not a clock time")
NOT_WRITTEN = Reject("a spelled number before a unit symbol")
NO_SUCH_HOUR = Reject("no such hour")
A_BARE_NUMBER = Reject("a bare number, no minutes and no am/pm")
AN_AGE = Reject("an age")
AN_ORDINAL = Reject("an ordinal, not a count")
SOME_DAY = Reject("some day, not a day long")
NOT_A_COUNT = Reject("not a count of units, or too large for a stretch of time")
THE_END_OF_SOMETHING = Reject("the end of something else")
NOT_A_UNIT = Reject("not a unit that recurs")
A_TITLE = Reject("a quoted title")
_QUOTES_BEFORE = frozenset("\"“«‘'")

_LONG_UNITS = frozenset(["Y", "M", "W", "DE", "CE"])


def clock_word_hours(m: Match, scan: Scan) -> Built:
    """'18 h 30', 'huit heures du soir', 'dix heures et quart': an hour ``h`` (digits or words) and
    its unit word ``hw``, minutes ``m`` or a fraction ``frac``, a part of day ``pod``. A spelled unit
    ("heures") needs a cue before it or a part of day after it, else it counts hours."""
    lex, cues = scan.lex, scan.lex.cues
    cue = scan.word_before(m.start("t"))
    spelled = (word(m, "hw") or "") in cues.spelled_hour_words
    pod, frac = word(m, "pod"), word(m, "frac")
    if spelled and cue not in cues.hour_cues and not (pod or frac):
        return A_DURATION  # "dix heures de négociations"
    if not spelled and not m.group("h")[0].isdigit():
        return NOT_WRITTEN  # "deux h"
    clock = lex.checks.round_the_clock_after
    if cue in cues.duration_cues or (clock is not None and clock.match(scan.text, m.end("t"))):
        return A_DURATION  # "pendant 48 h", "24 h/24"
    hour = int(words_to_number(lex, m.group("h")) or 0)
    minute = int(m.group("m")) if m.group("m") else 0
    if frac:
        past = lex.clock_fractions[frac]
        hour, minute = (hour - 1, 60 + past) if past < 0 else (hour, past)
    if pod in cues.pm_clock_parts and hour < 12:
        hour += 12  # "huit heures du soir"
    return Spec(type="TIME", hour=hour, minute=minute)


def clock_ampm(m: Match, scan: Scan) -> Built:
    """'3 p.m.', '15:00': an hour ``h`` with minutes ``m`` or ``ampm``."""
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ampm = (group(m, "ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if hour > 12:
            return NO_SUCH_HOUR
        hour = hour % 12 + (12 if ampm in scan.lex.cues.pm_markers else 0)
    elif m.group("m") is None:
        return A_BARE_NUMBER
    return Spec(type="TIME", hour=hour, minute=minute)


def clock_word(m: Match, scan: Scan) -> Built:
    """'midi', 'midnight': a word ``w`` that names an hour."""
    return Spec(type="TIME", hour=scan.lex.clock_words[word(m, "w") or ""], minute=0)


def duration(m: Match, scan: Scan) -> Built:
    """A count ``n`` of units ``u``, with a qualifier ``q`` ("environ", "about"); ages, ordinals and
    "some day" are set aside by the pack's cues."""
    lex, cues, checks = scan.lex, scan.lex.cues, scan.lex.checks
    start = m.start("t")
    if checks.age_after is not None and checks.age_after.match(scan.text, m.end("t")):
        return AN_AGE  # "38 years old"
    count = word(m, "n") or ""
    unit = lex.duration_units[word(m, "u") or ""]
    if (group(m, "u") or "")[:1].isupper() and scan.text[start - 1 : start] in _QUOTES_BEFORE:
        return A_TITLE  # on CBS's "60 Minutes"
    before = scan.word_before(start)
    if unit in ("Y", "M"):
        if before in cues.age_before or before in cues.have_forms:
            return AN_AGE  # "un homme de 38 ans", "il a 38 ans"
        mark = scan.before(start).rstrip()[-1:]
        # "Jean Dupont, 87 ans"; a count that opens the text (a title: "87 ans, ...") reads so too
        if cues.age_before_marks and (not mark or mark in cues.age_before_marks):
            return AN_AGE
        if checks.age_range_before is not None and checks.age_range_before.search(scan.before(start)):
            return AN_AGE  # "âgées de 18 à 25 ans"
    if group(m, "q") and before in cues.age_group_before:
        return AN_AGE  # "les moins de 17 ans": an age group
    if count in cues.indefinite_articles:
        if "noun_after_one" in lex.parse_checks and scan.pos_after(m.end("t")) == "NOUN":
            return AN_ORDINAL  # "une seconde fois"
        if word(m, "u") in cues.ordinal_unit_words:
            after = scan.word_after(m.end("t"))
            if after[:1].islower() and after not in cues.span_followers:
                return AN_ORDINAL  # "a second vote" ("a second later" stays)
        if unit in cues.some_day_units and not group(m, "q") and before not in cues.duration_cues:
            return SOME_DAY  # "il reviendra un jour"
    if count in cues.bare_plural_counts and unit not in _LONG_UNITS:
        return NOT_A_COUNT  # "des heures" is too vague to read
    n: float | None
    if count in cues.vague_counts:
        n = None
    else:
        fraction = next((v for prefix, v in lex.count_fractions.items() if count.startswith(prefix)), None)
        n = fraction if fraction is not None else words_to_number(lex, count)
        if n is None or n > 1000:
            return NOT_A_COUNT
    return Spec(type="DURATION", literal=duration_value(n, unit), granularity="duration")


def recent_stretch(m: Match, scan: Scan) -> Built:
    """'ces derniers jours', 'les trois derniers mois', 'les deux prochaines années': a stretch of
    time reaching up to now or starting from it; counts ``n0`` or ``n``, unit ``u``."""
    lex, cues = scan.lex, scan.lex.cues
    first = m.group("t").lower().split(maxsplit=1)[0]
    if first not in cues.recent_determiners and scan.word_after(m.end("t")).lower() in cues.of_words:
        return THE_END_OF_SOMETHING  # "les derniers jours de la campagne"
    unit = lex.duration_units[word(m, "u") or ""]
    count = group(m, "n0") or group(m, "n")
    n = words_to_number(lex, count) if count else None
    return Spec(type="DURATION", literal=duration_value(n, unit), granularity="duration")


def _find(table: Mapping[str, V], w: str, endings: tuple[str, ...]) -> V | None:
    """The entry of ``w``, or of ``w`` without a plural ending ("lundis")."""
    if w in table:
        return table[w]
    stem = next((w[: -len(e)] for e in endings if w.endswith(e) and w[: -len(e)] in table), None)
    return table[stem] if stem is not None else None


def every(m: Match, scan: Scan) -> Built:
    """'chaque lundi', 'tous les deux mois', 'par jour', 'every morning': a unit ``u`` or ``pu``
    (a weekday, a part of day, a season or a duration unit), every ``n`` of them."""
    lex = scan.lex
    w = word(m, "u") or word(m, "pu") or ""
    n = words_to_number(lex, m.group("n")) if group(m, "n") else 1
    endings = lex.cues.plural_endings
    wd = _find(lex.weekdays, w, endings)
    if wd is not None:
        return Spec(type="SET", literal=f"XXXX-WXX-{wd}", granularity="set")
    p = _find(lex.parts_of_day, w, endings)
    if p is not None:
        return Spec(type="SET", literal=f"XXXX-XX-XXT{p}", granularity="set")
    s = _find(lex.seasons, w, endings)
    if s is not None:
        return Spec(type="SET", literal=f"XXXX-{s}", granularity="set")
    unit = _find(lex.duration_units, w, endings)
    if unit is None or n is None:
        return NOT_A_UNIT
    return Spec(type="SET", literal=duration_value(n, unit), granularity="set")
