"""What ``times.toml`` holds: the calendar words of a language, the regex macros built from them, and
the ordered rules that find time expressions (HeidelTime's ``resources/<lang>/`` kept apart from its
engine: the builders in ``newsclaims.extract.times.builders`` are the grammar, named by the shape
they read, and a rule names the one that reads its match).

A pattern refers to a macro or a word list as ``{NAME}`` (an identifier in braces; ``{3}`` and
``{1,2}`` stay regex repetitions). A word list in a pattern is the alternation of its words (the
keys of a table), longest first, a space matching any run of white space and an apostrophe any of
the apostrophes news text writes. By convention macros are in capitals, word lists in lower case.
Every reference must resolve, every builder must exist, every pattern must compile: ``load_times``
checks all three when the pack is loaded, and names the file and the line of what is wrong.

Calendar words are looked up in lower case, white space as single spaces, apostrophes straight;
cue words are compared with the word as the text writes it, in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from newsclaims.languages.errors import PackError
from newsclaims.languages.files import line_of, load_toml, read_text
from newsclaims.languages.patterns import Expander, Flag, Pattern, PatternError, compile_at

FILE = "times.toml"

Season = Literal["SP", "SU", "FA", "WI"]
PartOfDay = Literal["MO", "MI", "AF", "EV", "NI", "DT"]  # morning, midday, afternoon, evening, night, daytime
Unit = Literal["day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"]
# Duration units as TIMEX3 writes them: MIN is minutes, HY half-years, DE decades, CE centuries.
DurationUnit = Literal["S", "MIN", "H", "D", "W", "M", "Q", "HY", "Y", "DE", "CE"]
Mod = Literal["START", "MID", "END"]
RefValue = Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]
# "last"/"next" point from the publication date ("dernier", "next"), "ref_*" from the last date the
# text gave ("suivant", "following"), "this" points nowhere ("en cours").
Direction = Literal["last", "next", "this", "ref_last", "ref_next", "ref_this"]
QuarterKind = Literal["Q", "H"]  # a quarter or a half of the year
NumberLanguage = Literal["fr", "en", "es", "pt", "de", "nl", "da", "it"]  # the languages text2num reads
BuilderName = Literal[
    "anaphoric_day",
    "calendar_date",
    "century",
    "clock_ampm",
    "clock_word",
    "clock_word_hours",
    "count_of_units",
    "date_range",
    "decade",
    "deictic_day",
    "duration",
    "every",
    "feast",
    "iso_date",
    "month_name",
    "night_of",
    "numeric_date_dmy",
    "numeric_date_mdy",
    "quarter",
    "recent_stretch",
    "ref_part_of_day",
    "ref_phrase",
    "season",
    "this_part_of_day",
    "this_unit",
    "unit_by_direction",
    "unit_with_mod",
    "vague_future",
    "vague_past",
    "weekday",
    "weekday_day",
    "year",
    "year_of_last_century",
    "year_range",
]

# Checks that read the Doc's parse, when it has one; each holds for the word order of some languages
# only, so a pack names those its language needs.
ParseCheck = Literal[
    "count_before_noun",  # a year the parse attaches to the noun after it counts it ("2000 soldats")
    "adjective_after_season",  # a season with an adjective after it names an event ("le printemps arabe")
    "noun_after_one",  # "une seconde fois": with a noun after it, "une seconde" is an ordinal
]

Words = frozenset[str]
MonthNumber = Annotated[int, Field(ge=1, le=12)]
WeekdayNumber = Annotated[int, Field(ge=1, le=7)]  # ISO: 1 is Monday
# Days from the anchor, with the part of day the word itself names when it names one ("tonight": [0, "NI"]).
DayShift = int | tuple[int, PartOfDay]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Feast(_Model):
    """A feast on a fixed day (``month``, ``day``), counted from Easter Sunday (``easter`` days), or
    on the ``nth`` ``weekday`` of a ``month`` on or after its day ``from_day`` (-1: the last one):
    Thanksgiving is the fourth Thursday of November."""

    month: MonthNumber | None = None
    day: int | None = Field(default=None, ge=1, le=31)
    easter: int | None = None
    weekday: WeekdayNumber | None = None
    nth: Literal[1, 2, 3, 4, 5, -1] | None = None
    from_day: int = Field(default=1, ge=1, le=31)

    @model_validator(mode="after")
    def _one_kind(self) -> Feast:
        fixed = self.month is not None and self.day is not None
        by_weekday = self.month is not None and self.weekday is not None and self.nth is not None
        kinds = [fixed, self.easter is not None, by_weekday]
        if sum(kinds) != 1 or (self.day is not None and by_weekday):
            raise ValueError("a feast has either a month and a day, an easter offset, or a month, a weekday and an nth")
        return self


class Calendar(_Model):
    """Words and what each means on the calendar. Every table may be referred to in a pattern."""

    months: dict[str, MonthNumber] = {}
    month_abbreviations: dict[str, MonthNumber] = {}  # only next to a day number or a year ("31 oct.")
    weekdays: dict[str, WeekdayNumber] = {}
    seasons: dict[str, Season] = {}
    parts_of_day: dict[str, PartOfDay] = {}
    deictic_days: dict[str, DayShift] = {}  # from the publication date: "hier" -1
    deictic_eras: dict[str, RefValue] = {}  # the same words naming an era after ``cues.era_before``
    anaphoric_days: dict[str, DayShift] = {}  # from the last date the text gave: "le lendemain" 1
    directions: dict[str, Direction] = {}
    units: dict[str, Unit] = {}  # calendar units a deictic phrase counts in ("la semaine dernière")
    duration_units: dict[str, DurationUnit] = {}
    mods: dict[str, Mod] = {}
    ordinals: dict[str, int] = {}  # also day numbers: "1er" and "premier" are the first of a month
    quarter_units: dict[str, QuarterKind] = {}  # "trimestre": Q, "half": H
    quarter_letters: dict[str, QuarterKind] = {}  # "T3", "S1", "Q2"
    century_words: dict[str, int] = {}  # "nineteenth": 19
    decade_words: dict[str, int] = {}  # the first year of the decade: "soixante" 1960
    clock_words: dict[str, int] = {}  # the hour a word names: "midi" 12, "midnight" 24
    clock_fractions: dict[str, int] = {}  # minutes after the hour ("et quart": 15), before when negative
    count_fractions: dict[str, float] = {}  # a count that begins so ("un demi"): its value
    feasts: dict[str, Feast] = {}  # written as the text writes them, capitals included
    refs: dict[RefValue, tuple[str, ...]] = {}  # vague references: "récemment" is PAST_REF


class Cues(_Model):
    """Sets of words the builders consult around a match, each named by the question it answers.
    A set a language does not need stays empty, and the check it feeds never fires."""

    # year: words right before a year that make it one whatever its value ("en", "since", "his")...
    year_strong: Words = frozenset()
    year_strong_endings: tuple[str, ...] = ()  # ...or text it ends with ("d'ici ", "mi-")
    # words before a month or a year that make them dates: an ambiguous month name (``ambiguous_months``)
    # or a year outside 1900-2100 is read only after one of them
    date_cues: Words = frozenset()
    # words that may follow an uncued year; another lower-case word marks a count ("2000 troops")
    function_words: Words = frozenset()
    possessive_endings: tuple[str, ...] = ()  # "2010's": the year after all
    ambiguous_months: Words = frozenset()  # month names that are common words ("May", "March")
    capitalised_month_names: Words = frozenset()  # a bare capitalised "Mars" is the planet
    weekday_name_followers: tuple[str, ...] = ()  # "Vendredi saint": the name of a feast, not a date
    habitual_determiners: Words = frozenset()  # "le lundi": every Monday
    era_before: Words = frozenset()  # "la France d'aujourd'hui": an era (see ``calendar.deictic_eras``)
    clause_anaphors: Words = frozenset()  # "the day before he left": a conjunction, no date of its own
    not_date_after: Words = frozenset()  # "dans un jour de chance": a day, not a date
    season_verbs: Words = frozenset()  # season names that are verbs alone ("fall")
    generic_season_prepositions: Words = frozenset()  # "en été" in the present: any summer
    season_of_time: Words = frozenset()  # "l'été de l'année": still a season (``checks.season_of``)
    hour_cues: Words = frozenset()  # before "dix heures", a clock time; otherwise a duration
    duration_cues: Words = frozenset()  # "pendant 48 h": a duration
    spelled_hour_words: Words = frozenset()  # "heures" (a clock time needs a cue) beside "h"
    pm_clock_parts: Words = frozenset()  # "huit heures du soir": 20:00
    pm_markers: Words = frozenset()  # "3 p.m." as it reads without dots and spaces
    recent_determiners: Words = frozenset()  # "ces derniers jours" up to now, even before "de"
    of_words: Words = frozenset()  # "les derniers jours de la campagne": the end of something else
    age_before: Words = frozenset()  # "un homme de 38 ans", "âgé 38 ans"
    have_forms: Words = frozenset()  # "il a 38 ans"
    age_before_marks: tuple[str, ...] = ()  # "Jean Dupont, 87 ans": punctuation right before
    age_group_before: Words = frozenset()  # "les moins de 17 ans"
    indefinite_articles: Words = frozenset()  # "un", "a": count one
    some_day_units: frozenset[DurationUnit] = frozenset()  # "un jour": some day, unless a duration cue
    bare_plural_counts: Words = frozenset()  # "des années": only long units take a bare plural
    ordinal_unit_words: Words = frozenset()  # "a second vote": the ordinal, not the unit
    span_followers: Words = frozenset()  # "a second later": the unit after all
    vague_counts: Words = frozenset()  # "quelques jours": an unspecified count (PXD)
    span_prepositions: Words = frozenset()  # "over the next decade": a stretch, not a calendar unit
    elisions: Words = frozenset()  # "d'", "qu'": an elided word read alone
    plural_endings: tuple[str, ...] = ()  # "lundis" -> "lundi", when a plural is not listed


class Checks(_Model):
    """Regexes the builders try around a match (macros and word lists may be used). An absent check
    never matches. Inline flags (``(?i)``) go at the start."""

    street_before: Pattern = ""  # "rue du 4 septembre": an address (searched before the match)
    number_before: Pattern = ""  # "n° 2012", "€ 1999": part of a number
    not_year_after: Pattern = ""  # "2000 euros": money or a measure (matched after)
    anaphoric_of_event: Pattern = ""  # "la veille du scrutin": group 1 is the word after, unless a verb
    age_range_before: Pattern = ""  # "de 18 à 25 ans"
    age_after: Pattern = ""  # "38 years old"
    season_of: Pattern = ""  # "l'été du cinéma": group 1 must be in ``cues.season_of_time``
    round_the_clock_after: Pattern = ""  # "24 h/24"
    feast_name_before: Pattern = ""  # "Père Noël", "île de Pâques"
    feast_name_after: Pattern = ""  # "Noël Mamère": a name when a capitalised word follows


class Links(_Model):
    """Words that tie one time expression to the next, or end the clause that reports a quote."""

    clock_then_day: Words = frozenset()  # "15:00 GMT on Saturday": one point in time
    day_to_clock: Words = frozenset()  # "hier à 18 h": the day dates the clock time
    clock_to_day: Words = frozenset()  # "18 h, ce jeudi"
    clock_range: Words = frozenset()  # "de 22 h à 2 h dimanche"
    event_year_before: Words = frozenset()  # "en 1997": the year of the event, not of a noun
    quote_end: Words = frozenset()  # "que", "adding": what follows is reported, not the time of speaking
    abbreviations: Words = frozenset()  # "Mr.": a dot that ends no sentence


class Tense(_Model):
    """What tells the tense of a clause. With ``reader = "parse"`` a parsed Doc is read by its verbs
    (heads, auxiliaries and morphology as French UD parses give them); with ``"parse_auxiliaries"`` by
    the auxiliary words and the tags of the verb that governs the expression, for a language whose
    verbs carry no future ("will travel"); a Doc without a parse, or any Doc with
    ``reader = "cue_words"``, by the nearest cue word ("will", "said", "-ed")."""

    reader: Literal["parse", "parse_auxiliaries", "cue_words"] = "parse"

    future_heads: Words = frozenset()  # "va annoncer", "devrait se réunir": lemmas whose infinitive lies ahead
    planning_heads: Words = frozenset()  # "a prévu de revenir": ahead even when the planning is past
    scheduled_heads: Words = frozenset()  # "est prévu", "la réunion prévue lundi"
    going_heads: Words = frozenset()  # "va annoncer": a near future
    recent_past_heads: Words = frozenset()  # "vient de signer": a recent past...
    recent_past_marks: Words = frozenset()  # ...with this word before the infinitive
    auxiliaries: Words = frozenset()  # lemmas of the auxiliaries of compound tenses
    subordinators: Words = frozenset()  # "que": opens a subjunctive clause
    present_like_past_endings: tuple[str, ...] = ()  # "dit", "réunit": a passé simple spelled as the present
    future_ending: Pattern = ""  # a future or conditional ending, for a verb the tagger took for a noun
    future_cues: Words = frozenset()  # "will", "scheduled"
    present_cues: Words = frozenset()  # "is", "says"
    past_cues: Words = frozenset()  # "said", "ago"
    past_ending: Pattern = ""  # "-ed"
    not_past: Words = frozenset()  # "need", "hundred": the ending, not the tense
    passive_auxiliaries: Words = frozenset()  # "is published": the participle has no tense of its own
    modals: Words = frozenset()  # what a modal governs is expected, not done...
    lowercase_only_modals: Words = frozenset()  # ..."may", not "May"...
    perfect_after_modal: Words = frozenset()  # ...unless "have" follows ("could have ended")...
    attempt_modals: Words = frozenset()  # ...or it reports an attempt ("could not be reached")
    attempt_words: Words = frozenset()
    # parse_auxiliaries: the first auxiliary of the governing verb, or its tag, tells the tense
    future_auxiliaries: Words = frozenset()  # "will travel": ahead
    perfect_auxiliaries: Words = frozenset()  # lemmas: "has met Friday" looks back
    infinitive_marks: Words = frozenset()  # "to": the verb the infinitive depends on decides
    past_tags: Words = frozenset()  # "met", "was", "did": tags of past forms
    participle_tags: Words = frozenset()  # "the talks held Friday": past, unless scheduled
    progressive_tags: Words = frozenset()  # "is leaving Friday": a present progressive looks ahead
    # Verbs that set a date ahead of themselves, whatever their tense, with the words that lead to
    # it: "postponed until Saturday", "gave them until Tuesday", "planned a rally on Saturday"
    setting_verbs: dict[str, Words] = {}


@dataclass(frozen=True)
class CompiledTimes:
    rules: dict[str, re.Pattern[str]]
    checks: dict[str, re.Pattern[str]]
    tense: dict[str, re.Pattern[str]]


class TimeRule(_Model):
    """One rule: a pattern, the builder that reads its match, the regex flags. The span is the
    group ``t`` when the pattern has one."""

    pattern: Pattern
    builder: BuilderName
    flags: tuple[Flag, ...] = ()


class TimeData(_Model):
    number_language: NumberLanguage | None = None  # spelled counts ("vingt-quatre") read by text2num
    parse_checks: frozenset[ParseCheck] = frozenset()
    calendar: Calendar = Calendar()
    cues: Cues = Cues()
    lists: dict[str, tuple[str, ...]] = {}  # other word lists the patterns use ("number_words")
    links: Links = Links()
    tense: Tense = Tense()
    macros: dict[str, Pattern] = {}
    checks: Checks = Checks()
    rules: dict[str, TimeRule] = {}  # in order: the first of two rules that find the same span wins

    _compiled: CompiledTimes | None = PrivateAttr(default=None)

    def compiled(self) -> CompiledTimes:
        """Rules and checks with their macros expanded, compiled once (``load_times`` does it first,
        so that a pack with a bad pattern does not load)."""
        if self._compiled is None:
            self._compiled = compile_times(self)
        return self._compiled

    def word_lists(self) -> dict[str, tuple[str, ...]]:
        """Every word list a pattern may name: the calendar's tables, the cue sets and ``lists``."""
        out: dict[str, tuple[str, ...]] = {}
        for section in (self.calendar, self.cues):
            for name in type(section).model_fields:
                value: Any = getattr(section, name)
                if name == "refs":
                    out[name] = tuple(p for phrases in value.values() for p in phrases)
                elif isinstance(value, dict | frozenset | tuple):
                    out[name] = tuple(value)
        out.update(self.lists)
        return out


def compile_times(data: TimeData) -> CompiledTimes:
    """Every rule and check of ``data``, its references expanded and compiled; ``PatternError`` says
    which one is wrong."""
    clash = sorted(set(data.lists) & set(Calendar.model_fields) | set(data.lists) & set(Cues.model_fields))
    if clash:
        raise PatternError(("lists", clash[0]), f"{clash[0]!r} is already the name of a calendar table or cue set")
    ex = Expander(data.macros, data.word_lists())
    ex.check_macros()
    rules = {
        name: ex.compile(rule.pattern, ("rules", name, "pattern"), rule.flags) for name, rule in data.rules.items()
    }
    checks = {}
    for name in Checks.model_fields:
        pattern = getattr(data.checks, name)
        if pattern:
            checks[name] = ex.compile(pattern, ("checks", name))
    tense = {}
    for name in ("future_ending", "past_ending"):
        pattern = getattr(data.tense, name)
        if pattern:
            tense[name] = compile_at(pattern, ("tense", name))
    return CompiledTimes(rules, checks, tense)


def load_times(root: Traversable, pack: str) -> TimeData:
    """``times.toml`` of the pack, validated: types, then every reference and pattern."""
    data = load_toml(root, FILE, TimeData, pack)
    try:
        data.compiled()
    except PatternError as exc:
        line = line_of(read_text(root, FILE, pack), exc.loc)
        raise PackError(pack, FILE, line, f"{'.'.join(exc.loc)}: {exc}") from None
    return data
