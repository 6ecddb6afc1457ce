"""Who a cue verb reports: its subject (before the verb, or inverted after it), a passive agent, the
noun a participle qualifies, the subject of a verb it is coordinated with or governed by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsclaims.extract.statements.cues import (
    Cue,
    governed_by_preposition,
    has_auxiliary,
    present_participle,
    verb_group,
)
from newsclaims.extract.statements.drafts import SourceRef
from newsclaims.extract.statements.layout import Unit, View
from newsclaims.extract.statements.lexicon import Frame
from newsclaims.extract.statements.phrases import (
    NP_POS,
    can_speak,
    entity_span,
    extend_np,
    extend_np_left,
    noun_class,
    reported_clause_joined,
    subject_np,
    with_apposition,
)

if TYPE_CHECKING:
    from newsclaims.extract.statements.cue_reader import CueReader


class SubjectReader:
    """The source of each cue, as a reference to resolve once the statements before it are known."""

    def __init__(self, view: View, core: CueReader) -> None:
        self.view = view
        self.lx = view.lx
        self.doc = view.doc
        self.core = core

    def verb_source(self, cue: Cue) -> SourceRef | None:
        verb: Token | None = cue.verb
        if cue.info.light:
            light = self.doc[cue.group_start] if cue.group_start < cue.verb.i else None
            # "fait savoir": the subject hangs on "fait", when the tagger saw it as a verb.
            verb = light if light is not None and light.pos_ in ("VERB", "AUX") else None
        source = self._source_of_verb(verb, cue, 0) if verb is not None else None
        if source is None and verb is not None and verb is not cue.verb:
            # "appelle à un moratoire et fait savoir": the parser joined the infinitive, not "fait".
            source = self._source_of_verb(cue.verb, cue, 0)
        if (
            source is None
            and (verb is None or verb.morph.get("VerbForm", []) != ["Part"] or has_auxiliary(self.view, verb))
            and not (verb is not None and self._passive(verb))
        ):
            # The parser found no subject: the noun phrase before the verb. Not for a passive verb
            # ("Americans have been urged to leave": who urged is not said).
            span = self._surface_subject(cue.group_start)
            source = SourceRef(span=span, strict=cue.info.weak) if span else None
        return source

    def _passive(self, verb: Token) -> bool:
        passive_aux = self.lx.deps.passive_auxiliary
        return verb.morph.get("Voice", []) == ["Pass"] or any(c.dep_ in passive_aux for c in verb.children)

    def _source_of_verb(self, verb: Token, cue: Cue, depth: int) -> SourceRef | None:
        if depth > 3:
            return None
        doc, lx = self.doc, self.lx
        deps = lx.deps
        if self._passive(verb):
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
        if subj is not None and governed_by_preposition(self.view, subj):
            return None  # "Sur Twitter, X a dénoncé": the parser's subject is an adverbial
        if subj is not None:
            return self._subject_source(subj, verb, cue)
        form = verb.morph.get("VerbForm", [])
        if verb.dep_ in deps.conjunct and verb.head.pos_ in ("VERB", "AUX", "ADJ") and verb.head.i < verb.i:
            reported = reported_clause_joined(verb, lx)
            return self._source_of_verb(reported.head if reported else self._finite_head(verb), cue, depth + 1)
        if present_participle(verb):
            return self._participle_source(verb, cue)
        if form == ["Inf"] and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if head.lemma_ in lx.fn.passive_light_verbs and any(
                c.lower_ in lx.pron.reflexive_third for c in head.children
            ):
                return None  # "se verra demander de": asked, not asking
            if head.pos_ == "AUX" and any(c.pos_ == "ADJ" for c in head.children):
                return None  # "it could be possible to tell how": no one tells
            if self._dative_controls(head, verb):
                return None  # "il appartient au gouvernement d'estimer": not the subject's words
            return self._source_of_verb(verb.head, cue, depth + 1)
        if verb.pos_ != "VERB" and verb.i > 0 and doc[verb.i - 1].lower_ in lx.pron.subject:
            return SourceRef(pronoun=verb.i - 1)
        return None

    @staticmethod
    def _finite_head(verb: Token) -> Token:
        """The verb a conjunct is joined to; for a finite verb the parser hung on an infinitive or a
        participle ("a créé une route réservée aux camions pour éviter le blocage et appelle"), the
        nearest finite verb above it: a finite verb is no infinitive's second half."""
        head = verb.head

        def finite(tok: Token) -> bool:  # "appelle", or a participle with its auxiliary ("a créé")
            return tok.morph.get("VerbForm", []) == ["Fin"] or any(c.pos_ == "AUX" for c in tok.children)

        if not finite(verb) or finite(head):
            return head
        climb = head
        for _ in range(6):
            if finite(climb) or climb.head.i == climb.i:
                break
            climb = climb.head
        return climb if finite(climb) else head

    def _dative_controls(self, head: Token, inf: Token) -> bool:
        """Whether a dative between a verb and its infinitive does what the infinitive says ("il
        appartient au gouvernement d'estimer"), so that the verb's subject does not."""
        dative = self.lx.fn.dative
        return any(
            head.i < c.i < inf.i
            and c.dep_ in self.lx.deps.indirect_object
            and any(g.lower_ in dative for g in c.children)
            for c in head.children
        )

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
        if k < unit.start or doc[k].pos_ not in ("NOUN", "PROPN", "X", "ADJ"):
            return None
        start = extend_np_left(self.view, k + 1, unit.start)
        if not any(doc[j].pos_ in ("NOUN", "PROPN", "X") for j in range(start, k + 1)):
            return None  # "le gouvernement malien": an adjective ends a noun phrase, it is none alone
        # An incise that is the phrase's own apposition belongs to it: "the father's lawyer, Gregory Craig,".
        return (start, with_apposition(self.view, start, k + 1, group_start)) if start <= k else None

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
            # "the relatives, who are fighting to keep him and who have said": the parser may hang a
            # second relative clause from the first one's words; "who" is the nearest such clause's noun.
            clause = verb
            while clause.dep_ not in self.lx.deps.relative_clause and clause.head.i < clause.i:
                clause = clause.head
            relative = clause.dep_ in self.lx.deps.relative_clause and clause.head.pos_ in ("NOUN", "PROPN")
            if low in pron.relative_subject and relative:
                span = self._noun_span(clause.head, subj.i)
                # "warnings issued after the bombings that urged": a relative's noun must be a known source.
                return SourceRef(span=self._named_before(span), strict=True)
            if low.split("-")[0] in pron.demonstrative:
                return SourceRef(pronoun=subj.i)  # "celle-ci", also when split as "Celle - ci"
            partitive = subj.i + 1 < len(self.doc) and self.doc[subj.i + 1].lower_ in self.lx.genitive
            if partitive and low not in pron.not_sources:
                # "Un des chercheurs de HRW, Ole Solvang, précise": one of a group, a phrase of its own.
                return SourceRef(span=self._noun_span(subj, self._group_start(verb)), strict=cue.info.weak)
            return None
        if low in pron.not_sources:
            return None
        if subj.lower_ in pron.latter:
            return SourceRef(pronoun=subj.i)  # "ce dernier"
        return SourceRef(span=self._noun_span(subj, self._group_start(verb)), strict=cue.info.weak)

    def _named_before(self, span: tuple[int, int]) -> tuple[int, int]:
        """ "Bernard Bonnet, le successeur de Claude Erignac, qui ...": a description in apposition to a
        person's name stands for that person."""
        doc, a = self.doc, span[0]
        if a >= 2 and doc[a - 1].text == "," and self.lx.ent(doc[a - 2]) == "PER":
            named = entity_span(doc[a - 2])
            if named is not None and named[1] == a - 1:
                return named
        return span

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
        earlier = self.core.drafts_between(unit.start, verb.i)
        if earlier:
            return SourceRef(like=earlier[-1])
        tok = verb
        deps = self.lx.deps
        through_preposition = False
        for _ in range(6):
            # "He was quoted as saying": past a preposition, the subject of a passive verb speaks too.
            subjects = deps.subject | deps.passive_subject if through_preposition else deps.subject
            subj = next((c for c in tok.children if c.dep_ in subjects and c.i < tok.i), None)
            if subj is not None and subj.i >= unit.start:
                return self._subject_source(subj, tok, cue)
            if tok.head.i == tok.i:
                break
            tok = tok.head
            through_preposition = through_preposition or tok.pos_ == "ADP"
        return None

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
        return subj is not None and can_speak(subj, lx)

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
                j = self.skip_pp(j + 1, limit)
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

    def skip_pp(self, j: int, limit: int) -> int:
        """Past the object of a preposition; a person's name after it starts the subject."""
        doc, lx = self.doc, self.lx
        joins = lx.genitive | lx.fn.title_prepositions
        seen_noun = False
        while j < limit:
            tok = doc[j]
            if seen_noun and tok.ent_iob_ == "B" and self.lx.ent(tok) == "PER":
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
