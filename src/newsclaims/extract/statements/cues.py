"""Cue verbs and what hangs on them: their source (subject, inverted subject, agent) and their content
(the clause after "que", an infinitive, a quotation after a colon, the clause before an inverted cue).

The parser's labels are used where they are reliable (subjects before the verb, relative "qui",
passive agents); the rest is read off the token sequence, which survives the parser's mistakes on
inverted subjects ("ont annoncé jeudi des responsables" parses as an oblique).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from newsclaims.extract.statements.drafts import Draft, SourceRef
from newsclaims.extract.statements.layout import DASHES, Unit, View
from newsclaims.extract.statements.lexicon import CueVerb, Frame, phrase_at
from newsclaims.extract.statements.phrases import (
    NP_POS,
    entity_span,
    extend_np,
    extend_np_left,
    noun_class,
    subject_np,
    with_apposition,
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
    doc = view.doc
    out = []
    for tok in doc:
        info = _cue_info(view, tok)
        if info is None:
            continue
        start, end = verb_group(view, tok)
        if view.inside_quote(tok.i) is not None and not _is_incise(view, start, end):
            continue  # a verb inside quoted words belongs to the quotation
        if _hypothetical(view, tok):
            continue  # "s'il souhaite ...": a condition, not something said
        out.append(Cue(tok, info, start, end))
    return out


def _present_participle(tok: Token) -> bool:
    return tok.morph.get("VerbForm") == ["Part"] and tok.morph.get("Tense") == ["Pres"]


def _governed_by_preposition(view: View, tok: Token) -> bool:
    """A noun with a preposition of its own ("sur Twitter") is no subject, whatever its label."""
    lx = view.lx
    return tok.pos_ != "PRON" and any(c.dep_ in lx.deps.case and c.lower_ not in lx.genitive for c in tok.children)


def _hypothetical(view: View, verb: Token) -> bool:
    lx = view.lx
    return any(c.dep_ in lx.deps.mark and c.lower_ in lx.fn.conditional_marks for c in verb.children)


def _cue_info(view: View, tok: Token) -> CueVerb | None:
    lx = view.lx
    light = lx.light_cue(view.doc, tok)
    if light is not None:
        return light
    info = lx.cue_for(tok.text, tok.lemma_)
    if info is None:
        return None
    if tok.pos_ not in ("VERB", "AUX") and not _verbal_context(view, tok):
        return None  # "la critique", "le juge", "une note"
    if info.lemma.startswith(lx.data.conjugation.reflexive_prefixes) and not _reflexive(view, tok):
        return None  # "attendre" is not "s'attendre à"
    if _idiomatic(view, tok, info):
        return None  # "c'est-à-dire", "cela veut dire"
    form = tok.morph.get("VerbForm")
    past_participle = form == ["Part"] and tok.morph.get("Tense") == ["Past"]
    if past_participle and not _has_auxiliary(view, tok) and not _after_reported_words(view, tok):
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
    return prev.lemma_ in cues.idiom_heads.get(info.lemma, ()) and tok.morph.get("VerbForm") == ["Inf"]


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
        and (nxt.pos_ in ("DET", "PROPN", "ADV") or _inversion(view, nxt))
    )


def _has_auxiliary(view: View, tok: Token) -> bool:
    if any(c.dep_.startswith("aux") for c in tok.children):
        return True
    doc, lx = view.doc, view.lx
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 4:
        t = doc[k]
        if t.pos_ == "AUX" or t.lemma_ in lx.fn.auxiliary_lemmas:
            return True
        if not (t.pos_ in ("ADV", "PRON") or t.lower_ in lx.pron.inversion_links):
            return False
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
            break
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
    return start, end


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


# ---------------------------------------------------------------------------------------------
# Drafts from cues


class CueReader:
    """Turns each cue into drafts; knows the Doc, its units and where inverted cues start."""

    def __init__(self, view: View, cues: list[Cue]) -> None:
        self.view = view
        self.lx = view.lx
        self.doc = view.doc
        self.cues = cues
        self._cue_verbs = [c.verb.i for c in cues]
        self.stops = {self._stop_of(c) for c in cues if self.inverted_position(c)}
        self._verbs: list[int] = []  # cue verbs read so far, in text order
        self._firsts: list[Draft] = []  # the first draft of each of them

    @property
    def _subordinate(self) -> frozenset[str]:
        """Labels of clauses that hang on another: a verb heading one is no main verb."""
        deps = self.lx.deps
        return (
            deps.adverbial_clause
            | deps.relative_clause
            | deps.adjectival_clause
            | deps.complement_clause
            | deps.clausal_subject
        )

    def note(self, verb: int, draft: Draft) -> None:
        """The first draft a cue verb gave; cues are read in text order."""
        self._verbs.append(verb)
        self._firsts.append(draft)

    def drafts_between(self, lo: int, hi: int) -> list[Draft]:
        """First drafts of the cue verbs read so far with lo <= verb < hi."""
        return self._firsts[bisect.bisect_left(self._verbs, lo) : bisect.bisect_left(self._verbs, hi)]

    def _stop_of(self, cue: Cue) -> int:
        """Just past the reported words before an inverted cue: before its comma or "comme"."""
        doc = self.doc
        k = cue.group_start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k >= 0 and doc[k].lower_ in self.lx.fn.as_words:
            k -= 1
        while k >= 0 and (doc[k].is_space or doc[k].text == ","):
            k -= 1
        return k + 1

    # -- positions ------------------------------------------------------------------------------

    def _prev_token(self, i: int) -> Token | None:
        k = i - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return self.doc[k] if k >= 0 else None

    def inverted_position(self, cue: Cue) -> bool:
        """After what was said: ", a déclaré X", "» a-t-il ajouté", "— affirme X"."""
        prev = self._prev_token(cue.group_start)
        view = self.view
        if prev is None:
            return False
        if prev.text == ",":
            before = self._prev_token(prev.i)
            ok = True if before is None else before.pos_ != "SCONJ"
        else:
            # "..., comme l'a indiqué X": "comme" with an inverted subject reports what came before.
            ok = prev.text in view.closing_marks or prev.text in DASHES or prev.lower_ in self.lx.fn.as_words
        if not ok:
            return False
        # A subject before the verb, not inside the quoted words (the parser sometimes takes them),
        # unless the cue is set between commas with its own subject after it:
        # "Le gouvernement, a précisé le porte-parole, ne reviendra pas".
        deps = self.lx.deps
        if any(
            c.dep_ in deps.subject | deps.passive_subject
            and c.i < cue.group_start
            and view.inside_quote(c.i) is None
            and not self._has_own_verb(c, cue.group_start)
            and not self._main_verb_before(c)
            for c in cue.verb.children
        ) and not (prev.text == "," and self._incise_outside_quotes(cue)):
            return False
        # "..., affirmant que" is a participle clause, not an inverted cue.
        return cue.verb.morph.get("Tense") != ["Pres"] or "Part" not in cue.verb.morph.get("VerbForm")

    def _has_own_verb(self, subj: Token, limit: int) -> bool:
        """ "Les vols reprendront lundi, a précisé X": the parser hung the clause on its subject, but a
        finite verb of its own (no relative "qui" or conjunction before it) makes it a clause of its own.
        A verb taken for the subject ("..., doivent conduire à ..., insistent X") is one too."""
        if subj.pos_ in ("VERB", "AUX"):
            return True
        for t in subj.subtree:
            if not subj.i < t.i < limit or t.pos_ not in ("VERB", "AUX") or t.morph.get("VerbForm") != ["Fin"]:
                continue
            verb = t.head if t.pos_ == "AUX" and t.dep_.startswith(("aux", "cop")) else t
            deps = self.lx.deps
            if verb.dep_ in deps.relative_clause | deps.adverbial_clause | deps.complement_clause or any(
                subj.i < c.i < t.i and (c.pos_ == "SCONJ" or c.morph.get("PronType") == ["Rel"]) for c in verb.children
            ):
                continue
            return True
        return False

    def _main_verb_before(self, subj: Token) -> bool:
        """ "..., doivent conduire à consulter un médecin, insistent X": the parser's subject comes
        after a main clause's finite verb, so it is that clause's object, not the cue's subject."""
        doc, view = self.doc, self.view
        unit = view.units[view.unit_of[subj.i]]
        for k in range(unit.start, subj.left_edge.i):
            t = doc[k]
            if t.pos_ not in ("VERB", "AUX") or t.morph.get("VerbForm") != ["Fin"] or view.quote_of[k] >= 0:
                continue
            verb = t.head if t.pos_ == "AUX" and t.dep_.startswith(("aux", "cop")) else t
            if verb.dep_ in self._subordinate or any(
                c.pos_ == "SCONJ" or c.morph.get("PronType") == ["Rel"] for c in verb.children if c.i < verb.i
            ):
                continue
            return True
        return False

    def _incise_outside_quotes(self, cue: Cue) -> bool:
        unit = self.view.units[self.view.unit_of[cue.verb.i]]
        span = self.postverbal_subject(cue.group_end, unit.end)
        return span is not None and span[1] < unit.end and self.doc[span[1]].text == ","

    # -- reading --------------------------------------------------------------------------------

    def read(self, cue: Cue) -> list[Draft]:
        view = self.view
        unit_i = view.unit_of[cue.verb.i]
        unit = view.units[unit_i]
        if view.inside_quote(cue.verb.i) is not None:
            return self._incise(cue, unit_i)
        if self._after_relative_que(cue):
            return []  # "c'est ce que redoutent les habitants": what is said is elsewhere
        if Frame.INVERTED in cue.info.frames and self.inverted_position(cue):
            source = self.inverted_source(cue, unit)
            if source is not None:
                drafts = self._inverted(cue, unit_i, source)
                if drafts:
                    return drafts
        source = self.verb_source(cue)
        if source is None:
            return []
        return self._complement(cue, unit_i, source)

    def _after_relative_que(self, cue: Cue) -> bool:
        prev = self._prev_token(cue.group_start)
        fn = self.lx.fn
        if prev is None or prev.lower_ not in fn.complementizers:
            return False
        return prev.morph.get("PronType") == ["Rel"] or (
            prev.i > 0 and self.doc[prev.i - 1].lower_ in fn.complementizer_pronoun
        )

    def _cue_span(self, cue: Cue) -> tuple[int, int]:
        doc = self.doc
        return doc[cue.group_start].idx, doc[cue.group_end - 1].idx + len(doc[cue.group_end - 1].text)

    def _confidence(self, cue: Cue, base: float) -> float:
        if cue.info.optional:
            base *= 0.7
        if cue.info.weak:
            base *= 0.9
        return base

    # -- inverted cues: content before ------------------------------------------------------------

    def inverted_source(self, cue: Cue, unit: Unit) -> SourceRef | None:
        doc, pron = self.doc, self.lx.pron
        for k in range(cue.group_start, cue.group_end):
            low = doc[k].lower_
            if low in pron.inversion:
                return None if low.endswith(pron.impersonal_inversion_ends) else SourceRef(pronoun=k)
            if low.startswith("-") and low.lstrip("-t") in pron.subject:
                return SourceRef(pronoun=k)
        span = self.postverbal_subject(cue.group_end, unit.end)
        if span is None:
            return None
        # "a visité l'usine, a annoncé la fermeture": a second verb of the same subject, whose object
        # is no source; otherwise the phrase after an inverted cue can only be who spoke.
        coordinated = Frame.OBJECT in cue.info.frames and self._shares_a_speaking_subject(cue.verb)
        return SourceRef(span=span, strict=cue.info.weak, after_words=True, slot="" if coordinated else "inverted")

    def _shares_a_speaking_subject(self, verb: Token) -> bool:
        """A verb coordinated with an earlier one whose subject could speak: "Le ministre a visité
        l'usine, a annoncé la fermeture" (not "Les routes resteront fermées, a annoncé X")."""
        lx = self.lx
        if verb.dep_ not in lx.deps.conjunct or verb.head.i >= verb.i:
            return False
        subj = next((c for c in verb.head.children if c.dep_ in lx.deps.cue_subject), None)
        if subj is None:
            return False
        if subj.pos_ == "PRON":
            return subj.lower_ in lx.pron.subject
        return subj.pos_ == "PROPN" or noun_class(subj, lx) in ("person", "organisation", "group")

    def postverbal_subject(self, j: int, limit: int) -> tuple[int, int] | None:
        """The subject after an inverted cue, past adverbs, dates and prepositional phrases."""
        doc, lx = self.doc, self.lx
        time_words = lx.nouns.time
        seen = 0
        while j < limit and seen < 14:
            tok = doc[j]
            low = tok.lower_
            seen += 1
            if tok.is_space or tok.pos_ == "ADV" or low in time_words or tok.pos_ == "NUM":
                j += 1
            elif low in lx.genitive and j + 1 < limit and doc[j + 1].pos_ in ("ADJ", "NOUN", "PROPN", "DET"):
                end = extend_np(self.view, j + 1, limit)  # a partitive article: "de hauts responsables"
                return (j, with_apposition(self.view, j, end, limit)) if end > j + 1 else None
            elif tok.pos_ == "ADP" or low in lx.fn.dative_articles:
                j = self._skip_pp(j + 1, limit)
            elif tok.text == "," and j + 1 < limit and (doc[j + 1].lower_ in time_words or doc[j + 1].pos_ == "ADP"):
                j += 1
            elif tok.pos_ in NP_POS:
                end = extend_np(self.view, j, limit)
                if end <= j:
                    return None
                # A date in front ("mercredi 7 novembre") is not the subject.
                if all(doc[k].lower_ in time_words or doc[k].pos_ in ("NUM", "DET") for k in range(j, end)):
                    j = end
                    continue
                return j, with_apposition(self.view, j, end, limit)
            else:
                return None
        return None

    def _skip_pp(self, j: int, limit: int) -> int:
        """Past the object of a preposition; a person's name after it starts the subject."""
        doc, lx = self.doc, self.lx
        joins = lx.genitive | lx.fn.title_prepositions
        seen_noun = False
        while j < limit:
            tok = doc[j]
            if seen_noun and tok.ent_iob_ == "B" and tok.ent_type_ == "PER":
                return j
            if seen_noun and tok.pos_ == "DET" and doc[j - 1].lower_ not in joins:
                return j  # "sur France 2 l'ancien Premier ministre": a new phrase starts
            if (
                tok.pos_ in ("DET", "ADJ", "NUM")
                or tok.lower_ in lx.genitive
                and j + 1 < limit
                and doc[j + 1].pos_ in NP_POS
            ):
                j += 1
            elif tok.pos_ in ("NOUN", "PROPN", "X"):
                seen_noun = True
                j += 1
            else:
                break
        return j

    def _inverted(self, cue: Cue, unit_i: int, source: SourceRef) -> list[Draft]:
        view, doc = self.view, self.doc
        unit = view.units[unit_i]
        end_tok = self._stop_of(cue)
        if end_tok <= unit.start:
            return []
        before = doc[end_tok - 1]
        q = view.quote_closing_at(before.i)
        clause_start = self.clause_start(unit, end_tok)
        # A quotation that opened in an earlier paragraph, or that opens the clause, is what was said.
        if q is not None and (q.open < doc[clause_start].idx or self._only_lead_in(clause_start, q.open)):
            content = (q.start, q.end)
        else:
            if clause_start >= end_tok:
                return []
            content = (doc[clause_start].idx, before.idx + len(before.text))
        if len(view.text[content[0] : content[1]].split()) < 2 and q is None:
            return []
        if q is None:
            content = self._continued(content, cue, source, unit)
        conf = self._confidence(cue, 0.85 if source.span else 0.75)
        return [Draft(content, self._cue_span(cue), source, unit_i, conf, "inverted")]

    def _continued(self, content: tuple[int, int], cue: Cue, source: SourceRef, unit: Unit) -> tuple[int, int]:
        """ "Par ailleurs, poursuit X, une langue n'a pas d'avenir": the sentence goes on after the
        cue set in it; the reported words are then the whole sentence."""
        doc, view = self.doc, self.view
        after = source.span[1] if source.span else cue.group_end
        if after >= unit.end or doc[after].text != ",":
            return content
        rest = after + 1
        if rest < unit.end and (
            doc[rest].morph.get("PronType") == ["Rel"] or doc[rest].lower_ in self.lx.pron.relative
        ):
            return content  # "..., a indiqué le maire, Jorge X, qui a lancé un appel": about the source
        q = view.quote_opening_at(rest) if rest < unit.end else None
        if q is not None:
            # "bien que, comme le rappelle HRW, « ... »": the quotation is what is reported.
            return (q.start, q.end) if self.prev_is_comme(cue) else content
        end = self.content_end(rest, unit)
        if end <= rest:
            return content
        if source.span and not any(doc[k].morph.get("VerbForm") == ["Fin"] for k in range(rest, end)):
            return content  # an apposition to the source, not the rest of the sentence
        return content[0], doc[end - 1].idx + len(doc[end - 1].text)

    def prev_is_comme(self, cue: Cue) -> bool:
        prev = self._prev_token(cue.group_start)
        return prev is not None and prev.lower_ in self.lx.fn.as_words

    def clause_start(self, unit: Unit, end_tok: int) -> int:
        """Where the words an inverted cue reports begin: the unit start, or after a colon or a
        semicolon ("France : ..."), leading dashes and conjunctions skipped."""
        doc, view = self.doc, self.view
        start = unit.start
        for k in range(unit.start, end_tok):
            if doc[k].text in (";", ":") and view.quote_of[k] < 0 and k + 1 < end_tok:
                start = k + 1
        while start < end_tok and (doc[start].is_space or doc[start].text in DASHES or doc[start].pos_ == "PUNCT"):
            if view.quote_opening_at(start) is not None:
                break
            start += 1
        return start

    def _only_lead_in(self, start_tok: int, quote_open: int) -> bool:
        """Nothing but punctuation and a conjunction between the clause start and the quotation."""
        doc = self.doc
        for k in range(start_tok, len(doc)):
            if doc[k].idx >= quote_open:
                return True
            if not (doc[k].is_space or doc[k].pos_ in ("PUNCT", "CCONJ")):
                return False
        return True

    # -- incises inside a quotation ---------------------------------------------------------------

    def _incise(self, cue: Cue, unit_i: int) -> list[Draft]:
        """« A, a-t-il dit, B » -> A said with this cue, B continuing the same source."""
        view, doc = self.view, self.doc
        q = view.inside_quote(cue.verb.i)
        if q is None:
            return []
        source = self.inverted_source(cue, view.units[unit_i])
        if source is None:
            return []
        comma = self._stop_of(cue)
        a_end = doc[comma - 1].idx + len(doc[comma - 1].text) if comma > 0 else q.start
        after = cue.group_end
        if source.span:
            after = source.span[1]
        # The cue's sentence may go on ("a-t-il déclaré jeudi à la radio. B"): B starts after it.
        stop = next(
            (j for j in range(after, min(len(doc), after + 16)) if doc[j].idx >= q.end or doc[j].text in INCISE_ENDS),
            None,
        )
        if stop is not None and doc[stop].idx < q.end:
            after = stop
        while after < len(doc) and doc[after].text in INCISE_ENDS and doc[after].idx < q.end:
            after += 1
        cue_span = self._cue_span(cue)
        out = []
        if len(view.text[q.start : a_end].split()) < 3:
            # « Moi, dit-il, j'ai l'impression ... »: one statement, the cue set in it.
            return [Draft((q.start, q.end), cue_span, source, unit_i, self._confidence(cue, 0.8), "incise")]
        if a_end > q.start:
            first = Draft((q.start, a_end), cue_span, source, unit_i, self._confidence(cue, 0.8), "incise")
            out.append(first)
            if after < len(doc) and doc[after].idx < q.end:
                rest = (doc[after].idx, q.end)
                out.append(Draft(rest, None, SourceRef(like=first), unit_i, 0.7, "incise-rest"))
        return out

    # -- complements after the verb ---------------------------------------------------------------

    def _complement(self, cue: Cue, unit_i: int, source: SourceRef) -> list[Draft]:
        view, doc = self.view, self.doc
        unit = view.units[unit_i]
        fn = self.lx.fn
        frames = cue.info.frames
        k = self._complement_start(cue, unit.end)
        if k >= unit.end:
            return []
        tok = doc[k]
        low = tok.lower_
        cue_span = self._cue_span(cue)
        conf = self._confidence(cue, 0.9 if source.span else 0.8)
        # A cue inside a relative or participial clause reports no further than that clause, and none
        # reports past a second cue of the same subject: "a dénoncé X et a affirmé que Y".
        deps = self.lx.deps
        bound = cue.verb.right_edge.i + 1 if cue.verb.dep_ in deps.relative_clause | deps.adjectival_clause else None
        second = self._coordinated_cue(cue, unit)
        if second is not None:
            bound = second if bound is None else min(bound, second)
        # « à ce que »: s'attendre à ce qu'ils entrent en combat
        if (
            low in fn.complementizer_lead
            and k + 2 < unit.end
            and doc[k + 1].lower_ in fn.complementizer_pronoun
            and doc[k + 2].lower_ in fn.complementizers
        ):
            k, low = k + 2, doc[k + 2].lower_
        after_pronoun = doc[k - 1].lower_ in fn.complementizer_pronoun
        if low in fn.complementizers and (
            Frame.CLAUSE in frames or Frame.MARKED_INFINITIVE in frames and after_pronoun
        ):
            return self._clause_drafts(k + 1, unit_i, cue_span, source, conf, "que", bound)
        quote_at = self._quote_after(k, unit.end)
        if quote_at is not None and self._fragment_in_clause(k, quote_at, unit):
            # "a jugé « inacceptable » la décision": a quoted word inside what the cue governs.
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "fragment", bound)
        if quote_at is not None and (Frame.QUOTE in frames or Frame.INFINITIVE in frames):
            return self.quote_drafts(quote_at, unit_i, cue_span, source, conf)
        if Frame.INFINITIVE in frames and self._infinitive_at(k):
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "inf", bound)
        if Frame.MARKED_INFINITIVE in frames:
            inf = self._de_infinitive(k, unit.end)
            if inf is not None:
                return self._clause_drafts(inf, unit_i, cue_span, source, conf, "deinf", bound)
        if Frame.OBJECT in frames and self._np_object_at(cue, k):
            ends = [e for e in (bound, self._object_end(k, unit)) if e is not None]
            drafts = self._clause_drafts(k, unit_i, cue_span, source, conf * 0.85, "np", min(ends, default=None))
            return [d for d in drafts if len(view.text[d.content[0] : d.content[1]].split()) >= 3]
        if Frame.CLAUSE in frames and self._quoted_attribute(k, unit):
            # "a jugé ce budget « insincère »": what the object is said to be, in the speaker's words.
            return self._clause_drafts(k, unit_i, cue_span, source, conf * 0.85, "np-quote", bound)
        return []

    def _quoted_attribute(self, k: int, unit: Unit) -> bool:
        """A noun phrase followed by a short quotation in lower case that qualifies it (not a name
        or a title: "l'opération « Sentinelle »")."""
        doc, view = self.doc, self.view
        if doc[k].pos_ not in ("DET", "NOUN"):
            return False
        fn = self.lx.fn
        j = extend_np(view, k, unit.end)
        if j <= k or doc[j - 1].lower_ in fn.title_cues:
            return False
        while j < unit.end and doc[j].lower_ in fn.attribute_glue:
            j += 1
        q = view.quote_opening_at(j) if j < unit.end else None
        if q is None or not q.closed:
            return False
        inner = q.inner(view.text)
        return inner[:1].islower() and len(inner.split()) <= 8

    def _coordinated_cue(self, cue: Cue, unit: Unit) -> int | None:
        """Where a second cue verb of the same subject begins, with "et", "puis" or a comma before its
        verb group: "a dénoncé une enquête « à charge » et a affirmé que ...". The parser's link
        says so, or the same auxiliary with no subject of its own ("a ... et a ...")."""
        doc, view = self.doc, self.view
        aux = next((doc[k].lower_ for k in range(cue.group_start, cue.verb.i) if doc[k].pos_ == "AUX"), None)
        lo = bisect.bisect_right(self._cue_verbs, cue.verb.i)
        for other in self.cues[lo:]:
            verb = other.verb
            if verb.i >= unit.end:
                break
            prev = self._prev_token(other.group_start)
            if prev is None or prev.lower_ not in self.lx.fn.coordinators or view.inside_quote(verb.i) is not None:
                continue
            linked = verb.dep_ in self.lx.deps.conjunct and verb.head.i == cue.verb.i
            own_subject = any(c.dep_ in self.lx.deps.cue_subject for c in verb.children)
            same_aux = aux is not None and doc[other.group_start].lower_ == aux
            if linked or (same_aux and not own_subject):
                return prev.i
        return None

    def _object_end(self, k: int, unit: Unit) -> int | None:
        """Where an object that is the claim ends: its noun phrase, unless a clause or an attribute
        follows it ("le fait que ...", "qualifié X comme un signe que ...")."""
        doc, fn = self.doc, self.lx.fn
        if doc[k].pos_ not in ("DET", "NOUN", "PROPN", "ADJ"):
            return None
        end = extend_np(self.view, k, unit.end)
        nxt = end
        while nxt < unit.end and (doc[nxt].pos_ == "DET" or doc[nxt].lower_ in fn.attribute_glue):
            nxt += 1
        if end <= k or (nxt < unit.end and self.view.quote_opening_at(nxt) is not None):
            return None  # "un « nouveau départ »", "qualifié ce texte d'« inapplicable »": quoted too
        if end < unit.end and (doc[end].lower_ in fn.object_continuations or doc[end].pos_ == "ADJ"):
            return None
        return end

    def _complement_start(self, cue: Cue, limit: int) -> int:
        """First token of what the verb governs, past adverbs, dates, incises and "au Sénat"."""
        doc, fn = self.doc, self.lx.fn
        j = cue.group_end
        seen = 0
        while j < limit and seen < 16:
            tok = doc[j]
            low = tok.lower_
            seen += 1
            if low in fn.compound_prepositions and j + 1 < limit and doc[j + 1].lower_ in self.lx.genitive:
                j = self._skip_pp(j + 2, limit)  # "lors de la conférence", "auprès du ministre"
            elif self._skippable(j, limit):
                j += 1
            elif low in fn.dative and j + 1 < limit and self._plain_pp(j + 1, limit, cue):
                j = self._skip_pp(j + 1, limit)
            elif tok.pos_ == "ADP" and low not in fn.complement_prepositions:
                if low in fn.stop_prepositions:
                    return j
                j = self._skip_pp(j + 1, limit)
            else:
                return j
        return j

    def _skippable(self, j: int, limit: int) -> bool:
        """Spaces, commas, adverbs, dates and object clitics between a verb and what it governs."""
        doc, lx = self.doc, self.lx
        time_words = lx.nouns.time
        tok = doc[j]
        low = tok.lower_
        if low in lx.det.demonstrative:
            return j + 1 < limit and doc[j + 1].lower_ in time_words  # "ce matin", not "ce budget"
        if tok.is_space or tok.text == "," or (low in time_words and tok.pos_ != "VERB"):
            return True
        if tok.pos_ == "ADV" and low not in lx.fn.unskipped_adverbs and low not in lx.fn.complementizers:
            return True  # "qu'" of "qu'une" may be tagged an adverb
        if tok.pos_ == "NUM" and j + 1 < limit and doc[j + 1].lower_ in time_words:
            return True
        return tok.pos_ == "PRON" and low in lx.pron.object and tok.dep_ in lx.deps.indirect_object

    def _plain_pp(self, j: int, limit: int, cue: Cue) -> bool:
        """ "au Sénat", "à la presse" (skipped) versus "à libérer" or "à 75 000" (the content)."""
        doc = self.doc
        tok = doc[j]
        if tok.morph.get("VerbForm") == ["Inf"] or tok.lower_ in self.lx.fn.complementizer_pronoun:
            return False
        return not (tok.pos_ == "NUM" or tok.like_num) or not self._estimate(cue)

    def _estimate(self, cue: Cue) -> bool:
        """ "estime à 10 000": a verb whose complement may be a bare number."""
        cues = self.lx.data.cues
        return cue.verb.lemma_ in cues.estimate_lemmas or cue.verb.lower_[:5] in cues.estimate_prefixes

    def _fragment_in_clause(self, k: int, quote_at: int, unit: Unit) -> bool:
        """A short quotation right after the verb (no colon) with the clause going on after it."""
        view, doc = self.view, self.doc
        q = view.quote_opening_at(quote_at)
        if q is None or k != quote_at or len(view.text[q.start : q.end].split()) > 3:
            return False
        after = view.first_token_from(q.close)
        return after < unit.end and doc[after].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "ADP")

    def _quote_after(self, k: int, limit: int) -> int | None:
        doc, view = self.doc, self.view
        if doc[k].text == ":" and k + 1 < limit:
            k += 1
            while k < limit and doc[k].is_space:
                k += 1
        return k if k < limit and view.quote_opening_at(k) is not None else None

    def _infinitive_at(self, k: int) -> bool:
        doc, fn = self.doc, self.lx.fn
        tok = doc[k]
        if tok.lower_ in fn.negation and k + 1 < len(doc):
            tok = doc[k + 2] if doc[k + 1].lower_ in fn.negation_after and k + 2 < len(doc) else doc[k + 1]
        infinitive = tok.morph.get("VerbForm") == ["Inf"] and tok.lower_ not in fn.copula_infinitives
        return infinitive or tok.lower_ in fn.infinitive_auxiliaries

    def _de_infinitive(self, k: int, limit: int) -> int | None:
        """ "de fournir", "à libérer", or an object first: "accusé Rajoy de purger"."""
        doc, markers = self.doc, self.lx.fn.infinitive_markers
        for j in range(k, min(limit - 1, k + 10)):
            tok = doc[j]
            if tok.text in (",", ";", ":") or tok.pos_ == "VERB" and j > k and tok.morph.get("VerbForm") != ["Inf"]:
                return None
            if tok.lower_ in markers and self._infinitive_at(j + 1):
                return j + 1
            if tok.lower_ in markers and self.view.quote_opening_at(j + 1) and self._infinitive_at(j + 2):
                return j + 1  # "recommande de « poursuivre les efforts »"
        return None

    def _np_object_at(self, cue: Cue, k: int) -> bool:
        tok = self.doc[k]
        if tok.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ") or self.view.quote_opening_at(k) is not None:
            return True
        number_lead = self.lx.data.cues.estimate_leads
        return self._estimate(cue) and tok.lower_ in number_lead and k + 1 < len(self.doc) and self.doc[k + 1].like_num

    def _clause_drafts(
        self, k: int, unit_i: int, cue_span, source: SourceRef, conf: float, rule: str, limit: int | None = None
    ) -> list[Draft]:
        view, doc = self.view, self.doc
        unit = view.units[unit_i]
        while k < unit.end and (doc[k].is_space or doc[k].text in (",", ":", "'", "’")):
            k += 1
        end = self.content_end(k, unit)
        circumstance = self._circumstance(k, end, rule != "que")
        if circumstance is not None:
            limit = circumstance if limit is None else min(limit, circumstance)
        if limit is not None and limit > k:
            end = min(end, limit)
            while end > k and doc[end - 1].text in (",", ";", ":"):
                end -= 1
        if end <= k:
            return []
        a, b = doc[k].idx, doc[end - 1].idx + len(doc[end - 1].text)
        # A quotation opened in the content closes in it too, even past a clause bound.
        for q in view.quotes_touching(a, b):
            if a <= q.open < b < q.close <= unit.end_char:
                b = q.close
        # "que « ... »": the whole clause is quoted, so the statement is direct.
        q = view.quote_opening_at(k)
        if q is not None and q.close >= b - 1 and q.close <= b + 1:
            a, b = q.start, q.end
        return [Draft((a, b), cue_span, source, unit_i, conf, rule)]

    def _circumstance(self, k: int, end: int, phrase: bool) -> int | None:
        """Where words about the act of saying begin after what was said: ", puis à nouveau par
        courrier" (a second time it was said); after an infinitive or an object (``phrase``), also
        "lors d'une réunion", "au cours de", "à l'issue de" (when it was said)."""
        doc, view, lx = self.doc, self.view, self.lx
        for j in range(k + 1, end):
            if view.inside_quote(j) is not None:
                continue
            low = doc[j].lower_
            nxt = doc[j + 1] if j + 1 < end else None
            if low == "," and nxt is not None and nxt.lower_ in lx.fn.then_words and j + 2 < end:
                after = doc[j + 2]
                if after.pos_ in ("ADP", "ADV") and after.lower_ not in lx.fn.de:
                    return j
            if not phrase or nxt is None:
                continue
            if phrase_at(doc, j, lx.circumstance_openers, end):
                return j
        return None

    def quote_drafts(self, k: int, unit_i: int, cue_span, source: SourceRef, conf: float) -> list[Draft]:
        """One statement per quotation the cue introduces: « A », et à « B »."""
        view, doc = self.view, self.doc
        out: list[Draft] = []
        while True:
            q = view.quote_opening_at(k)
            if q is None:
                break
            ref = source if not out else SourceRef(like=out[0])
            out.append(Draft((q.start, q.end), cue_span, ref, unit_i, conf, "quote"))
            j = view.first_token_from(q.close)
            glue = 0
            while j < len(doc) and (doc[j].is_space or doc[j].lower_ in self.lx.fn.quote_glue) and glue < 4:
                j += 1
                glue += 1
            if j >= len(doc) or view.quote_opening_at(j) is None or glue == 0:
                break
            k = j
        return out

    def content_end(self, k: int, unit: Unit) -> int:
        """End (exclusive) of reported words starting at k: the unit's end, or before a semicolon, a
        colon opening a quotation, a participle or an inverted cue that begins a new attribution."""
        view, doc = self.view, self.doc
        j = k
        while j < unit.end:
            tok = doc[j]
            if view.inside_quote(j) is not None:
                j += 1
                continue
            text = tok.text
            if j > k and (j in self.stops or text == ";"):
                break
            if text == ":" and j + 1 < unit.end and self._quote_after(j, unit.end) is not None:
                break
            if j > k and self._new_attribution(j):
                break
            j += 1
        while j > k and (doc[j - 1].is_space or doc[j - 1].text in (",", ".", ";", ":", "-", "—", "–")):
            j -= 1
        # "(... manquant « de courage politique »)": a bracket closing outside the content.
        if j > k and doc[j - 1].text == ")" and not any(doc[x].text == "(" for x in range(k, j)):
            j -= 1
        # A closing mark whose quotation opened before the content is not part of it.
        while j > k and doc[j - 1].text in view.closing_marks and view.quote_closing_at(j - 1) is not None:
            q = view.quote_closing_at(j - 1)
            if q is not None and q.open >= doc[k].idx:
                break
            j -= 1
        return j

    def _new_attribution(self, j: int) -> bool:
        doc, lx = self.doc, self.lx
        tok = doc[j]
        if _present_participle(tok) and lx.cue_for(tok.text, tok.lemma_) is not None:
            return True
        if tok.text == "," and j + 1 < len(doc):
            nxt = doc[j + 1]
            if phrase_at(doc, j + 1, lx.contrast_openers):
                return True
            if _present_participle(nxt) and lx.cue_for(nxt.text, nxt.lemma_):
                return True
        return (
            tok.lower_ in lx.fn.gerund_markers
            and j + 1 < len(doc)
            and lx.cue_for(doc[j + 1].text, doc[j + 1].lemma_) is not None
            and _present_participle(doc[j + 1])
        )

    # -- the source of a cue with its complement after it ------------------------------------------

    def verb_source(self, cue: Cue) -> SourceRef | None:
        verb: Token | None = cue.verb
        if cue.info.light:
            light = self.doc[cue.group_start] if cue.group_start < cue.verb.i else None
            # "fait savoir": the subject hangs on "fait", when the tagger saw it as a verb.
            verb = light if light is not None and light.pos_ in ("VERB", "AUX") else None
        source = self._source_of_verb(verb, cue, 0) if verb is not None else None
        if source is None and (
            verb is None or verb.morph.get("VerbForm") != ["Part"] or _has_auxiliary(self.view, verb)
        ):
            span = self._surface_subject(cue.group_start)
            source = SourceRef(span=span, strict=cue.info.weak) if span else None
        return source

    def _source_of_verb(self, verb: Token, cue: Cue, depth: int) -> SourceRef | None:
        if depth > 3:
            return None
        doc, lx = self.doc, self.lx
        deps = lx.deps
        passive = verb.morph.get("Voice") == ["Pass"] or any(c.dep_ in deps.passive_auxiliary for c in verb.children)
        if passive:
            agent = self._agent(verb)
            return SourceRef(span=agent, strict=cue.info.weak) if agent else None
        subj = next(
            (
                c
                for c in verb.children
                if c.dep_ in deps.cue_subject and c.i < verb.i and not self.view.inside_quote(c.i)
            ),
            None,
        )
        if subj is None:
            subj = next((c for c in verb.children if c.dep_ in deps.subject and c.i > verb.i), None)
        if subj is not None and _governed_by_preposition(self.view, subj):
            return None  # "Sur Twitter, X a dénoncé": the parser's subject is an adverbial
        if subj is not None:
            return self._subject_source(subj, verb, cue)
        form = verb.morph.get("VerbForm")
        if verb.dep_ in deps.conjunct and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
            return self._source_of_verb(verb.head, cue, depth + 1)
        if _present_participle(verb):
            return self._participle_source(verb, cue)
        if form == ["Inf"] and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if head.lemma_ in lx.fn.passive_light_verbs and any(
                c.lower_ in lx.pron.reflexive_third for c in head.children
            ):
                return None  # "se verra demander de": asked, not asking
            return self._source_of_verb(verb.head, cue, depth + 1)
        if verb.pos_ != "VERB" and verb.i > 0 and doc[verb.i - 1].lower_ in lx.pron.subject:
            return SourceRef(pronoun=verb.i - 1)
        return None

    def _surface_subject(self, group_start: int) -> tuple[int, int] | None:
        """The noun phrase right before the verb group when the parser found no subject
        ("Austin et Blinken ont tous deux qualifié")."""
        doc = self.doc
        unit = self.view.units[self.view.unit_of[group_start]]
        floating = self.lx.fn.floating_quantifiers
        k = group_start - 1
        while k >= unit.start and (doc[k].pos_ in ("ADV", "NUM") or doc[k].lower_ in floating):
            k -= 1
        if k >= unit.start and doc[k].text == ")":
            # "Philippe Gosselin (UMP) a dénoncé": past the bracket.
            k = next((c for c in range(k - 1, max(unit.start, k - 6) - 1, -1) if doc[c].text == "("), k + 1) - 1
        if k >= unit.start and doc[k].text == ",":
            # "B. Obama, même en pleine course, fait savoir": the subject is before the incise.
            k = next((c for c in range(k - 1, max(unit.start, k - 25) - 1, -1) if doc[c].text == ","), unit.start) - 1
        if k < unit.start or doc[k].pos_ not in ("NOUN", "PROPN", "X"):
            return None
        start = extend_np_left(self.view, k + 1, unit.start)
        return (start, k + 1) if start <= k else None

    def _agent(self, verb: Token) -> tuple[int, int] | None:
        doc, lx = self.doc, self.lx
        start = next((c.left_edge.i for c in verb.children if c.dep_ in lx.deps.agent), None)
        if start is None:
            # The parser may miss the agent: "accusée par la Corée du Sud".
            near = range(verb.i + 1, min(len(doc), verb.i + 5))
            start = next((k for k in near if doc[k].lower_ in lx.fn.agent_prepositions), None)
        if start is None:
            return None
        while start < len(doc) and doc[start].pos_ == "ADP":
            start += 1
        end = extend_np(self.view, start, len(doc))
        return (start, end) if end > start else None

    def _subject_source(self, subj: Token, verb: Token, cue: Cue) -> SourceRef | None:
        pron = self.lx.pron
        low = subj.lower_.lstrip("-")
        if subj.pos_ == "PRON":
            if low in pron.subject:
                return SourceRef(pronoun=subj.i)
            relative = verb.dep_ in self.lx.deps.relative_clause and verb.head.pos_ in ("NOUN", "PROPN")
            if low in pron.relative_subject and relative:
                return SourceRef(span=self._noun_span(verb.head, subj.i), strict=cue.info.weak)
            if low.split("-")[0] in pron.demonstrative:
                return SourceRef(pronoun=subj.i)  # "celle-ci", also when split as "Celle - ci"
            return None
        if low in pron.not_sources:
            return None
        if subj.lower_ in pron.latter:
            return SourceRef(pronoun=subj.i)  # "ce dernier"
        return SourceRef(span=self._noun_span(subj, self._group_start(verb)), strict=cue.info.weak)

    def _group_start(self, verb: Token) -> int:
        return verb_group(self.view, verb)[0]

    def _noun_span(self, head: Token, limit: int) -> tuple[int, int]:
        ent = entity_span(head)
        a, b = subject_np(self.view, head, limit)
        if ent is not None:
            a, b = min(a, ent[0]), max(b, min(ent[1], limit))
        # "La présidente, Florence Vienne, a déclaré": the parser may leave the name out.
        return a, with_apposition(self.view, a, b, limit)

    def _participle_source(self, verb: Token, cue: Cue) -> SourceRef | None:
        """ "affirmant que", "en ajoutant": the noun it qualifies, else who spoke last in the
        sentence, else the subject of the sentence's main verb."""
        head = verb.head
        if verb.dep_ in self.lx.deps.adjectival_clause and head.pos_ in ("NOUN", "PROPN"):
            cls = noun_class(head, self.lx) if head.pos_ == "NOUN" else "named"
            if cls in ("person", "organisation", "group", "named"):
                return SourceRef(span=self._noun_span(head, verb.i))
        unit = self.view.units[self.view.unit_of[verb.i]]
        earlier = self.drafts_between(unit.start, verb.i)
        if earlier:
            return SourceRef(like=earlier[-1])
        tok = verb
        for _ in range(6):
            subj = next((c for c in tok.children if c.dep_ in self.lx.deps.subject and c.i < tok.i), None)
            if subj is not None and subj.i >= unit.start:
                return self._subject_source(subj, tok, cue)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return None
