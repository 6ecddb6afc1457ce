"""Builders of times coarser than a day: months, years, decades, centuries, seasons, quarters."""

from __future__ import annotations

from newsclaims.extract.times.builders.days import ADDRESS
from newsclaims.extract.times.builders.read import (
    Match,
    decade_digits,
    group,
    mod,
    month_number,
    roman_to_int,
    side,
    word,
    year,
)
from newsclaims.extract.times.scan import Built, Reject, Scan
from newsclaims.extract.times.spec import NEUTRAL, Spec
from newsclaims.extract.times.tense import clause_tense

CAPITALISED_NAME = Reject("a capitalised month name alone: a name")
UNCUED_AMBIGUOUS_MONTH = Reject("a month name that is also a common word, with no cue before it")
PART_OF_A_NUMBER = Reject("part of a number, an amount or a measure")
A_COUNT = Reject("a count of things, not a year")
OUT_OF_RANGE = Reject("a number outside 1900-2100 with no cue that makes it a year")
NOT_A_SPAN = Reject("not a span of years")
NO_SUCH_CENTURY = Reject("no such century")
BARE_SEASON = Reject("a bare season word")
EVENT_NAME = Reject("the name of an event")
NO_SUCH_PART = Reject("no such part of the year")


def month_name(m: Match, scan: Scan) -> Built:
    """A ``month`` with a ``year`` (or two-digit ``yy``), a modifier ``mod``, a determiner ``det``,
    a direction ``dir``, or alone (then a name or a common word is ruled out)."""
    lex, cues = scan.lex, scan.lex.cues
    month_s = m.group("month")
    plain = not any(group(m, g) for g in ("year", "yy", "mod", "det", "dir"))
    if plain and month_s[0].isupper() and not month_s.isupper() and month_s.lower() in cues.capitalised_month_names:
        return CAPITALISED_NAME  # "Mars" is the planet (French months are written in lower case)
    if plain and month_s.lower() in cues.ambiguous_months and scan.word_before(m.start("t")) not in cues.date_cues:
        return UNCUED_AMBIGUOUS_MONTH  # "May" the verb, "March" the walk
    if lex.checks.street_before is not None and lex.checks.street_before.search(scan.before(m.start("t"))):
        return ADDRESS
    return Spec(year=year(m), month=month_number(lex, month_s), side=side(lex, word(m, "dir"))[0], mod=mod(lex, m))


def year_(m: Match, scan: Scan) -> Built:
    """A ``year`` with a prefix ``pre`` ("l'an"), ``fy`` ("fiscal") or modifier ``mod``, or after a
    cue word; a bare number must look like a year and not count something."""
    lex, cues, checks = scan.lex, scan.lex.cues, scan.lex.checks
    start = m.start("t")
    before = scan.before(start)
    if (checks.number_before is not None and checks.number_before.search(before)) or (
        checks.not_year_after is not None and checks.not_year_after.match(scan.text, m.end("t"))
    ):
        return PART_OF_A_NUMBER  # "n° 2012", "2000 euros"
    cue = scan.word_before(start)
    strong = (
        any(group(m, g) for g in ("pre", "mod", "fy"))
        or cue in cues.year_strong
        or before.endswith(cues.year_strong_endings)
    )
    value = int(m.group("year"))
    if "count_before_noun" in lex.parse_checks and scan.counts_next_noun(m.start("year"), adjacent=strong):
        return A_COUNT  # "2000 soldats", "en 1500 mètres"
    if not strong:
        if cues.function_words:
            after = scan.word_after(m.end("t"))
            if (
                after
                and after[0].islower()
                and after.lower() not in cues.function_words
                and not after.endswith(cues.possessive_endings)
            ):
                return A_COUNT  # "2000 troops"
        if not 1900 <= value <= 2100 and cue not in cues.date_cues:
            return OUT_OF_RANGE
    return Spec(year=value, mod=mod(lex, m))


def year_range(m: Match, scan: Scan) -> Built:
    """'2002-2004', '1957-58': years ``y1`` and ``y2``, two years as TimeML annotates a range."""
    first, second = int(m.group("y1")), m.group("y2")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first or last - first > 100:
        return NOT_A_SPAN  # "1500-1200", "1990-2300"
    return [(m.start("y1"), m.end("y1"), Spec(year=first)), (m.start("y2"), m.end("y2"), Spec(year=last))]


def year_of_last_century(m: Match, scan: Scan) -> Built:
    """Two digits ``t`` that the pattern has placed as a year ("en 98,"): a year of the 1900s."""
    return Spec(year=1900 + int(m.group("t")))


def decade(m: Match, scan: Scan) -> Built:
    """A decade ``dec`` in digits ("1990", "60", "'60") or a word the pack lists, with ``mod``."""
    lex = scan.lex
    dec = (word(m, "dec") or "").lstrip("'")
    first_year = lex.decade_words.get(dec)
    return Spec(decade=first_year // 10 if first_year else decade_digits(dec), mod=mod(lex, m))


def century(m: Match, scan: Scan) -> Built:
    """A century in digits or Roman numerals ``c``, or a word ``cw`` the pack lists, with ``mod``."""
    lex = scan.lex
    cw, c = word(m, "cw"), group(m, "c")
    if cw:
        n = lex.century_words.get(cw)
    else:
        assert c is not None
        n = int(c) if c.isdigit() else roman_to_int(c)
    if not n or n > 30:
        return NO_SUCH_CENTURY
    return Spec(century=n - 1, mod=mod(lex, m))


def season(m: Match, scan: Scan) -> Built:
    """A season ``s`` after a preposition ``prep`` or a determiner ``det``, or with a ``year`` or a
    direction ``dir``; a bare season word is dropped, as are the names of events."""
    lex, cues = scan.lex, scan.lex.cues
    has_year, direction, det, prep = group(m, "year"), word(m, "dir"), group(m, "det"), word(m, "prep")
    s = word(m, "s") or ""
    if not (prep or det or has_year or direction):
        return BARE_SEASON  # "été" is mostly the participle of "être"
    if s in cues.season_verbs and not (direction or has_year):
        return BARE_SEASON  # "fall" the verb
    if not (has_year or direction):
        if "adjective_after_season" in lex.parse_checks and scan.pos_after(m.end("t")) == "ADJ":
            return EVENT_NAME  # "le printemps arabe", "l'hiver nucléaire"
        of = lex.checks.season_of.match(scan.text, m.end("t")) if lex.checks.season_of is not None else None
        if of and of.group(1).lower() not in cues.season_of_time:
            return EVENT_NAME  # "le printemps de l'environnement", "l'été du cinéma"
    value = lex.seasons[s]
    if (
        prep in cues.generic_season_prepositions
        and not (det or has_year or direction)
        and scan.doc is not None
        and scan.parsed
        and clause_tense(scan.doc, m.start("t"), m.end("t"), lex, scan.parsed) == NEUTRAL
    ):
        # "la demande augmente en été": a bare "en été" in the present is any summer, not one
        return Spec(literal=f"XXXX-{value}", granularity="season")
    return Spec(season=value, year=int(has_year) if has_year else None, side=side(lex, direction)[0], mod=mod(lex, m))


def quarter(m: Match, scan: Scan) -> Built:
    """A quarter or half: a letter ``q`` and a number ``qn`` ("T3 2024"), or an ordinal ``ord`` and a
    unit word ``u`` ("le premier semestre"); with a ``year`` or ``qyear``."""
    lex = scan.lex
    letter = word(m, "q")
    if letter:
        kind, n = lex.quarter_letters[letter], int(m.group("qn"))
    else:
        kind, n = lex.quarter_units[word(m, "u") or ""], lex.ordinals[word(m, "ord") or ""]
    value = f"Q{n}" if kind == "Q" else f"H{n}" if n <= 2 else None
    if value is None:
        return NO_SUCH_PART
    y = group(m, "year") or group(m, "qyear")
    if y:
        return Spec(year=int(y), quarter=value)
    return Spec(unit="year", shift=0, quarter=value)
