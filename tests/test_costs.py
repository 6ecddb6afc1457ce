"""Bounded cost: spaCy's tokenizer no longer stalls on punctuation runs, an article past its time
bound or its worker's memory ceiling is rejected ``too-costly`` (exit 4 in ``extract``), a worker
that dies costs only the article that killed it, and --workers is capped at the cores.

No test here times anything (bench/bench_hostile.py measures): they check the outcome, and each
would run for minutes, or take the machine's memory, if its bound did not hold.
"""

from __future__ import annotations

import os
import pickle
import signal
import time
from concurrent.futures import wait
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclaims import pipeline as pipeline_module
from newsclaims.budget import Limits, TooCostly, time_limit
from newsclaims.cli import cli, main
from newsclaims.errors import EXIT_COSTLY
from newsclaims.ingest import PoolExtractor, capped_workers, default_workers, ingest_items
from newsclaims.reading import ReadText
from newsclaims.records import Article, ArticleRecord, Rejected
from newsclaims.store import open_store
from newsclaims.tokenizer import MAX_PIECE, QUOTE_MARKS, BoundedTokenizer
from spark_helpers import CRASH, crash_on_marker
from test_ingest import french_article, item

# --- the tokenizer -------------------------------------------------------------------------------


def test_ordinary_text_keeps_spacys_tokens(fr_pipeline) -> None:
    text = french_article(3) + " Un lien : https://example.org/une-page?x=1&y=2 (voir « ici »)... Fin !"
    native = fr_pipeline.tokenizer.tokenizer  # spaCy's own, inside newsclaims'
    assert [t.text for t in fr_pipeline.make_doc(text)] == [t.text for t in native(text)]


@pytest.mark.parametrize(
    "text",
    [
        "&" * 20_000,  # one piece of 20,000 characters: spaCy alone takes about half a minute on it
        "«" * 5_000 + " puis " + "(" * 5_000,
        "Le maire a dit « non ».  " + "&(«)»;" * 2_000 + "\n\nLa suite, normale.",
        " " + "!" * 40 + "  x\n" + "a" * 500 + " ",
    ],
    ids=["ampersands", "guillemets-parentheses", "text-and-a-run", "edges"],
)
def test_pathological_pieces_are_split_cheaply_and_the_text_kept(fr_pipeline, text: str) -> None:
    doc = fr_pipeline.make_doc(text)
    assert doc.text == text  # every offset into the article still holds
    assert all(len(t.text) <= MAX_PIECE for t in doc if not t.is_space)
    # A quotation mark is a token of its own (the extractors expect it); the rest of a run is cut in
    # pieces of up to MAX_PIECE characters, where spaCy would make a token of each character.
    marks = sum(text.count(m) for m in QUOTE_MARKS)
    long_runs = sum(len(p) for p in text.split() if len(p) > MAX_PIECE)
    assert len(doc) < 40 + len(text.split()) + marks * 2 + long_runs // 10


def test_every_quotation_mark_is_a_token_of_its_own(fr_pipeline) -> None:
    """The extractors find quotations in the text and read best when each mark begins a token, as
    spaCy makes it; the cheap rule keeps that for every pack's marks and every Unicode quote among
    other punctuation, while a run of marks stays one piece (one token per mark of a megabyte of «
    cost the parser 200 s and 6 GB)."""
    import unicodedata

    from newsclaims.languages import get_pack, language_codes

    marks = {m for code in language_codes() for pair in get_pack(code).statements.quote_pairs.items() for m in pair}
    marks |= {chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in ("Pi", "Pf")}
    assert marks <= set(QUOTE_MARKS)
    text = "&(" * 100 + ("&".join(sorted(marks)) + "&") * 3 + ")»;" * 100
    starts = {t.idx for t in fr_pipeline.make_doc(text)}
    assert all(i in starts for i, c in enumerate(text) if c in marks)
    run = "«" * 100_000
    assert len(fr_pipeline.make_doc(run)) == len(run) // MAX_PIECE


def test_the_pipeline_pickles_and_serialises_with_the_wrapper(fr_pipeline) -> None:
    assert isinstance(fr_pipeline.tokenizer, BoundedTokenizer)
    copy = pickle.loads(pickle.dumps(fr_pipeline.tokenizer))
    assert copy("&" * 1000 + " fin").text == "&" * 1000 + " fin"
    assert fr_pipeline.tokenizer.to_bytes()  # the wrapped tokenizer's own bytes


def test_a_pathological_article_is_extracted_with_exact_offsets(fr_pipeline) -> None:
    from newsclaims.pipeline import extract_article, make_article

    text = french_article(1, paragraphs=2) + "\n\n" + "«&(" * 3_000 + "\n\n" + french_article(2, paragraphs=1)
    record = extract_article(make_article(ReadText(text=text), lang="fr"))
    assert record.statements and record.figures
    for span in [*record.figures, *record.times, *record.entities]:
        assert text[span.start : span.end] == span.text
    # Punctuation alone, quotation marks among it: each mark still begins a token, as the
    # statement reader expects (a mark inside the last token once made it fail).
    punctuation = "&(«)»;:!?" * 30
    for statement in extract_article(make_article(ReadText(text=punctuation), lang="fr")).statements:
        assert punctuation[statement.content.start : statement.content.end] == statement.content.text


# --- the time bound ------------------------------------------------------------------------------


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limit_raises_too_costly_and_restores_the_signal() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(TooCostly) as caught, time_limit(0.05):
        _spin(5)
    assert caught.value.reason == "too-costly" and caught.value.exit_code == EXIT_COSTLY
    assert signal.getsignal(signal.SIGALRM) is before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(5):
        _spin(0.01)  # within its bound: nothing happens
    with pytest.raises(TooCostly), time_limit(0.05), time_limit(10):
        _spin(5)  # an inner bound never outlives the outer one


def test_time_limit_fires_again_when_its_exception_is_dropped() -> None:
    """Python drops an exception raised in a gc callback or a ``__del__``; the alarm may land there
    (it did, in a full test run), so an expired bound fires again until its block ends."""
    dropped = 0
    with pytest.raises(TooCostly), time_limit(0.05):
        try:
            _spin(5)
        except BaseException:  # what the interpreter does with an exception it cannot raise
            dropped += 1
        _spin(5)
    assert dropped == 1
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(0.2):
        _spin(0.01)
    time.sleep(0.3)  # nothing fires after a block that ended within its bound


# The alarm may land in hypothesis's gc callback, where Python drops the exception and reports it;
# the timer fires again (test_time_limit_fires_again_when_its_exception_is_dropped), so the bound holds.
@pytest.mark.filterwarnings("ignore:Exception ignored in.*gc_callback:pytest.PytestUnraisableExceptionWarning")
def test_extract_refuses_an_article_past_its_bound_with_exit_4(
    tmp_path: Path, fr_pipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(french_article(4, paragraphs=40), encoding="utf-8")
    assert main(["extract", str(path), "--lang", "fr", "--max-seconds", "0.01"]) == EXIT_COSTLY
    err = capsys.readouterr().err
    assert err.startswith("newsclaims: error: too-costly: ") and err.count("\n") == 1


@pytest.fixture
def slow_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bare records at once, except for a text holding "SLOW", which spins far past any bound."""

    def one(article: Article) -> ArticleRecord:
        if "SLOW" in article.text:
            _spin(30)
        return ArticleRecord(article=article)

    monkeypatch.setattr(pipeline_module, "extract_articles", lambda articles, **_kw: [one(a) for a in articles])


def test_an_article_past_its_bound_is_rejected_and_its_batch_kept(tmp_path: Path, slow_extraction: None) -> None:
    inputs = [item(french_article(n, paragraphs=1), f"{n}.txt") for n in range(6)]
    inputs.insert(3, item(french_article(9, paragraphs=1) + " SLOW", "slow.txt"))
    started = time.monotonic()
    stats = ingest_items(inputs, tmp_path / "s.duckdb", workers=0, limits=Limits(seconds=0.3))
    assert time.monotonic() - started < 25  # bounded: the slow article alone would spin 30 s
    assert stats.stored == 6
    assert [(r.source, r.reason) for r in stats.rejections] == [("slow.txt", "too-costly")]


# --- worker processes: the memory ceiling, a dead worker, the cap ------------------------------


def allocate_on_marker(articles: list[Article]) -> list[ArticleRecord | Rejected]:
    """Bare records, except that a text holding "HUGE" asks for 8 GB at once (module level: the
    worker processes import it)."""
    for article in articles:
        if "HUGE" in article.text:
            block = bytearray(8 << 30)
            del block
    return [ArticleRecord(article=a) for a in articles]


def test_a_worker_past_its_memory_ceiling_rejects_the_article_alone(tmp_path: Path) -> None:
    inputs = [item(french_article(n, paragraphs=1), f"{n}.txt") for n in range(10)]
    inputs.insert(5, item(french_article(20, paragraphs=1) + " HUGE", "huge.txt"))
    limits = Limits(memory=2 << 30)  # far below 8 GB, above what a worker needs without the model
    stats = ingest_items(inputs, tmp_path / "s.duckdb", workers=2, extract=allocate_on_marker, limits=limits)
    assert stats.stored == 10
    assert [(r.source, r.reason) for r in stats.rejections] == [("huge.txt", "too-costly")]
    assert "memory" in (stats.rejections[0].detail or "")


def test_a_worker_that_dies_costs_only_the_article_that_killed_it(tmp_path: Path) -> None:
    inputs = [item(french_article(n, paragraphs=1), f"{n}.txt") for n in range(24)]
    inputs.insert(20, item(french_article(30, paragraphs=1) + CRASH, "crash.txt"))
    stats = ingest_items(inputs, tmp_path / "s.duckdb", workers=2, extract=crash_on_marker)
    assert stats.stored == 24
    assert [(r.source, r.reason) for r in stats.rejections] == [("crash.txt", "crash")]
    con = open_store(tmp_path / "s.duckdb", read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (24,)


def test_a_worker_that_dies_between_two_batches_costs_only_its_article() -> None:
    # The pool breaks when the worker dies; the next batch is sent before the dead one is collected,
    # and is refused: both are redone one article at a time, and the run goes on.
    extractor = PoolExtractor(1, extract=crash_on_marker, batch=1)
    out = []
    try:
        out += extractor.submit(item(french_article(1, paragraphs=1), "1.txt"))
        wait(extractor._futures)
        out += extractor.submit(item(french_article(2, paragraphs=1) + CRASH, "crash.txt"))
        wait(extractor._futures)  # the worker is dead and the pool broken, nothing collected yet
        out += extractor.submit(item(french_article(3, paragraphs=1), "3.txt"))
        out += extractor.finish()
    finally:
        extractor.close()
    assert sorted(s for b in out for s in b.tables["articles"].column("source").to_pylist()) == ["1.txt", "3.txt"]
    assert [(r.source, r.reason) for b in out for r in b.rejected] == [("crash.txt", "crash")]


def test_workers_are_capped_at_the_cores_with_a_note(tmp_path: Path) -> None:
    cores = default_workers()
    assert capped_workers(None) == (cores, None)
    assert capped_workers(1) == (1, None)
    many, note = capped_workers(cores + 6)
    assert many == cores and note and str(cores + 6) in note
    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "in"), "--workers", str(cores + 6), "--db", str(tmp_path / "s.duckdb")]
    )
    assert result.exit_code == 0, result.output
    assert f"more than the {cores} cores" in result.stderr


def test_memory_ceiling_defaults_to_a_share_of_the_machine() -> None:
    from newsclaims.budget import MAX_DEFAULT_MEMORY, MIN_MEMORY, default_memory

    assert MIN_MEMORY <= default_memory(1) <= MAX_DEFAULT_MEMORY
    assert default_memory(10_000) == MIN_MEMORY
    assert os.sysconf("SC_PHYS_PAGES") > 0
