"""What an extractor may know besides the Doc: the article's language, its anchor date, and whether
the candidates it sets aside should be kept (``newsclaims extract --explain``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsclaims.languages import LanguagePack, get_pack


@dataclass(frozen=True)
class Context:
    lang: str
    published: date | None = None  # the anchor for relative times ("jeudi", "hier")
    explain: bool = False  # keep the candidates each extractor drops, with the reason

    @property
    def pack(self) -> LanguagePack:
        """The language pack of ``lang`` (UnsupportedLanguage when none reads it)."""
        return get_pack(self.lang)
