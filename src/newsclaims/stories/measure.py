"""Pairwise precision, recall and F1 of a grouping against a reference grouping (the measure of
story grouping: every pair of articles put together, right or wrong)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PairScore:
    precision: float
    recall: float
    f1: float
    predicted: int  # pairs put together
    expected: int  # pairs the reference puts together
    right: int

    def __str__(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"
            f" ({self.right} of {self.predicted} pairs right, {self.expected} expected)"
        )


def pairs(groups: Mapping[str, str]) -> set[frozenset[str]]:
    """Every pair of items in the same group (``groups``: item -> group)."""
    members: dict[str, list[str]] = defaultdict(list)
    for item, group in groups.items():
        members[group].append(item)
    return {frozenset(p) for m in members.values() for p in itertools.combinations(sorted(m), 2)}


def pair_score(predicted: Mapping[str, str], expected: Mapping[str, str]) -> PairScore:
    """Scores over the items of ``predicted``; an item ``expected`` does not name is a group alone."""
    got = pairs(predicted)
    want = pairs({item: expected.get(item, f"alone:{item}") for item in predicted})
    right = len(got & want)
    p = right / len(got) if got else 1.0
    r = right / len(want) if want else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PairScore(p, r, f, len(got), len(want), right)


def read_groups(path: str | Path) -> dict[str, str]:
    """A reference grouping file: TSV ``story<TAB>space-separated item ids<TAB>why``, # comments."""
    out: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("story\t"):
            continue
        story, items, *_why = line.split("\t")
        for item in items.split():
            out[item] = story
    return out


def groups_of(assignments: Iterable[tuple[str, str]]) -> dict[str, str]:
    return dict(assignments)
