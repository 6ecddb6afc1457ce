"""The time extractor: TIMEX3 values resolved against the publication date, on sentences written here.

The anchor is Thursday 31 October 2024 unless a test says otherwise.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from newsclaims.extract.context import Context
from newsclaims.extract.times import extract_times
from newsclaims.extract.times.resolve import weekday_near
from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST
from newsclaims.records import TimeExpr

ANCHOR = date(2024, 10, 31)  # a Thursday


@pytest.fixture(scope="module")
def en_nlp():
    from newsclaims.nlp import load_model

    return load_model("en")


def times(nlp, text: str, published: date | None = ANCHOR, lang: str = "fr") -> list[TimeExpr]:
    doc = nlp(text)
    found = extract_times(doc, Context(lang=lang, published=published))
    for t in found:
        assert t.text == text[t.start : t.end], t  # offsets index the text exactly
    return found


def values(nlp, text: str, published: date | None = ANCHOR, lang: str = "fr") -> dict[str, str | None]:
    return {t.text: t.value for t in times(nlp, text, published, lang)}


# -- French: weekdays and the tense ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Des responsables américains ont annoncé jeudi le déploiement.", "2024-10-31"),  # today
        ("Le Pentagone a déclaré lundi que les soldats étaient là.", "2024-10-28"),
        ("Le ministre se rendra lundi à Berlin.", "2024-11-04"),
        ("Le ministre va se rendre samedi à Rome.", "2024-11-02"),
        ("La réunion est prévue mardi à Bruxelles.", "2024-11-05"),
        ("Le sommet devrait s'ouvrir dimanche.", "2024-11-03"),
    ],
)
def test_weekday_follows_the_tense(fr_nlp, sentence: str, expected: str) -> None:
    found = [t for t in times(fr_nlp, sentence) if t.granularity == "day"]
    assert [t.value for t in found] == [expected]
    assert found[0].anchor == "2024-10-31"


def test_dernier_and_prochain_exclude_today(fr_nlp) -> None:
    got = values(fr_nlp, "Il est arrivé jeudi dernier et repartira vendredi prochain.")
    assert got == {"jeudi dernier": "2024-10-24", "vendredi prochain": "2024-11-01"}


def test_weekday_near_sides() -> None:
    thursday = ANCHOR
    assert weekday_near(thursday, 1, PAST) == date(2024, 10, 28)
    assert weekday_near(thursday, 1, FUTURE) == date(2024, 11, 4)
    assert weekday_near(thursday, 5, NEUTRAL) == date(2024, 11, 1)  # the nearer one
    assert weekday_near(thursday, 4, PAST, strict=True) == date(2024, 10, 24)


# -- French: deictic days, parts of day, clock times ---------------------------------------------------


def test_deictic_days_and_parts_of_day(fr_nlp) -> None:
    got = values(fr_nlp, "Hier soir, la police est intervenue ; avant-hier, rien. Demain matin, une réunion aura lieu.")
    assert got == {"Hier soir": "2024-10-30TEV", "avant-hier": "2024-10-29", "Demain matin": "2024-11-01TMO"}


def test_part_of_day_after_a_weekday(fr_nlp) -> None:
    found = times(fr_nlp, "Le ministre a parlé jeudi soir devant les députés.")
    assert [(t.text, t.value, t.type, t.granularity) for t in found] == [
        ("jeudi soir", "2024-10-31TEV", "TIME", "daypart")
    ]


def test_clock_time_takes_the_day_before_it(fr_nlp) -> None:
    got = values(fr_nlp, "Le blessé a été transporté mardi vers 21 h 45 à l'hôpital.")
    assert got == {"mardi": "2024-10-29", "21 h 45": "2024-10-29T21:45"}


def test_clock_time_joined_to_the_day_after_it(fr_nlp) -> None:
    found = times(fr_nlp, "Les faits se sont produits vers 4 h mardi près de la gare.")
    assert [(t.text, t.value, t.type) for t in found] == [("4 h mardi", "2024-10-29T04:00", "TIME")]


def test_anaphoric_day_counts_from_the_last_date(fr_nlp) -> None:
    got = values(fr_nlp, "L'accord a été signé le 3 juin 2012. Le lendemain, les marchés ont monté.")
    assert got == {"le 3 juin 2012": "2012-06-03", "Le lendemain": "2012-06-04"}


# -- French: weeks, months, seasons, years -----------------------------------------------------------


def test_relative_units(fr_nlp) -> None:
    text = "La semaine dernière, le mois prochain, l'an dernier et cette année comptent tous."
    assert values(fr_nlp, text) == {
        "La semaine dernière": "2024-W43",
        "le mois prochain": "2024-11",
        "l'an dernier": "2023",
        "cette année": "2024",
    }


def test_seasons(fr_nlp) -> None:
    got = values(fr_nlp, "Kiev a lancé sa contre-offensive cet été, après un hiver dernier difficile.")
    assert got["cet été"] == "2024-SU"


def test_season_last_winter(fr_nlp) -> None:
    assert values(fr_nlp, "L'hiver dernier a été doux.") == {"L'hiver dernier": "2023-WI"}


def test_months_with_modifiers(fr_nlp) -> None:
    text = "Des vidéos tournées à la mi-octobre ont circulé, puis début novembre et fin 2023."
    assert values(fr_nlp, text) == {"mi-octobre": "2024-10", "début novembre": "2024-11", "fin 2023": "2023"}


def test_months_with_and_without_year(fr_nlp) -> None:
    text = "Les premiers soldats sont arrivés en juin, après un accord signé en novembre 2023."
    assert values(fr_nlp, text) == {"juin": "2024-06", "novembre 2023": "2023-11"}


def test_yearless_date_moves_to_the_year_the_tense_points_to(fr_nlp) -> None:
    january = date(2025, 1, 10)
    assert values(fr_nlp, "Le texte a été adopté le 21 décembre.", january) == {"le 21 décembre": "2024-12-21"}
    assert values(fr_nlp, "Le texte sera examiné le 3 février.", january) == {"le 3 février": "2025-02-03"}


def test_written_and_numeric_dates(fr_nlp) -> None:
    text = "Le décret du 31/10/2024 entre en vigueur le 1er novembre, comme annoncé le 30 octobre 2024."
    assert values(fr_nlp, text) == {
        "31/10/2024": "2024-10-31",
        "le 1er novembre": "2024-11-01",
        "le 30 octobre 2024": "2024-10-30",
    }


def test_years_decades_centuries_quarters(fr_nlp) -> None:
    text = "En 2006, comme dans les années 90 et au XXe siècle, le premier trimestre 2024 fut calme."
    assert values(fr_nlp, text) == {
        "2006": "2006",
        "les années 90": "199X",
        "XXe siècle": "19",
        "le premier trimestre 2024": "2024-Q1",
    }


def test_a_count_is_not_a_year(fr_nlp) -> None:
    assert values(fr_nlp, "Pyongyang a envoyé 2000 soldats et 10 000 obus.") == {}


def test_vague_references(fr_nlp) -> None:
    text = "Actuellement, les troupes attendent ; elles combattront dans les prochains jours. Récemment, rien."
    assert values(fr_nlp, text) == {
        "Actuellement": "PRESENT_REF",
        "dans les prochains jours": "FUTURE_REF",
        "Récemment": "PAST_REF",
    }


def test_ago_and_in(fr_nlp) -> None:
    text = "Il y a trois ans, le projet est né ; il aboutira dans deux semaines."
    assert values(fr_nlp, text) == {"Il y a trois ans": "2021", "dans deux semaines": "2024-W46"}


def test_feasts(fr_nlp) -> None:
    text = "Le Père Noël passera à Noël ; Noël Mamère votera le lundi de Pâques 2025 puis à la Toussaint."
    assert values(fr_nlp, text) == {
        "Noël": "2024-12-25",
        "le lundi de Pâques 2025": "2025-04-21",
        "la Toussaint": "2024-11-01",
    }


def test_weekday_with_a_day_number_finds_its_month(fr_nlp) -> None:
    assert values(fr_nlp, "Le concert aura lieu le lundi 4, puis le mercredi 6.") == {
        "le lundi 4": "2024-11-04",
        "le mercredi 6": "2024-11-06",
    }


def test_the_sentence_year_and_the_year_before(fr_nlp) -> None:
    text = (
        "Il est arrivé en mai 1998 et a été arrêté le 21 juin. C'est en 2006 qu'il revint. Cette année-là, il écrivit."
    )
    assert values(fr_nlp, text) == {
        "mai 1998": "1998-05",
        "le 21 juin": "1998-06-21",
        "2006": "2006",
        "Cette année-là": "2006",
    }


def test_today_as_nowadays(fr_nlp) -> None:
    text = "Aujourd'hui, la ville vit dans la peur. Le ministre se rend aujourd'hui à Lyon."
    found = times(fr_nlp, text)
    assert [t.value for t in found] == ["PRESENT_REF", "2024-10-31"]


def test_clock_times_in_words(fr_nlp) -> None:
    text = "L'alerte a été donnée jeudi vers quatre heures et demie du matin ; le bus part à huit heures du soir."
    got = values(fr_nlp, text)
    assert got["quatre heures et demie du matin"] == "2024-10-31T04:30"
    assert got["huit heures du soir"] == "2024-10-31T20:00"


def test_light_years_are_not_durations(fr_nlp) -> None:
    assert values(fr_nlp, "L'étoile se trouve à 5 000 années-lumière de la Terre.") == {}


# -- French: durations and sets are typed, not dated -----------------------------------------------------


def test_durations_and_sets(fr_nlp) -> None:
    found = times(fr_nlp, "Les combats ont duré trois ans et les convois passent chaque semaine.")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("trois ans", "DURATION", "P3Y"),
        ("chaque semaine", "SET", "P1W"),
    ]


def test_an_age_is_not_a_duration(fr_nlp) -> None:
    assert values(fr_nlp, "Un homme de 38 ans a été arrêté. Jean Dupont, 87 ans, est sorti.") == {}


# -- no anchor, bad input --------------------------------------------------------------------------------


def test_relative_expressions_stay_null_without_anchor(fr_nlp) -> None:
    found = times(
        fr_nlp, "Hier, jeudi, le texte daté du 31 octobre 2024 est paru. Il vaut le 5 novembre.", published=None
    )
    got = {t.text: t.value for t in found}
    assert got["Hier"] is None
    assert got["jeudi"] is None
    assert got["31 octobre 2024"] == "2024-10-31"  # absolute: needs no anchor
    assert got["le 5 novembre"] == "XXXX-11-05"  # partial, not guessed
    assert all(t.anchor is None for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "Le rapport daté du 31 février 2024 est faux.",
        "Le 31/02/2024 et le 45/13/2024 n'existent pas.",
        "Ça se passera en 2999 ou le 29 février 2023.",
        "Un texte en мixed script : 31 оctobre ２０２４ et ٣١/١٠/٢٠٢٤.",
        "jeudi jeudi jeudi 12 h 99 le 0 janvier",
        "",
    ],
)
def test_bad_input_never_crashes(fr_nlp, text: str) -> None:
    for t in times(fr_nlp, text):
        assert t.value is not None or t.flags or t.anchor is None


def test_random_jumbles_of_time_words_never_crash(fr_nlp, en_nlp) -> None:
    jumble = (
        "le la 12 h 30 lundi mardi 31 février 2024 1999 9999 0000 en juin mi- fin début il y a trois ans dans 2 "
        "jours ce soir hier 29 / 02 . , - – années 60 XIXe siècle été l' cet 45/13/2024 ٣١ оctobre ２０２４ 24 h "
        "sur 24 quatre heures et demie du matin 1er 2000-2001 ' ’ : ; PARIS, 31 oct (AFP) Noël Pâques May Friday"
    )
    words = jumble.split()
    rng = random.Random(7)
    for nlp, lang in ((fr_nlp, "fr"), (en_nlp, "en")):
        for _ in range(5):
            text = " ".join(rng.choice(words) for _ in range(300))
            for published in (ANCHOR, None):
                times(nlp, text, published, lang)  # offsets are checked there


def test_impossible_date_is_kept_with_a_flag(fr_nlp) -> None:
    found = times(fr_nlp, "Le rapport daté du 31 février 2024 est faux.")
    assert [(t.text, t.value, t.flags) for t in found] == [("31 février 2024", None, ("invalid_date",))]


def test_absurd_year_is_flagged(fr_nlp) -> None:
    found = times(fr_nlp, "La mission reviendra en 2999.")
    assert [(t.value, t.flags) for t in found] == [("2999", ("implausible_year",))]


# -- English ---------------------------------------------------------------------------------------------


def test_english_weekdays_and_tense_cues(en_nlp) -> None:
    text = "Officials said on Thursday that the minister will travel to Seoul on Monday."
    assert values(en_nlp, text, lang="en") == {"Thursday": "2024-10-31", "Monday": "2024-11-04"}


def test_english_dates_and_relative_units(en_nlp) -> None:
    text = "The report, dated October 31, was filed last week; two years ago, in the 1990s style, next year."
    assert values(en_nlp, text, lang="en") == {
        "October 31": "2024-10-31",
        "last week": "2024-W43",
        "two years ago": "2022",
        "the 1990s": "199X",
        "next year": "2025",
    }


def test_english_month_versus_modal(en_nlp) -> None:
    text = "Prices may rise, analysts said, after they fell in May and early December."
    got = values(en_nlp, text, date(2025, 3, 20), lang="en")
    assert got == {"May": "2024-05", "early December": "2024-12"}


def test_english_clock_joined_to_its_day(en_nlp) -> None:
    found = times(en_nlp, "The talks resume at 15:00 GMT Saturday in Geneva.", lang="en")
    assert [(t.text, t.value) for t in found] == [("15:00 GMT Saturday", "2024-11-02T15:00")]


def test_english_age_is_not_a_duration(en_nlp) -> None:
    found = times(en_nlp, "A 38-year-old man and children 6 months and older were there for three weeks.", lang="en")
    assert [(t.text, t.value) for t in found] == [("three weeks", "P3W")]


# -- the tense of the clause that holds the expression, and the time of speaking -------------------------


def test_a_year_carried_by_a_noun_does_not_override_a_future_verb(fr_nlp) -> None:
    text = "Le bilan de mars 2024 sera, lui, présenté fin juin."
    assert values(fr_nlp, text, date(2025, 4, 10)) == {"mars 2024": "2024-03", "fin juin": "2025-06"}
    past = "Il est arrivé en mai 1998 et a été arrêté le 21 juin."
    assert values(fr_nlp, past, date(2025, 4, 10))["le 21 juin"] == "1998-06-21"


def test_a_participle_hung_off_its_future_auxiliary(fr_nlp) -> None:
    text = "Le projet de loi de 2023 sera, selon le ministre, voté mi-juillet."
    assert values(fr_nlp, text, date(2025, 4, 10))["mi-juillet"] == "2025-07"


def test_french_reported_clause_gives_the_tense(fr_nlp) -> None:
    text = "La préfecture a indiqué que les routes rouvriraient jeudi."
    assert values(fr_nlp, text, date(2025, 1, 21)) == {"jeudi": "2025-01-23"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The agency said the bridge would reopen by Thursday.", "2025-01-23"),
        ("The mayor said a second vote could not be excluded this summer.", "2025-SU"),
        ("A spokesman could not be reached for comment Thursday.", "2025-01-16"),
        ("The talks could have ended Thursday, officials said.", "2025-01-16"),
    ],
)
def test_english_modals_give_the_tense_of_their_clause(en_nlp, sentence: str, expected: str) -> None:
    found = times(en_nlp, sentence, date(2025, 1, 21), lang="en")
    assert [t.value for t in found] == [expected]


def test_a_quoted_deictic_counts_from_the_time_of_speaking(fr_nlp, en_nlp) -> None:
    sunday, tuesday = "2025-03-09", date(2025, 3, 11)
    en = "“This morning we lost a friend,” the coach told reporters on Sunday evening."
    assert values(en_nlp, en, tuesday, lang="en") == {"This morning": f"{sunday}TMO", "Sunday evening": f"{sunday}TEV"}
    fr = "« Aujourd'hui, nous avons gagné », a lancé Mme Durand dimanche soir."
    assert values(fr_nlp, fr, tuesday) == {"Aujourd'hui": sunday, "dimanche soir": f"{sunday}TEV"}
    lead = "The coach said on Sunday: “Tomorrow we train again.”"
    assert values(en_nlp, lead, tuesday, lang="en")["Tomorrow"] == "2025-03-10"
    # No time of speaking given: the publication date; a time after "that" is not the time of speaking.
    assert values(fr_nlp, "« Demain, nous voterons », a-t-il dit.", tuesday) == {"Demain": "2025-03-12"}
    later = "“We vote tomorrow,” he said, adding that the talks began Monday."
    assert values(en_nlp, later, tuesday, lang="en")["tomorrow"] == "2025-03-12"


def test_bare_en_ete_in_the_present_is_any_summer(fr_nlp) -> None:
    assert values(fr_nlp, "Dans les stations, la fréquentation double en été.") == {"été": "XXXX-SU"}
    assert values(fr_nlp, "Les ventes ont chuté en hiver.") == {"hiver": "2024-WI"}


def test_a_present_read_as_a_subjunctive_without_que_stays_present(fr_nlp) -> None:
    text = "Même si forcément, la clientèle augmente en été."
    assert values(fr_nlp, text) == {"été": "XXXX-SU"}
    assert values(fr_nlp, "Le ministre veut que le rapport soit publié lundi.") == {"lundi": "2024-11-04"}


def test_a_clock_range_takes_the_day_of_its_second_end(fr_nlp) -> None:
    found = values(fr_nlp, "Les vols commis entre 1 h 30 et 4 h lundi ont choqué.")
    assert found == {"1 h 30": "2024-10-28T01:30", "4 h lundi": "2024-10-28T04:00"}


def test_a_year_after_en_dates_the_months_after_it(fr_nlp, en_nlp) -> None:
    text = "Le club a recruté en 2019 puis s'est effondré en mars."
    assert values(fr_nlp, text) == {"2019": "2019", "mars": "2019-03"}
    assert values(fr_nlp, "Arrivé au club en 2019, il sera opéré en juin.")["juin"] == "2025-06"
    assert values(fr_nlp, "Le compte de 2023 a été voté en mars.")["mars"] == "2024-03"
    assert values(en_nlp, "He joined in 2019 and was hurt in March.", lang="en")["March"] == "2019-03"


def test_a_two_digit_year_after_en(fr_nlp) -> None:
    text = "Trois pannes en 97 (en mai, puis en juin), aucune en 98. Le gâteau est coupé en 12."
    assert values(fr_nlp, text, date(1999, 7, 29)) == {
        "97": "1997",
        "mai": "1997-05",
        "juin": "1997-06",
        "98": "1998",
    }


def test_season_names_of_events_and_seasons_of_a_year(fr_nlp) -> None:
    assert values(fr_nlp, "Trente élèves ont participé au printemps de la poésie.") == {}
    assert values(fr_nlp, "Il est parti au printemps de 1998.") == {"printemps de 1998": "1998-SP"}
    assert values(fr_nlp, "Il reviendra au printemps de l'année prochaine.")["printemps"] == "2025-SP"


# -- English: the tense of the governing clause from the parse ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister will travel to Seoul on Monday.", "2024-11-04"),
        ("The minister won't travel to Seoul before Monday.", "2024-11-04"),
        ("The minister is leaving for Seoul on Monday.", "2024-11-04"),
        ("The vote is scheduled to take place on Tuesday.", "2024-11-05"),
        ("The talks are set for Saturday.", "2024-11-02"),
        ("The president is to visit the plant on Monday.", "2024-11-04"),
        ("The mayor said the bridge would be ready to reopen by Saturday.", "2024-11-02"),
        ("The committee met on Tuesday.", "2024-10-29"),
        ("Police have questioned the driver since Monday.", "2024-10-28"),
        ("The company did not comment on Monday.", "2024-10-28"),
        ("Saturday's debate was the first of the campaign.", "2024-10-26"),
        ("Strikers, chanting slogans on Tuesday, blocked the port.", "2024-10-29"),
        # A verb that sets a date puts it ahead of itself, whatever its tense, through its own words only.
        ("Organisers planned a march on Saturday.", "2024-11-02"),
        ("The hearing was postponed until Tuesday.", "2024-11-05"),
        ("The court gave the firm until Monday to pay.", "2024-11-04"),
        ("The hearing was postponed on Tuesday.", "2024-10-29"),
    ],
)
def test_english_weekdays_follow_the_tense_of_their_clause(en_nlp, sentence: str, expected: str) -> None:
    found = times(en_nlp, sentence, lang="en")
    assert [t.value for t in found] == [expected], sentence


def test_english_tense_without_a_parse_falls_back_on_cue_words() -> None:
    import spacy

    blank = spacy.blank("en")  # a tokenizer only: no parse to read
    assert values(blank, "The minister will travel to Seoul on Monday.", lang="en") == {"Monday": "2024-11-04"}
    assert values(blank, "The committee met on Tuesday.", lang="en") == {"Tuesday": "2024-10-29"}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "The family gathered on Thanksgiving Day, as they did last Thanksgiving.",
            date(2025, 1, 21),
            {"Thanksgiving Day": "2024-11-28", "last Thanksgiving": "2024-11-28"},
        ),
        ("Voters will go to the polls on Election Day.", date(2024, 10, 1), {"Election Day": "2024-11-05"}),
        ("The parade is held on Memorial Day.", date(2025, 5, 1), {"Memorial Day": "2025-05-26"}),
        ("The store closed on Labor Day 2019.", date(2025, 5, 1), {"Labor Day 2019": "2019-09-02"}),
    ],
)
def test_english_feasts_on_a_weekday_of_their_month(en_nlp, sentence: str, published: date, expected: dict) -> None:
    assert values(en_nlp, sentence, published, lang="en") == expected


def test_english_approximate_counts_back_and_possessed_futures(en_nlp) -> None:
    text = "The war ended almost four years ago, and the court will now decide the boy's future."
    got = values(en_nlp, text, lang="en")
    assert got["almost four years ago"] == "2020"
    assert got["future"] == "FUTURE_REF"
    assert values(en_nlp, "Prices fell in the post-1989 economy.", lang="en") == {"post-1989": "1989"}


def test_english_idioms_and_quoted_titles_are_no_times(en_nlp) -> None:
    assert values(en_nlp, "Prices will fall in the long run, she told the panel.", lang="en") == {}
    assert values(en_nlp, 'She spoke on CBS\'s "60 Minutes" on Sunday.', lang="en") == {"Sunday": "2024-10-27"}


def test_english_weeks_named_by_a_day_they_hold(en_nlp) -> None:
    text = "The case may be heard the week of March 6, when Easter week is long past."
    assert values(en_nlp, text, date(2000, 2, 17), lang="en") == {
        "the week of March 6": "2000-W10",
        "Easter week": "2000-W16",
    }


def test_an_english_purpose_clause_does_not_take_the_past_of_its_verb(en_nlp) -> None:
    # "to last through June" says what the choice is for: June is read from the publication date alone.
    text = "Officials picked four sites for the trial to last through June."
    assert values(en_nlp, text, date(2025, 3, 18), lang="en") == {"June": "2025-06"}
