"""The figure extractor's patterns, compiled once per language pack from its ``figures.toml``.

Words come from the pack (``languages/<code>/figures.toml``, schema in ``languages/figures_data.py``)
and symbols every language shares from ``symbols.toml``; this module holds only how they combine:
where a number, a scale, a unit or a qualifier may stand, and what may sit between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from newsclaims.extract.figures.symbols import iso_currencies, symbols
from newsclaims.languages import LanguagePack, loaded_packs
from newsclaims.languages.figures_data import ApproxData, ContextData, FigureData
from newsclaims.languages.times_data import Calendar
from newsclaims.records import Qualifier
from newsclaims.text import NEVER, alternation

GAP = r"[^\S\n]*"  # spaces (normal, no-break, narrow no-break) but never a line break
GAP1 = r"[^\S\n]+"
QUOTES = '«»“”"‹›„'
APOS = "['’]"
DASHES = "-‑–"  # hyphen, no-break hyphen, en dash (hyphen first: literal in a class)

DIGITS = (
    r"(?P<digits>[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])(?:[.,][0-9]+)?"  # 8 000 / 1 425,67
    r"|[0-9]+(?:[.,][0-9]+)*)"  # 8.000, 8,000, 7,2, 1.5, 2012
)


def alt(phrases: Iterable[str]) -> str:
    """Regex alternatives of a pack's phrases: longest first, a space matching spaces, either apostrophe."""
    return alternation(phrases, space=GAP1, apostrophe=APOS)


def phrase_key(matched: str) -> str:
    """The dictionary key of a matched phrase: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", matched.replace("’", "'")).lower()


@dataclass(frozen=True)
class Lexicon:
    """The compiled patterns and tables of one language."""

    lang: str
    text2num: str  # the language code text2num reads number words in ("" reads none)
    thousands_separator: str  # alone before three digits, it groups thousands ("8.000" in French)
    number_joiners: frozenset[str]  # "et", "and" inside a number in words
    articles: frozenset[str]  # number words that alone are an article or a pronoun ("un", "one")
    counting_articles: frozenset[str]  # ...that count after a qualifier or a count marker ("at least one")
    count_marker_before: re.Pattern[str]  # "only" before "one cancellation"
    adverbs: dict[str, Decimal]  # "twice" -> 2
    adjectives: frozenset[str]  # number words that are also adjectives ("neuf")
    atom: re.Pattern[str]  # a number: digits, number words, "une trentaine", "des milliers"
    approx_nouns: dict[str, Decimal]  # "trentaine" -> 30
    exact_nouns: dict[str, Decimal]  # "dozen" -> 12
    vague_nouns: dict[str, Decimal]  # "milliers" -> 1000, "dozen" (after "several") -> 12
    chain_nouns: dict[str, Decimal]  # "des dizaines de milliers": the second noun multiplies
    scale: re.Pattern[str]  # "millions", "milliards", "bn" after a number
    scales: dict[str, Decimal]
    money_scale: re.Pattern[str]  # "m", "k", "Md" that are scales only beside a currency
    scale_link: re.Pattern[str]  # "de", "d'", "of" between a scale and what it counts
    currency_after: re.Pattern[str]
    currencies: dict[str, str]  # by name, keys as phrase_key
    currency_symbols_after: dict[str, str]
    currency_before: re.Pattern[str]
    currency_symbols_before: dict[str, str]
    currency_words_before: dict[str, str]  # "dlrs", keys as phrase_key
    iso_currencies: frozenset[str]
    unit_after: re.Pattern[str]
    units: dict[str, str]  # by name, keys as phrase_key
    unit_symbols: dict[str, str]  # as written
    relative_units: frozenset[str]  # units (as recorded) of the size of a change: "%", "points"
    time_after: re.Pattern[str]  # a duration, an age or a time of day follows the number
    number_list: re.Pattern[str]  # ", 24 et 26" after "18": the list's unit is the first number's too
    partitive_after: re.Pattern[str]  # "sept des seize mausolées", "two of the", "two of Elian's"
    ratio_after: re.Pattern[str]  # "of" in "six of 10 Americans", up to the second number
    date_after: re.Pattern[str]  # "9 et 10 juillet", "31 octobre"
    date_before: re.Pattern[str]  # "October 31", "jeudi 31"
    ordinal_after: re.Pattern[str]
    reference_before: re.Pattern[str]  # "n°", "article", "version", "page"
    address_after: re.Pattern[str]  # "12 rue", "10 Downing Street"
    age_before: re.Pattern[str]
    age_after: re.Pattern[str]  # "65 and older"
    year_context_before: re.Pattern[str]  # "en", "depuis", "in", "since" before a year
    short_year_before: re.Pattern[str]  # "en 97", "in '98": a two-digit year
    fraction_before: re.Pattern[str]  # "un sur dix", "out of ten"
    qualifier_before: re.Pattern[str]
    qualifiers: dict[str, Qualifier]
    qualifier_after: re.Pattern[str]
    qualifiers_after: dict[str, Qualifier]
    range_open: re.Pattern[str]  # "entre", "de", "between", "from" just before the first number
    range_between: frozenset[str]  # the openers closed by range_and ("entre", "between")
    range_and: re.Pattern[str]  # "et", "and" (after "entre"/"between")
    range_to: re.Pattern[str]  # "à", "to", "-"
    alternative_after: re.Pattern[str]  # ", if not" before a higher guess
    # A word of change before "de X à Y" / "from X to Y", in its group: "state" (passer: always from X to
    # Y), "rise" or "fall" (augmenter, baisser: "de X à Y" is either the levels or the size of the change).
    change_before: re.Pattern[str]
    change_nouns: frozenset[str]  # nouns that name a change: a parse's other nouns are no trigger ("portée")
    past_form: re.Pattern[str]  # a verb form of a completed change: "a grimpé", "augmentait"
    currency_prefix: re.Pattern[str]  # "$", "US$", "EUR" opening the second number of a range
    counted_link: re.Pattern[str]  # "de", "des", "of the" before the thing counted
    complements: frozenset[str]  # "de", "à" + noun after the counted noun ("membres d'équipage")
    adjectives_after: bool  # with a parse, adjectives after the noun belong to it ("soldats nord-coréens")
    not_counted: frozenset[str]  # heads that make a number something else ("fois", "times")
    frequency_nouns: frozenset[str]  # heads that count occurrences ("three times")...
    multiplier_after: re.Pattern[str]  # ...unless a comparison follows ("three times as many")
    definite_before: frozenset[str]  # "the two men": a set the text gave, no new count...
    definite_counts: frozenset[str]  # ...with these numbers
    both_before: frozenset[str]  # "les deux" + verb: "both", not a count
    both_pattern: re.Pattern[str]  # "tous deux", "toutes les trois": always "both", "all three"
    others_after: re.Pattern[str]  # "trois autres", "two others": a numeral standing for people or things
    measure_before: re.Pattern[str]  # "magnitude 7,8": a measure whose unit is written before it
    measure_units: dict[str, str]  # its word -> the unit recorded
    subunits: dict[str, str]  # "feet" -> "inches": "5 feet, 10 inches" is one measure
    singular_articles: frozenset[str]  # "le 13": before a bare number, a label
    stopwords: frozenset[str]  # words that end a counted phrase when there is no parse
    irregular_plurals: frozenset[str]
    plural_endings: tuple[str, ...]  # a word ending so, and not in singular_endings, looks plural
    singular_endings: tuple[str, ...]
    time_openers: frozenset[str]  # "last" of "300,000 last year": a time expression, not a counted phrase


def lexicon_for(pack: LanguagePack) -> Lexicon:
    """The lexicon of a pack, compiled once for the packs registered beside it (see ``compile_lexicon``)."""
    return _compiled(pack, loaded_packs())


@cache  # packs compare by identity: one entry per pack and set of registered packs
def _compiled(pack: LanguagePack, registered: tuple[LanguagePack, ...]) -> Lexicon:
    calendars = (pack.times.calendar, *(p.times.calendar for p in registered))
    return compile_lexicon(pack.code, pack.figures, calendars)


def compile_lexicon(lang: str, data: FigureData, calendars: tuple[Calendar, ...] = ()) -> Lexicon:
    """The patterns of ``data``. Month and weekday names are the calendars' (``times.toml`` of each
    pack given, as a rule every registered pack): a date written in another language ("le 4 July",
    "on 14 juillet") is still no figure."""
    sym = symbols()
    ctx, dates, ranges, counted = data.context, data.dates, data.ranges, data.counted
    scales = {k.lower(): Decimal(v) for k, v in data.scales.words.items()}
    money_scales = {k.lower(): Decimal(v) for k, v in data.scales.money.items()}
    all_months = {w.lower() for c in calendars for w in (*c.months, *c.month_abbreviations)}
    all_weekdays = {w.lower() for c in calendars for w in c.weekdays}
    months = alt(all_months)
    unit_symbols = {**sym.units, **data.measures.unit_symbols}
    day_suffix = alt(dates.day_suffixes)
    qualifiers = {phrase_key(k): v for k, v in data.qualifiers.before.items()}
    qualifiers_after = {phrase_key(k): v for k, v in data.qualifiers.after.items()}
    money_forms = [*money_scales, *(s.capitalize() for s in money_scales)]
    not_counted = (*ctx.not_counted, *ctx.time_units, *all_months, *all_weekdays)
    return Lexicon(
        lang=lang,
        text2num=data.numbers.text2num,
        thousands_separator=data.numbers.thousands_separator,
        number_joiners=word_set(data.numbers.joiners),
        articles=word_set(data.numbers.articles),
        counting_articles=word_set(data.numbers.counting_articles),
        count_marker_before=_before(data.numbers.count_markers, GAP1) if data.numbers.count_markers else _NEVER,
        adverbs=_values(data.numbers.adverbs),
        adjectives=word_set(data.numbers.adjectives),
        atom=_atom_pattern(data),
        approx_nouns=_values(data.approx.nouns),
        exact_nouns=_values(data.exact.nouns),
        vague_nouns=_values({**data.vague.nouns, **data.vague.singular}),
        chain_nouns=_values(data.chains.nouns),
        scale=_compile(rf"{GAP}(?P<scale>{alt(scales)})(?!\w)"),
        scales={**scales, **money_scales},
        # Case matters: "3 M€" and "7,2 Md€" are scales, "MD" is no scale.
        money_scale=re.compile(rf"{GAP}(?P<scale>{alt(money_forms)})(?!\w)"),
        scale_link=_compile(rf"{GAP}(?:{_then_space(counted.scale_links)})"),
        currency_after=re.compile(
            rf"{GAP}(?:(?P<sym>{alt(sym.currencies_after)})|(?P<word>(?i:{alt(data.measures.currencies)}))(?!\w)"
            rf"|(?P<iso>[A-Z]{{3}})(?!\w))"
        ),
        currencies={phrase_key(k): v for k, v in data.measures.currencies.items()},
        currency_symbols_after=dict(sym.currencies_after),
        currency_before=re.compile(
            rf"(?:(?P<sym>{alt(sym.currencies_before)})|(?<![\w])(?P<iso>[A-Z]{{3}})"
            rf"|(?<![\w])(?P<word>(?i:{alt(data.measures.currencies_before)}))){GAP}$"
        ),
        currency_symbols_before=dict(sym.currencies_before),
        currency_words_before={phrase_key(k): v for k, v in data.measures.currencies_before.items()},
        iso_currencies=iso_currencies(),
        unit_after=re.compile(
            rf"{GAP}(?:(?P<sym>{alt(unit_symbols)})(?![\w])|-?(?P<word>(?i:{alt(data.measures.units)}))(?![\w-]))"
        ),
        units={phrase_key(k): v for k, v in data.measures.units.items()},
        unit_symbols=unit_symbols,
        relative_units=sym.relative_units | set(data.measures.relative),
        time_after=_compile(
            rf"(?:{GAP}|{GAP}-{GAP})(?:(?:{alt(ctx.clock)}){GAP}[0-9]{{2}}(?![0-9])|{alt(ctx.time_units)})"
            rf"(?![\w])(?!{APOS})"
        ),
        number_list=_compile(rf"(?:{GAP}(?:[,\-–]|{alt(ctx.list_joiners)}){GAP}[0-9]+(?:[.,][0-9]+)?)+"),
        partitive_after=_partitive_pattern(ctx),
        ratio_after=_compile(rf"{GAP1}(?:{alt(ctx.ratio_links)}){GAP1}(?=[0-9]|(?:{alt(data.numbers.words)})(?!\w))"),
        date_after=_compile(
            rf"(?:{GAP}(?:[,\-–&]|{alt(dates.joiners)}){GAP}[0-9]{{1,2}}(?:{day_suffix})?)*"
            rf"{GAP}(?:{day_suffix})?{GAP}(?:(?:{alt(dates.links)}){GAP1})?(?:{months})(?![\w])"
        ),
        date_before=_compile(rf"(?<![\w])(?:{months}|{alt(all_weekdays)})\.?{GAP}$"),
        ordinal_after=_compile(rf"(?:{alt(ctx.ordinal_suffixes)})(?![\w])"),
        reference_before=_compile(rf"(?:(?<![\w])(?:{alt(ctx.references)})){GAP}$"),
        # "12 rue de la Paix", "10 Downing Street": a house number, whatever the street's name.
        address_after=_compile(
            rf"{GAP}(?:{alt(ctx.address_suffixes)})?,?{GAP}(?:(?-i:[A-Z])[\w'’-]*{GAP1}){{0,3}}"
            rf"(?:{alt(ctx.address)})(?![\w])"
        ),
        age_before=_before(ctx.age_before, GAP),
        age_after=_compile(rf"{GAP1}(?:{alt(ctx.age_after)})(?![\w])"),
        year_context_before=_before(ctx.year_before, GAP),
        short_year_before=(
            _compile(rf"(?<![\w])(?:{alt(ctx.short_year_before)})?{GAP}{APOS}$")
            if ctx.short_year_apostrophe
            else _before(ctx.short_year_before, GAP1)
        ),
        fraction_before=_before(ctx.fraction_before, GAP1),
        qualifier_before=_qualifier_pattern(qualifiers),
        qualifiers=qualifiers,
        # After the number, a qualifier closes the phrase: "8 000 hommes au moins.", not "52 morts et plus de 200".
        qualifier_after=_compile(rf"{GAP},?{GAP}(?P<q>{alt(qualifiers_after)})(?={GAP}(?:[^\w\s]|$))"),
        qualifiers_after=qualifiers_after,
        range_open=_compile(rf"(?<![\w])(?P<open>{alt([*ranges.between, *ranges.from_words])}){GAP}$"),
        range_between=word_set(ranges.between),
        range_and=_compile(rf"{GAP1}(?:{alt(ranges.and_words)}){GAP1}"),
        range_to=_compile(rf"(?:{GAP1}(?:{alt(ranges.to_words)}){GAP1}|{GAP}[{DASHES}]{GAP})"),
        alternative_after=_compile(rf"{GAP},?{GAP}(?:{alt(ranges.alternatives)}){GAP1}"),
        change_before=_change_pattern(data),
        change_nouns=word_set(data.change.nouns),
        past_form=_compile(data.change.past_form or NEVER),
        currency_prefix=re.compile(rf"(?:(?P<sym>{alt(sym.currencies_before)})|(?P<iso>[A-Z]{{3}})(?![\w])){GAP}"),
        counted_link=_compile(rf"{GAP}(?:{_then_space(counted.links)})"),
        complements=word_set(counted.complements),
        adjectives_after=counted.adjectives_after,
        not_counted=word_set(not_counted),
        frequency_nouns=word_set(ctx.frequency_nouns),
        multiplier_after=_compile(rf"{GAP1}(?:{alt(ctx.multiplier_after)})(?!\w)"),
        definite_before=word_set(ctx.definite_before),
        definite_counts=word_set(ctx.definite_counts),
        both_before=word_set(ctx.both_before),
        both_pattern=_before(ctx.both, GAP1),
        others_after=_compile(rf"{GAP1}(?:{alt(ctx.others_after)})(?![\w])"),
        measure_before=_compile(rf"(?<![\w])(?P<measure>{alt(data.measures.before)}){GAP1}$"),
        measure_units={phrase_key(k): v for k, v in data.measures.before.items()},
        subunits=dict(data.measures.subunits),
        singular_articles=word_set(ctx.singular_articles),
        stopwords=word_set(counted.stopwords),
        irregular_plurals=word_set(counted.irregular_plurals),
        plural_endings=tuple(e.lower() for e in counted.plural_endings),
        singular_endings=tuple(e.lower() for e in counted.singular_endings),
        time_openers=word_set(counted.time_openers),
    )


_NEVER = re.compile(NEVER)


def word_set(words: Iterable[str]) -> frozenset[str]:
    """Lower-case words to compare with a token's, with either apostrophe ("d'" and "d’")."""
    out = set()
    for w in words:
        out.add(w.lower())
        out.add(w.lower().replace("'", "’"))
    return frozenset(out)


def _values(table: Mapping[str, int]) -> dict[str, Decimal]:
    return {k.lower(): Decimal(v) for k, v in table.items()}


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _before(phrases: Iterable[str], gap: str) -> re.Pattern[str]:
    """One of the phrases, as a word, ending where the number starts (after ``gap``)."""
    return _compile(rf"(?<![\w])(?:{alt(phrases)}){gap}$")


def _partitive_pattern(ctx: ContextData) -> re.Pattern[str]:
    """ "sept des seize", "two of the", and "two of Elian's": a link, then up to four words of a name
    ending in a possessive."""
    fixed = rf"(?:{alt(ctx.partitive_after)}){GAP1}"
    if not (ctx.partitive_links and ctx.possessive_endings):
        return _compile(rf"{GAP1}{fixed}")
    name = rf"(?:[^\W\d_][\w.-]*{GAP1}){{0,3}}[^\W\d_][\w.-]*?(?:{alt(ctx.possessive_endings)})(?!\w)"
    return _compile(rf"{GAP1}(?:{fixed}|(?:{alt(ctx.partitive_links)}){GAP1}{name})")


def _then_space(phrases: Iterable[str]) -> str:
    """Alternatives of link phrases, each followed by spaces unless it ends in an apostrophe ("d'")."""
    parts = sorted(set(phrases), key=len, reverse=True)
    if not parts:
        return NEVER
    return "|".join(alt([p]) + ("" if p.endswith("'") else GAP1) for p in parts)


def _qualifier_pattern(qualifiers: dict[str, Qualifier]) -> re.Pattern[str]:
    """Qualifier phrases that end where the number starts (quotes may sit between: jusqu'« à 500)."""
    alts = []
    for phrase in sorted(qualifiers, key=len, reverse=True):
        words = re.split(r"(?<=')|\s+", phrase)
        pieces = [re.escape(w).replace("'", APOS) for w in words if w]
        alts.append(f"[{QUOTES}\\s]*".join(pieces))
    return re.compile(rf"(?<!\w)(?P<q>{'|'.join(alts) or NEVER})[{QUOTES}\s]*$", re.IGNORECASE)


def _atom_pattern(data: FigureData) -> re.Pattern[str]:
    """Digits, number words, and nouns of numbers: "une trentaine", "des dizaines de milliers"."""
    numbers = data.numbers
    word = alt(numbers.words)
    joiner = alt(numbers.joiners)
    words = (
        rf"(?P<words>(?<![\w-])(?:{word})(?:(?:-|{GAP1}|{GAP1}(?:{joiner}){GAP1}|-(?:{joiner})-)(?:{word}))*(?![\w-]))"
    )
    parts = [
        rf"(?P<approx>{_noun_count_pattern(data, data.approx, 'anoun', 'achain')})",
        rf"(?P<exact>{_noun_count_pattern(data, data.exact, 'enoun', 'echain')})",
        rf"(?P<vague>{_vague_pattern(data)})",
    ]
    if numbers.adverbs:
        parts.append(rf"(?P<adverb>(?<![\w-])(?:{alt(numbers.adverbs)})(?![\w-]))")
    if numbers.one_articles:
        # "a hundred", "a million": the article counts as one before a scale word.
        parts.append(
            rf"(?P<one>(?<![\w-])(?:{alt(numbers.one_articles)})(?={GAP1}(?:{alt(numbers.one_before)})(?!\w)))"
        )
    parts += [DIGITS, words]
    return re.compile("|".join(parts), re.IGNORECASE)


def _chain(data: FigureData, group: str) -> str:
    """ "de milliers", "of thousands" after a noun of numbers, in the named group."""
    return rf"(?:{GAP1}(?:{_then_space(data.chains.links)})(?P<{group}>{alt(data.chains.nouns)}))?"


def _noun_count_pattern(data: FigureData, nouns: ApproxData, noun_group: str, chain_group: str) -> str:
    """ "une trentaine", "a dozen": a determiner and a noun of a number, in the named groups."""
    if not nouns.nouns:
        return NEVER
    chain = _chain(data, chain_group) if nouns.chained else ""
    return rf"(?<![\w-])(?:{alt(nouns.determiners)}){GAP1}(?P<{noun_group}>{alt(nouns.nouns)}){chain}(?!\w)"


def _vague_pattern(data: FigureData) -> str:
    vague = data.vague
    nouns = []
    for noun in sorted(vague.nouns, key=len, reverse=True):
        chains = vague.chain_only.get(noun)
        ahead = rf"(?={GAP1}(?:{_then_space(data.chains.links)})(?:{alt(chains)}))" if chains else ""
        nouns.append(alt([noun]) + ahead)
    body = rf"(?P<vnoun>{'|'.join(nouns) or NEVER}){_chain(data, 'vchain') if vague.chained else ''}"
    if vague.singular and vague.singular_after:
        # "several dozen", "a few hundred": singular only right after those words (one space).
        after = "|".join(rf"(?<={re.escape(w)} )" for w in vague.singular_after)
        body += rf"|(?P<vsing>(?:{after})(?:{alt(vague.singular)}))"
    determiners = rf"(?:(?:{alt(vague.determiners)}){GAP1})"
    if not vague.determiner_required:
        determiners += "?"
    return rf"(?<![\w-]){determiners}(?:{body})(?!\w)"


def _change_pattern(data: FigureData) -> re.Pattern[str]:
    """A word of change ending up to two words before the range opener, in its group."""
    change = data.change
    end = "" if change.stems else r"(?![\w])"  # whole words: "go" is no "government"
    groups = "|".join(rf"(?P<{g}>(?:{alt(getattr(change, g))}){end})" for g in ("state", "rise", "fall"))
    return _compile(rf"(?<![\w])(?P<word>(?:{groups})\w*)(?:{GAP1}[\w'’-]+){{0,2}}{GAP1}$")
