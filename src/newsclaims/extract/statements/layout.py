"""The Doc as the statement extractor sees it: quotations, paragraphs and quote-aware sentences.

spaCy's sentence boundaries cut a quotation from its cue (« A », | a-t-il dit.) and run titles into
the first paragraph; statements need "units" that keep a quotation whole and stop at line breaks.
Everything here is computed once per Doc in one pass over its tokens.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LENGTH
from spacy.tokens import Doc

from newsclaims.extract.quotes import Quote, find_quotes
from newsclaims.extract.statements.lexicon import StatementLexicon
from newsclaims.tokenizer import doc_text

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
DASHES = frozenset({"-", "–", "—", "―"})


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

    def __init__(self, doc: Doc, lx: StatementLexicon) -> None:
        self.doc = doc
        self.lx = lx
        self.text = doc_text(doc)
        # Closing marks of every style the pack knows: "» a-t-il dit" follows a quotation.
        self.closing_marks = frozenset(lx.data.quote_pairs.values())
        self.opening_marks = frozenset(lx.data.quote_pairs)
        self.quotes = find_quotes(self.text, lx.data.quote_pairs)
        self._closes = [q.close for q in self.quotes]  # quotations do not overlap: sorted too
        # Token offsets and texts as plain lists, read from the Doc's arrays: building a Python Token
        # for each look is what long texts spend their time on.
        bounds = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self._starts = [a for a, _n in bounds]
        self._ends = [a + n for a, n in bounds]
        self._texts = [self.text[a : a + n] for a, n in bounds]
        self.lowers = [t.lower() for t in self._texts]  # each token's ``lower_``, without a Token
        self.quote_of = self._token_quotes()
        self.units, self.unit_of = self._split_units()

    # -- characters and tokens ------------------------------------------------------------------

    @functools.cached_property
    def lemmas(self) -> list[str]:
        """Each token's ``lemma_``, read from the Doc's array at once."""
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array(LEMMA).tolist()] if len(self.doc) else []

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

    def quotes_touching(self, a: int, b: int) -> list[Quote]:
        """The quotations that close after ``a`` and open before ``b``, found by bisection."""
        out = []
        for qi in range(bisect.bisect_right(self._closes, a), len(self.quotes)):
            if self.quotes[qi].open >= b:
                break
            out.append(self.quotes[qi])
        return out

    def kind_of(self, a: int, b: int) -> str:
        """ "direct" for words inside one quotation, "mixed" when a quotation mark is among them."""
        near = self.quotes_touching(a - 1, b + 1)
        if any(q.start <= a and b <= q.end for q in near):
            return "direct"
        if any(a <= q.open < b or a < q.close <= b for q in near):
            return "mixed"
        return "indirect"

    def inside_quote(self, i: int) -> Quote | None:
        """The quotation whose words hold token i (its marks excluded)."""
        qi = self.quote_of[i]
        if qi < 0:
            return None
        q = self.quotes[qi]
        idx = self._starts[i]
        return q if q.start <= idx < q.end else None

    def quote_opening_at(self, i: int) -> Quote | None:
        """The quotation whose opening mark is in token i ("«", or "'«" after "qu")."""
        qi = self.quote_of[i]
        if qi >= 0 and self._starts[i] <= self.quotes[qi].open < self._ends[i]:
            return self.quotes[qi]
        return None

    def quote_closing_at(self, i: int) -> Quote | None:
        qi = self.quote_of[i]
        if qi >= 0 and self.quotes[qi].closed and self.quotes[qi].close == self._ends[i]:
            return self.quotes[qi]
        return None

    # -- units ----------------------------------------------------------------------------------

    def _split_units(self) -> tuple[list[Unit], list[int]]:
        texts = self._texts
        units: list[Unit] = []
        unit_of = [0] * len(texts)
        start, para = 0, 0

        def close(end: int) -> None:
            nonlocal start
            # Line-break tokens belong to no unit's words but are indexed to the unit before them.
            first = start
            while first < end and texts[first].isspace():
                first += 1
            last = end
            while last > first and texts[last - 1].isspace():
                last -= 1
            if last > first:
                units.append(Unit(first, last, self._starts[first], self._ends[last - 1], para))
            for k in range(start, end):
                unit_of[k] = max(0, len(units) - 1)
            start = end

        for i, text in enumerate(texts):
            if "\n" in text:
                close(i + 1)
                para += 1
            elif self._ends_sentence(i) and self._starts_sentence(i + 1):
                close(i + 1)
        close(len(texts))
        return units, unit_of

    def _ends_sentence(self, i: int) -> bool:
        closing = self.quote_closing_at(i)
        if self.quote_of[i] >= 0 and closing is None:
            return False  # sentences inside a quotation stay with it
        if self._texts[i] in SENTENCE_END:
            return True
        return closing is not None and self.text[closing.start : closing.end][-1:] in ".!?…"

    def _starts_sentence(self, i: int) -> bool:
        texts = self._texts
        while i < len(texts) and texts[i].isspace() and "\n" not in texts[i]:
            i += 1
        if i >= len(texts):
            return True
        first = texts[i][:1]
        return first.isupper() or first.isdigit() or texts[i] in DASHES or self.quote_opening_at(i) is not None
