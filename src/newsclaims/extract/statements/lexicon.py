"""A pack's statement data compiled for the reader: cue verbs by form or lemma, word sets at hand.

Compiled once per pack (``lexicon_for``). For a pack that matches cues by inflected form, every form
of every cue verb is generated from the pack's conjugation classes, so that the lookup is one dict
access per token.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsclaims.languages import LanguagePack
from newsclaims.languages.statements_data import (
    Conjugation,
    CueRow,
    Dependencies,
    Determiners,
    Frame,
    Function,
    Names,
    Nouns,
    Pronouns,
    Sources,
    StatementData,
)

__all__ = ["CueVerb", "Frame", "StatementLexicon", "lexicon_for"]

SPEECH = frozenset({Frame.CLAUSE, Frame.INFINITIVE, Frame.INVERTED, Frame.QUOTE})


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    frames: frozenset[Frame]
    weak: bool = False  # often has a non-human subject ("les chiffres indiquent"): needs a known source noun
    optional: bool = False  # beliefs and expectations: the annotation guide calls them borderline
    light: str = ""  # "faire" for "faire savoir": the cue is the word after a form of it


Phrase = tuple[str, ...]


class Phrases(tuple[Phrase, ...]):
    """Phrases of a few words, longest first, with the set of their first words: ``phrase_at`` runs
    at every token, and most tokens start no phrase."""

    first: frozenset[str]

    def __new__(cls, phrases: Iterable[Phrase]) -> Phrases:
        self = super().__new__(cls, sorted(phrases, key=len, reverse=True))
        self.first = frozenset(p[0] for p in self if p)
        return self


@dataclass(frozen=True, eq=False)
class StatementLexicon:
    code: str
    data: StatementData
    by_form: dict[str, CueVerb]
    by_lemma: dict[str, CueVerb]
    light: dict[str, tuple[frozenset[str], CueVerb]]  # second word -> (forms of the light verb, cue)
    phrasal: dict[str, dict[str, CueVerb]]  # verb lemma -> particle -> cue ("call for", "point out")
    circumstance_openers: Phrases
    according: Phrases
    opinion_relative: Phrases
    contrast_openers: Phrases
    group_adverbials: Phrases
    read_in: re.Pattern[str] | None
    honorific_prefix: re.Pattern[str]
    entity_classes: dict[str, str]  # the model's entity label -> PER, ORG, LOC or MISC

    def ent(self, tok: Token) -> str:
        """The entity class of a token ("PER", "ORG", "LOC", "MISC"), "" outside a named entity."""
        return self.entity_classes.get(tok.ent_type_, "") if tok.ent_type_ else ""

    def ent_label(self, label: str) -> str:
        return self.entity_classes.get(label, "")

    # The sections, named as the grammar reads them.
    @property
    def fn(self) -> Function:
        return self.data.function

    @property
    def pron(self) -> Pronouns:
        return self.data.pronouns

    @property
    def nouns(self) -> Nouns:
        return self.data.nouns

    @property
    def det(self) -> Determiners:
        return self.data.determiners

    @property
    def names(self) -> Names:
        return self.data.names

    @property
    def deps(self) -> Dependencies:
        return self.data.dependencies

    @property
    def sources(self) -> Sources:
        return self.data.sources

    @functools.cached_property
    def genitive(self) -> frozenset[str]:
        """ "de" and its forms with an article ("du", "des"): what joins a noun to its complement."""
        return self.fn.de | self.fn.de_articles

    def cue_for(self, form: str, lemma: str = "") -> CueVerb | None:
        """The cue verb a token's form (or, for packs that match by lemma, its lemma) belongs to."""
        low = form.lower().replace("’", "'")
        if self.data.cues.match == "forms":
            return self.by_form.get(low)
        return self.by_lemma.get(lemma.lower()) or self.by_form.get(low)

    def may_cue(self, lower: str, lemma: str) -> bool:
        """Whether a token of this lower-case form and lemma may be a cue (``_cue_info`` decides):
        the second word of a light-verb cue, a phrasal verb, or a cue verb."""
        return lower in self.light or lemma.lower() in self.phrasal or self.cue_for(lower, lemma) is not None

    def light_cue(self, doc: Doc, tok: Token) -> CueVerb | None:
        """ "fait savoir": the second word of a light-verb cue, after a form of the light verb."""
        entry = self.light.get(tok.lower_)
        if entry is None or tok.i == 0:
            return None
        forms, cue = entry
        return cue if doc[tok.i - 1].lower_ in forms else None

    def is_light_group(self, doc: Doc, tok: Token) -> bool:
        return self.light_cue(doc, tok) is not None

    def phrasal_cue(self, doc: Doc, tok: Token) -> tuple[CueVerb, int] | None:
        """ "called for", "pointed out": a verb and the particle right after it, and the particle's index."""
        particles = self.phrasal.get(tok.lemma_.lower())
        if not particles or tok.i + 1 >= len(doc):
            return None
        cue = particles.get(doc[tok.i + 1].lower_)
        return (cue, tok.i + 1) if cue is not None else None


def phrase_at(doc: Doc, i: int, phrases: Phrases, limit: int | None = None) -> int:
    """Length in tokens of the first phrase that starts at token i (lower case), else 0."""
    end = len(doc) if limit is None else limit
    if i >= end or doc[i].lower_ not in phrases.first:
        return 0
    # Most phrases fail on their second word: it is read once, not once per phrase.
    second = doc[i + 1].lower_ if i + 1 < end else None
    first = doc[i].lower_
    for phrase in phrases:
        n = len(phrase)
        if i + n > end or phrase[0] != first or (n > 1 and phrase[1] != second):
            continue
        k = 2
        while k < n and doc[i + k].lower_ == phrase[k]:
            k += 1
        if k >= n:
            return n
    return 0


@functools.cache
def lexicon_for(pack: LanguagePack) -> StatementLexicon:
    data = pack.statements
    by_form: dict[str, CueVerb] = {}
    by_lemma: dict[str, CueVerb] = {}
    light: dict[str, tuple[frozenset[str], CueVerb]] = {}
    phrasal: dict[str, dict[str, CueVerb]] = {}
    for row in pack.cues:
        cue = _cue(row)
        first, _sep, second = row.lemma.partition(" ")
        if first in data.cues.light_verbs and second:
            light[second] = (
                data.cues.light_verbs[first],
                CueVerb(row.lemma, cue.frames, cue.weak, cue.optional, first),
            )
            continue
        if second:  # a verb and its particle ("call for"), when no light verb comes first
            phrasal.setdefault(first, {})[second] = cue
            continue
        by_lemma.setdefault(row.lemma, cue)
        base = _bare(row.lemma, data.conjugation)
        by_lemma.setdefault(base, cue)
        if data.cues.match == "forms":
            for form in sorted(verb_forms(base, data.conjugation)):
                # The first lemma listed wins; only shared forms (rare) are affected.
                by_form.setdefault(form, cue)
    return StatementLexicon(
        code=pack.code,
        data=data,
        by_form=by_form,
        by_lemma=by_lemma,
        light=light,
        phrasal=phrasal,
        circumstance_openers=_phrases(data.function.circumstance_openers),
        according=_phrases(data.sources.according),
        opinion_relative=_phrases(data.sources.opinion_relative),
        contrast_openers=_phrases(data.function.contrast_openers),
        group_adverbials=_phrases(data.function.group_adverbials),
        read_in=re.compile(data.sources.read_in) if data.sources.read_in else None,
        honorific_prefix=re.compile(data.names.honorific_prefix),
        entity_classes={label: cls for cls, labels in pack.meta.entity_labels.items() for label in labels},
    )


def _cue(row: CueRow) -> CueVerb:
    return CueVerb(row.lemma, row.frames, "weak" in row.flags, "optional" in row.flags)


def _phrases(items: Iterable[str]) -> Phrases:
    # Longest first, so that "lors de" is tried before "lors".
    return Phrases(tuple(p.split()) for p in items if p.split())


def _bare(lemma: str, conj: Conjugation) -> str:
    """The verb without its reflexive pronoun: "s'inquiéter" -> "inquiéter"."""
    for prefix in conj.reflexive_prefixes:
        if lemma.startswith(prefix):
            return lemma[len(prefix) :]
    return lemma


def verb_forms(lemma: str, conj: Conjugation) -> set[str]:
    """Every form of a verb: listed when irregular, else generated by the first class that takes it."""
    if lemma in conj.irregular:
        return set(conj.irregular[lemma])
    for cls in conj.classes:
        if not lemma.endswith(cls.infinitive) or (cls.verbs is not None and lemma not in cls.verbs):
            continue
        stem = lemma[: -len(cls.infinitive)]
        forms: set[str] = set()
        for ending in cls.endings:
            s = stem
            for rule in cls.spelling:
                if rule.also or not re.search(rule.endings, ending):
                    continue
                s = re.sub(rule.stem, rule.to, s, count=1)
            forms.add(s + ending)
            for rule in cls.spelling:
                if rule.also and re.search(rule.endings, ending) and re.search(rule.stem, stem):
                    forms.add(re.sub(rule.stem, rule.to, stem, count=1) + ending)
        return forms
    return {lemma}
