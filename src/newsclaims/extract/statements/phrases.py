"""Noun phrases on the token sequence: where a source's phrase starts and ends, and what kind of
source a common noun names. The parser's subtrees are used for subjects before the verb; elsewhere
(inverted subjects, "selon X") the phrase is read left to right, which survives parsing errors."""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import StatementLexicon

NAME_POS = frozenset({"PROPN", "X"})
NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})
ACRONYM = re.compile(r"^[A-ZÉ][A-Z0-9&É.-]{1,9}$")
SourceClass = Literal["person", "organisation", "document", "group"]


def noun_class(tok: Token, lx: StatementLexicon) -> SourceClass | None:
    """The kind of source a common noun names ("person", "organisation", "document", "group" for a
    plural person noun), from the pack's nouns; None when it names no source."""
    nouns = lx.nouns
    low = tok.lower_
    for prefix in nouns.title_prefixes:
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            low = low[len(prefix) :]
    first = low.split("-")[0]
    lemma = tok.lemma_.lower()
    # The endings of "graphiste" say nothing of a name: "Jean-Baptiste", "Callixte".
    agent = _agent_noun(low, lx) and not (tok.pos_ in NAME_POS and tok.text[:1].isupper())
    if low in nouns.person or first in nouns.person or lemma in nouns.person or agent:
        return "group" if is_plural(tok) else "person"
    if low in nouns.institutions or low in nouns.organisation or lemma in nouns.organisation:
        return "organisation"
    if low in nouns.document or lemma in nouns.document:
        return "document"
    return None


def can_speak(subject: Token, lx: StatementLexicon) -> bool:
    """Whether a clause's subject could be who speaks: a personal pronoun, a name, or a noun of a
    person, a body or a group ("the plan", "la pollution" cannot)."""
    if subject.pos_ == "PRON":
        return subject.lower_ in lx.pron.subject
    return (
        subject.pos_ == "PROPN"
        or lx.ent(subject) in ("PER", "ORG")
        or noun_class(subject, lx) in ("person", "organisation", "group")
    )


def reported_clause_joined(verb: Token, lx: StatementLexicon) -> Token | None:
    """ "said the pollution had made him upset and vowed to ...": the reported clause's verb that the
    parser joined ``verb`` to, when ``verb`` has no subject of its own and that clause's subject
    cannot speak, so that ``verb`` is the reporting verb's second act; else None."""
    deps = lx.deps
    head = verb.head
    if verb.dep_ not in deps.conjunct or head.i >= verb.i or head.dep_ not in deps.complement_clause:
        return None
    if any(c.dep_ in deps.cue_subject | deps.passive_subject for c in verb.children):
        return None
    subject = next((c for c in head.children if c.dep_ in deps.subject | deps.passive_subject), None)
    return head if subject is not None and not can_speak(subject, lx) else None


def _agent_noun(low: str, lx: StatementLexicon) -> bool:
    return len(low) >= 7 and low.endswith(lx.nouns.person_suffixes)


def is_abstract(tok: Token, lx: StatementLexicon) -> bool:
    """Nouns made from verbs or adjectives ("la hausse", "cette décision") name no source."""
    low = tok.lower_
    suffixes = lx.nouns.abstract_suffixes
    return low.endswith(suffixes) or low.rstrip("s").endswith(suffixes)


def is_plural(tok: Token) -> bool:
    num = tok.morph.get("Number", [])
    if num:
        return num[0] == "Plur"
    return tok.lower_.endswith(("s", "x")) and tok.pos_ == "NOUN"


def gender_of(tok: Token) -> str | None:
    g = tok.morph.get("Gender", [])
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
    doc, lx = view.doc, view.lx
    j = i
    while j < limit and j - i < 16:
        tok = doc[j]
        if tok.text == "(" and j + 2 < limit and doc[j + 2].text == ")" and ACRONYM.match(doc[j + 1].text):
            j += 3
        elif j > i and tok.morph.get("VerbForm", []) == ["Part"] and _by_author(view, j + 1, limit) > j + 1:
            j = _by_author(view, j + 1, limit)  # "un rapport publié lundi par l'INSEE": the author is in the source
        elif _np_goes_on(view, i, j, limit):
            j += 1
        else:
            break
    # A noun phrase does not end on a determiner, a preposition or a conjunction.
    trailing = lx.fn.de | {lx.names.and_word}
    while j > i and (doc[j - 1].pos_ in ("DET", "ADP") or doc[j - 1].lower_ in trailing):
        j -= 1
    return j


def is_time_word(view: View, j: int) -> bool:
    """A word of a date ("lundi", "ce matin"); "ce" only before another one, not in "ce budget"."""
    doc, lx = view.doc, view.lx
    low = doc[j].lower_
    if low in lx.det.demonstrative:
        return j + 1 < len(doc) and doc[j + 1].lower_ in lx.nouns.time
    return low in lx.nouns.time


def _by_author(view: View, k: int, limit: int) -> int:
    """Just past "par" after a participle, with dates between ("publié dimanche par"); else ``k``."""
    doc, lx = view.doc, view.lx
    j = k
    while j < limit and j - k < 4 and (doc[j].lower_ in lx.nouns.time or doc[j].pos_ in ("ADV", "NUM")):
        j += 1
    return j + 1 if j < limit and doc[j].lower_ in lx.fn.agent_prepositions else k


def _np_goes_on(view: View, i: int, j: int, limit: int) -> bool:
    """Whether token j still belongs to the noun phrase that started at token i."""
    doc, lx = view.doc, view.lx
    tok = doc[j]
    low = tok.lower_
    nxt = doc[j + 1] if j + 1 < limit else None
    if tok.pos_ in NP_POS and not is_time_word(view, j):
        return True
    if (j > i and tok.ent_iob_ == "I") or (lx.ent(tok) in ("PER", "ORG", "MISC") and tok.text[:1].isupper()):
        return True  # a name the tagger split oddly: "le quotidien El Punt Avui"
    if nxt is None or j == i:
        return False
    if low in lx.genitive or low in lx.fn.possessive_markers:
        return nxt.pos_ in NP_POS
    if low in lx.fn.portfolio_prepositions:
        return _capitalised_noun(doc, j + 1, limit)
    if low in lx.fn.location_prepositions:
        return nxt.pos_ == "PROPN" and lx.ent(nxt) == "LOC"  # "ambassadeur de France en Afghanistan"
    if tok.text in ("-", "–"):
        return nxt.pos_ in NAME_POS
    return low == lx.names.and_word and doc[j - 1].pos_ in NAME_POS and nxt.pos_ in NAME_POS


def _capitalised_noun(doc: Doc, k: int, limit: int) -> bool:
    """ "à la Défense", "aux Affaires étrangères": a ministry's portfolio, not "à l'AFP"."""
    while k < limit and doc[k].pos_ == "DET":
        k += 1
    return k < limit and doc[k].pos_ == "NOUN" and doc[k].text[:1].isupper()


def extend_np_left(view: View, end: int, lower: int) -> int:
    """Start of the noun phrase ending just before ``end``, looking no further left than ``lower``:
    names joined by "et", "de"-complements, adjectives, up to and including a determiner."""
    doc, lx = view.doc, view.lx
    inner = lx.genitive | lx.fn.title_prepositions
    j = end
    while j - 1 >= lower and end - j < 16:
        tok = doc[j - 1]
        if tok.pos_ == "DET":
            # "le ministre de l'Agriculture": a determiner inside a complement does not end the phrase.
            inside = j - 3 >= lower and doc[j - 2].lower_ in inner and doc[j - 3].pos_ in NP_POS
            if not inside:
                return j - 1
        if not _np_goes_back(view, j - 1, lower):
            break
        j -= 1
    return j


def _np_goes_back(view: View, k: int, lower: int) -> bool:
    """Whether token k belongs to the noun phrase that continues right after it."""
    doc, lx = view.doc, view.lx
    tok = doc[k]
    low = tok.lower_
    if tok.pos_ in NP_POS and not is_time_word(view, k):
        return True
    before_is_noun = k - 1 >= lower and doc[k - 1].pos_ in ("NOUN", "PROPN")
    if low in lx.genitive or low in lx.fn.possessive_markers:
        return before_is_noun
    if low == lx.names.and_word or tok.text in ("-", "–"):
        return before_is_noun and doc[k + 1].pos_ in NAME_POS
    return False


def subject_np(view: View, head: Token, limit: int) -> tuple[int, int]:
    """Token span of a subject: its head's subtree without relative or adverbial clauses, cut before
    ``limit`` (the verb group)."""
    doc, lx = view.doc, view.lx
    deps = lx.deps
    clauses = deps.relative_clause | deps.adjectival_clause | deps.adverbial_clause | deps.parataxis | deps.unclassified
    leading = deps.coordinator | deps.fixed | deps.mark | deps.case
    skip: set[int] = set()
    for child in head.children:
        if child.i < head.i:
            continue
        if child.dep_ in clauses or _detached_pp(child, lx):
            skip.update(t.i for t in child.subtree)
    left = head.i
    while (
        left - 1 >= head.left_edge.i
        and left - 1 not in skip
        and (doc[left - 1].pos_ != "PUNCT" or _inner_hyphen(doc, left - 1))
    ):
        left -= 1
    # "ainsi que la CGT": the conjunction in front is not part of the phrase.
    while left < head.i and (doc[left].dep_ in leading or doc[left].pos_ in ("ADV", "SCONJ")):
        left += 1
    right = head.i + 1
    stop = min(head.right_edge.i + 1, limit)
    while right < stop and right not in skip:
        right += 1
    trailing = lx.pron.relative_subject | lx.fn.complementizers
    while right > head.i + 1 and (doc[right - 1].pos_ == "PUNCT" or doc[right - 1].lower_ in trailing):
        right -= 1
    if right < min(limit, len(doc)) and glued_s(doc, right):
        right += 1  # "Moody's", cut by the tokenizer after the apostrophe
    return left, right


def glued_s(doc: Doc, k: int) -> bool:
    """The "s" of "Moody's" when the tokenizer cut the name after its apostrophe."""
    return k > 0 and doc[k].lower_ == "s" and doc[k - 1].text.endswith(("'", "’")) and not doc[k - 1].whitespace_


def _inner_hyphen(doc: Doc, k: int) -> bool:
    """A hyphen inside a word ("Detroit-based"), not a dash between phrases."""
    return doc[k].text in ("-", "‑") and k > 0 and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def with_apposition(view: View, start: int, end: int, limit: int) -> int:
    """Past an apposition closing a source's phrase: a name after a title ("le président du CERN,
    Michel Spiro,") or a title after a name ("Oumar Maïga, l'un des responsables."), kept when
    punctuation or the sentence end follows it. Two names in a row are two phrases, not one."""
    doc, lx = view.doc, view.lx
    if end + 3 < limit and doc[end].text == "(":
        # "le président de l'Union française des industries pétrolières (Ufip), Jean Louis Schilansky":
        # past a short bracket, when an apposition follows it.
        close = next((k for k in range(end + 1, min(limit, end + 6)) if doc[k].text == ")"), None)
        if close is None or close + 1 >= limit or doc[close + 1].text != ",":
            return end
        longer = with_apposition(view, start, close + 1, limit)
        return longer if longer > close + 1 else end
    if end + 1 < limit and doc[end].lower_ in lx.fn.dative and not starts_with_name(view, start):
        # "l'adjoint aux finances, Marc Le Goff": a title's portfolio, when a name follows it.
        k = extend_np(view, end + 1, limit)
        if k > end + 1 and k + 1 < limit and doc[k].text == "," and is_name_token(doc[k + 1]):
            end = k
    if end + 1 >= limit or doc[end].text != ",":
        return end
    j = end + 1
    if doc[j].lower_ in lx.names.one_of:
        j += 1
    if not (doc[j].pos_ in NP_POS or lx.ent(doc[j]) == "PER"):
        return end
    stop = extend_np(view, j, limit)
    if stop <= j or (stop < limit and doc[stop].text not in (",", ":", ".", ";", "!", "?")):
        return end
    return stop if starts_with_name(view, start) != starts_with_name(view, j) else end


def starts_with_name(view: View, k: int) -> bool:
    """Whether a phrase opens with a name ("Michel Spiro", "le Conseil national") or a description."""
    doc = view.doc
    while k < len(doc) and (doc[k].pos_ in ("DET", "ADP") or doc[k].lower_ in view.lx.genitive):
        k += 1
    return k < len(doc) and (doc[k].pos_ in NAME_POS or doc[k].text[:1].isupper())


def is_name_token(tok: Token) -> bool:
    """A proper name, or a capitalised word inside a named entity ("la Ligue arabe")."""
    return tok.pos_ in NAME_POS or (bool(tok.ent_type_) and tok.text[:1].isupper())


def _detached_pp(child: Token, lx: StatementLexicon) -> bool:
    """ ", avec Alfredo Pérez Rubalcaba": a comma and a preposition other than "de" end the phrase."""
    first = child.left_edge
    if first.i == 0 or first.doc[first.i - 1].text != ",":
        return False
    return any(c.dep_ in lx.deps.case and c.lower_ not in lx.genitive for c in child.children)


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
