"""Read-side queries over the store: filters for the CLI, the figure story view, one article back.

Text filters match every word of the query, case and accents folded ("coreens" finds "Coréens"),
because users type names and words without the accents the press prints. DuckDB has no full-text
index offline; a case-insensitive regular expression per word is fast enough for a local store.
A filter costs in proportion to its distinct words, and is capped (``MAX_FILTER_WORDS``,
``MAX_FILTER_CHARS``, a UsageError past them); one with no word in it (punctuation alone) matches
nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb

from newsclaims.errors import UsageError
from newsclaims.records import ArticleRecord
from newsclaims.store.errors import NotFoundError, StoreError
from newsclaims.store.listing import Listing, SortKey
from newsclaims.store.rows import Row, record_from_rows
from newsclaims.store.schema import CHILD_TABLES, DATA_TABLES, LINK_TABLES
from newsclaims.store.sql import rows as _rows
from newsclaims.store.sql import scalar

_WORD = re.compile(r"\w+")
MAX_FILTER_WORDS = 32  # every word must occur: past a few dozen, a filter is a pasted text, not a search
MAX_FILTER_CHARS = 1000
_HEX = re.compile(r"[0-9a-f]+")

# Who said it, as one searchable string: name, the words that named them, other names, role.
_SPEAKER_TEXT = (
    "concat_ws(' ', s.speaker_name, s.speaker_mention, array_to_string(s.speaker_names, ' '), s.speaker_role)"
)


class _Where:
    """A WHERE clause built from optional filters, with its parameters in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def words(self, haystack: str, query: str | None, option: str = "the word filter") -> None:
        """Every word of ``query`` must occur in ``haystack``, case and accents folded. A blank
        query filters nothing; one with no word in it (punctuation alone) matches nothing."""
        if query is None or not query.strip():
            return
        words = filter_words(query, option)
        if not words:
            self.add("FALSE")
        for word in words:
            self.add(f"regexp_matches(coalesce({haystack}, ''), ?)", _pattern(word))

    def dates(self, column: str, since: date | None, until: date | None) -> None:
        if since is not None:
            self.add(f"{column} >= ?", since)
        if until is not None:
            self.add(f"{column} <= ?", until)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


def filter_words(query: str, option: str) -> list[str]:
    """The distinct words of a filter (none when it holds only punctuation); UsageError when it is
    longer than a search: its cost grows with its words."""
    check_query_size(query, option)
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))
    if len(words) > MAX_FILTER_WORDS:
        raise UsageError(f"{option} has {len(words)} words; at most {MAX_FILTER_WORDS} (each must occur)")
    return words


def check_query_size(query: str, option: str) -> None:
    if len(query) > MAX_FILTER_CHARS:
        raise UsageError(f"{option} is {len(query)} characters long; at most {MAX_FILTER_CHARS}")


def _accented() -> dict[str, str]:
    """Each ASCII letter with every Latin letter that folds to it ("e": "eèéêëēĕėęě...")."""
    forms: dict[str, list[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code).lower()
        decomposed = unicodedata.normalize("NFKD", char)
        base, marks = decomposed[0], decomposed[1:]
        # A letter with marks only: ligatures and digraphs ("ĳ", "ǆ") fold to two letters, not one.
        if len(char) == 1 and "a" <= base <= "z" and marks and all(unicodedata.combining(m) for m in marks):
            forms.setdefault(base, [base])
            if char not in forms[base]:
                forms[base].append(char)
    return {base: "".join(chars) for base, chars in forms.items()}


_ACCENTED = _accented()


def _pattern(word: str) -> str:
    """A regular expression matching ``word`` case- and accent-blind: "president" finds "Président".

    A case-insensitive RE2 match with a class per letter is 15 times faster in DuckDB than folding
    the whole text with strip_accents(lower(...)) on every query. (A text stored in decomposed form,
    "e" + U+0301, is then matched with its accents only; the readers produce composed text.)
    """
    decomposed = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    parts = [f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in plain]
    return "(?i)" + "".join(parts)


_NO_DATE_LAST = "coalesce(a.published, DATE '9999-12-31')"  # undated articles sort after dated ones...
_NO_DATE_FIRST = "coalesce(a.published, DATE '0001-01-01')"  # ...also when newest come first


def _listing(select: str, source: str, where: _Where, keys: tuple[SortKey, ...], *params: Any) -> Listing:
    """``params`` are those of ``source`` (they come before the WHERE's in the SQL)."""
    return Listing(select, source, tuple(where.parts), (*params, *where.params), keys)


def statements_listing(
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    lang: str | None = None,
    kind: str | None = None,
    speaker_name: str | None = None,
    article_ids: Sequence[str] | None = None,
) -> Listing:
    """Statements with their article's date and title, oldest first.

    ``speaker`` matches the speaker's name, mention, other names or role; ``about`` the reported
    words; ``since``/``until`` the article's publication date (undated articles then drop out);
    ``speaker_name`` one speaker exactly, as stored; ``article_ids`` limits to those articles.
    """
    where = _Where()
    where.words(_SPEAKER_TEXT, speaker, "--speaker")
    where.words("s.content", about, "--about")
    where.dates("a.published", since, until)
    if lang:
        where.add("a.lang = ?", lang)
    if kind:
        where.add("s.kind = ?", kind)
    if speaker_name is not None:
        where.add("s.speaker_name = ?", speaker_name)
    if article_ids is not None:
        where.add("list_contains(?::VARCHAR[], s.article_id)", list(article_ids))
    return _listing(
        """s.id, s.article_id, a.published, a.lang, a.title,
           s.speaker_name, s.speaker_role, s.speaker_kind, s.speaker_mention,
           s.cue, s.kind, s.content, s.content_start, s.content_end, s.confidence,
           a.url, a.source""",
        "statements s JOIN articles a ON a.id = s.article_id",
        where,
        (SortKey(_NO_DATE_LAST, "DATE"), SortKey("s.article_id", "VARCHAR"), SortKey("s.idx", "BIGINT")),
    )


def find_statements(con: duckdb.DuckDBPyConnection, *, limit: int | None = None, **filters: Any) -> list[Row]:
    """``statements_listing`` read whole (or its first ``limit`` rows)."""
    return statements_listing(**filters).rows(con, limit)


def figures_listing(
    *,
    counted: str | None = None,
    source: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    lang: str | None = None,
    speaker_name: str | None = None,
) -> Listing:
    """Figures with the statement (speaker) that reports them and their article's date, oldest first.

    ``counted`` matches the thing counted; ``source`` the reporting speaker (figures outside any
    statement have none and drop out); ``about`` the figure's words, what it counts, or the
    statement around it; ``speaker_name`` one speaker exactly, as stored.
    """
    where = _Where()
    where.words("f.counted", counted, "--counted")
    where.words(_SPEAKER_TEXT, source, "--source")
    where.words("concat_ws(' ', f.counted, f.text, s.content)", about, "--about")
    where.dates("a.published", since, until)
    if lang:
        where.add("a.lang = ?", lang)
    if speaker_name is not None:
        where.add("s.speaker_name = ?", speaker_name)
    return _listing(
        """f.id, f.article_id, a.published, a.lang, a.title,
           f.value, f.qualifier, f.unit, f.currency, f.counted, f.low, f.high,
           f.text, f.start_char, f.end_char, f.flags,
           f.statement_id, s.speaker_name, s.speaker_role, s.speaker_kind, s.cue,
           a.url, a.source""",
        "figures f JOIN articles a ON a.id = f.article_id LEFT JOIN statements s ON s.id = f.statement_id",
        where,
        (SortKey(_NO_DATE_LAST, "DATE"), SortKey("f.article_id", "VARCHAR"), SortKey("f.idx", "BIGINT")),
    )


def find_figures(con: duckdb.DuckDBPyConnection, *, limit: int | None = None, **filters: Any) -> list[Row]:
    """``figures_listing`` read whole (or its first ``limit`` rows)."""
    return figures_listing(**filters).rows(con, limit)


def articles_listing(
    *,
    about: str | None = None,
    words: str | None = None,
    since: date | None = None,
    until: date | None = None,
    lang: str | None = None,
    article_ids: Sequence[str] | None = None,
    story_id: str | None = None,
) -> Listing:
    """Articles (without their text) with how many items each holds, newest first.

    ``about`` matches the title; ``words`` the title or the text (full-text search); ``story_id``
    keeps the articles of one story.
    """
    where = _Where()
    where.words("a.title", about, "--about")
    where.words("concat_ws(' ', a.title, a.text)", words)
    where.dates("a.published", since, until)
    if lang:
        where.add("a.lang = ?", lang)
    if article_ids is not None:
        where.add("list_contains(?::VARCHAR[], a.id)", list(article_ids))
    if story_id:
        where.add("EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id AND sa.story_id = ?)", story_id)
    return _listing(
        """a.id, a.published, a.published_source, a.lang, a.title,
           a.n_statements, a.n_figures, a.n_times, a.n_entities, length(a.text) AS chars,
           a.url, a.source, a.ingested_at""",
        "articles a",
        where,
        (
            SortKey(_NO_DATE_FIRST, "DATE", True),
            SortKey("a.ingested_at", "TIMESTAMP", True),
            SortKey("a.id", "VARCHAR"),
        ),
    )


def list_articles(con: duckdb.DuckDBPyConnection, *, limit: int | None = None, **filters: Any) -> list[Row]:
    """``articles_listing`` read whole (or its first ``limit`` rows)."""
    return articles_listing(**filters).rows(con, limit)


def speakers_listing(*, words: str | None = None, lang: str | None = None) -> Listing:
    """Speakers as stored (one row per name), most statements first, with their dates and languages."""
    where = _Where()
    where.words(_SPEAKER_TEXT, words)
    if lang:
        where.add("a.lang = ?", lang)
    inner = f"""(
        SELECT s.speaker_name AS name, count(*) AS statements, count(DISTINCT s.article_id) AS articles,
               min(a.published) AS first_published, max(a.published) AS last_published,
               list_sort(list_distinct(list(a.lang))) AS langs,
               coalesce(list_sort(list_distinct(list(s.speaker_role)
                   FILTER (WHERE s.speaker_role IS NOT NULL)))[:5], []) AS roles,
               any_value(s.speaker_kind) AS kind
        FROM statements s JOIN articles a ON a.id = s.article_id
        {where.sql()} {"AND" if where.parts else "WHERE"} s.speaker_name IS NOT NULL
        GROUP BY s.speaker_name
    ) sp"""
    return Listing(
        "sp.*",
        inner,
        (),
        tuple(where.params),
        (SortKey("sp.statements", "BIGINT", True), SortKey("sp.name", "VARCHAR")),
    )


def search_listing(
    words: str,
    *,
    kinds: Sequence[str] = ("article", "statement"),
    speaker: str | None = None,
    since: date | None = None,
    until: date | None = None,
    lang: str | None = None,
    article_ids: Sequence[str] | None = None,
    story_id: str | None = None,
    entity: str | None = None,
) -> Listing:
    """Full-text search: articles whose title or text, and statements whose words or speaker, hold
    every word of ``words`` (case and accents folded), newest article first.

    ``speaker`` keeps statements of that speaker, and articles holding one; ``story_id`` the hits of
    one story; ``entity`` the statements whose speaker is that canonical entity (by name). Each hit
    carries its story and, for a statement, its speaker's canonical entity (the search's facets).
    """
    parts: list[str] = []
    params: list[Any] = []
    if "article" in kinds:
        where = _Where()
        where.words("concat_ws(' ', a.title, a.text)", words)
        _common(where, since, until, lang, article_ids, "a.id")
        inner = _Where()
        inner.words(_SPEAKER_TEXT, speaker)
        if inner.parts:  # a speaker given in words (not only spaces or punctuation)
            where.add(
                f"EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id AND {' AND '.join(inner.parts)})",
                *inner.params,
            )
        if story_id:
            where.add("sa.story_id = ?", story_id)
        if entity:
            where.add("false")  # an entity facet keeps statements
        parts.append(
            f"""SELECT 'article' AS kind, a.id, a.id AS article_id, a.published, a.lang, a.title,
                       NULL::VARCHAR AS speaker_name, NULL::VARCHAR AS cue, a.text AS text, a.url,
                       sa.story_id, NULL::VARCHAR AS entity
                FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id{where.sql()}"""
        )
        params += where.params
    if "statement" in kinds:
        where = _Where()
        where.words(f"concat_ws(' ', s.content, {_SPEAKER_TEXT})", words)  # "Blinken" finds what he said
        where.words(_SPEAKER_TEXT, speaker)
        _common(where, since, until, lang, article_ids, "s.article_id")
        if story_id:
            where.add("sa.story_id = ?", story_id)
        if entity:
            where.add("se.name = ?", entity)
        parts.append(
            f"""SELECT 'statement' AS kind, s.id, s.article_id, a.published, a.lang, a.title,
                       s.speaker_name, s.cue, s.content AS text, a.url, sa.story_id, se.name AS entity
                FROM statements s JOIN articles a ON a.id = s.article_id
                LEFT JOIN story_articles sa ON sa.article_id = s.article_id
                LEFT JOIN canonical_entities se ON se.id = s.speaker_entity_id{where.sql()}"""
        )
        params += where.params
    if not parts:
        raise ValueError(f"search kinds are article and statement, not {', '.join(kinds)!r}")
    source = "(" + " UNION ALL ".join(parts) + ") hits"
    keys = (
        SortKey("coalesce(hits.published, DATE '0001-01-01')", "DATE", True),
        SortKey("hits.kind", "VARCHAR"),
        SortKey("hits.id", "VARCHAR"),
    )
    return Listing("hits.*", source, (), tuple(params), keys)


def _common(
    where: _Where, since: date | None, until: date | None, lang: str | None, ids: Sequence[str] | None, column: str
) -> None:
    where.dates("a.published", since, until)
    if lang:
        where.add("a.lang = ?", lang)
    if ids is not None:
        where.add(f"list_contains(?::VARCHAR[], {column})", list(ids))


def resolve_article_id(con: duckdb.DuckDBPyConnection, prefix: str) -> str:
    """The full id of the one article whose id starts with ``prefix`` (as git does with commits)."""
    prefix = prefix.strip().lower()
    if not _HEX.fullmatch(prefix):
        raise StoreError(f"{prefix!r} is not an article id (hexadecimal, as `newsclaims articles` lists them)")
    ids = [r[0] for r in con.execute("SELECT id FROM articles WHERE starts_with(id, ?) LIMIT 6", [prefix]).fetchall()]
    if not ids:
        raise NotFoundError(f"no article with an id starting {prefix!r} in this store")
    if len(ids) > 1:
        shown = ", ".join(ids[:5])
        raise StoreError(f"{prefix!r} is ambiguous: {shown}{'...' if len(ids) > 5 else ''}; give more characters")
    return str(ids[0])


def load_record(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleRecord:
    """The stored article with all its items, as the extraction produced it."""
    articles = _rows(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not articles:
        raise NotFoundError(f"no article {article_id} in this store")
    children = {
        table: _rows(con, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx", [article_id])
        for table in CHILD_TABLES
    }
    return record_from_rows(
        articles[0], children["statements"], children["figures"], children["times"], children["entities"]
    )


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each table holds."""
    return {t: int(scalar(con, f"SELECT count(*) FROM {t}")) for t in (*DATA_TABLES, *LINK_TABLES)}


def integrity_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What would show a half-written store: duplicate articles, child rows without their article,
    or an article whose stored item counts differ from the rows present. Empty when all is well."""
    problems: list[str] = []
    dup = scalar(con, "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)")
    if dup:
        problems.append(f"{dup} article ids stored more than once")
    for table in CHILD_TABLES:
        orphans = scalar(
            con, f"SELECT count(*) FROM {table} c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)"
        )
        if orphans:
            problems.append(f"{orphans} {table} rows without their article")
        mismatched = scalar(
            con,
            f"""SELECT count(*) FROM articles a
                LEFT JOIN (SELECT article_id, count(*) AS n FROM {table} GROUP BY article_id) c ON c.article_id = a.id
                WHERE coalesce(c.n, 0) <> a.n_{table}""",
        )
        if mismatched:
            problems.append(f"{mismatched} articles whose {table} rows do not match their count")
    dangling = scalar(
        con,
        """SELECT count(*) FROM figures f
           WHERE f.statement_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = f.statement_id)""",
    )
    if dangling:
        problems.append(f"{dangling} figures pointing at a missing statement")
    return problems
