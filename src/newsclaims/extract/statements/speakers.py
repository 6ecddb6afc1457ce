"""Who a statement is attributed to: noun phrases turned into sources, names made canonical, and
pronouns or definite descriptions ("il", "le ministre") resolved to a source named earlier.

A source ("referent") carries its canonical name, kind, gender and number and the other names it goes
by in the article. A pronoun follows the nearest compatible source, preferring, within a sentence,
the source of an earlier statement (the person who just spoke is who "il" usually is); il/elle want
a singular source, ils/elles a plural one; a pronoun is never a name, so an unresolved one leaves the
name empty. A description goes to the person earlier given that title ("le premier ministre Jean-Marc
Ayrault"), or, right after what someone said ("a poursuivi l'expert"), to the one who said it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import StatementLexicon
from newsclaims.extract.statements.phrases import (
    ACRONYM,
    NAME_POS,
    NP_POS,
    entity_span,
    extend_np,
    extend_np_left,
    gender_of,
    is_abstract,
    is_plural,
    noun_class,
    subject_np,
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


def clean_name(text: str, lx: StatementLexicon) -> str:
    """A name without honorifics, stray punctuation or line breaks ("M.Houdré" -> "Houdré")."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:.«»\"“”'’")
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "").strip()
    return lx.honorific_prefix.sub("", text).strip()


def _text(toks: list[Token], lx: StatementLexicon) -> str:
    if not toks:
        return ""
    doc = toks[0].doc
    return clean_name(doc[toks[0].i : toks[-1].i + 1].text, lx)


def _abbreviates(short: str, long: str, lx: StatementLexicon) -> bool:
    """ "CGT" for "Confédération générale du travail", not "UMP" for "Philippe Gosselin": the
    letters of the short form are initials of the long one's words, in order."""
    initials = [w[0].upper() for w in re.split(r"[\s'’-]+", long) if w and w.casefold() not in lx.genitive]
    letters = [c for c in short.upper() if c.isalpha()]
    k = 0
    for c in initials:
        if k < len(letters) and c == letters[k]:
            k += 1
    return k == len(letters)


def _words(toks: list[Token], lx: StatementLexicon) -> frozenset[str]:
    """Content words of a title, lower-cased, hyphenated words also split: for matching titles."""
    out: set[str] = set()
    for t in toks:
        if t.pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or t.lower_ in lx.genitive:
            continue
        out.add(t.lower_)
        out.update(p for p in t.lower_.split("-") if len(p) > 2)
    return frozenset(out)


def _description_gender(toks: list[Token], lx: StatementLexicon) -> str | None:
    """Gender given by a determiner or an honorific, else by the first noun. "son", "mon", "ton" say
    nothing ("son porte-parole" may be a woman, "son équipe" is feminine), nor does the masculine of
    a title women hold too ("chef", "ministre", "porte-parole"); a feminine form always does."""
    for tok in toks:
        low = tok.lower_
        if low in lx.det.female or low in lx.names.female_honorifics:
            return "f"
        if low in lx.det.neutral_possessives:
            continue
        if low in lx.det.male or low in lx.names.male_honorifics:
            return "m"
        if tok.pos_ == "NOUN":
            gender = gender_of(tok)
            if gender == "m" and (low.endswith("e") or low.split("-")[0] in lx.nouns.epicene_titles):
                return None
            return gender
    return None


# ---------------------------------------------------------------------------------------------
# Names in the article


@dataclass(frozen=True)
class Title:
    pos: int  # character offset of the person's name
    name: str  # canonical person name
    words: frozenset[str]


class NameBook:
    """People's canonical names, titles and genders, and organisations' short forms, built once."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.lx = view.lx
        doc = view.doc
        self.people: list[str] = []  # person names in order of first mention
        for ent in doc.ents:
            if ent.label_ == "PER" and ent[0].text[:1].isupper():  # not "général de la Santé"
                name = clean_name(ent.text, self.lx)
                if name and name not in self.people:
                    self.people.append(name)
        # People's names by surname (with their words), so that a name is not compared with them all.
        self._by_surname: dict[str, list[tuple[str, list[str]]]] = {}
        for full in self.people:
            fw = full.split()
            if fw:
                self._by_surname.setdefault(fw[-1].casefold(), []).append((full, fw))
        self.acronyms = self._acronyms()
        self.titles: list[Title] = []
        self._by_word: dict[str, list[Title]] | None = None  # titles by each of their words, by position
        self.genders: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PER":
                self._note_title(ent.start, ent.end)

    def _acronyms(self) -> dict[str, str]:
        """Short form <-> long form from "Confédération générale du travail (CGT)"."""
        doc = self.view.doc
        out: dict[str, str] = {}
        for i in range(1, len(doc) - 2):
            if doc[i].text == "(" and doc[i + 2].text == ")" and ACRONYM.match(doc[i + 1].text):
                start = extend_np_left(self.view, i, max(0, i - 8))
                while start < i and doc[start].pos_ in ("DET", "ADP"):
                    start += 1
                long = doc[start:i].text if start < i else ""
                if long and _abbreviates(doc[i + 1].text, long, self.lx):
                    out[doc[i + 1].text] = long
                    out[long.casefold()] = doc[i + 1].text
        return out

    def _note_title(self, start: int, end: int) -> None:
        """ "le secrétaire d'État Antony Blinken", "Lloyd Austin, secrétaire à la Défense", "Mme X"."""
        doc, lx = self.view.doc, self.lx
        name = self.canonical_person(clean_name(doc[start:end].text, lx))
        spans = []
        k = start - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k >= 0 and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
            spans.append((extend_np_left(self.view, k + 1, max(0, k - 10)), k + 1))
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ in ("DET", "NOUN", "ADJ"):
            spans.append((end + 1, extend_np(self.view, end + 1, len(doc))))
        for a, b in spans:
            toks = [doc[x] for x in range(a, b)]
            if not any(t.pos_ == "NOUN" and noun_class(t, lx) == "person" for t in toks):
                continue
            self.titles.append(Title(doc[start].idx, name, _words(toks, lx)))
            gender = _description_gender(toks, lx)
            if gender and name not in self.genders:
                self.genders[name] = gender
        honorific = doc[start - 1].lower_ if start > 0 else ""
        if honorific in lx.names.female_honorifics or doc[start].text.startswith(_glued(lx.names.female_honorifics)):
            self.genders.setdefault(name, "f")
        elif honorific in _dotted(lx.names.male_honorifics) or doc[start].text.startswith(
            _glued(lx.names.male_honorifics)
        ):
            self.genders.setdefault(name, "m")

    def canonical_person(self, name: str) -> str:
        """The fullest name of the article that ends like this one ("Blinken" -> "Antony Blinken")."""
        words = name.split()
        if not words:
            return name
        surname = words[-1].casefold()
        initials = [w[0].casefold() for w in words[:-1] if w.endswith(".") or len(w) == 1]
        best = name
        for full, fw in self._by_surname.get(surname, ()):
            if len(fw) <= len(words):
                continue
            if initials and not fw[0].casefold().startswith(initials[0]):
                continue
            if len(fw) > len(best.split()):
                best = full
        return best

    def titled(self, words: frozenset[str], before: int) -> str | None:
        """The person most recently introduced before ``before`` with a title holding these words."""
        if not words:
            return None
        if self._by_word is None:
            self._by_word = {}
            for title in sorted(self.titles, key=lambda t: t.pos):
                for word in title.words:
                    self._by_word.setdefault(word, []).append(title)
        # Only titles holding the rarest of the words can hold them all.
        titles = min((self._by_word.get(w, []) for w in words), key=len)
        for k in range(bisect.bisect_left(titles, before, key=lambda t: t.pos) - 1, -1, -1):
            if words <= titles[k].words:
                return titles[k].name
        return None


# ---------------------------------------------------------------------------------------------
# Referents from noun phrases


def _glued(honorifics: frozenset[str]) -> tuple[str, ...]:
    """Honorifics as they may open a name's first token ("Mme", "M."): a bare letter is no honorific."""
    return tuple(sorted(h.capitalize() for h in honorifics if len(h.rstrip(".")) > 1 or h.endswith(".")))


def _dotted(honorifics: frozenset[str]) -> frozenset[str]:
    return frozenset(h for h in honorifics if len(h.rstrip(".")) > 1 or h.endswith("."))


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
        name_like = tok.pos_ in NAME_POS or (tok.ent_type_ in ("PER", "ORG") and tok.text[:1].isupper())
        if _is_title_word(tok, lx) or not name_like:
            k += 1
            continue
        start, label = k, tok.ent_type_
        k += 1
        while k < len(toks) and _name_goes_on(toks, k, label, lx):
            label = label or toks[k].ent_type_
            k += 1
        runs.append((start, k, label))
    return runs


def _is_title_word(tok: Token, lx: StatementLexicon) -> bool:
    """A capitalised title tagged as a name: "le Président-candidat", "l'ancien Premier ministre"."""
    return tok.pos_ in NAME_POS and (noun_class(tok, lx) == "person" or tok.lower_ in lx.nouns.title_modifiers)


def _name_goes_on(toks: list[Token], k: int, label: str, lx: StatementLexicon) -> bool:
    t = toks[k]
    if _is_title_word(t, lx):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if t.ent_iob_ == "B" and t.ent_type_ == "PER" and label not in ("PER", ""):
        return False  # "l'agence RIA Novosti Valentine Sapounov": a new person starts here
    if t.pos_ in NAME_POS or (label and t.ent_iob_ == "I" and t.ent_type_ == label):
        return True
    if t.text in ("-", "–"):
        return nxt is not None and nxt.pos_ in NAME_POS
    return t.lower_ in lx.names.particles and label == "PER" and nxt is not None and nxt.pos_ == "PROPN"


def _strip_leading(toks: list[Token], lx: StatementLexicon) -> list[Token]:
    k = 0
    while k < len(toks) - 1 and _leading_junk(toks[k], lx):
        k += 1
    return toks[k:]


def _leading_junk(tok: Token, lx: StatementLexicon) -> bool:
    low = tok.lower_
    return tok.pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or low in lx.names.leading_junk or low in lx.names.honorifics


def _run_kind(label: str, toks: list[Token], lx: StatementLexicon) -> str:
    low = _text(toks, lx).casefold()
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
        toks = _strip_leading(raw, lx)
        if not toks:
            return None
        coordinated = self._coordinated(toks)
        if coordinated:
            return coordinated
        runs = _name_runs(toks, self.surnames, lx)
        head = next((t for t in toks if t.pos_ == "NOUN" or _is_title_word(t, lx)), None)
        first_content = next((k for k, t in enumerate(toks) if t.pos_ not in ("ADJ", "DET", "NUM")), 0)
        if runs and runs[0][0] <= first_content:
            # Gender from what comes before the name only: "Mme", "la présidente".
            before = raw[: raw.index(toks[runs[0][0]])]
            ref = self._named(toks, runs[0], _description_gender(before, lx))
            if raw[0].lower_ in lx.det.plural:
                ref.number = "p"  # "les Talibans", "les États-Unis"
            return ref
        if head is not None:
            gender = _description_gender(raw[: raw.index(head) + 1], lx)
            plain = bool(slot) and _plain_source(raw, head, slot, lx)
            return self._described(toks, head, runs, gender, strict, plain)
        return None

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
            part = _strip_leading(part, lx)
            if not part or not all(t.pos_ in NAME_POS or t.text in ("-", ".") or t.ent_type_ == "PER" for t in part):
                return None
            names.append(self.book.canonical_person(_text(part, lx)))
        if len(names) < 2:
            return None
        joined = f" {and_word} ".join(names)
        return Referent(joined, "group", None, "p", None, names + [n.split()[-1] for n in names])

    def _named(self, toks: list[Token], run: tuple[int, int, str], gender: str | None) -> Referent:
        lx = self.lx
        start, end, label = run
        name_toks = toks[start:end]
        rest = [t for t in _strip_leading(toks[end:], lx) if t.text not in ("(", ")")] if end < len(toks) else []
        kind = _run_kind(label, name_toks, lx)
        # Only an apposition is a role ("Lloyd Austin, secrétaire à la Défense"), not "vouée aux gémonies".
        role = _text(rest, lx) if rest and rest[0].pos_ in ("NOUN", "ADJ") else None
        role_head = next((t for t in rest if t.pos_ == "NOUN"), None) if role else None
        if kind == "unknown" and role_head is not None:
            kind = noun_class(role_head, lx) or "unknown"
        if kind == "unknown" and len(name_toks) >= 2:
            kind = "person"
        if kind == "person":
            name = self.book.canonical_person(_text(name_toks, lx))
            gender = gender or (self.book.genders.get(name)) or (_description_gender(rest, lx) if role else None)
        else:
            name, gender = _text(name_toks, lx), None
        return Referent(name, kind, gender, "s", role, self._aliases(name, kind))

    def _described(
        self, toks, head: Token, runs, gender: str | None, strict: bool, plain: bool = False
    ) -> Referent | None:
        lx = self.lx
        cls: str | None = noun_class(head, lx)
        head_pos = toks.index(head)
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
        person = self._title_then_name(toks, head, head_pos, runs, cls, gender)
        if person is not None:
            return person
        # An organisation followed by its own name: "le quotidien El Punt Avui", "la fédération, Febelfin".
        own_name = runs and runs[0][2] != "PER" and self._name_follows(toks, head_pos, runs[0][0])
        if own_name and cls in ("organisation", "document"):
            start, end, _label = runs[0]
            name = _text(toks[start:end], lx)
            return Referent(
                name, "organisation", None, "s", _text(toks[head_pos:start], lx), [_text(toks[head_pos:end], lx)]
            )
        name = _text(toks, lx)
        names = [_text(toks[s:e], lx) for s, e, label in runs if label != "PER" or cls != "person"]
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
            name = self.book.canonical_person(_text(toks[start:end], lx))
            role = _text(toks[head_pos:start], lx) or _text(_strip_leading(toks[end:], lx), lx) or None
            gender = self.book.genders.get(name) or title_gender
            return Referent(name, "person", gender, "s", role, self._aliases(name, "person"))
        return None

    def _named_in_apposition(self, toks, head_pos: int, runs) -> bool:
        """A person's name right after the head, or after a comma: "la préfète, Sophie Marchand"."""
        return any(
            (label == "PER" and (start == head_pos + 1 or (start > head_pos and toks[start - 1].text == ",")))
            or (start > head_pos and _apposed_full_name(toks, (start, end, label), self.lx))
            for start, end, label in runs
        )

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
            out.append(_text(toks[head_pos:k], self.lx))
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
        out = [(e.start_char, self.view.unit_of[e.start], e[0]) for e in doc.ents if e.label_ == "PER"]
        subject_deps = self.view.lx.deps.subject | self.view.lx.deps.passive_subject
        surnames = {name.split()[-1] for name in self.builder.book.people}
        for tok in doc:
            if tok.ent_type_ == "PER":
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

    def resolve_pronoun(self, tok: Token, gender: str | None, number: str) -> Referent | None:
        unit = self.view.unit_of[tok.i]
        ref = next((r for r in self._candidates(tok.idx, unit) if _compatible(r, gender, number)), None)
        if ref is None and number == "s":
            # "Le ministre X ... a-t-elle ajouté": a masculine title may name a woman; when one person
            # alone is in sight, the pronoun is theirs whatever gender the title gave.
            people = {id(r): r for r in self._candidates(tok.idx, unit, far=False) if _compatible(r, None, "s")}
            persons = [r for r in people.values() if r.kind == "person"]
            if len(persons) == 1 and len(people) == 1:
                ref = persons[0]
        if ref is not None and ref.kind == "person" and ref.gender is None and number == "s":
            ref.gender = gender  # "Le ministre X ... a-t-elle ajouté": she is a woman from now on
        return ref

    def _candidates(self, pos: int, unit: int, far: bool = True):
        """Sources before ``pos``, nearest sentence first; in a sentence, statement speakers first,
        then subjects and people by their position; far back, the last speakers."""
        per_unit: dict[int, list[tuple[int, int, int, Referent]]] = {}
        lowest = unit - self.WINDOW_UNITS
        for m in self._recent(lowest):
            if m.pos < pos and m.unit >= lowest:
                per_unit.setdefault(m.unit, []).append((0, _kind_rank(m.referent), -m.pos, m.referent))
        first = bisect.bisect_left(self._subject_units, lowest)
        for char, u, tok in self._subjects[first : bisect.bisect_left(self._subject_chars, pos)]:
            # Nouns inside quoted words are not the narrative's antecedents.
            if self.view.inside_quote(tok.i) is None:
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
        span = entity_span(tok) if tok.ent_type_ == "PER" or tok.pos_ == "PROPN" else None
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
        words = _words(toks, lx)
        if words:
            name = self.builder.book.titled(words, pos)
            if name is not None:
                return self.merge(self.builder.person(name))
        if after_words and len(_text(_strip_leading(toks, lx), lx).split()) <= 2:
            for m in self._recent(unit - 2):
                if m.pos < pos and unit - m.unit <= 2 and m.referent.kind == "person":
                    if _compatible(m.referent, ref.gender, "s"):
                        return m.referent
                    break
        return ref


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
    opens with a determiner and its head is no date; after "selon" ("selon les cas", "selon
    l'évolution de la situation") it must also be no abstract noun and not name a circumstance."""
    low = head.lower_
    if raw[0].pos_ != "DET" and raw[0].lower_ not in lx.genitive or low in lx.nouns.time or head.like_num:
        return False
    if slot == "selon":
        circumstance = lx.nouns.circumstance
        return not is_abstract(head, lx) and low not in circumstance and head.lemma_.lower() not in circumstance
    return True


def _compatible(ref: Referent, gender: str | None, number: str) -> bool:
    if number == "p":
        return ref.number == "p" or ref.kind == "group"
    if ref.number == "p" or ref.kind == "group":
        return False
    return not (gender and ref.gender and gender != ref.gender)


def _kind_rank(ref: Referent) -> int:
    return 0 if ref.kind == "person" else 1


def is_definite_description(ref: Referent, tokens: list[Token], lx: StatementLexicon) -> bool:
    """A definite person description with no name in it: "le ministre", "le premier ministre"."""
    if ref.kind != "person" or ref.number != "s":
        return False
    content = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    if not content or any((t.pos_ in NAME_POS and not _is_title_word(t, lx)) or t.ent_type_ == "PER" for t in content):
        return False
    return tokens[0].lower_ in lx.det.definite


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


__all__ = ["NP_POS", "NameBook", "Referent", "ReferentBuilder", "Resolver", "extend_np", "noun_class"]
