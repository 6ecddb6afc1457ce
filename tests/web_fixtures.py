"""Stores for the web tests: the team's hand-made records, and a hostile article written to try
every way an article could run code in a page (all of it must show as text)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsclaims.records import Article, ArticleRecord, Figure, Speaker, Statement, TextSpan, article_id
from newsclaims.store import StoreWriter, open_store
from test_store import span

HOSTILE_SPEAKER = '<script>window.__pwned = "speaker"</script>Jean <img src=x onerror="window.__pwned=1">'
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script>Bilan <b>gras</b> <img src=x onerror=alert(1)>"
HOSTILE_URL = "javascript:window.__pwned='url'"
HOSTILE_QUOTE = (
    'près de 2 000 soldats nord-coréens <img src=x onerror="window.__pwned=2"> sont arrivés '
    "<a href=\"javascript:window.__pwned='link'\">ici</a>"
)


def hostile_record() -> ArticleRecord:
    """An article whose text, title, url, source and speaker carry markup, scripts and ANSI escapes."""
    text = (
        "Alerte <script>window.__pwned = 'text'</script> \x1b[31mrouge\x1b[0m "
        "<iframe src=javascript:alert(1)></iframe>\n\n"
        f"Le porte-parole {HOSTILE_SPEAKER} a affirmé lundi que {HOSTILE_QUOTE}. "
        "<style>body{display:none}</style><svg onload=\"window.__pwned='svg'\"></svg> Fin."
    )
    sentence_start = text.index("Le porte-parole")
    sentence_end = text.index(". <style>") + 1
    figure = span(text, "près de 2 000 soldats nord-coréens")
    statement = Statement(
        speaker=Speaker(HOSTILE_SPEAKER, span(text, HOSTILE_SPEAKER), "person", "porte-parole <i>x</i>"),
        cue=span(text, "a affirmé"),
        content=span(text, HOSTILE_QUOTE),
        kind="indirect",
        sentence=TextSpan(text[sentence_start:sentence_end], sentence_start, sentence_end),
        confidence=0.9,
        said_on="2024-11-04",
        said_on_from="text",
    )
    return ArticleRecord(
        article=Article(
            id=article_id(text),
            text=text,
            lang="fr",
            title=HOSTILE_TITLE,
            url=HOSTILE_URL,
            published=date(2024, 11, 5),
            published_source="given",
            source="\x1b[2Jhostile.txt <script>window.__pwned='source'</script>",
        ),
        statements=(statement,),
        figures=(
            Figure(
                value=2000,
                qualifier="approx",
                text=figure.text,
                start=figure.start,
                end=figure.end,
                counted="soldats nord-coréens <img src=x onerror=alert(1)>",
                statement=0,
            ),
        ),
    )


def write_store(path: Path, records: tuple[ArticleRecord, ...] | list[ArticleRecord]) -> Path:
    con = open_store(path)
    try:
        writer = StoreWriter(con)
        for record in records:
            writer.add(record)
        writer.commit()
    finally:
        con.close()
    return path
