"""Links made after extraction: figures to the statement reporting them, statements to their date."""

from __future__ import annotations

from datetime import date

from newsclaims.linking import date_statements, link_figures_to_statements
from newsclaims.records import Figure, Speaker, Statement, TextSpan, TimeExpr

TEXT = "Le ministère a déclaré lundi que 1 200 soldats étaient partis jeudi. Puis 300 autres sont arrivés."


def span(words: str, occurrence: int = 1) -> TextSpan:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(words, start + 1)
    return TextSpan(words, start, start + len(words))


STATEMENT = Statement(
    speaker=Speaker("ministère", span("Le ministère"), "organisation"),
    cue=span("a déclaré"),
    content=span("1 200 soldats étaient partis jeudi"),
    kind="indirect",
    sentence=span("Le ministère a déclaré lundi que 1 200 soldats étaient partis jeudi."),
    confidence=0.9,
)


def figure(words: str) -> Figure:
    s = span(words)
    return Figure(value=1.0, qualifier="exact", text=words, start=s.start, end=s.end)


def time(words: str, value: str) -> TimeExpr:
    s = span(words)
    return TimeExpr(text=words, start=s.start, end=s.end, type="DATE", value=value, granularity="day")


def test_a_figure_inside_the_reported_words_links_to_the_statement() -> None:
    inside, outside = link_figures_to_statements([figure("1 200 soldats"), figure("300 autres")], [STATEMENT])
    assert inside.statement == 0
    assert outside.statement is None


def test_a_statement_is_dated_by_the_time_beside_its_cue_not_by_one_in_its_content() -> None:
    times = [time("jeudi", "2024-10-24"), time("lundi", "2024-10-28")]
    (dated,) = date_statements([STATEMENT], times, date(2024, 10, 31))
    assert (dated.said_on, dated.said_on_from) == ("2024-10-28", "text")


def test_without_a_time_beside_the_cue_the_publication_date_dates_it() -> None:
    (dated,) = date_statements([STATEMENT], [time("jeudi", "2024-10-24")], date(2024, 10, 31))
    assert (dated.said_on, dated.said_on_from) == ("2024-10-31", "published")
    (undated,) = date_statements([STATEMENT], [], None)
    assert undated.said_on is None


def test_linking_stays_fast_on_a_huge_article() -> None:
    # 20,000 statements and figures: a quadratic pairing would take minutes here.
    n = 20_000
    statements = [
        Statement(
            speaker=STATEMENT.speaker,
            cue=TextSpan("dit", i * 100, i * 100 + 3),
            content=TextSpan("x" * 50, i * 100 + 10, i * 100 + 60),
            kind="indirect",
            sentence=TextSpan("x" * 100, i * 100, i * 100 + 100),
            confidence=1.0,
        )
        for i in range(n)
    ]
    figures = [Figure(value=1.0, qualifier="exact", text="1", start=i * 100 + 20, end=i * 100 + 21) for i in range(n)]
    times = [
        TimeExpr(text="lundi", start=i * 100 + 4, end=i * 100 + 9, type="DATE", value="2024-10-28") for i in range(n)
    ]
    linked = link_figures_to_statements(figures, statements)
    assert [f.statement for f in linked[:3]] == [0, 1, 2] and linked[-1].statement == n - 1
    dated = date_statements(statements, times, None)
    assert all(s.said_on == "2024-10-28" for s in dated[:5])


def test_a_statement_never_starts_inside_the_dateline() -> None:
    from newsclaims.extract.dateline import dateline_span
    from newsclaims.linking import trim_dateline

    text = "Titre\n\nLYON, 3 mars (Demo Wire) - Trois usines ont fermé, a déclaré le préfet.\n"
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]] == "LYON, 3 mars (Demo Wire) -"
    start = text.index("LYON")
    end = text.index(", a déclaré")
    st = Statement(
        speaker=STATEMENT.speaker,
        cue=TextSpan("a déclaré", end + 2, end + 11),
        content=TextSpan(text[start:end], start, end),
        kind="indirect",
        sentence=TextSpan(text[start : len(text) - 1], start, len(text) - 1),
        confidence=0.9,
    )
    (trimmed,) = trim_dateline([st], text, span)
    assert trimmed.content.text == "Trois usines ont fermé"
    assert text[trimmed.content.start : trimmed.content.end] == trimmed.content.text
    assert trimmed.sentence.text.startswith("Trois usines")
    assert trim_dateline([st], text, None) == [st]
