"""Quotation marks paired into quotations, straight from the text (no tokens needed).

The marks come from the language pack (French quotes use « », often with no-break spaces inside;
“ ” and straight " also appear); a quotation that runs over paragraphs reopens with « at the start
of each new paragraph and closes once at its end. Marks nested inside an open quotation are left to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SPACES = " \t\n\r\u00a0\u202f\u2009\u2007\u200b"


@dataclass(frozen=True)
class Quote:
    """One quotation: ``open``/``close`` bound the marks, ``start``/``end`` the words inside."""

    open: int  # index of the opening mark
    close: int  # index just past the closing mark (the paragraph end when it never closes)
    start: int  # first character inside, spaces skipped
    end: int  # just past the last character inside, spaces skipped
    closed: bool

    def inner(self, text: str) -> str:
        return text[self.start : self.end]


def _inner_bounds(text: str, open_at: int, close_at: int) -> tuple[int, int]:
    start, end = open_at + 1, close_at
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return start, end


def _reopens(text: str, newline_at: int, opener: str) -> bool:
    """Whether the paragraph after this line break starts with the same opening mark."""
    i = newline_at
    while i < len(text) and text[i] in SPACES:
        i += 1
    return i < len(text) and text[i] == opener


def _line_break_before(text: str, open_at: int, i: int) -> int:
    """The line break the mark at ``i`` follows, when it begins a line after the one the quotation
    opened on; else -1."""
    line = text.rfind("\n", open_at, i)
    return line if line >= 0 and not text[line:i].strip(SPACES) else -1


def find_quotes(text: str, closers: Mapping[str, str]) -> list[Quote]:
    """Top-level quotations in text order; ``closers`` maps each opening mark to its closing one."""
    quotes: list[Quote] = []
    opener = ""  # the mark that opened the current quotation, "" when none is open
    open_at = depth = 0
    for i, ch in enumerate(text):
        if opener:
            closer = closers[opener]
            line = _line_break_before(text, open_at, i) if ch == closer and opener == closer else -1
            if line >= 0:
                # "...on the 99th day.¶"There was...": a straight mark that opens a paragraph reopens the
                # quotation (English prints one for each paragraph of a long quote); each paragraph is
                # a quotation of its own, continuing the last.
                start, end = _inner_bounds(text, open_at, line)
                quotes.append(Quote(open_at, line, start, end, False))
                open_at = i
            elif ch == closer and (depth == 0 or opener == closer):
                start, end = _inner_bounds(text, open_at, i)
                quotes.append(Quote(open_at, i + 1, start, end, True))
                opener = ""
            elif ch == closer:
                depth -= 1
            elif ch == opener and opener != closer:
                # A reopening « after a paragraph break continues the quotation; otherwise it nests.
                if "\n" not in text[open_at:i] or depth:
                    depth += 1
            elif ch == "\n" and not _reopens(text, i, opener) and depth == 0:
                # Unclosed at the end of its paragraph: the quotation stops there.
                start, end = _inner_bounds(text, open_at, i)
                quotes.append(Quote(open_at, i, start, end, False))
                opener = ""
        elif ch in closers:
            opener, open_at, depth = ch, i, 0
    if opener:
        start, end = _inner_bounds(text, open_at, len(text))
        quotes.append(Quote(open_at, len(text), start, end, False))
    return [q for q in quotes if q.end > q.start]
