"""Cue verbs: finding them in a Doc (a reporting verb of the pack, used as a verb, not an idiom nor a
condition) and the extent of their verb group ("a-t-il ajouté", "s'est réjoui", "fait savoir").

What hangs on a cue is read by ``cue_reader.CueReader``: its source by ``subjects.py``, what it
reports by ``contents.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import CueVerb, Frame, StatementLexicon, phrase_at
from newsclaims.extract.statements.phrases import (
    extend_np,
)

INCISE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "…"})


@dataclass(frozen=True)
class Cue:
    verb: Token
    info: CueVerb
    group_start: int  # first token of the verb group (auxiliaries, clitics, "fait" of "fait savoir")
    group_end: int  # just past the verb and any inversion clitic ("ajoute-t-il")


# ---------------------------------------------------------------------------------------------
# Finding cue verbs


def find_cues(view: View) -> list[Cue]:
    doc, lx = view.doc, view.lx
    out = []
    noun_verbs = lx.data.cues.noun_verbs
    for i, (low, lemma) in enumerate(zip(view.lowers, view.lemmas, strict=True)):
        noun_end = _speech_noun_end(view, i) if lemma.lower() in noun_verbs else 0
        if not noun_end and not lx.may_cue(low, lemma):
            continue  # the words of no cue: most tokens, told apart without building a Token
        tok = doc[i]
        info = _cue_info(view, tok) if not noun_end else _noun_cue(view, tok, noun_end)
        if info is None:
            continue
        start, end = verb_group(view, tok)
        end = max(end, noun_end)
        if view.inside_quote(tok.i) is not None and not _is_incise(view, start, end):
            continue  # a verb inside quoted words belongs to the quotation
        if _hypothetical(view, tok):
            continue  # "s'il souhaite ...": a condition, not something said
        out.append(Cue(tok, info, start, end))
    return out


def present_participle(tok: Token) -> bool:
    return tok.morph.get("VerbForm", []) == ["Part"] and tok.morph.get("Tense", []) == ["Pres"]


def governed_by_preposition(view: View, tok: Token) -> bool:
    """A noun with a preposition of its own ("sur Twitter") is no subject, whatever its label."""
    lx = view.lx
    return tok.pos_ != "PRON" and any(c.dep_ in lx.deps.case and c.lower_ not in lx.genitive for c in tok.children)


def _hypothetical(view: View, verb: Token) -> bool:
    lx = view.lx
    return any(c.dep_ in lx.deps.mark and c.lower_ in lx.fn.conditional_marks for c in verb.children)


def _speech_noun_end(view: View, i: int) -> int:
    """ "repeated charges that", "a réitéré son affirmation que": past the noun of speech that the
    verb at ``i`` carries, when a complementizer follows it; else 0."""
    doc, lx = view.doc, view.lx
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].pos_ in ("DET", "ADJ", "ADV"):
        j += 1
    if j + 1 >= len(doc) or doc[j].lower_ not in lx.data.cues.speech_nouns:
        return 0
    # The complementizer of a clause, not a relative pronoun ("made charges that were dropped").
    that = doc[j + 1]
    complement = that.lower_ in lx.fn.complementizers and that.dep_ in lx.deps.mark
    return j + 1 if complement and doc[i].pos_ in ("VERB", "AUX") else 0


def _noun_cue(view: View, tok: Token, noun_end: int) -> CueVerb:
    noun = view.doc[noun_end - 1].lower_
    return CueVerb(f"{tok.lemma_.lower()} {noun}", frozenset({Frame.CLAUSE}))


def _cue_info(view: View, tok: Token) -> CueVerb | None:
    lx = view.lx
    light = lx.light_cue(view.doc, tok)
    if light is not None:
        return light
    phrasal = lx.phrasal_cue(view.doc, tok)
    if phrasal is not None and tok.pos_ in ("VERB", "AUX"):
        return phrasal[0]
    info = lx.cue_for(tok.text, tok.lemma_)
    if info is None:
        return None
    if tok.pos_ not in ("VERB", "AUX") and not _verbal_context(view, tok):
        return None  # "la critique", "le juge", "une note"
    if info.lemma.startswith(lx.data.conjugation.reflexive_prefixes) and not _reflexive(view, tok):
        return None  # "attendre" is not "s'attendre à"
    if _idiomatic(view, tok, info):
        return None  # "c'est-à-dire", "cela veut dire"
    form = tok.morph.get("VerbForm", [])
    past_participle = form == ["Part"] and tok.morph.get("Tense", []) == ["Past"]
    if past_participle and not has_auxiliary(view, tok) and not _after_reported_words(view, tok):
        return None  # an adjective: "la fermeture annoncée"
    return info


def _reflexive(view: View, tok: Token) -> bool:
    """A reflexive pronoun before the verb (past auxiliaries and negation) or inverted after it."""
    doc, lx = view.doc, view.lx
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 4:
        low = doc[k].lower_
        if low in lx.pron.reflexive:
            return True
        if not (doc[k].pos_ in ("AUX", "ADV") or low in lx.fn.negation):
            break
        k -= 1
    return False


def _idiomatic(view: View, tok: Token, info: CueVerb) -> bool:
    """ "c'est-à-dire", "cela veut dire": words before the cue that make it an idiom."""
    doc, cues = view.doc, view.lx.data.cues
    prev = doc[tok.i - 1] if tok.i > 0 else None
    before = cues.idiom_before.get(info.lemma)
    if prev is None or before is None:
        return False
    if prev.lower_ in before or prev.text.endswith("-"):
        return True
    return prev.lemma_ in cues.idiom_heads.get(info.lemma, ()) and tok.morph.get("VerbForm", []) == ["Inf"]


def _inversion(view: View, tok: Token) -> bool:
    """An inversion clitic or its linking "-t" ("ajoute-t-il")."""
    pron = view.lx.pron
    return tok.lower_ in pron.inversion or tok.lower_ in pron.inversion_links


def _verbal_context(view: View, tok: Token) -> bool:
    doc, lx = view.doc, view.lx
    i = tok.i
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    before_verb = lx.pron.subject | lx.fn.negation | lx.pron.reflexive_third
    if prev is not None and (prev.pos_ == "AUX" or prev.lower_ in before_verb):
        return True
    if nxt is not None and (_inversion(view, nxt) or nxt.lower_ in lx.fn.complementizers):
        return True
    return bool(
        prev is not None
        and (prev.text == "," or prev.text in view.closing_marks)
        and nxt is not None
        and nxt.pos_ in ("DET", "PROPN")
    )


def _after_reported_words(view: View, tok: Token) -> bool:
    """ "..., écrit le quotidien": a present-tense form the tagger took for a participle."""
    doc = view.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return bool(
        prev is not None
        and (prev.text == "," or prev.text in view.closing_marks)
        and nxt is not None
        and (nxt.pos_ in ("DET", "PROPN", "ADV") or _inversion(view, nxt) or _capitalised_noun(nxt))
    )


def _capitalised_noun(tok: Token) -> bool:
    """A name the tagger took for a common noun ("Météo France")."""
    return tok.pos_ == "NOUN" and tok.text[:1].isupper()


def has_auxiliary(view: View, tok: Token) -> bool:
    if any(c.dep_.startswith("aux") for c in tok.children):
        return True
    doc, lx = view.doc, view.lx
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 4:
        t = doc[k]
        if _auxiliary(t, lx):
            return True
        if not (t.pos_ in ("ADV", "PRON") or t.lower_ in lx.pron.inversion_links):
            # "a de son côté dénoncé": a set phrase of the group, with its auxiliary before it
            return _adverbial_ending_at(view, k) > 0
        k -= 1
    return False


def verb_group(view: View, verb: Token) -> tuple[int, int]:
    """(first, last + 1) tokens of "a-t-il ajouté", "s'est réjoui", "ajoute-t-il", "fait savoir"."""
    doc, lx = view.doc, view.lx
    start = verb.i
    if lx.is_light_group(doc, verb):
        start -= 1
    negation = lx.fn.negation
    k = start - 1
    while k >= 0:
        t = doc[k]
        low = t.lower_
        aux = t.pos_ == "AUX" or t.lemma_ in lx.fn.auxiliary_lemmas and t.pos_ != "NOUN"
        clitic = t.pos_ == "PRON" and (low in lx.pron.object or low in lx.pron.reflexive_third or low.startswith("-"))
        adverb = t.pos_ == "ADV" and low not in lx.fn.stop_adverbs or low in lx.fn.floating_quantifiers
        if not (aux or clitic or adverb or low in lx.pron.inversion_links or low in negation):
            inside = _adverbial_ending_at(view, k)
            if not inside:
                break
            k -= inside  # "a de son côté dénoncé": a set phrase inside the group
            continue
        k -= 1
    start = k + 1
    # Drop adverbs that open the group (they belong to what comes before).
    while start < verb.i and (doc[start].pos_ == "ADV" or doc[start].lower_ in lx.fn.floating_quantifiers):
        if doc[start].lower_ in negation:
            break
        start += 1
    end = verb.i + 1
    while end < len(doc) and _inversion(view, doc[end]):
        end += 1
    phrasal = lx.phrasal_cue(doc, verb)
    if phrasal is not None:
        end = max(end, phrasal[1] + 1)  # "called for": what it reports starts after the particle
    return start, end


def _adverbial_ending_at(view: View, k: int) -> int:
    """Length of a set adverbial phrase of the pack ("de son côté") whose last token is k, with an
    auxiliary right before it; else 0."""
    doc, lx = view.doc, view.lx
    for n in sorted({len(p) for p in lx.group_adverbials}, reverse=True):
        start = k - n + 1
        if start >= 1 and phrase_at(doc, start, lx.group_adverbials, k + 1) == n and _auxiliary(doc[start - 1], lx):
            return n
    return 0


def _auxiliary(tok: Token, lx: StatementLexicon) -> bool:
    return tok.pos_ == "AUX" or tok.lemma_ in lx.fn.auxiliary_lemmas


def _is_incise(view: View, start: int, end: int) -> bool:
    """ "« A, a-t-il dit, B »": a cue set inside the quotation between commas."""
    doc, lx = view.doc, view.lx
    if start == 0 or doc[start - 1].text != ",":
        return False
    if any(doc[k].lower_ in lx.pron.inversion for k in range(start, end)):
        return True
    j = end
    while j < len(doc) and (doc[j].pos_ in ("ADV",) or doc[j].lower_ in lx.nouns.time):
        j += 1
    if j < len(doc) and doc[j].pos_ in ("DET", "PROPN"):
        k = extend_np(view, j, len(doc))
        if k - j > 8:
            return False
        # "« A, a déclaré le maire jeudi sur France Bleu. B »": when and where, then the sentence ends.
        for m in range(k, min(len(doc), k + 10)):
            if doc[m].text in (",", ".", "»", "”"):
                return True
            if doc[m].pos_ in ("VERB", "AUX") or view.quote_opening_at(m) is not None:
                return False
    return False
