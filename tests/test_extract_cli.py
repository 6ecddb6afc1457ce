"""`newsclaims extract`: input handling, output formats, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from newsclaims.cli import cli, main
from newsclaims.errors import EXIT_INPUT, EXIT_USAGE

ARTICLE = FIXTURES / "article-fr.txt"


def run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """The command as a user runs it: output, one-line errors and the exit code."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", *args], input=stdin, capture_output=True, timeout=300
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_json_record_has_the_scorer_shape_and_exact_offsets() -> None:
    result = CliRunner().invoke(cli, ["extract", str(ARTICLE), "--lang", "fr", "--published", "2024-10-29"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    text = ARTICLE.read_text(encoding="utf-8")
    assert record["text"] == text  # plain text is indexed exactly as read
    assert record["published"] == "2024-10-29"
    assert record["lang"] == "fr"
    assert record["title"] == "Des soldats étrangers signalés près de la frontière"
    for family in ("statements", "figures", "times", "entities"):
        assert isinstance(record[family], list)
    for ent in record["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    for st in record["statements"]:
        assert text[st["content"]["start"] : st["content"]["end"]] == st["content"]["text"]


def test_reads_standard_input_and_detects_the_language() -> None:
    code, out, err = run(["extract", "-"], stdin=ARTICLE.read_bytes())
    assert code == 0, err
    assert json.loads(out)["lang"] == "fr"


def test_html_gives_main_text_title_and_date() -> None:
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "article-fr.html")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["title"] == "Un convoi signalé à la frontière"
    assert record["published"] == "2024-10-29"
    assert record["published_source"] == "metadata"
    assert "convoi de camions militaires" in record["text"]
    assert "Accueil | Monde" not in record["text"]  # navigation is not article text


def test_table_format_is_for_people() -> None:
    result = CliRunner().invoke(cli, ["extract", str(ARTICLE), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Statements" in result.output
    assert "Des soldats étrangers" in result.output


def test_legacy_encoding_is_decoded() -> None:
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "latin1-fr.txt"), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "le ministère a déclaré" in json.loads(result.output)["text"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_3(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, out, err = run(["extract", str(path)])
    assert code == EXIT_INPUT
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("newsclaims: error: " + reason)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--lang", "de"], "--lang"),
        (["--published", "31/10/2024"], "--published"),
        (["--published", "2024-02-30"], "--published"),
        (["--format", "xml"], "--format"),
    ],
)
def test_wrong_options_are_one_line_and_exit_2(args: list[str], needle: str) -> None:
    code, out, err = run(["extract", str(ARTICLE), *args])
    assert code == EXIT_USAGE
    assert out == ""
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_missing_file_and_folder_are_input_errors(tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == EXIT_INPUT
    assert main(["extract", str(tmp_path)]) == EXIT_INPUT


def test_unsupported_language_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Die Regierung hat am Montag erklärt, dass die Truppen an der Grenze bleiben werden.")
    code, _out, err = run(["extract", str(path)])
    assert code == EXIT_INPUT
    assert "'de'" in err and "--lang" in err


def test_table_shows_square_brackets_literally(tmp_path: Path) -> None:
    # Article text is not rich markup: "[bold]" or "[/" in a title or a quote must print as written.
    path = tmp_path / "brackets.txt"
    path.write_text("Un titre [bold] bizarre\n\nLe ministre a déclaré que « tout [/ va bien ».\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "table", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Un titre [bold] bizarre" in result.output
