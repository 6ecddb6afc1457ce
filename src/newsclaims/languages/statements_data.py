"""What ``statements.toml`` and ``cues.tsv`` hold: reporting verbs and their frames, the nouns that
name sources, and the function words the statement grammar reads."""

from __future__ import annotations

from importlib.resources.abc import Traversable

from pydantic import BaseModel, ConfigDict

from newsclaims.languages.files import load_tsv


class CueRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lemma: str


class StatementData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def load_cues(root: Traversable, pack: str) -> list[CueRow]:
    return load_tsv(root, "cues.tsv", CueRow, ("lemma",), pack)
