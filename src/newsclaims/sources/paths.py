"""What the user named: files, folders (walked), globs and "-" for standard input.

A path named on the command line is read whatever it is (a link, or a pipe such as
``<(zcat dump.gz)``): the user chose it. Inside a folder being walked, only regular files are
read. A symbolic link is followed when what it points to lies inside the folders given, and
rejected (reason ``symlink``) when it leads out of them, unless ``follow_symlinks``; a link to a
folder inside them is not walked twice. Dangling links, named pipes, sockets and devices are
rejected with their reason and never opened (opening a named pipe waits for a writer forever).
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsclaims.records import Rejected

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
_FOLLOW_HINT = "--follow-symlinks reads it"


def expand_paths(paths: Sequence[str], follow_symlinks: bool = False) -> Iterator[Path | str | Rejected]:
    """Each input to read, in a stable order: a Path, STDIN, or a Rejected for a name that leads nowhere.

    A folder is walked recursively, each folder's files by name before its subfolders by name;
    hidden files and folders (".git", ".DS_Store") are left out, as a shell glob leaves them.
    """
    roots = _roots(paths)
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _Walk(roots, follow_symlinks).walk(path)
        elif path.exists() or path.is_symlink():
            yield path  # a file, or a pipe such as <(zcat dump.gz): reading it will tell
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejected(raw, "not-found", "no file matches this pattern")
            for match in matches:
                found = Path(match)
                yield from _Walk(roots, follow_symlinks).walk(found) if found.is_dir() else (found,)
        else:
            yield Rejected(raw, "not-found", "no such file or folder")


def _roots(paths: Sequence[str]) -> list[str]:
    """The real paths of the folders given (for a glob, its folder): the links inside may point there."""
    roots = []
    for raw in paths:
        if raw == STDIN:
            continue
        if Path(raw).is_dir():
            roots.append(os.path.realpath(raw))
        elif _GLOB_CHARS & set(raw):
            fixed = []
            for part in Path(raw).parts:
                if glob.has_magic(part):
                    break
                fixed.append(part)
            roots.append(os.path.realpath(Path(*fixed) if fixed else "."))
    return roots


def _inside(real: str, roots: Sequence[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


class _Walk:
    """One folder walked: links judged against the roots, folders met twice (link loops) skipped."""

    def __init__(self, roots: Sequence[str], follow_symlinks: bool) -> None:
        self.roots = roots
        self.follow = follow_symlinks
        self.seen: set[tuple[int, int]] = set()  # (device, inode) of every folder walked

    def walk(self, folder: Path) -> Iterator[Path | Rejected]:
        errors: list[OSError] = []
        for root, dirs, files in os.walk(folder, onerror=errors.append, followlinks=self.follow):
            if not self._first_visit(root):
                dirs[:] = []
                yield Rejected(root, "symlink", "a link back to a folder already read (a loop); not read again")
                continue
            kept = []
            for name in sorted(d for d in dirs if not d.startswith(".")):
                rejected = self._folder_link(Path(root, name))
                if rejected is None:
                    kept.append(name)
                elif isinstance(rejected, Rejected):
                    yield rejected
            dirs[:] = kept
            for name in sorted(files):
                if not name.startswith("."):
                    yield self._file(Path(root, name))
            while errors:
                err = errors.pop(0)
                yield Rejected(str(err.filename or folder), "unreadable", err.strerror or str(err))
        for err in errors:
            yield Rejected(str(err.filename or folder), "unreadable", err.strerror or str(err))

    def _first_visit(self, root: str) -> bool:
        try:
            info = os.stat(root)
        except OSError:
            return True  # os.walk reports it through onerror
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _folder_link(self, path: Path) -> Rejected | bool | None:
        """None: walk it; False: leave it out silently (a link to a folder read where it is); a Rejected."""
        if not path.is_symlink():
            return None
        real = os.path.realpath(path)
        if self.follow:
            return None
        if _inside(real, self.roots):
            return False
        return Rejected(str(path), "symlink", f"a link to the folder {real}, outside the folders given; {_FOLLOW_HINT}")

    def _file(self, path: Path) -> Path | Rejected:
        source = str(path)
        try:
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                target = os.readlink(path)
                try:
                    info = os.stat(path)
                except FileNotFoundError:
                    return Rejected(source, "symlink", f"a link to {target}, which does not exist")
                real = os.path.realpath(path)
                if not self.follow and not _inside(real, self.roots):
                    return Rejected(source, "symlink", f"a link to {real}, outside the folders given; {_FOLLOW_HINT}")
        except OSError as exc:  # a link loop (ELOOP), or the file went away
            return Rejected(source, "unreadable", exc.strerror or str(exc))
        kind = _special_kind(info.st_mode)
        if kind:
            return Rejected(source, "not-a-file", f"{kind}; only regular files are read from a folder (never opened)")
        return path


def _special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
