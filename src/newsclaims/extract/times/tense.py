"""Which way a clause points in time: past, future, or neither (present, or nothing to tell).

French Docs carry a parse and verb morphology: the verb that governs the time expression gives the
tense, its auxiliaries the compound tenses ("ont annoncé" is past, "aura lieu" future) and a
governing "aller", "devoir" or "prévoir" the near future. English Docs here have no POS, so the
nearest tense cue word around the expression decides ("said", "-ed", "will", "is to").
"""

from __future__ import annotations

import bisect
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
_CLAUSE_DEPS = frozenset(["ccomp", "advcl", "acl:relcl", "xcomp", "conj", "parataxis"])
# Future and conditional endings (-ra, -ront, -rait, -raient...), after a stem of three letters or more.
_FR_FUTURE_ENDING = re.compile(r"[a-zàâçéèêëîïôûùü]{3}r(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")
_HEAD_STEPS = 6

_EN_FUTURE = words("will 'll shall wo going scheduled expected plans plan planned due upcoming tomorrow")
# Modals: what they govern is expected, not done ("would be completed by Friday", "could not be ruled
# out this fall"), unless "have" follows ("could have ended Friday"). "may" only in lower case.
_EN_MODALS = words("would could might may should must")
_EN_PAST_ATTEMPT = words("reached immediately confirm comment say identify verify")
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
        own = span.start <= tok.i < span.end  # "en été" tagged as the participle of "être"
        if not own and (tok.pos_ in _VERBAL or _mistagged_verb(tok)):
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


def _mistagged_verb(tok: Token) -> bool:
    """A clause head the tagger took for a noun ("que les travaux s'achèveraient vendredi"): it heads
    a subordinate clause, has a subject, and ends as a future or conditional verb does."""
    return (
        tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.dep_ in _CLAUSE_DEPS
        and any(c.dep_.startswith(("nsubj", "expl")) for c in tok.children)
        and _FR_FUTURE_ENDING.search(tok.lower_) is not None
    )


def _french_verb_tense(verb: Token, depth: int = 0) -> int:
    if _mistagged_verb(verb):
        return FUTURE
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
        if _detached_future_aux(verb):
            return FUTURE
        # A participle alone: "l'attaque menée lundi" looks back, "la réunion prévue lundi" ahead.
        return FUTURE if verb.lemma_ in _FR_SCHEDULED else PAST
    if verb.lemma_ == "aller" and any("Inf" in c.morph.get("VerbForm") for c in children):
        return FUTURE
    return _simple_tense(verb)


def _detached_future_aux(participle: Token) -> bool:
    """Whether the verb just before a bare participle is its own future auxiliary, which an incise
    cut off from it in the parse ("sera, lui, examiné mi-juin", "sera, selon le ministre, voté")."""
    sent_start = sentence_of(participle.doc, participle.i).start
    for tok in reversed(participle.doc[sent_start : participle.i]):
        if tok.pos_ in _VERBAL:
            finite = "Fin" in tok.morph.get("VerbForm")
            return finite and tok.lemma_ in ("être", "avoir") and _simple_tense(tok) == FUTURE
    return False


def _has_que(verb: Token) -> bool:
    """Whether the clause of ``verb`` opens with "que" ("pour que le texte soit rendu public")."""
    head = verb.head if verb.dep_.startswith(("aux", "cop")) else verb
    marks = [t for c in head.children if c.dep_ == "mark" for t in c.subtree]
    return any(t.lower_ in ("que", "qu'", "qu’") for t in marks)


def _simple_tense(verb: Token) -> int:
    tense, mood = verb.morph.get("Tense"), verb.morph.get("Mood")
    if "Fut" in tense:
        return FUTURE
    if "Past" in tense and verb.lower_.endswith("it"):
        return NEUTRAL  # "se réunit", "dit": the passé simple of these verbs is spelled as the present
    if "Imp" in tense or "Past" in tense:
        return PAST
    if "Sub" in mood and not _has_que(verb):
        return NEUTRAL  # no "que", no subjunctive: "augmente" read as one is the present
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
    sent = sentence_of(doc, span.start)
    left = range(span.start - 1, max(sent.start, span.start - _EN_LEFT) - 1, -1)
    right = range(span.end, min(sent.end, span.end + _EN_RIGHT))
    # Nearest cue first, alternating sides; a left cue wins a tie (the verb usually comes first).
    for dist in range(max(len(left), len(right))):
        for side in (left, right):
            if dist < len(side):
                i = side[dist]
                tense = _en_word_tense(doc[i].lower_, doc[i - 1].lower_ if i > 0 else "")
                if tense is None:
                    tense = _en_modal_tense(doc, i)
                if tense is not None:
                    return tense
    return NEUTRAL


def _en_modal_tense(doc: Doc, i: int) -> int | None:
    """FUTURE for a modal that looks ahead, PAST for one that reports an attempt, else None."""
    tok = doc[i]
    if tok.lower_ not in _EN_MODALS or (tok.lower_ == "may" and tok.text != "may"):
        return None
    after = [t.lower_ for t in doc[i + 1 : i + 4]]
    if "have" in after or "'ve" in after:
        return PAST  # "could have ended Friday"
    if tok.lower_ in ("could", "would") and _EN_PAST_ATTEMPT.intersection(after):
        return PAST  # "could not be reached Friday", "would not comment Friday": a past attempt
    return FUTURE


def _en_word_tense(word: str, previous: str) -> int | None:
    if word in _EN_FUTURE:
        return FUTURE
    if word in _EN_PRESENT:
        return NEUTRAL
    if word in _EN_PAST or (_EN_ED.match(word) and word not in _EN_NOT_PAST):
        # "is published", "to be released": a passive participle; its auxiliary tells the tense
        return None if previous in _EN_BE else PAST
    return None
