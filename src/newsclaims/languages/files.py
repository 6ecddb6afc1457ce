"""Reading a pack's files: TOML and TSV, validated against typed models, errors with file and line.

A pack is a folder (a package resource or a plain directory). Its TOML files are validated with
pydantic models; a value of the wrong type names the file and the line of its key, which is found
by walking the TOML text (tomllib keeps no positions).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from newsclaims.languages.errors import PackError

M = TypeVar("M", bound=BaseModel)

_TABLE = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.\-]+(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=""")
_DECODE_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def read_text(root: Traversable, name: str, pack: str) -> str:
    path = root / name
    if not path.is_file():
        raise PackError(pack, name, None, "file missing")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(pack, name, None, f"not UTF-8 ({exc.reason})") from None


def load_toml(root: Traversable, name: str, model: type[M], pack: str) -> M:
    """The TOML file ``name`` of the pack, validated as ``model``."""
    text = read_text(root, name, pack)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _DECODE_LINE.search(str(exc))
        message = _DECODE_LINE.sub("", str(exc)).strip()
        raise PackError(pack, name, int(m.group(1)) if m else None, f"not valid TOML: {message}") from None
    return validate(data, model, pack, name, text)


def validate(data: Any, model: type[M], pack: str, name: str, text: str = "", line: int | None = None) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or "(top)"
        found = line if line is not None else (line_of(text, loc) if text else None)
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise PackError(pack, name, found, f"{where}: {err['msg']}{more}") from None


def load_tsv(root: Traversable, name: str, model: type[M], columns: Sequence[str], pack: str) -> list[M]:
    """Rows of a tab-separated file (``#`` comments, blank lines skipped; the first row names the
    columns and must be ``columns``), each validated as ``model`` with its line number on error."""
    text = read_text(root, name, pack)
    out: list[M] = []
    header_seen = False
    for lineno, raw in enumerate(io.StringIO(text), start=1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header_seen:
            if [c.strip() for c in cells] != list(columns):
                raise PackError(pack, name, lineno, f"the header must be {'<TAB>'.join(columns)}")
            header_seen = True
            continue
        if len(cells) > len(columns):
            raise PackError(pack, name, lineno, f"{len(cells)} columns, at most {len(columns)} expected")
        row = {col: cells[k].strip() for k, col in enumerate(columns) if k < len(cells) and cells[k].strip()}
        out.append(validate(row, model, pack, name, line=lineno))
    if not header_seen:
        raise PackError(pack, name, None, "empty: a header line is expected")
    return out


def split_bar(value: object, what: str = "name") -> object:
    """A TSV cell of ``|``-separated words as a tuple (validators' ``mode="before"`` helper)."""
    if isinstance(value, str):
        parts = tuple(p.strip() for p in value.split("|"))
        if any(not p for p in parts):
            raise ValueError(f"an empty {what} between '|'")
        return parts
    return value


def line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """The line of the key a validation error points at, or of the nearest table or key above it."""
    want = [str(p) for p in loc if not isinstance(p, int)]
    best: tuple[int, int] | None = None  # (matched depth, line)
    table: list[str] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        t = _TABLE.match(line)
        if t:
            table = _split_key(t.group(2))
            path = table
        else:
            k = _KEY.match(line)
            if not k:
                continue
            path = table + _split_key(k.group(1))
        depth = _common(path, want)
        if depth and (best is None or depth > best[0]):
            best = (depth, lineno)
    return best[1] if best else None


def _split_key(key: str) -> list[str]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+)', key)
    return [a or b or c for a, b, c in parts]


def _common(path: list[str], want: list[str]) -> int:
    n = 0
    for a, b in zip(path, want, strict=False):
        if a != b:
            break
        n += 1
    return n if n == len(path) else 0
