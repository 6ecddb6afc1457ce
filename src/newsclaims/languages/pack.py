"""A language pack: everything newsclaims knows about one language, read from one folder of data.

The folder holds ``pack.toml`` (code, name, spaCy pipeline) and one file per concern, each validated
when the pack is loaded; extractors compile what they need from it once per pack (see their
``lexicon_for(pack)`` functions). Code keeps the grammar: how a frame is read from a parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources.abc import Traversable

from newsclaims.languages.datelines_data import DatelineData, load_datelines
from newsclaims.languages.entities_data import EntityData, load_entities
from newsclaims.languages.figures_data import FigureData
from newsclaims.languages.files import load_toml
from newsclaims.languages.meta import PackMeta
from newsclaims.languages.statements_data import CueRow, StatementData, load_cues
from newsclaims.languages.stories_data import ConceptData, StoryWords, load_concepts
from newsclaims.languages.times_data import TimeData, load_times

FILES = (
    "pack.toml",
    "statements.toml",
    "cues.tsv",
    "figures.toml",
    "times.toml",
    "datelines.toml",
    "entities.tsv",
    "concepts.tsv",
    "stories.toml",
)


@dataclass(frozen=True, eq=False)  # identity equality: a pack is a cache key for compiled lexicons
class LanguagePack:
    meta: PackMeta
    statements: StatementData
    cues: tuple[CueRow, ...]
    figures: FigureData
    times: TimeData
    datelines: DatelineData
    entities: EntityData
    concepts: ConceptData
    stories: StoryWords
    origin: str = field(default="", compare=False)  # where it was loaded from, for messages

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def model(self) -> str:
        return self.meta.model

    def __repr__(self) -> str:
        return f"LanguagePack({self.code!r}, {self.origin or 'unknown origin'})"


def load_pack(root: Traversable, origin: str = "") -> LanguagePack:
    """Read and validate every file of the pack in ``root``; a malformed file raises ``PackError``."""
    label = getattr(root, "name", str(root))
    meta = load_toml(root, "pack.toml", PackMeta, label)
    code = meta.code
    return LanguagePack(
        meta=meta,
        statements=load_toml(root, "statements.toml", StatementData, code),
        cues=tuple(load_cues(root, code)),
        figures=load_toml(root, "figures.toml", FigureData, code),
        times=load_times(root, code),
        datelines=load_datelines(root, code),
        entities=load_entities(root, code),
        concepts=load_concepts(root, code),
        stories=load_toml(root, "stories.toml", StoryWords, code),
        origin=origin or str(root),
    )
