"""The tense of a clause told by the nearest cue word around a time expression ("said", "-ed",
"will"): the reader for a Doc without a parse, or for a pack that asks for it. The words are the
pack's (``[tense]`` of ``times.toml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from newsclaims.extract.times.sentences import sentence_of
from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST

if TYPE_CHECKING:
    from newsclaims.extract.times.lexicon import TimeLexicon

_CUE_LEFT, _CUE_RIGHT = 25, 5  # how many tokens a cue word may stand before or after the expression


def cue_word_tense(doc: Doc, span: Span, lex: TimeLexicon) -> int:
    sent = sentence_of(doc, span.start)
    left = range(span.start - 1, max(sent.start, span.start - _CUE_LEFT) - 1, -1)
    right = range(span.end, min(sent.end, span.end + _CUE_RIGHT))
    # Nearest cue first, alternating sides; a left cue wins a tie (the verb usually comes first).
    for dist in range(max(len(left), len(right))):
        for side in (left, right):
            if dist < len(side):
                i = side[dist]
                tense = _cue_tense(doc[i].lower_, doc[i - 1].lower_ if i > 0 else "", lex)
                if tense is None:
                    tense = modal_tense(doc, i, lex)
                if tense is not None:
                    return tense
    return NEUTRAL


def modal_tense(doc: Doc, i: int, lex: TimeLexicon) -> int | None:
    """FUTURE for a modal that looks ahead, PAST for one that reports an attempt, else None."""
    words = lex.tense
    tok = doc[i]
    if tok.lower_ not in words.modals or (tok.lower_ in words.lowercase_only_modals and tok.text != tok.lower_):
        return None
    after = [t.lower_ for t in doc[i + 1 : i + 4]]
    if words.perfect_after_modal.intersection(after):
        return PAST  # "could have ended Friday"
    if tok.lower_ in words.attempt_modals and words.attempt_words.intersection(after):
        return PAST  # "could not be reached Friday", "would not comment Friday": a past attempt
    return FUTURE


def _cue_tense(word: str, previous: str, lex: TimeLexicon) -> int | None:
    words = lex.tense
    if word in words.future_cues:
        return FUTURE
    if word in words.present_cues:
        return NEUTRAL
    past_form = lex.past_ending is not None and lex.past_ending.match(word) is not None
    if word in words.past_cues or (past_form and word not in words.not_past):
        # "is published", "to be released": a passive participle; its auxiliary tells the tense
        return None if previous in words.passive_auxiliaries else PAST
    return None
