"""The publication date read from a wire story's dateline, on datelines written here."""

from __future__ import annotations

from datetime import date

import pytest

from newsclaims.extract.dateline import find_dateline
from newsclaims.pipeline import make_article
from newsclaims.reading import ReadText

TODAY = date(2024, 11, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titre de l'article\n\n9 novembre 2012. - Le gouvernement a présenté son plan.", date(2012, 11, 9)),
        ("Titre\n\n22 août 2012, Espagne. - Le parti a exclu un député.", date(2012, 8, 22)),
        ("PARIS, 31 oct (AFP) - Le ministre a annoncé une réforme.", date(2024, 10, 31)),
        ("KIEV, 3 novembre (Reuters) - Les combats continuent.", date(2024, 11, 3)),
        ("WASHINGTON, Oct. 31, 2024 (Reuters) - Officials said on Thursday...", date(2024, 10, 31)),
        ("SEOUL (Yonhap), March 4, 2023 - The ministry said...", date(2023, 3, 4)),
        ("October 31, 2024 — The Pentagon said troops had moved.", date(2024, 10, 31)),
        ("Lundi 4 novembre 2024 - Une réunion s'est tenue.", date(2024, 11, 4)),
        ("Bruxelles, 05/11/2024 - La Commission a publié son rapport.", date(2024, 11, 5)),
        ("Un titre\n\nPublié le 31 octobre 2024 à 14h05\n\nLe texte commence ici.", date(2024, 10, 31)),
        ("Headline\nPublished on October 30, 2024\nBody text.", date(2024, 10, 30)),
    ],
)
def test_dateline_forms(text: str, expected: date) -> None:
    assert find_dateline(text, "fr", today=TODAY) == expected


def test_yearless_dateline_takes_a_year_the_text_gives() -> None:
    text = "MOSCOU, 2 déc (AFP) - Le Kremlin a réagi aux sanctions annoncées en 2022."
    assert find_dateline(text, "fr", today=TODAY) == date(2022, 12, 2)


def test_yearless_dateline_is_never_after_today() -> None:
    # 20 December has not come yet in 2024: the story is from the year before.
    assert find_dateline("ROME, 20 déc (AFP) - Le gouvernement est tombé.", "fr", today=TODAY) == date(2023, 12, 20)


@pytest.mark.parametrize(
    "text",
    [
        "LONDON (Reuters) - A story without a date in its dateline.",
        "Le texte parle du 9 novembre 2012 au milieu d'une phrase, sans dateline.",
        "PARIS, 31 février 2024 (AFP) - Une date impossible.",
        "",
        "\n\n\n",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text, "fr", today=TODAY) is None


def test_dateline_sets_the_article_date_when_none_is_given() -> None:
    article = make_article(ReadText(text="Titre\n\n9 novembre 2012. - Le conseil a voté hier."), lang="fr")
    assert article.published == date(2012, 11, 9)
    assert article.published_source == "dateline"


def test_given_date_wins_over_the_dateline() -> None:
    read = ReadText(text="Titre\n\n9 novembre 2012. - Le conseil a voté hier.")
    article = make_article(read, lang="fr", published=date(2012, 11, 10))
    assert article.published == date(2012, 11, 10)
    assert article.published_source == "given"
