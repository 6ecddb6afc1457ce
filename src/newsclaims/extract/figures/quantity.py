"""One quantity read at a match of the atom pattern: the number, its scale, and its unit or currency.

Reading stops there: whether the quantity is a claim, a date or a reference, and its qualifier,
are decided by the caller, which sees the context on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from newsclaims.extract.figures.lexicon import Lexicon, phrase_key
from newsclaims.extract.figures.numbers import MAX_DIGITS, digit_count, parse_digits, parse_words
from newsclaims.records import Qualifier

_LETTER = re.compile(r"[^\W\d_]")
_GROUPED = re.compile(r"[ \u00a0\u202f.,]")


@dataclass(frozen=True)
class Quantity:
    start: int  # first character: a currency symbol before the number, or the number
    end: int  # after the number, its scale and its unit or currency
    number_end: int  # after the number itself
    value: Decimal | None  # None when the digits are too many to be a quantity
    kind: str  # "digits", "words", "approx" (une trentaine), "vague" (des milliers), "adverb" (twice)
    qualifier: Qualifier  # what the words themselves say: exact, approx or vague
    raw: str  # the number as written
    scale: Decimal | None = None
    unit: str | None = None
    currency: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def is_plain_integer(self) -> bool:
        """Digits with no separator nor decimals: what years, names and references look like."""
        return self.kind == "digits" and not _GROUPED.search(self.raw)

    @property
    def has_measure(self) -> bool:
        return self.unit is not None or self.currency is not None

    def scaled_by(self, scale: Decimal) -> Quantity:
        value = self.value * scale if self.value is not None else None
        return replace(self, value=value, scale=scale)


class Dropped(Exception):
    """The match is not a figure (a date, a time, a word glued to a number), with why, in a few words;
    ``end`` says where to resume, ``rule`` names the reading that set it aside when not the atom's."""

    def __init__(self, reason: str, end: int, rule: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.end = end
        self.rule = rule


def read_quantity(text: str, m: re.Match[str], lex: Lexicon, linked: bool = False) -> Quantity:
    """The quantity at an atom match, or Dropped; ``linked``: the second number of a range ("60-70")."""
    q = _number(text, m, lex)
    if not linked:
        _check_glue_before(text, q)
    q = _with_prefix_currency(text, q, lex)
    q = _with_scale(text, q, lex)
    q = _with_measure(text, q, lex)
    if not q.has_measure:
        _check_glue_after(text, q, lex)
        _check_time_after(text, q, lex)
    return q


def _check_time_after(text: str, q: Quantity, lex: Lexicon) -> None:
    """Durations, ages and times of day: "trois mois", "14 h 30", "18, 24 et 26 ans", "5 to 10 years"."""
    pos = q.end
    chain = lex.number_list.match(text, pos)
    for start in (pos, chain.end() if chain else None):
        if start is None:
            continue
        m = lex.time_after.match(text, start)
        if m:
            raise Dropped("a time or a duration", m.end())


def _number(text: str, m: re.Match[str], lex: Lexicon) -> Quantity:
    group = m.lastgroup
    if group == "digits":
        raw = m.group("digits")
        flags: tuple[str, ...] = ()
        value = parse_digits(raw, lex.thousands_separator)
        if value is None and digit_count(raw) > MAX_DIGITS:
            flags = ("implausible",)
        elif value is None:
            raise Dropped("malformed digits", m.end())  # "12.11.2012", "1.2.3": dates and versions
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            raise Dropped("a code", m.end())  # "007", "01 23": codes and phone numbers
        return Quantity(m.start(), m.end(), m.end(), value, "digits", "exact", raw, flags=flags)
    if group == "words":
        article = m.group("words").lower() in lex.articles
        if article and not lex.scale.match(text, m.end()) and not _counting_article(text, m.start(), m.group(), lex):
            raise Dropped("an article", m.end())  # the common case, decided before calling text2num
        parsed = parse_words(m.group("words"), lex.text2num, lex.number_joiners)
        if parsed is None:
            raise Dropped("number words text2num cannot read", m.end())
        number, used = parsed
        end = m.start() + used
        return Quantity(m.start(), end, end, Decimal(number), "words", "exact", text[m.start() : end])
    if group == "one":
        return Quantity(m.start(), m.end(), m.end(), Decimal(1), "words", "exact", m.group())
    if group == "adverb":
        value = lex.adverbs[m.group("adverb").lower()]
        return Quantity(m.start(), m.end(), m.end(), value, "adverb", "exact", m.group())
    return _noun_quantity(m, lex)


def _counting_article(text: str, start: int, raw: str, lex: Lexicon) -> bool:
    """ "at least one attempt", "only one cancellation": an article that counts, after a qualifier or
    a count marker."""
    if raw.lower() not in lex.counting_articles:
        return False
    lo = max(0, start - 30)
    return bool(lex.qualifier_before.search(text, lo, start) or lex.count_marker_before.search(text, lo, start))


def _noun_quantity(m: re.Match[str], lex: Lexicon) -> Quantity:
    """ "une trentaine" (approx 30), "des dizaines de milliers" (vague 10 000)."""
    qualifier: Qualifier
    if m.lastgroup == "approx" or m.group("approx"):
        base, chain, qualifier = lex.approx_nouns[m.group("anoun").lower()], _optional_group(m, "achain"), "approx"
    elif m.lastgroup == "exact" or m.group("exact"):
        base, chain, qualifier = lex.exact_nouns[m.group("enoun").lower()], _optional_group(m, "echain"), "exact"
    else:
        noun = m.group("vnoun") or _optional_group(m, "vsing") or ""  # the pattern matched one of the two
        base, chain, qualifier = lex.vague_nouns[noun.lower()], _optional_group(m, "vchain"), "vague"
    value = base * (lex.chain_nouns[chain.lower()] if chain else 1)
    kind = "vague" if qualifier == "vague" else "approx"  # a noun of a number: "une trentaine", "a dozen"
    return Quantity(m.start(), m.end(), m.end(), value, kind, qualifier, m.group())


def _optional_group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _check_glue_before(text: str, q: Quantity) -> None:
    """A number glued to a word, a date or another number is a name or a code: "MD-83", "G20", "1/3"."""
    if q.start == 0 or q.kind not in ("digits", "words"):
        return
    prev = text[q.start - 1]
    if prev.isalnum() or prev in "/:_@" or (prev in ".,-‑" and q.start > 1 and text[q.start - 2].isalnum()):
        raise Dropped("glued to a name or a code", q.number_end)


def _check_glue_after(text: str, q: Quantity, lex: Lexicon) -> None:
    """Letters right after a number make an ordinal ("10e", "1er", "21st"), a code ("4G", "3D") or a name
    ("le 11-Septembre", "a 12-member panel")."""
    if q.kind != "digits" or q.scale is not None or q.number_end >= len(text):
        return
    nxt = text[q.number_end]
    hyphenated = nxt in "-‑" and _LETTER.match(text[q.number_end + 1 : q.number_end + 2])
    if _LETTER.match(nxt) or hyphenated:
        m = lex.time_after.match(text, q.number_end)
        if m:
            raise Dropped("a time or a duration", m.end())
        ordinal = lex.ordinal_after.match(text, q.number_end)
        raise Dropped("an ordinal" if ordinal else "glued to a name or a code", q.number_end)
    if nxt in "/:" and text[q.number_end + 1 : q.number_end + 2].isdigit():
        raise Dropped("a date or a time", q.number_end)  # "10/11/2012", "14:30", "3/4"


def _with_prefix_currency(text: str, q: Quantity, lex: Lexicon) -> Quantity:
    if q.kind not in ("digits", "words"):
        return q
    m = lex.currency_before.search(text, max(0, q.start - 8), q.start)
    if not m:
        return q
    if m.group("sym"):
        code = lex.currency_symbols_before.get(m.group("sym"))
    elif m.group("word"):
        code = lex.currency_words_before.get(phrase_key(m.group("word")))
    else:
        code = m.group("iso")
    if code not in lex.iso_currencies:
        return q
    return replace(q, start=m.start(), currency=code, unit=code)


def _with_scale(text: str, q: Quantity, lex: Lexicon) -> Quantity:
    """ "22 milliards", "3.5 billion", "5bn", and "3m"/"7,2 Md€" when money is on either side."""
    if q.kind not in ("digits", "words"):
        return q
    m = lex.scale.match(text, q.end)
    word = m and m.group("scale")
    if not m:
        m = lex.money_scale.match(text, q.end)
        money_near = q.currency is not None or (m is not None and lex.currency_after.match(text, m.end()))
        word = m.group("scale") if m and money_near else None
    if not m or not word:
        if q.value == 1 and q.kind == "words" and not _counting_article(text, q.start, q.raw, lex):
            raise Dropped("an article", q.end)  # "un", "une", "one" alone are articles and pronouns
        return q
    scaled = q.scaled_by(lex.scales[word.lower()])
    scaled = replace(scaled, end=m.end())
    # "two hundred thousand", "1 000 milliards": scales multiply.
    again = lex.scale.match(text, scaled.end)
    if again and again.group("scale"):
        extra = lex.scales[again.group("scale").lower()]
        scaled = replace(scaled, value=scaled.value * extra if scaled.value is not None else None, end=again.end())
        scaled = replace(scaled, scale=(scaled.scale or 1) * extra)
    return scaled


def _with_measure(text: str, q: Quantity, lex: Lexicon) -> Quantity:
    """Currency or unit after the number: "5 €", "22 milliards de dollars", "20 km", "une vingtaine de km"."""
    positions = [q.end]
    if q.scale is not None or q.kind in ("approx", "vague"):
        link = lex.scale_link.match(text, q.end)
        if link:
            positions.append(link.end())
    for pos in positions:
        if q.currency is None:
            m = lex.currency_after.match(text, pos)
            code = _currency_code(m, lex) if m else None
            if m and code:
                return replace(q, end=m.end(), currency=code, unit=code)
        m = lex.unit_after.match(text, pos)
        if m and q.currency is None:
            unit = lex.unit_symbols[m.group("sym")] if m.group("sym") else lex.units[phrase_key(m.group("word"))]
            return replace(q, end=m.end(), unit=unit)
    return q


def _currency_code(m: re.Match[str], lex: Lexicon) -> str | None:
    if m.group("sym"):
        return lex.currency_symbols_after[m.group("sym")]
    if m.group("word"):
        return lex.currencies.get(phrase_key(m.group("word")))
    iso = m.group("iso")
    return iso if iso in lex.iso_currencies else None
