"""Nothing from an article or a file name reaches a terminal as a control sequence: every human
output shows controls escaped, JSON escapes them, CSV neutralises formula cells."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from newsclaims.cli.query_cmd import highlighted
from newsclaims.errors import EXIT_BROKEN_PIPE, EXIT_OUTPUT, EXIT_USAGE
from newsclaims.records import Article, ArticleRecord, Figure, Speaker, Statement, TextSpan, article_id
from newsclaims.store import StoreWriter, open_store
from newsclaims.terminal import csv_cell, is_printable, one_line, printable, printable_with_offsets, safe_json
from test_query_cli import run

NEWSCLAIMS = Path(sys.executable).parent / "newsclaims"

# What a hostile article can carry: clear the screen, set the window title, write the clipboard
# (OSC 52), plant a hidden link (OSC 8), a C1 CSI, a bidi override, a zero-width space.
CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
LINK = "\x1b]8;;https://evil.example/\x1b\\ici\x1b]8;;\x1b\\"
C1 = "\x9b31m"
BIDI = "\u202egpj.exe"
HOSTILE = [CLEAR, TITLE, CLIPBOARD, LINK, C1, BIDI, "zero\u200bwidth", "line\u2028break", "\x7f", "\r"]


def _raw_controls(text: str) -> list[str]:
    """The characters in ``text`` a terminal would obey (or reorder, or hide)."""
    return [c for c in text if not is_printable(c)]


# --- the helpers ---------------------------------------------------------------------------------


def test_unsafe_class_matches_the_unicode_categories() -> None:
    """Every control (Cc, but tab and line feed), surrogate, line/paragraph separator and bidi or
    invisible format character is escaped; the joiners and the soft hyphen are kept."""
    kept_format = {"\u00ad", "\u200c", "\u200d"}
    # Format characters that render visibly (Arabic number signs, Kaithi, hieroglyph and music controls).
    visible_format = set("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2")
    visible_format |= {"\U000110bd", "\U000110cd"} | {chr(c) for c in range(0x13430, 0x13440)}
    visible_format |= {chr(c) for c in range(0x1BCA0, 0x1BCA4)} | {chr(c) for c in range(0x1D173, 0x1D17B)}
    for code in range(0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        unsafe = not is_printable(char)
        if category in ("Cc", "Cs", "Zl", "Zp"):
            assert unsafe == (char not in "\t\n"), hex(code)
        elif category == "Cf":
            assert unsafe == (char not in kept_format | visible_format), hex(code)
        else:
            assert not unsafe, hex(code)


def test_printable_escapes_controls_and_keeps_text() -> None:
    text = "Élise a dit « non » \t\n" + "".join(HOSTILE)
    shown = printable(text)
    assert _raw_controls(shown) == []
    assert shown.startswith("Élise a dit « non » \t\n")
    assert "\\x1b[2J" in shown and "\\u202egpj.exe" in shown and "\\x9b31m" in shown and "\\r" in shown
    assert printable("\udfff") == "\\udfff" and printable("\U000e0041") == "\\U000e0041"
    assert "\n" not in one_line("deux\nlignes\r\n") and one_line("a\nb") == "a\\nb"


def test_offsets_follow_the_escapes() -> None:
    text = f"Avant {CLEAR}le mot{C1} et {BIDI} après"
    shown, moved = printable_with_offsets(text)
    assert shown == printable(text)
    for word in ("Avant", "le mot", "et", "gpj.exe", "après"):
        start = text.index(word)
        assert shown[moved(start) : moved(start + len(word))] == word
    assert moved(len(text)) == len(shown)
    plain, same = printable_with_offsets("rien à signaler")
    assert plain == "rien à signaler" and same(7) == 7


def test_safe_json_is_the_same_value_in_harmless_utf8() -> None:
    value = {"texte": "".join(HOSTILE) + " Élise « ok » 😀", "surrogate": "a\udfffb", "tag": "\U000e0041"}
    out = safe_json(value, indent=1)
    assert _raw_controls(out) == []
    out.encode("utf-8")  # lone surrogates are written as escapes, so this cannot fail
    assert "Élise « ok » 😀" in out  # readable text stays readable
    assert json.loads(out) == value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil.example","clic")', "'=HYPERLINK(\"http://evil.example\",\"clic\")"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("la hausse = 3 %", "la hausse = 3 %"),
    ],
)
def test_formula_cells_are_neutralised(cell: str, expected: str) -> None:
    assert csv_cell(cell) == expected
    assert csv_cell(cell, raw=True) == cell


# --- the commands --------------------------------------------------------------------------------


def hostile_record() -> ArticleRecord:
    """An article whose every field a person sees holds terminal controls."""
    speaker = f"Jean{TITLE} Dupont{BIDI}"
    content = f'=HYPERLINK("http://evil.example","{CLEAR}clic") et {LINK} puis {CLIPBOARD}'
    text = f"Titre{C1}\n\nLe maire {speaker} a déclaré que {content}, avec 40 soldats{CLEAR}."
    start = text.index(content)
    name = text.index(speaker)
    cue = text.index("a déclaré")
    fig = text.index("40 soldats")
    statement = Statement(
        speaker=Speaker(name=speaker, mention=TextSpan(speaker, name, name + len(speaker)), role=f"maire{C1}"),
        cue=TextSpan("a déclaré", cue, cue + 9),
        content=TextSpan(content, start, start + len(content)),
        kind="indirect",
        sentence=TextSpan(text[name - 9 :], name - 9, len(text)),
        confidence=0.8,
    )
    figure = Figure(
        value=40, qualifier="exact", text="40 soldats", start=fig, end=fig + 10, counted=f"soldats{CLEAR}", statement=0
    )
    return ArticleRecord(
        article=Article(
            id=article_id(text),
            text=text,
            lang="fr",
            title=f"Titre{C1}{TITLE}",
            url="https://example.org/\x1b]8;;x",
            published=date(2024, 11, 5),
            published_source="given",
            source=f"/tmp/{CLEAR}evil.txt",
        ),
        statements=(statement,),
        figures=(figure,),
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("terminal") / "t.duckdb"
    con = open_store(path)
    writer = StoreWriter(con)
    writer.add(hostile_record())
    writer.commit()
    con.close()
    return str(path)


@pytest.mark.parametrize(
    "args",
    [
        ["statements"],
        ["figures"],
        ["articles"],
        ["show", "0"],
        ["story", "soldats"],
        ["statements", "--format", "json"],
        ["figures", "--format", "json"],
        ["articles", "--format", "json"],
        ["show", "0", "--format", "json"],
        ["story", "soldats", "--format", "json"],
    ],
    ids=lambda a: " ".join(a),
)
def test_no_human_or_json_output_carries_a_raw_control(db: str, args: list[str]) -> None:
    if args[0] == "show":
        args = ["show", hostile_record().article.id[:8], *args[2:]]
    code, out, err = run(*args, "--db", db)
    assert code == 0, err
    assert _raw_controls(out) == [] and _raw_controls(err) == []
    assert "Dupont" in out or (args[0] == "articles" and "Titre" in out)
    if "json" in args:
        json.loads(out)  # still the same data


def test_show_highlights_the_right_words_around_escapes() -> None:
    record = hostile_record()
    text = highlighted(record)
    assert _raw_controls(text.plain) == []
    styled = {text.plain[span.start : span.end] for span in text.spans}
    assert "a déclaré" in styled and "40 soldats" in styled
    assert printable(record.statements[0].content.text) in styled


def test_csv_listing_neutralises_formulas_unless_raw(db: str) -> None:
    _code, out, _err = run("statements", "--db", db, "--format", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["content"].startswith("'=HYPERLINK(")
    _code, out, _err = run("statements", "--db", db, "--format", "csv", "--csv-raw")
    assert next(csv.DictReader(io.StringIO(out)))["content"].startswith("=HYPERLINK(")


def test_csv_export_neutralises_formulas_unless_raw(db: str, tmp_path: Path) -> None:
    code, _out, _err = run("export", str(tmp_path / "safe"), "--db", db, "--format", "csv")
    assert code == 0
    with open(tmp_path / "safe" / "statements.csv", encoding="utf-8", newline="") as fh:
        assert next(csv.DictReader(fh))["content"].startswith("'=HYPERLINK(")
    run("export", str(tmp_path / "raw"), "--db", db, "--format", "csv", "--csv-raw")
    with open(tmp_path / "raw" / "statements.csv", encoding="utf-8", newline="") as fh:
        assert next(csv.DictReader(fh))["content"].startswith("=HYPERLINK(")


def test_export_to_a_place_it_cannot_write_is_one_line(db: str, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    in_the_way = tmp_path / "in-the-way"
    (in_the_way / "articles.parquet").mkdir(parents=True)
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    # /sys refuses even root; a folder without write permission refuses everyone else.
    cases = [(a_file, EXIT_USAGE), (a_file / "below", EXIT_OUTPUT), (in_the_way, EXIT_OUTPUT)]
    cases += [(Path("/sys/newsclaims-export"), EXIT_OUTPUT), (read_only / "out", EXIT_OUTPUT)]
    try:
        for target, expected in cases:
            if target.parent == read_only and os.geteuid() == 0:
                continue  # root writes anywhere
            proc = subprocess.run(
                [str(NEWSCLAIMS), "export", str(target), "--db", db], capture_output=True, text=True, timeout=60
            )
            assert proc.returncode == expected, (target, proc.stderr)
            assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("newsclaims: error: "), proc.stderr
    finally:
        read_only.chmod(0o700)


def test_a_closed_pipe_ends_quietly_with_141(db: str) -> None:
    """``newsclaims ... | head`` stops when head has read enough: no traceback, SIGPIPE's status."""
    for args in (["statements", "--format", "csv"], ["show", hostile_record().article.id[:8]]):
        proc = subprocess.Popen(
            [str(NEWSCLAIMS), *args, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader goes away before the first byte
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE, err
        assert err == ""


def test_error_lines_show_file_names_escaped(tmp_path: Path) -> None:
    name = tmp_path / f"{CLEAR}missing{BIDI}.txt"
    proc = subprocess.run([str(NEWSCLAIMS), "extract", str(name)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3
    assert _raw_controls(proc.stderr.rstrip("\n")) == [] and proc.stderr.count("\n") == 1
    assert "\\x1b[2J" in proc.stderr


def test_ingest_summary_shows_file_names_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{TITLE}vide{BIDI}.txt").write_bytes(b"")
    for extra in ([], ["--json"]):
        proc = subprocess.run(
            [str(NEWSCLAIMS), "ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "--workers", "1", *extra],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert "vide" in proc.stdout
        assert _raw_controls(proc.stdout) == [] and _raw_controls(proc.stderr) == []
