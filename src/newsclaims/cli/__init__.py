"""The ``newsclaims`` command line: thin commands over the library, one module per command group.

Every failure ends in one line on stderr and a documented exit code (see ``newsclaims.errors``);
a traceback is shown only with NEWSCLAIMS_DEBUG=1.
"""

from __future__ import annotations

import os
import sys

import click

from newsclaims.errors import EXIT_INTERNAL, EXIT_USAGE, NewsclaimsError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsclaims")
def cli() -> None:
    """Turn news articles into a source-attributed record of their claims.

    Exit codes: 0 success; 1 a batch ran but some inputs were rejected; 2 wrong options;
    3 the input cannot be read as an article; 70 internal error.
    """


def _register() -> None:
    from newsclaims.cli import extract_cmd, ingest_cmd, query_cmd, story_cmd

    cli.add_command(extract_cmd.extract)
    cli.add_command(ingest_cmd.ingest)
    for command in (query_cmd.statements, query_cmd.figures, query_cmd.articles, query_cmd.show, query_cmd.export):
        cli.add_command(command)
    cli.add_command(story_cmd.story_command)
    cli.add_command(story_cmd.demo)


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the group and turns every error into one line and an exit code."""
    debug = os.environ.get("NEWSCLAIMS_DEBUG") == "1"
    try:
        rv = cli.main(args=argv, prog_name="newsclaims", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsclaims: aborted", err=True)
        return 130
    except click.ClickException as exc:
        if isinstance(exc, click.UsageError):
            message = exc.format_message().replace("\n", " ")
            click.echo(f"newsclaims: error: {message} (see --help)", err=True)
            return EXIT_USAGE
        click.echo(f"newsclaims: error: {exc.format_message()}", err=True)
        return exc.exit_code
    except NewsclaimsError as exc:
        click.echo(f"newsclaims: error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (``| head``); nothing left to say.
        sys.stderr.close()
        return 0
    except Exception as exc:  # the last guard: a bug must still end in one readable line
        if debug:
            raise
        click.echo(f"newsclaims: internal error: {exc.__class__.__name__}: {exc}", err=True)
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":
    sys.exit(main())
