"""Errors the user can act on, and the exit codes the command line gives them."""

from __future__ import annotations

EXIT_OK = 0
EXIT_REJECTED = 1  # a batch ran, but some inputs were rejected (they are recorded with a reason)
EXIT_USAGE = 2  # wrong options or arguments (click uses 2 as well)
EXIT_INPUT = 3  # the one input given cannot be read as an article, or the store cannot be opened
EXIT_COSTLY = 4  # the article costs more time than its bound to extract (reason "too-costly")
EXIT_OUTPUT = 5  # the output cannot be written where it was asked for (export)
EXIT_INTERNAL = 70  # a bug: please report it
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT), as shells report it: what was committed is kept
EXIT_BROKEN_PIPE = 141  # the reader of the output went away (``| head``), as shells report SIGPIPE


class NewsclaimsError(Exception):
    """Base class: its message is shown to the user as one line."""

    exit_code = EXIT_INTERNAL


class InputError(NewsclaimsError):
    """The input cannot become an article (empty, binary, undecodable, unreadable)."""

    exit_code = EXIT_INPUT

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason  # short machine-friendly reason: "empty", "binary", "encoding", ...
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


class UsageError(NewsclaimsError):
    """Misuse of the API or the command line: impossible options, wrong types."""

    exit_code = EXIT_USAGE


class OutputError(NewsclaimsError):
    """The output cannot be written where it was asked for (a read-only place, a file for a folder)."""

    exit_code = EXIT_OUTPUT
