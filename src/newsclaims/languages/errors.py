"""Errors of language packs: a pack that cannot be read, a language no pack reads."""

from __future__ import annotations

from newsclaims.errors import NewsclaimsError, UsageError


class PackError(NewsclaimsError):
    """A language pack is malformed: the message names the pack, the file and the line."""

    def __init__(self, pack: str, file: str, line: int | None, message: str) -> None:
        self.pack, self.file, self.line = pack, file, line
        where = f"{file}, line {line}" if line else file
        super().__init__(f"language pack {pack!r}: {where}: {message}")


class UnsupportedLanguage(UsageError):
    """No registered pack reads this language."""

    def __init__(self, code: str, available: tuple[str, ...]) -> None:
        self.code = code
        self.available = available
        super().__init__(f"unsupported language {code!r}: newsclaims reads {', '.join(available)}")
