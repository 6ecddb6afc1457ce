"""Article -> ArticleRecord: the one function the CLI, the store runners and Spark share.

A long text is cut into chunks at paragraph breaks so memory stays bounded; each chunk is parsed
and extracted on its own and its offsets shifted back into the article's text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.dateline import dateline_span, find_dateline
from newsclaims.extract.entities import extract_entities
from newsclaims.extract.figures import extract_figures
from newsclaims.extract.statements import extract_statements
from newsclaims.extract.times import extract_times
from newsclaims.lang import detect_language
from newsclaims.linking import date_statements, link_figures_to_statements, trim_dateline
from newsclaims.nlp import load_pipeline
from newsclaims.reading import ReadText
from newsclaims.records import Article, ArticleRecord, article_id

CHUNK_CHARS = 20_000  # a news article is one chunk; nlp.pipe batches 16 chunks, so memory stays bounded
_BREAK = re.compile(r"\n\s*\n|\n")


def make_article(
    read: ReadText,
    lang: str | None = None,
    published: date | None = None,
    source: str | None = None,
) -> Article:
    """An Article from decoded text: language detected and publication date found when not given."""
    text = read.text
    lang = lang or detect_language(text)
    pub_source = None
    if published is not None:
        pub_source = "given"
    else:
        # A dateline printed in the story beats the HTML's date, which trafilatura may have guessed
        # from anywhere in the page.
        published = find_dateline(text, lang)
        if published is not None:
            pub_source = "dateline"
        elif read.published is not None:
            published, pub_source = read.published, "metadata"
    title = read.title
    if title is None and not read.is_html:
        first, sep, _rest = text.lstrip().partition("\n")
        # A plain-text article written as "title, blank line, body" keeps its title.
        if sep and _rest.startswith("\n") and 0 < len(first) < 300 and not first.rstrip().endswith("."):
            title = first.strip()
    return Article(
        id=article_id(text),
        text=text,
        lang=lang,
        title=title,
        url=read.url,
        published=published,
        published_source=pub_source,
        source=source,
    )


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut at line breaks when one is near the limit."""
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max((m.end() for m in _BREAK.finditer(text, start + size // 2, end)), default=-1)
            if cut <= start:
                cut = text.rfind(" ", start + size // 2, end) + 1 or end
            end = cut
        out.append((start, text[start:end]))
        start = end
    return out


def _extract_doc(doc: Doc, ctx: Context, offset: int) -> tuple[list, list, list, list]:
    statements = extract_statements(doc, ctx)
    figures = extract_figures(doc, ctx)
    times = extract_times(doc, ctx)
    entities = extract_entities(doc, ctx)
    if offset:
        statements = [s.shifted(offset) for s in statements]
        figures = [f.shifted(offset) for f in figures]
        times = [t.shifted(offset) for t in times]
        entities = [e.shifted(offset) for e in entities]
    return statements, figures, times, entities


def _assemble(article: Article, parts: list[tuple[list, list, list, list]]) -> ArticleRecord:
    times = [t for p in parts for t in p[2]]
    statements = [s for p in parts for s in p[0]]
    statements = trim_dateline(statements, article.text, dateline_span(article.text))
    statements = date_statements(statements, times, article.published)
    figures = link_figures_to_statements([f for p in parts for f in p[1]], statements)
    return ArticleRecord(
        article=article,
        statements=tuple(statements),
        figures=tuple(figures),
        times=tuple(times),
        entities=tuple(e for p in parts for e in p[3]),
    )


def extract_article(article: Article) -> ArticleRecord:
    return next(extract_articles([article]))


def extract_articles(articles: Iterable[Article], batch_size: int = 16, n_process: int = 1) -> Iterator[ArticleRecord]:
    """Records in the order of the articles; consecutive articles of one language share ``nlp.pipe``."""
    for lang, group in itertools.groupby(articles, key=lambda a: a.lang):
        nlp = load_pipeline(lang)
        yield from _extract_group(nlp, group, batch_size, n_process)


def _extract_group(
    nlp: Language, articles: Iterable[Article], batch_size: int, n_process: int
) -> Iterator[ArticleRecord]:
    pending: dict[int, tuple[Article, int, list]] = {}  # index -> (article, chunks left, parts)

    def tasks() -> Iterator[tuple[str, tuple[int, int]]]:
        for i, article in enumerate(articles):
            pieces = chunks(article.text)
            pending[i] = (article, len(pieces), [])
            for off, piece in pieces:
                yield piece, (i, off)

    next_out = 0
    for doc, (i, off) in nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        article, left, parts = pending[i]
        ctx = Context(lang=article.lang, published=article.published)
        parts.append(_extract_doc(doc, ctx, off))
        pending[i] = (article, left - 1, parts)
        # Chunks come back in order, so an article is whole once its last chunk is seen.
        while next_out in pending and pending[next_out][1] == 0:
            done_article, _left, done_parts = pending.pop(next_out)
            yield _assemble(done_article, done_parts)
            next_out += 1
