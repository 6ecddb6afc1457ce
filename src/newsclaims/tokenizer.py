"""spaCy's tokenizer with a bounded cost per piece of text, and the same text to the character.

spaCy splits a whitespace-separated piece by peeling prefixes and suffixes one at a time, each
time on a copy of what is left: a piece of n punctuation characters (``&&&&...``, ``«««...``,
``((((...``) costs time in the square of n, and a text with no space at all is one such piece
(100 KB of ``&``: minutes and gigabytes). ``BoundedTokenizer`` hands ordinary text to spaCy's
tokenizer as it is, and splits only the pieces no article holds (longer than ``MAX_PIECE``
characters, or holding a run of more than ``MAX_PUNCT_RUN`` punctuation characters) by a cheap
rule: runs of word characters and runs of other characters, each at most ``MAX_PIECE`` long, and
every quotation mark a token of its own (as spaCy makes it: the extractors find quotations in the
text and expect each mark to begin a token). The Doc is built from words and spaces, so
``doc.text`` is the input exactly and every offset holds.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

MAX_PIECE = 200  # characters: longer than any word or link an article prints
MAX_PUNCT_RUN = 16  # punctuation characters in a row ("?!...", "--" and "»." are far shorter)

_LONG_PIECE = re.compile(rf"(?<!\S)\S{{{MAX_PIECE + 1}}}")
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCT_RUN + 1}}}")
_PIECE = re.compile(r"\S+")
# Quotation marks: Unicode's initial and final quotes (Pi, Pf), the low-9 marks that open German and
# Polish quotations, and the straight double quote (tests/test_costs.py checks the packs' marks).
QUOTE_MARKS = (
    "\u00ab\u00bb\u2018\u2019\u201b\u201c\u201d\u201f\u2039\u203a\u2e02\u2e03\u2e04\u2e05\u2e09\u2e0a"
    "\u2e0c\u2e0d\u2e1c\u2e1d\u2e20\u2e21\u201a\u201e\""
)
# A run of marks stays one piece (a token for each of a million « costs the parser gigabytes); a
# mark among other punctuation is a token of its own.
_CHEAP = re.compile(
    rf"\w{{1,{MAX_PIECE}}}|[{QUOTE_MARKS}]{{2,{MAX_PIECE}}}|[{QUOTE_MARKS}]|[^\w\s{QUOTE_MARKS}]{{1,{MAX_PIECE}}}"
)


def is_pathological(piece: str) -> bool:
    return len(piece) > MAX_PIECE or _PUNCT_RUN.search(piece) is not None


TEXT_KEY = "newsclaims.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text again at each access (a few
    milliseconds for an article), and every extractor reads it."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):  # spaCy's pipes never change a Doc's text once it is made
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


class BoundedTokenizer:
    """A drop-in for ``nlp.tokenizer`` (``nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)``).

    Serialisation and every other attribute go to the wrapped tokenizer, so the pipeline saves,
    loads and pickles as before.
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        doc.user_data[TEXT_KEY] = text  # doc_text: the extractors read it without a join
        return doc

    def _tokenize(self, text: str) -> Doc:
        if _LONG_PIECE.search(text) is None and _PUNCT_RUN.search(text) is None:
            return self.tokenizer(text)  # every article the team has seen: spaCy's tokens, untouched
        words: list[str] = []
        spaces: list[bool] = []
        ordinary_from = 0  # where the text spaCy tokenizes next begins
        for match in _PIECE.finditer(text):
            if not is_pathological(match.group()):
                continue
            self._ordinary(text[ordinary_from : match.start()], words, spaces)
            for part in _CHEAP.finditer(match.group()):
                words.append(part.group())
                spaces.append(False)
            ordinary_from = match.end()
            if text.startswith(" ", ordinary_from):  # the space after the piece is its token's, as spaCy has it
                spaces[-1] = True
                ordinary_from += 1
        self._ordinary(text[ordinary_from:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _ordinary(self, text: str, words: list[str], spaces: list[bool]) -> None:
        if not text:
            return
        for token in self.tokenizer(text):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return bytes(self.tokenizer.to_bytes(**kwargs))

    def from_bytes(self, data: bytes, **kwargs: Any) -> BoundedTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> BoundedTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def __getattr__(self, name: str) -> Any:
        # Only for what this class does not define (rules, explain, url_match...); never during
        # unpickling, when ``tokenizer`` is not set yet.
        if name.startswith("__") or name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
