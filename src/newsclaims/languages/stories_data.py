"""What ``concepts.tsv`` and ``stories.toml`` hold: the words stories are built from.

``concepts.tsv``: one row per concept a figure can count (people, soldiers, deaths, jobs, money...).
The concept names are shared by every pack, so that "soldats" and "troops" are one concept; a
concept may narrow a broader one (deaths of people), and its predicates are words after the counted
thing that narrow it ("30 soldats tués" counts deaths).

``stories.toml``: stop words (words that tell no story apart), generic place words ("région de"),
the roles that speak for an institution (spokespeople), the words that make a figure a forecast,
and the endings a demonym or a counted noun may take ("nord-coréennes", "troops").
"""

from __future__ import annotations

import re
from importlib.resources.abc import Traversable

from pydantic import BaseModel, ConfigDict, field_validator

from newsclaims.languages.files import load_tsv, split_bar

CONCEPT_COLUMNS = ("concept", "broader", "nouns", "predicates")
_NAME = re.compile(r"^[a-z][a-z_]*$")


class ConceptRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    concept: str
    broader: str | None = None
    nouns: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()

    @field_validator("concept", "broader")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        if value is not None and not _NAME.match(value):
            raise ValueError(f"{value!r}: a concept name is lower-case letters and _ (shared by every pack)")
        return value

    @field_validator("nouns", "predicates", mode="before")
    @classmethod
    def _words(cls, value: object) -> object:
        return split_bar(value, "word")


class ConceptData(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: tuple[ConceptRow, ...] = ()


class StoryWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stopwords: tuple[str, ...] = ()
    place_words: tuple[str, ...] = ()
    spokesperson_roles: tuple[str, ...] = ()
    forecast: tuple[str, ...] = ()
    inflections: tuple[str, ...] = ()


def load_concepts(root: Traversable, pack: str) -> ConceptData:
    rows = tuple(load_tsv(root, "concepts.tsv", ConceptRow, CONCEPT_COLUMNS, pack))
    return ConceptData(rows=rows)
