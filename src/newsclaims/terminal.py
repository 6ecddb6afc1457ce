"""Text from articles and file names shown to a person: control characters made visible, never obeyed.

An article or a file name may hold ESC sequences (clear the screen, set the window title, write
the clipboard with OSC 52, plant a hidden link with OSC 8), C1 controls, bidi overrides that
reorder what is shown, or invisible characters. Every human output (tables, ``show``, summaries,
error lines) passes its text through ``printable``, which writes each of them as a Python escape
(``\\x1b``, ``\\u202e``), so the terminal shows them and obeys none. Line feeds and tabs stay:
they are layout, not commands.

JSON output goes through ``safe_json`` (JSON escapes C0 itself; this escapes the rest the same way,
so the value read back is unchanged), and CSV cells through ``csv_cell`` (formula cells neutralised
as OWASP advises).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from typing import Any

# C0 but tab and line feed, DEL, C1; the bidi marks, embeddings, overrides and isolates; invisible
# format characters (zero-width space, word joiner, invisible operators, BOM, interlinear
# annotations, tags); line and paragraph separators; lone surrogates (never valid in output).
# Joiners (U+200C, U+200D) and the soft hyphen stay: scripts and emoji need them and they command
# nothing. tests/test_terminal.py checks this class against unicodedata.
_UNSAFE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
# What a JSON encoder with ensure_ascii=False leaves raw that a terminal could obey (it escapes C0).
_JSON_UNSAFE = _UNSAFE
# Cells a spreadsheet would run as a formula (OWASP, CSV injection): the first character decides.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape_char(char: str) -> str:
    code = ord(char)
    if char == "\r":
        return "\\r"  # as Python writes it: the one control that is common in real text (CRLF)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape(match: re.Match[str]) -> str:
    return _escape_char(match.group())


def printable(text: str) -> str:
    """``text`` with every control, bidi and invisible format character written as an escape."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``printable`` on one line: for error lines and summaries, whose every entry is one line."""
    return printable(text.replace("\r\n", "\n")).replace("\n", "\\n")


def is_printable(text: str) -> bool:
    return _UNSAFE.search(text) is None


def printable_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """``printable(text)`` and a function taking an offset into ``text`` to the same place in it.

    ``show`` highlights items by their offsets into the article's text; the escapes lengthen the
    text, so each offset moves right by what the escapes before it added.
    """
    starts: list[int] = []
    added: list[int] = []  # cumulative characters added by the escapes up to and including each
    pieces: list[str] = []
    last = total = 0
    for match in _UNSAFE.finditer(text):
        escaped = _escape_char(match.group())
        pieces.append(text[last : match.start()])
        pieces.append(escaped)
        last = match.end()
        total += len(escaped) - 1
        starts.append(match.start())
        added.append(total)
    if not starts:
        return text, lambda offset: offset
    pieces.append(text[last:])

    def moved(offset: int) -> int:
        # Escapes that begin before the offset push it right; one beginning at it does not.
        before = bisect.bisect_left(starts, offset)
        return offset + (added[before - 1] if before else 0)

    return "".join(pieces), moved


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes a code point beyond the BMP as a UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def safe_json(value: Any, **kwargs: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)`` with every character ``printable`` escapes written
    as a JSON escape: the same JSON value, readable UTF-8, harmless in a terminal.

    Such characters only ever occur inside JSON strings, so replacing them in the whole document
    is exact. A lone surrogate becomes its escape (``\\udfff``), so the output is always valid UTF-8.
    """
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(value, ensure_ascii=False, **kwargs))


def csv_cell(value: str, *, raw: bool = False, escape_controls: bool = False) -> str:
    """A text cell for CSV: a formula cell gets a leading apostrophe, so a spreadsheet shows it
    rather than running it (``=HYPERLINK(...)``); with ``escape_controls`` (CSV bound for a
    terminal) control characters are escaped too. ``raw`` keeps the cell exactly as stored."""
    if raw:
        return value
    if escape_controls:
        value = printable(value)
    return "'" + value if value.startswith(_FORMULA_START) else value
