"""Figures: numbers that are claims about the world, with qualifier, unit or currency, and what they count.

One regex pass finds number atoms (digits, number words, "une trentaine", "des milliers"); each is
read as a quantity (scale, unit, currency), then judged by its context: dates, years, times,
durations, ages, references and names are not figures. Ranges ("de 1 000 à 4 000", "60-70 %",
"between 5 and 10") become one figure. The qualifier comes from the words just before or after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.figures.counted import Counted, Tokens, counted_after
from newsclaims.extract.figures.lexicon import DASHES, QUOTES, Lexicon, lexicon_for, phrase_key
from newsclaims.extract.figures.numbers import PLAUSIBLE, as_number
from newsclaims.extract.figures.quantity import Dropped, Quantity, read_quantity
from newsclaims.records import Dropped as DroppedRecord
from newsclaims.records import Figure, Qualifier
from newsclaims.tokenizer import doc_text

VERSION = "1"
WINDOW = 60  # characters of left context a qualifier, a reference word or a range opener may take
_SENTENCE_START = set('.!?:;\n«“"(—–-[') | set(QUOTES)
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w'’.-]*)[^\S\n]+$")
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’-]*,[^\S\n]*$")
_SIGN = "-−+"
MAX_RANGE_RATIO = 20  # "5 à 10 personnes" is a range; "40 à 3 000" without "de"/"entre" is not
# After a verb of rise, ends this close are two levels ("a grimpé de 100 à 120 dollars", "de 19,6 à 20 %")
# rather than the bounds of an estimated rise ("augmenteront de 10 à 15 %").
LEVEL_STEP = Decimal("1.25")
# The rule of a figure: the alternative of the atom pattern that found its number, or "range".
RULES = {
    "digits": "digits",
    "words": "words",
    "one": "words",
    "approx": "approx-noun",
    "exact": "exact-noun",
    "vague": "vague-noun",
    "adverb": "adverb",
}
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[^\S\n]+$")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CLOSING_COMMA = re.compile(r"[^\S\n]*,")
_PHONE_PREFIX = re.compile(r"\)[^\S\n]*[0-9]")
_PART_SEPARATOR = re.compile(r"[^\S\n]*,?[^\S\n]*")
TITLE_SHARE = 0.75  # of a line's longer words capitalised, in a line with no final stop: a title


@dataclass(frozen=True)
class Candidate:
    """A quantity in its context, on the way to becoming a Figure."""

    q: Quantity
    start: int  # with qualifier, sign and range opener
    end: int  # with the counted phrase
    qualifier: Qualifier
    low: Decimal | None = None
    high: Decimal | None = None
    counted: Counted | None = None
    resume: int = 0  # where scanning goes on
    rule: str = ""


def extract_figures(doc: Doc, ctx: Context, dropped: list[DroppedRecord] | None = None) -> list[Figure]:
    """Every figure of the Doc, in text order, offsets relative to ``doc.text``.

    The rules are the pack's (``ctx.pack``: UnsupportedLanguage when none reads the language). When
    ``dropped`` is a list, every number set aside is appended to it with the reason.
    """
    text = doc_text(doc)
    lex = lexicon_for(ctx.pack)
    tokens = Tokens(doc)
    figures: list[Figure] = []
    pos = 0
    while True:
        m = lex.atom.search(text, pos)
        if m is None:
            break
        try:
            cand = _candidate(text, m, lex, tokens)
        except Dropped as exc:
            pos = max(exc.end, m.start() + 1)
            if dropped is not None:
                rule = exc.rule or RULES.get(m.lastgroup or "", "")
                dropped.append(DroppedRecord("figure", text[m.start() : pos], m.start(), pos, rule, exc.reason))
            continue
        figures.append(_figure(text, cand))
        pos = max(cand.resume, m.start() + 1)
    return figures


def _candidate(text: str, m: re.Match[str], lex: Lexicon, tokens: Tokens) -> Candidate:
    rule = RULES.get(m.lastgroup or "", "")
    q = read_quantity(text, m, lex)
    _check_context(text, q, lex)
    ranged, q = _range(text, q, lex, tokens)
    if ranged is not None:
        return ranged
    ratio = _ratio(text, q, lex, tokens, rule)
    if ratio is not None:
        return ratio
    q = _with_measure_before(text, q, lex)  # "séisme de magnitude 7,8"
    q, start = _with_sign(text, q)
    counted = _counted(text, q, lex, tokens)
    qualifier, qstart = _qualifier(text, start, q, lex)
    _check_bare(text, q, counted, qualifier != q.qualifier, lex, tokens)
    end = max(q.end, counted.end if counted else 0)
    qualifier = _qualifier_after(text, (q.end, end), lex) or qualifier
    resume = q.end
    part = _subunit_part(text, q, lex)
    if part is not None:
        end = resume = max(end, part.end)  # "5 feet, 10 inches": one measure
    guess = _higher_guess(text, end, q, lex)
    if guess is not None:
        comma = _CLOSING_COMMA.match(text, guess.end)  # "dozens, if not hundreds, of searches"
        counted = counted or _counted(text, replace(guess, end=comma.end()) if comma else guess, lex, tokens)
        end = resume = guess.end
        end = max(end, counted.end if counted else 0)
    return Candidate(q, qstart, end, qualifier, counted=counted, resume=resume, rule=rule)


def _subunit_part(text: str, q: Quantity, lex: Lexicon) -> Quantity | None:
    """The second part of a measure in two units ("5 feet, 10 inches"), or None."""
    part_unit = lex.subunits.get(q.unit or "")
    part = _quantity_after(text, _PART_SEPARATOR.match(text, q.end), lex) if part_unit else None
    return part if part is not None and part.unit == part_unit else None


def _higher_guess(text: str, pos: int, q: Quantity, lex: Lexicon) -> Quantity | None:
    """ "dozens if not hundreds": the higher guess after the figure, which stays the figure's value."""
    second = _quantity_after(text, lex.alternative_after.match(text, pos), lex)
    if second is None or q.value is None or second.value is None or second.value <= q.value:
        return None
    return second


def _quantity_after(text: str, link: re.Match[str] | None, lex: Lexicon) -> Quantity | None:
    """The quantity right after ``link``, when one is there and reads as one."""
    m = lex.atom.match(text, link.end()) if link else None
    if m is None:
        return None
    try:
        return read_quantity(text, m, lex)
    except Dropped:
        return None


# --- context: what the number is not ---------------------------------------------------------------


def _check_context(text: str, q: Quantity, lex: Lexicon) -> None:
    """Dates, references, ages and addresses, whatever the number's size."""
    lo = max(0, q.start - WINDOW)
    if q.kind == "digits" and not q.has_measure and q.scale is None:
        if lex.date_after.match(text, q.number_end) or lex.date_before.search(text, lo, q.start):
            raise Dropped("a date", q.end)
        if lex.address_after.match(text, q.end):
            raise Dropped("a house number", q.end)
    if q.kind in ("digits", "words"):
        if lex.reference_before.search(text, lo, q.start):
            raise Dropped("a reference", q.end)
        if lex.age_before.search(text, lo, q.start) or lex.age_after.match(text, q.end):
            raise Dropped("an age", q.end)


def _check_bare(text: str, q: Quantity, counted: Counted | None, qualified: bool, lex: Lexicon, tokens: Tokens) -> None:
    """A number with no unit, currency or scale must show it counts something to be a figure."""
    if q.kind == "adverb" or (counted is not None and counted.head in lex.frequency_nouns):
        if lex.multiplier_after.match(text, counted.end if counted is not None else q.end):
            raise Dropped("a multiplier", q.end)  # "three times as many", "twice the size"
        return  # "arrested three times", "at least twice"
    if counted is not None and counted.head in lex.not_counted:
        raise Dropped(f"not a count ({counted.head})", q.end)  # "deux fois", "trois longues années"
    if q.has_measure or q.scale is not None or q.kind in ("approx", "vague"):
        return
    if q.kind == "words":
        _check_number_word(text, q, counted, lex, tokens)
        return
    lo = max(0, q.start - WINDOW)
    if _is_year(text, q, counted, lex):
        raise Dropped("a year", q.end)
    if text[q.start - 1 : q.start] == "(" and _PHONE_PREFIX.match(text, q.end):
        raise Dropped("a code or a phone number", q.end)  # "(212) 555-0199"
    if qualified:
        return
    if _named_number(text, q, tokens) and (counted is None or counted.text[:1].isupper()):
        raise Dropped("part of a name", q.end)  # "Ligue 1", "Boeing 737", "Ubuntu 12.10", "France 2 Gilles Jacquier"
    if counted is not None or lex.partitive_after.match(text, q.end):
        return  # "10 des 17 ministères"
    if q.value is not None and q.value < 10 and q.value == q.value.to_integral_value():
        raise Dropped("a small number counting nothing", q.end)
    if lex.fraction_before.search(text, lo, q.start):
        raise Dropped("a fraction", q.end)  # "neuf cas sur 10"
    if len(q.raw) == 2 and q.is_plain_integer and lex.short_year_before.search(text, lo, q.start):
        raise Dropped("a year", q.end)  # "deux ruptures en 97", "in '98"
    if _label_before(q, tokens, lex):
        raise Dropped("a label", q.end)  # "le césium 137", "le pas de tir 40", "la 13.04"
    if _APPOSITION_BEFORE.search(text, lo, q.start) and text[q.end : q.end + 1] == ",":
        raise Dropped("an age", q.end)  # "John Smith, 45, said"


def _is_year(text: str, q: Quantity, counted: Counted | None, lex: Lexicon) -> bool:
    if not q.is_plain_integer or q.has_measure or q.scale is not None:
        return False
    if q.value is None or not 1000 <= q.value <= 2100 or len(q.raw) != 4:
        return False
    # "2000 personnes" counts; "en 2012 lors", "a 2009 analysis" are years.
    return (
        counted is None
        or not counted.plural
        or bool(lex.year_context_before.search(text, max(0, q.start - WINDOW), q.start))
    )


def _label_before(q: Quantity, tokens: Tokens, lex: Lexicon) -> bool:
    """A bare number right after a noun or a singular article names a thing rather than counting it."""
    if not tokens.parsed:
        return False
    prev = tokens.before(q.start)
    if prev is None:
        return False
    return prev.pos_ in ("NOUN", "ADJ") or prev.lower_ in lex.singular_articles


def _named_number(text: str, q: Quantity, tokens: Tokens) -> bool:
    m = _CAPITALISED_BEFORE.search(text, max(0, q.start - WINDOW), q.start)
    if m is None or _in_title(text, q.start):
        return False
    if not _starts_sentence(text, m.start()):
        return True
    prev = tokens.before(q.start) if tokens.parsed else None
    return prev is not None and prev.pos_ == "PROPN"  # "Ubuntu 12.10" opening a sentence


def _check_number_word(text: str, q: Quantity, counted: Counted | None, lex: Lexicon, tokens: Tokens) -> None:
    """ "deux filiales" and "huit donnent une avance" count; "tous deux", "neuf" (new), "les Vingt-Sept" do not."""
    if q.raw[:1].isupper() and not _starts_sentence(text, q.start) and not _in_title(text, q.start):
        raise Dropped("part of a name", q.end)
    before = _WORD_BEFORE.search(text, max(0, q.start - WINDOW), q.start)
    if before and before.group(1).lower() in lex.definite_before and q.raw.lower() in lex.definite_counts:
        raise Dropped("a set the text gave", q.end)  # "the two men", "these three countries"
    if counted is None and lex.fraction_before.search(text, max(0, q.start - WINDOW), q.start):
        raise Dropped("a fraction", q.end)  # "un salarié sur dix"
    if not tokens.parsed:
        if counted is None and not lex.partitive_after.match(text, q.end):
            raise Dropped("no noun counted", q.end)
        return
    tok = tokens.at(q.start)
    if tok is not None and tok.lower_ in lex.adjectives and tok.pos_ != "NUM":
        raise Dropped("an adjective", q.end)
    if lex.both_pattern.search(text, max(0, q.start - WINDOW), q.start):
        raise Dropped("both or all, no count", q.end)  # "ils ont tous deux démissionné"
    if counted is not None:
        return
    if lex.partitive_after.match(text, q.end) or lex.others_after.match(text, q.end):
        return  # "sept des seize mausolées", "trois autres ont été blessés", "all five of the shootings"
    prev = tokens.before(q.start)
    if prev is not None and prev.lower_ in lex.both_before:
        raise Dropped("both or all, no count", q.end)  # "tous deux", "les deux ont"
    # A numeral standing for a noun phrase, as subject: "sur neuf enquêtes, huit donnent une avance".
    nxt = tokens.at(q.end)
    if nxt is None or nxt.pos_ not in ("VERB", "AUX"):
        raise Dropped("no noun counted", q.end)


def _in_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a line set as a title (capitals or title case, no final stop), where
    capitals name nothing: "NATO Adds Three New Members", "NATO GROWS TO EMBRACE 3 FORMER ENEMIES"."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    if not line or line[-1] in '.!?:;,"”»':
        return False
    words = [w for w in _TITLE_WORD.findall(line) if len(w) > 3]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_SHARE * len(words)


def _starts_sentence(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0\u202f":
        j -= 1
    return j < 0 or text[j] in _SENTENCE_START


# --- ranges ----------------------------------------------------------------------------------------


def _range(text: str, q: Quantity, lex: Lexicon, tokens: Tokens) -> tuple[Candidate | None, Quantity]:
    """ "entre 5 et 10", "de 1 000 à 4 000 emplois", "60 à 70 %", "60-70 %", "between 5 and 10",
    "between $250 million and $300 million", "$2-3 billion".

    Without a range, the quantity comes back, with the second number's unit when the pair is a
    change ("passé de 100 à 120 dollars": 100 is in dollars too).
    """
    if q.kind not in ("digits", "words"):
        return None, q
    lo = max(0, q.start - WINDOW)
    opener = lex.range_open.search(text, lo, q.start)
    word = opener.group("open").lower() if opener else ""
    between = word in lex.range_between
    joiner = lex.range_and if between else lex.range_to
    link = joiner.match(text, q.end)
    if link and link.group().strip() in DASHES and re.match(r"0[0-9]", text[link.end() : link.end() + 2]):
        raise Dropped("a code or a phone number", link.end() + 2, "range")  # "555-0123"
    second = _second_number(text, link.end(), lex) if link else None
    if link is None or second is None:
        return None, q
    if lex.date_after.match(text, second.number_end) and not second.has_measure:
        raise Dropped("a date", second.end, "range")  # "du 3 au 5 mai", "les 9 et 10 juillet"
    first = _share_scale(q, second)
    if opener and not between and _is_change(text, lo, opener.start(), first, second, lex, tokens):
        return None, _share_measure(first, second)  # "passé de 45 000 à 75 000": two figures, a change
    if first.value is None or second.value is None:
        return None, q
    if _is_year(text, first, None, lex) and _is_year(text, second, None, lex):
        raise Dropped("a span of years", second.end, "range")  # "entre 2008 et 2009", "2002-2004"
    if first.has_measure and second.has_measure and (first.unit, first.currency) != (second.unit, second.currency):
        return None, q  # "2,3 % à 3 456 points": two measures side by side
    if first.value >= second.value:
        if first.is_plain_integer and second.is_plain_integer and not second.has_measure:
            raise Dropped("a score", second.end, "range")  # "3-1", "21 à 17"
        if opener and not between:
            return None, _share_measure(first, second)  # "redescendu de 4 à 3 %": a change down, in %
        return None, q
    dashed = link.group().strip() in "-‑–"
    if not opener and not _unopened_range(text, lo, first, second, dashed, lex, tokens):
        return None, q
    start = opener.start() if opener else first.start
    unit = second.unit or first.unit
    currency = second.currency or first.currency
    merged = replace(first, end=second.end, unit=unit, currency=currency, scale=second.scale or first.scale)
    counted = _counted(text, merged, lex, tokens)
    if counted is not None and counted.head in lex.not_counted:
        raise Dropped(f"not a count ({counted.head})", second.end, "range")  # "deux à trois fois plus"
    if dashed and counted is None and not merged.has_measure:
        raise Dropped("a score or a code", second.end, "range")  # "6-1, 5-7": a bare hyphen pair
    qualifier, qstart = _qualifier(text, start, merged, lex)
    end = max(second.end, counted.end if counted else 0)
    ranged = Candidate(
        merged,
        qstart,
        end,
        "range",
        low=first.value,
        high=second.value,
        counted=counted,
        resume=second.end,
        rule="range",
    )
    return ranged, q


def _ratio(text: str, q: Quantity, lex: Lexicon, tokens: Tokens, rule: str) -> Candidate | None:
    """ "six of 10 Americans", "three in five voters": the first number counts what follows the
    second, its base, which is no figure of its own."""
    if q.kind not in ("digits", "words") or q.has_measure or q.scale is not None or q.value is None:
        return None
    link = lex.ratio_after.match(text, q.end)
    second = _second_number(text, link.end(), lex) if link else None
    if second is None or second.value is None or second.has_measure or second.value <= q.value:
        return None
    if _is_year(text, second, None, lex):
        return None  # "5 of 2010": no base of a ratio
    counted = _counted(text, second, lex, tokens)
    qualifier, qstart = _qualifier(text, q.start, q, lex)
    end = max(second.end, counted.end if counted else 0)
    return Candidate(q, qstart, end, qualifier, counted=counted, resume=second.end, rule=rule)


def _is_change(text: str, lo: int, end: int, first: Quantity, second: Quantity, lex: Lexicon, tokens: Tokens) -> bool:
    """Whether "de X à Y" / "from X to Y" after a word of change goes from one level to another.

    "passer de X à Y" always does. After a verb of rise or fall, "de X à Y" may instead be the size
    of the change, with a range: a fall to a higher level is no fall ("baissé de 2 à 3 points"), and
    a rise gives its size unless the ends are close or, outside percentages and points, the rise is
    told as done ("a grimpé de 100 à 120 dollars", but "augmenteront de 10 à 15 %").
    """
    m = _change_trigger(text, lo, end, lex, tokens)
    if m is None:
        return False
    if m.group("state") is not None or first.value is None or second.value is None or first.value >= second.value:
        return True
    if m.group("fall") is not None:
        return False
    if second.value < first.value * LEVEL_STEP:
        return True
    relative = (second.unit or first.unit) in lex.relative_units
    return not relative and lex.past_form.search(m.group("word")) is not None


def _change_trigger(text: str, lo: int, end: int, lex: Lexicon, tokens: Tokens) -> re.Match[str] | None:
    """The word of change ending up to two words before ``end``; a noun that names no change is none."""
    m = lex.change_before.search(text, lo, end)
    if m is None or not tokens.parsed:
        return m
    tok = tokens.at(m.start("word"))
    if tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in lex.change_nouns:
        return None  # "une portée de 300 à 500 km", "une crue de 2 à 3 mètres"
    return m


def _unopened_range(
    text: str, lo: int, first: Quantity, second: Quantity, dashed: bool, lex: Lexicon, tokens: Tokens
) -> bool:
    """Whether a pair with no "de"/"entre"/"from"/"between" before it is a range ("60 à 70 %").

    Far apart, "à" is "at" ("gagnant 42,5 points à 3 456 points"). A first number with its own unit
    or currency makes a range only when the second has the same ("5 € à 8 €", "$250 million to $300
    million") or the first's currency sign serves both ("$2-3 billion", "$250 to 300 million", but
    "gave $20 to 30 families"), and not after a word of change ("rose 0.4% to 3.1%": by the one, to
    the other).
    """
    if first.value is None or second.value is None or second.value > first.value * MAX_RANGE_RATIO:
        return False
    if not first.has_measure:
        return True
    shared = _currency_sign_before(first) and (dashed or second.scale is not None)
    if not (second.has_measure or shared):
        return False
    return _change_trigger(text, lo, first.start, lex, tokens) is None


def _currency_sign_before(q: Quantity) -> bool:
    return q.currency is not None and q.start < q.number_end - len(q.raw)


def _second_number(text: str, pos: int, lex: Lexicon) -> Quantity | None:
    """The number after "à", "to", "and", "-", with its own currency sign if it has one ("and $300 million")."""
    sign = lex.currency_prefix.match(text, pos)
    m = lex.atom.match(text, sign.end() if sign else pos)
    if m is None or m.lastgroup not in ("digits", "words"):
        return None
    try:
        second = read_quantity(text, m, lex, linked=True)
    except Dropped:
        return None
    if sign is not None and second.start != pos:
        return None  # "to TOP 10": letters that are no currency
    return second


def _share_measure(first: Quantity, second: Quantity) -> Quantity:
    if first.has_measure or not second.has_measure:
        return first
    return replace(first, unit=second.unit, currency=second.currency)


def _share_scale(first: Quantity, second: Quantity) -> Quantity:
    """ "de 2 à 3 millions": the second number's scale applies to the first when it makes it smaller.

    Thousands are elided the same way: "10 à 15 000" is 10 000 to 15 000, when that reading keeps
    the two ends within a factor of two.
    """
    if first.scale is not None or first.value is None or second.value is None:
        return first
    if second.scale is not None:
        if first.value < second.value / second.scale:
            return first.scaled_by(second.scale)
        return first
    thousand = Decimal(1000)
    elided = second.kind == "digits" and second.raw.endswith("000") and first.value < thousand <= second.value
    if elided and second.value / 2 < first.value * thousand <= second.value:
        return replace(first.scaled_by(thousand), scale=None)
    return first


# --- qualifier, sign, counted ---------------------------------------------------------------------


def _qualifier(text: str, start: int, q: Quantity, lex: Lexicon) -> tuple[Qualifier, int]:
    """The qualifier phrase ending where the figure starts, else what the number words say."""
    m = lex.qualifier_before.search(text, max(0, start - WINDOW), start)
    if not m:
        return q.qualifier, start
    key = re.sub(rf"[{QUOTES}\s]+", " ", m.group("q")).replace("’", "'").replace("' ", "'").strip().lower()
    qualifier = lex.qualifiers.get(key)
    if qualifier is None:
        return q.qualifier, start
    return qualifier, m.start("q")


def _qualifier_after(text: str, positions: tuple[int, ...], lex: Lexicon) -> Qualifier | None:
    for pos in positions:
        m = lex.qualifier_after.match(text, pos)
        if m:
            return lex.qualifiers_after.get(phrase_key(m.group("q")))
    return None


def _with_measure_before(text: str, q: Quantity, lex: Lexicon) -> Quantity:
    """A measure whose unit is written before the number ("magnitude 7,8")."""
    if q.has_measure or q.kind != "digits":
        return q
    m = lex.measure_before.search(text, max(0, q.start - WINDOW), q.start)
    return replace(q, unit=lex.measure_units[phrase_key(m.group("measure"))]) if m else q


def _with_sign(text: str, q: Quantity) -> tuple[Quantity, int]:
    """ "- 33 %", "-5 °C", "+2,1 %": a sign counts only before a measure, and not after a word or number."""
    if not q.has_measure or q.value is None:
        return q, q.start
    j = q.start - 1
    if j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or text[j] not in _SIGN:
        return q, q.start
    before = text[j - 1] if j > 0 else " "
    if not (before.isspace() or before in "([;:,"):
        return q, q.start
    if before.isspace() and j > 1 and text[j - 2].isdigit():
        return q, q.start  # "2002 - 2004" would be a range, not a sign
    value = -q.value if text[j] in "-−" else q.value
    return replace(q, value=value, start=j), j


def _counted(text: str, q: Quantity, lex: Lexicon, tokens: Tokens) -> Counted | None:
    if q.currency is not None:
        return None  # money counts itself; what it pays for is a statement's business
    linked = q.unit is not None or q.scale is not None or q.kind in ("approx", "vague")
    # After a unit only a "de"/"of" phrase is counted: "10 % des habitants", not "32 °C lundi".
    return counted_after(text, q.end, tokens, lex, linked, link_required=q.unit is not None)


def _figure(text: str, cand: Candidate) -> Figure:
    q = cand.q
    flags = q.flags
    value = q.value
    if value is not None and abs(value) >= PLAUSIBLE:
        flags = (*flags, "implausible")
    return Figure(
        value=as_number(value) if value is not None else None,
        qualifier=cand.qualifier,
        text=text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        unit=q.unit,
        currency=q.currency,
        counted=cand.counted.text if cand.counted else None,
        low=as_number(cand.low) if cand.low is not None else None,
        high=as_number(cand.high) if cand.high is not None else None,
        flags=flags,
        extractor="figures",
        version=VERSION,
        rule=cand.rule,
    )
