"""A blank line ends a sentence: a spaCy component, run before the parser, that makes the first word
after a blank line start a sentence.

A headline printed without a final stop ("BP to buy back shares after Russian sale", then a blank
line, then the story) is otherwise parsed as one sentence with the first line of the story, and its
words become part of the first speaker's name. spaCy's parser keeps the sentence starts a component
before it has set.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.tokenizer import doc_text

PARAGRAPHS = "newsclaims_paragraphs"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # spaces, tabs, "\r" and no-break spaces may sit on it


def starts_after_blank_lines(doc: Doc) -> Doc:
    if _BLANK_LINE.search(doc_text(doc)) is None:
        return doc  # one paragraph: nothing to set, and no token walked
    after_blank = False
    for token in doc:
        if token.is_space:
            after_blank = after_blank or token.text.count("\n") >= 2
            continue
        if after_blank and token.i > 0:
            token.is_sent_start = True
        after_blank = False
    return doc


@Language.component(PARAGRAPHS)
def paragraphs(doc: Doc) -> Doc:
    """Every paragraph starts a sentence (see the module's docstring)."""
    return starts_after_blank_lines(doc)
