"""Pronouns and definite descriptions ("il", "le ministre") resolved, in text order, to a source named
earlier.

A pronoun follows the nearest compatible source, preferring, within a sentence, the source of an
earlier statement (the person who just spoke is who "il" usually is); il/elle want a singular
source, ils/elles a plural one; a pronoun is never a name, so an unresolved one leaves the name
empty. A description goes to the person earlier given that title ("le premier ministre Jean-Marc
Ayrault"), or, right after what someone said ("a poursuivi l'expert"), to the one who said it.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from spacy.tokens import Token

from newsclaims import gazetteer
from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.names import phrase_text, title_words
from newsclaims.extract.statements.phrases import (
    NAME_POS,
    entity_span,
    noun_class,
    subject_np,
)
from newsclaims.extract.statements.referents import Referent, ReferentBuilder, strip_leading

# ---------------------------------------------------------------------------------------------
# Resolution in text order


@dataclass
class Mention:
    """A source seen at some point of the text: a statement's speaker or a subject."""

    pos: int  # character offset
    unit: int
    referent: Referent
    speaker: bool


class Resolver:
    """Pronouns and descriptions -> the nearest compatible source named before them."""

    WINDOW_UNITS = 6
    FAR_BACK = 300

    def __init__(self, view: View, builder: ReferentBuilder) -> None:
        self.view = view
        self.builder = builder
        self.history: list[Mention] = []
        self._reach: list[int] = []  # the highest unit among history[: i + 1], to stop looking back
        self.by_key: dict[str, Referent] = {}
        self._subjects = self._subject_mentions()
        self._subject_chars = [m[0] for m in self._subjects]
        self._subject_units = [m[1] for m in self._subjects]  # in text order, so sorted too
        self._subject_refs: dict[int, Referent | None] = {}

    def _subject_mentions(self) -> list[tuple[int, int, Token]]:
        """Named people and subjects of the Doc, as (char, unit, token) candidates for pronouns."""
        doc = self.view.doc
        out = [
            (e.start_char, self.view.unit_of[e.start], e[0])
            for e in doc.ents
            if self.view.lx.ent_label(e.label_) == "PER"
        ]
        subject_deps = self.view.lx.deps.subject | self.view.lx.deps.passive_subject
        surnames = {name.split()[-1] for name in self.builder.book.people}
        for tok in doc:
            if self.view.lx.ent(tok) == "PER":
                continue
            subject = tok.dep_ in subject_deps and tok.pos_ in ("NOUN", "PROPN")
            if subject or tok.text in surnames:
                out.append((tok.idx, self.view.unit_of[tok.i], tok))
        out.sort(key=lambda m: m[0])
        return out

    def merge(self, ref: Referent) -> Referent:
        """One referent per source: a later "Blinken" is the earlier "Antony Blinken"."""
        known = self.by_key.get(ref.key())
        if known is None:
            known = next(
                (k for k in (self.by_key.get(a.casefold()) for a in ref.names) if k is not None and k.kind == ref.kind),
                None,
            )
        if known is None and ref.kind == "organisation":
            # "Amnesty" after "Amnesty International": the short form of a body named in full before.
            prefix = ref.key() + " "
            known = next(
                (k for key, k in self.by_key.items() if k.kind == "organisation" and key.startswith(prefix)), None
            )
        if known is None:
            self.by_key[ref.key()] = ref
            return ref
        for n in ref.names:
            if n not in known.names and n != known.name:
                known.names.append(n)
        known.role = known.role or ref.role
        known.gender = known.gender or ref.gender
        return known

    def note(self, pos: int, unit: int, ref: Referent) -> None:
        self.history.append(Mention(pos, unit, ref, True))
        self._reach.append(max(unit, self._reach[-1]) if self._reach else unit)

    def _recent(self, lowest_unit: int):
        """History from the latest mention back, stopping once no earlier one reaches this unit."""
        for i in range(len(self.history) - 1, -1, -1):
            if self._reach[i] < lowest_unit:
                return
            yield self.history[i]

    def last_speaker(self, before: int) -> Mention | None:
        return next((m for m in reversed(self.history) if m.pos < before), None)

    # -- pronouns -------------------------------------------------------------------------------

    def resolve_pronoun(
        self,
        tok: Token,
        gender: str | None,
        number: str,
        kinds: frozenset[str] = frozenset(),
        content: tuple[int, int] | None = None,
    ) -> Referent | None:
        """Who a subject pronoun stands for; never a phrase inside ``content``, the words it is said
        to have said ("Roads in Wales would be the worst affected, they added")."""
        unit = self.view.unit_of[tok.i]
        earlier = self._same_pronoun_before(tok)
        if earlier is not None:
            # "He has spoken with Elian three times, and he insisted ...": the same pronoun as the
            # sentence's earlier subject is who that one is, not a name between them.
            return self.resolve_pronoun(earlier, gender, number, kinds, content)
        fits = (lambda r: r.kind in kinds) if kinds else (lambda r: True)
        found = self._candidates(tok.idx, unit, outside=content)
        ref = next((r for r in found if _compatible(r, gender, number) and fits(r)), None)
        if ref is None and number == "s":
            # "Le ministre X ... a-t-elle ajouté": a masculine title may name a woman; when one person
            # alone is in sight, the pronoun is theirs whatever gender the title gave.
            near = self._candidates(tok.idx, unit, far=False, outside=content)
            people = {id(r): r for r in near if _compatible(r, None, "s")}
            persons = [r for r in people.values() if r.kind == "person"]
            if len(persons) == 1 and len(people) == 1:
                ref = persons[0]
        if ref is not None and ref.kind == "person" and ref.gender is None and number == "s":
            ref.gender = gender  # "Le ministre X ... a-t-elle ajouté": she is a woman from now on
        return ref

    def _same_pronoun_before(self, tok: Token) -> Token | None:
        """The first subject of the sentence before ``tok``, when it is the same pronoun (outside quotes)."""
        unit = self.view.units[self.view.unit_of[tok.i]]
        deps = self.view.lx.deps.subject | self.view.lx.deps.passive_subject
        first = next((t for t in self.view.doc[unit.start : tok.i] if t.dep_ in deps), None)
        if first is None or first.pos_ != "PRON" or first.lower_ != tok.lower_:
            return None
        # Not across quotation marks: the quoted "il" of "« Il faut partir », a-t-il dit" is no one.
        if self.view.inside_quote(first.i) is not None or self.view.inside_quote(tok.i) is not None:
            return None
        # Two clauses joined by "and"/"mais", the first not an impersonal "it was clear whether".
        doc, fn = self.view.doc, self.view.lx.fn
        joined = any(doc[k].lower_ in fn.clause_openers for k in range(first.i + 1, tok.i))
        impersonal = any(c.pos_ == "ADJ" for c in first.head.children)
        return first if joined and not impersonal else None

    def _candidates(self, pos: int, unit: int, far: bool = True, outside: tuple[int, int] | None = None):
        """Sources before ``pos``, nearest sentence first; in a sentence, statement speakers first,
        then subjects and people by their position; far back, the last speakers. None of the
        subjects inside ``outside`` (a statement's own words)."""
        per_unit: dict[int, list[tuple[int, int, int, Referent]]] = {}
        lowest = unit - self.WINDOW_UNITS
        a, b = outside or (0, 0)
        for m in self._recent(lowest):
            if m.pos < pos and m.unit >= lowest:
                per_unit.setdefault(m.unit, []).append((0, _kind_rank(m.referent), -m.pos, m.referent))
        first = bisect.bisect_left(self._subject_units, lowest)
        for char, u, tok in self._subjects[first : bisect.bisect_left(self._subject_chars, pos)]:
            # Nouns inside quoted words are not the narrative's antecedents.
            if self.view.inside_quote(tok.i) is None and not a <= char < b:
                ref = self._subject_referent(tok)
                if ref is not None:
                    per_unit.setdefault(u, []).append((1, _kind_rank(ref), char, ref))
        for u in sorted(per_unit, reverse=True):
            # In one sentence: speakers before subjects, people before bodies and documents.
            for *_rank, ref in sorted(per_unit[u], key=lambda r: r[:3]):
                yield ref
        if not far:
            return
        # Far back, the last speakers, each once and not past a few hundred statements.
        seen: set[int] = set()
        for m in itertools.islice(reversed(self.history), self.FAR_BACK):
            if m.pos < pos and id(m.referent) not in seen:
                seen.add(id(m.referent))
                yield m.referent

    def _subject_referent(self, tok: Token) -> Referent | None:
        if tok.i not in self._subject_refs:
            self._subject_refs[tok.i] = self._build_subject(tok)
        return self._subject_refs[tok.i]

    def _build_subject(self, tok: Token) -> Referent | None:
        span = entity_span(tok) if self.view.lx.ent(tok) == "PER" or tok.pos_ == "PROPN" else None
        if span is None:
            head_limit = tok.head.i if tok.head.i > tok.i else len(tok.doc)
            span = subject_np(self.view, tok, head_limit)
        ref = self.builder.from_span(*span)
        # A place as the subject ("Saraqeb est un passage obligé") is not who "il" is.
        if ref is None or ref.kind not in ("person", "organisation", "group"):
            return None
        return self.merge(ref)

    # -- descriptions ---------------------------------------------------------------------------

    def resolve_description(self, ref: Referent, toks: list[Token], pos: int, unit: int, after_words: bool) -> Referent:
        """ "le premier ministre": the person earlier titled so; "a poursuivi l'expert", right after
        what someone said: that speaker. Otherwise the description is its own source."""
        lx = self.view.lx
        if ref.kind == "organisation":
            return self._named_body(ref, toks, pos, unit)
        if ref.kind == "document":
            return self._author(ref, toks, pos)
        words = title_words(toks, lx)
        if words:
            # By its head noun alone only when the title names no body or place ("le président de Renault").
            # Only words after the head may complete a shorter title ("président de la République"); one
            # before it makes another title ("the district attorney" is not "the attorney").
            at = next((k for k, t in enumerate(toks) if t.pos_ == "NOUN" and noun_class(t, lx) == "person"), None)
            before = title_words(toks[:at], lx) if at is not None else frozenset()
            named = any(t.ent_type_ and t.pos_ in NAME_POS for t in toks)
            head = toks[at].lower_ if at is not None and not before and not named else None
            name = self.builder.book.titled(words, pos, head)
            if name is not None:
                return self.merge(self.builder.person(name))
        if after_words and len(phrase_text(strip_leading(toks, lx), lx).split()) <= 2:
            for m in self._recent(unit - 2):
                if m.pos < pos and unit - m.unit <= 2 and m.referent.kind == "person":
                    if _compatible(m.referent, ref.gender, "s"):
                        return m.referent
                    break
        # "Pour Jérémie Zimmermann, « ... ». Le porte-parole du collectif se félicite que ...": right
        # after a person spoke, a description that names no one else and fits them is that person.
        for m in self._recent(unit - 2):
            if m.pos >= pos or unit - m.unit > 2:
                continue
            person = m.referent
            if person.kind != "person" or not _proper(person.name) or not _compatible(person, ref.gender, "s"):
                break  # a description is no one's name: "le même chercheur" is not "le président"
            role = set(person.role.casefold().split()) if person.role else None
            # Titles the article gave them elsewhere count too: "le ministre de l'Intérieur" is not
            # "le président de la République".
            role = (role or set()) | self.builder.book.title_words_of(person.name) or None
            if role is None or role & words:
                return person
            break
        return ref

    def _author(self, ref: Referent, toks: list[Token], pos: int) -> Referent:
        """ "le rapport", "the statement": who spoke earlier through a document of that name ("le
        rapport final du BEA conclut" ... "selon le rapport" is the BEA); else the document itself."""
        head = next((t.lower_ for t in toks if t.pos_ == "NOUN"), None)
        if head is None:
            return ref
        for m in itertools.islice(reversed(self.history), self.FAR_BACK):
            role = m.referent.role
            if m.pos < pos and m.referent.kind != "document" and role and head in role.casefold().split():
                return m.referent
        if head in self.view.lx.nouns.issued:
            # "the prime minister's office said ... the statement said": a statement no one was said
            # to issue is the last speaker's, when a body or a named person spoke just before.
            unit = self.view.unit_of[next(t.i for t in toks if t.lower_ == head)]
            last = next((m for m in reversed(self.history) if m.pos < pos), None)
            speaker = last.referent if last is not None and unit - last.unit <= 3 else None
            if speaker is not None and (
                speaker.kind == "organisation" or speaker.kind == "person" and _proper(speaker.name)
            ):
                return speaker
        return ref

    def _named_body(self, ref: Referent, toks: list[Token], pos: int, unit: int) -> Referent:
        """ "The automaker said", "l'ONG dénonce": the body named most recently before, when the
        description names none ("Harwick Motors ... The automaker said"). A state's body described
        with a country or a nationality ("the Cuban government", "le ministère français") only goes
        to a body of that country; one the gazetteer cannot place stays itself (it says whose it is)."""
        lx = self.view.lx
        text = " ".join(t.text for t in toks)
        states = set(gazetteer.states_in(text))
        # Only a state's own bodies ("government", "ministère") belong to the country named; "le
        # constructeur français" is still the carmaker named before.
        national = (bool(states) or any(lx.ent(t) in ("MISC", "LOC") for t in toks)) and any(
            t.lower_ in lx.nouns.state_bodies or t.lemma_.lower() in lx.nouns.state_bodies for t in toks
        )
        for candidate in self._candidates(pos, unit):
            if candidate.kind == "organisation" and candidate is not ref and _proper(candidate.name):
                if national and not states & set(gazetteer.states_in(candidate.name)):
                    return ref
                return candidate
        return ref


def _proper(name: str) -> bool:
    """A name, not a description: its first word is capitalised or an acronym ("Harwick Motors", "ONU")."""
    first = name.split()[0] if name.split() else ""
    return first[:1].isupper()


def _compatible(ref: Referent, gender: str | None, number: str) -> bool:
    if number == "p":
        return ref.number == "p" or ref.kind == "group"
    if ref.number == "p" or ref.kind == "group":
        return False
    return not (gender and ref.gender and gender != ref.gender)


def _kind_rank(ref: Referent) -> int:
    return 0 if ref.kind == "person" else 1
