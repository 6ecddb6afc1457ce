"""What a cue verb reports: the clause after "que", an infinitive, a quotation after a colon, an object
that is the claim, the clause before an inverted cue, the words around a cue set in a quotation."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsclaims.extract.quotes import Quote
from newsclaims.extract.statements.cues import (
    INCISE_ENDS,
    Cue,
    present_participle,
)
from newsclaims.extract.statements.drafts import Draft, SourceRef
from newsclaims.extract.statements.layout import DASHES, Unit, View
from newsclaims.extract.statements.lexicon import Frame, phrase_at
from newsclaims.extract.statements.phrases import (
    extend_np,
    reported_clause_joined,
    with_apposition,
)

if TYPE_CHECKING:
    from newsclaims.extract.statements.cue_reader import CueReader


class ContentReader:
    """The reported words of each cue, in character offsets, with where they stop."""

    def __init__(self, view: View, core: CueReader) -> None:
        self.view = view
        self.lx = view.lx
        self.doc = view.doc
        self.core = core

    def inverted(self, cue: Cue, unit_i: int, source: SourceRef) -> list[Draft]:
        view, doc = self.view, self.doc
        unit = view.units[unit_i]
        end_tok = self.core.stop_of(cue)
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
        conf = self.core.confidence(cue, 0.85 if source.span else 0.75)
        return [Draft(content, self.core.cue_span(cue), source, unit_i, conf, "inverted")]

    def _continued(self, content: tuple[int, int], cue: Cue, source: SourceRef, unit: Unit) -> tuple[int, int]:
        """ "Par ailleurs, poursuit X, une langue n'a pas d'avenir": the sentence goes on after the
        cue set in it; the reported words are then the whole sentence."""
        doc, view = self.doc, self.view
        after = source.span[1] if source.span else cue.group_end
        if after >= unit.end or doc[after].text != ",":
            return content
        rest = after + 1
        if rest < unit.end and (
            doc[rest].morph.get("PronType", []) == ["Rel"] or doc[rest].lower_ in self.lx.pron.relative
        ):
            return content  # "..., a indiqué le maire, Jorge X, qui a lancé un appel": about the source
        q = view.quote_opening_at(rest) if rest < unit.end else None
        if q is not None:
            # "bien que, comme le rappelle HRW, « ... »": the quotation is what is reported.
            return (q.start, q.end) if self.prev_is_comme(cue) else content
        end = self.content_end(rest, unit)
        if end <= rest:
            return content
        if source.span and not any(doc[k].morph.get("VerbForm", []) == ["Fin"] for k in range(rest, end)):
            return content  # an apposition to the source, not the rest of the sentence
        return content[0], doc[end - 1].idx + len(doc[end - 1].text)

    def prev_is_comme(self, cue: Cue) -> bool:
        prev = self.core.prev_token(cue.group_start)
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

    def incise(self, cue: Cue, unit_i: int) -> list[Draft]:
        """« A, a-t-il dit, B » -> A said with this cue, B continuing the same source."""
        view, doc = self.view, self.doc
        q = view.inside_quote(cue.verb.i)
        if q is None:
            return []
        source = self.core.subjects.inverted_source(cue, view.units[unit_i])
        if source is None:
            return []
        comma = self.core.stop_of(cue)
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
        cue_span = self.core.cue_span(cue)
        out = []
        if len(view.text[q.start : a_end].split()) < 3:
            # « Moi, dit-il, j'ai l'impression ... »: one statement, the cue set in it.
            return [Draft((q.start, q.end), cue_span, source, unit_i, self.core.confidence(cue, 0.8), "incise")]
        if a_end > q.start:
            first = Draft((q.start, a_end), cue_span, source, unit_i, self.core.confidence(cue, 0.8), "incise")
            out.append(first)
            if after < len(doc) and doc[after].idx < q.end:
                rest = (doc[after].idx, q.end)
                out.append(Draft(rest, None, SourceRef(like=first), unit_i, 0.7, "incise-rest"))
        return out

    def complement(self, cue: Cue, unit_i: int, source: SourceRef) -> list[Draft]:
        view, doc = self.view, self.doc
        unit = view.units[unit_i]
        fn = self.lx.fn
        frames = cue.info.frames
        if frames <= {Frame.INVERTED}:
            return []  # "appuie-t-il": a cue only when inverted; "la France appuie « sans réserve »" is none
        k = self._complement_start(cue, unit.end)
        if k >= unit.end:
            return []
        tok = doc[k]
        low = tok.lower_
        cue_span = self.core.cue_span(cue)
        conf = self.core.confidence(cue, 0.9 if source.span else 0.8)
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
        # A complementizer the parse reads as one opens a clause whatever the verb's listed frames:
        # "renchérit que", "conclut que" (the frames restrict the weaker readings, of objects).
        if low in fn.complementizers and (
            Frame.CLAUSE in frames
            or Frame.MARKED_INFINITIVE in frames
            and after_pronoun
            or doc[k].dep_ in self.lx.deps.mark
            and doc[k].head.i > k
        ):
            return self._clause_drafts(k + 1, unit_i, cue_span, source, conf, "complement", bound)
        quote_at = self._quote_after(k, unit.end)
        if quote_at is not None and self._fragment_in_clause(k, quote_at, unit):
            # "a jugé « inacceptable » la décision": a quoted word inside what the cue governs.
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "fragment", bound)
        if quote_at is not None and (Frame.QUOTE in frames or Frame.INFINITIVE in frames):
            return self.quote_drafts(quote_at, unit_i, cue_span, source, conf)
        if self.lx.fn.bare_clause and Frame.CLAUSE in frames:
            clause = self.parsed_clause(cue, before=False, bound=bound)
            if clause is not None:
                return [Draft(clause, cue_span, source, unit_i, conf, "clause")]
        if Frame.INFINITIVE in frames and self._infinitive_at(k):
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "infinitive", bound)
        if Frame.INFINITIVE in frames and self._gerund_of(cue, k):
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "gerund", bound)
        if Frame.MARKED_INFINITIVE in frames:
            inf = self._de_infinitive(k, unit.end)
            if inf is not None:
                return self._clause_drafts(inf, unit_i, cue_span, source, conf, "marked-infinitive", bound)
        if Frame.ATTRIBUTE in frames:
            quote = self._attribute_quote(k, unit)
            if quote is not None:
                # "qualifié ce texte d'« inapplicable »" (the object is part of what is said, in French),
                # "called the ruling 'outrageous'" (the quoted words alone, in English)
                with_object = self.lx.fn.attribute_keeps_object and doc[k].pos_ in ("DET", "NOUN", "PROPN")
                start = doc[k].idx if with_object else quote.start
                end = quote.close if with_object else quote.end
                return [Draft((start, end), cue_span, source, unit_i, conf, "attribute")]
        if self._self_described(cue, k):
            # "s'est dit satisfait des résultats": what the speaker says of themself (quoted words
            # said of it, "s'est dit déterminé à « aller jusqu'au bout »", were read above).
            return self._clause_drafts(k, unit_i, cue_span, source, conf, "self-description", bound)
        if Frame.OBJECT in frames and self._np_object_at(cue, k) and not self._purpose(cue):
            ends = [e for e in (bound, self._object_end(k, unit, cue)) if e is not None]
            drafts = self._clause_drafts(k, unit_i, cue_span, source, conf * 0.85, "object", min(ends, default=None))
            return [d for d in drafts if len(view.text[d.content[0] : d.content[1]].split()) >= 3]
        if Frame.CLAUSE in frames and self._quoted_attribute(k, unit):
            # "a jugé ce budget « insincère »": what the object is said to be, in the speaker's words.
            return self._clause_drafts(k, unit_i, cue_span, source, conf * 0.85, "object-quote", bound)
        return []

    def _attribute_quote(self, k: int, unit: Unit) -> Quote | None:
        """ "a qualifié la décision de « scandaleuse »", "a traité ses opposants de « menteurs »",
        "s'est dit déterminé à « aller jusqu'au bout »": an object or an adjective, a link word,
        then the quoted words said of it, which are the statement."""
        doc, view, links = self.doc, self.view, self.lx.fn.attribute_links
        j = k
        if j < unit.end and doc[j].pos_ in ("DET", "NOUN", "PROPN", "PRON"):
            j = extend_np(view, j, unit.end) if doc[j].pos_ != "PRON" else j + 1
            j = with_apposition(view, k, j, unit.end)  # "décrit sa fille, Marine Le Pen, comme"
            if j > k and j < unit.end and doc[j].text == "," and doc[j - 1].text != ",":
                j += 1 if j + 1 < unit.end and doc[j + 1].lower_ in links else 0
        else:
            while j < unit.end and j - k < 3 and doc[j].pos_ in ("ADJ", "VERB", "ADV"):
                j += 1
        if j == k:
            return None
        glue = 0
        while j < unit.end and doc[j].lower_ in links and glue < 3:
            j += 1
            glue += 1
        if j + 1 < unit.end and j > k and doc[j].pos_ == "DET" and view.quote_opening_at(j + 1) is not None:
            j += 1  # 'called him a "hero"': the quoted noun's article stands outside the marks
        q = view.quote_opening_at(j) if j < unit.end and j > k else None
        if q is None or not q.closed or not q.inner(view.text).split():
            return None
        # With no link word, only words said of the object, not its name: "a appelé Marine Le Pen « la
        # bourgeoise du château »", not "a jugé le projet « Sentinelle »".
        return q if glue or q.inner(view.text).lstrip()[:1].islower() else None

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
        lo = bisect.bisect_right(self.core.cue_verbs, cue.verb.i)
        for other in self.core.cues[lo:]:
            verb = other.verb
            if verb.i >= unit.end:
                break
            prev = self.core.prev_token(other.group_start)
            if prev is None or prev.lower_ not in self.lx.fn.coordinators or view.inside_quote(verb.i) is not None:
                continue
            linked = verb.dep_ in self.lx.deps.conjunct and verb.head.i == cue.verb.i
            own_subject = any(c.dep_ in self.lx.deps.cue_subject for c in verb.children)
            same_aux = aux is not None and doc[other.group_start].lower_ == aux
            if linked or (same_aux and not own_subject) or self._second_act(verb, cue):
                return prev.i
        return None

    def _second_act(self, verb: Token, cue: Cue) -> bool:
        """ "said the pollution had made him upset and vowed to clean it up": a cue the parser joined
        to this cue's reported clause is this cue's subject's second act."""
        reported = reported_clause_joined(verb, self.lx)
        return reported is not None and reported.head.i == cue.verb.i

    def _object_end(self, k: int, unit: Unit, cue: Cue) -> int | None:
        """Where an object that is the claim ends: its noun phrase, unless a clause or an attribute
        follows it ("le fait que ...", "qualifié X comme un signe que ..."), or the figure an estimate
        puts on it ("estimated the crowd at 5,000")."""
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
        # The noun phrase is the subject of a clause that follows: "called for Vacco to revive the
        # unit", "demanded the boy be returned": the claim is that clause.
        deps = self.lx.deps
        if any(t.dep_ in deps.subject and t.head.i >= end and t.head.i < unit.end for t in doc[k:end]):
            return None
        leads = self.lx.data.cues.estimate_leads
        if end + 1 < unit.end and doc[end].lower_ in leads and self._estimate(cue) and _number_like(doc[end + 1]):
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
                j = self.core.subjects.skip_pp(j + 2, limit)  # "lors de la conférence", "auprès du ministre"
            elif self._skippable(j, limit):
                j += 1
            elif (past := self._time_phrase(j, limit) or self._gerund_phrase(j, cue, limit)) > j:
                j = past
            elif low in fn.dative and j + 1 < limit and self._plain_pp(j + 1, limit, cue):
                j = self.core.subjects.skip_pp(j + 1, limit)
            elif tok.pos_ == "ADP" and low not in fn.complement_prepositions:
                if low in fn.stop_prepositions:
                    return j
                j = self.core.subjects.skip_pp(j + 1, limit)
            else:
                return j
        return j

    def _time_phrase(self, j: int, limit: int) -> int:
        """Past "le week-end dernier", "la semaine prochaine": a determiner and time words ending on an
        adjective (the tagger reads them as the verb's object). 0 when there is none."""
        doc, lx = self.doc, self.lx
        if doc[j].lower_ not in lx.det.definite:
            return 0
        k = j + 1
        while k < limit and (doc[k].lower_ in lx.nouns.time or doc[k].text == "-"):
            k += 1
        # A time noun, then the adjective ending it, and no noun after: not "le dernier bilan".
        has_noun = any(doc[x].pos_ in ("NOUN", "PROPN") for x in range(j + 1, k))
        ends = doc[k - 1].pos_ == "ADJ" and (k >= limit or doc[k].pos_ not in ("NOUN", "PROPN"))
        return k if k > j + 2 and has_noun and ends else 0

    def _gerund_phrase(self, j: int, cue: Cue, limit: int) -> int:
        """Past "en recevant la coupe" when a complementizer follows it: "déclare en recevant la coupe
        que ...". 0 when there is none."""
        doc, fn = self.doc, self.lx.fn
        if doc[j].lower_ not in fn.gerund_markers or j + 1 >= limit:
            return 0
        verb = doc[j + 1]
        if verb.pos_ != "VERB" or verb.morph.get("VerbForm", []) != ["Part"] or verb.head.i != cue.verb.i:
            return 0
        k = j + 2
        if k < limit and doc[k].pos_ in ("DET", "NOUN", "PROPN", "PRON"):
            k = extend_np(self.view, k, limit) if doc[k].pos_ != "PRON" else k + 1
        while k < limit and doc[k].text == ",":
            k += 1
        return k if k < limit and doc[k].lower_ in fn.complementizers else 0

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
        if tok.dep_ in lx.deps.fixed and tok.head.pos_ == "ADV" and tok.head.i < j and low not in lx.fn.complementizers:
            return True  # the rest of a multi-word adverb: "de même" in "reconnaît tout de même que"
        if tok.pos_ == "NUM" and j + 1 < limit and doc[j + 1].lower_ in time_words:
            return True
        return tok.pos_ == "PRON" and low in lx.pron.object and tok.dep_ in lx.deps.indirect_object

    def _plain_pp(self, j: int, limit: int, cue: Cue) -> bool:
        """ "au Sénat", "à la presse" (skipped) versus "à libérer" or "à 75 000" (the content)."""
        doc = self.doc
        tok = doc[j]
        if tok.morph.get("VerbForm", []) == ["Inf"] or tok.lower_ in self.lx.fn.complementizer_pronoun:
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
        doc, fn, pron = self.doc, self.lx.fn, self.lx.pron
        # Clitics before the verb: "de s'en prendre", "de le faire", "de leur dire".
        while (
            k + 1 < len(doc)
            and doc[k].pos_ == "PRON"
            and (doc[k].lower_ in pron.reflexive or doc[k].lower_ in pron.object)
        ):
            k += 1
        tok = doc[k]
        if tok.lower_ in fn.negation and k + 1 < len(doc):
            tok = doc[k + 2] if doc[k + 1].lower_ in fn.negation_after and k + 2 < len(doc) else doc[k + 1]
        infinitive = tok.morph.get("VerbForm", []) == ["Inf"] and tok.lower_ not in fn.copula_infinitives
        return infinitive or tok.lower_ in fn.infinitive_auxiliaries

    def _gerund_of(self, cue: Cue, k: int) -> bool:
        """ "has denied accepting the funds": an "-ing" form the verb governs as its own complement."""
        tok = self.doc[k]
        return (
            tok.head.i == cue.verb.i
            and tok.dep_ in self.lx.deps.open_complement
            and tok.morph.get("VerbForm", []) == ["Part"]
            and tok.morph.get("Aspect", []) == ["Prog"]
        )

    def _de_infinitive(self, k: int, limit: int) -> int | None:
        """ "de fournir", "à libérer", or an object first: "accusé Rajoy de purger"."""
        doc, markers = self.doc, self.lx.fn.infinitive_markers
        end = min(limit - 1, k + 10)
        j = k
        while j < end:
            tok = doc[j]
            if tok.text == "," and j > k:
                # "accusent le Front Nusrat, un groupe lié à Al-Qaïda, d'être": past an apposition
                close = next((c for c in range(j + 1, min(limit - 1, j + 10)) if doc[c].text == ","), None)
                if close is None or any(doc[c].morph.get("VerbForm", []) == ["Fin"] for c in range(j + 1, close)):
                    return None
                end = min(limit - 1, close + 4)
                j = close + 1
                continue
            if tok.text in (",", ";", ":") or tok.pos_ == "VERB" and j > k and tok.morph.get("VerbForm", []) != ["Inf"]:
                return None
            if tok.lower_ in markers:
                if self._infinitive_at(j + 1):
                    return j + 1
                if self.view.quote_opening_at(j + 1) and self._infinitive_at(j + 2):
                    return j + 1  # "recommande de « poursuivre les efforts »"
            j += 1
        return None

    def _self_described(self, cue: Cue, k: int) -> bool:
        """A reflexive cue of the pack's self-description verbs followed by an adjective or a
        participle: "se dit favorable à", "s'est déclaré prêt à"."""
        doc, lx = self.doc, self.lx
        lemma = cue.verb.lemma_.lower()
        if lemma not in lx.fn.self_description and cue.info.lemma not in lx.fn.self_description:
            return False
        reflexive = any(doc[j].lower_ in lx.pron.reflexive_third for j in range(cue.group_start, cue.verb.i))
        tok = doc[k]
        return reflexive and (tok.pos_ == "ADJ" or tok.morph.get("VerbForm", []) == ["Part"])

    def _purpose(self, cue: Cue) -> bool:
        """ "fourniront un rapport pour évaluer les dégâts": an infinitive after "pour"/"afin de" says
        what someone means to do; with a mere object it reports nothing."""
        verb, doc = cue.verb, self.doc
        if verb.morph.get("VerbForm", []) != ["Inf"]:
            return False
        before = [doc[k].lower_ for k in range(max(0, cue.group_start - 2), cue.group_start)]
        return any(w in self.lx.fn.purpose_markers for w in before)

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
        circumstance = self._circumstance(k, end, rule != "complement")
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
        opening = view.quote_opening_at(k)
        if opening is not None and opening.close >= b - 1 and opening.close <= b + 1:
            a, b = opening.start, opening.end
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
            if j > k and (j in self.core.stops or text == ";"):
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
        if present_participle(tok) and lx.cue_for(tok.text, tok.lemma_) is not None:
            return True
        if (
            j >= 2
            and present_participle(tok)
            and lx.fn.participle_clauses
            and doc[j - 1].text in self.view.closing_marks
            and doc[j - 2].text == ","
        ):
            return True  # '... accessible," pointing to': the comma closed the quotation first
        if tok.text == "," and j + 1 < len(doc):
            nxt = doc[j + 1]
            if phrase_at(doc, j + 1, lx.contrast_openers):
                return True
            if present_participle(nxt) and (lx.fn.participle_clauses or lx.cue_for(nxt.text, nxt.lemma_)):
                return True  # ", saying ...", and in English any ", meaning ...": a clause of its own
        return (
            tok.lower_ in lx.fn.gerund_markers
            and j + 1 < len(doc)
            and lx.cue_for(doc[j + 1].text, doc[j + 1].lemma_) is not None
            and present_participle(doc[j + 1])
        )

    def parsed_clause(self, cue: Cue, before: bool, bound: int | None = None) -> tuple[int, int] | None:
        """Characters of the clause the parse hangs on the cue (a ``complement_clause`` child), after it
        ("said the troops were ready", "told reporters they would stay") or before it ('"We are
        ready," Smith said'); a clause inside a quotation is the whole quotation. ``bound``: a token
        it stops before (a second cue of the same subject)."""
        doc, view, lx = self.doc, self.view, self.lx
        verb = cue.verb
        unit = view.units[view.unit_of[verb.i]]
        for child in verb.children:
            if child.dep_ not in lx.deps.complement_clause or (child.i < cue.group_start) != before:
                continue
            q = view.inside_quote(child.i)
            if q is not None and q.start <= child.left_edge.idx and (before or q.open > verb.idx):
                return q.start, _without_trailing_comma(view.text, q.start, q.end)
            if not before and not _finite(child):
                continue  # "reported him missing": a state, not words reported
            a, b = max(child.left_edge.i, unit.start), min(child.right_edge.i + 1, unit.end)
            if before:
                b = min(b, cue.group_start)
            b = min(b, self._next_speaker(verb.i, a, b), bound if bound is not None and bound > a else b)
            while a < b and (doc[a].is_punct or doc[a].is_space or doc[a].lower_ in lx.fn.complementizers):
                a += 1
            # Not the punctuation or the "and" before the next speaker's words: "..., and only 19 percent knew".
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].lower_ in lx.fn.clause_openers):
                b -= 1
            if b - a >= 2:
                start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
                for q in view.quotes_touching(start, end):
                    if start <= q.open < end < q.close <= unit.end_char:
                        end = q.close  # a quotation opened in the clause closes in it
                return start, end
        if not before:
            return self._misparsed_clause(cue, unit)
        return None

    def _misparsed_clause(self, cue: Cue, unit: Unit) -> tuple[int, int] | None:
        """A clause the parser hung on the verb as an object with a verb of its own ("insisted its
        commandos used lethal force": an object "commandos" and "used" attached to it); not a
        participle ("denied the charges filed against him") nor a relative ("a plan that cuts")."""
        doc, lx = self.doc, self.lx
        verb = cue.verb
        obj = next((c for c in verb.children if c.dep_ in lx.deps.indirect_object and c.i > verb.i), None)
        if obj is None or obj.i != cue.group_end + (1 if doc[cue.group_end].pos_ in ("DET", "PRON") else 0):
            return None
        finite = next((c for c in obj.children if c.dep_ in lx.deps.adjectival_clause and c.i == obj.i + 1), None)
        if finite is None:
            return None
        # A participle that modifies a noun takes no object of its own; one with an object is the
        # clause's verb the tagger misread ("used lethal force").
        has_object = any(c.dep_ in lx.deps.indirect_object for c in finite.children)
        progressive = finite.morph.get("Aspect", []) == ["Prog"]  # "reporters accompanying him"
        if finite.morph.get("VerbForm", []) != ["Fin"] and (not has_object or progressive):
            return None
        a, b = doc[cue.group_end].i, min(finite.right_edge.i + 1, unit.end)
        b = min(b, self._next_speaker(verb.i, a, b))
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        return (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) if b - a >= 3 else None

    def _next_speaker(self, verb: int, a: int, b: int) -> int:
        """Where another cue verb's own sentence begins inside tokens a..b ("there is no evidence, and
        the father's lawyer, Gregory Craig, said ..."): before the comma or conjunction opening its
        subject; ``b`` when there is none."""
        doc, lx = self.doc, self.lx
        lo = bisect.bisect_right(self.core.cue_verbs, a)
        for other in self.core.cues[lo:]:
            if other.verb.i >= b:
                break
            if other.verb.i == verb:
                continue
            subj = next((c for c in other.verb.children if c.dep_ in lx.deps.cue_subject and c.i < other.verb.i), None)
            if subj is None or subj.left_edge.i <= a:
                continue
            k = subj.left_edge.i
            while k > a and (doc[k - 1].is_punct or doc[k - 1].lower_ in lx.fn.coordinators or doc[k - 1].is_space):
                k -= 1
            if k < subj.left_edge.i:  # set off by a comma or a conjunction: a sentence of its own
                return k
        return b


def _finite(verb: Token) -> bool:
    """A clause's verb that is no bare "-ing" participle ("reported him missing"): one with a tense, a
    base or past form the tagger may have misread ("the members enhance", "it expected"), or an
    "-ing" form with its auxiliary ("he was leaving")."""
    progressive = verb.morph.get("VerbForm", []) in (["Part"], ["Ger"]) and verb.morph.get("Aspect", []) != ["Perf"]
    return not progressive or any(c.pos_ == "AUX" and c.i < verb.i for c in verb.children)


def _without_trailing_comma(text: str, start: int, end: int) -> int:
    """'"We will not give up," said X': the comma inside the marks is punctuation, not words."""
    return end - 1 if end - 1 > start and text[end - 1] == "," else end


def _number_like(tok: Token) -> bool:
    """ "5,000", "$12 million", "roughly 120": a figure, written or symbol-led."""
    return tok.like_num or tok.pos_ == "NUM" or tok.is_currency
