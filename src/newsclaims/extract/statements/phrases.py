"""Noun phrases on the token sequence: where a source's phrase starts and ends, and what kind of
source a common noun names. The parser's subtrees are used for subjects before the verb; elsewhere
(inverted subjects, "selon X") the phrase is read left to right, which survives parsing errors."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import (
    ABSTRACT_SUFFIXES,
    DOCUMENT_NOUNS,
    INSTITUTIONS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    TIME_WORDS,
)

NAME_POS = frozenset({"PROPN", "X"})
NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})
DE_FORMS = frozenset({"de", "d'", "d’", "du", "des"})
ACRONYM = re.compile(r"^[A-ZÉ][A-Z0-9&É.-]{1,9}$")
_PREFIXES = ("ex-", "vice-", "co-", "sous-", "ancien-")


def noun_class(tok: Token) -> str | None:
    """The kind of source a common noun names ("person", "organisation", "document", "group" for a
    plural person noun), from the lexicons; None when it names no source."""
    low = tok.lower_
    for prefix in _PREFIXES:
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            low = low[len(prefix) :]
    first = low.split("-")[0]
    lemma = tok.lemma_.lower()
    # The endings of "graphiste" say nothing of a name: "Jean-Baptiste", "Callixte".
    agent = _agent_noun(low) and not (tok.pos_ in NAME_POS and tok.text[:1].isupper())
    if low in PERSON_NOUNS or first in PERSON_NOUNS or lemma in PERSON_NOUNS or agent:
        return "group" if is_plural(tok) else "person"
    if low in INSTITUTIONS or low in ORG_NOUNS or lemma in ORG_NOUNS:
        return "organisation"
    if low in DOCUMENT_NOUNS or lemma in DOCUMENT_NOUNS:
        return "document"
    return None


def _agent_noun(low: str) -> bool:
    return len(low) >= 7 and low.endswith(PERSON_SUFFIXES)


def is_abstract(tok: Token) -> bool:
    """Nouns made from verbs or adjectives ("la hausse", "cette décision") name no source."""
    low = tok.lower_
    return low.endswith(ABSTRACT_SUFFIXES) or low.rstrip("s").endswith(ABSTRACT_SUFFIXES)


def is_plural(tok: Token) -> bool:
    num = tok.morph.get("Number")
    if num:
        return num[0] == "Plur"
    return tok.lower_.endswith(("s", "x")) and tok.pos_ == "NOUN"


def gender_of(tok: Token) -> str | None:
    g = tok.morph.get("Gender")
    if not g:
        return None
    return "f" if g[0] == "Fem" else "m"


# ---------------------------------------------------------------------------------------------
# Extent


def extend_np(view: View, i: int, limit: int) -> int:
    """End (exclusive) of the noun phrase starting at token i, stopping before ``limit``.

    Keeps determiners, adjectives, nouns, names, "de"-complements and a capitalised "à"/"pour"
    complement ("secrétaire à la Défense", "vice-président pour l'Asie"); stops at verbs, adverbs,
    punctuation, time words and other prepositions ("a déclaré Blinken dans un communiqué").
    """
    doc = view.doc
    j = i
    while j < limit and j - i < 16:
        tok = doc[j]
        if tok.text == "(" and j + 2 < limit and doc[j + 2].text == ")" and ACRONYM.match(doc[j + 1].text):
            j += 3
        elif j > i and tok.morph.get("VerbForm") == ["Part"] and _by_author(doc, j + 1, limit) > j + 1:
            j = _by_author(doc, j + 1, limit)  # "un rapport publié lundi par l'INSEE": the author is in the source
        elif _np_goes_on(doc, i, j, limit):
            j += 1
        else:
            break
    # A noun phrase does not end on a determiner or a preposition.
    while j > i and (doc[j - 1].pos_ in ("DET", "ADP") or doc[j - 1].lower_ in ("de", "d'", "d’", "et")):
        j -= 1
    return j


def is_time_word(doc: Doc, j: int) -> bool:
    """A word of a date ("lundi", "ce matin"); "ce" only before another one, not in "ce budget"."""
    low = doc[j].lower_
    if low in ("ce", "cet", "cette"):
        return j + 1 < len(doc) and doc[j + 1].lower_ in TIME_WORDS
    return low in TIME_WORDS


def _by_author(doc: Doc, k: int, limit: int) -> int:
    """Just past "par" after a participle, with dates between ("publié dimanche par"); else ``k``."""
    j = k
    while j < limit and j - k < 4 and (doc[j].lower_ in TIME_WORDS or doc[j].pos_ in ("ADV", "NUM")):
        j += 1
    return j + 1 if j < limit and doc[j].lower_ == "par" else k


def _np_goes_on(doc: Doc, i: int, j: int, limit: int) -> bool:
    """Whether token j still belongs to the noun phrase that started at token i."""
    tok = doc[j]
    low = tok.lower_
    nxt = doc[j + 1] if j + 1 < limit else None
    if tok.pos_ in NP_POS and not is_time_word(doc, j):
        return True
    if (j > i and tok.ent_iob_ == "I") or (tok.ent_type_ in ("PER", "ORG", "MISC") and tok.text[:1].isupper()):
        return True  # a name the tagger split oddly: "le quotidien El Punt Avui"
    if nxt is None or j == i:
        return False
    if low in DE_FORMS:
        return nxt.pos_ in NP_POS
    if low in ("à", "au", "aux", "pour"):
        return _capitalised_noun(doc, j + 1, limit)
    if low == "en":
        return nxt.pos_ == "PROPN" and nxt.ent_type_ == "LOC"  # "ambassadeur de France en Afghanistan"
    if tok.text in ("-", "–"):
        return nxt.pos_ in NAME_POS
    return low == "et" and doc[j - 1].pos_ in NAME_POS and nxt.pos_ in NAME_POS


def _capitalised_noun(doc: Doc, k: int, limit: int) -> bool:
    """ "à la Défense", "aux Affaires étrangères": a ministry's portfolio, not "à l'AFP"."""
    while k < limit and doc[k].pos_ == "DET":
        k += 1
    return k < limit and doc[k].pos_ == "NOUN" and doc[k].text[:1].isupper()


def extend_np_left(view: View, end: int, lower: int) -> int:
    """Start of the noun phrase ending just before ``end``, looking no further left than ``lower``:
    names joined by "et", "de"-complements, adjectives, up to and including a determiner."""
    doc = view.doc
    j = end
    while j - 1 >= lower and end - j < 16:
        tok = doc[j - 1]
        if tok.pos_ == "DET":
            # "le ministre de l'Agriculture": a determiner inside a complement does not end the phrase.
            inside = j - 3 >= lower and doc[j - 2].lower_ in DE_FORMS | {"à"} and doc[j - 3].pos_ in NP_POS
            if not inside:
                return j - 1
        if not _np_goes_back(doc, j - 1, lower):
            break
        j -= 1
    return j


def _np_goes_back(doc: Doc, k: int, lower: int) -> bool:
    """Whether token k belongs to the noun phrase that continues right after it."""
    tok = doc[k]
    low = tok.lower_
    if tok.pos_ in NP_POS and not is_time_word(doc, k):
        return True
    before_is_noun = k - 1 >= lower and doc[k - 1].pos_ in ("NOUN", "PROPN")
    if low in DE_FORMS:
        return before_is_noun
    if low == "et" or tok.text in ("-", "–"):
        return before_is_noun and doc[k + 1].pos_ in NAME_POS
    return False


def subject_np(view: View, head: Token, limit: int) -> tuple[int, int]:
    """Token span of a subject: its head's subtree without relative or adverbial clauses, cut before
    ``limit`` (the verb group)."""
    doc = view.doc
    skip: set[int] = set()
    for child in head.children:
        if child.i < head.i:
            continue
        if child.dep_ in ("acl:relcl", "acl", "advcl", "parataxis", "dep") or _detached_pp(child):
            skip.update(t.i for t in child.subtree)
    left = head.i
    while left - 1 >= head.left_edge.i and left - 1 not in skip and doc[left - 1].pos_ != "PUNCT":
        left -= 1
    # "ainsi que la CGT": the conjunction in front is not part of the phrase.
    while left < head.i and (doc[left].dep_ in ("cc", "fixed", "mark", "case") or doc[left].pos_ in ("ADV", "SCONJ")):
        left += 1
    right = head.i + 1
    stop = min(head.right_edge.i + 1, limit)
    while right < stop and right not in skip:
        right += 1
    while right > head.i + 1 and (doc[right - 1].pos_ == "PUNCT" or doc[right - 1].lower_ in ("qui", "que")):
        right -= 1
    return left, right


def with_apposition(view: View, start: int, end: int, limit: int) -> int:
    """Past an apposition closing a source's phrase: a name after a title ("le président du CERN,
    Michel Spiro,") or a title after a name ("Oumar Maïga, l'un des responsables."), kept when
    punctuation or the sentence end follows it. Two names in a row are two phrases, not one."""
    doc = view.doc
    if end + 1 < limit and doc[end].lower_ in ("à", "au", "aux") and not starts_with_name(doc, start):
        # "l'adjoint aux finances, Marc Le Goff": a title's portfolio, when a name follows it.
        k = extend_np(view, end + 1, limit)
        if k > end + 1 and k + 1 < limit and doc[k].text == "," and is_name_token(doc[k + 1]):
            end = k
    if end + 1 >= limit or doc[end].text != ",":
        return end
    j = end + 1
    if doc[j].lower_ in ("l'un", "l’un", "l'une", "l’une"):
        j += 1
    if not (doc[j].pos_ in NP_POS or doc[j].ent_type_ == "PER"):
        return end
    stop = extend_np(view, j, limit)
    if stop <= j or (stop < limit and doc[stop].text not in (",", ":", ".", ";", "!", "?")):
        return end
    return stop if starts_with_name(doc, start) != starts_with_name(doc, j) else end


def starts_with_name(doc: Doc, k: int) -> bool:
    """Whether a phrase opens with a name ("Michel Spiro", "le Conseil national") or a description."""
    while k < len(doc) and (doc[k].pos_ in ("DET", "ADP") or doc[k].lower_ in DE_FORMS):
        k += 1
    return k < len(doc) and (doc[k].pos_ in NAME_POS or doc[k].text[:1].isupper())


def is_name_token(tok: Token) -> bool:
    """A proper name, or a capitalised word inside a named entity ("la Ligue arabe")."""
    return tok.pos_ in NAME_POS or (bool(tok.ent_type_) and tok.text[:1].isupper())


def _detached_pp(child: Token) -> bool:
    """ ", avec Alfredo Pérez Rubalcaba": a comma and a preposition other than "de" end the phrase."""
    first = child.left_edge
    if first.i == 0 or first.doc[first.i - 1].text != ",":
        return False
    return any(c.dep_ == "case" and c.lower_ not in DE_FORMS for c in child.children)


def entity_span(tok: Token) -> tuple[int, int] | None:
    """Tokens of the named entity holding ``tok``, if any."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    a = tok.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = tok.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return a, b
