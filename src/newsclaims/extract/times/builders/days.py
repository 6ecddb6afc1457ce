"""Builders of days named by the calendar: written and numeric dates, weekdays, feasts, nights.

Each reads the groups its docstring names; spans follow TIMEX3: determiners and modifiers inside
("le 30 juin", "Friday night"), prepositions outside.
"""

from __future__ import annotations

from newsclaims.extract.times.builders.read import (
    Match,
    check_weekday,
    day_number,
    group,
    mod,
    month_number,
    part,
    side,
    word,
    year,
)
from newsclaims.extract.times.scan import Built, Reject, Scan
from newsclaims.extract.times.spec import Spec

ADDRESS = Reject("an address")
NAME_OF_A_DAY = Reject("the name of a feast or a person, not a date")
VERSION_NUMBER = Reject("a two-digit year without slashes: as likely a version number")


def calendar_date(m: Match, scan: Scan) -> Built:
    """``day`` ``month`` [``year``|``yy``], a weekday ``wd`` that must fit, a direction ``dir``, a
    part of day ``part``; ``weekof`` ("the week of") names the week that holds the day."""
    lex = scan.lex
    if lex.checks.street_before is not None and lex.checks.street_before.search(scan.before(m.start("t"))):
        return ADDRESS  # "rue du 4 septembre"
    p = part(lex, m)
    wd = word(m, "wd")
    spec = Spec(
        type="TIME" if p else "DATE",
        year=year(m),
        month=month_number(lex, m.group("month")),
        day=day_number(lex, m.group("day")),
        side=side(lex, word(m, "dir"))[0],
        part=p,
        week_of=bool(group(m, "weekof")),
    )
    return check_weekday(spec, lex.weekdays[wd] if wd else None)


def date_range(m: Match, scan: Scan) -> Built:
    """'du 22 au 24 juin 2012', 'les 9 et 10 juillet': days ``d1`` [``m1``] and ``d2`` ``month``
    [``year``], two dates as TimeML annotates them; the first takes the month and year written after
    the second."""
    lex = scan.lex
    y = year(m)
    month2 = month_number(lex, m.group("month"))
    month1 = month_number(lex, m.group("m1")) if m.group("m1") else month2
    first_end = m.end("m1") if m.group("m1") else m.end("d1")
    return [
        (m.start("d1"), first_end, Spec(year=y, month=month1, day=day_number(lex, m.group("d1")))),
        (m.start("d2"), m.end("t"), Spec(year=y, month=month2, day=day_number(lex, m.group("d2")))),
    ]


def numeric_date_dmy(m: Match, scan: Scan) -> Built:
    """``day`` ``sep`` ``month`` ``sep`` ``year`` (four digits, or two after slashes)."""
    year_s = m.group("year")
    if len(year_s) == 2 and m.group("sep") != "/":
        return VERSION_NUMBER  # "12.5.24"
    return Spec(year=int(year_s), month=int(m.group("month")), day=int(m.group("day")))


def numeric_date_mdy(m: Match, scan: Scan) -> Built:
    """``first``/``second``/``year``: month first, unless the first number cannot be a month."""
    first, second = int(m.group("first")), int(m.group("second"))
    month, day = (second, first) if first > 12 else (first, second)
    return Spec(year=int(m.group("year")), month=month, day=day)


def iso_date(m: Match, scan: Scan) -> Built:
    """``year``-``month``-``day``."""
    return Spec(year=int(m.group("year")), month=int(m.group("month")), day=int(m.group("day")))


def weekday(m: Match, scan: Scan) -> Built:
    """A weekday ``wd``: every such day when ``plural``, ``every`` or a habitual determiner ``det``
    comes with it ("le lundi"); else the nearest one, on the side a direction ``dir`` gives; with a
    part of day ``part`` and a modifier ``mod``."""
    lex = scan.lex
    wd = lex.weekdays[word(m, "wd") or ""]
    direction = word(m, "dir")
    followers = lex.cues.weekday_name_followers
    if followers and not direction and not group(m, "part"):
        follower = scan.text[m.end("t") : m.end("t") + 15].lower().strip()
        if any(follower.startswith(f) for f in followers):
            return NAME_OF_A_DAY  # "Vendredi saint", "lundi de Pâques"
    p = part(lex, m)
    det = word(m, "det")
    if group(m, "plural") or group(m, "every") or (det in lex.cues.habitual_determiners and not direction):
        return Spec(type="SET", literal=f"XXXX-WXX-{wd}" + (f"T{p}" if p else ""), granularity="set")
    s, from_ref = side(lex, direction)
    return Spec(type="TIME" if p else "DATE", weekday=wd, side=s, from_ref=from_ref, part=p, mod=mod(lex, m))


def weekday_day(m: Match, scan: Scan) -> Built:
    """'le lundi 6': a weekday ``wd`` and a ``day`` of a month the reader knows, placed by its weekday."""
    lex = scan.lex
    return Spec(weekday=lex.weekdays[word(m, "wd") or ""], day=day_number(lex, m.group("day")))


def night_of(m: Match, scan: Scan) -> Built:
    """'la nuit de jeudi', 'la nuit du 3 au 4 mars': the night of a weekday ``wd``, or of a ``day``
    ``month`` [``year``]."""
    lex = scan.lex
    wd = word(m, "wd")
    if wd:
        return Spec(type="TIME", weekday=lex.weekdays[wd], part="NI")
    return Spec(
        type="TIME",
        year=year(m),
        month=month_number(lex, m.group("month")),
        day=day_number(lex, m.group("day")),
        part="NI",
    )


def feast(m: Match, scan: Scan) -> Built:
    """A named feast ``h`` [``year``], a direction ``dir``: a day, in the written year or the one the
    context points to; ``weekof`` ("Easter week") names the week that holds it."""
    lex, checks = scan.lex, scan.lex.checks
    if checks.feast_name_after is not None and checks.feast_name_after.match(scan.text, m.end("t")):
        return NAME_OF_A_DAY  # "Noël Mamère", "Toussaint Louverture"
    if checks.feast_name_before is not None and checks.feast_name_before.search(scan.before(m.start("t"))):
        return NAME_OF_A_DAY  # "Père Noël", "île de Pâques"
    f = lex.feasts[word(m, "h") or ""]
    y = year(m)
    direction = side(lex, word(m, "dir"))[0]  # "last Thanksgiving"
    week_of = bool(group(m, "weekof"))
    if f.easter is not None:
        return Spec(easter=f.easter, year=y, side=direction, week_of=week_of)
    if f.nth is not None and f.month is not None and f.weekday is not None:
        nth = (f.month, f.weekday, f.nth, f.from_day)
        return Spec(nth_weekday=nth, year=y, side=direction, week_of=week_of)
    return Spec(month=f.month, day=f.day, year=y, side=direction, week_of=week_of)
