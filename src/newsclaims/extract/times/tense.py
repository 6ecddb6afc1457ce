"""Which way a clause points in time: past, future, or neither (present, or nothing to tell).

French Docs carry a parse and verb morphology: the verb that governs the time expression gives the
tense, its auxiliaries the compound tenses ("ont annoncé" is past, "aura lieu" future) and a
governing "aller", "devoir" or "prévoir" the near future. English Docs here have no POS, so the
nearest tense cue word around the expression decides ("said", "-ed", "will", "is to").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.times.spec import FUTURE, NEUTRAL, PAST
from newsclaims.extract.times.words import words

# Verbs whose infinitive complement lies ahead ("va annoncer", "devrait se réunir", "prévoit de").
_FR_FUTURE_HEADS = words(
    "aller devoir pouvoir compter prévoir vouloir espérer envisager souhaiter entendre projeter promettre menacer"
)
# Verbs that plan: what they govern lies ahead even when the planning is past ("a prévu de revenir").
_FR_PLANNING_HEADS = frozenset(["prévoir", "promettre", "envisager", "projeter", "programmer", "planifier"])
# Verbs whose passive or present use announces a scheduled event ("est prévu", "est attendu").
_FR_SCHEDULED = frozenset(["prévoir", "attendre", "programmer", "planifier", "convoquer"])
_VERBAL = ("VERB", "AUX")
_HEAD_STEPS = 6

_EN_FUTURE = words("will 'll shall wo going scheduled expected plans plan planned due upcoming tomorrow")
_EN_PAST = words(
    "was were had did said told met took gave came went made saw found left began won lost held fell rose "
    "spoke wrote ran sent spent paid sold struck shot became brought thought knew got kept led felt stood "
    "broke chose drove flew grew fought caught taught bought built ago yesterday"
)
_EN_PRESENT = frozenset(["is", "are", "am", "says", "say", "has", "have", "does", "do"])
_EN_NOT_PAST = frozenset(
    ["need", "feed", "speed", "seed", "bed", "red", "shed", "proceed", "exceed", "succeed", "indeed", "hundred"]
)
_EN_BE = frozenset(["be", "been", "being", "is", "are", "am", "'s", "'re"])
_EN_ED = re.compile(r"[a-z]{2,}ed$")
_EN_LEFT, _EN_RIGHT = 25, 5


def clause_tense(doc: Doc, start: int, end: int, parsed: bool | None = None) -> int:
    """PAST, FUTURE or NEUTRAL for the clause holding doc.text[start:end]; ``parsed`` says whether the
    Doc has a dependency parse (the caller may know it: checking walks every token)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return NEUTRAL
    if parsed is None:
        parsed = doc.has_annotation("DEP")
    if parsed:
        verb = _governing_verb(span)
        return _french_verb_tense(verb) if verb is not None else NEUTRAL
    return _cue_word_tense(doc, span)


# -- French: parse and morphology ---------------------------------------------------------------------


def _governing_verb(span: Span) -> Token | None:
    tok = span.root
    for _ in range(_HEAD_STEPS):
        if tok.pos_ in _VERBAL:
            return tok
        # "sont incertains pour samedi": the copula carries the tense of an adjective or noun predicate.
        cop = next((c for c in tok.children if c.dep_ == "cop"), None)
        if cop is not None:
            return cop
        if tok.head is tok:
            break
        tok = tok.head
    # The parse hung the expression off a noun: take the nearest verb of the sentence.
    verbs = [t for t in span.sent if t.pos_ in _VERBAL]
    return min(verbs, key=lambda t: abs(t.i - span.root.i), default=None)


def _french_verb_tense(verb: Token, depth: int = 0) -> int:
    if verb.dep_.startswith("aux") and verb.head is not verb:
        verb = verb.head  # the expression hung off an auxiliary: the group's main verb decides
    if verb.dep_ == "cop":
        return _simple_tense(verb)
    children = list(verb.children)
    tense_aux = [c for c in children if c.dep_ in ("aux:tense", "aux")]
    if tense_aux:
        # Compound tenses: only the futur antérieur points ahead; passé composé and the rest look back.
        return FUTURE if "Fut" in tense_aux[0].morph.get("Tense") else PAST
    pass_aux = [c for c in children if c.dep_ == "aux:pass"]
    if pass_aux:
        if "Inf" in pass_aux[0].morph.get("VerbForm"):
            return _infinitive_tense(verb, depth)  # "doit être rendu public lundi"
        tense = _simple_tense(pass_aux[0])
        if tense == NEUTRAL and verb.lemma_ in _FR_SCHEDULED:
            return FUTURE
        return tense
    form = verb.morph.get("VerbForm")
    if "Inf" in form:
        return _infinitive_tense(verb, depth)
    if "Part" in form:
        # A participle alone: "l'attaque menée lundi" looks back, "la réunion prévue lundi" ahead.
        return FUTURE if verb.lemma_ in _FR_SCHEDULED else PAST
    if verb.lemma_ == "aller" and any("Inf" in c.morph.get("VerbForm") for c in children):
        return FUTURE
    return _simple_tense(verb)


def _simple_tense(verb: Token) -> int:
    tense, mood = verb.morph.get("Tense"), verb.morph.get("Mood")
    if "Fut" in tense:
        return FUTURE
    if "Past" in tense and verb.lower_.endswith("it"):
        return NEUTRAL  # "se réunit", "dit": the passé simple of these verbs is spelled as the present
    if "Imp" in tense or "Past" in tense:
        return PAST
    if "Cnd" in mood or "Sub" in mood:
        return FUTURE  # "devrait", "se tiendrait", "pour que le texte soit rendu": expected, not done
    return NEUTRAL


def _infinitive_tense(verb: Token, depth: int) -> int:
    head = verb.head
    if head is verb or head.pos_ not in _VERBAL or depth > 2:
        return NEUTRAL
    if head.lemma_ == "venir" and any(c.lower_ in ("de", "d'") for c in verb.children):
        return PAST  # "vient de signer"
    if head.lemma_ in _FR_PLANNING_HEADS:
        return FUTURE
    head_tense = _french_verb_tense(head, depth + 1)
    if head_tense == NEUTRAL and head.lemma_ in _FR_FUTURE_HEADS:
        return FUTURE  # "va annoncer", "peut gagner", "compte se rendre"
    return head_tense


# -- English: cue words --------------------------------------------------------------------------------


def _cue_word_tense(doc: Doc, span: Span) -> int:
    try:
        sent = span.sent
    except ValueError:  # no sentence boundaries
        sent = doc[:]
    left = range(span.start - 1, max(sent.start, span.start - _EN_LEFT) - 1, -1)
    right = range(span.end, min(sent.end, span.end + _EN_RIGHT))
    # Nearest cue first, alternating sides; a left cue wins a tie (the verb usually comes first).
    for dist in range(max(len(left), len(right))):
        for side in (left, right):
            if dist < len(side):
                i = side[dist]
                tense = _en_word_tense(doc[i].lower_, doc[i - 1].lower_ if i > 0 else "")
                if tense is not None:
                    return tense
    return NEUTRAL


def _en_word_tense(word: str, previous: str) -> int | None:
    if word in _EN_FUTURE:
        return FUTURE
    if word in _EN_PRESENT:
        return NEUTRAL
    if word in _EN_PAST or (_EN_ED.match(word) and word not in _EN_NOT_PAST):
        # "is published", "to be released": a passive participle; its auxiliary tells the tense
        return None if previous in _EN_BE else PAST
    return None
