"""What ``figures.toml`` holds: number words, scales, currencies, units, qualifiers, context words.

The figure extractor compiles these into its patterns once per pack (``extract/figures/lexicon.py``).
Two kinds of lists:

- ``Words``: single words, written either as a TOML array or as one string of words separated by
  spaces (long lists stay readable: ``stopwords = "le la les ..."``);
- ``Phrases``: an array of phrases; a space inside a phrase matches any run of spaces (never a line
  break) and an apostrophe matches both ``'`` and ``’``.

Matching ignores case, except where a field says otherwise (unit symbols).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PositiveInt, field_validator
from text_to_num import text2num

from newsclaims.records import Qualifier


def _split_words(value: object) -> object:
    if isinstance(value, str):
        return tuple(value.split())
    return value


def _no_blank(items: tuple[str, ...]) -> tuple[str, ...]:
    if any(not item.strip() for item in items):
        raise ValueError("an empty word or phrase")
    return tuple(item.strip() for item in items)


def _a_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return pattern


Words = Annotated[tuple[str, ...], BeforeValidator(_split_words), AfterValidator(_no_blank)]
Phrases = Annotated[tuple[str, ...], AfterValidator(_no_blank)]
Regex = Annotated[str, AfterValidator(_a_regex)]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Values = dict[str, PositiveInt]  # a word -> the number it stands for


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumberData(_Section):
    text2num: str = ""  # the language code text2num reads number words in; "" reads none
    thousands_separator: str = Field(default=",", pattern=r"^[.,]$")  # alone before 3 digits: "8.000"
    words: Words = ()  # every word a number in words is made of ("vingt", "deux", "cent")
    joiners: Words = ()  # a word joining number words: "vingt et un", "vingt-et-un"
    articles: Words = ()  # number words that alone are an article or a pronoun ("un", "one")
    adjectives: Words = ()  # number words that are also adjectives ("neuf"): a count only when tagged NUM
    one_articles: Words = ()  # articles that count as one before a scale word ("a hundred")
    one_before: Words = ()  # the scale words after which they do
    # Articles that count after a qualifier or one of ``count_markers``: "at least one attempt",
    # "only one cancellation" (and not "one of them", "one thing").
    counting_articles: Words = ()
    count_markers: Words = ()
    adverbs: Values = {}  # adverbs of a number of times: "twice" (a count, see [context] frequency_nouns)

    @field_validator("text2num")
    @classmethod
    def _text2num_reads_it(cls, code: str) -> str:
        if code:
            try:
                text2num("?", code)
            except ValueError as exc:
                if str(exc).startswith("unsupported language"):
                    raise ValueError(f"text2num reads no language {code!r}") from None
        return code


class ApproxData(_Section):
    """ "une trentaine": a noun of about a number, after a determiner."""

    determiners: Phrases = ()
    nouns: Values = {}
    chained: bool = False  # "une dizaine de milliers": a chain noun may follow (see [chains])


class ExactData(ApproxData):
    """ "a dozen": a noun of a number, exactly (``chained`` as for approx)."""


class VagueData(_Section):
    """ "des milliers", "hundreds": a plural noun of an order of magnitude."""

    determiners: Phrases = ()
    determiner_required: bool = True
    nouns: Values = {}
    chained: bool = False  # "des dizaines de milliers", "tens of thousands"
    singular: Values = {}  # "several dozen": a singular noun, vague only right after ``singular_after``
    singular_after: Words = ()
    # Nouns vague only before one of the given chain nouns: "tens" of thousands (not "tens" alone).
    chain_only: dict[str, Words] = {}


class ChainData(_Section):
    """A second noun that multiplies the first: "dizaines de milliers", "tens of thousands"."""

    links: Phrases = ()
    nouns: Values = {}


class ScaleData(_Section):
    words: Values = {}  # after a number: "22 milliards", "3.5 billion", "5bn"
    money: Values = {}  # short scales that count only beside a currency: "3m €", "7,2 Md€"


class QualifierData(_Section):
    before: dict[str, Qualifier] = {}  # ending where the number starts: "près de", "at least"
    after: dict[str, Qualifier] = {}  # closing the figure's phrase: "8 000 hommes au moins."


class MeasureData(_Section):
    currencies: dict[str, CurrencyCode] = {}  # names after the number -> ISO 4217 ("dollars canadiens")
    currencies_before: dict[str, CurrencyCode] = {}  # words written before it ("dlrs 2 million")
    units: dict[str, str] = {}  # names after the number -> the unit recorded ("kilomètres" -> "km")
    unit_symbols: dict[str, str] = {}  # abbreviations, case as written ("pb", "Go"); symbols of every
    # language ("km", "%") are the extractor's own (extract/figures/symbols.toml)
    before: dict[str, str] = {}  # a measure whose unit is written before it: "magnitude 7,8" -> "magnitude"
    # A unit (as recorded) -> the unit of its parts, which may follow it in one measure: "5 feet, 10
    # inches" is one height (its value the first number's)
    subunits: dict[str, str] = {}
    # Units (as recorded) of the size of a change rather than a level: "augmenter de 2 à 3 points"
    # (besides "%" and "‰", which are every language's).
    relative: Phrases = ()


class DateData(_Section):
    """How a day number is written next to a month ("les 9 et 10 juillet", "1er mai", "15 de mayo"):
    the month and weekday names themselves are the calendar's (``times.toml``)."""

    joiners: Words = ()  # between day numbers: "les 9 et 10 juillet", "du 3 au 5 mai"
    day_suffixes: Words = ()  # after a day number: "1er", "21st"
    links: Phrases = ()  # between the day number and the month: "15 de mayo"


class ContextData(_Section):
    """Words around a number that say it is something else than a figure, or a figure of some kind."""

    time_units: Words = ()  # after the number: a duration, an age, a time of day ("trois mois")
    clock: Words = ()  # followed by two digits, a time of day ("14 h 30")
    list_joiners: Words = ()  # "18, 24 et 26 ans": joins a list whose unit is the last number's
    ordinal_suffixes: Words = ()  # glued after digits: "10e", "21st"
    references: Words = ()  # before the number: "article 49", "version 2"
    address: Words = ()  # after the number, past a capitalised name: "12 rue", "10 Downing Street"
    address_suffixes: Words = ()  # between the number and the street: "12 bis rue"
    year_before: Words = ()  # before a year: "en 2012", "since 2012"
    short_year_before: Phrases = ()  # before a two-digit year: "en 97"
    short_year_apostrophe: bool = False  # a two-digit year is written after an apostrophe: "in '98"
    age_before: Phrases = ()  # "âgé de 45 ans", "aged 45"
    age_after: Phrases = ()  # "65 and older"
    fraction_before: Phrases = ()  # "un sur dix", "one out of ten"
    partitive_after: Phrases = ()  # "sept des seize mausolées", "two of the"
    # "two of Elian's cousins": a link, then a name with one of the possessive endings
    partitive_links: Phrases = ()
    possessive_endings: Phrases = ()
    # "six of 10 Americans", "three in five voters": the first number counts, the second is its base
    ratio_links: Phrases = ()
    others_after: Words = ()  # "trois autres", "two others": a numeral standing for people or things
    both_before: Words = ()  # the word before a numeral that makes it "both" ("les deux ont")
    both: Phrases = ()  # phrases before a numeral that always make it "both" ("tous deux")
    # A definite article before one of ``definite_counts`` takes up a set the text gave ("the two
    # men", "these three countries"): no new count
    definite_before: Words = ()
    definite_counts: Words = ()
    singular_articles: Words = ()  # before a bare number, they make it a label ("le 13")
    not_counted: Words = ()  # heads that make a number something else ("fois", "times"); time units,
    # months and weekdays (times.toml) are added
    # Heads that count occurrences ("arrested three times"), and what after them makes the number a
    # multiplier instead ("three times as many", "twice the size")
    frequency_nouns: Words = ()
    multiplier_after: Phrases = ()


class RangeData(_Section):
    between: Words = ()  # opens a range closed with ``and_words``: "entre 5 et 10"
    from_words: Words = ()  # opens a range closed with ``to_words``: "de 5 à 10"
    and_words: Words = ()
    to_words: Words = ()  # also without an opener: "60 à 70 %"; a dash always joins
    # "dozens if not hundreds of interviews": a higher guess joined to the figure, which keeps its value
    alternatives: Phrases = ()


class ChangeData(_Section):
    """Words of change before "de X à Y" / "from X to Y": the pair may be two levels, not a range.

    ``state`` words always go from one level to another ("passer de 100 à 120"); after ``rise`` and
    ``fall`` words "de X à Y" may be the size of the change ("augmenter de 10 à 15 %").
    """

    stems: bool = False  # the words are stems ("augment" for augmente, augmenté...) or whole words
    state: Words = ()
    rise: Words = ()
    fall: Words = ()
    nouns: Words = ()  # nouns that name a change; with a parse, other nouns are no trigger ("portée")
    past_form: Regex = ""  # the ending of a verb form of a completed change ("a grimpé"); "" for none


class CountedData(_Section):
    """The thing counted after the number ("soldats nord-coréens", "of the troops")."""

    links: Phrases = ()  # before it: "de", "des", "of the"
    scale_links: Phrases = ()  # between a scale and what it counts: "milliards de", "millions of"
    complements: Words = ()  # with a parse, one "de/à + noun" complement belongs to it ("membres d'équipage")
    adjectives_after: bool = False  # with a parse, adjectives after the noun belong to it ("soldats nord-coréens")
    stopwords: Words = ()  # without a parse, words that end the phrase
    irregular_plurals: Words = ()  # without a parse, plurals that look singular ("people")
    plural_endings: Words = ()  # endings of a plural noun ("s", "x") ...
    singular_endings: Words = ()  # ... unless it ends in one of these ("ss", "us")
    time_openers: Words = ()  # words that open a time expression, not a counted phrase: "300,000 last year"


class FigureData(_Section):
    numbers: NumberData = NumberData()
    approx: ApproxData = ApproxData()
    exact: ExactData = ExactData()
    vague: VagueData = VagueData()
    chains: ChainData = ChainData()
    scales: ScaleData = ScaleData()
    qualifiers: QualifierData = QualifierData()
    measures: MeasureData = MeasureData()
    dates: DateData = DateData()
    context: ContextData = ContextData()
    ranges: RangeData = RangeData()
    change: ChangeData = ChangeData()
    counted: CountedData = CountedData()
