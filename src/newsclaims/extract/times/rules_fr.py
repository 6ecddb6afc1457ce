"""French rules: the shapes of French time expressions and what each means.

Spans follow TIMEX3: determiners and modifiers are inside ("le 30 juin", "mi-octobre", "mai
dernier"), prepositions outside ("en juin" -> "juin").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from text_to_num import text2num

from newsclaims.extract.times import lexicon_fr as lx
from newsclaims.extract.times.rules import (
    AP,
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
from newsclaims.extract.times.tense import clause_tense

_F = re.IGNORECASE
B = r"(?<![\w-])"  # start of a word, not inside a hyphenated compound ("14-Juillet")
E = r"(?!\w)"

MONTH = alternation(lx.MONTHS)
MONTH_ANY = rf"(?:{MONTH}|(?:{alternation(lx.MONTH_ABBREVIATIONS)})\.?)"  # the dot only after a short form
WD = alternation(lx.WEEKDAYS)
DAYNUM = r"(?P<day>1\s?er|premier|[12][0-9]|3[01]|0?[1-9])"
YEAR = r"(?P<year>[12][0-9]{3})(?![0-9])"
# A two-digit year only where nothing follows that could make it a count ("octobre 98,").
YY = rf"(?P<yy>{AP}[0-9]{{2}}|[0-9]{{2}}(?=\s*(?:[,.;:)!?»]|$)))(?![0-9])"
DIR = alternation([*lx.LAST, *lx.NEXT, *lx.THIS, *lx.REF_LAST, *lx.REF_NEXT]).replace("'", AP)
PART = r"matinée|matin|après-midi|apres-midi|soirée|soir|nuit|midi|journée"
PART_AFTER = (
    rf"(?:\s+(?:au\s+|dans\s+la\s+|dans\s+l{AP}\s*|en\s+|(?:en\s+)?(?P<pmod>début|fin|milieu)\s+d(?:e\s+|{AP}\s*))?"
    rf"(?P<part>{PART}))?"
)
NUMW = alternation(lx.NUMBER_WORDS)
NUM = rf"(?:[0-9]+(?:[.,][0-9]+)?|(?:{NUMW})(?:[\s-]+(?:et[\s-]+)?(?:{NUMW}))*)"
UNIT_WORDS = alternation(lx.UNITS)
DURATION_UNIT_WORDS = alternation(lx.DURATION_UNITS)
HOUR_WORDS = alternation(
    [*lx.NUMBER_WORDS[:20], "vingt", "vingt et une", "vingt-et-une", "vingt et un", "vingt-deux", "vingt-trois", "zéro"]
)
MOD = r"(?P<mod>début|mi|milieu|courant|fin)(?:\s*-\s*|\s+)"

# "rue du 4 Septembre", "place du 8 Mai 1945": an address
_STREET_BEFORE = re.compile(rf"\b(?:{alternation(lx.STREET_WORDS)})\s+(?:du\s+|des\s+)?(?:[0-9]+(?:er)?[\s-]+)?$", _F)
_NUMBER_BEFORE = re.compile(r"(?:[0-9][\s\u00a0.,]|n°\s*|no\.?\s*|numéro\s+|[€$£+#]\s*|\bp\.\s*|\bart\.\s*)$", _F)
_YEAR_STRONG_CUES = frozenset(
    ["en", "depuis", "dès", "avant", "après", "jusqu'en", "jusqu’en", "vers", "courant", "ici", "fin", "début", "mi-"]
)
_YEAR_WEAK_CUES = frozenset(["de", "d'", "à", "au", "et", "entre", "pour", "l'an", "l'année"])
_NOT_YEAR_AFTER = re.compile(r"\s*(?:%|€|\$|£|euros?|dollars?|francs?|km|kg|m²|tonnes?|h\b)", _F)
_HEURE_CUES = frozenset(
    ["à", "a", "vers", "dès", "avant", "après", "jusqu'à", "jusqu’à", "entre", "et", "de", "alentours", "autour"]
)
_DURATION_CUES = frozenset(
    ["pendant", "durant", "depuis", "en", "plus", "moins", "les", "des", "ces", "sous", "chaque", "toutes", "bout"]
)
_HAVE = frozenset(
    ["a", "ai", "as", "avait", "avais", "aura", "aurait", "ont", "avaient", "ayant", "avoir", "eu", "fête", "fêtera"]
)
_OF_WHAT = re.compile(rf"\s*(?:de\s+|du\s+|des\s+|d{AP}\s*)(\w)", _F)
_AGE_RANGE = re.compile(r"\bde\s+[0-9]+\s+(?:à|et)\s+$")
_AGE_CUES = frozenset(["de", "d'", "âgé", "âgée", "âgés", "âgées"])


def _lower(m: re.Match[str], name: str) -> str | None:
    g = m.group(name) if name in m.re.groupindex else None
    return re.sub(r"\s+", " ", g.lower()).replace("’", "'").replace("ʼ", "'") if g else None


def _side(word: str | None) -> tuple[int, bool]:
    """(side, counted from the last date mentioned) for "dernier", "prochain", "suivant"..."""
    if not word:
        return NEUTRAL, False
    if word in lx.LAST:
        return PAST, False
    if word in lx.NEXT:
        return FUTURE, False
    if word in lx.REF_LAST:
        return PAST, True
    if word in lx.REF_NEXT:
        return FUTURE, True
    return NEUTRAL, False


def _day_number(s: str) -> int:
    s = s.replace(" ", "").lower()
    return 1 if s in ("1er", "premier") else int(s)


def _month_number(s: str) -> int:
    s = s.lower().rstrip(".")
    return lx.MONTHS.get(s) or lx.MONTH_ABBREVIATIONS[s]


def _part(m: re.Match[str]) -> str | None:
    part, pmod = _lower(m, "part"), _lower(m, "pmod")
    if not part:
        return None
    if part == "journée" and pmod in ("début", "fin"):
        return "MO" if pmod == "début" else "EV"
    return lx.PARTS_OF_DAY[part]


def _mod(m: re.Match[str]) -> str | None:
    mod = _lower(m, "mod")
    return lx.MODS.get(mod) if mod else None


def words_to_number(s: str) -> float | None:
    """'trois' -> 3, 'vingt-quatre' -> 24, '30,4' -> 30.4; None when it is not a number."""
    s = s.lower().strip()
    if s[:1].isdigit():
        return number(s)
    if s in ("un", "une"):
        return 1
    try:
        return float(text2num(s.replace("-", " "), "fr"))
    except ValueError:
        return None


# -- builders -------------------------------------------------------------------------------------------


def build_date(m: re.Match[str], scan: Scan) -> Spec | None:
    if _STREET_BEFORE.search(scan.before(m.start("t"))):
        return None  # "rue du 4 septembre" is an address
    year = _year(m)
    side, _ = _side(_lower(m, "dir"))
    wd = _lower(m, "wd")
    part = _part(m)
    spec = Spec(
        type="TIME" if part else "DATE",
        year=year,
        month=_month_number(m.group("month")),
        day=_day_number(m.group("day")),
        side=side,
        part=part,
    )
    return _check_weekday(spec, lx.WEEKDAYS[wd] if wd else None)


def _year(m: re.Match[str]) -> int | None:
    """The year written with a date: four digits, or two ("octobre 98", left for the resolver to
    place in the century of the anchor)."""
    if m.group("year"):
        return int(m.group("year"))
    yy = m.group("yy") if "yy" in m.re.groupindex else None
    return int(yy.lstrip("'’")) if yy else None


def _check_weekday(spec: Spec, weekday: int | None) -> Spec:
    """A written weekday that does not fit the date is kept as a flag: the text is wrong somewhere."""
    if weekday is None or spec.year is None or spec.year < 100 or spec.month is None or spec.day is None:
        return spec
    try:
        fits = date(spec.year, spec.month, spec.day).isoweekday() == weekday
    except ValueError:
        return spec
    return spec if fits else replace(spec, flags=(*spec.flags, "weekday_mismatch"))


def build_range(m: re.Match[str], scan: Scan) -> list[tuple[int, int, Spec]] | None:
    """'du 22 au 24 juin 2012', 'les 9 et 10 juillet': two dates, as TimeML annotates them; the first
    day takes the month and year written after the second."""
    year = int(m.group("year")) if m.group("year") else None
    month2 = _month_number(m.group("month"))
    month1 = _month_number(m.group("m1")) if m.group("m1") else month2
    first_end = m.end("m1") if m.group("m1") else m.end("d1")
    return [
        (m.start("d1"), first_end, Spec(year=year, month=month1, day=_day_number(m.group("d1")))),
        (m.start("d2"), m.end("t"), Spec(year=year, month=month2, day=_day_number(m.group("d2")))),
    ]


def build_numeric_date(m: re.Match[str], scan: Scan) -> Spec | None:
    year_s = m.group("year")
    if len(year_s) == 2 and m.group("sep") != "/":
        return None  # "12.5.24" is as likely a version number as a date
    return Spec(year=int(year_s), month=int(m.group("month")), day=int(m.group("day")))


def build_month(m: re.Match[str], scan: Scan) -> Spec | None:
    month_s = m.group("month")
    plain = not (m.group("year") or m.group("yy") or m.group("mod") or m.group("det") or m.group("dir"))
    if plain and month_s[0].isupper() and not month_s.isupper() and month_s.lower() == "mars":
        return None  # "Mars" is the planet (French months are written in lower case)
    if _STREET_BEFORE.search(scan.before(m.start("t"))):
        return None
    side, _ = _side(_lower(m, "dir"))
    return Spec(year=_year(m), month=_month_number(month_s), side=side, mod=_mod(m))


def build_weekday(m: re.Match[str], scan: Scan) -> Spec | None:
    wd = lx.WEEKDAYS[m.group("wd").lower()]
    det, direction = _lower(m, "det"), _lower(m, "dir")
    follower = scan.text[m.end("t") : m.end("t") + 15].lower().strip()
    if not direction and not m.group("part") and any(follower.startswith(f) for f in lx.WEEKDAY_NAME_FOLLOWERS):
        return None  # "Vendredi saint", "lundi de Pâques": names of days, not dates
    if m.group("plural") or (det in ("le", "les") and not direction):
        part = _part(m)
        value = f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
        return Spec(type="SET", literal=value, granularity="set")
    side, from_ref = _side(direction)
    part = _part(m)
    return Spec(type="TIME" if part else "DATE", weekday=wd, side=side, from_ref=from_ref, part=part)


def build_weekday_day(m: re.Match[str], scan: Scan) -> Spec | None:
    """'le lundi 6', 'mardi 7': a day of a month the reader knows, placed by its weekday."""
    day = _day_number(m.group("day"))
    return Spec(weekday=lx.WEEKDAYS[m.group("wd").lower()], day=day)


def build_night(m: re.Match[str], scan: Scan) -> Spec | None:
    if m.group("wd"):
        return Spec(type="TIME", weekday=lx.WEEKDAYS[m.group("wd").lower()], part="NI")
    year = int(m.group("year")) if m.group("year") else None
    return Spec(
        type="TIME", year=year, month=_month_number(m.group("month")), day=_day_number(m.group("day")), part="NI"
    )


def build_deictic(m: re.Match[str], scan: Scan) -> Spec | None:
    word = _lower(m, "w")
    assert word is not None
    before = scan.word_before(m.start("t"))
    if word in ("aujourd'hui", "demain") and before in ("d'", "de") and not m.group("part"):
        # "la France d'aujourd'hui", "le monde de demain": an era, not a day
        return Spec(literal="PRESENT_REF" if word == "aujourd'hui" else "FUTURE_REF", granularity="ref")
    if word == "aujourd'hui" and m.end("t") == m.end("w") and scan.nowadays(m.start("t"), m.end("t")):
        return Spec(literal="PRESENT_REF", granularity="ref")
    part = _part(m)
    return Spec(type="TIME" if part else "DATE", unit="day", shift=lx.DEICTIC_DAYS[word], part=part)


def build_this_part(m: re.Match[str], scan: Scan) -> Spec | None:
    part = lx.PARTS_OF_DAY[_lower(m, "part") or ""]
    return Spec(type="TIME", unit="day", shift=0, part=part, from_ref=bool(m.group("la")))


def build_ref_part(m: re.Match[str], scan: Scan) -> Spec | None:
    word = next(_lower(m, g) for g in ("part", "part2", "part3", "part4") if m.group(g))
    part = lx.PARTS_OF_DAY[word or ""]
    mod = _lower(m, "pmod")
    if word == "journée" and mod in ("début", "fin"):
        part = "MO" if mod == "début" else "EV"
    return Spec(type="TIME", unit="day", shift=0, part=part, from_ref=True)


def build_anaphoric(m: re.Match[str], scan: Scan) -> Spec | None:
    of = _OF_WHAT.match(scan.text, m.end("t"))
    if of and scan.pos_at(of.start(1)) not in ("VERB", "AUX"):
        return None  # "la veille du scrutin": counted from an event ("la veille d'envahir" is not)
    part = _part(m)
    word = _lower(m, "w") or ""
    return Spec(type="TIME" if part else "DATE", unit="day", shift=lx.ANAPHORIC_DAYS[word], from_ref=True, part=part)


def build_rel_this(m: re.Match[str], scan: Scan) -> Spec | None:
    unit = lx.UNITS[_lower(m, "u") or ""]
    return Spec(unit=unit, shift=0, from_ref=bool(m.group("la")))


def build_rel_dir(m: re.Match[str], scan: Scan) -> Spec | None:
    unit = lx.UNITS[_lower(m, "u") or ""]
    side, from_ref = _side(_lower(m, "dir"))
    return Spec(unit=unit, shift=side, from_ref=from_ref)


def _count_unit(m: re.Match[str]) -> tuple[int, str] | None:
    """(count, unit) of "trois ans", "2 semaines"; None when the count is not a whole number."""
    n = words_to_number(m.group("n"))
    unit = lx.UNITS.get(_lower(m, "u") or "")
    if n is None or unit is None or n != int(n):
        return None
    return int(n), unit


def build_ago(m: re.Match[str], scan: Scan) -> Spec | None:
    counted = _count_unit(m)
    return _shift_spec(counted[1], -counted[0]) if counted else None


def build_in(m: re.Match[str], scan: Scan) -> Spec | None:
    if scan.word_after(m.end("t")).lower() in ("de", "d'"):
        return None  # "dans un jour de chance": a day, not a date
    counted = _count_unit(m)
    return _shift_spec(counted[1], counted[0]) if counted else None


def _shift_spec(unit: str, n: int) -> Spec:
    if unit == "decade":
        return Spec(unit="year", shift=10 * n)
    if unit == "century":
        return Spec(unit="year", shift=100 * n)
    return Spec(unit=unit, shift=n)


def build_vague_ago(m: re.Match[str], scan: Scan) -> Spec | None:
    return Spec(literal="PAST_REF", granularity="ref")


def build_mod_unit(m: re.Match[str], scan: Scan) -> Spec | None:
    word = _lower(m, "u") or ""
    mod = _mod(m)
    side, from_ref = _side(_lower(m, "dir"))
    if m.group("year"):
        return Spec(year=int(m.group("year")), mod=mod)
    if word in lx.SEASONS:
        return Spec(season=lx.SEASONS[word], side=side, mod=mod)
    return Spec(unit=lx.UNITS[word], shift=side, from_ref=from_ref, mod=mod)


def build_year(m: re.Match[str], scan: Scan) -> Spec | None:
    start = m.start("t")
    before = scan.before(start)
    if _NUMBER_BEFORE.search(before) or _NOT_YEAR_AFTER.match(scan.text, m.end("t")):
        return None  # part of a larger number, a reference number, money or a measure
    cue = scan.word_before(start)
    strong = bool(m.group("pre") or m.group("mod")) or cue in _YEAR_STRONG_CUES or before.endswith(("d'ici ", "mi-"))
    year = int(m.group("year"))
    if scan.counts_next_noun(m.start("year"), adjacent=strong):
        return None  # "2000 soldats", "en 1500 mètres": a count
    if not strong and cue not in _YEAR_WEAK_CUES and not 1900 <= year <= 2100:
        return None
    return Spec(year=year, mod=_mod(m))


def build_decade(m: re.Match[str], scan: Scan) -> Spec | None:
    dec = (_lower(m, "dec") or "").lstrip("'")
    decade = 190 + lx.DECADE_WORDS[dec] if dec in lx.DECADE_WORDS else decade_digits(dec)
    return Spec(decade=decade, mod=_mod(m))


def build_century(m: re.Match[str], scan: Scan) -> Spec | None:
    c = m.group("c")
    n = int(c) if c.isdigit() else roman_to_int(c)
    if not n or n > 30:
        return None
    return Spec(century=n - 1, mod=_mod(m))


_SEASON_OF = re.compile(rf"\s+(?:de\s+l{AP}\s*|de\s+la\s+|du\s+|des\s+|de\s+)([^\W\d_]+)")
_SEASON_OF_TIME = frozenset(["année", "an", "même", "cette", "ce", "cet", "prochaine", "dernière", "suivante"])


def build_season(m: re.Match[str], scan: Scan) -> Spec | None:
    has_year, direction = m.group("year"), _lower(m, "dir")
    if not (m.group("prep") or m.group("det") or has_year or direction):
        return None  # bare "été" is mostly the participle of "être"
    if not (has_year or direction) and scan.pos_after(m.end("t")) == "ADJ":
        return None  # "le printemps arabe", "l'hiver nucléaire": names of events
    of = _SEASON_OF.match(scan.text, m.end("t"))
    if not (has_year or direction) and of and of.group(1).lower() not in _SEASON_OF_TIME:
        return None  # "le printemps de l'environnement", "l'été du cinéma": an event's name
    side, _ = _side(direction)
    season = lx.SEASONS[_lower(m, "s") or ""]
    year = int(has_year) if has_year else None
    if (
        _lower(m, "prep") == "en"
        and not (m.group("det") or has_year or direction)
        and scan.doc is not None
        and scan.parsed
        and clause_tense(scan.doc, m.start("t"), m.end("t"), scan.parsed) == NEUTRAL
    ):
        # "la demande augmente en été": a bare "en été" in the present is any summer, not one
        return Spec(literal=f"XXXX-{season}", granularity="season")
    return Spec(season=season, year=year, side=side)


def build_quarter(m: re.Match[str], scan: Scan) -> Spec | None:
    if m.group("q"):
        kind, n = m.group("q").upper(), int(m.group("qn"))
        quarter = f"H{n}" if kind == "S" and n <= 2 else f"Q{n}" if kind in "TQ" else None
    else:
        n = lx.ORDINALS[_lower(m, "ord") or ""]
        quarter = f"Q{n}" if (_lower(m, "u") or "").startswith("tri") else f"H{n}" if n <= 2 else None
    if quarter is None:
        return None
    year = m.group("year") or m.group("qyear")
    if year:
        return Spec(year=int(year), quarter=quarter)
    return Spec(unit="year", shift=0, quarter=quarter)


def build_clock(m: re.Match[str], scan: Scan) -> Spec | None:
    cue = scan.word_before(m.start("t"))
    spelled = "eure" in m.group("hw").lower()
    pod, frac = _lower(m, "pod"), _lower(m, "frac")
    if spelled and cue not in _HEURE_CUES and not (pod or frac):
        return None  # "dix heures de négociations": a duration
    if not spelled and not m.group("h")[0].isdigit():
        return None  # "deux h" is not written
    if cue in _DURATION_CUES or re.match(r"\s*(?:/\s*24|sur\s+24)", scan.text[m.end("t") :]):
        return None  # "pendant 48 h", "24 h/24"
    hour = int(words_to_number(m.group("h")) or 0)
    minute = int(m.group("m")) if m.group("m") else _FRACTIONS.get(frac or "", 0)
    if frac == "moins le quart":
        hour -= 1
    if pod in ("du soir", "de l'après-midi") and hour < 12:
        hour += 12  # "huit heures du soir"
    return Spec(type="TIME", hour=hour, minute=minute)


_FRACTIONS = {"et demie": 30, "et quart": 15, "moins le quart": 45}


def build_noon(m: re.Match[str], scan: Scan) -> Spec | None:
    return Spec(type="TIME", hour=12 if (_lower(m, "w") or "") == "midi" else 24, minute=0)


_REF_VALUES = {phrase: value for value, phrases in lx.REFS.items() for phrase in phrases}


def build_ref(m: re.Match[str], scan: Scan) -> Spec | None:
    phrase = _lower(m, "t") or ""
    value = _REF_VALUES.get(phrase)
    if value is None:
        value = "FUTURE_REF" if ("prochain" in phrase or "venir" in phrase) else "PRESENT_REF"
    return Spec(literal=value, granularity="ref")


def build_recent(m: re.Match[str], scan: Scan) -> Spec | None:
    """'ces derniers jours', 'les trois derniers mois', 'les deux prochaines années': a stretch of
    time reaching up to now or starting from it."""
    if not m.group("t").lower().startswith("ces") and scan.word_after(m.end("t")).lower() in ("de", "du", "des", "d'"):
        return None  # "les derniers jours de la campagne": the end of something else
    unit = lx.DURATION_UNITS[_lower(m, "u") or ""]
    count = m.group("n0") or m.group("n")
    n = words_to_number(count) if count else None
    return Spec(type="DURATION", literal=duration_value(n, unit), granularity="duration")


def build_duration(m: re.Match[str], scan: Scan) -> Spec | None:
    count = _lower(m, "n") or ""
    word = _lower(m, "u") or ""
    unit = lx.DURATION_UNITS[word]
    before = scan.word_before(m.start("t"))
    if unit in ("Y", "M") and (
        before in _AGE_CUES or before in _HAVE or scan.before(m.start("t")).rstrip()[-1:] in ",("
    ):
        return None  # "un homme de 38 ans", "Jean Dupont, 87 ans": an age
    if unit in ("Y", "M") and _AGE_RANGE.search(scan.before(m.start("t"))):
        return None  # "âgées de 18 à 25 ans", "de 2 à 8 ans"
    if m.group("q") and before in ("les", "des", "aux"):
        return None  # "les moins de 17 ans": an age group
    if count in ("un", "une") and scan.pos_after(m.end("t")) == "NOUN":
        return None  # "une seconde fois": an ordinal
    if count in ("un", "une") and unit == "D" and not m.group("q") and before not in _DURATION_CUES:
        return None  # "il reviendra un jour": some day, not a day long
    if count == "des" and unit not in ("Y", "M", "W", "DE", "CE"):
        return None
    n: float | None
    if count in lx.VAGUE_COUNTS:
        n = None
    elif count.startswith(("un demi", "une demi")):
        n = 0.5
    elif count.startswith("un quart"):
        n = 0.25
    else:
        n = words_to_number(count)
        if n is None or n > 1000:
            return None
    return Spec(type="DURATION", literal=duration_value(n, unit), granularity="duration")


_SET_UNITS = {
    "jour": "P1D",
    "semaine": "P1W",
    "mois": "P1M",
    "an": "P1Y",
    "année": "P1Y",
    "trimestre": "P3M",
    "heure": "PT1H",
}


def build_set(m: re.Match[str], scan: Scan) -> Spec | None:
    word = (_lower(m, "u") or _lower(m, "pu") or "").rstrip("s") or "mois"
    if word == "moi":
        word = "mois"
    n = words_to_number(m.group("n")) if m.group("n") else 1
    if word in lx.WEEKDAYS:
        return Spec(type="SET", literal=f"XXXX-WXX-{lx.WEEKDAYS[word]}", granularity="set")
    if word in lx.PARTS_OF_DAY:
        return Spec(type="SET", literal=f"XXXX-XX-XXT{lx.PARTS_OF_DAY[word]}", granularity="set")
    if word in lx.SEASONS:
        return Spec(type="SET", literal=f"XXXX-{lx.SEASONS[word]}", granularity="set")
    unit = lx.DURATION_UNITS.get(word)
    if unit is None or n is None:
        return None
    return Spec(type="SET", literal=duration_value(n, unit), granularity="set")


# -- the rule table ------------------------------------------------------------------------------------


def _rule(name: str, pattern: str, build: Builder, flags: int = _F) -> Rule:
    return Rule(name, re.compile(pattern, flags), build)


_REF_PHRASES = alternation(_REF_VALUES).replace("'", AP)
_PLURAL_UNITS = r"jours|semaines|mois|années|heures"

RULES: tuple[Rule, ...] = (
    _rule(
        "date",
        rf"{B}(?P<t>(?:(?P<det>le|ce)\s+)?(?:(?P<wd>{WD})\s+)?{DAYNUM}\s+(?P<month>{MONTH_ANY})"
        rf"(?:\s+{YEAR}|\s+{YY})?(?:\s+(?P<dir>{DIR}))?{PART_AFTER}){E}",
        build_date,
    ),
    _rule(
        "date_range",
        rf"{B}(?P<t>(?:du|les|entre\s+le|des)\s+(?P<d1>1er|[12][0-9]|3[01]|0?[1-9])(?:\s+(?P<m1>{MONTH}))?\s*"
        rf"(?:au|et|à|-|–)\s*(?:le\s+)?(?P<d2>1er|[12][0-9]|3[01]|0?[1-9])\s+(?P<month>{MONTH_ANY})"
        rf"(?:\s+{YEAR})?){E}",
        build_range,
    ),
    Rule("year_range", YEAR_RANGE, build_year_range),
    feast_rule(lx.FIXED_FEASTS, lx.EASTER_FEASTS, rf"la|le|l{AP}"),
    _rule(
        "date_numeric",
        r"(?<![\w/.-])(?P<t>(?P<day>[0-3]?[0-9])(?P<sep>[/.])(?P<month>[01]?[0-9])(?P=sep)(?P<year>[0-9]{4}|[0-9]{2}))"
        r"(?![\w/]|[.,-][0-9])",
        build_numeric_date,
    ),
    _rule(
        "date_iso",
        r"(?<![\w/.-])(?P<t>(?P<year>[12][0-9]{3})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9]))(?![\w-])",
        lambda m, s: Spec(year=int(m.group("year")), month=int(m.group("month")), day=int(m.group("day"))),
    ),
    _rule(
        "month",
        rf"{B}(?P<t>(?:{MOD}(?:de\s+|d{AP}\s*)?|(?P<det>le|ce)\s+)?(?:mois\s+d(?:e\s+|{AP}\s*))?(?P<month>{MONTH})"
        rf"(?:\s+{YEAR}|\s+{YY})?(?:\s+(?P<dir>{DIR}))?){E}",
        build_month,
    ),
    _rule(
        "weekday",
        rf"{B}(?P<t>(?:(?P<det>ce\s+même|ce|le|les)\s+)?(?P<wd>{WD})(?P<plural>s)?(?:\s+(?P<dir>{DIR}))?{PART_AFTER}){E}",
        build_weekday,
    ),
    _rule(
        "weekday_day",
        rf"{B}(?P<t>(?:(?:le|ce)\s+)?(?P<wd>{WD})\s+{DAYNUM})(?![\w,.]?\s*(?:{MONTH_ANY}|[0-9]))",
        build_weekday_day,
    ),
    _rule(
        "night",
        rf"{B}(?P<t>(?:la\s+)?nuit\s+d[eu]\s+(?:(?P<wd>{WD})(?:\s+(?:à|au)\s+(?:{WD}))?|{DAYNUM}\s+(?:au|à)\s+"
        rf"(?:1er|[0-9]{{1,2}})\s+(?P<month>{MONTH})(?:\s+{YEAR})?)){E}",
        build_night,
    ),
    _rule(
        "deictic",
        rf"{B}(?P<t>(?P<w>avant-hier|après-demain|apres-demain|hier|demain|aujourd{AP}hui)"
        rf"(?:\s+(?:{WD})(?:\s+(?:1er|[0-9]{{1,2}})\s+(?:{MONTH}))?)?{PART_AFTER}){E}",
        build_deictic,
    ),
    _rule(
        "this_part",
        rf"{B}(?P<t>(?:ce|cet|cette)\s+(?P<part>{PART})(?P<la>-là|\s+là)?){E}",
        build_this_part,
    ),
    _rule(
        "ref_part",
        rf"{B}(?P<t>(?:dans|durant|pendant|au\s+cours\s+de)\s+(?:la\s+|l{AP}\s*)(?P<part>matinée|soirée|nuit|après-midi)"
        rf"|en\s+(?P<part2>matinée|soirée)|en\s+(?P<pmod>début|fin|milieu)\s+d(?:e\s+|{AP}\s*)"
        rf"(?P<part3>matinée|soirée|journée|après-midi|nuit)|(?:le|au)\s+(?P<part4>matin|soir)\s+même){E}",
        build_ref_part,
    ),
    _rule(
        "anaphoric",
        rf"{B}(?P<t>(?P<w>{alternation(lx.ANAPHORIC_DAYS).replace(chr(39), AP)}){PART_AFTER}){E}",
        build_anaphoric,
    ),
    _rule(
        "rel_this",
        rf"{B}(?P<t>(?:ce|cet|cette)\s+(?P<u>{UNIT_WORDS})(?P<la>-ci|-là|\s+là)?){E}",
        build_rel_this,
    ),
    _rule(
        "rel_dir",
        rf"{B}(?P<t>(?:la|le|l{AP})\s*(?P<u>{UNIT_WORDS})\s+(?P<dir>{DIR})){E}",
        build_rel_dir,
    ),
    _rule(
        "ago",
        rf"{B}(?P<t>(?:il\s+y\s+a|voici|voilà)\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de|quelque)\s+)?"
        rf"(?P<n>{NUM})\s+(?P<u>{UNIT_WORDS})){E}",
        build_ago,
    ),
    _rule(
        "vague_ago",
        rf"{B}(?P<t>il\s+y\s+a\s+(?:quelques|plusieurs|des)\s+(?:{_PLURAL_UNITS})){E}",
        build_vague_ago,
    ),
    _rule("in", rf"{B}(?P<t>dans\s+(?P<n>{NUM})\s+(?P<u>{UNIT_WORDS})){E}", build_in),
    _rule(
        # "deux ruptures en 97 (en janvier...), rien en 98,": a year of the last century in two digits,
        # only after "en" and before punctuation (a count would have its noun: "en 98 minutes")
        "year_two_digits",
        rf"{B}(?i:en)\s+(?P<t>[4-9][0-9])(?=\s*(?:[,;:)(]|\.(?![0-9])|$))",
        lambda m, s: Spec(year=1900 + int(m.group("t"))),
    ),
    _rule(
        "mod_unit",
        rf"{B}(?P<t>(?:(?:la|le)\s+)?{MOD}(?:de\s+l{AP}\s*|d{AP}\s*|du\s+|de\s+la\s+|de\s+cette\s+|de\s+ce\s+|de\s+cet\s+)"
        rf"(?P<u>année|an|mois|semaine|trimestre|semestre|siècle|décennie|été|hiver|automne|printemps)"
        rf"(?:\s+{YEAR}|\s+(?P<dir>{DIR}))?){E}",
        build_mod_unit,
    ),
    _rule(
        "year",
        rf"{B}(?P<t>(?:(?P<pre>l{AP}\s*an(?:née)?|l{AP}\s*exercice)\s+|{MOD})?{YEAR})(?!\s?%|[.,][0-9])",
        build_year,
    ),
    _rule(
        "decade",
        rf"{B}(?P<t>(?:(?P<mod>début|fin|milieu)\s+des\s+|(?P<det>les|des|aux|ces)\s+)?années\s+"
        rf"(?P<dec>[12][0-9]{{2}}0|{AP}?[0-9]0|{alternation(lx.DECADE_WORDS)}))(?![\w-])",
        build_decade,
    ),
    _rule(
        "century",
        rf"{B}(?:(?:au|du)\s+)?(?P<t>(?:(?P<mod>début|fin|milieu)\s+du\s+|le\s+)?(?P<c>(?-i:[XVI]{{1,6}})|[0-9]{{1,2}})"
        rf"\s?(?:e|è|ème|eme|ᵉ)\s+siècle){E}",
        build_century,
    ),
    _rule(
        "season",
        rf"{B}(?:(?P<prep>en|au)\s+)?(?P<t>(?P<det>l{AP}\s*|cet\s+|ce\s+|le\s+)?(?P<s>printemps|été|automne|hiver)"
        rf"(?:\s+(?:de\s+)?{YEAR}|\s+(?P<dir>{DIR}))?){E}",
        build_season,
    ),
    _rule(
        "quarter",
        rf"{B}(?P<t>(?:(?:le|ce)\s+)?(?P<ord>{alternation(lx.ORDINALS)})\s+(?P<u>trimestre|semestre)"
        rf"(?:\s+(?:de\s+l{AP}\s*(?:année|exercice)\s+)?{YEAR})?|(?-i:(?P<q>[TQS])(?P<qn>[1-4]))\s+(?P<qyear>[12][0-9]{{3}})){E}",
        build_quarter,
    ),
    _rule(
        "clock",
        rf"{B}(?P<t>(?P<h>[01]?[0-9]|2[0-4]|{HOUR_WORDS})\s?(?P<hw>heures?|h)(?:\s?(?P<m>[0-5][0-9])(?:\s?min)?"
        rf"|\s+(?P<frac>et\s+demie|et\s+quart|moins\s+le\s+quart))?"
        rf"(?:\s+(?P<pod>du\s+matin|de\s+l{AP}après-midi|du\s+soir|de\s+la\s+nuit))?"
        r"(?:\s+(?:UTC|GMT|TU|CES?T|HNE|heures?\s+locales?|heure\s+de\s+Paris|heure\s+française|locales?))?)(?![\w/])",
        build_clock,
    ),
    _rule(
        "noon",
        rf"{B}(?:à|vers|dès|avant|après|jusqu{AP}à|peu\s+avant|peu\s+après|aux\s+alentours\s+de|autour\s+de)\s+"
        r"(?P<t>(?P<w>midi|minuit))(?![\w-])",
        build_noon,
    ),
    _rule("ref", rf"{B}(?P<t>{_REF_PHRASES}){E}", build_ref),
    _rule(
        "ref_future",
        rf"{B}(?P<t>(?:dans\s+)?les\s+(?:prochains|prochaines)\s+(?:{_PLURAL_UNITS})"
        rf"|(?:dans\s+)?les\s+(?:{_PLURAL_UNITS})\s+à\s+venir){E}",
        build_ref,
    ),
    _rule(
        "recent",
        rf"{B}(?P<t>(?:ces|les|des)\s+(?:(?P<n0>{NUM})\s+)?(?:derniers|dernières|prochains|prochaines)\s+"
        rf"(?:(?P<n>{NUM})\s+)?(?P<u>{DURATION_UNIT_WORDS})){E}",
        build_recent,
    ),
    _rule(
        "duration",
        rf"{B}(?P<t>(?:(?P<q>environ|près\s+de|plus\s+de|moins\s+de|au\s+moins|quelque|presque|pas\s+moins\s+de)\s+)?"
        rf"(?P<n>{NUM}|quelques|plusieurs|de\s+nombreux|de\s+nombreuses|un\s+demi|une\s+demi|un\s+quart\s+de|des)"
        rf"\s*-?\s*(?P<u>{DURATION_UNIT_WORDS}))(?![\w-])",
        build_duration,
    ),
    _rule(
        "set",
        rf"{B}(?P<t>(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<n>{NUM})\s+)?"
        rf"(?P<u>jours?|semaines?|mois|ans|années?|matins?|soirs?|nuits?|trimestres?|étés?|hivers?|(?:{WD})s?)"
        rf"|(?P<pu_par>par)\s+(?P<pu>jour|semaine|mois|an|année|heure)){E}",
        build_set,
    ),
)
