"""What ``entities.tsv`` holds: the names this language gives to institutions and states.

One row per canonical entity: its canonical name (the same in every pack, so that "le Pentagone" and
"the Pentagon" meet), its kind, the names it goes by in this language (``|``-separated: names,
acronyms, demonyms), and for a state the seats of power that speak for it ("Pyongyang"), which name
the state only when they act, never as a place.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from newsclaims.languages.files import load_tsv, split_bar

EntityKind = Literal["organisation", "state", "person"]
COLUMNS = ("canonical", "kind", "names", "seats")


class EntityRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    canonical: str
    kind: EntityKind
    names: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()

    @field_validator("names", "seats", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return split_bar(value)


class EntityData(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: tuple[EntityRow, ...] = ()


def load_entities(root: Traversable, pack: str) -> EntityData:
    return EntityData(rows=tuple(load_tsv(root, "entities.tsv", EntityRow, COLUMNS, pack)))
