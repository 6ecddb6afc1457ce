"""What the user named: files, folders (walked), globs and "-" for standard input."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsclaims.records import Rejected

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: Sequence[str]) -> Iterator[Path | str | Rejected]:
    """Each input to read, in a stable order: a Path, STDIN, or a Rejected for a name that leads nowhere.

    A folder is walked recursively, each folder's files by name before its subfolders by name;
    hidden files and folders (".git", ".DS_Store") are left out, as a shell glob leaves them.
    """
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path  # a file, or a pipe such as <(zcat dump.gz): reading it will tell
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejected(raw, "not-found", "no file matches this pattern")
            for match in matches:
                found = Path(match)
                yield from _walk(found) if found.is_dir() else (found,)
        else:
            yield Rejected(raw, "not-found", "no such file or folder")


def _walk(folder: Path) -> Iterator[Path | Rejected]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            # Only regular files: a FIFO or socket met in a walk would block or fail.
            if not name.startswith(".") and path.is_file():
                yield path
        while errors:
            err = errors.pop(0)
            yield Rejected(str(err.filename or folder), "unreadable", err.strerror or str(err))
    for err in errors:
        yield Rejected(str(err.filename or folder), "unreadable", err.strerror or str(err))
