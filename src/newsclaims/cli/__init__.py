"""The ``newsclaims`` command line: thin commands over the library, one module per command group.

Every failure ends in one line on stderr and a documented exit code (see ``newsclaims.errors``);
a traceback is shown only with NEWSCLAIMS_DEBUG=1.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys

import click

from newsclaims.errors import EXIT_BROKEN_PIPE, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, NewsclaimsError
from newsclaims.terminal import one_line

# Each command and the attribute of newsclaims.cli.<module> that holds it. A command's module is
# imported when the command runs (or when help lists them all): `newsclaims ingest` need not load
# spaCy before its workers start, nor a query command before it answers.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract_cmd", "extract"),
    "ingest": ("ingest_cmd", "ingest"),
    "load": ("load_cmd", "load"),
    "statements": ("query_cmd", "statements"),
    "figures": ("query_cmd", "figures"),
    "articles": ("query_cmd", "articles"),
    "show": ("query_cmd", "show"),
    "export": ("query_cmd", "export"),
    "story": ("story_cmd", "story_command"),
    "demo": ("story_cmd", "demo"),
    "serve": ("serve_cmd", "serve"),
    "stories": ("stories_cmd", "stories"),
    "claims": ("stories_cmd", "claims"),
    "link": ("stories_cmd", "link"),
}


class _LazyGroup(click.Group):
    """A group whose commands are imported by name, on first use (click's lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"newsclaims.cli.{module}"), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsclaims")
def cli() -> None:
    """Turn news articles into a source-attributed record of their claims.

    Exit codes: 0 success; 1 a batch ran but some inputs were rejected; 2 wrong options;
    3 the input cannot be read as an article, or the store cannot be opened; 4 the article is too
    costly to extract; 5 the output cannot be written; 70 internal error; 130 interrupted (Ctrl-C);
    141 the output was closed early (``| head``).
    """


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the group and turns every error into one line and an exit code."""
    debug = os.environ.get("NEWSCLAIMS_DEBUG") == "1"
    try:
        rv = _invoke(sys.argv[1:] if argv is None else list(argv))
        sys.stdout.flush()  # here, not at exit: a reader gone away must be seen while we can answer it
    except click.exceptions.Abort:
        _error("aborted")
        return EXIT_INTERRUPTED
    except click.ClickException as exc:
        if isinstance(exc, click.UsageError):
            _error(f"error: {exc.format_message()} (see --help)")
            return EXIT_USAGE
        _error(f"error: {exc.format_message()}")
        return exc.exit_code
    except NewsclaimsError as exc:
        _error(f"error: {exc}")
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:  # the last guard: a bug must still end in one readable line
        if debug:
            raise
        _error(f"internal error: {exc.__class__.__name__}: {exc}")
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else 0


def _invoke(args: list[str]) -> object:
    """What ``cli.main(standalone_mode=False)`` does, less its handling of a broken pipe (it exits
    with 1, the status that means "some inputs were rejected")."""
    try:
        with cli.make_context("newsclaims", args) as ctx:
            return cli.invoke(ctx)
    except (EOFError, KeyboardInterrupt) as exc:
        raise click.exceptions.Abort() from exc
    except Exception as exc:
        from newsclaims.store.sql import interrupted

        if interrupted(exc):  # a Ctrl-C that DuckDB took inside a query is a Ctrl-C all the same
            raise click.exceptions.Abort() from exc
        raise


def _error(message: str) -> None:
    """One line on stderr, whatever the message holds (file names and article words may hold line
    breaks and terminal controls)."""
    with contextlib.suppress(BrokenPipeError):  # stderr itself was closed by its reader
        click.echo(f"newsclaims: {one_line(message)}", err=True)


def _reader_gone() -> int:
    """The reader of stdout went away (``| head``): exit quietly, with the status a shell gives a
    command killed by SIGPIPE. Python's own flush at exit would fail again, so stdout is pointed at
    /dev/null first."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
