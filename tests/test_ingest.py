"""``newsclaims ingest``: rejections land in the store, duplicates add nothing, exit codes, a run
killed with SIGKILL resumes without loss or duplicate, and the real Wikinews corpus.

spaCy is loaded as little as possible: the runner's logic is tested with a stand-in extraction,
and the model runs only in the end-to-end tests (one process, plus the killed run's subprocesses).
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from conftest import shared_path
from newsclaims import pipeline as pipeline_module
from newsclaims.cli import cli
from newsclaims.errors import EXIT_OK, EXIT_REJECTED
from newsclaims.ingest import CHECK_ARTICLES, IngestStats, PoolExtractor, ingest_items, prepare
from newsclaims.reading import ReadText
from newsclaims.records import Article, ArticleRecord, Rejected
from newsclaims.sources import SourceItem
from newsclaims.store import StoreWriter, integrity_problems, open_store, table_counts

NEWSCLAIMS = Path(sys.executable).parent / "newsclaims"

# --- texts written for these tests ---------------------------------------------------------------

_PEOPLE = [
    ("Claire Dumas", "la ministre de l'Agriculture"),
    ("Mathieu Lenoir", "le préfet de la région"),
    ("Sofia Benali", "la présidente du conseil départemental"),
    ("Hugo Ferrand", "le porte-parole des pompiers"),
    ("Inès Carpentier", "la directrice de l'hôpital"),
    ("Paul Giraud", "le maire de la commune"),
]
_PLACES = ["Rennes", "Besançon", "Limoges", "Perpignan", "Amiens", "Nancy", "Poitiers", "Annecy"]
_THINGS = ["exploitations agricoles", "foyers", "élèves", "commerces", "logements", "véhicules"]


def french_article(n: int, paragraphs: int = 5) -> str:
    """A news-like French article, different for every ``n`` (so is its id)."""
    place = _PLACES[n % len(_PLACES)]
    title = f"{place} : les intempéries touchent {100 + n} {_THINGS[n % len(_THINGS)]}"
    body = []
    for p in range(paragraphs):
        name, role = _PEOPLE[(n + p) % len(_PEOPLE)]
        thing = _THINGS[(n + 2 * p) % len(_THINGS)]
        count = 40 + 17 * n + 3 * p
        body.append(
            f"Les pluies tombées depuis lundi sur {place} ont endommagé au moins {count} {thing}, "
            f"selon un premier bilan publié mercredi. {role.capitalize()}, {name}, a déclaré que "
            f"« la situation reste préoccupante dans les quartiers les plus bas » et a annoncé "
            f"l'ouverture de {p + 2} centres d'accueil. Près de {count * 10} personnes ont été "
            f"privées d'électricité pendant la nuit, a indiqué le gestionnaire du réseau, qui "
            f"espère un retour à la normale d'ici vendredi. Les secours ont mené {count // 4} "
            f"interventions, dont plusieurs pour évacuer des habitants bloqués par l'eau. "
            f"Une réunion de crise doit se tenir jeudi à la préfecture, a ajouté {name.split()[-1]}."
        )
    return title + "\n\n" + "\n\n".join(body) + "\n"


ENGLISH = (
    "The harbour authority said on Friday that about 1,200 containers had been delayed by the storm, "
    "and that the port would reopen on Monday if the wind dropped as forecast.\n"
)
GERMAN = (
    "Die Stadtverwaltung teilte am Dienstag mit, dass die Brücke wegen dringender Reparaturen "
    "für mindestens drei Wochen gesperrt bleibt. Der Bürgermeister sprach von einer schwierigen Lage.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def summary(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


# --- the runner's logic, with a stand-in extraction (no spaCy) -----------------------------------


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Extraction that returns bare records at once and fails for texts holding "BOOM"."""
    seen: list[str] = []

    def one(article: Article) -> ArticleRecord:
        seen.append(article.id)
        if "BOOM" in article.text:
            raise RuntimeError("extractor bug")
        return ArticleRecord(article=article)

    def many(articles: list[Article], batch_size: int = 16, n_process: int = 1):
        return [one(a) for a in articles]

    monkeypatch.setattr(pipeline_module, "extract_articles", many)  # a failing batch is redone through it too
    return seen


def item(text: str, source: str, lang: str | None = "fr", published: date | None = None) -> SourceItem:
    return SourceItem(source=source, read=ReadText(text=text), lang=lang, published=published)


def test_language_is_declared_forced_or_detected_and_unsupported_ones_rejected() -> None:
    text = french_article(1)
    assert prepare(item(text, "a", lang="FR_ca")).lang == "fr"  # type: ignore[union-attr]
    assert prepare(item(text, "a", lang=None)).lang == "fr"  # type: ignore[union-attr]
    assert prepare(item(GERMAN, "de.txt", lang=None), "en").lang == "en"  # type: ignore[union-attr]
    rejected = prepare(item(GERMAN, "de.txt", lang=None))
    assert isinstance(rejected, Rejected) and (rejected.source, rejected.reason) == ("de.txt", "language")
    declared = prepare(item(text, "x", lang="it"))
    assert isinstance(declared, Rejected) and declared.reason == "language"
    dated = prepare(item(text, "a", published=date(2024, 3, 1)))
    assert isinstance(dated, Article) and (dated.published, dated.published_source) == (date(2024, 3, 1), "given")


def test_duplicates_are_skipped_before_extraction(tmp_path: Path, fake_extraction: list[str]) -> None:
    db = tmp_path / "s.duckdb"
    texts = [french_article(n) for n in range(3)]
    # The same text again, with other spacing and case: same normalised text, same id.
    again = "  " + texts[0].upper().replace(" ", "   ") + "\n\n"
    stats = ingest_items([item(t, f"{i}.txt") for i, t in enumerate([*texts, again])], db, workers=0)
    assert (stats.stored, stats.skipped, stats.rejected) == (3, 1, 0)
    assert len(fake_extraction) == 3
    stats = ingest_items([item(t, f"{i}.txt") for i, t in enumerate(texts)], db, workers=0)
    assert (stats.stored, stats.skipped) == (0, 3)
    assert len(fake_extraction) == 3  # nothing re-extracted
    con = open_store(db, read_only=True)
    assert table_counts(con)["articles"] == 3


def test_the_store_is_asked_once_per_handful_of_inputs(
    tmp_path: Path, fake_extraction: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    texts = [french_article(n) for n in range(40)]
    ingest_items([item(t, f"{i}.txt") for i, t in enumerate(texts[:10])], db, workers=0)
    asked: list[int] = []
    stored_among = StoreWriter.stored_among

    def counted(self: StoreWriter, ids: list[str]) -> set[str]:
        asked.append(len(ids))
        return stored_among(self, ids)

    monkeypatch.setattr(StoreWriter, "stored_among", counted)
    # Stored, new, and a text twice in one handful: each kind decided as one question per handful.
    inputs = [*texts[:10], *texts[10:40], texts[12]]
    stats = ingest_items([item(t, f"{i}.txt") for i, t in enumerate(inputs)], db, workers=0)
    assert (stats.stored, stats.skipped) == (30, 11)
    assert len(fake_extraction) == 40  # 10, then 30: nothing extracted twice
    assert len(asked) == -(-len(inputs) // CHECK_ARTICLES) and sum(asked) <= len(inputs)


def test_rejections_from_reading_language_and_extraction_land_in_the_store(
    tmp_path: Path, fake_extraction: list[str]
) -> None:
    db = tmp_path / "s.duckdb"
    inputs = [
        item(french_article(1), "good.txt"),
        Rejected("blob.bin", "binary", "the input looks like binary data"),
        item(GERMAN, "de.txt", lang=None),
        item(french_article(2) + "BOOM", "bad.txt"),
        item(french_article(3), "good2.txt"),
    ]
    stats = ingest_items(inputs, db, workers=0)
    assert stats.stored == 2
    assert {(r.source, r.reason) for r in stats.rejections} == {
        ("blob.bin", "binary"),
        ("de.txt", "language"),
        ("bad.txt", "extraction"),
    }
    con = open_store(db, read_only=True)
    rows = con.execute("SELECT source, reason, detail, rejected_at FROM rejected ORDER BY source").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("bad.txt", "extraction"), ("blob.bin", "binary"), ("de.txt", "language")]
    assert "RuntimeError: extractor bug" in rows[0][2]
    assert all(r[3] is not None for r in rows)


def test_an_interrupted_run_keeps_every_article_already_extracted(tmp_path: Path, fake_extraction: list[str]) -> None:
    db = tmp_path / "s.duckdb"

    def inputs():
        for n in range(20):
            yield item(french_article(n), f"{n}.txt")
        raise KeyboardInterrupt

    progress: list[int] = []
    with pytest.raises(KeyboardInterrupt):
        # Commit thresholds far away: only the interruption itself can make the articles durable.
        ingest_items(inputs(), db, workers=0, commit_articles=1000, commit_seconds=1000, progress=_stored(progress))
    con = open_store(db, read_only=True)
    extracted = len(fake_extraction)  # the last batch may still wait for extraction: it is lost, not half written
    assert extracted > 0
    assert table_counts(con)["articles"] == extracted == progress[-1]


def _stored(into: list[int]):
    def report(stats: IngestStats) -> None:
        into.append(stats.stored)

    return report


def tagged_records(articles: list[Article]) -> list[ArticleRecord | Rejected]:
    """Stand-in extraction for the pool: runs in the spawned workers (so it lives at module level),
    and tags each record with the process that made it."""
    return [
        Rejected(a.source or a.id, "extraction", "stand-in failure")
        if "BOOM" in a.text
        else ArticleRecord(article=dataclasses.replace(a, source=f"{a.source}@{os.getpid()}"))
        for a in articles
    ]


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_worker_processes_extract_and_the_main_process_writes(tmp_path: Path, workers: int) -> None:
    db = tmp_path / "s.duckdb"
    texts = [french_article(n, paragraphs=1) for n in range(30)]
    inputs = [item(t, f"{i}.txt") for i, t in enumerate(texts)]
    inputs += [item(texts[0], "again.txt"), item(texts[1] + " BOOM", "boom.txt")]
    stats = ingest_items(inputs, db, workers=workers, extract=tagged_records)
    assert (stats.stored, stats.skipped, stats.rejected) == (30, 1, 1)
    con = open_store(db, read_only=True)
    made_by = {r[0].rsplit("@", 1)[1] for r in con.execute("SELECT source FROM articles").fetchall()}
    if workers == 0:  # extraction in this process
        assert made_by == {str(os.getpid())}
    else:  # even a single worker is a process of its own, so the model never waits on the writer
        assert str(os.getpid()) not in made_by and 1 <= len(made_by) <= workers
    assert con.execute("SELECT reason FROM rejected").fetchall() == [("extraction",)]


def test_every_worker_starts_with_the_first_batch() -> None:
    # A spawned pool would start its second process only with the second task; started together,
    # the workers' start-up (imports, then the model) overlaps this process's reading.
    before = set(multiprocessing.active_children())
    extractor = PoolExtractor(2, extract=tagged_records)
    try:
        for n in range(extractor.batch):
            extractor.submit(item(french_article(n, paragraphs=1), f"{n}.txt"))
        started = set(multiprocessing.active_children()) - before
        assert len(started) == 2
        assert sum(b.count("articles") for b in extractor.finish()) == extractor.batch
    finally:
        extractor.close()


_TEARDOWN = """
import os, sys
class Loud:
    def __del__(self):
        print("torn down", flush=True)
kept = Loud()
if sys.argv[1] == "worker":
    from newsclaims.ingest import _worker_start
    _worker_start(os.getppid())
print("done", flush=True)
"""


def test_a_worker_leaves_without_tearing_its_interpreter_down() -> None:
    # What a worker made has been sent by the time it exits; freeing the model object by object
    # would only keep the ingest process waiting for it. Any other process tears down as usual.
    def run(role: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _TEARDOWN, role], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.split("\n")[:-1]

    assert run("plain") == ["done", "torn down"]
    assert run("worker") == ["done"]


def test_wrong_options_are_refused(tmp_path: Path) -> None:
    from newsclaims.errors import UsageError

    with pytest.raises(UsageError):
        ingest_items([], tmp_path / "s.duckdb", lang="de")
    with pytest.raises(UsageError):
        ingest_items([], tmp_path / "s.duckdb", workers=-1)
    code, _out, _err = run_cli("ingest", str(tmp_path), "--workers", "-1", "--db", str(tmp_path / "s.duckdb"))
    assert code == 2


# --- end to end, with spaCy ----------------------------------------------------------------------


def test_cli_ingest_of_a_folder_with_duplicates_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    one, two = french_article(1, paragraphs=1), french_article(2, paragraphs=1)
    (folder / "a" / "one.txt").write_text(one, encoding="utf-8")
    (folder / "a" / "two.html").write_text(
        "<!DOCTYPE html><html><body><article><h1>Titre</h1><p>"
        + two.replace("\n\n", "</p><p>")
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "b" / "one-copy.txt").write_text(one, encoding="utf-8")
    (folder / "b" / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b" / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "b" / "empty.txt").write_bytes(b"")
    (folder / "b" / "blob.bin").write_bytes(bytes(range(256)) * 8)
    db = str(tmp_path / "s.duckdb")

    code, out, _err = run_cli("ingest", str(folder), "--db", db, "--workers", "0", "--json")
    first = summary(out)
    assert code == EXIT_REJECTED
    assert (first["stored"], first["skipped"], first["rejected"]) == (3, 1, 3)
    con = open_store(db, read_only=True)
    reasons = dict(con.execute("SELECT source, reason FROM rejected").fetchall())
    assert reasons == {
        str(folder / "b" / "blob.bin"): "binary",
        str(folder / "b" / "empty.txt"): "empty",
        str(folder / "b" / "german.txt"): "language",
    }
    langs = sorted(r[0] for r in con.execute("SELECT lang FROM articles").fetchall())
    assert langs == ["en", "fr", "fr"]
    con.close()

    # Twice: nothing new; the bad files are rejected again (a sighting more), so the exit code stays 1.
    code, out, _err = run_cli("ingest", str(folder), "--db", db, "--workers", "0", "--json")
    assert code == EXIT_REJECTED
    assert (summary(out)["stored"], summary(out)["skipped"]) == (0, 4)

    # Only good inputs, one from standard input: exit 0; the human summary says what happened.
    code, out, _err = run_cli(
        "ingest", str(folder / "a"), "-", "--db", db, "--workers", "0", stdin=french_article(7, 1).encode()
    )
    assert code == EXIT_OK
    assert out.startswith("1 articles stored") and "2 already there, 0 rejected" in out
    con = open_store(db, read_only=True)
    assert table_counts(con)["articles"] == 4
    # Each bad file is recorded once, seen twice.
    assert table_counts(con)["rejected"] == 3
    assert con.execute("SELECT sum(sightings) FROM rejected").fetchone() == (6,)
    assert con.execute("SELECT source FROM articles WHERE source = '-'").fetchone() is not None
    assert integrity_problems(con) == []


def _wait_for_first_commit(proc: subprocess.Popen, timeout: float = 120) -> str:
    """The first progress line saying an article is stored (stderr is not a terminal: plain lines)."""
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            pytest.fail(f"ingest ended (code {proc.wait()}) before any progress line")
        if line.startswith("newsclaims: ") and not line.startswith("newsclaims: 0 stored"):
            return line
    pytest.fail("no commit within the time limit")


def test_a_run_killed_with_sigkill_resumes_without_loss_or_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    total = 24
    for n in range(total):
        (folder / f"{n:02d}.txt").write_text(french_article(n, paragraphs=3), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    cmd = [str(NEWSCLAIMS), "ingest", str(folder), "--db", str(db)]

    proc = subprocess.Popen([*cmd, "--workers", "1"], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        _wait_for_first_commit(proc)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL

    con = open_store(db, read_only=True)
    kept = table_counts(con)["articles"]
    assert 0 < kept < total, "the kill should land mid-batch"
    assert integrity_problems(con) == []  # no half article, no orphan row
    con.close()

    # The resumed run, in this process (its model is loaded already).
    code, out, err = run_cli(*cmd[1:], "--workers", "0", "--json")
    assert code == EXIT_OK, err
    resumed = summary(out)
    assert (resumed["stored"], resumed["skipped"]) == (total - kept, kept)

    con = open_store(db, read_only=True)
    assert table_counts(con)["articles"] == total
    assert con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == total
    sources = sorted(Path(r[0]).name for r in con.execute("SELECT source FROM articles").fetchall())
    assert sources == [f"{n:02d}.txt" for n in range(total)]
    assert integrity_problems(con) == []
    assert con.execute("SELECT sum(n_entities) FROM articles").fetchone()[0] == table_counts(con)["entities"]


# --- the real corpus: one ingest, reused by the assertions -----------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    html = shared_path("corpus", "wikinews-fr-2012", "html")
    db = tmp_path_factory.mktemp("corpus") / "wikinews.duckdb"
    # One worker, in this process: the model is loaded already, and 2 cores are shared by the suite.
    first = run_cli("ingest", str(html), "--db", str(db), "--workers", "0", "--json")
    second = run_cli("ingest", str(html), "--db", str(db), "--workers", "0", "--json")
    return {"db": db, "first": first, "second": second}


@pytest.mark.shared
@pytest.mark.slow
def test_corpus_ingest_stores_100_articles_and_rejects_none(corpus: dict) -> None:
    code, out, _err = corpus["first"]
    assert code == EXIT_OK
    assert (summary(out)["stored"], summary(out)["rejected"]) == (100, 0)
    con = open_store(corpus["db"], read_only=True)
    counts = table_counts(con)
    assert (counts["articles"], counts["rejected"]) == (100, 0)
    assert integrity_problems(con) == []


@pytest.mark.shared
@pytest.mark.slow
def test_corpus_ingested_twice_still_holds_100(corpus: dict) -> None:
    code, out, _err = corpus["second"]
    assert code == EXIT_OK
    assert (summary(out)["stored"], summary(out)["skipped"]) == (0, 100)
    assert table_counts(open_store(corpus["db"], read_only=True))["articles"] == 100


@pytest.mark.shared
@pytest.mark.slow
def test_corpus_every_article_is_dated(corpus: dict) -> None:
    # The articles open with a dateline ("22 mai 2012. -") that dates them; one (45513, on Ubuntu
    # 12.10) has none, and its text gives only the date of the software release.
    con = open_store(corpus["db"], read_only=True)
    dated = con.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0]
    assert dated >= 99
    years = {
        r[0]
        for r in con.execute("SELECT DISTINCT year(published) FROM articles WHERE published IS NOT NULL").fetchall()
    }
    assert years == {2012}


@pytest.mark.shared
@pytest.mark.slow
def test_corpus_queries_run_on_the_stored_articles(corpus: dict) -> None:
    db = str(corpus["db"])
    code, out, _err = run_cli("articles", "--db", db, "--format", "json", "--limit", "0")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 100
    code, out, _err = run_cli("show", rows[0]["id"][:10], "--db", db, "--format", "json")
    shown = json.loads(out)
    assert shown["id"] == rows[0]["id"]
    for e in shown["entities"]:
        assert shown["text"][e["start"] : e["end"]] == e["text"]
    for command in ("statements", "figures"):
        code, out, _err = run_cli(command, "--db", db, "--format", "csv")
        assert code == 0


def test_store_file_is_a_plain_duckdb_file(tmp_path: Path) -> None:
    # Other tools (duckdb CLI, pandas) open it directly: no custom file format.
    open_store(tmp_path / "x.duckdb").close()
    tables = {r[0] for r in duckdb.connect(str(tmp_path / "x.duckdb")).execute("SHOW TABLES").fetchall()}
    assert {"articles", "statements", "figures", "times", "entities", "rejected", "schema_version"} <= tables


def test_stdin_alone_is_read(tmp_path: Path, fake_extraction: list[str]) -> None:
    db = str(tmp_path / "s.duckdb")
    code, out, _err = run_cli("ingest", "-", "--db", db, "--quiet", "--workers", "0", stdin=french_article(3).encode())
    assert (code, out) == (EXIT_OK, "")
    assert table_counts(open_store(db, read_only=True))["articles"] == 1
