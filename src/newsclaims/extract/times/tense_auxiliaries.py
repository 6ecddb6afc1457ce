"""The tense of a clause read from the auxiliaries and tags of its verb, for a language whose verbs
carry no future of their own ("will travel", "would reopen"): the ``parse_auxiliaries`` reader.

The verb that governs the expression (``tense._governing_verb``) decides: its first auxiliary when it
has one ("will", a modal, a past form such as "was" or "did", a perfect "has"), else its own tag (a
past form; a participle, past unless its verb schedules: "the meeting set for Friday"). An
infinitive takes the tense of the verb or adjective it depends on; one that plans ("plans to", "is
scheduled to", "ready to", "is to") looks ahead, and one of purpose has no tense of its own. A verb
that sets a date ("postponed until") puts it ahead of itself (``set_ahead``). The words and tags are
the pack's (``[tense]`` of ``times.toml``); the grammar is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST
from newsclaims.extract.times.tense_cues import modal_tense

if TYPE_CHECKING:
    from newsclaims.extract.times.lexicon import TimeLexicon

_AUX_DEPS = ("aux", "auxpass")
_VERBAL = ("VERB", "AUX")
_MAX_DEPTH = 3  # infinitives inside infinitives: "plans to try to leave"


def auxiliary_tense(verb: Token, lex: TimeLexicon, depth: int = 0) -> int:
    """PAST, FUTURE or NEUTRAL for the clause that ``verb`` heads."""
    words = lex.tense
    if verb.dep_ in _AUX_DEPS and verb.head != verb:
        verb = verb.head  # the expression hung off an auxiliary: the group's main verb decides
    auxiliaries = [c for c in verb.children if c.dep_ in _AUX_DEPS and c.i < verb.i]
    if any(a.lower_ in words.infinitive_marks for a in auxiliaries):
        return _infinitive_tense(verb, lex, depth)
    if auxiliaries:
        return _auxiliary_tense(auxiliaries[0], verb, lex)
    if verb.tag_ in words.participle_tags:
        # A participle alone: "the attack carried out Friday" looks back, "the vote set for Friday" ahead.
        return FUTURE if verb.lemma_ in words.scheduled_heads else PAST
    if verb.tag_ in words.past_tags:
        return PAST
    if verb.tag_ in words.progressive_tags and verb.head != verb and depth < _MAX_DEPTH:
        return _head_tense(verb, lex, depth)  # "…, saying Friday that …": the clause it hangs from
    return NEUTRAL


def set_ahead(span: Span, verb: Token, lex: TimeLexicon) -> bool:
    """Whether the expression is a date its verb sets ("postponed until Saturday", "has given them
    until Tuesday", "planned a rally on Saturday"): ahead of the setting, whatever its tense."""
    links = lex.tense.setting_verbs.get(verb.lemma_)
    if not links:
        return False
    # The word that leads to the expression: "until" of "until Saturday", on the verb or on its object.
    return span.root.head.lower_ in links and span.root.head != span.root


def _auxiliary_tense(first: Token, verb: Token, lex: TimeLexicon) -> int:
    words = lex.tense
    if first.lower_ in words.future_auxiliaries:
        return FUTURE
    modal = modal_tense(first.doc, first.i, lex)
    if modal is not None:
        return modal  # "would reopen Friday" ahead, "could have ended", "could not be reached" back
    if first.tag_ in words.past_tags or first.lemma_ in words.perfect_auxiliaries:
        return PAST  # "was held", "did not say", "has met"
    if first.dep_ == "auxpass" or any(c.dep_ == "auxpass" for c in verb.children):
        return FUTURE if verb.lemma_ in words.scheduled_heads else NEUTRAL  # "is expected Friday"
    if verb.tag_ in words.progressive_tags:
        return FUTURE  # "is leaving Friday"
    return NEUTRAL


def _infinitive_tense(verb: Token, lex: TimeLexicon, depth: int) -> int:
    """An infinitive: ahead after a verb, adjective or noun that plans ("is due to", "plans to"),
    else in the tense of the clause it depends on."""
    words = lex.tense
    head = verb.head
    while head != head.head and head.pos_ == "ADJ" and head.lemma_ not in words.planning_heads:
        head = head.head  # "was happy to meet Friday": the copula's tense
    if head == verb or depth >= _MAX_DEPTH:
        return NEUTRAL
    if head.lemma_ in words.planning_heads:
        return FUTURE
    if verb.dep_ == "advcl":
        return NEUTRAL  # "picked four sites for the trial to last through June": a purpose, after its verb
    if head.pos_ in _VERBAL:
        return auxiliary_tense(head, lex, depth + 1)
    return NEUTRAL


def _head_tense(verb: Token, lex: TimeLexicon, depth: int) -> int:
    head = verb.head
    while head.pos_ not in _VERBAL and head != head.head:
        head = head.head
    return auxiliary_tense(head, lex, depth + 1) if head.pos_ in _VERBAL and head != verb else NEUTRAL
