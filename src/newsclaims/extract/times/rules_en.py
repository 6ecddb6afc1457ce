"""English rules: the shapes of English time expressions and what each means.

Month and weekday names are matched with their capital ("May" the month, "may" the verb); the
other words in any case. Spans follow TIMEX3: "last week", "early December", "Friday night";
prepositions stay outside ("on Friday" -> "Friday").
"""

from __future__ import annotations

import re

from text_to_num import text2num

from newsclaims.extract.times import lexicon_en as lx
from newsclaims.extract.times.rules import (
    YEAR_RANGE,
    Builder,
    Rule,
    Scan,
    alternation,
    build_year_range,
    decade_digits,
    duration_value,
    feast_rule,
    number,
    roman_to_int,
)
from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST, Spec
from newsclaims.extract.times.words import words

B = r"(?<![\w-])"
E = r"(?!\w)"

MONTH = alternation(lx.MONTHS)
MONTH_ANY = rf"(?:{MONTH}|(?:{alternation(lx.MONTH_ABBREVIATIONS)})\.?)"  # the dot only after a short form
WD = alternation(lx.WEEKDAYS)
YEAR = r"(?P<year>[12][0-9]{3})(?![0-9])"
DAY = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
NUMW = alternation(lx.NUMBER_WORDS)
NUM = rf"(?:[0-9]+(?:\.[0-9]+)?|(?:{NUMW})(?:[\s-]+(?:and\s+)?(?:{NUMW}))*)"
UNIT_WORDS = alternation(lx.UNITS)
DURATION_UNIT_WORDS = alternation(lx.DURATION_UNITS)
MOD = rf"(?P<mod>{alternation(lx.MODS)})[\s-]+"
PART = alternation(lx.PARTS_OF_DAY)
SEASON = alternation(lx.SEASONS)

_NUMBER_BEFORE = re.compile(r"(?:[0-9][\s.,]|No\.?\s*|#\s*|[€$£+]\s*|\bp\.\s*)$", re.IGNORECASE)
_NOT_YEAR_AFTER = re.compile(r"\s*(?:%|percent|per\s+cent|dollars?|euros?|km|kg|miles?|tons?)\b", re.IGNORECASE)
_YEAR_STRONG_CUES = words("in since by until till during through before after early late mid around circa")
_AGE_AFTER = re.compile(r"[\s-]*(?:old\b|and\s+(?:older|up)|or\s+(?:older|younger)|of\s+age)", re.IGNORECASE)
_SPAN_PREPOSITIONS = frozenset(["over", "for", "throughout", "within", "during"])
_AFTER_SPAN = words("later earlier ago before after or and of to in")
_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that"])


def _low(m: re.Match[str], name: str) -> str | None:
    g = m.group(name) if name in m.re.groupindex else None
    return re.sub(r"\s+", " ", g.lower()) if g else None


_UNIT_DURATIONS = {
    "day": "D",
    "week": "W",
    "weekend": "D",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}


def _side(word: str | None) -> tuple[int, bool]:
    if not word:
        return NEUTRAL, False
    if word in lx.LAST:
        return PAST, False
    if word in lx.NEXT:
        return FUTURE, False
    if word in lx.REF_WORDS:
        return lx.REF_WORDS[word], True
    return NEUTRAL, False


def _month_number(s: str) -> int:
    s = s.rstrip(".")
    return lx.MONTHS.get(s) or lx.MONTH_ABBREVIATIONS[s]


def _mod(m: re.Match[str]) -> str | None:
    mod = _low(m, "mod")
    return lx.MODS.get(mod) if mod else None


def words_to_number(s: str) -> float | None:
    s = s.lower().strip()
    if s[:1].isdigit():
        return number(s)
    if s in ("a", "an", "one"):
        return 1
    try:
        return float(text2num(s.replace("-", " "), "en"))
    except ValueError:
        return None


# -- builders -------------------------------------------------------------------------------------------


def build_date(m: re.Match[str], scan: Scan) -> Spec | None:
    year = int(m.group("year")) if m.group("year") else None
    return Spec(year=year, month=_month_number(m.group("month")), day=int(m.group("day")))


def build_numeric(m: re.Match[str], scan: Scan) -> Spec | None:
    first, second = int(m.group("a")), int(m.group("b"))
    # American order unless the first number cannot be a month.
    month, day = (second, first) if first > 12 else (first, second)
    return Spec(year=int(m.group("year")), month=month, day=day)


def build_month(m: re.Match[str], scan: Scan) -> Spec | None:
    month = m.group("month")
    plain = not (m.group("year") or m.group("mod") or m.group("det"))
    if plain and month in lx.AMBIGUOUS_MONTHS and scan.word_before(m.start("t")) not in lx.MONTH_CUES:
        return None  # "May" the verb, "March" the walk
    year = int(m.group("year")) if m.group("year") else None
    side, _ = _side(_low(m, "det"))
    return Spec(year=year, month=_month_number(month), side=side, mod=_mod(m))


def build_weekday(m: re.Match[str], scan: Scan) -> Spec | None:
    wd = lx.WEEKDAYS[m.group("wd")]
    part = lx.PARTS_OF_DAY.get(_low(m, "part") or "")
    if m.group("plural") or (_low(m, "every") is not None):
        return Spec(type="SET", literal=f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), granularity="set")
    det = _low(m, "det")
    side, from_ref = _side(det)
    kind = "TIME" if part else "DATE"
    return Spec(type=kind, weekday=wd, side=side, from_ref=from_ref, part=part, mod=_mod(m))


def build_deictic(m: re.Match[str], scan: Scan) -> Spec | None:
    word = _low(m, "w") or ""
    part = lx.PARTS_OF_DAY.get(_low(m, "part") or _low(m, "tpart") or "")
    if m.group("this"):
        return Spec(type="TIME", unit="day", shift=0, part=part)
    if word == "today" and not part and scan.nowadays(m.start("t"), m.end("t")):
        return Spec(literal="PRESENT_REF", granularity="ref")  # "Today, the city..." is 'nowadays'
    if word == "tonight":
        return Spec(type="TIME", unit="day", shift=0, part="NI")
    if word == "last night":
        return Spec(type="TIME", unit="day", shift=-1, part="NI")
    return Spec(type="TIME" if part else "DATE", unit="day", shift=lx.DEICTIC_DAYS[word], part=part)


def build_anaphoric(m: re.Match[str], scan: Scan) -> Spec | None:
    word = _low(m, "w") or ""
    if word in ("the day before", "the day after") and re.match(r"\s*\w", scan.text[m.end("t") :]):
        return None  # "the day before he left": a conjunction, the day is the clause's
    part = "MO" if word.endswith("morning") else None
    return Spec(type="TIME" if part else "DATE", unit="day", shift=lx.ANAPHORIC_DAYS[word], from_ref=True, part=part)


def build_rel_unit(m: re.Match[str], scan: Scan) -> Spec | None:
    det = _low(m, "det") or ""
    unit = lx.UNITS[_low(m, "u") or ""]
    if det.startswith("the ") and scan.word_before(m.start("t")) in _SPAN_PREPOSITIONS and not m.group("mod"):
        # "over the next decade", "during the past year": a stretch of time, not a calendar unit
        return Spec(type="DURATION", literal=duration_value(1, _UNIT_DURATIONS[unit]), granularity="duration")
    side, from_ref = _side(det.replace("the ", ""))
    return Spec(unit=unit, shift=side, from_ref=from_ref, mod=_mod(m))


def build_season(m: re.Match[str], scan: Scan) -> Spec | None:
    det, word = _low(m, "det"), _low(m, "s") or ""
    if not (det or m.group("year") or m.group("prep")):
        return None
    if word == "fall" and not (det or m.group("year")):
        return None  # "fall" the verb
    side, _ = _side(det)
    year = int(m.group("year")) if m.group("year") else None
    return Spec(season=lx.SEASONS[word], year=year, side=side, mod=_mod(m))


def build_ago(m: re.Match[str], scan: Scan) -> Spec | None:
    n = words_to_number(m.group("n"))
    unit = lx.UNITS.get(_low(m, "u") or "")
    if n is None or unit is None or n != int(n):
        return None
    shift = int(n) * (-1 if m.group("ago") else 1)
    if unit == "decade":
        return Spec(unit="year", shift=10 * shift)
    if unit == "century":
        return Spec(unit="year", shift=100 * shift)
    return Spec(unit=unit, shift=shift)


def build_year(m: re.Match[str], scan: Scan) -> Spec | None:
    start = m.start("t")
    if _NUMBER_BEFORE.search(scan.before(start)) or _NOT_YEAR_AFTER.match(scan.text, m.end("t")):
        return None
    cue = scan.word_before(start)
    # "in 2010", "early 2011", "a 2010 raid", "his 2007 campaign"
    strong = bool(m.group("mod") or m.group("fy")) or cue in _YEAR_STRONG_CUES or cue in _DETERMINERS
    year = int(m.group("year"))
    if not strong:
        after = scan.word_after(m.end("t"))
        if after and after[0].islower() and after.lower() not in lx.FUNCTION_WORDS and not after.endswith("'s"):
            return None  # "2000 troops"
        if not 1900 <= year <= 2100 and cue not in lx.MONTH_CUES:
            return None
    return Spec(year=year, mod=_mod(m))


def build_decade(m: re.Match[str], scan: Scan) -> Spec | None:
    return Spec(decade=decade_digits(m.group("dec").lstrip("'’")), mod=_mod(m))


def _century_number(s: str) -> int | None:
    return int(s) if s.isdigit() else roman_to_int(s)


def build_century(m: re.Match[str], scan: Scan) -> Spec | None:
    word, digits = _low(m, "cw"), m.group("c")
    n = lx.CENTURY_WORDS.get(word) if word else _century_number(digits)
    if not n or n > 30:
        return None
    return Spec(century=n - 1, mod=_mod(m))


def build_quarter(m: re.Match[str], scan: Scan) -> Spec | None:
    if m.group("q"):
        quarter = f"Q{m.group('qn')}"
    else:
        n = lx.ORDINALS[_low(m, "ord") or ""]
        quarter = f"Q{n}" if (_low(m, "u") or "") == "quarter" else f"H{n}" if n <= 2 else None
    if quarter is None:
        return None
    year = m.group("year") or m.group("qyear")
    if year:
        return Spec(year=int(year), quarter=quarter)
    return Spec(unit="year", shift=0, quarter=quarter)


def build_clock(m: re.Match[str], scan: Scan) -> Spec | None:
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif m.group("m") is None:
        return None
    return Spec(type="TIME", hour=hour, minute=minute)


def build_noon(m: re.Match[str], scan: Scan) -> Spec | None:
    return Spec(type="TIME", hour=12 if _low(m, "w") == "noon" else 24, minute=0)


_REF_VALUES = {phrase: value for value, phrases in lx.REFS.items() for phrase in phrases}


def build_ref(m: re.Match[str], scan: Scan) -> Spec | None:
    phrase = _low(m, "t") or ""
    value = _REF_VALUES.get(phrase) or ("FUTURE_REF" if ("coming" in phrase or "next" in phrase) else "PRESENT_REF")
    return Spec(literal=value, granularity="ref")


def build_duration(m: re.Match[str], scan: Scan) -> Spec | None:
    if _AGE_AFTER.match(scan.text, m.end("t")):
        return None  # "38 years old", "a 38-year-old"
    count = _low(m, "n") or ""
    unit = lx.DURATION_UNITS[_low(m, "u") or ""]
    after = scan.word_after(m.end("t"))
    if count in ("a", "an") and _low(m, "u") == "second" and after[:1].islower() and after not in _AFTER_SPAN:
        return None  # "a second vote": the ordinal; "a second later" stays
    vague = count in lx.VAGUE_COUNTS or count in ("recent", "the past few", "the next few")
    n = None if vague else words_to_number(count)
    if not vague and (n is None or n > 1000):
        return None  # not a count, or too large to be a stretch of time
    return Spec(type="DURATION", literal=duration_value(n, unit), granularity="duration")


def build_set(m: re.Match[str], scan: Scan) -> Spec | None:
    word = _low(m, "u") or ""
    if word in lx.PARTS_OF_DAY:
        return Spec(type="SET", literal=f"XXXX-XX-XXT{lx.PARTS_OF_DAY[word]}", granularity="set")
    unit = lx.DURATION_UNITS.get(word)
    return Spec(type="SET", literal=duration_value(1, unit), granularity="set") if unit else None


# -- the rule table ------------------------------------------------------------------------------------


def _rule(name: str, pattern: str, build: Builder) -> Rule:
    return Rule(name, re.compile(pattern), build)


_REF_PHRASES = alternation(_REF_VALUES)
_PLURAL_UNITS = r"days|weeks|months|years"

RULES: tuple[Rule, ...] = (
    _rule(
        "date_md",
        rf"{B}(?P<t>(?:(?:{WD}),?\s+)?(?P<month>{MONTH_ANY})\s+{DAY}(?:,?\s+{YEAR})?){E}",
        build_date,
    ),
    _rule(
        "date_dm",
        rf"{B}(?P<t>(?:(?:{WD}),?\s+)?(?:(?i:the)\s+)?{DAY}\s+(?:(?i:of)\s+)?(?P<month>{MONTH_ANY})(?:,?\s+{YEAR})?){E}",
        build_date,
    ),
    _rule(
        "date_numeric",
        r"(?<![\w/.-])(?P<t>(?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])/(?P<year>[12][0-9]{3}))(?![\w/])",
        build_numeric,
    ),
    _rule(
        "date_iso",
        r"(?<![\w/.-])(?P<t>(?P<year>[12][0-9]{3})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9]))(?![\w-])",
        lambda m, s: Spec(year=int(m.group("year")), month=int(m.group("month")), day=int(m.group("day"))),
    ),
    _rule(
        "month",
        rf"{B}(?P<t>(?i:{MOD})?(?:(?P<det>(?i:last|next|this|past))\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?:(?i:of)\s+)?{YEAR})?){E}",
        build_month,
    ),
    _rule(
        "month_abbr_year",
        rf"{B}(?P<t>(?P<month>{alternation(lx.MONTH_ABBREVIATIONS)})\.?\s+{YEAR}){E}",
        lambda m, s: Spec(year=int(m.group("year")), month=_month_number(m.group("month"))),
    ),
    _rule(
        "weekday",
        rf"{B}(?P<t>(?:(?P<every>(?i:every|each))\s+|(?P<mod>(?i:early|late))\s+|"
        rf"(?P<det>(?i:last|next|this|that|coming|past|previous|following))\s+)?"
        rf"(?P<wd>{WD})(?P<plural>s)?(?:\s+(?P<part>(?i:{PART})))?){E}",
        build_weekday,
    ),
    _rule(
        "deictic",
        rf"{B}(?P<t>(?i:(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow"
        rf"|tonight|last\s+night)(?:\s+(?P<part>morning|afternoon|evening|night))?"
        rf"|(?P<this>this)\s+(?P<tpart>morning|afternoon|evening))){E}",
        build_deictic,
    ),
    _rule(
        "anaphoric",
        rf"{B}(?P<t>(?i:(?P<w>{alternation(lx.ANAPHORIC_DAYS)}))){E}",
        build_anaphoric,
    ),
    _rule(
        "rel_unit",
        rf"{B}(?P<t>(?i:{MOD}(?:the\s+)?)?(?P<det>(?i:(?:the\s+)?(?:last|next|past|previous|coming|following|current)"
        rf"|this|that))\s+(?P<u>(?i:{UNIT_WORDS}))){E}",
        build_rel_unit,
    ),
    _rule(
        "weekend",
        rf"{B}(?i:over|during|at|on|for)\s+(?P<t>(?i:the\s+weekend)){E}",
        lambda m, s: Spec(unit="weekend", shift=0),
    ),
    _rule(
        "mod_unit",
        rf"{B}(?P<t>(?i:{MOD}(?:the\s+)?(?P<u>year|month|week|decade|century))){E}",
        build_rel_unit,
    ),
    _rule(
        "season",
        rf"{B}(?:(?P<prep>(?i:in|during|over|through))\s+(?i:the\s+)?)?(?P<t>(?i:{MOD})?"
        rf"(?:(?P<det>(?i:last|next|this|past|coming))\s+)?(?P<s>(?i:{SEASON}))(?:\s+(?:(?i:of)\s+)?{YEAR})?){E}",
        build_season,
    ),
    _rule(
        "ago",
        rf"{B}(?P<t>(?i:(?P<in>in\s+)?(?P<n>{NUM}|a|an)\s+(?P<u>{UNIT_WORDS})(?:\s+(?P<ago>ago)|\s+from\s+now)))"
        rf"{E}",
        build_ago,
    ),
    Rule("year_range", YEAR_RANGE, build_year_range),
    feast_rule(lx.FIXED_FEASTS, lx.EASTER_FEASTS, "the"),
    _rule(
        "year",
        rf"{B}(?P<t>(?:(?i:{MOD})|(?P<fy>(?i:fiscal\s+|FY\s*)))?{YEAR})(?!\s?%|[.,][0-9]|s\b|'s\b)",
        build_year,
    ),
    _rule(
        "decade",
        rf"{B}(?P<t>(?i:{MOD})?(?:(?i:the)\s+)?(?i:(?:early|mid|late)[\s-]+)?(?P<dec>[12][0-9]{{2}}0|['’]?[0-9]0)'?s){E}",
        build_decade,
    ),
    _rule(
        "century",
        rf"{B}(?P<t>(?i:{MOD}(?:the\s+)?)?(?:(?i:the)\s+)?(?:(?P<c>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<cw>(?i:"
        rf"{alternation(lx.CENTURY_WORDS)})))\s+(?i:century)){E}",
        build_century,
    ),
    _rule(
        "quarter",
        rf"{B}(?P<t>(?i:(?:the\s+)?(?P<ord>{alternation(lx.ORDINALS)})[\s-]+(?P<u>quarter|half)"
        rf"(?:\s+of\s+{YEAR})?)|(?P<q>Q)(?P<qn>[1-4])\s+(?P<qyear>[12][0-9]{{3}})){E}",
        build_quarter,
    ),
    _rule(
        "clock",
        r"(?<![\w:.-])(?P<t>(?P<h>[01]?[0-9]|2[0-3])(?::(?P<m>[0-5][0-9]))?(?!:[0-9])\s*(?P<ampm>[aApP]\.?\s?[mM]\.?(?!\w)|AM|PM)?"
        r"(?:\s+(?:GMT|UTC|EST|EDT|ET|PT|PST|PDT|BST|CET|local\s+time))?)(?!\w|:[0-9])",
        build_clock,
    ),
    _rule(
        "noon",
        rf"{B}(?i:at|by|before|after|around|until|till|past)\s+(?P<t>(?i:(?P<w>noon|midnight))){E}",
        build_noon,
    ),
    _rule("ref", rf"{B}(?P<t>(?i:{_REF_PHRASES})){E}", build_ref),
    _rule(
        "ref_future",
        rf"{B}(?P<t>(?i:(?:in\s+)?the\s+(?:coming|next\s+few)\s+(?:{_PLURAL_UNITS}))){E}",
        build_ref,
    ),
    _rule(
        "duration",
        rf"{B}(?P<t>(?i:(?:(?:about|around|almost|nearly|more\s+than|less\s+than|at\s+least|over|a\s+mere|the\s+past"
        rf"|the\s+last|the\s+next)\s+)?(?P<n>{NUM}|a|an|several|a\s+few|few|many|recent|the\s+past\s+few|the\s+next\s+few)"
        rf"[\s-]+(?P<u>{DURATION_UNIT_WORDS}))){E}",
        build_duration,
    ),
    _rule(
        "set",
        rf"{B}(?P<t>(?i:(?:every|each|per)\s+(?P<u>day|week|month|year|morning|evening|night|quarter))){E}",
        build_set,
    ),
)
