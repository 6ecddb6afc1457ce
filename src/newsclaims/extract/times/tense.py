"""Which way a clause points in time: past, future, or neither (present, or nothing to tell).

A Doc with a parse and verb morphology is read by its verbs, when its pack says so: the verb that governs the time
expression gives the tense, its auxiliaries the compound tenses ("ont annoncé" is past, "aura lieu"
future) and a governing verb of the pack's ``future_heads`` ("aller", "devoir") the near future. A
Doc without a parse is read by the nearest tense cue word around the expression ("said", "-ed",
"will"). The words are the pack's (``[tense]`` of ``times.toml``); the grammar is here.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST

if TYPE_CHECKING:
    from newsclaims.extract.times.lexicon import TimeLexicon

_VERBAL = ("VERB", "AUX")
_CLAUSE_DEPS = frozenset(["ccomp", "advcl", "acl:relcl", "xcomp", "conj", "parataxis"])
_HEAD_STEPS = 6
_CUE_LEFT, _CUE_RIGHT = 25, 5  # how many tokens a cue word may stand before or after the expression


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


def clause_tense(doc: Doc, start: int, end: int, lex: TimeLexicon, parsed: bool | None = None) -> int:
    """PAST, FUTURE or NEUTRAL for the clause holding doc.text[start:end]; ``parsed`` says whether the
    Doc has a dependency parse (the caller may know it: checking walks every token)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return NEUTRAL
    if lex.tense.reader == "cue_words":
        return _cue_word_tense(doc, span, lex)
    if parsed is None:
        parsed = doc.has_annotation("DEP")
    if parsed:
        verb = _governing_verb(span, lex)
        return _verb_tense(verb, lex) if verb is not None else NEUTRAL
    return _cue_word_tense(doc, span, lex)


# -- a parse and morphology ---------------------------------------------------------------------------


def _governing_verb(span: Span, lex: TimeLexicon) -> Token | None:
    tok = span.root
    for _ in range(_HEAD_STEPS):
        own = span.start <= tok.i < span.end  # "en été" tagged as the participle of "être"
        if not own and (tok.pos_ in _VERBAL or _mistagged_verb(tok, lex)):
            return tok
        # "sont incertains pour samedi": the copula carries the tense of an adjective or noun predicate.
        cop = next((c for c in tok.children if c.dep_ == "cop"), None)
        if cop is not None:
            return cop
        if tok.head is tok:
            break
        tok = tok.head
    # The parse hung the expression off a noun: take the nearest verb of the sentence.
    verbs = [t for t in sentence_of(span.doc, span.start) if t.pos_ in _VERBAL and not span.start <= t.i < span.end]
    return min(verbs, key=lambda t: abs(t.i - span.root.i), default=None)


def _mistagged_verb(tok: Token, lex: TimeLexicon) -> bool:
    """A clause head the tagger took for a noun ("que les travaux s'achèveraient vendredi"): it heads
    a subordinate clause, has a subject, and ends as a future or conditional verb does."""
    return (
        lex.future_ending is not None
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.dep_ in _CLAUSE_DEPS
        and any(c.dep_.startswith(("nsubj", "expl")) for c in tok.children)
        and lex.future_ending.search(tok.lower_) is not None
    )


def _verb_tense(verb: Token, lex: TimeLexicon, depth: int = 0) -> int:
    words = lex.tense
    if _mistagged_verb(verb, lex):
        return FUTURE
    if verb.dep_.startswith("aux") and verb.head is not verb:
        verb = verb.head  # the expression hung off an auxiliary: the group's main verb decides
    if verb.dep_ == "cop":
        return _simple_tense(verb, lex)
    children = list(verb.children)
    tense_aux = [c for c in children if c.dep_ in ("aux:tense", "aux")]
    if tense_aux:
        # Compound tenses: only the future perfect points ahead; the others look back.
        return FUTURE if "Fut" in tense_aux[0].morph.get("Tense", []) else PAST
    pass_aux = [c for c in children if c.dep_ == "aux:pass"]
    if pass_aux:
        if "Inf" in pass_aux[0].morph.get("VerbForm", []):
            return _infinitive_tense(verb, lex, depth)  # "doit être rendu public lundi"
        tense = _simple_tense(pass_aux[0], lex)
        if tense == NEUTRAL and verb.lemma_ in words.scheduled_heads:
            return FUTURE
        return tense
    form = verb.morph.get("VerbForm", [])
    if "Inf" in form:
        return _infinitive_tense(verb, lex, depth)
    if "Part" in form:
        if _detached_future_aux(verb, lex):
            return FUTURE
        # A participle alone: "l'attaque menée lundi" looks back, "la réunion prévue lundi" ahead.
        return FUTURE if verb.lemma_ in words.scheduled_heads else PAST
    if verb.lemma_ in words.going_heads and any("Inf" in c.morph.get("VerbForm", []) for c in children):
        return FUTURE
    return _simple_tense(verb, lex)


def _detached_future_aux(participle: Token, lex: TimeLexicon) -> bool:
    """Whether the verb just before a bare participle is its own future auxiliary, which an incise
    cut off from it in the parse ("sera, lui, examiné mi-juin", "sera, selon le ministre, voté")."""
    sent_start = sentence_of(participle.doc, participle.i).start
    for tok in reversed(participle.doc[sent_start : participle.i]):
        if tok.pos_ in _VERBAL:
            finite = "Fin" in tok.morph.get("VerbForm", [])
            return finite and tok.lemma_ in lex.tense.auxiliaries and _simple_tense(tok, lex) == FUTURE
    return False


def _has_subordinator(verb: Token, lex: TimeLexicon) -> bool:
    """Whether the clause of ``verb`` opens with "que" ("pour que le texte soit rendu public")."""
    head = verb.head if verb.dep_.startswith(("aux", "cop")) else verb
    marks = [t for c in head.children if c.dep_ == "mark" for t in c.subtree]
    return any(t.lower_ in lex.tense.subordinators for t in marks)


def _simple_tense(verb: Token, lex: TimeLexicon) -> int:
    tense, mood = verb.morph.get("Tense", []), verb.morph.get("Mood", [])
    if "Fut" in tense:
        return FUTURE
    if "Past" in tense and verb.lower_.endswith(lex.tense.present_like_past_endings):
        return NEUTRAL  # "se réunit", "dit": the passé simple of these verbs is spelled as the present
    if "Imp" in tense or "Past" in tense:
        return PAST
    if "Sub" in mood and not _has_subordinator(verb, lex):
        return NEUTRAL  # no "que", no subjunctive: "augmente" read as one is the present
    if "Cnd" in mood or "Sub" in mood:
        return FUTURE  # "devrait", "se tiendrait", "pour que le texte soit rendu": expected, not done
    return NEUTRAL


def _infinitive_tense(verb: Token, lex: TimeLexicon, depth: int) -> int:
    words = lex.tense
    head = verb.head
    if head is verb or head.pos_ not in _VERBAL or depth > 2:
        return NEUTRAL
    if head.lemma_ in words.recent_past_heads and any(c.lower_ in words.recent_past_marks for c in verb.children):
        return PAST  # "vient de signer"
    if head.lemma_ in words.planning_heads:
        return FUTURE
    head_tense = _verb_tense(head, lex, depth + 1)
    if head_tense == NEUTRAL and head.lemma_ in words.future_heads:
        return FUTURE  # "va annoncer", "peut gagner", "compte se rendre"
    return head_tense


# -- cue words, without a parse -------------------------------------------------------------------------


def _cue_word_tense(doc: Doc, span: Span, lex: TimeLexicon) -> int:
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
                    tense = _modal_tense(doc, i, lex)
                if tense is not None:
                    return tense
    return NEUTRAL


def _modal_tense(doc: Doc, i: int, lex: TimeLexicon) -> int | None:
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
