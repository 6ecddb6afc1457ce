"""Statements before their speaker is resolved: what each rule finds, in character offsets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceRef:
    """How to find a draft's speaker once the statements before it are known."""

    span: tuple[int, int] | None = None  # tokens of a noun phrase naming the source
    pronoun: int | None = None  # token of a subject pronoun ("il", "-elle") or "lui"/"eux" after selon
    previous: bool = False  # a floating quotation: the last speaker goes on
    like: Draft | None = None  # the same source as another draft (a participle, a colon after a cue)
    strict: bool = False  # the noun phrase must be a known kind of source (weak cue verbs)
    after_words: bool = False  # named after what was said (an inverted cue): "a poursuivi l'expert"


@dataclass
class Draft:
    content: tuple[int, int]  # characters
    cue: tuple[int, int] | None  # characters; None for a floating quotation
    source: SourceRef
    unit: int
    confidence: float
    rule: str
    speaker: object = field(default=None, repr=False)  # the resolved Speaker, filled in last
    referent: object = field(default=None, repr=False)

    @property
    def start(self) -> int:
        return min(self.content[0], self.cue[0]) if self.cue else self.content[0]

    def overlaps(self, other: Draft) -> bool:
        a, b = self.content
        c, d = other.content
        inter = min(b, d) - max(a, c)
        return inter > 0 and inter >= 0.5 * min(b - a, d - c)
