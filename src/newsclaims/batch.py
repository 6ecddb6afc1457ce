"""A batch of input items -> the rows they add to the store: the unit of work of every runner.

The local runner calls ``extract_items`` in its worker processes (or in-process with one worker)
and the Spark runner in its tasks, so an input gets the same language, the same records and the
same rejection with the same reason whatever runs it. The result is Arrow tables built by the
store's own row builders: between processes they travel as a few Arrow buffers, not as thousands
of pickled Python objects, and the writer only inserts them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from newsclaims import budget
from newsclaims.errors import InputError, UsageError
from newsclaims.lang import detect_language
from newsclaims.languages import is_supported, language_codes
from newsclaims.reading import lang_tag
from newsclaims.records import Article, ArticleRecord, Rejected
from newsclaims.store.arrow import Tables, storable_tables

if TYPE_CHECKING:
    from newsclaims.pipeline import Parsed
    from newsclaims.sources import SourceItem

# newsclaims.pipeline (spaCy: half a second of imports) is imported where it is used: a process that
# only hands batches to workers, as the ingest process of two workers does, never loads it.

Extracted = ArticleRecord | Rejected
U = TypeVar("U")
R = TypeVar("R")
ExtractBatch = Callable[[list[Article]], list[Extracted]]


@dataclass
class Batch:
    """What a batch of items became: one Arrow table per store table, rejections included."""

    tables: Tables
    rejected: list[Rejected] = field(default_factory=list)  # the rows of tables["rejected"], for summaries

    @property
    def article_ids(self) -> list[str]:
        return [str(i) for i in self.tables["articles"].column("id").to_pylist()]

    def count(self, table: str) -> int:
        return int(self.tables[table].num_rows)


def checked_lang(lang: str) -> str:
    """A runner's --lang: fr, en or auto (case folded); anything else is a usage error."""
    lang = lang.lower()
    if lang != "auto" and not is_supported(lang):
        raise UsageError(f"--lang {lang}: newsclaims reads {', '.join(language_codes())} (or auto)")
    return lang


def prepare(item: SourceItem, lang: str = "auto") -> Article | Rejected:
    """The Article an input item becomes, or why it cannot become one. The language is decided
    here, once: declared by the input, forced by ``lang``, else detected."""
    chosen = lang if lang != "auto" else (lang_tag(item.lang) or detect_language(item.read.text))
    if not is_supported(chosen):
        return Rejected(
            item.source, "language", f"the text is in {chosen!r}; newsclaims reads {', '.join(language_codes())}"
        )
    from newsclaims.pipeline import make_article

    try:
        return make_article(item.read, lang=chosen, published=item.published, source=item.source)
    except InputError as exc:
        return Rejected(item.source, exc.reason, exc.detail or None)
    except Exception as exc:
        return failed(item.source, exc)


def failed(source: str, exc: BaseException) -> Rejected:
    """A bug met on one input: recorded with the input and the error, so the batch goes on.
    NEWSCLAIMS_DEBUG=1 lets it raise instead, with its traceback."""
    if os.environ.get("NEWSCLAIMS_DEBUG") == "1":
        raise exc
    return Rejected(source, "extraction", f"{exc.__class__.__name__}: {exc}")


def extract_batch(articles: list[Article], extract: ExtractBatch | None = None) -> list[Extracted]:
    """Records for a batch of articles (``extract``, default the pipeline), each article's failure
    its own rejection: one that fails is found by redoing the batch one article at a time, and one
    that runs past its time bound or out of memory is rejected ``too-costly`` (``newsclaims.budget``)."""
    return bounded(articles, lambda a: a, extract or _pipeline)


def parse_batch(articles: list[Article]) -> list[Parsed | Rejected]:
    """The model's half of ``extract_batch`` (``pipeline.parse_articles``), within the same bounds:
    what a worker process runs when the ingest process extracts."""
    from newsclaims.pipeline import parse_articles

    return bounded(articles, lambda a: a, lambda group: list(parse_articles(group, batch_size=max(1, len(group)))))


def _pipeline(articles: list[Article]) -> list[Extracted]:
    from newsclaims.pipeline import extract_articles

    return list(extract_articles(articles, batch_size=max(1, len(articles))))


def bounded(
    units: list[U], article_of: Callable[[U], Article], run: Callable[[list[U]], Sequence[R]]
) -> list[R | Rejected]:
    """``run`` over ``units`` within the time bound of their articles' texts; when the batch fails,
    each unit again on its own, so one bad article costs only its own rejection."""
    limits = budget.current()
    try:
        with budget.time_limit(sum(limits.seconds_for(len(article_of(u).text)) for u in units)):
            return list(run(units))
    except Exception:
        # One bad article must not cost its whole batch: redo them one by one to find it.
        # MemoryError included: one huge article's allocations are freed when it fails.
        out: list[R | Rejected] = []
        for unit in units:
            article = article_of(unit)
            try:
                with budget.time_limit(limits.seconds_for(len(article.text))):
                    out.extend(run([unit]))
            except (budget.TooCostly, MemoryError) as exc:
                out.append(Rejected(article.source or article.id, "too-costly", budget.too_costly(exc).detail))
            except Exception as exc:
                out.append(failed(article.source or article.id, exc))
        return out


def prepared(items: Sequence[SourceItem | Rejected], lang: str = "auto") -> tuple[list[Article], list[Rejected]]:
    """The articles the items become, and the rejections (met while reading, or deciding the language)."""
    rejected: list[Rejected] = []
    articles: list[Article] = []
    for item in items:
        done = item if isinstance(item, Rejected) else prepare(item, lang)
        (rejected if isinstance(done, Rejected) else articles).append(done)  # type: ignore[arg-type]
    return articles, rejected


def batch_of(results: Iterable[Extracted], rejected: list[Rejected]) -> Batch:
    """The store rows of the records, with the rejections met before them."""
    records: list[ArticleRecord] = []
    rejected = list(rejected)
    for result in results:
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            records.append(result)
    tables, unstorable = storable_tables(records, rejected)
    return Batch(tables, rejected + unstorable)


def extract_parsed_batch(parsed: Sequence[Parsed | Rejected], rejected: list[Rejected]) -> Batch:
    """The extractors' half, in the ingest process: records for articles a worker parsed
    (``parse_batch``), the same rows ``extract_items`` gives, within the same bounds."""
    from newsclaims.pipeline import Parsed, extract_parsed

    done = [p for p in parsed if isinstance(p, Parsed)]
    results = bounded(done, lambda p: p.article, lambda group: [extract_parsed(p) for p in group])
    return batch_of(results, rejected + [p for p in parsed if isinstance(p, Rejected)])


def extract_items(
    items: Sequence[SourceItem | Rejected], lang: str = "auto", extract: ExtractBatch | None = None
) -> Batch:
    """Items read from the inputs (and rejections met while reading them) -> their store rows.

    ``extract`` turns articles into records (default: the pipeline), within ``extract_batch``'s
    bounds; a runner that sends this to other processes needs it importable (a module-level function).
    """
    articles, rejected = prepared(items, lang)
    return batch_of(extract_batch(articles, extract) if articles else [], rejected)
