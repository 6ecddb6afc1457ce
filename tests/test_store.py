"""The DuckDB store on hand-made records (no spaCy): schema and migrations, the writer's
transactions, the round trip record -> rows -> record, the queries and the export."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from newsclaims.records import (
    Article,
    ArticleRecord,
    Entity,
    Figure,
    Rejected,
    Speaker,
    Statement,
    TextSpan,
    TimeExpr,
    article_id,
)
from newsclaims.store import (
    LATEST_VERSION,
    StoreError,
    StoreWriter,
    current_version,
    export_tables,
    find_figures,
    find_statements,
    integrity_problems,
    list_articles,
    load_record,
    migrate,
    open_store,
    resolve_article_id,
    table_counts,
)
from newsclaims.store.schema import MIGRATIONS, Migration
from newsclaims.story import story


def span(text: str, part: str, nth: int = 0) -> TextSpan:
    """The span of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return TextSpan(part, start, start + len(part))


def record_about(
    speaker: str, role: str, count: str, value: float, counted: str, published: date | None, lang: str = "fr"
) -> ArticleRecord:
    """A small article where ``speaker`` reports a figure, with every item's offsets computed."""
    quote = f"au moins {count} {counted} sont arrivés dans la région"
    text = (
        f"Bilan provisoire\n\nLe {role} {speaker} a affirmé mardi que {quote}. "
        f"Les habitants décrivent une situation tendue près de la frontière."
    )
    content = span(text, quote)
    figure_span = span(text, f"au moins {count} {counted}")
    name = span(text, speaker)
    sentence_start = text.index("Le ")
    sentence = TextSpan(text[sentence_start : text.index(".") + 1], sentence_start, text.index(".") + 1)
    statement = Statement(
        speaker=Speaker(name=speaker, mention=name, kind="person", role=role, names=(speaker.split()[-1],)),
        cue=span(text, "a affirmé"),
        content=content,
        kind="indirect",
        sentence=sentence,
        confidence=0.8,
        version="2",
    )
    figure = Figure(
        value=value,
        qualifier="at_least",
        text=figure_span.text,
        start=figure_span.start,
        end=figure_span.end,
        counted=counted,
        flags=("checked",),
        statement=0,
        version="3",
    )
    loose = span(text, "la frontière")
    time = span(text, "mardi")
    return ArticleRecord(
        article=Article(
            id=article_id(text),
            text=text,
            lang=lang,
            title="Bilan provisoire",
            url=f"https://example.org/{count}",
            published=published,
            published_source="given" if published else None,
            source=f"/tmp/{count}.txt",
        ),
        statements=(statement,),
        figures=(figure,),
        times=(TimeExpr(text="mardi", start=time.start, end=time.end, type="DATE", value=None, flags=("unanchored",)),),
        entities=(
            Entity(text=speaker, start=name.start, end=name.end, label="PER", canonical=speaker),
            Entity(text=loose.text, start=loose.start, end=loose.end, label="LOC", canonical=loose.text),
        ),
    )


RECORDS = (
    record_about("Élise Martinez", "ministre de la Défense", "3 000", 3000, "soldats", date(2024, 10, 22)),
    record_about("Jonas Weber", "porte-parole de l'ONU", "12 000", 12000, "réfugiés", date(2024, 11, 5)),
    record_about("Amal Haddad", "maire", "40", 40, "soldats blessés", None, lang="en"),
)


@pytest.fixture
def store(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = open_store(tmp_path / "t.duckdb")
    writer = StoreWriter(con)
    for record in RECORDS:
        writer.add(record)
    writer.reject(Rejected(source="/tmp/blank.txt", reason="empty", detail="the input holds no text"))
    writer.commit()
    return con


def test_new_store_is_at_latest_version_and_reopening_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    con = open_store(path)
    assert current_version(con) == LATEST_VERSION
    assert set(table_counts(con)) == {
        "articles",
        "statements",
        "figures",
        "times",
        "entities",
        "article_features",
        "rejected",
        "canonical_entities",
        "stories",
        "story_articles",
    }
    con.close()
    con = open_store(path)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST_VERSION


def test_migrations_apply_in_order_and_a_failing_one_leaves_the_previous_version() -> None:
    con = duckdb.connect()
    first = Migration(1, "one", ("CREATE TABLE a (x INTEGER)",))
    second = Migration(2, "two", ("ALTER TABLE a ADD COLUMN y INTEGER",))
    broken = Migration(3, "broken", ("CREATE TABLE b (x INTEGER)", "CREATE TABLE b (x INTEGER)"))
    assert migrate(con, [first]) == 1
    assert migrate(con, [first, second]) == 2
    assert [
        r[0]
        for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'a'").fetchall()
    ] == ["x", "y"]
    with pytest.raises(duckdb.Error):
        migrate(con, [first, second, broken])
    assert current_version(con) == 2
    assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'").fetchone()[0] == 0
    with pytest.raises(ValueError):
        migrate(con, [second, first])


def test_a_store_written_by_an_older_version_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, MIGRATIONS[:1])  # what the first release created
    con.close()
    con = open_store(path)
    assert current_version(con) == LATEST_VERSION
    writer = StoreWriter(con)
    writer.add(RECORDS[0])
    writer.commit()
    assert load_record(con, RECORDS[0].article.id) == RECORDS[0]
    con.close()


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    con = open_store(path)
    con.execute("INSERT INTO schema_version VALUES (?, 'future', now()::TIMESTAMP)", [LATEST_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path, read_only=True)


def test_reading_a_missing_or_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database " * 100)
    with pytest.raises(StoreError, match="not a newsclaims store"):
        open_store(junk)


def test_a_record_comes_back_exactly_as_written(store: duckdb.DuckDBPyConnection) -> None:
    for record in RECORDS:
        assert load_record(store, record.article.id) == record
    assert integrity_problems(store) == []


def test_writer_skips_what_is_stored_or_buffered(store: duckdb.DuckDBPyConnection) -> None:
    writer = StoreWriter(store)
    assert writer.has_article(RECORDS[0].article.id)
    fresh = record_about("Noé Petit", "député", "7", 7, "navires", date(2024, 12, 1))
    assert not writer.has_article(fresh.article.id)
    assert writer.add(fresh)
    assert writer.has_article(fresh.article.id)
    assert not writer.add(fresh)
    assert writer.commit() == 1
    assert table_counts(store)["articles"] == 4


def test_the_writer_answers_for_many_articles_at_once(store: duckdb.DuckDBPyConnection) -> None:
    writer = StoreWriter(store)
    fresh = record_about("Noé Petit", "député", "7", 7, "navires", date(2024, 12, 1))
    unknown = record_about("Lina Roche", "maire", "9", 9, "écoles", date(2024, 12, 2))
    writer.add(fresh)
    ids = [RECORDS[0].article.id, fresh.article.id, unknown.article.id, RECORDS[1].article.id]
    assert writer.stored_among(ids) == {RECORDS[0].article.id, RECORDS[1].article.id}
    assert writer.known_among(ids) == {RECORDS[0].article.id, RECORDS[1].article.id, fresh.article.id}
    assert writer.stored_among([]) == set()


def test_a_failed_commit_leaves_no_part_of_its_articles(store: duckdb.DuckDBPyConnection) -> None:
    before = table_counts(store)
    writer = StoreWriter(store)
    good = record_about("Noé Petit", "député", "7", 7, "navires", date(2024, 12, 1))
    # A second article with an id already stored: the articles insert passes for ``good`` only if the
    # whole batch is sound, so the primary key violation must roll back ``good`` and its children too.
    clash = dataclasses.replace(good, article=dataclasses.replace(good.article, id=RECORDS[0].article.id))
    writer.add(good)
    writer.add(clash)
    with pytest.raises(duckdb.Error):
        writer.commit()
    assert table_counts(store) == before
    assert integrity_problems(store) == []


def test_writer_commits_when_enough_articles_or_time_have_passed(tmp_path: Path) -> None:
    now = [0.0]
    writer = StoreWriter(open_store(tmp_path / "d.duckdb"), max_articles=2, max_seconds=5, clock=lambda: now[0])
    assert not writer.due()
    writer.add(RECORDS[0])
    assert not writer.due()
    writer.add(RECORDS[1])
    assert writer.due()
    writer.commit()
    writer.reject(Rejected("x", "binary"))
    assert not writer.due()
    now[0] = 6.0
    assert writer.due()


def test_statement_filters(store: duckdb.DuckDBPyConnection) -> None:
    def speakers(**kw: object) -> list[str]:
        return [r["speaker_name"] for r in find_statements(store, **kw)]

    assert speakers() == ["Élise Martinez", "Jonas Weber", "Amal Haddad"]  # undated last
    assert speakers(speaker="elise") == ["Élise Martinez"]  # accents and case folded
    assert speakers(speaker="ONU") == ["Jonas Weber"]  # the role counts
    assert speakers(speaker="weber jonas") == ["Jonas Weber"]  # every word, in any order
    assert speakers(about="refugies region") == ["Jonas Weber"]
    assert speakers(about="100%") == []  # LIKE wildcards are literal
    assert speakers(since=date(2024, 11, 1)) == ["Jonas Weber"]
    assert speakers(until=date(2024, 11, 1)) == ["Élise Martinez"]
    assert speakers(lang="en") == ["Amal Haddad"]
    assert speakers(limit=1) == ["Élise Martinez"]
    row = find_statements(store, speaker="Martinez")[0]
    assert row["id"] == f"{RECORDS[0].article.id}:0"
    assert row["published"] == date(2024, 10, 22)
    assert RECORDS[0].article.text[row["content_start"] : row["content_end"]] == row["content"]


def test_figure_filters_and_the_story_view(store: duckdb.DuckDBPyConnection) -> None:
    assert [r["value"] for r in find_figures(store, counted="soldats")] == [3000, 40]
    assert [r["value"] for r in find_figures(store, source="Weber")] == [12000]
    assert [r["value"] for r in find_figures(store, about="blesses")] == [40]
    first = story(store, "soldats").points[0]
    assert (first.value, first.qualifier, first.speaker, first.speaker_role) == (
        3000,
        "at_least",
        "Élise Martinez",
        "ministre de la Défense",
    )
    assert (first.published, first.title) == (date(2024, 10, 22), "Bilan provisoire")
    assert first.said_on == date(2024, 10, 22)
    text = RECORDS[0].article.text
    assert first.text in text and first.context in " ".join(text.split())


def test_articles_listing_and_id_prefixes(store: duckdb.DuckDBPyConnection) -> None:
    rows = list_articles(store)
    assert [r["published"] for r in rows] == [date(2024, 11, 5), date(2024, 10, 22), None]  # newest first
    assert rows[0]["n_statements"] == 1 and rows[0]["n_entities"] == 2
    assert "text" not in rows[0]
    full = RECORDS[1].article.id
    assert resolve_article_id(store, full[:10].upper()) == full
    with pytest.raises(StoreError, match="no article"):
        resolve_article_id(store, "ffffffffffffffff" if not full.startswith("ffff") else "0000000000000000")
    with pytest.raises(StoreError, match="not an article id"):
        resolve_article_id(store, "'; DROP TABLE articles")


def test_an_ambiguous_id_prefix_is_refused(tmp_path: Path) -> None:
    con = open_store(tmp_path / "many.duckdb")
    writer = StoreWriter(con)
    # 17 articles: by pigeonhole two ids share their first hexadecimal digit.
    for n in range(17):
        writer.add(record_about("Noé Petit", "député", str(n), n, "navires", None))
    writer.commit()
    firsts = [r["id"][0] for r in list_articles(con)]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(StoreError, match="ambiguous"):
        resolve_article_id(con, shared)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(store: duckdb.DuckDBPyConnection, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "it's out"  # a quote in the path must not break COPY
    paths = export_tables(store, out, fmt)  # type: ignore[arg-type]
    names = {p.name for p in paths}
    tables = ("articles", "statements", "figures", "times", "entities", "article_features", "rejected")
    links = ("canonical_entities", "stories", "story_articles")
    assert names == {f"{t}.{fmt}" for t in (*tables, *links, "schema_version")}
    check = duckdb.connect()
    counts = table_counts(store)
    for table, n in counts.items():
        path = str(out / f"{table}.{fmt}")
        reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[fmt]
        assert check.execute(f"SELECT count(*) FROM {reader}(?)", [path]).fetchone()[0] == n
    if fmt == "parquet":
        assert pq.read_table(out / "figures.parquet").column("flags").to_pylist()[0] == ["checked"]
    if fmt == "csv":
        assert '["checked"]' in (out / "figures.csv").read_text(encoding="utf-8").replace('""', '"')
