"""Statements before their speaker is resolved: what each rule finds, in character offsets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class SourceRef:
    """How to find a draft's speaker once the statements before it are known."""

    span: tuple[int, int] | None = None  # tokens of a noun phrase naming the source
    pronoun: int | None = None  # token of a subject pronoun ("il", "-elle") or "lui"/"eux" after selon
    previous: bool = False  # a floating quotation: the last speaker goes on
    like: Draft | None = None  # the same source as another draft (a participle, a colon after a cue)
    strict: bool = False  # the noun phrase must be a known kind of source (weak cue verbs)
    after_words: bool = False  # named after what was said (an inverted cue): "a poursuivi l'expert"
    # Where only a source can stand, so a plain noun phrase is one: "inverted" (", a annoncé la
    # métropole."), "according" ("d'après la métropole,"); "" elsewhere.
    slot: str = ""


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


class SpanIndex(Generic[T]):
    """Items by character span, bucketed by position, so that "what overlaps this span" looks only
    near it: checking each new statement against all earlier ones made long texts quadratic."""

    WIDTH = 1024

    def __init__(self) -> None:
        self._buckets: dict[int, list[tuple[int, int, int, T]]] = {}
        self._count = 0

    def add(self, a: int, b: int, item: T) -> None:
        entry = (a, b, self._count, item)
        self._count += 1
        for k in range(a // self.WIDTH, max(a, b - 1) // self.WIDTH + 1):
            self._buckets.setdefault(k, []).append(entry)

    def near(self, a: int, b: int) -> Iterator[T]:
        """Items whose span touches [a, b] (ends included), in the order they were added."""
        found: dict[int, T] = {}
        for k in range(a // self.WIDTH, max(a, b - 1) // self.WIDTH + 1):
            for x, y, n, item in self._buckets.get(k, ()):
                if x <= b and a <= y:
                    found[n] = item
        for n in sorted(found):
            yield found[n]
