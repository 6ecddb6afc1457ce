"""A pack's ``times.toml`` made ready for the builders, once per pack: lookup tables keyed as
``key()`` writes a word, the compiled checks and links, and the rules paired with their builders."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import TypeVar

from newsclaims.extract.times.builders import BUILDERS
from newsclaims.extract.times.builders.read import key
from newsclaims.extract.times.scan import Rule
from newsclaims.languages import LanguagePack
from newsclaims.languages.patterns import words_pattern
from newsclaims.languages.times_data import (
    Checks,
    Cues,
    Direction,
    DurationUnit,
    Feast,
    Mod,
    ParseCheck,
    PartOfDay,
    QuarterKind,
    RefValue,
    Season,
    Tense,
    TimeData,
    Unit,
)

V = TypeVar("V")
DayShift = tuple[int, PartOfDay | None]  # days from the anchor, and the part of day the word names


def _table(entries: Mapping[str, V]) -> dict[str, V]:
    return {key(k): v for k, v in entries.items()}


def _shifts(entries: Mapping[str, int | tuple[int, PartOfDay]]) -> dict[str, DayShift]:
    return {key(k): (v, None) if isinstance(v, int) else (v[0], v[1]) for k, v in entries.items()}


@dataclass(frozen=True)
class CompiledChecks:
    """``Checks`` compiled; None for a check the pack leaves out."""

    street_before: re.Pattern[str] | None = None
    number_before: re.Pattern[str] | None = None
    not_year_after: re.Pattern[str] | None = None
    anaphoric_of_event: re.Pattern[str] | None = None
    age_range_before: re.Pattern[str] | None = None
    age_after: re.Pattern[str] | None = None
    season_of: re.Pattern[str] | None = None
    round_the_clock_after: re.Pattern[str] | None = None
    feast_name_before: re.Pattern[str] | None = None
    feast_name_after: re.Pattern[str] | None = None


assert {f.name for f in fields(CompiledChecks)} == set(Checks.model_fields)


@dataclass(frozen=True, eq=False)
class TimeLexicon:
    code: str
    number_language: str | None
    parse_checks: frozenset[ParseCheck]
    months: dict[str, int]  # names and abbreviations
    weekdays: dict[str, int]
    seasons: dict[str, Season]
    parts_of_day: dict[str, PartOfDay]
    deictic_days: dict[str, DayShift]
    deictic_eras: dict[str, RefValue]
    anaphoric_days: dict[str, DayShift]
    directions: dict[str, Direction]
    units: dict[str, Unit]
    duration_units: dict[str, DurationUnit]
    mods: dict[str, Mod]
    ordinals: dict[str, int]
    quarter_units: dict[str, QuarterKind]
    quarter_letters: dict[str, QuarterKind]
    century_words: dict[str, int]
    decade_words: dict[str, int]
    clock_words: dict[str, int]
    clock_fractions: dict[str, int]
    count_fractions: dict[str, float]
    feasts: dict[str, Feast]
    refs: dict[str, RefValue]
    cues: Cues
    tense: Tense
    checks: CompiledChecks
    elided: re.Pattern[str] | None  # an elided word at the start of a word ("d'" of "d'une")
    future_ending: re.Pattern[str] | None
    past_ending: re.Pattern[str] | None
    # Between time expressions, and after a quote (see extract_times).
    clock_then_day: re.Pattern[str]
    day_to_clock: re.Pattern[str]
    clock_to_day: re.Pattern[str]
    clock_range: re.Pattern[str]
    event_year_before: re.Pattern[str]
    quote_clause_end: re.Pattern[str]
    rules: tuple[Rule, ...]


def _quote_clause_end(abbreviations: Iterable[str], words: Iterable[str]) -> re.Pattern[str]:
    """The end of the reporting clause after a quote: the end of the sentence (a dot after no
    initial and no abbreviation), a comma that opens a new clause, or a word that opens what is
    reported."""
    by_width: dict[int, list[str]] = {}
    for abbreviation in abbreviations:
        by_width.setdefault(len(abbreviation), []).append(re.escape(abbreviation))
    not_after = "".join(f"(?<!{'|'.join(sorted(group))})" for _, group in sorted(by_width.items()))
    return re.compile(rf"(?<![A-Z]){not_after}\.|[!?;\n]|,\s|\b(?i:{words_pattern(words)})\b")


@functools.cache
def lexicon_for(pack: LanguagePack) -> TimeLexicon:
    """The time lexicon of ``pack``, compiled on first use (a pack is its own cache key)."""
    data: TimeData = pack.times
    cal, cues, links = data.calendar, data.cues, data.links
    compiled = data.compiled()
    refs = {key(p): value for value, phrases in cal.refs.items() for p in phrases}
    return TimeLexicon(
        code=pack.code,
        number_language=data.number_language,
        parse_checks=data.parse_checks,
        months={**_table(cal.month_abbreviations), **_table(cal.months)},
        weekdays=_table(cal.weekdays),
        seasons=_table(cal.seasons),
        parts_of_day=_table(cal.parts_of_day),
        deictic_days=_shifts(cal.deictic_days),
        deictic_eras=_table(cal.deictic_eras),
        anaphoric_days=_shifts(cal.anaphoric_days),
        directions=_table(cal.directions),
        units=_table(cal.units),
        duration_units=_table(cal.duration_units),
        mods=_table(cal.mods),
        ordinals=_table(cal.ordinals),
        quarter_units=_table(cal.quarter_units),
        quarter_letters=_table(cal.quarter_letters),
        century_words=_table(cal.century_words),
        decade_words=_table(cal.decade_words),
        clock_words=_table(cal.clock_words),
        clock_fractions=_table(cal.clock_fractions),
        count_fractions=_table(cal.count_fractions),
        feasts=_table(cal.feasts),
        refs=refs,
        cues=cues,
        tense=data.tense,
        checks=CompiledChecks(**compiled.checks),
        elided=re.compile(rf"((?:{words_pattern(cues.elisions)})['’])", re.IGNORECASE) if cues.elisions else None,
        future_ending=compiled.tense.get("future_ending"),
        past_ending=compiled.tense.get("past_ending"),
        clock_then_day=re.compile(rf"^\s+(?:(?:{words_pattern(links.clock_then_day)})\s+)?$", re.IGNORECASE),
        day_to_clock=re.compile(rf"^[\s,]*(?:(?:{words_pattern(links.day_to_clock)})\s+)?$", re.IGNORECASE),
        clock_to_day=re.compile(rf"^[\s,)]*(?:(?:{words_pattern(links.clock_to_day)})\s+)?$", re.IGNORECASE),
        clock_range=re.compile(rf"^\s*(?:{words_pattern(links.clock_range)}|-|–)\s*$", re.IGNORECASE),
        event_year_before=re.compile(rf"(?<![\w-])(?i:{words_pattern(links.event_year_before)})\s+$"),
        quote_clause_end=_quote_clause_end(links.abbreviations, links.quote_end),
        rules=tuple(Rule(name, compiled.rules[name], BUILDERS[rule.builder]) for name, rule in data.rules.items()),
    )


def rules_for(pack: LanguagePack) -> tuple[Rule, ...]:
    """The pack's time rules, in order, compiled once per pack."""
    return lexicon_for(pack).rules
