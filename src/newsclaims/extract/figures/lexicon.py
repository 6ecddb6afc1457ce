"""Words and patterns of the figure extractor, per language, compiled once at import.

Everything language-specific lives here: number words, scale words, currencies, units, qualifier
phrases and the context words that say a number is a date, a time, a duration or a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import list_currencies

from newsclaims.records import Qualifier

GAP = r"[^\S\n]*"  # spaces (normal, no-break, narrow no-break) but never a line break
GAP1 = r"[^\S\n]+"
QUOTES = '«»“”"‹›„'
APOS = "['’]"

# Codes that are also common upper-case words ("TOP 10", "ALL") are not read as currencies.
ISO_CURRENCIES = frozenset(list_currencies()) - {"TOP", "ALL", "CUP", "MOP", "BOB", "SOS"}
NEVER = "(?!)"  # an alternative that never matches, for an empty word list


def alternation(phrases: list[str] | tuple[str, ...] | set[str] | dict[str, object]) -> str:
    """One regex alternative per phrase, longest first, inner spaces matching any run of spaces."""
    parts = sorted(set(phrases), key=len, reverse=True)
    if not parts:
        return NEVER
    return "|".join(re.escape(p).replace(r"\ ", GAP1).replace("'", APOS) for p in parts)


def words(text: str) -> list[str]:
    """A word list written as one string, for readability of long lists."""
    return text.split()


def phrase_key(matched: str) -> str:
    """The dictionary key of a matched phrase: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", matched.replace("’", "'")).lower()


# ---------------------------------------------------------------------------------------------
# Shared across languages

MONTHS = words(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    "janv févr fevr avr juil sept oct nov déc dec "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep"
)
WEEKDAYS = words(
    "lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday"
)

# Money written with a symbol or a code before the number ("$5", "US$ 3", "€ 20").
PREFIX_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "₩": "KRW",
    "₴": "UAH",
    "₺": "TRY",
    "₪": "ILS",
    "CHF": "CHF",
}
SUFFIX_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₩": "KRW", "₴": "UAH"}

# Units of measure, as written after the number -> the unit recorded. Case matters for symbols.
UNIT_SYMBOLS = {
    "%": "%",
    "‰": "‰",
    "km": "km",
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "km²": "km²",
    "km2": "km²",
    "m²": "m²",
    "m2": "m²",
    "m³": "m³",
    "m3": "m³",
    "ha": "ha",
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "t": "t",
    "Mt": "Mt",
    "l": "l",
    "L": "l",
    "ml": "ml",
    "cl": "cl",
    "hl": "hl",
    "km/h": "km/h",
    "mph": "mph",
    "°C": "°C",
    "°F": "°F",
    "°": "°",
    "kW": "kW",
    "MW": "MW",
    "GW": "GW",
    "kWh": "kWh",
    "MWh": "MWh",
    "GWh": "GWh",
    "TWh": "TWh",
    "Go": "Go",
    "Mo": "Mo",
    "To": "To",
    "GB": "GB",
    "MB": "MB",
    "TB": "TB",
    "pts": "points",
    "pt": "points",
    "pb": "points de base",
    "bp": "basis points",
}


@dataclass(frozen=True)
class Lexicon:
    """The compiled patterns and tables of one language."""

    lang: str
    atom: re.Pattern[str]  # a number: digits, number words, "une trentaine", "des milliers"
    scale: re.Pattern[str]  # "millions", "milliards", "bn" after a number
    scales: dict[str, Decimal]
    money_scale: re.Pattern[str]  # "m", "k", "Md" that are scales only beside a currency
    scale_link: re.Pattern[str]  # "de", "d'", "of" between a scale and what it counts
    currency_after: re.Pattern[str]
    currencies: dict[str, str]
    currency_before: re.Pattern[str]
    unit_after: re.Pattern[str]
    units: dict[str, str]
    time_after: re.Pattern[str]  # a duration, an age or a time of day follows the number
    number_list: re.Pattern[str]  # ", 24 et 26" after "18": the list's unit is the first number's too
    partitive_after: re.Pattern[str]  # "sept des seize mausolées", "two of the"
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
    range_and: re.Pattern[str]  # "et", "and" (after "entre"/"between")
    range_to: re.Pattern[str]  # "à", "to", "-"
    # A word of change before "de X à Y" / "from X to Y", in its group: "state" (passer: always from X to
    # Y), "rise" or "fall" (augmenter, baisser: "de X à Y" is either the levels or the size of the change).
    change_before: re.Pattern[str]
    change_nouns: frozenset[str]  # nouns that name a change: a parse's other nouns are no trigger ("portée")
    past_form: re.Pattern[str]  # a verb form of a completed change: "a grimpé", "augmentait"
    currency_prefix: re.Pattern[str]  # "$", "US$", "EUR" opening the second number of a range
    counted_link: re.Pattern[str]  # "de", "des", "of the" before the thing counted
    not_counted: frozenset[str]  # heads that make a number something else ("fois", "times")
    both_before: frozenset[str]  # "les deux" + verb: "both", not a count
    both_pattern: re.Pattern[str]  # "tous deux", "toutes les trois": always "both", "all three"
    others_after: re.Pattern[str]  # "trois autres", "two others": a numeral standing for people or things
    measure_before: re.Pattern[str]  # "magnitude 7,8": a measure whose unit is written before it
    stopwords: frozenset[str]  # words that end a counted phrase when there is no parse
    irregular_plurals: frozenset[str]


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _qualifier_pattern(qualifiers: dict[str, Qualifier]) -> re.Pattern[str]:
    """Qualifier phrases that end where the number starts (quotes may sit between: jusqu'« à 500)."""
    alts = []
    for phrase in sorted(qualifiers, key=len, reverse=True):
        words = re.split(r"(?<=')|\s+", phrase)
        pieces = [re.escape(w).replace("'", APOS) for w in words if w]
        alts.append(f"[{QUOTES}\\s]*".join(pieces))
    return re.compile(rf"(?<!\w)(?P<q>{'|'.join(alts)})[{QUOTES}\s]*$", re.IGNORECASE)


FR_NUMBER_WORDS = words(
    "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt "
    "vingts trente quarante cinquante soixante septante huitante octante nonante cent cents mille"
)
EN_NUMBER_WORDS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand"
)

FR_APPROX_NOUNS = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}
FR_VAGUE_NOUNS = {
    "dizaines": 10,
    "douzaines": 12,
    "vingtaines": 20,
    "centaines": 100,
    "milliers": 1000,
    "millions": 1_000_000,
    "milliards": 1_000_000_000,
}
EN_VAGUE_NOUNS = {
    "dozens": 12,
    "scores": 20,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}
EN_VAGUE_SINGULAR = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
APPROX_NOUNS = {**FR_APPROX_NOUNS, "dozen": 12}
VAGUE_NOUNS = {**FR_VAGUE_NOUNS, **EN_VAGUE_NOUNS, **EN_VAGUE_SINGULAR}

DIGITS = (
    r"(?P<digits>[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])(?:[.,][0-9]+)?"  # 8 000 / 1 425,67
    r"|[0-9]+(?:[.,][0-9]+)*)"  # 8.000, 8,000, 7,2, 1.5, 2012
)


def _atom_pattern(number_words: list[str], approx: str, vague: str, extra: str = "") -> re.Pattern[str]:
    word = alternation(number_words)
    words = rf"(?P<words>(?<![\w-])(?:{word})(?:(?:-|{GAP1}|{GAP1}(?:et|and){GAP1}|-et-)(?:{word}))*(?![\w-]))"
    parts = [rf"(?P<approx>{approx})", rf"(?P<vague>{vague})"]
    if extra:
        parts.append(extra)
    parts += [DIGITS, words]
    return re.compile("|".join(parts), re.IGNORECASE)


_FR_APPROX = rf"(?<![\w-])(?:une?|quelque){GAP1}(?P<anoun>{alternation(FR_APPROX_NOUNS)})(?:{GAP1}de{GAP1}(?P<achain>milliers|millions|milliards))?(?!\w)"  # noqa: E501
_FR_VAGUE = (
    rf"(?<![\w-])(?:des|plusieurs|quelques|de{GAP1}nombreux|de{GAP1}nombreuses|nombreux|nombreuses|par)"
    rf"{GAP1}(?P<vnoun>{alternation(FR_VAGUE_NOUNS)})(?:{GAP1}de{GAP1}(?P<vchain>milliers|millions|milliards))?(?!\w)"
)
_EN_APPROX = rf"(?<![\w-])(?:a|an|one){GAP1}(?P<anoun>dozen)(?!\w)"
_EN_VAGUE = (
    rf"(?<![\w-])(?:(?:several|a{GAP1}few|few|many|some){GAP1})?(?:"
    rf"(?P<vnoun>dozens|scores|hundreds|thousands|millions|billions|tens(?={GAP1}of{GAP1}(?:thousands|millions)))"
    rf"(?:{GAP1}of{GAP1}(?P<vchain>thousands|millions|billions))?"
    rf"|(?<=several )(?P<vsing>dozen|hundred|thousand|million|billion)"
    rf"|(?<=few )(?P<vsing2>dozen|hundred|thousand|million|billion))(?!\w)"
)
# "a hundred", "a million": the article counts as one before a scale word.
_EN_ONE = rf"(?P<one>(?<![\w-])an?(?={GAP1}(?:hundred|thousand|million|billion|trillion)(?!\w)))"

FR_SCALES = {
    "mille": Decimal(1000),
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "milliard": Decimal(10) ** 9,
    "milliards": Decimal(10) ** 9,
    "billion": Decimal(10) ** 12,  # French "billion" is a million millions
    "billions": Decimal(10) ** 12,
    "md": Decimal(10) ** 9,
    "mds": Decimal(10) ** 9,
    "mrd": Decimal(10) ** 9,
    "mrds": Decimal(10) ** 9,
    "m": Decimal(10) ** 6,
    "k": Decimal(1000),
}
EN_SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "trillions": Decimal(10) ** 12,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "m": Decimal(10) ** 6,
    "k": Decimal(1000),
    "b": Decimal(10) ** 9,
}

FR_CURRENCIES = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "dollars américains": "USD",
    "dollars us": "USD",
    "dollars canadiens": "CAD",
    "dollars australiens": "AUD",
    "dollars de hong kong": "HKD",
    "dollars hongkongais": "HKD",
    "dollars néo-zélandais": "NZD",
    "livres sterling": "GBP",
    "livre sterling": "GBP",
    "francs suisses": "CHF",
    "franc suisse": "CHF",
    "francs cfa": "XOF",
    "f cfa": "XOF",
    "fcfa": "XOF",
    "yens": "JPY",
    "yen": "JPY",
    "yuans": "CNY",
    "yuan": "CNY",
    "roubles": "RUB",
    "rouble": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "roupies": "INR",
    "wons": "KRW",
    "shekels": "ILS",
    "livres turques": "TRY",
    "rands": "ZAR",
    "reais": "BRL",
    "réals": "BRL",
    "francs": "FRF",
}
EN_CURRENCIES = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "new zealand dollars": "NZD",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "swiss francs": "CHF",
    "cfa francs": "XOF",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "rupees": "INR",
    "shekels": "ILS",
    "lira": "TRY",
    "rand": "ZAR",
    "reais": "BRL",
}

FR_UNITS = {
    "pour cent": "%",
    "pour-cent": "%",
    "pourcent": "%",
    "points de pourcentage": "points de pourcentage",
    "point de pourcentage": "points de pourcentage",
    "points de base": "points de base",
    "points": "points",
    "point": "points",
    "kilomètres": "km",
    "kilomètre": "km",
    "kilomètres carrés": "km²",
    "mètres": "m",
    "mètre": "m",
    "mètres carrés": "m²",
    "mètres cubes": "m³",
    "centimètres": "cm",
    "millimètres": "mm",
    "kilogrammes": "kg",
    "kilos": "kg",
    "grammes": "g",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "litres": "l",
    "litre": "l",
    "hectolitres": "hl",
    "barils": "barils",
    "hectares": "ha",
    "milles": "milles",
    "milles nautiques": "milles nautiques",
    "pieds": "pieds",
    "degrés": "°",
    "degrés celsius": "°C",
    "mégawatts": "MW",
    "gigawatts": "GW",
    "kilowatts": "kW",
    "nœuds": "nœuds",
    "noeuds": "nœuds",
    "voix": "voix",
}
EN_UNITS = {
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "basis points": "basis points",
    "points": "points",
    "point": "points",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "square kilometres": "km²",
    "square kilometers": "km²",
    "square miles": "sq mi",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "kilograms": "kg",
    "kilos": "kg",
    "grams": "g",
    "tonnes": "tonnes",
    "tons": "tons",
    "tonne": "tonnes",
    "ton": "tons",
    "litres": "l",
    "liters": "l",
    "gallons": "gallons",
    "barrels": "barrels",
    "hectares": "ha",
    "acres": "acres",
    "miles": "miles",
    "mile": "miles",
    "feet": "feet",
    "foot": "feet",
    "inches": "inches",
    "degrees": "°",
    "megawatts": "MW",
    "gigawatts": "GW",
    "kilowatts": "kW",
    "knots": "knots",
    "votes": "votes",
}

FR_TIME_UNITS = words(
    "an ans année années mois semaine semaines jour jours journée journées nuit nuits heure heures h min mn minute "
    "minutes seconde secondes siècle siècles décennie décennies trimestre trimestres semestre semestres millénaire "
    "millénaires"
)
EN_TIME_UNITS = words(
    "year years yr yrs month months week weeks day days night nights hour hours hr hrs h min mins minute minutes "
    "second seconds sec secs decade decades century centuries millennium millennia a.m. p.m. am pm"
)

FR_QUALIFIERS: dict[str, Qualifier] = {
    # approx
    "près de": "approx",
    "près d'": "approx",
    "pas loin de": "approx",
    "pas loin d'": "approx",
    "à peu près": "approx",
    "environ": "approx",
    "quelque": "approx",
    "approximativement": "approx",
    "presque": "approx",
    "quasiment": "approx",
    "quasi": "approx",
    "autour de": "approx",
    "autour d'": "approx",
    "aux alentours de": "approx",
    "aux alentours d'": "approx",
    "de l'ordre de": "approx",
    "de l'ordre d'": "approx",
    "grosso modo": "approx",
    "plus ou moins": "approx",
    "avoisinant": "approx",
    # at_least
    "au moins": "at_least",
    "pas moins de": "at_least",
    "pas moins d'": "at_least",
    "plus de": "at_least",
    "plus d'": "at_least",
    "au minimum": "at_least",
    "un minimum de": "at_least",
    "un minimum d'": "at_least",
    "supérieur à": "at_least",
    "supérieure à": "at_least",
    "supérieurs à": "at_least",
    "supérieures à": "at_least",
    "supérieur ou égal à": "at_least",
    "supérieure ou égale à": "at_least",
    "au-delà de": "at_least",
    "au-delà d'": "at_least",
    "au-dessus de": "at_least",
    "au-dessus d'": "at_least",
    "dépassant": "at_least",
    # at_most
    "jusqu'à": "at_most",
    "jusqu'a": "at_most",
    "moins de": "at_most",
    "moins d'": "at_most",
    "au plus": "at_most",
    "tout au plus": "at_most",
    "au maximum": "at_most",
    "un maximum de": "at_most",
    "un maximum d'": "at_most",
    "pas plus de": "at_most",
    "pas plus d'": "at_most",
    "inférieur à": "at_most",
    "inférieure à": "at_most",
    "inférieurs à": "at_most",
    "inférieures à": "at_most",
    "inférieur ou égal à": "at_most",
    "inférieure ou égale à": "at_most",
    "au-dessous de": "at_most",
    "en dessous de": "at_most",
    "en deçà de": "at_most",
    "n'excédant pas": "at_most",
}
EN_QUALIFIERS: dict[str, Qualifier] = {
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "roughly": "approx",
    "nearly": "approx",
    "almost": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "an approximate": "approx",
    "close to": "approx",
    "circa": "approx",
    "in the region of": "approx",
    "on the order of": "approx",
    "more or less": "approx",
    "at least": "at_least",
    "more than": "at_least",
    "over": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "in excess of": "at_least",
    "upwards of": "at_least",
    "upward of": "at_least",
    "above": "at_least",
    "greater than": "at_least",
    "exceeding": "at_least",
    "up to": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "as high as": "at_most",
    "fewer than": "at_most",
    "less than": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "under": "at_most",
    "below": "at_most",
    "a maximum of": "at_most",
}
FR_QUALIFIERS_AFTER: dict[str, Qualifier] = {
    "environ": "approx",
    "au moins": "at_least",
    "au minimum": "at_least",
    "ou plus": "at_least",
    "voire plus": "at_least",
    "et plus": "at_least",
    "au maximum": "at_most",
    "au plus": "at_most",
    "tout au plus": "at_most",
}
EN_QUALIFIERS_AFTER: dict[str, Qualifier] = {
    "or so": "approx",
    "or more": "at_least",
    "and more": "at_least",
    "at least": "at_least",
    "or fewer": "at_most",
    "or less": "at_most",
    "at most": "at_most",
    "at the most": "at_most",
}

FR_REFERENCES = words(
    "n° nº no. numéro numéros num. # § art. article articles alinéa version v. page pages p. pp. chapitre "
    "section tome volume vol. vol ligne route autoroute départementale nationale salle porte terminal quai "
    "bus tram métro code décret loi arrêté résolution amendement saison épisode acte série classe catégorie "
    "niveau phase étape groupe modèle type mark canal chaîne"
)
EN_REFERENCES = words(
    "no. nos. number # § art. article articles version v. ver. release page pages p. pp. chapter section "
    "volume vol. line route highway interstate flight room gate terminal platform bus code law resolution "
    "amendment season episode act series class category level phase stage round model type mark channel "
    "channel"
)
FR_ADDRESS = words("rue avenue av. boulevard bd place allée impasse chemin quai cours route")
EN_ADDRESS = words("street st. road rd. avenue ave. lane drive boulevard square")

FR_YEAR_CONTEXT = words(
    "en dès depuis de d' fin début mi mi- année l'année an l'an printemps été automne hiver jusqu'en avant après "
    "vers entre et à d'ici d'ici à courant saison promotion cuvée millésime hiver"
)
EN_YEAR_CONTEXT = words(
    "in since from of by until till before after during year summer winter spring autumn fall mid mid- early "
    "late between and to through"
)

FR_STOPWORDS = frozenset(
    words(
        "le la les l' un une des du de d' au aux à en dans sur sous par pour avec sans et ou mais que qui dont "
        "où ce ces cette cet son sa ses leur leurs notre nos votre vos mon ma mes il elle ils elles on nous vous "
        "est sont a ont été être avoir était étaient sera seront selon contre entre ne pas plus moins"
    )
)
EN_STOPWORDS = frozenset(
    words(
        "the a an of in on at to for from by with and or but as is are was were be been being has have had will "
        "would could should may might can do does did that which who whom whose this these those it its their "
        "his her our your my per than then said says say according while when where after before since during "
        "over under about into out up down more less not no also so such each every all both some many much "
        "last next there here they them we he she you i were including across against among around between"
    )
)
EN_IRREGULAR_PLURALS = frozenset(words("people men women children police staff personnel troops cattle sheep fish"))

FR_NOT_COUNTED = frozenset(
    words("fois reprises reprise tiers quart quarts moitié demi près") + FR_TIME_UNITS + MONTHS + WEEKDAYS
)
# Words of change before "from X to Y" (English: every one goes from one level to another).
EN_CHANGE_WORDS = words(
    "rise rises rising rose risen fall falls falling fell fallen grow grows growing grew grown growth "
    "increase increases increased increasing decrease decreases decreased decreasing jump jumps jumped jumping "
    "climb climbs climbed climbing drop drops dropped dropping decline declines declined declining slide slides "
    "slid sliding slip slips slipped slipping soar soars soared soaring surge surges surged surging plunge "
    "plunges plunged plunging go goes going went gone cut cuts cutting reduce reduces reduced reducing "
    "reduction reductions raise raises raised raising lower lowers lowered lowering shrink shrinks shrank "
    "shrunk shrinking boost boosts boosted boosting sink sinks sank sunk sinking dip dips dipped dipping tumble "
    "tumbles tumbled tumbling change changes changed changing up down"
)
EN_NOT_COUNTED = frozenset(words("times time thirds third quarters quarter half") + EN_TIME_UNITS + MONTHS + WEEKDAYS)


def _build(
    lang: str,
    atom: re.Pattern[str],
    scales: dict[str, Decimal],
    currencies: dict[str, str],
    units: dict[str, str],
    time_units: list[str],
    qualifiers: dict[str, Qualifier],
    qualifiers_after: dict[str, Qualifier],
    references: list[str],
    address: list[str],
    year_context: list[str],
    stopwords: frozenset[str],
    not_counted: frozenset[str],
    *,
    age_before: str,
    age_after: str,
    short_year_before: str,
    partitive_after: str,
    fraction_before: str,
    range_open: str,
    range_and: str,
    range_to: str,
    change_state: str,
    change_rise: str,
    change_fall: str,
    change_nouns: frozenset[str],
    past_form: str,
    counted_link: str,
    scale_link: str,
    both_before: frozenset[str],
    both_pattern: str,
    others_after: str,
    measure_before: str,
) -> Lexicon:
    word_scales = [s for s in scales if len(s) > 3]
    short_scales = [s for s in scales if len(s) <= 3 and s not in ("m", "k", "b", "md", "mds", "mrd", "mrds")]
    money_scales = [s for s in scales if s in ("m", "k", "b", "md", "mds", "mrd", "mrds")]
    symbols = alternation(list(SUFFIX_SYMBOLS))
    months = alternation(MONTHS)
    unit_symbols = alternation(list(UNIT_SYMBOLS))
    return Lexicon(
        lang=lang,
        atom=atom,
        scale=_compile(
            rf"{GAP}(?P<scale>{alternation(word_scales)})(?!\w)|{GAP}(?P<short>{alternation(short_scales)})(?!\w)"
        ),
        scales=scales,
        money_scale=re.compile(
            rf"{GAP}(?P<scale>{alternation(money_scales + [s.capitalize() for s in money_scales])})(?!\w)"
        ),
        scale_link=_compile(scale_link),
        currency_after=re.compile(
            rf"{GAP}(?:(?P<sym>{symbols})|(?P<word>(?i:{alternation(currencies)}))(?!\w)|(?P<iso>[A-Z]{{3}})(?!\w))"
        ),
        currencies={phrase_key(k): v for k, v in currencies.items()},
        currency_before=re.compile(
            rf"(?:(?P<sym>{alternation(list(PREFIX_SYMBOLS))})|(?<![\w])(?P<iso>[A-Z]{{3}})){GAP}$"
        ),
        unit_after=re.compile(
            rf"{GAP}(?:(?P<sym>{unit_symbols})(?![\w])|-?(?P<word>(?i:{alternation(units)}))(?![\w-]))"
        ),
        units={**{phrase_key(k): v for k, v in units.items()}},
        time_after=_compile(
            rf"(?:{GAP}|{GAP}-{GAP})(?:h{GAP}[0-9]{{2}}(?![0-9])|{alternation(time_units)})(?![\w])(?!{APOS})"
        ),
        number_list=_compile(rf"(?:{GAP}(?:,|et|ou|and|or|à|to|-|–){GAP}[0-9]+(?:[.,][0-9]+)?)+"),
        partitive_after=_compile(partitive_after),
        date_after=_compile(
            rf"(?:{GAP}(?:,|et|and|au|à|-|–|&){GAP}[0-9]{{1,2}}(?:er)?)*{GAP}(?:er|e|st|nd|rd|th)?{GAP}(?:{months})(?![\w])"
        ),
        date_before=_compile(rf"(?<![\w])(?:{months}|{alternation(WEEKDAYS)})\.?{GAP}$"),
        ordinal_after=_compile(r"(?:er|ère|ere|re|e|ème|eme|è|es|èmes|emes|ers|ères|nd|st|rd|th|o)(?![\w])"),
        reference_before=_compile(rf"(?:(?<![\w])(?:{alternation(references)})){GAP}$"),
        # "12 rue de la Paix", "10 Downing Street": a house number, whatever the street's name.
        address_after=_compile(
            rf"{GAP}(?:bis|ter)?,?{GAP}(?:(?-i:[A-Z])[\w'’-]*{GAP1}){{0,3}}(?:{alternation(address)})(?![\w])"
        ),
        short_year_before=_compile(short_year_before),
        age_before=_compile(age_before),
        age_after=_compile(age_after),
        year_context_before=_compile(rf"(?<![\w])(?:{alternation(year_context)}){GAP}$"),
        fraction_before=_compile(fraction_before),
        qualifier_before=_qualifier_pattern(qualifiers),
        qualifiers={phrase_key(k): v for k, v in qualifiers.items()},
        # After the number, a qualifier closes the phrase: "8 000 hommes au moins.", not "52 morts et plus de 200".
        qualifier_after=_compile(rf"{GAP},?{GAP}(?P<q>{alternation(qualifiers_after)})(?={GAP}(?:[^\w\s]|$))"),
        qualifiers_after={phrase_key(k): v for k, v in qualifiers_after.items()},
        range_open=_compile(range_open),
        range_and=_compile(range_and),
        range_to=_compile(range_to),
        change_before=_compile(
            rf"(?<![\w])(?P<word>(?:(?P<state>{change_state})|(?P<rise>{change_rise})|(?P<fall>{change_fall}))\w*)"
            rf"(?:{GAP1}[\w'’-]+){{0,2}}{GAP1}$"
        ),
        change_nouns=change_nouns,
        past_form=_compile(past_form),
        currency_prefix=re.compile(
            rf"(?:(?P<sym>{alternation(list(PREFIX_SYMBOLS))})|(?P<iso>[A-Z]{{3}})(?![\w])){GAP}"
        ),
        counted_link=_compile(counted_link),
        not_counted=not_counted,
        both_before=both_before,
        both_pattern=_compile(both_pattern),
        others_after=_compile(others_after),
        measure_before=_compile(measure_before),
        stopwords=stopwords,
        irregular_plurals=EN_IRREGULAR_PLURALS,
    )


FRENCH = _build(
    "fr",
    _atom_pattern(FR_NUMBER_WORDS, _FR_APPROX, _FR_VAGUE),
    FR_SCALES,
    FR_CURRENCIES,
    FR_UNITS,
    FR_TIME_UNITS,
    FR_QUALIFIERS,
    FR_QUALIFIERS_AFTER,
    FR_REFERENCES,
    FR_ADDRESS,
    FR_YEAR_CONTEXT,
    FR_STOPWORDS,
    FR_NOT_COUNTED,
    age_before=rf"(?<![\w])(?:[âa]gée?s?{GAP1}de|[âa]gée?s?{GAP1}d{APOS}|à{GAP1}l{APOS}âge{GAP1}de){GAP}$",
    age_after=rf"{GAP1}ans{GAP1}et{GAP1}plus(?![\w])",
    short_year_before=rf"(?<![\w])(?:en|depuis|dès|fin|début|d{APOS}ici{GAP1}à){GAP1}$",
    partitive_after=rf"{GAP1}(?:des|d{APOS}entre){GAP1}",
    fraction_before=rf"(?<![\w])sur{GAP1}$",
    range_open=rf"(?<![\w])(?P<open>entre|de|d{APOS}){GAP}$",
    range_and=rf"{GAP1}et{GAP1}",
    range_to=rf"(?:{GAP1}(?:à|a){GAP1}|{GAP}[-‑–]{GAP})",
    # "passer de 100 à 120" goes from one level to another; "augmenter de 10 à 15 %" may give the size.
    change_state=r"pass|évolu|evolu|chang|port|ramen|ramèn|reven|revien",
    change_rise=r"augment|hauss|grimp|bond|cr[ûu]|croî|croi|accr|progress|reval|relev|relèv|remont",
    change_fall=r"baiss|chut|tomb|recul|diminu|rédui|réduc|abaiss|descen|plong",
    change_nouns=frozenset(
        words(
            "hausse hausses baisse baisses augmentation augmentations diminution diminutions progression "
            "progressions recul reculs chute chutes bond bonds croissance accroissement accroissements "
            "réduction réductions relèvement relèvements remontée remontées revalorisation revalorisations "
            "abaissement abaissements descente descentes passage passages évolution évolutions changement "
            "changements"
        )
    ),
    # Participles, imperfect and simple past: "a augmenté", "a crû", "bondit", "grimpaient", "augmenta";
    # not the future or conditional ("augmentera", "augmenterait").
    past_form=r"(?:é|ée|és|ées|i|ie|is|ies|u|û|ue|us|ues|(?<!a)it|irent|èrent|(?<!r)(?:a|ait|aient))$",
    counted_link=rf"{GAP}(?:de{GAP1}(?:la{GAP1}|l{APOS}|ces{GAP1}|ses{GAP1}|leurs{GAP1}|nos{GAP1}|son{GAP1}|sa{GAP1}|leur{GAP1}|notre{GAP1})?|d{APOS}|des{GAP1}|du{GAP1})",  # noqa: E501
    scale_link=rf"{GAP}(?:de{GAP1}|d{APOS})",
    both_before=frozenset(words("tous toutes les ces nous vous eux elles")),
    both_pattern=rf"(?<![\w])(?:tous|toutes)(?:{GAP1}les)?{GAP1}$",
    others_after=rf"{GAP1}autres(?![\w])",
    measure_before=rf"(?<![\w])(?:magnitude|force){GAP1}$",
)

ENGLISH = _build(
    "en",
    _atom_pattern(EN_NUMBER_WORDS, _EN_APPROX, _EN_VAGUE, _EN_ONE),
    EN_SCALES,
    EN_CURRENCIES,
    EN_UNITS,
    EN_TIME_UNITS,
    EN_QUALIFIERS,
    EN_QUALIFIERS_AFTER,
    EN_REFERENCES,
    EN_ADDRESS,
    EN_YEAR_CONTEXT,
    EN_STOPWORDS,
    EN_NOT_COUNTED,
    age_before=rf"(?<![\w])(?:aged|age{GAP1}of|ages{GAP1}of|at{GAP1}age){GAP}$",
    age_after=rf"{GAP1}(?:and|or){GAP1}(?:older|younger|over|under)(?![\w])",
    short_year_before=rf"(?<![\w])(?:in|since|of|by)?{GAP}{APOS}$",
    partitive_after=rf"{GAP1}of{GAP1}(?:the|them|those|these|its|their|our|us){GAP1}",
    fraction_before=rf"(?<![\w])out{GAP1}of{GAP1}$",
    range_open=rf"(?<![\w])(?P<open>between|from){GAP}$",
    range_and=rf"{GAP1}and{GAP1}",
    range_to=rf"(?:{GAP1}to{GAP1}|{GAP}[-‑–]{GAP})",
    # "rose from 10 to 15 percent" always goes from one level to another: the size is "by 10 to 15".
    change_state=rf"(?:{alternation(EN_CHANGE_WORDS)})(?![\w])",  # whole words: "go" is no "government"
    change_rise=NEVER,
    change_fall=NEVER,
    change_nouns=frozenset(),  # English runs without a parse: every trigger word counts
    past_form=NEVER,
    counted_link=rf"{GAP}of{GAP1}(?:the{GAP1}|its{GAP1}|their{GAP1}|these{GAP1}|those{GAP1}|his{GAP1}|her{GAP1})?",
    scale_link=rf"{GAP}of{GAP1}",
    both_before=frozenset(words("all the these those")),
    both_pattern=NEVER,
    others_after=rf"{GAP1}(?:others|more)(?![\w])",
    measure_before=rf"(?<![\w])magnitude{GAP1}$",
)

LEXICONS = {"fr": FRENCH, "en": ENGLISH}


def lexicon_for(lang: str) -> Lexicon:
    """The lexicon of a language; languages without one read as English (digits and symbols still work)."""
    return LEXICONS.get(lang, ENGLISH)
