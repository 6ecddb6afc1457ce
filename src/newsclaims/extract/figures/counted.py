"""The thing a figure counts: its head noun with the modifiers that follow ("soldats nord-coréens").

With a parse, the head is the first noun after the number (the last of a noun compound: "airport
control towers") and its modifiers are, where the language puts adjectives after the noun, the
adjectives after it, and one bare complement (the pack's complements: "membres d'équipage",
"personnes à bord"). Without one (a pack whose model is a tokenizer only), words are read up to a stopword and
cut after the first one that looks like a plural noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Token

from newsclaims.extract.figures.lexicon import Lexicon

NOUNS = ("NOUN", "PROPN")
_WORD = re.compile(r"[^\S\n]*([^\W\d_](?:[\w'’-]*[^\W_])?)")
_LETTER = re.compile(r"[^\W\d_]")
MAX_WORDS = 4


@dataclass(frozen=True)
class Counted:
    text: str
    start: int
    end: int
    head: str  # the head noun, lower case: what decides "fois", "ans", "mois" are not things counted
    plural: bool  # "2000 personnes" is a count, "a 2009 analysis" a year


class Tokens:
    """Character offset -> token, built once per Doc and only when a figure needs it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # A tagged Doc has a POS on its first tokens; checking them all (has_annotation) costs a pass.
        self.parsed = any(t.pos for t in doc[:8])
        self._starts: numpy.ndarray | None = None

    def at(self, char: int) -> Token | None:
        """The first token starting at or after ``char``."""
        if self._starts is None:
            self._starts = self.doc.to_array("IDX")  # one C-level copy, no Python loop over tokens
        i = int(numpy.searchsorted(self._starts, char, side="left"))
        return self.doc[i] if i < len(self.doc) else None

    def before(self, char: int) -> Token | None:
        """The last token ending at or before ``char``."""
        tok = self.at(char)
        i = (tok.i if tok is not None else len(self.doc)) - 1
        return self.doc[i] if i >= 0 else None


def counted_after(
    text: str, pos: int, tokens: Tokens, lex: Lexicon, linked: bool, link_required: bool = False
) -> Counted | None:
    """The counted noun phrase starting at ``pos``; ``linked`` allows "de"/"of" first (10 % des habitants)."""
    if linked:
        m = lex.counted_link.match(text, pos)
        if m:
            pos = m.end()
        elif link_required:
            return None
    opener = _WORD.match(text, pos)
    if opener and opener.group(1).lower() in lex.time_openers:
        return None  # "more than 300,000 last year": a time expression of its own follows
    if tokens.parsed:
        return _from_parse(text, pos, tokens, lex)
    return _from_words(text, pos, lex)


def _from_parse(text: str, pos: int, tokens: Tokens, lex: Lexicon) -> Counted | None:
    first = tokens.at(pos)
    if first is None or text[pos : first.idx].strip() or not _LETTER.match(first.text):
        return None
    doc = tokens.doc
    head = first
    # Adjectives may come first: "neuf dernières enquêtes", "trois nouveaux sites".
    while head.pos_ == "ADJ" and head.i < first.i + 2 and head.i + 1 < len(doc):
        head = doc[head.i + 1]
    if head.pos_ not in NOUNS or not _LETTER.match(head.text):
        return None
    # A noun compound ends on its head: "control towers", "intelligence agents".
    while head.dep_ == "compound" and head.head.i == head.i + 1 and head.head.pos_ in NOUNS:
        head = head.head
    last = _modifiers_end(doc, head, lex)
    end = last.idx + len(last.text)
    number = head.morph.get("Number", [])
    plural = "Plur" in number if number else _looks_plural(head.text, lex)
    return Counted(text[first.idx : end], first.idx, end, head.lower_, plural)


def _modifiers_end(doc: Doc, head: Token, lex: Lexicon) -> Token:
    last, used_complement = head, False
    i = head.i + 1
    while i < len(doc) and i <= head.i + 6:
        tok = doc[i]
        if lex.adjectives_after and tok.pos_ == "ADJ" and not tok.is_punct:
            last, i = tok, i + 1
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if not used_complement and tok.lower_ in lex.complements and nxt is not None and nxt.pos_ == "NOUN":
            last, i, used_complement = nxt, i + 2, True
            continue
        break
    return last


def _from_words(text: str, pos: int, lex: Lexicon) -> Counted | None:
    words: list[re.Match[str]] = []
    while len(words) < MAX_WORDS:
        m = _WORD.match(text, pos)
        if not m or m.group(1).lower() in lex.stopwords:
            break
        words.append(m)
        pos = m.end()
    if not words:
        return None
    if words[0].group(1).lower() in lex.not_counted:
        w = words[0]
        return Counted(w.group(1), w.start(1), w.end(1), w.group(1).lower(), True)
    # The head is the first plural: "North Korean soldiers", "nine women (now lead committees)".
    head = next((w for w in words if _is_plural(w.group(1), lex)), None)
    if head is None:
        return None
    start = words[0].start(1)
    return Counted(text[start : head.end(1)], start, head.end(1), head.group(1).lower(), True)


def _is_plural(word: str, lex: Lexicon) -> bool:
    return _looks_plural(word, lex) or word.lower() in lex.irregular_plurals


def _looks_plural(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return len(low) > 3 and low.endswith(lex.plural_endings) and not low.endswith(lex.singular_endings)
