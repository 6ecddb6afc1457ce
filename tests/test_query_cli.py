"""The query commands (statements, figures, articles, show, export) on a store of hand-made records."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsclaims.cli import cli, main
from newsclaims.errors import EXIT_INPUT, EXIT_USAGE
from newsclaims.store import StoreWriter, open_store
from test_store import RECORDS


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("query") / "q.duckdb"
    con = open_store(path)
    writer = StoreWriter(con)
    for record in RECORDS:
        writer.add(record)
    writer.commit()
    con.close()
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    # A wide terminal, so that table cells are not wrapped mid-word.
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_statements_as_json_with_filters(db: str) -> None:
    code, out, _err = run("statements", "--db", db, "--format", "json", "--speaker", "martinez")
    assert code == 0
    rows = json.loads(out)
    assert [r["speaker_name"] for r in rows] == ["Élise Martinez"]
    assert rows[0]["published"] == "2024-10-22"
    code, out, _err = run("statements", "--db", db, "--format", "json", "--since", "2024-11-01", "--lang", "fr")
    assert [r["speaker_name"] for r in json.loads(out)] == ["Jonas Weber"]


def test_statements_as_a_table_and_as_csv(db: str) -> None:
    code, out, _err = run("statements", "--db", db)
    assert code == 0
    assert "Statements (3)" in out and "Weber" in out and "2024-11-05" in out
    code, out, _err = run("statements", "--db", db, "--format", "csv", "--about", "soldats")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["speaker_name"] for r in rows] == ["Élise Martinez", "Amal Haddad"]
    assert rows[0]["id"] == f"{RECORDS[0].article.id}:0"


def test_a_table_says_when_rows_were_left_out(db: str) -> None:
    code, out, err = run("statements", "--db", db, "--limit", "1")
    assert code == 0 and "Statements (1)" in out
    assert "--limit 0" in err


def test_figures_by_what_is_counted_and_by_source(db: str) -> None:
    code, out, _err = run("figures", "--db", db, "--format", "json", "--counted", "soldats")
    rows = json.loads(out)
    assert [(r["value"], r["speaker_name"]) for r in rows] == [(3000, "Élise Martinez"), (40, "Amal Haddad")]
    assert rows[0]["flags"] == ["checked"]
    code, out, _err = run("figures", "--db", db, "--source", "porte-parole")
    assert code == 0 and "12 000" in out and "réfugiés" in out
    code, out, _err = run("figures", "--db", db, "--format", "csv", "--counted", "aucun-mot-pareil")
    assert (code, out) == (0, "")


def test_articles_listing(db: str) -> None:
    code, out, _err = run("articles", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 3 and all("text" not in r for r in rows)
    code, out, _err = run("articles", "--db", db)
    assert code == 0 and RECORDS[0].article.id[:10] in out and "Bilan provisoire" in out


def test_show_highlights_the_article_and_takes_an_id_prefix(db: str) -> None:
    record = RECORDS[1]
    code, out, _err = run("show", record.article.id[:8], "--db", db, "--entities")
    assert code == 0
    assert "Jonas Weber" in out and "arrivés dans la région" in out and "Bilan provisoire" in out
    # A statement id from `statements` leads to its article too; --format json is the record itself.
    code, out, _err = run("show", f"{record.article.id}:0", "--db", db, "--format", "json")
    assert json.loads(out) == json.loads(json.dumps(record.to_dict(), ensure_ascii=False))


def test_highlighting_styles_each_item_over_its_offsets() -> None:
    from newsclaims.cli.query_cmd import STYLES, highlighted

    record = RECORDS[0]
    text = highlighted(record)
    styled = {(str(s.style), s.start, s.end) for s in text.spans}
    statement, figure = record.statements[0], record.figures[0]
    assert (STYLES["content"], statement.content.start, statement.content.end) in styled
    assert (STYLES["speaker"], statement.speaker.mention.start, statement.speaker.mention.end) in styled
    assert (STYLES["figure"], figure.start, figure.end) in styled
    assert not any(style == STYLES["entity"] for style, _s, _e in styled)
    assert text.plain == record.article.text


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_one_file_per_table(db: str, tmp_path: Path, fmt: str) -> None:
    code, out, _err = run("export", str(tmp_path / "out"), "--db", db, "--format", fmt)
    assert code == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    expected = ["articles", "entities", "figures", "rejected", "schema_version", "statements", "times"]
    expected += ["article_features", "canonical_entities", "stories", "story_articles"]
    assert written == sorted(f"{t}.{fmt}" for t in expected)
    assert "articles" in out and "3 rows" in out


def test_errors_are_one_line_with_an_exit_code(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["statements", "--db", str(tmp_path / "missing.duckdb")]) == EXIT_INPUT
    assert main(["show", "0123456789abcdef0", "--db", db]) == EXIT_INPUT
    assert main(["show", "not-an-id", "--db", db]) == EXIT_INPUT
    assert main(["statements", "--db", db, "--since", "yesterday"]) == EXIT_USAGE
    assert main(["statements", "--db", db, "--limit", "1" + "0" * 25]) == EXIT_USAGE  # beyond 64 bits
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 5 and all(line.startswith("newsclaims: error: ") for line in err)
    assert "no store" in err[0] and "no article" in err[1]


def test_a_store_in_use_by_a_writer_is_reported_not_crashed_on(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "busy.duckdb"
    open_store(path).close()
    # Another process holds the store open for writing, as a running `newsclaims ingest` does.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('ok'); "
            "sys.stdout.flush(); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        from newsclaims.store import StoreError

        with pytest.raises(StoreError, match="in use by another process"):
            open_store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()


def _modules_after(args: list[str]) -> set[str]:
    """The modules a fresh interpreter has imported once ``newsclaims ARGS`` ran (help only)."""
    script = (
        "import sys, contextlib, io\n"
        "from newsclaims.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({args!r})\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    return set(done.stdout.split())


def test_a_command_imports_only_what_it_runs() -> None:
    # The query commands answer without loading spaCy (half a second), and ingest reaches its
    # workers without it; extract, which runs the model, does load it.
    assert "spacy" not in _modules_after(["statements", "--help"])
    assert "spacy" not in _modules_after(["ingest", "--help"])
    assert "spacy" in _modules_after(["extract", "--help"])


def test_every_listed_command_is_found_under_its_name() -> None:
    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert {"extract", "ingest", "statements", "serve", "link"} <= set(names)
    for name in names:
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name, name
