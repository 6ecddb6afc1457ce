"""The README stays true: its first two commands, CI's use of the second, and every command it names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click

from newsclaims.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [line.strip() for line in README.splitlines() if line.startswith("    ")]


def test_readme_opens_with_setup_and_demo_then_setup_and_tests() -> None:
    first, second = COMMANDS[0], COMMANDS[1]
    assert first.startswith("python3 -m venv .venv") and first.endswith(".venv/bin/newsclaims demo")
    assert second.startswith("python3 -m venv .venv") and "pytest" in second


def test_ci_runs_the_readme_test_command() -> None:
    assert COMMANDS[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_the_readme_names_exists() -> None:
    named = {m.group(1) for line in COMMANDS for m in [re.match(r"newsclaims (\w+)", line)] if m}
    assert named, "the README names no command"
    known = set(cli.list_commands(click.Context(cli)))
    assert named <= known, named - known


def test_every_file_the_readme_points_to_exists() -> None:
    for path in re.findall(r"`((?:src|bench|tests|eval)/[\w./-]+)`", README) + re.findall(
        r"extract (src/[\w./-]+)", README
    ):
        assert (ROOT / path).exists(), path


def test_the_path_the_readme_gives_spark_submit_is_printed() -> None:
    # spark-submit runs the command line's __main__ file; the README finds its path by importing it.
    found = re.search(r"spark-submit .*\$\(python -c '([^']+)'\)", README)
    assert found, "the README's spark-submit line has no $(python -c '...')"
    done = subprocess.run([sys.executable, "-c", found.group(1)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).name == "__main__.py" and Path(done.stdout.strip()).is_file()
