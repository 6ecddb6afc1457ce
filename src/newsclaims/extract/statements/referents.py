"""Noun phrases turned into sources ("referents"): a name, a title and a name, a description ("le
ministre", "l'ONG"), a group ("des responsables américains", "Austin et Blinken"), with their kind,
gender, number, role and the other names they go by in the article."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import StatementLexicon
from newsclaims.extract.statements.names import NameBook, description_gender, phrase_text
from newsclaims.extract.statements.phrases import (
    ACRONYM,
    NAME_POS,
    gender_of,
    is_abstract,
    is_plural,
    noun_class,
)
from newsclaims.records import Speaker, TextSpan

_SPEAKER_KINDS = ("person", "organisation", "group", "country", "document")


@dataclass
class Referent:
    """A source of statements within one article."""

    name: str
    kind: str  # person | organisation | group | country | document | unknown
    gender: str | None = None  # "m", "f" or None when the text does not say
    number: str = "s"  # "s" or "p"
    role: str | None = None
    names: list[str] = field(default_factory=list)

    def key(self) -> str:
        return self.name.casefold()


def _name_runs(toks: list[Token], surnames: frozenset[str], lx: StatementLexicon) -> list[tuple[int, int, str]]:
    """Maximal runs of name tokens in the phrase, as (start, end, entity label or ""); a known
    person's surname is a person's name whatever the tagger made of it."""
    runs: list[tuple[int, int, str]] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        if tok.text in surnames and not (k > 0 and toks[k - 1].pos_ in NAME_POS):
            runs.append((k, k + 1, "PER"))
            k += 1
            continue
        name_like = tok.pos_ in NAME_POS or (lx.ent(tok) in ("PER", "ORG") and tok.text[:1].isupper())
        if is_title_word(tok, lx) or not name_like:
            k += 1
            continue
        start, label = k, lx.ent(tok)
        k += 1
        while k < len(toks) and _name_goes_on(toks, k, label, lx):
            label = label or lx.ent(toks[k])
            k += 1
        runs.append((start, k, label))
    return runs


def is_title_word(tok: Token, lx: StatementLexicon) -> bool:
    """A capitalised title tagged as a name: "le Président-candidat", "l'ancien Premier ministre"."""
    return tok.pos_ in NAME_POS and (noun_class(tok, lx) == "person" or tok.lower_ in lx.nouns.title_modifiers)


def _name_goes_on(toks: list[Token], k: int, label: str, lx: StatementLexicon) -> bool:
    t = toks[k]
    if is_title_word(t, lx):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if t.ent_iob_ == "B" and lx.ent(t) == "PER" and label not in ("PER", ""):
        return False  # "l'agence RIA Novosti Valentine Sapounov": a new person starts here
    if t.pos_ in NAME_POS or (label and t.ent_iob_ == "I" and lx.ent(t) == label):
        return True
    if t.lower_ == "s" and toks[k - 1].text.endswith(("'", "’")) and not toks[k - 1].whitespace_:
        return True  # "Moody's", which the tokenizer cuts after the apostrophe
    if t.text in ("-", "–"):
        return nxt is not None and nxt.pos_ in NAME_POS
    return t.lower_ in lx.names.particles and label == "PER" and nxt is not None and nxt.pos_ == "PROPN"


def _owns_a_person(toks: list[Token], run: tuple[int, int, str], head: Token, lx: StatementLexicon) -> bool:
    """Whether the name ``run`` is the possessor of a person noun after it: "Roth's attorney"."""
    start, end, _label = run
    marker = next((t for t in toks[start + 1 : end + 1] if t.lower_ in lx.fn.possessive_markers), None)
    return marker is not None and head.i > marker.i and noun_class(head, lx) == "person"


def _capitalised_modifier(toks: list[Token], run: tuple[int, int, str]) -> bool:
    """A lone word the tagger took for a name only because it opens the sentence, modifying the noun
    after it ("Oil giant BP", "Software maker Acme")."""
    start, end, label = run
    opens = bool(toks[start].is_sent_start)
    common = not label or toks[start].pos_ == "NOUN"  # the tagger's noun, whatever the entity tagger said
    return end - start == 1 and common and opens and end < len(toks) and toks[end].pos_ == "NOUN"


def _possessor(tok: Token, lx: StatementLexicon) -> bool:
    """ "the council's chairwoman": "council" owns the head, it is not the head; nor is "press" in
    "press reports", a noun that modifies the noun after it."""
    doc = tok.doc
    if tok.dep_ in lx.deps.compound and tok.head.i > tok.i and tok.pos_ == tok.head.pos_ == "NOUN":
        return True
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in lx.fn.possessive_markers


def strip_leading(toks: list[Token], lx: StatementLexicon) -> list[Token]:
    k = 0
    while k < len(toks) - 1 and _leading_junk(toks[k], lx):
        k += 1
    return toks[k:]


def _leading_junk(tok: Token, lx: StatementLexicon) -> bool:
    low = tok.lower_
    return tok.pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or low in lx.names.leading_junk or low in lx.names.honorifics


def _run_kind(label: str, toks: list[Token], lx: StatementLexicon) -> str:
    low = phrase_text(toks, lx).casefold()
    first, _sep, rest = low.partition(" ")
    institutions = lx.nouns.institutions
    if low in institutions or (first in lx.det.definite and rest in institutions):
        return "organisation"
    if len(toks) == 1 and ACRONYM.match(toks[0].text) and toks[0].text.isupper():
        return "organisation"
    return {"PER": "person", "ORG": "organisation", "LOC": "country"}.get(label, "unknown")


class ReferentBuilder:
    """Noun phrases -> referents, with the article's names at hand."""

    def __init__(self, view: View, book: NameBook) -> None:
        self.view = view
        self.lx = view.lx
        self.book = book
        self.surnames = frozenset(name.split()[-1] for name in book.people if " " in name)

    def from_span(self, a: int, b: int, strict: bool = False, slot: str = "") -> Referent | None:
        """The source a noun phrase names, or None when it names none (an abstract noun, a date).
        ``strict``: a common noun must be a known kind of source (a person, a body, a document).
        ``slot``: the phrase stands where only a source can ("inverted": ", a annoncé la métropole";
        "selon": "d'après la métropole"), so a determined noun phrase the lexicons lack is one too."""
        doc, lx = self.view.doc, self.lx
        raw = [doc[k] for k in range(a, b) if not doc[k].is_space]
        toks = strip_leading(raw, lx)
        if not toks:
            return None
        coordinated = self._coordinated(toks)
        if coordinated:
            return coordinated
        share = self._share_of(toks, strict)
        if share is not None:
            return share
        runs = _name_runs(toks, self.surnames, lx)
        if len(runs) > 1 and _capitalised_modifier(toks, runs[0]):
            runs = runs[1:]  # "Oil giant BP" at the head of a sentence: "Oil" is no name
        head = next((t for t in toks if (t.pos_ == "NOUN" or is_title_word(t, lx)) and not _possessor(t, lx)), None)
        if head is None:
            # "un jeune manifestant": a person noun the tagger took for an adjective
            head = next((t for t in toks if t.pos_ == "ADJ" and noun_class(t, lx) is not None), None)
        first_content = next((k for k, t in enumerate(toks) if t.pos_ not in ("ADJ", "DET", "NUM")), 0)
        if runs and head is not None and _owns_a_person(toks, runs[0], head, lx):
            # "Jonathan Roth's attorney, Joey Jackson": the attorney speaks, not Roth.
            gender = description_gender(raw[: raw.index(head) + 1], lx)
            return self._described(toks, head, runs[1:], gender, strict)
        if runs and runs[0][0] <= first_content and runs[0][2] != "PER":
            # "U.S. Secretary of State Madeleine Albright", "Tanzanian Foreign Minister Jakaya Kikwete": a
            # name before a title is the title's; the person is the name after it.
            titled = self._person_after_title(raw, toks, runs)
            if titled is not None:
                return titled
        modifier = bool(runs) and head is not None and runs[0][1] < len(toks) and toks[runs[0][1]].i == head.i
        if head is not None and modifier and is_plural(head) and noun_class(head, lx) in (None, "group"):
            # "BBC Wales forecasters", "Pentagon officials": people of the body, not the body.
            people = self._described(toks, head, runs, None, strict)
            if people is not None:
                return people
        if runs and runs[0][0] <= first_content:
            # Gender from what comes before the name only: "Mme", "la présidente".
            before = raw[: raw.index(toks[runs[0][0]])]
            run = runs[0]
            lead = [*before, doc[a - 1]] if a > 0 and not before else before
            honorifics = lx.names.honorifics
            if run[2] != "PER" and any(t.lower_ in honorifics or t.lower_.rstrip(".") in honorifics for t in lead):
                run = (run[0], run[1], "PER")  # "Dr Lewis-Jones": a person, whatever the tagger made of the name
            ref = self._named(toks, run, description_gender(before, lx))
            if raw[0].lower_ in lx.det.plural:
                ref.number = "p"  # "les Talibans", "les États-Unis"
            return ref
        if head is not None:
            gender = description_gender(raw[: raw.index(head) + 1], lx)
            plain = bool(slot) and _plain_source(raw, head, slot, lx)
            return self._described(toks, head, runs, gender, strict, plain)
        return None

    def _share_of(self, toks: list[Token], strict: bool) -> Referent | None:
        """ "60 % des Français", "la moitié des médecins", "69 percent of those polled": a number or a
        share, then the group it is a share of, which speaks (the whole phrase is its name)."""
        lx = self.lx
        k = 0
        while k < min(len(toks), 4) and (toks[k].like_num or toks[k].lower_ in lx.nouns.share):
            k += 1
        if k == 0 or k + 1 >= len(toks) or toks[k].lower_ not in lx.genitive:
            return None
        rest = toks[k + 1 :]
        name = phrase_text(toks, lx)
        if len(rest) == 2 and rest[0].lower_ in lx.det.demonstrative and rest[1].pos_ == "VERB":
            return Referent(name, "group", None, "p", None, [phrase_text(rest, lx)])  # "those polled"
        group = self.from_span(rest[0].i, rest[-1].i + 1, strict=strict)
        if group is None or group.kind not in ("person", "group", "organisation"):
            return None
        return Referent(name, "group", group.gender, "p", None, [group.name, *group.names])

    def _person_after_title(
        self, raw: list[Token], toks: list[Token], runs: list[tuple[int, int, str]]
    ) -> Referent | None:
        lx = self.lx
        person = next((r for r in runs[1:] if r[2] == "PER"), None)
        if person is None:
            return None
        start, end, _label = person
        title = [t for t in toks[:start] if t.text != ","]
        # "l'Américain Pete Selleck", "the Briton Ann Lee": a nationality right before the name.
        demonym = len(title) == 1 and runs[0][:2] == (start - 1, start) and runs[0][2] in ("LOC", "MISC")
        if not demonym and not any(noun_class(t, lx) == "person" for t in title):
            return None
        name = self.book.canonical_person(phrase_text(toks[start:end], lx))
        gender = self.book.genders.get(name) or description_gender(raw[: raw.index(toks[start])], lx)
        return Referent(name, "person", gender, "s", phrase_text(title, lx) or None, self._aliases(name, "person"))

    def _coordinated(self, toks: list[Token]) -> Referent | None:
        """ "Austin et Blinken": one group source that goes by each name."""
        lx = self.lx
        and_word = lx.names.and_word
        if not any(t.lower_ == and_word for t in toks):
            return None
        parts: list[list[Token]] = [[]]
        for t in toks:
            if t.lower_ == and_word or t.text == ",":
                parts.append([])
            else:
                parts[-1].append(t)
        names = []
        for part in parts:
            part = strip_leading(part, lx)
            if not part or not all(t.pos_ in NAME_POS or t.text in ("-", ".") or lx.ent(t) == "PER" for t in part):
                return None
            names.append(self.book.canonical_person(phrase_text(part, lx)))
        if len(names) < 2:
            return None
        joined = f" {and_word} ".join(names)
        return Referent(joined, "group", None, "p", None, names + [n.split()[-1] for n in names])

    def _named(self, toks: list[Token], run: tuple[int, int, str], gender: str | None) -> Referent:
        lx = self.lx
        start, end, label = run
        name_toks = toks[start:end]
        rest = [t for t in strip_leading(toks[end:], lx) if t.text not in ("(", ")")] if end < len(toks) else []
        kind = _run_kind(label, name_toks, lx)
        # Only an apposition is a role ("Lloyd Austin, secrétaire à la Défense"), not "vouée aux gémonies".
        role = phrase_text(rest, lx) if rest and rest[0].pos_ in ("NOUN", "ADJ") else None
        role_head = next((t for t in rest if t.pos_ == "NOUN"), None) if role else None
        if kind == "unknown" and role_head is not None:
            kind = noun_class(role_head, lx) or "unknown"
        if kind == "unknown" and len(name_toks) >= 2:
            kind = "person"
        if kind == "person":
            name = self.book.canonical_person(phrase_text(name_toks, lx))
            gender = gender or (self.book.genders.get(name)) or (description_gender(rest, lx) if role else None)
        else:
            name, gender = phrase_text(name_toks, lx), None
        number = "s"
        if kind != "person" and name_toks and name_toks[0].pos_ == "NOUN" and all(t.pos_ != "ADP" for t in name_toks):
            # A body named by a common noun and its adjectives says its gender and number: "les
            # Frères musulmans" are "ils", not "elle" ("Médecins sans frontières" stays "elle").
            gender = gender_of(name_toks[0])
            number = "p" if name_toks[0].morph.get("Number", []) == ["Plur"] else "s"
        return Referent(name, kind, gender, number, role, self._aliases(name, kind))

    def _described(
        self, toks, head: Token, runs, gender: str | None, strict: bool, plain: bool = False
    ) -> Referent | None:
        lx = self.lx
        cls: str | None = noun_class(head, lx)
        head_pos = toks.index(head)
        if not runs and head.lower_ in lx.nouns.information:
            # "selon les informations des autorités": whose information it is speaks.
            owner = self._owner_of(toks, head_pos)
            if owner is not None:
                return owner
        if cls is None and self._named_in_apposition(toks, head_pos, runs):
            cls = "person"  # "la préfète, Sophie Marchand": a title the lexicon lacks, with a name
        if cls is None and plain:
            cls = "group" if is_plural(head) else "organisation"  # ", a annoncé la protection civile."
        if cls is None:
            if head.lower_ in lx.nouns.time or is_abstract(head, lx) or strict:
                return None
            # An unknown singular noun is a source only with a name in it ("la moyenne du site X").
            if not is_plural(head) and not any(label != "PER" for _s, _e, label in runs):
                return None
            cls = "group" if is_plural(head) else "unknown"
        elif cls == "organisation" and is_plural(head) and head.lower_ not in lx.nouns.collective_organisations:
            cls = "group"
        if cls == "group" and self._one_named_member(toks, head_pos, runs):
            cls = "person"  # "un des chercheurs de HRW, Ole Solvang": one of them, by name
        person = self._title_then_name(toks, head, head_pos, runs, cls, gender)
        if person is not None:
            return person
        author = self._author_of_document(toks, head_pos, runs, cls)
        if author is not None:
            return author
        # An organisation followed by its own name: "le quotidien El Punt Avui", "la fédération, Febelfin".
        own_name = runs and runs[0][2] != "PER" and self._name_follows(toks, head_pos, runs[0][0])
        if own_name and (cls in ("organisation", "document") or cls == "unknown" and runs[0][2] == "ORG"):
            start, end, _label = runs[0]
            name = phrase_text(toks[start:end], lx)
            return Referent(
                name,
                "organisation",
                None,
                "s",
                phrase_text(toks[head_pos:start], lx),
                [phrase_text(toks[head_pos:end], lx)],
            )
        name = phrase_text(toks, lx)
        names = [phrase_text(toks[s:e], lx) for s, e, label in runs if label != "PER" or cls != "person"]
        names += self._head_aliases(toks, head_pos)
        for short, long in self.book.acronyms.items():
            if short in name.split():
                names.append(long)
        number = "p" if is_plural(head) else "s"
        if cls == "person" and gender is None:
            gender = gender_of(head)
        return Referent(name, cls, gender, number, None, [n for n in names if n and n != name])

    def _title_then_name(
        self, toks, head: Token, head_pos: int, runs, cls: str, title_gender: str | None
    ) -> Referent | None:
        """ "le secrétaire d'État américain Antony Blinken", "le porte-parole, Timor Goksel": a title
        and the person's name. Not "le successeur de Claude Erignac" (someone else), nor the place in
        "correspondante en Egypte"."""
        if cls != "person":
            return None
        # A full name in apposition ("la présidente, Florence Vienne") is the person's whatever the
        # tagger labelled it; then a person's name; another name only as an apposition.
        lx = self.lx
        after = [r for r in runs if r[0] > head_pos and (r[2] != "ORG" or _apposed_full_name(toks, r, lx))]
        for start, end, label in sorted(after, key=lambda r: (not _apposed_full_name(toks, r, lx), r[2] != "PER")):
            before = toks[start - 1]
            if before.lower_ in lx.genitive and (head.lower_ in lx.nouns.relational or end - start < 3):
                continue
            if before.pos_ == "DET":
                # "le directeur général de la Santé": a name after "la" is a portfolio, not a person,
                # unless the person's name runs on after it ("de la Justice Alberto Ruiz").
                if end - start < 3:
                    continue
                start += 1
            if label != "PER" and before.text != "," and before.pos_ not in ("NOUN", "ADJ"):
                continue
            name = self.book.canonical_person(phrase_text(toks[start:end], lx))
            role = phrase_text(toks[head_pos:start], lx) or phrase_text(strip_leading(toks[end:], lx), lx) or None
            gender = self.book.genders.get(name) or title_gender
            return Referent(name, "person", gender, "s", role, self._aliases(name, "person"))
        return None

    def _owner_of(self, toks, head_pos: int) -> Referent | None:
        """The source in a genitive complement right after ``head_pos`` ("des autorités", "of the
        police"), when it is a person, a body or a group."""
        link = head_pos + 1
        if link >= len(toks) or toks[link].lower_ not in self.lx.genitive:
            return None
        owner = self.from_span(toks[link + 1].i, toks[-1].i + 1, strict=True) if link + 1 < len(toks) else None
        if owner is None or owner.kind not in ("person", "organisation", "group"):
            return None
        return owner

    def _author_of_document(self, toks, head_pos: int, runs, cls: str) -> Referent | None:
        """ "le rapport d'Amnesty", "a statement by the ministry": a document speaks for who wrote it,
        named right after it ("de", "by"); the document is its role."""
        lx = self.lx
        if cls != "document" or not runs:
            return None
        start, end, label = runs[0]
        links = lx.genitive | lx.fn.agent_prepositions
        link = start - 1
        while link > head_pos and toks[link].pos_ == "DET":
            link -= 1  # "le rapport annuel de la Cour des comptes"
        if link <= head_pos or toks[link].lower_ not in links:
            return None
        if any(t.pos_ != "ADJ" for t in toks[head_pos + 1 : link]):
            return None  # "le communiqué du ministère de l'Intérieur": the ministry's, not "Intérieur"
        kind = _run_kind(label, toks[start:end], lx)
        if kind == "unknown":
            kind = "organisation"  # "le rapport de Greenwatch": a name that writes reports is a body
        if kind not in ("person", "organisation"):
            return None
        name = phrase_text(toks[start:end], lx)
        if kind == "person":
            name = self.book.canonical_person(name)
        role = phrase_text(toks[head_pos:link], lx) or None
        return Referent(name, kind, None, "s", role, self._aliases(name, kind))

    def _named_in_apposition(self, toks, head_pos: int, runs) -> bool:
        """A person's name right after the head, or after a comma: "la préfète, Sophie Marchand"."""
        return any(
            (label == "PER" and (start == head_pos + 1 or (start > head_pos and toks[start - 1].text == ",")))
            or (start > head_pos and _apposed_full_name(toks, (start, end, label), self.lx))
            for start, end, label in runs
        )

    def _one_named_member(self, toks, head_pos: int, runs) -> bool:
        """A single person's name in apposition after a plural person noun, closing the phrase."""
        named = [r for r in runs if r[0] > head_pos and toks[r[0] - 1].text == ","]
        if len(named) != 1:
            return False
        start, end, label = named[0]
        closes = all(t.text in (",", ")") for t in toks[end:])
        return closes and (label == "PER" or _apposed_full_name(toks, named[0], self.lx))

    @staticmethod
    def _name_follows(toks, head_pos: int, start: int) -> bool:
        """The name comes right after the head and its adjectives, or after a comma."""
        if toks[start - 1].text == ",":
            return True
        k = head_pos + 1
        while k < len(toks) and toks[k].pos_ == "ADJ":
            k += 1
        return k == start

    def _head_aliases(self, toks, head_pos: int) -> list[str]:
        """ "hauts responsables américains" -> "responsables américains", "responsables"."""
        out = [toks[head_pos].text]
        k = head_pos + 1
        while k < len(toks) and toks[k].pos_ == "ADJ":
            k += 1
        if k > head_pos + 1:
            out.append(phrase_text(toks[head_pos:k], self.lx))
        return out

    def _aliases(self, name: str, kind: str) -> list[str]:
        out: list[str] = []
        words = name.split()
        if kind == "person" and len(words) > 1:
            out.append(words[-1])
            if len(words) > 2:
                out.append(" ".join(words[1:]))
        long = self.book.acronyms.get(name) or self.book.acronyms.get(name.casefold())
        if long:
            out.append(long)
        return out

    def person(self, name: str) -> Referent:
        return Referent(name, "person", self.book.genders.get(name), "s", None, self._aliases(name, "person"))


def _apposed_full_name(toks: list[Token], run: tuple[int, int, str], lx: StatementLexicon) -> bool:
    """A run after a comma that reads as a person's full name: two to four capitalised words
    ("Florence Vienne", "Marc Le Goff", "Anne-Laure Vidal"), not an acronym or a body's name."""
    start, end, _label = run
    if start == 0 or toks[start - 1].text != ",":
        return False
    words = [t for t in toks[start:end] if t.text not in ("-", "–")]
    if not 2 <= len(words) <= 4:
        return False
    for t in words:
        low = t.lower_
        if low in lx.names.particles:
            continue
        if not (t.text[:1].isupper() and any(c.islower() for c in t.text)) or noun_class(t, lx) is not None:
            return False
    return True


def _plain_source(raw: list[Token], head: Token, slot: str, lx: StatementLexicon) -> bool:
    """A noun phrase the lexicons lack that still names a source where only a source can stand: it
    opens with a determiner and its head is no date; after "according" ("selon les cas", "selon
    l'évolution de la situation") it must also be no abstract noun and not name a circumstance."""
    low = head.lower_
    if raw[0].pos_ != "DET" and raw[0].lower_ not in lx.genitive or low in lx.nouns.time or head.like_num:
        return False
    if slot == "according":
        circumstance = lx.nouns.circumstance
        return not is_abstract(head, lx) and low not in circumstance and head.lemma_.lower() not in circumstance
    return True


def is_definite_description(ref: Referent, tokens: list[Token], lx: StatementLexicon) -> bool:
    """A definite description of a person, a body or a document with no name in it: "le ministre",
    "le premier ministre", "the automaker", "le rapport"."""
    if ref.kind not in ("person", "organisation", "document") or ref.number != "s":
        return False
    content = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    if (
        not content
        or any(
            (
                t.pos_ in NAME_POS
                and not is_title_word(t, lx)
                and not (ref.kind == "person" and _portfolio(t, tokens, lx))
            )
            or (lx.ent(t) == "PER" and t.pos_ not in ("NOUN", "ADJ", "ADP"))  # the tagger's "président" is no name
            # "le Conseil national syrien": a capital inside the sentence, in a body's name, is a name
            or (t.pos_ == "NOUN" and lx.ent(t) == "ORG" and t.text[:1].isupper() and not t.is_sent_start)
            for t in content
        )
    ):
        return False
    return tokens[0].lower_ in lx.det.definite


def _portfolio(tok: Token, tokens: list[Token], lx: StatementLexicon) -> bool:
    """A capitalised word of a title's complement that names no one: "République" in "le président de
    la République", "Intérieur" in "le ministre de l'Intérieur", "New York" in "le maire de New York"."""
    return lx.ent(tok) not in ("PER", "ORG") and any(t.lower_ in lx.genitive for t in tokens[: tokens.index(tok)])


def to_speaker(ref: Referent | None, mention: TextSpan | None) -> Speaker:
    if ref is None:
        return Speaker(name="", mention=mention, kind="unknown")
    names = tuple(dict.fromkeys(n for n in ref.names if n and n != ref.name))
    kind = ref.kind if ref.kind in _SPEAKER_KINDS else "unknown"
    return Speaker(name=ref.name, mention=mention, kind=kind, role=ref.role, names=names)  # type: ignore[arg-type]


def span_text(view: View, a: int, b: int) -> TextSpan:
    doc = view.doc
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return TextSpan(view.text[start:end], start, end)
