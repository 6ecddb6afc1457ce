"""Language identification for articles that do not say which language they are in."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (any language, supported or not)."""
    # The first 5,000 characters decide: enough for a news article and fast on a huge one.
    lang, _score = py3langid.classify(text[:5000])
    return str(lang)
