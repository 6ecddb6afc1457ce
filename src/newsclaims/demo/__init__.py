"""Bundled demo articles: North Korean troops in Russia (Oct 2024 - Jan 2025), French and English.

The articles are written by the newsclaims team from the reported facts in the story table; they are
fictional wire copy (outlets and URLs under example.org), not reproductions of real articles.
"""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
ARTICLES_PATH = ARTICLES_DIR / "nk-troops.jsonl"
EXAMPLE_FR_PATH = ARTICLES_DIR / "example-fr.txt"

__all__ = ["ARTICLES_DIR", "ARTICLES_PATH", "EXAMPLE_FR_PATH", "load_articles"]


def load_articles(path: Path | None = None) -> list[dict]:
    """The demo articles as dicts (id, lang, published, title, url, source, text), in file order."""
    source = ARTICLES_PATH if path is None else Path(path)
    articles: list[dict] = []
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                articles.append(json.loads(line))
            except json.JSONDecodeError as exc:  # a broken bundled file is a packaging bug: say where
                raise ValueError(f"{source}:{number}: invalid JSON ({exc.msg})") from exc
    return articles
