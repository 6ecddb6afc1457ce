"""Drafts from cue verbs: where a cue stands (before or after what was said, set inside a quotation)
decides whether its source or its content is read first; ``subjects.py`` finds who, ``contents.py``
what. The parser's labels are used where they are reliable (subjects before the verb, relative
"qui", passive agents); the rest is read off the token sequence, which survives the parser's
mistakes on inverted subjects ("ont annoncé jeudi des responsables" parses as an oblique).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from newsclaims.extract.statements.contents import ContentReader
from newsclaims.extract.statements.cues import (
    Cue,
)
from newsclaims.extract.statements.drafts import Draft
from newsclaims.extract.statements.layout import DASHES, View
from newsclaims.extract.statements.lexicon import Frame
from newsclaims.extract.statements.subjects import SubjectReader


class CueReader:
    """Turns each cue into drafts; knows the Doc, its units and where inverted cues start."""

    def __init__(self, view: View, cues: list[Cue]) -> None:
        self.view = view
        self.lx = view.lx
        self.doc = view.doc
        self.cues = cues
        self.cue_verbs = [c.verb.i for c in cues]
        self.subjects = SubjectReader(view, self)
        self.contents = ContentReader(view, self)
        self.stops = {self.stop_of(c) for c in cues if self.inverted_position(c)}
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

    def stop_of(self, cue: Cue) -> int:
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

    def prev_token(self, i: int) -> Token | None:
        k = i - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return self.doc[k] if k >= 0 else None

    def inverted_position(self, cue: Cue) -> bool:
        """After what was said: ", a déclaré X", "» a-t-il ajouté", "— affirme X"."""
        prev = self.prev_token(cue.group_start)
        view = self.view
        if prev is None:
            return False
        if prev.text == ",":
            before = self.prev_token(prev.i)
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
        return cue.verb.morph.get("Tense", []) != ["Pres"] or "Part" not in cue.verb.morph.get("VerbForm", [])

    def _has_own_verb(self, subj: Token, limit: int) -> bool:
        """ "Les vols reprendront lundi, a précisé X": the parser hung the clause on its subject, but a
        finite verb of its own (no relative "qui" or conjunction before it) makes it a clause of its own.
        A verb taken for the subject ("..., doivent conduire à ..., insistent X") is one too."""
        if subj.pos_ in ("VERB", "AUX"):
            return True
        for t in subj.subtree:
            if not subj.i < t.i < limit or t.pos_ not in ("VERB", "AUX") or t.morph.get("VerbForm", []) != ["Fin"]:
                continue
            verb = t.head if t.pos_ == "AUX" and t.dep_.startswith(("aux", "cop")) else t
            deps = self.lx.deps
            if verb.dep_ in deps.relative_clause | deps.adverbial_clause | deps.complement_clause or any(
                subj.i < c.i < t.i and (c.pos_ == "SCONJ" or c.morph.get("PronType", []) == ["Rel"])
                for c in verb.children
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
            if t.pos_ not in ("VERB", "AUX") or t.morph.get("VerbForm", []) != ["Fin"] or view.quote_of[k] >= 0:
                continue
            verb = t.head if t.pos_ == "AUX" and t.dep_.startswith(("aux", "cop")) else t
            if verb.dep_ in self._subordinate or any(
                c.pos_ == "SCONJ" or c.morph.get("PronType", []) == ["Rel"] for c in verb.children if c.i < verb.i
            ):
                continue
            return True
        return False

    def _incise_outside_quotes(self, cue: Cue) -> bool:
        unit = self.view.units[self.view.unit_of[cue.verb.i]]
        span = self.subjects.postverbal_subject(cue.group_end, unit.end)
        return span is not None and span[1] < unit.end and self.doc[span[1]].text == ","

    def read(self, cue: Cue) -> list[Draft]:
        view = self.view
        unit_i = view.unit_of[cue.verb.i]
        unit = view.units[unit_i]
        if view.inside_quote(cue.verb.i) is not None:
            return self.contents.incise(cue, unit_i)
        if self._after_relative_que(cue):
            return []  # "c'est ce que redoutent les habitants": what is said is elsewhere
        clause_after = self.lx.fn.bare_clause and self.contents.parsed_clause(cue, before=False) is not None
        if self.lx.fn.bare_clause and Frame.INVERTED in cue.info.frames and not clause_after:
            # '"We are ready," Smith said', "The troops are ready, officials said": the parse hangs
            # what was said on the cue, before it.
            drafts = self._clause_before(cue, unit_i)
            if drafts:
                return drafts
        if Frame.INVERTED in cue.info.frames and not clause_after and self.inverted_position(cue):
            source = self.subjects.inverted_source(cue, unit)
            if source is not None:
                drafts = self.contents.inverted(cue, unit_i, source)
                if drafts:
                    return drafts
        source = self.subjects.verb_source(cue)
        if source is None:
            return []
        return self.contents.complement(cue, unit_i, source)

    def _clause_before(self, cue: Cue, unit_i: int) -> list[Draft]:
        clause = self.contents.parsed_clause(cue, before=True)
        if clause is None:
            return self._incise(cue, unit_i)
        return self._with_source(cue, unit_i, clause)

    def _incise(self, cue: Cue, unit_i: int) -> list[Draft]:
        """ "The summit, she said, would produce an initiative": a subject and its cue set off by commas
        inside the sentence they report, which is the whole sentence."""
        doc, view = self.doc, self.view
        unit = view.units[unit_i]
        subj = next((c for c in cue.verb.children if c.dep_ in self.lx.deps.cue_subject and c.i < cue.verb.i), None)
        if subj is None or any(c.dep_ in self.lx.deps.complement_clause for c in cue.verb.children if c.i > cue.verb.i):
            return []
        before, after = subj.left_edge.i - 1, cue.group_end
        if before - unit.start < 2 or doc[before].text != "," or after >= unit.end - 2 or doc[after].text != ",":
            return []
        last = unit.end
        while last > after and (doc[last - 1].is_punct or doc[last - 1].is_space):
            last -= 1
        clause = (doc[unit.start].idx, doc[last - 1].idx + len(doc[last - 1].text))
        return self._with_source(cue, unit_i, clause, "incise")

    def _with_source(self, cue: Cue, unit_i: int, clause: tuple[int, int], rule: str = "inverted") -> list[Draft]:
        source = self.subjects.verb_source(cue) or self.subjects.inverted_source(cue, self.view.units[unit_i])
        if source is None:
            return []
        conf = self.confidence(cue, 0.85 if source.span else 0.75)
        return [Draft(clause, self.cue_span(cue), source, unit_i, conf, rule)]

    def _after_relative_que(self, cue: Cue) -> bool:
        prev = self.prev_token(cue.group_start)
        fn = self.lx.fn
        if prev is None or prev.lower_ not in fn.complementizers:
            return False
        if prev.head.i == cue.verb.i and prev.dep_ in self.lx.deps.subject:
            return False  # "an analysis that says": the relative is the cue's subject, not its object
        return prev.morph.get("PronType", []) == ["Rel"] or (
            prev.i > 0 and self.doc[prev.i - 1].lower_ in fn.complementizer_pronoun
        )

    def cue_span(self, cue: Cue) -> tuple[int, int]:
        doc = self.doc
        return doc[cue.group_start].idx, doc[cue.group_end - 1].idx + len(doc[cue.group_end - 1].text)

    def confidence(self, cue: Cue, base: float) -> float:
        if cue.info.optional:
            base *= 0.7
        if cue.info.weak:
            base *= 0.9
        return base
