"""The Doc as the statement extractor sees it: quotations, paragraphs and quote-aware sentences.

spaCy's sentence boundaries cut a quotation from its cue (« A », | a-t-il dit.) and run titles into
the first paragraph; statements need "units" that keep a quotation whole and stop at line breaks.
Everything here is computed once per Doc in one pass over its tokens.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsclaims.extract.statements.quotes import CLOSERS, Quote, find_quotes

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
DASHES = frozenset({"-", "–", "—", "―"})
CLOSING_MARKS = frozenset(set(CLOSERS.values()) | {"»", "”", "›"})


@dataclass(frozen=True)
class Unit:
    """A quote-aware sentence: tokens ``start``..``end`` (exclusive) and their characters."""

    start: int
    end: int
    start_char: int
    end_char: int
    para: int


class View:
    """Per-Doc indexes shared by every rule of the extractor."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quotes(self.text)
        self._starts = [t.idx for t in doc]
        self.quote_of = self._token_quotes()
        self.units, self.unit_of = self._split_units()

    # -- characters and tokens ------------------------------------------------------------------

    def token_at(self, char: int) -> int:
        """Index of the token holding (or last starting before) this character."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def first_token_from(self, char: int) -> int:
        """Index of the first token starting at or after this character."""
        return bisect.bisect_left(self._starts, char)

    def _token_quotes(self) -> list[int]:
        """For each token, the index of the quotation whose marks enclose it (marks included), or -1."""
        out = [-1] * len(self.doc)
        for qi, q in enumerate(self.quotes):
            for ti in range(self.first_token_from(q.open), self.first_token_from(q.close)):
                out[ti] = qi
        return out

    def inside_quote(self, i: int) -> Quote | None:
        """The quotation whose words hold token i (its marks excluded)."""
        qi = self.quote_of[i]
        if qi < 0:
            return None
        q = self.quotes[qi]
        idx = self.doc[i].idx
        return q if q.start <= idx < q.end else None

    def quote_opening_at(self, i: int) -> Quote | None:
        """The quotation whose opening mark is in token i ("«", or "'«" after "qu")."""
        qi = self.quote_of[i]
        tok = self.doc[i]
        if qi >= 0 and tok.idx <= self.quotes[qi].open < tok.idx + len(tok.text):
            return self.quotes[qi]
        return None

    def quote_closing_at(self, i: int) -> Quote | None:
        qi = self.quote_of[i]
        if qi >= 0 and self.quotes[qi].closed and self.quotes[qi].close == self.doc[i].idx + len(self.doc[i].text):
            return self.quotes[qi]
        return None

    # -- units ----------------------------------------------------------------------------------

    def _split_units(self) -> tuple[list[Unit], list[int]]:
        doc = self.doc
        units: list[Unit] = []
        unit_of = [0] * len(doc)
        start, para = 0, 0

        def close(end: int) -> None:
            nonlocal start
            # Line-break tokens belong to no unit's words but are indexed to the unit before them.
            first = start
            while first < end and doc[first].is_space:
                first += 1
            last = end
            while last > first and doc[last - 1].is_space:
                last -= 1
            if last > first:
                units.append(Unit(first, last, doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text), para))
            for k in range(start, end):
                unit_of[k] = max(0, len(units) - 1)
            start = end

        for i, tok in enumerate(doc):
            if "\n" in tok.text:
                close(i + 1)
                para += 1
            elif self._ends_sentence(tok) and self._starts_sentence(i + 1):
                close(i + 1)
        close(len(doc))
        return units, unit_of

    def _ends_sentence(self, tok: Token) -> bool:
        if self.quote_of[tok.i] >= 0 and self.quote_closing_at(tok.i) is None:
            return False  # sentences inside a quotation stay with it
        if tok.text in SENTENCE_END:
            return True
        q = self.quote_closing_at(tok.i)
        return q is not None and self.text[q.start : q.end][-1:] in ".!?…"

    def _starts_sentence(self, i: int) -> bool:
        doc = self.doc
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1
        if i >= len(doc):
            return True
        tok = doc[i]
        first = tok.text[:1]
        return first.isupper() or first.isdigit() or tok.text in DASHES or self.quote_opening_at(i) is not None
