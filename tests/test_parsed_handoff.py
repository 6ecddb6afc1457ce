"""One worker runs the model, the ingest process the extractors: the same records as one pass.

``pipeline.parse_articles`` is the model's half of ``extract_articles`` (Docs as bytes) and
``pipeline.extract_parsed`` the other half; ``ingest --workers 1`` splits the work that way on a
machine with a core to spare. Tested on the team's own articles (eval/team) and fixtures.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import newsclaims.ingest as ingest_module
from newsclaims import pipeline
from newsclaims.batch import extract_items, extract_parsed_batch, parse_batch, prepared
from newsclaims.budget import Limits
from newsclaims.ingest import ingest_items
from newsclaims.pipeline import Parsed, extract_articles, extract_parsed, make_article, parse_articles
from newsclaims.reading import ReadText
from newsclaims.records import Article, ArticleRecord, Rejected
from newsclaims.store import open_store
from test_costs import _spin
from test_ingest import french_article, item

TEAM = Path(__file__).resolve().parents[1] / "eval" / "team"
ROWS = ("statements", "figures", "times", "entities")


def team_articles(lang: str) -> list[Article]:
    paths = sorted(TEAM.glob(f"*-{lang}.txt"))
    assert paths, f"no team articles in {lang} under {TEAM}"
    return [make_article(ReadText(text=p.read_text(encoding="utf-8")), lang=lang, source=p.name) for p in paths]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_parsing_then_extracting_gives_the_records_of_one_pass(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = team_articles(lang)
    # Small chunks, so an article comes back as several Docs, each with its offset.
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    assert any(len(pipeline.chunks(a.text)) > 1 for a in articles)
    whole = list(extract_articles(articles, batch_size=4))
    parsed = list(parse_articles(articles, batch_size=4))
    assert [p.article for p in parsed] == articles
    assert all(isinstance(data, bytes) for p in parsed for _off, data in p.chunks)
    halves = [extract_parsed(p) for p in parsed]
    assert halves == whole
    assert sum(len(r.statements) for r in halves) > 0  # the comparison compared something


def test_docs_parsed_in_another_process_extract_to_the_same_rows() -> None:
    items = [item(t.text, t.source or t.id, lang=None) for t in team_articles("fr") + team_articles("en")]
    items.append(item("Das ist ein deutscher Text über das Wetter in Berlin und München.", "de.txt", lang=None))
    articles, rejected = prepared(items)
    assert [r.reason for r in rejected] == ["language"]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        parsed = pool.submit(parse_batch, articles).result()  # a process with its own model and vocabulary
    assert all(isinstance(p, Parsed) for p in parsed)
    split = extract_parsed_batch(parsed, rejected)
    one_pass = extract_items(items)
    for table in (*ROWS, "article_features"):
        assert split.tables[table].equals(one_pass.tables[table]), table
    stamped = ("ingested_at",)  # the time each was made
    assert split.tables["articles"].drop(stamped).equals(one_pass.tables["articles"].drop(stamped))
    assert [r.source for r in split.rejected] == [r.source for r in one_pass.rejected] == ["de.txt"]


@pytest.fixture
def spare_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine of two cores, whatever this one has: one worker leaves the extractors to the ingest process."""
    monkeypatch.setattr(ingest_module, "default_workers", lambda: 2)


def test_with_one_worker_the_ingest_process_extracts_within_the_bounds(
    tmp_path: Path, spare_core: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made_in: set[int] = set()
    real = pipeline.extract_parsed

    def tagged(parsed: Parsed) -> ArticleRecord:
        made_in.add(os.getpid())
        if "SLOW" in parsed.article.text:
            _spin(90)
        return real(parsed)

    monkeypatch.setattr(pipeline, "extract_parsed", tagged)
    inputs = [item(french_article(n, paragraphs=1), f"{n}.txt") for n in range(6)]
    inputs.insert(2, item(french_article(9, paragraphs=1) + " SLOW", "slow.txt"))
    started = time.monotonic()
    # 5 s an article: its batch of four gets 20 s, then the slow one alone 5 s more.
    stats = ingest_items(inputs, tmp_path / "s.duckdb", workers=1, limits=Limits(seconds=5))
    assert time.monotonic() - started < 80  # the slow article alone would spin 90 s
    assert made_in == {os.getpid()}
    assert stats.stored == 6
    assert [(r.source, r.reason) for r in stats.rejections] == [("slow.txt", "too-costly")]
    con = open_store(tmp_path / "s.duckdb", read_only=True)
    assert con.execute("SELECT count(*) FROM statements").fetchone()[0] >= 6


def test_one_worker_stores_what_extraction_in_process_stores(
    tmp_path: Path, spare_core: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [item(a.text, a.source or a.id, lang=None) for a in team_articles("fr") + team_articles("en")]
    items.append(Rejected("broken.html", "encoding", "not UTF-8"))
    extracted_here: list[str] = []  # the split path ran: the extractors met the parsed Docs in this process
    real = pipeline.extract_parsed

    def spied(parsed: Parsed) -> ArticleRecord:
        extracted_here.append(parsed.article.id)
        return real(parsed)

    monkeypatch.setattr(pipeline, "extract_parsed", spied)
    stores = {}
    for workers in (0, 1):
        db = tmp_path / f"w{workers}.duckdb"
        stats = ingest_items(items, db, workers=workers, link=False)
        assert (stats.stored, stats.rejected) == (len(items) - 1, 1)
        con = open_store(db, read_only=True)
        stores[workers] = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ROWS}
        con.close()
    assert stores[1] == stores[0]
    assert len(extracted_here) == len(items) - 1  # workers=0 extracts in one pass, not through the halves
    assert all(stores[1][t] for t in ROWS)


def test_an_extraction_past_the_memory_a_worker_may_hold_is_rejected_in_the_ingest_process(
    tmp_path: Path, spare_core: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import resource

    real = pipeline.extract_parsed

    def greedy(parsed: Parsed) -> ArticleRecord:
        if "HUGE" in parsed.article.text:
            block = bytearray(16 << 30)  # far past the 2 GB below
            del block
        return real(parsed)

    monkeypatch.setattr(pipeline, "extract_parsed", greedy)
    inputs = [item(french_article(n, paragraphs=1), f"{n}.txt") for n in range(5)]
    inputs.insert(1, item(french_article(20, paragraphs=1) + " HUGE", "huge.txt"))
    before = resource.getrlimit(resource.RLIMIT_AS)
    stats = ingest_items(inputs, tmp_path / "s.duckdb", workers=1, limits=Limits(memory=2 << 30))
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # the headroom ends with the extraction
    assert stats.stored == 5
    assert [(r.source, r.reason) for r in stats.rejections] == [("huge.txt", "too-costly")]
    assert "memory" in (stats.rejections[0].detail or "") and "2.0 GB" in (stats.rejections[0].detail or "")
