"""Which way a clause points in time: past, future, or neither (present, or nothing to tell).

A Doc with a parse is read by its verbs, when its pack says so: the verb that governs the time
expression gives the tense. With verb morphology (``reader = "parse"``), its auxiliaries give the
compound tenses ("ont annoncé" is past, "aura lieu" future) and a governing verb of the pack's
``future_heads`` ("aller", "devoir") the near future; a language whose verbs mark no future is read
by their auxiliary words and tags (``"parse_auxiliaries"``, tense_auxiliaries.py). A Doc without a
parse is read by the nearest tense cue word around the expression (tense_cues.py). The words are the
pack's (``[tense]`` of ``times.toml``); the grammar is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.times.sentences import sentence_of
from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST
from newsclaims.extract.times.tense_auxiliaries import auxiliary_tense, set_ahead
from newsclaims.extract.times.tense_cues import cue_word_tense

if TYPE_CHECKING:
    from newsclaims.extract.times.lexicon import TimeLexicon

_VERBAL = ("VERB", "AUX")
_CLAUSE_DEPS = frozenset(["ccomp", "advcl", "acl:relcl", "xcomp", "conj", "parataxis"])
_HEAD_STEPS = 6


def clause_tense(doc: Doc, start: int, end: int, lex: TimeLexicon, parsed: bool | None = None) -> int:
    """PAST, FUTURE or NEUTRAL for the clause holding doc.text[start:end]; ``parsed`` says whether the
    Doc has a dependency parse (the caller may know it: checking walks every token)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return NEUTRAL
    if lex.tense.reader == "cue_words":
        return cue_word_tense(doc, span, lex)
    if parsed is None:
        parsed = doc.has_annotation("DEP")
    if parsed:
        verb = _governing_verb(span, lex)
        if verb is None:
            return NEUTRAL
        if lex.tense.reader == "parse_auxiliaries":
            return FUTURE if set_ahead(span, verb, lex) else auxiliary_tense(verb, lex)
        return _verb_tense(verb, lex)
    return cue_word_tense(doc, span, lex)


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
