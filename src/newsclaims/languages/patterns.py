"""Regex patterns written in a pack with named parts: ``{NAME}`` is a macro (another pattern) or a
word list (the alternation of its words, longest first). ``{3}`` and ``{1,2}`` stay regex
repetitions: a reference is an identifier in braces.

Errors are ``PatternError``s that carry the key path of what is wrong in the pack's TOML file, so
that the loader can name its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from pydantic import BeforeValidator

from newsclaims.text import alternation

Flag = Literal["IGNORECASE", "MULTILINE", "DOTALL"]
FLAGS = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE, "DOTALL": re.DOTALL}
APOSTROPHE = "['’ʼ]"  # an apostrophe in a word list matches any of these
_REF = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _joined(value: object) -> object:
    """A long pattern may be written as a list of pieces, joined as they are."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return value


Pattern = Annotated[str, BeforeValidator(_joined)]


class PatternError(ValueError):
    """A pattern that does not resolve or compile, and where it is (a key path of the TOML file)."""

    def __init__(self, loc: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


def words_pattern(words: Iterable[str]) -> str:
    """A word list as a regex: its words longest first, a space for any white space, an apostrophe
    for any apostrophe."""
    return alternation(words, apostrophe=APOSTROPHE)


class Expander:
    """Expands references in patterns: macros (``macros``, under ``macro_table`` in the file), word
    lists (``words``), and fixed parts the reader provides (``given``: already regexes)."""

    def __init__(
        self,
        macros: Mapping[str, str],
        words: Mapping[str, Iterable[str]],
        given: Mapping[str, str] | None = None,
        macro_table: str = "macros",
    ) -> None:
        self.macros, self.given, self.macro_table = macros, dict(given or {}), macro_table
        self.words = {name: words_pattern(ws) for name, ws in words.items()}
        for name in self.macros:
            if name in self.words or name in self.given:
                raise PatternError((macro_table, name), f"{name!r} names both a macro and a word list")
        self._done: dict[str, str] = {}

    def expand(self, pattern: str, loc: tuple[str, ...], active: tuple[str, ...] = ()) -> str:
        def one(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in self.macros:
                return self.macro(name, active)
            if name in self.given:
                return self.given[name]
            if name in self.words:
                return self.words[name]
            raise PatternError(loc, f"{{{name}}} is neither a macro nor a word list")

        return _REF.sub(one, pattern)

    def macro(self, name: str, active: tuple[str, ...] = ()) -> str:
        if name in active:
            raise PatternError((self.macro_table, name), f"macro {name} refers to itself ({' -> '.join(active)})")
        if name not in self._done:
            self._done[name] = self.expand(self.macros[name], (self.macro_table, name), (*active, name))
        return self._done[name]

    def check_macros(self) -> None:
        """Every macro resolves, used or not."""
        for name in self.macros:
            self.macro(name)

    def compile(self, pattern: str, loc: tuple[str, ...], flags: Iterable[Flag] = ()) -> re.Pattern[str]:
        value = 0
        for flag in flags:
            value |= FLAGS[flag]
        return compile_at(self.expand(pattern, loc), loc, value)


def compile_at(pattern: str, loc: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise PatternError(loc, f"the pattern does not compile: {exc}") from None
