"""Article -> ArticleRecord: the one function the CLI, the store runners and Spark share.

A long text is cut into chunks at paragraph breaks so memory stays bounded; each chunk is parsed
and extracted on its own and its offsets shifted back into the article's text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsclaims import components
from newsclaims.extract.context import Context
from newsclaims.extract.dateline import dateline_span, find_dateline
from newsclaims.lang import detect_language
from newsclaims.linking import date_statements, link_figures_to_statements, trim_dateline
from newsclaims.nlp import load_pipeline
from newsclaims.reading import ReadText
from newsclaims.records import Article, ArticleRecord, Dropped, Entity, Figure, Statement, TimeExpr, article_id

CHUNK_CHARS = 20_000  # a news article is one chunk; nlp.pipe batches 16 chunks, so memory stays bounded
T = TypeVar("T")
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


def chunks(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut at line breaks when one is near the limit
    (``size``, default CHUNK_CHARS, read at each call)."""
    size = size or CHUNK_CHARS
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


@dataclass
class _Part:
    """What the components found in one chunk, its offsets shifted into the article's text."""

    statements: list[Statement]
    figures: list[Figure]
    times: list[TimeExpr]
    entities: list[Entity]
    dropped: list[Dropped]


def _part(doc: Doc, offset: int) -> _Part:
    def found(name: str) -> list[Any]:
        records = doc._.get(name) or []
        return [r.shifted(offset) for r in records] if offset else list(records)

    return _Part(
        found(components.STATEMENTS),
        found(components.FIGURES),
        found(components.TIMES),
        found(components.ENTITIES),
        found(components.DROPPED),
    )


def _assemble(article: Article, parts: list[_Part]) -> ArticleRecord:
    times = [t for p in parts for t in p.times]
    statements = [s for p in parts for s in p.statements]
    statements = trim_dateline(statements, article.text, dateline_span(article.text))
    statements = date_statements(statements, times, article.published)
    figures = link_figures_to_statements([f for p in parts for f in p.figures], statements)
    return ArticleRecord(
        article=article,
        statements=tuple(statements),
        figures=tuple(figures),
        times=tuple(times),
        entities=tuple(e for p in parts for e in p.entities),
        dropped=tuple(d for p in parts for d in p.dropped),
    )


def extract_article(article: Article, explain: bool = False) -> ArticleRecord:
    return next(extract_articles([article], explain=explain))


def extract_articles(
    articles: Iterable[Article], batch_size: int = 16, n_process: int = 1, explain: bool = False
) -> Iterator[ArticleRecord]:
    """Records in the order of the articles; consecutive articles of one language share ``nlp.pipe``.
    With ``explain``, each record also holds the candidates the extractors dropped, with why."""
    for article, parts in _by_article(articles, _part, batch_size, n_process, explain):
        yield _assemble(article, parts)


@dataclass(frozen=True)
class Parsed:
    """An article parsed by the model and not yet extracted: each chunk's offset and Doc, as bytes
    (``Doc.to_bytes``), so a process that only runs the model can hand it to one that extracts."""

    article: Article
    chunks: tuple[tuple[int, bytes], ...]


def parse_articles(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Parsed]:
    """The model's half of ``extract_articles``: the pack's pipeline without the newsclaims components."""
    for article, chunks in _by_article(articles, _serialized, batch_size, 1, False, disable=components.COMPONENTS):
        yield Parsed(article, tuple(chunks))


def extract_parsed(parsed: Parsed) -> ArticleRecord:
    """The other half: the newsclaims components over the parsed chunks, the record assembled as
    ``extract_articles`` does (the same record, field for field)."""
    article = parsed.article
    nlp = load_pipeline(article.lang)
    ctx = _context(article, explain=False)  # as parse_articles had it
    parts = []
    for offset, data in parsed.chunks:
        doc = Doc(nlp.vocab).from_bytes(data, exclude=_NOT_SENT)
        doc._.set(components.CONTEXT, ctx)
        for name in components.COMPONENTS:
            doc = nlp.get_pipe(name)(doc)
        parts.append(_part(doc, offset))
    return _assemble(article, parts)


# The tensor is the model's inner state, read by nothing after the model, and most of the bytes;
# the user data is only the Context, which the article gives again (and its encoding costs as much
# as the rest of the Doc).
_NOT_SENT = ["tensor", "user_data"]


def _context(article: Article, explain: bool) -> Context:
    """What the components read of the article: one place, so both halves read the same."""
    return Context(lang=article.lang, published=article.published, explain=explain)


def _serialized(doc: Doc, offset: int) -> tuple[int, bytes]:
    return offset, doc.to_bytes(exclude=_NOT_SENT)


def _by_article(
    articles: Iterable[Article],
    per_chunk: Callable[[Doc, int], T],
    batch_size: int,
    n_process: int,
    explain: bool,
    disable: Sequence[str] = (),
) -> Iterator[tuple[Article, list[T]]]:
    """Each article with what ``per_chunk`` made of its parsed chunks (Doc and offset), in order;
    consecutive articles of one language share ``nlp.pipe``."""
    for lang, group in itertools.groupby(articles, key=lambda a: a.lang):
        nlp = load_pipeline(lang)
        yield from _group(nlp, group, per_chunk, batch_size, n_process, explain, disable)


def _group(
    nlp: Language,
    articles: Iterable[Article],
    per_chunk: Callable[[Doc, int], T],
    batch_size: int,
    n_process: int,
    explain: bool,
    disable: Sequence[str],
) -> Iterator[tuple[Article, list[T]]]:
    pending: dict[int, tuple[Article, int, list[T]]] = {}  # index -> (article, chunks left, parts)

    def tasks() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for i, article in enumerate(articles):
            pieces = chunks(article.text)
            pending[i] = (article, len(pieces), [])
            ctx = _context(article, explain)
            for off, piece in pieces:
                doc = nlp.make_doc(piece)
                doc._.set(components.CONTEXT, ctx)
                yield doc, (i, off)

    next_out = 0
    docs = nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size, n_process=n_process, disable=list(disable))
    for doc, (i, off) in docs:
        article, left, parts = pending[i]
        parts.append(per_chunk(doc, off))
        pending[i] = (article, left - 1, parts)
        # Chunks come back in order, so an article is whole once its last chunk is seen.
        while next_out in pending and pending[next_out][1] == 0:
            done_article, _left, done_parts = pending.pop(next_out)
            yield done_article, done_parts
            next_out += 1
