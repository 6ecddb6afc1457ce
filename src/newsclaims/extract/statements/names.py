"""People's names in an article: canonical full names ("Blinken" -> "Antony Blinken"), the titles the
text gives them ("le secrétaire d'État Antony Blinken"), their gender when the text says it, and
organisations' short forms introduced in parentheses ("Confédération générale du travail (CGT)")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import StatementLexicon
from newsclaims.extract.statements.phrases import (
    ACRONYM,
    extend_np,
    extend_np_left,
    gender_of,
    noun_class,
)
from newsclaims.text import fullest_name


def clean_name(text: str, lx: StatementLexicon) -> str:
    """A name without honorifics, stray punctuation or line breaks ("M.Houdré" -> "Houdré")."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:.«»\"“”'’")
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "").strip()
    return lx.honorific_prefix.sub("", text).strip()


def phrase_text(toks: list[Token], lx: StatementLexicon) -> str:
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


def title_words(toks: list[Token], lx: StatementLexicon) -> frozenset[str]:
    """Content words of a title, lower-cased, hyphenated words also split: for matching titles."""
    out: set[str] = set()
    markers = lx.fn.possessive_markers
    for k, t in enumerate(toks):
        if t.pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or t.lower_ in lx.genitive or t.lower_ in markers:
            continue
        if k + 1 < len(toks) and toks[k + 1].lower_ in markers:
            continue  # "the father's lawyer": the father owns the title, he does not hold it
        out.add(t.lower_)
        out.update(p for p in t.lower_.split("-") if len(p) > 2)
    return frozenset(out)


def description_gender(toks: list[Token], lx: StatementLexicon) -> str | None:
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


def _glued(honorifics: frozenset[str]) -> tuple[str, ...]:
    """Honorifics as they may open a name's first token ("Mme", "M."): a bare letter is no honorific."""
    return tuple(sorted(h.capitalize() for h in honorifics if len(h.rstrip(".")) > 1 or h.endswith(".")))


def _dotted(honorifics: frozenset[str]) -> frozenset[str]:
    return frozenset(h for h in honorifics if len(h.rstrip(".")) > 1 or h.endswith("."))


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
            if self.lx.ent_label(ent.label_) == "PER" and ent[0].text[:1].isupper():  # not "général de la Santé"
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
            if self.lx.ent_label(ent.label_) == "PER":
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
            # "Nassau County District Attorney Kathleen Rice": a capitalised title is a title too.
            if not any(t.pos_ in ("NOUN", "PROPN") and noun_class(t, lx) == "person" for t in toks):
                continue
            self.titles.append(Title(doc[start].idx, name, title_words(toks, lx)))
            gender = description_gender(toks, lx)
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
        # Only names of the same surname can end like this one: the index keeps the search short.
        return fullest_name(name, (full for full, _fw in self._by_surname.get(words[-1].casefold(), ())))

    def titled(self, words: frozenset[str], before: int, head: str | None = None) -> str | None:
        """The person most recently introduced before ``before`` with a title holding these words;
        else, given the title's ``head`` noun, the one person whose shorter title it completes ("le
        président de la République" after "le président François Hollande", when no other président
        was named; not after "le président de Renault")."""
        if not words:
            return None
        found = self._titled(words, before)
        if found is None and head is not None and head in words:
            holders = {t.name for t in self._titles_by_word().get(head, []) if t.pos < before and t.words <= words}
            found = holders.pop() if len(holders) == 1 else None
        return found

    def title_words_of(self, name: str) -> set[str]:
        """Every word of every title the article gave ``name``."""
        return {w for t in self.titles if t.name == name for w in t.words}

    def _titles_by_word(self) -> dict[str, list[Title]]:
        if self._by_word is None:
            self._by_word = {}
            for title in sorted(self.titles, key=lambda t: t.pos):
                for word in title.words:
                    self._by_word.setdefault(word, []).append(title)
        return self._by_word

    def _titled(self, words: frozenset[str], before: int) -> str | None:
        by_word = self._titles_by_word()
        # Only titles holding the rarest of the words can hold them all.
        titles = min((by_word.get(w, []) for w in words), key=len)
        for k in range(bisect.bisect_left(titles, before, key=lambda t: t.pos) - 1, -1, -1):
            if words <= titles[k].words:
                return titles[k].name
        return None
