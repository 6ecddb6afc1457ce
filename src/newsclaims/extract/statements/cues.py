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
from newsclaims.extract.statements.layout import CLOSING_MARKS, DASHES, Unit, View
from newsclaims.extract.statements.lexicon import (
    DEINF,
    FAIRE_CUES,
    FAIRE_FORMS,
    INF,
    INV,
    NP,
    QUE,
    QUOTE,
    TIME_WORDS,
    TITLE_CUES,
    CueVerb,
    cue_for,
)
from newsclaims.extract.statements.phrases import (
    NP_POS,
    entity_span,
    extend_np,
    extend_np_left,
    noun_class,
    subject_np,
    with_apposition,
)

INVERSION_CLITICS = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"})
SUBJECT_CLITICS = frozenset({"il", "elle", "ils", "elles"})
QUE_WORDS = frozenset({"que", "qu'", "qu’", "qu"})  # "qu" when the tokenizer splits "qu'«"
DE_WORDS = frozenset({"de", "d'", "d’"})
REFLEXIVE_CLITICS = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})
OBJECT_CLITICS = frozenset({"lui", "leur", "me", "m'", "m’", "nous", "vous", "le", "la", "l'", "l’", "les", "en", "y"})
# Words that may sit between two quotations a cue introduces: « A », et à « B ».
QUOTE_GLUE = frozenset({",", "et", "à", "de", "d'", "d’", "puis", "que", "qu'", "qu’", "ainsi", "mais"})
# "Il précise que": the parser often takes a cue's "il" for an impersonal subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
# "ont tous deux qualifié": quantifiers that float between the auxiliary and the verb.
FLOATING_QUANTIFIERS = frozenset({"tous", "toutes", "tout", "deux", "trois", "chacun", "chacune"})
# After an object that is the claim, these carry it on: "le fait que", "comme un signe", "afin que".
OBJECT_GOES_ON = QUE_WORDS | {"comme", "de", "d'", "d’", "afin", "pour"}
# Between an object and the quoted words said of it: "qualifié ce texte d'« inapplicable »" (the
# tokenizer may split "d'«" into "d", "'", "«").
ATTRIBUTE_GLUE = frozenset({"de", "d", "d'", "d’", "'", "’", "comme"})
INCISE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "…"})
COMPOUND_PREPOSITIONS = frozenset({"lors", "auprès", "près", "autour", "loin", "face", "avant", "après"})
ESTIMATE_LEMMAS = frozenset({"estimer", "évaluer", "chiffrer"})
NOT_SOURCES = frozenset(
    {"on", "cela", "ça", "ce", "c'", "c’", "ceci", "tout", "rien", "chacun", "personne", "je", "j'"}
)


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
        if _hypothetical(tok):
            continue  # "s'il souhaite ...": a condition, not something said
        out.append(Cue(tok, info, start, end))
    return out


def _governed_by_preposition(tok: Token) -> bool:
    """A noun with a preposition of its own ("sur Twitter") is no subject, whatever its label."""
    return tok.pos_ != "PRON" and any(
        c.dep_ == "case" and c.lower_ not in DE_WORDS | {"du", "des"} for c in tok.children
    )


def _hypothetical(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("si", "s'", "s’") for c in verb.children)


def _cue_info(view: View, tok: Token) -> CueVerb | None:
    doc = view.doc
    low = tok.lower_
    if low in FAIRE_CUES and tok.i > 0 and doc[tok.i - 1].lower_ in FAIRE_FORMS:
        return FAIRE_CUES[low]
    info = cue_for(tok.text)
    if info is None:
        return None
    if tok.pos_ not in ("VERB", "AUX") and not _verbal_context(view, tok):
        return None  # "la critique", "le juge", "une note"
    if info.lemma.startswith(("se ", "s'")) and not _reflexive(view, tok):
        return None  # "attendre" is not "s'attendre à"
    if info.lemma == "dire" and _idiomatic_dire(view, tok):
        return None  # "c'est-à-dire", "cela veut dire"
    form = tok.morph.get("VerbForm")
    past_participle = form == ["Part"] and tok.morph.get("Tense") == ["Past"]
    if past_participle and not _has_auxiliary(view, tok) and not _after_reported_words(view, tok):
        return None  # an adjective: "la fermeture annoncée"
    return info


def _reflexive(view: View, tok: Token) -> bool:
    """A reflexive pronoun before the verb (past auxiliaries and negation) or inverted after it."""
    doc = view.doc
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 4:
        low = doc[k].lower_
        if low in REFLEXIVE_CLITICS:
            return True
        if not (doc[k].pos_ in ("AUX", "ADV") or low in ("ne", "n'", "n’")):
            break
        k -= 1
    return False


def _idiomatic_dire(view: View, tok: Token) -> bool:
    doc = view.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in ("à", "-", "ainsi", "vrai", "autrement", "soit") or prev.text.endswith("-"):
        return True
    return prev.lemma_ in ("vouloir", "entendre") and tok.morph.get("VerbForm") == ["Inf"]


def _verbal_context(view: View, tok: Token) -> bool:
    doc = view.doc
    i = tok.i
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev is not None and (
        prev.pos_ == "AUX" or prev.lower_ in SUBJECT_CLITICS | {"ne", "n'", "n’", "se", "s'", "s’"}
    ):
        return True
    if nxt is not None and (nxt.lower_ in INVERSION_CLITICS or nxt.lower_ == "-t" or nxt.lower_ in QUE_WORDS):
        return True
    return bool(
        prev is not None
        and (prev.text == "," or prev.text in CLOSING_MARKS)
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
        and (prev.text == "," or prev.text in CLOSING_MARKS)
        and nxt is not None
        and (nxt.pos_ in ("DET", "PROPN", "ADV") or nxt.lower_ in INVERSION_CLITICS or nxt.lower_ == "-t")
    )


def _has_auxiliary(view: View, tok: Token) -> bool:
    if any(c.dep_.startswith("aux") for c in tok.children):
        return True
    doc = view.doc
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 4:
        t = doc[k]
        if t.pos_ == "AUX" or t.lemma_ in ("avoir", "être"):
            return True
        if not (t.pos_ in ("ADV", "PRON") or t.lower_ in ("-t",)):
            return False
        k -= 1
    return False


def verb_group(view: View, verb: Token) -> tuple[int, int]:
    """(first, last + 1) tokens of "a-t-il ajouté", "s'est réjoui", "ajoute-t-il", "fait savoir"."""
    doc = view.doc
    start = verb.i
    if verb.lower_ in FAIRE_CUES and start > 0 and doc[start - 1].lower_ in FAIRE_FORMS:
        start -= 1
    k = start - 1
    while k >= 0:
        t = doc[k]
        low = t.lower_
        aux = t.pos_ == "AUX" or t.lemma_ in ("avoir", "être") and t.pos_ != "NOUN"
        clitic = t.pos_ == "PRON" and (low in OBJECT_CLITICS or low in ("se", "s'", "s’") or low.startswith("-"))
        adverb = t.pos_ == "ADV" and low not in ("selon",) or low in FLOATING_QUANTIFIERS
        if not (aux or clitic or adverb or low in ("-t", "ne", "n'", "n’")):
            break
        k -= 1
    start = k + 1
    # Drop adverbs that open the group (they belong to what comes before).
    while start < verb.i and (doc[start].pos_ == "ADV" or doc[start].lower_ in FLOATING_QUANTIFIERS):
        if doc[start].lower_ in ("ne", "n'", "n’"):
            break
        start += 1
    end = verb.i + 1
    while end < len(doc) and (doc[end].lower_ in INVERSION_CLITICS or doc[end].lower_ == "-t"):
        end += 1
    return start, end


def _is_incise(view: View, start: int, end: int) -> bool:
    """ "« A, a-t-il dit, B »": a cue set inside the quotation between commas."""
    doc = view.doc
    if start == 0 or doc[start - 1].text != ",":
        return False
    if any(doc[k].lower_ in INVERSION_CLITICS for k in range(start, end)):
        return True
    j = end
    while j < len(doc) and (doc[j].pos_ in ("ADV",) or doc[j].lower_ in TIME_WORDS):
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
        self.doc = view.doc
        self.cues = cues
        self._cue_verbs = [c.verb.i for c in cues]
        self.stops = {self._stop_of(c) for c in cues if self.inverted_position(c)}
        self._verbs: list[int] = []  # cue verbs read so far, in text order
        self._firsts: list[Draft] = []  # the first draft of each of them

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
        if k >= 0 and doc[k].lower_ == "comme":
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
        if prev is None:
            return False
        if prev.text == ",":
            before = self._prev_token(prev.i)
            ok = True if before is None else before.pos_ != "SCONJ"
        else:
            # "..., comme l'a indiqué X": "comme" with an inverted subject reports what came before.
            ok = prev.text in CLOSING_MARKS or prev.text in DASHES or prev.lower_ == "comme"
        if not ok:
            return False
        # A subject before the verb, not inside the quoted words (the parser sometimes takes them),
        # unless the cue is set between commas with its own subject after it:
        # "Le gouvernement, a précisé le porte-parole, ne reviendra pas".
        view = self.view
        if any(
            c.dep_ in ("nsubj", "nsubj:pass")
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
            if verb.dep_ in ("acl:relcl", "advcl", "ccomp") or any(
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
            if verb.dep_ in ("advcl", "acl:relcl", "acl", "ccomp", "csubj") or any(
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
        if INV in cue.info.frames and self.inverted_position(cue):
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
        if prev is None or prev.lower_ not in QUE_WORDS:
            return False
        return prev.morph.get("PronType") == ["Rel"] or (prev.i > 0 and self.doc[prev.i - 1].lower_ == "ce")

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
        doc = self.doc
        for k in range(cue.group_start, cue.group_end):
            low = doc[k].lower_
            if low in INVERSION_CLITICS:
                return None if low.endswith("on") else SourceRef(pronoun=k)
            if low.startswith("-") and low.lstrip("-t") in SUBJECT_CLITICS:
                return SourceRef(pronoun=k)
        span = self.postverbal_subject(cue.group_end, unit.end)
        if span is None:
            return None
        # "a visité l'usine, a annoncé la fermeture": a second verb of the same subject, whose object
        # is no source; otherwise the phrase after an inverted cue can only be who spoke.
        coordinated = NP in cue.info.frames and self._shares_a_speaking_subject(cue.verb)
        return SourceRef(span=span, strict=cue.info.weak, after_words=True, slot="" if coordinated else "inverted")

    def _shares_a_speaking_subject(self, verb: Token) -> bool:
        """A verb coordinated with an earlier one whose subject could speak: "Le ministre a visité
        l'usine, a annoncé la fermeture" (not "Les routes resteront fermées, a annoncé X")."""
        if verb.dep_ != "conj" or verb.head.i >= verb.i:
            return False
        subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            return False
        if subj.pos_ == "PRON":
            return subj.lower_ in SUBJECT_CLITICS
        return subj.pos_ == "PROPN" or noun_class(subj) in ("person", "organisation", "group")

    def postverbal_subject(self, j: int, limit: int) -> tuple[int, int] | None:
        """The subject after an inverted cue, past adverbs, dates and prepositional phrases."""
        doc = self.doc
        seen = 0
        while j < limit and seen < 14:
            tok = doc[j]
            low = tok.lower_
            seen += 1
            if tok.is_space or tok.pos_ == "ADV" or low in TIME_WORDS or tok.pos_ == "NUM":
                j += 1
            elif (
                low in DE_WORDS | {"des", "du"} and j + 1 < limit and doc[j + 1].pos_ in ("ADJ", "NOUN", "PROPN", "DET")
            ):
                end = extend_np(self.view, j + 1, limit)  # a partitive article: "de hauts responsables"
                return (j, with_apposition(self.view, j, end, limit)) if end > j + 1 else None
            elif tok.pos_ == "ADP" or low in ("au", "aux"):
                j = self._skip_pp(j + 1, limit)
            elif tok.text == "," and j + 1 < limit and (doc[j + 1].lower_ in TIME_WORDS or doc[j + 1].pos_ == "ADP"):
                j += 1
            elif tok.pos_ in NP_POS:
                end = extend_np(self.view, j, limit)
                if end <= j:
                    return None
                # A date in front ("mercredi 7 novembre") is not the subject.
                if all(doc[k].lower_ in TIME_WORDS or doc[k].pos_ in ("NUM", "DET") for k in range(j, end)):
                    j = end
                    continue
                return j, with_apposition(self.view, j, end, limit)
            else:
                return None
        return None

    def _skip_pp(self, j: int, limit: int) -> int:
        """Past the object of a preposition; a person's name after it starts the subject."""
        doc = self.doc
        seen_noun = False
        while j < limit:
            tok = doc[j]
            if seen_noun and tok.ent_iob_ == "B" and tok.ent_type_ == "PER":
                return j
            if seen_noun and tok.pos_ == "DET" and doc[j - 1].lower_ not in DE_WORDS | {"du", "des", "à"}:
                return j  # "sur France 2 l'ancien Premier ministre": a new phrase starts
            if (
                tok.pos_ in ("DET", "ADJ", "NUM")
                or tok.lower_ in ("de", "d'", "d’", "du", "des")
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
            doc[rest].morph.get("PronType") == ["Rel"] or doc[rest].lower_ in ("qui", "dont", "lequel", "laquelle")
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
        return prev is not None and prev.lower_ == "comme"

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
        bound = cue.verb.right_edge.i + 1 if cue.verb.dep_ in ("acl:relcl", "acl") else None
        second = self._coordinated_cue(cue, unit)
        if second is not None:
            bound = second if bound is None else min(bound, second)
        # « à ce que »: s'attendre à ce qu'ils entrent en combat
        if low in ("à", "de") and k + 2 < unit.end and doc[k + 1].lower_ == "ce" and doc[k + 2].lower_ in QUE_WORDS:
            k, low = k + 2, doc[k + 2].lower_
        if low in QUE_WORDS and (QUE in frames or DEINF in frames and doc[k - 1].lower_ == "ce"):
            return self._clause_drafts(k + 1, unit_i, cue_span, source, conf, "que", bound)
        quote_at = self._quote_after(k, unit.end)
        if quote_at is not None and self._fragment_in_clause(k, quote_at, unit):
            # "a jugé « inacceptable » la décision": a quoted word inside what the cue governs.
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "fragment", bound)
        if quote_at is not None and (QUOTE in frames or INF in frames):
            return self.quote_drafts(quote_at, unit_i, cue_span, source, conf)
        if INF in frames and self._infinitive_at(k):
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "inf", bound)
        if DEINF in frames:
            inf = self._de_infinitive(k, unit.end)
            if inf is not None:
                return self._clause_drafts(inf, unit_i, cue_span, source, conf, "deinf", bound)
        if NP in frames and self._np_object_at(cue, k):
            ends = [e for e in (bound, self._object_end(k, unit)) if e is not None]
            drafts = self._clause_drafts(k, unit_i, cue_span, source, conf * 0.85, "np", min(ends, default=None))
            return [d for d in drafts if len(view.text[d.content[0] : d.content[1]].split()) >= 3]
        if QUE in frames and self._quoted_attribute(k, unit):
            # "a jugé ce budget « insincère »": what the object is said to be, in the speaker's words.
            return self._clause_drafts(k, unit_i, cue_span, source, conf * 0.85, "np-quote", bound)
        return []

    def _quoted_attribute(self, k: int, unit: Unit) -> bool:
        """A noun phrase followed by a short quotation in lower case that qualifies it (not a name
        or a title: "l'opération « Sentinelle »")."""
        doc, view = self.doc, self.view
        if doc[k].pos_ not in ("DET", "NOUN"):
            return False
        j = extend_np(view, k, unit.end)
        if j <= k or doc[j - 1].lower_ in TITLE_CUES:
            return False
        while j < unit.end and doc[j].lower_ in ATTRIBUTE_GLUE:
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
            if prev is None or prev.lower_ not in ("et", "puis", ",") or view.inside_quote(verb.i) is not None:
                continue
            linked = verb.dep_ == "conj" and verb.head.i == cue.verb.i
            own_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            same_aux = aux is not None and doc[other.group_start].lower_ == aux
            if linked or (same_aux and not own_subject):
                return prev.i
        return None

    def _object_end(self, k: int, unit: Unit) -> int | None:
        """Where an object that is the claim ends: its noun phrase, unless a clause or an attribute
        follows it ("le fait que ...", "qualifié X comme un signe que ...")."""
        doc = self.doc
        if doc[k].pos_ not in ("DET", "NOUN", "PROPN", "ADJ"):
            return None
        end = extend_np(self.view, k, unit.end)
        nxt = end
        while nxt < unit.end and (doc[nxt].pos_ == "DET" or doc[nxt].lower_ in ATTRIBUTE_GLUE):
            nxt += 1
        if end <= k or (nxt < unit.end and self.view.quote_opening_at(nxt) is not None):
            return None  # "un « nouveau départ »", "qualifié ce texte d'« inapplicable »": quoted too
        if end < unit.end and (doc[end].lower_ in OBJECT_GOES_ON or doc[end].pos_ == "ADJ"):
            return None
        return end

    def _complement_start(self, cue: Cue, limit: int) -> int:
        """First token of what the verb governs, past adverbs, dates, incises and "au Sénat"."""
        doc = self.doc
        j = cue.group_end
        seen = 0
        while j < limit and seen < 16:
            tok = doc[j]
            low = tok.lower_
            seen += 1
            if low in COMPOUND_PREPOSITIONS and j + 1 < limit and doc[j + 1].lower_ in DE_WORDS | {"du", "des"}:
                j = self._skip_pp(j + 2, limit)  # "lors de la conférence", "auprès du ministre"
            elif self._skippable(j, limit):
                j += 1
            elif low in ("à", "au", "aux") and j + 1 < limit and self._plain_pp(j + 1, limit, cue):
                j = self._skip_pp(j + 1, limit)
            elif tok.pos_ == "ADP" and low not in ("à", "de", "d'", "d’", "du", "des", "au", "aux"):
                if low in ("selon", "comme"):
                    return j
                j = self._skip_pp(j + 1, limit)
            else:
                return j
        return j

    def _skippable(self, j: int, limit: int) -> bool:
        """Spaces, commas, adverbs, dates and object clitics between a verb and what it governs."""
        doc = self.doc
        tok = doc[j]
        low = tok.lower_
        if low in ("ce", "cet", "cette"):
            return j + 1 < limit and doc[j + 1].lower_ in TIME_WORDS  # "ce matin", not "ce budget"
        if tok.is_space or tok.text == "," or (low in TIME_WORDS and tok.pos_ != "VERB"):
            return True
        if tok.pos_ == "ADV" and low not in ("ne", "pas") and low not in QUE_WORDS:
            return True  # "qu'" of "qu'une" may be tagged an adverb
        if tok.pos_ == "NUM" and j + 1 < limit and doc[j + 1].lower_ in TIME_WORDS:
            return True
        return tok.pos_ == "PRON" and low in OBJECT_CLITICS and tok.dep_ in ("iobj", "obl:arg", "obl")

    def _plain_pp(self, j: int, limit: int, cue: Cue) -> bool:
        """ "au Sénat", "à la presse" (skipped) versus "à libérer" or "à 75 000" (the content)."""
        doc = self.doc
        tok = doc[j]
        if tok.morph.get("VerbForm") == ["Inf"] or tok.lower_ in ("ce",):
            return False
        return (
            not (tok.pos_ == "NUM" or tok.like_num)
            or cue.verb.lemma_ not in ESTIMATE_LEMMAS
            and (cue.verb.lower_[:5] not in ("estim", "évalu", "chiff"))
        )

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
        doc = self.doc
        tok = doc[k]
        if tok.lower_ in ("ne", "n'", "n’") and k + 1 < len(doc):
            tok = doc[k + 2] if doc[k + 1].lower_ in ("pas", "plus", "jamais") and k + 2 < len(doc) else doc[k + 1]
        return tok.morph.get("VerbForm") == ["Inf"] and tok.lower_ not in ("être",) or tok.lower_ in ("avoir", "être")

    def _de_infinitive(self, k: int, limit: int) -> int | None:
        """ "de fournir", "à libérer", or an object first: "accusé Rajoy de purger"."""
        doc = self.doc
        for j in range(k, min(limit - 1, k + 10)):
            tok = doc[j]
            if tok.text in (",", ";", ":") or tok.pos_ == "VERB" and j > k and tok.morph.get("VerbForm") != ["Inf"]:
                return None
            if tok.lower_ in DE_WORDS | {"à"} and self._infinitive_at(j + 1):
                return j + 1
            if tok.lower_ in DE_WORDS | {"à"} and self.view.quote_opening_at(j + 1) and self._infinitive_at(j + 2):
                return j + 1  # "recommande de « poursuivre les efforts »"
        return None

    def _np_object_at(self, cue: Cue, k: int) -> bool:
        tok = self.doc[k]
        if tok.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ") or self.view.quote_opening_at(k) is not None:
            return True
        estimate = cue.verb.lemma_ in ESTIMATE_LEMMAS or cue.verb.lower_[:5] in ("estim", "évalu", "chiff")
        return estimate and tok.lower_ in ("à", "entre") and k + 1 < len(self.doc) and self.doc[k + 1].like_num

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
        doc, view = self.doc, self.view
        for j in range(k + 1, end):
            if view.inside_quote(j) is not None:
                continue
            low = doc[j].lower_
            nxt = doc[j + 1] if j + 1 < end else None
            if low == "," and nxt is not None and nxt.lower_ == "puis" and j + 2 < end:
                after = doc[j + 2]
                if after.pos_ in ("ADP", "ADV") and after.lower_ not in DE_WORDS:
                    return j
            if not phrase or nxt is None:
                continue
            if low == "lors" and nxt.lower_ in DE_WORDS | {"du", "des"}:
                return j
            if low in ("au", "à") and nxt.lower_ in ("cours", "l'issue", "l’issue", "l'occasion", "l’occasion"):
                return j
            if low == "à" and nxt.lower_ in ("l'", "l’") and j + 2 < end and doc[j + 2].lower_ in ("issue", "occasion"):
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
            while j < len(doc) and (doc[j].is_space or doc[j].lower_ in QUOTE_GLUE) and glue < 4:
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
        while j > k and doc[j - 1].text in CLOSING_MARKS and view.quote_closing_at(j - 1) is not None:
            q = view.quote_closing_at(j - 1)
            if q is not None and q.open >= doc[k].idx:
                break
            j -= 1
        return j

    def _new_attribution(self, j: int) -> bool:
        doc = self.doc
        tok = doc[j]
        participle = tok.morph.get("VerbForm") == ["Part"] and tok.morph.get("Tense") == ["Pres"]
        if participle and cue_for(tok.text) is not None:
            return True
        if tok.text == "," and j + 1 < len(doc):
            nxt = doc[j + 1]
            if nxt.lower_ == "tandis" or nxt.lower_ == "alors" and j + 2 < len(doc) and doc[j + 2].lower_ == "que":
                return True
            if nxt.morph.get("VerbForm") == ["Part"] and nxt.morph.get("Tense") == ["Pres"] and cue_for(nxt.text):
                return True
        return (
            tok.lower_ == "en"
            and j + 1 < len(doc)
            and cue_for(doc[j + 1].text) is not None
            and (doc[j + 1].morph.get("Tense") == ["Pres"] and doc[j + 1].morph.get("VerbForm") == ["Part"])
        )

    # -- the source of a cue with its complement after it ------------------------------------------

    def verb_source(self, cue: Cue) -> SourceRef | None:
        verb: Token | None = cue.verb
        if cue.info.lemma.startswith("faire "):
            faire = self.doc[cue.group_start] if cue.group_start < cue.verb.i else None
            # "fait savoir": the subject hangs on "fait", when the tagger saw it as a verb.
            verb = faire if faire is not None and faire.pos_ in ("VERB", "AUX") else None
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
        doc = self.doc
        passive = verb.morph.get("Voice") == ["Pass"] or any(c.dep_ == "aux:pass" for c in verb.children)
        if passive:
            agent = self._agent(verb)
            return SourceRef(span=agent, strict=cue.info.weak) if agent else None
        subj = next(
            (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i and not self.view.inside_quote(c.i)),
            None,
        )
        if subj is None:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj",) and c.i > verb.i), None)
        if subj is not None and _governed_by_preposition(subj):
            return None  # "Sur Twitter, X a dénoncé": the parser's subject is an adverbial
        if subj is not None:
            return self._subject_source(subj, verb, cue)
        form = verb.morph.get("VerbForm")
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
            return self._source_of_verb(verb.head, cue, depth + 1)
        if form == ["Part"] and verb.morph.get("Tense") == ["Pres"]:
            return self._participle_source(verb, cue)
        if form == ["Inf"] and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            if verb.head.lemma_ == "voir" and any(c.lower_ in ("se", "s'", "s’") for c in verb.head.children):
                return None  # "se verra demander de": asked, not asking
            return self._source_of_verb(verb.head, cue, depth + 1)
        if verb.pos_ != "VERB" and verb.i > 0 and doc[verb.i - 1].lower_ in SUBJECT_CLITICS:
            return SourceRef(pronoun=verb.i - 1)
        return None

    def _surface_subject(self, group_start: int) -> tuple[int, int] | None:
        """The noun phrase right before the verb group when the parser found no subject
        ("Austin et Blinken ont tous deux qualifié")."""
        doc = self.doc
        unit = self.view.units[self.view.unit_of[group_start]]
        k = group_start - 1
        while k >= unit.start and (doc[k].pos_ in ("ADV", "NUM") or doc[k].lower_ in ("tous", "toutes", "tout")):
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
        doc = self.doc
        start = next((c.left_edge.i for c in verb.children if c.dep_ == "obl:agent"), None)
        if start is None:
            # The parser may miss the agent: "accusée par la Corée du Sud".
            start = next((k for k in range(verb.i + 1, min(len(doc), verb.i + 5)) if doc[k].lower_ == "par"), None)
        if start is None:
            return None
        while start < len(doc) and doc[start].pos_ == "ADP":
            start += 1
        end = extend_np(self.view, start, len(doc))
        return (start, end) if end > start else None

    def _subject_source(self, subj: Token, verb: Token, cue: Cue) -> SourceRef | None:
        low = subj.lower_.lstrip("-")
        if subj.pos_ == "PRON":
            if low in SUBJECT_CLITICS:
                return SourceRef(pronoun=subj.i)
            if low == "qui" and verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return SourceRef(span=self._noun_span(verb.head, subj.i), strict=cue.info.weak)
            if low.split("-")[0] in ("celui", "celle", "ceux", "celles"):
                return SourceRef(pronoun=subj.i)  # "celle-ci", also when split as "Celle - ci"
            return None
        if low in NOT_SOURCES:
            return None
        if subj.lower_ == "dernier" or subj.lower_ == "dernière":
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
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            cls = noun_class(head) if head.pos_ == "NOUN" else "named"
            if cls in ("person", "organisation", "group", "named"):
                return SourceRef(span=self._noun_span(head, verb.i))
        unit = self.view.units[self.view.unit_of[verb.i]]
        earlier = self.drafts_between(unit.start, verb.i)
        if earlier:
            return SourceRef(like=earlier[-1])
        tok = verb
        for _ in range(6):
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if subj is not None and subj.i >= unit.start:
                return self._subject_source(subj, tok, cue)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return None
