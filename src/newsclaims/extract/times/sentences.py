"""The sentence that holds a token, found in logarithmic time."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

_SENT_STARTS = "newsclaims.sentence_starts"


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``, through sentence starts computed once per Doc: spaCy's
    ``Span.sent`` walks ``doc.sents`` from the start each time, which is quadratic on a long text."""
    starts = doc.user_data.get(_SENT_STARTS)
    if starts is None:
        try:
            starts = [s.start for s in doc.sents]
        except ValueError:  # a Doc without sentence boundaries: one sentence
            starts = [0]
        doc.user_data[_SENT_STARTS] = starts
    k = bisect.bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[max(k, 0)] : end]
