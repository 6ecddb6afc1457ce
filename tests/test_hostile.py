"""The hostile corpus: inputs a careless or hostile user feeds to newsclaims, each with its expected
outcome. Every case mixes bad input with good: the good is stored, the bad is cleaned or rejected
with its reason, and nothing is printed raw, crashes, hangs or is lost.

Reading and storing run for real; extraction is a stand-in (no spaCy) so the table stays fast.
The pathological texts that cost spaCy time are in test_costs.py and bench/bench_hostile.py.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from newsclaims.ingest import ingest_items
from newsclaims.records import Article, ArticleRecord, Entity, Rejected
from newsclaims.sources import iter_inputs
from newsclaims.store import open_store
from test_sources import build_warc

NEWSCLAIMS = Path(sys.executable).parent / "newsclaims"

GOOD = [
    "Le maire a annoncé mardi que 40 écoles resteraient fermées jusqu'à vendredi à cause des inondations.",
    "La préfète a indiqué lundi que 300 foyers étaient toujours privés d'électricité dans la vallée.",
    "Selon le syndicat, 1 200 salariés ont participé jeudi à la grève dans les trois usines du groupe.",
]


def stand_in(articles: list[Article]) -> list[ArticleRecord | Rejected]:
    """Extraction without spaCy: a bare record; "UNSTORABLE" in a text makes an entity the store
    cannot hold (a lone surrogate, as a buggy extractor could produce)."""
    out: list[ArticleRecord | Rejected] = []
    for a in articles:
        entities = (Entity("x\udfff", 0, 1, "MISC", "x\udfff"),) if "UNSTORABLE" in a.text else ()
        out.append(ArticleRecord(article=a, entities=entities))
    return out


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the inputs under a folder, returns the paths to ingest
    stored: int
    rejected: dict[str, int]  # reason -> how many rows
    check: Callable[[duckdb.DuckDBPyConnection], None] | None = None
    follow_symlinks: bool = False
    stdin: bytes | None = None


def _good_files(folder: Path, n: int = 2) -> None:
    for i in range(n):
        (folder / f"good{i}.txt").write_text(GOOD[i], encoding="utf-8")


def _jsonl_with_surrogates(folder: Path) -> list[str]:
    lines = [
        json.dumps({"text": GOOD[0], "title": "bien"}),
        # ensure_ascii (the default) writes each lone surrogate as a JSON escape, as a hostile dump has it.
        json.dumps({"text": GOOD[1], "title": "mal \udfff titre", "url": "http://x.test/\ud800"}),
        json.dumps({"text": GOOD[2] + " \udc80 fin"}),
    ]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder / "a.jsonl")]


def _check_surrogates_cleaned(con: duckdb.DuckDBPyConnection) -> None:
    sql = "SELECT source, concat_ws(' ', coalesce(title, ''), coalesce(url, ''), text) FROM articles"
    rows = dict(con.execute(sql).fetchall())
    assert "mal \ufffd titre" in rows[next(s for s in rows if s.endswith("#L2"))]
    assert "http://x.test/\ufffd" in rows[next(s for s in rows if s.endswith("#L2"))]
    third = next(s for s in rows if s.endswith("#L3"))
    assert rows[third].endswith(f"{GOOD[2]} \ufffd fin")  # one character for one: offsets still hold


def _non_utf8_name(folder: Path) -> list[str]:
    _good_files(folder, 1)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-\xff.txt"), "wb") as fh:
        fh.write(GOOD[1].encode("utf-8"))
    return [str(folder)]


def _check_escaped_name(con: duckdb.DuckDBPyConnection) -> None:
    sources = [r[0] for r in con.execute("SELECT source FROM articles").fetchall()]
    assert any(s.endswith("caf\\xe9-\\xff.txt") for s in sources), sources


def _feed(items: list[str], doctype: bool = False) -> bytes:
    head = '<?xml version="1.0" encoding="utf-8"?>\n'
    if doctype:
        head += '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "rss-0.91.dtd">\n'
    body = "".join(
        f"<item><title>Titre {i}</title><link>http://x.test/{i}</link><description>{text}</description></item>\n"
        for i, text in enumerate(items)
    )
    return (head + f'<rss version="2.0"><channel><title>T</title>\n{body}</channel></rss>\n').encode("utf-8")


def _feed_with_bad_references(folder: Path) -> list[str]:
    (folder / "f.rss").write_bytes(_feed([GOOD[0], "Un bilan &#xD800; provisoire.", GOOD[1], "Hors &#1114112; plage."]))
    (folder / "g.rss").write_bytes(_feed([GOOD[2], "Trop grand &#99999999999; pour un entier."]))
    return [str(folder / "f.rss"), str(folder / "g.rss")]


def _symlinks(folder: Path) -> list[str]:
    root, outside = folder / "in", folder / "out"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD[0], encoding="utf-8")
    (root / "good.txt").write_text(GOOD[1], encoding="utf-8")
    (root / "out-file.txt").symlink_to(outside / "secret.txt")
    (root / "out-folder").symlink_to(outside)
    (root / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (root / "inside.txt").symlink_to(root / "good.txt")  # inside the root: read (the same article)
    (root / "loop").symlink_to(root)  # a link to the root itself
    (root / "null.txt").symlink_to("/dev/null")  # a device, outside
    return [str(root)]


def _special_files(folder: Path) -> list[str]:
    _good_files(folder)
    os.mkfifo(folder / "pipe")  # opening it would wait for a writer forever
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "sock"))
    listener.close()
    return [str(folder)]


def _not_gzip(folder: Path) -> list[str]:
    _good_files(folder)
    (folder / "plain.txt.gz").write_text(GOOD[2], encoding="utf-8")
    (folder / "real.txt.gz").write_bytes(gzip.compress("Un autre texte, compressé celui-là, sur la grève.".encode()))
    return [str(folder)]


def _warc_with_noise(folder: Path) -> list[str]:
    data = build_warc(gzipped=False, pages=2)
    # A Content-Length eight bytes short (warcio writes "Record not followed by newline" on stderr)
    # and a target URI with spaces (warcio logs a warning) must not print anything.
    data = data.replace(b"http://journal.test/article-1", b"http://journal.test/article 1", 1)
    first = data.index(b"Content-Length: ", data.index(b"WARC-Type: request"))
    end = data.index(b"\r\n", first)
    length = int(data[first + 16 : end])
    data = data[: first + 16] + str(length - 8).encode() + data[end:]
    (folder / "crawl.warc").write_bytes(data)
    return [str(folder / "crawl.warc")]


def _rerun_twice(folder: Path) -> list[str]:
    _good_files(folder, 1)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.bin").write_bytes(b"\x7fELF" + bytes(64))
    return [str(folder), str(folder)]  # the same folder twice: every rejection is seen twice


def _check_once_per_input(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT reason, sightings FROM rejected ORDER BY reason").fetchall()
    assert rows == [("binary", 2), ("empty", 2)]


def _unstorable(folder: Path) -> list[str]:
    _good_files(folder)
    (folder / "odd.txt").write_text("UNSTORABLE " + GOOD[2], encoding="utf-8")
    return [str(folder)]


CASES = [
    Case("lone surrogates in JSONL fields", _jsonl_with_surrogates, 3, {}, _check_surrogates_cleaned),
    Case("a file name that is not UTF-8", _non_utf8_name, 2, {}, _check_escaped_name),
    Case("bad character references in feed items", _feed_with_bad_references, 3, {"feed": 3}),
    Case(
        "a feed with a DOCTYPE on standard input",
        lambda folder: ["-"],
        3,
        {},
        stdin=_feed(GOOD, doctype=True),
    ),
    Case("symlinks out of the folder, dangling, looping", _symlinks, 1, {"symlink": 4}),
    Case("symlinks followed when asked", _symlinks, 2, {"symlink": 2, "not-a-file": 1}, follow_symlinks=True),
    Case("a named pipe and a socket in a folder", _special_files, 2, {"not-a-file": 2}),
    Case("a .gz file that is not gzip", _not_gzip, 3, {"gzip": 1}),
    Case("a WARC with a wrong length and a URI with spaces", _warc_with_noise, 1, {}),  # two copies of one page
    Case("the same bad inputs read twice", _rerun_twice, 1, {"binary": 1, "empty": 1}, _check_once_per_input),
    Case("a record the store cannot hold", _unstorable, 2, {"unstorable": 1}),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input(case: Case, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    paths = case.build(folder)
    stdin = io.BytesIO(case.stdin) if case.stdin is not None else None
    db = tmp_path / "s.duckdb"
    items = iter_inputs(paths, stdin=stdin, follow_symlinks=case.follow_symlinks)
    stats = ingest_items(items, db, workers=0, extract=stand_in)
    con = open_store(db, read_only=True)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()
    reasons = dict(con.execute("SELECT reason, count(*) FROM rejected GROUP BY reason").fetchall())
    details = con.execute("SELECT source, reason, detail FROM rejected").fetchall()
    assert (stored and stored[0], reasons) == (case.stored, case.rejected), details
    assert stats.stored == case.stored
    if case.check:
        case.check(con)
    out, err = capfd.readouterr()
    assert (out, err) == ("", ""), "reading printed something"


# --- stores that are not ours, or damaged: refused with one line, never altered ----------------


def _foreign(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")


def _foreign_same_name(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE articles (id INTEGER, body VARCHAR)")


def _ours_then(*sql: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        open_store(path).close()
        with duckdb.connect(str(path)) as con:
            for statement in sql:
                con.execute(statement)

    return build


STORES = {
    "a foreign DuckDB file": _foreign,
    "a foreign file with a table of our name": _foreign_same_name,
    "a store with a table missing": _ours_then("DROP TABLE figures"),
    "a store with a column missing": _ours_then("ALTER TABLE times DROP COLUMN mod"),
    "a store with an unreadable version": _ours_then(
        "ALTER TABLE schema_version ALTER version TYPE VARCHAR", "UPDATE schema_version SET version = 'x'"
    ),
    "a store with no version row": _ours_then("DELETE FROM schema_version"),
}


@pytest.mark.parametrize("build", STORES.values(), ids=list(STORES))
def test_a_store_that_is_not_ours_is_refused_and_left_untouched(build: Callable[[Path], None], tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    build(path)
    before = path.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text(GOOD[0], encoding="utf-8")
    for args in (["statements"], ["export", str(tmp_path / "out")], ["ingest", str(article), "--workers", "1"]):
        proc = subprocess.run([str(NEWSCLAIMS), *args, "--db", str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 3, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("newsclaims: error: "), proc.stderr
    assert path.read_bytes() == before


def test_an_old_store_with_repeated_rejections_is_merged_by_the_migration(tmp_path: Path) -> None:
    from newsclaims.store import migrate
    from newsclaims.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        migrate(con, MIGRATIONS[:3])
        con.execute(
            "INSERT INTO rejected VALUES ('a.txt', 'empty', NULL, TIMESTAMP '2024-01-01'),"
            " ('a.txt', 'empty', NULL, TIMESTAMP '2024-01-02'), ('b.bin', 'binary', 'x', TIMESTAMP '2024-01-03')"
        )
    con = open_store(path, read_only=True)
    rows = con.execute("SELECT source, sightings, rejected_at, last_seen FROM rejected ORDER BY source").fetchall()
    assert [(r[0], r[1], r[2].day, r[3].day) for r in rows] == [("a.txt", 2, 1, 2), ("b.bin", 1, 3, 3)]


# --- filters: linear, capped, never "everything" -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["statements", "--about", " ".join(f"mot{i}" for i in range(3000))], 2),
        (["figures", "--counted", " ".join(f"mot{i}" for i in range(40))], 2),
        (["articles", "--about", "?!… «» -- ..."], 2),
        (["statements", "--speaker", ""], 2),
        (["statements", "--about", " ".join(f"mot{i}" for i in range(32))], 0),
        (["story", "x" * 2000], 2),
    ],
    ids=["3000 words", "40 words", "punctuation only", "empty", "32 words", "a 2000-character story query"],
)
def test_filters_are_capped_and_punctuation_matches_nothing(args: list[str], code: int, tmp_path: Path) -> None:
    from newsclaims.cli import main

    db = tmp_path / "s.duckdb"
    open_store(db).close()
    assert main([*args, "--db", str(db), "--format", "json"]) == code


def test_extract_of_a_file_name_that_is_not_utf8_prints_valid_utf8(tmp_path: Path, fr_pipeline: object) -> None:
    from click.testing import CliRunner

    from newsclaims.cli import cli

    name = os.path.join(os.fsencode(tmp_path), b"d\xe9p\xeache.txt")
    with open(name, "wb") as fh:
        fh.write(GOOD[1].encode("utf-8"))
    result = CliRunner().invoke(cli, ["extract", os.fsdecode(name), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout_bytes.decode("utf-8"))  # strict: raises on invalid UTF-8
    assert record["source"].endswith("d\\xe9p\\xeache.txt")


@pytest.mark.parametrize("error", [duckdb.InterruptException("INTERRUPT Error"), RuntimeError("Query interrupted")])
def test_a_ctrl_c_that_duckdb_took_inside_a_query_is_a_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: Exception
) -> None:
    # DuckDB answers a SIGINT that lands in a query with its own error, not KeyboardInterrupt; the
    # ingest process spends its time in queries while a worker extracts.
    import newsclaims.ingest
    from newsclaims.cli import main

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(newsclaims.ingest, "ingest", interrupted)
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb")]) == 130
    assert capsys.readouterr().err == "newsclaims: aborted\n"
    monkeypatch.setattr(newsclaims.ingest, "ingest", lambda *_a, **_k: (_ for _ in ()).throw(RuntimeError("bug")))
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb")]) == 70


def test_ctrl_c_ends_an_ingest_with_130_and_keeps_what_it_committed(tmp_path: Path) -> None:
    import signal

    from test_ingest import _wait_for_first_commit, french_article

    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(16):
        (folder / f"{n:02d}.txt").write_text(french_article(n, paragraphs=3), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen(
        [str(NEWSCLAIMS), "ingest", str(folder), "--db", str(db), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_first_commit(proc)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.rstrip("\n").splitlines()[-1] == "newsclaims: aborted"
    con = open_store(db, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1
