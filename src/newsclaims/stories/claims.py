"""Claims: the same statement carried by several articles, outlets or languages is one claim with
many reports. A pure function over statements.

Two statements are reports of one claim when they come from the same source entity (a
spokesperson's statement counts for the institution they speak for), within days of each other (or
the later one retells the earlier without a date of its own), and say the same thing: they give
the same figure, or their words are mostly the same (in one language), or, across languages, they
name mostly the same entities and no figure tells them apart. A claim is named by its first report
(the earliest article), which is marked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsclaims import gazetteer
from newsclaims.stories.lexicon import lexicon
from newsclaims.text import fold_words

SAME_DAYS = 3  # reports of one claim are said within these days...
RETOLD_DAYS = 90  # ...or retold later by an article that gives no date of its own
SAME_WORDS = 0.5  # share of words (Jaccard) that makes two statements in one language say the same
SAME_ENTITIES = 0.6  # share of named entities that does across languages (with at least two)
MIN_FIGURE = 10  # smaller numbers (two countries) do not identify a proposition


@dataclass(frozen=True)
class Report:
    """One statement in one article."""

    statement_id: str
    article_id: str
    speaker: str | None
    source_id: str | None
    source: str | None
    content: str
    cue: str | None
    kind: str | None
    lang: str
    published: date | None
    said_on: date | None
    said_on_from: str
    title: str | None
    url: str | None
    values: frozenset[float]
    entities: frozenset[str]
    words: frozenset[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement_id": self.statement_id,
            "article_id": self.article_id,
            "speaker": self.speaker,
            "content": self.content,
            "cue": self.cue,
            "kind": self.kind,
            "lang": self.lang,
            "published": self.published.isoformat() if self.published else None,
            "said_on": self.said_on.isoformat() if self.said_on else None,
            "title": self.title,
            "url": self.url,
        }


@dataclass(frozen=True)
class Claim:
    reports: tuple[Report, ...]  # the first report first, then by date

    @property
    def id(self) -> str:
        return self.first.statement_id

    @property
    def first(self) -> Report:
        return self.reports[0]

    @property
    def source(self) -> str | None:
        return self.first.source

    @property
    def said_on(self) -> date | None:
        dated = [r.said_on for r in self.reports if r.said_on_from == "text" and r.said_on]
        return min(dated) if dated else self.first.said_on

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "source_id": self.first.source_id,
            "said_on": self.said_on.isoformat() if self.said_on else None,
            "content": self.first.content,
            "n_reports": len(self.reports),
            "langs": sorted({r.lang for r in self.reports}),
            "first": self.first.to_dict(),
            "reports": [r.to_dict() for r in self.reports],
        }


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def to_report(row: Mapping[str, Any], speaks_for: Mapping[str, str], names: Mapping[str, str]) -> Report:
    """A stored statement row (``store.stories.claim_statements``) as a report; ``speaks_for`` maps a
    speaker to the institution they speak for elsewhere, ``names`` entity ids to names."""
    source_id = row["speaker_entity_id"]
    if row["speaks_for"] and row["speaker_affiliation_id"]:
        source_id = row["speaker_affiliation_id"]
    source_id = speaks_for.get(source_id or "", source_id)
    said = _day(row["said_on"])
    content = row["content"] or ""
    entities = set(row["content_entities"] or ())
    entities.update(gazetteer.entities_in(content))
    lex = lexicon(row["lang"])
    return Report(
        statement_id=row["id"],
        article_id=row["article_id"],
        speaker=row["speaker_name"],
        source_id=source_id,
        source=names.get(source_id or "", row["speaker_entity"] or row["speaker_name"]),
        content=content,
        cue=row["cue"],
        kind=row["kind"],
        lang=row["lang"],
        published=row["published"],
        said_on=said or row["published"],
        said_on_from=(row["said_on_from"] or "text") if said else "published",
        title=row["title"],
        url=row["url"],
        values=frozenset(float(v) for v in row["figure_values"] or () if v is not None and v >= MIN_FIGURE),
        entities=frozenset(entities),
        words=frozenset(f"{row['lang']}:{w}" for w in lex.content_words(content)),
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_proposition(a: Report, b: Report) -> bool:
    """Same figure; else (neither giving one) mostly the same words in one language, or across
    languages mostly the same entities."""
    if a.values or b.values:
        if a.values and b.values:
            return bool(a.values & b.values)
        return a.lang == b.lang and _jaccard(a.words, b.words) >= SAME_WORDS
    if a.lang == b.lang:
        return _jaccard(a.words, b.words) >= SAME_WORDS
    return len(a.entities & b.entities) >= 2 and _jaccard(a.entities, b.entities) >= SAME_ENTITIES


def close_in_time(a: Report, b: Report) -> bool:
    if a.said_on is None or b.said_on is None:
        return True
    early, late = (a, b) if a.said_on <= b.said_on else (b, a)
    days = (late.said_on - early.said_on).days  # type: ignore[operator]
    return days <= SAME_DAYS or (late.said_on_from != "text" and days <= RETOLD_DAYS)


def _order(r: Report) -> tuple[date, date, str]:
    return (r.published or date.max, r.said_on or date.max, r.statement_id)


def group_claims(reports: Iterable[Report]) -> list[Claim]:
    """Reports into claims (see the module's docstring), the earliest claims first."""
    by_source: dict[str, list[Report]] = defaultdict(list)
    alone: list[Report] = []
    for r in reports:
        (by_source[r.source_id] if r.source_id else alone).append(r)
    claims: list[Claim] = [Claim((r,)) for r in alone]
    for mine in by_source.values():
        # Each report joins the first claim whose first report it repeats (compared with the first
        # report, not any report, so that claims do not chain from one statement to the next).
        groups: list[list[Report]] = []
        for r in sorted(mine, key=_order):
            home = next((g for g in groups if close_in_time(g[0], r) and same_proposition(g[0], r)), None)
            if home is None:
                groups.append([r])
            else:
                home.append(r)
        claims += [Claim(tuple(g)) for g in groups]
    return sorted(claims, key=lambda c: (c.said_on or date.max, _order(c.first)))


def speaker_matches(claim: Claim, words: str) -> bool:
    """Whether every word names the claim's source or one of the speakers who reported it."""
    wanted = fold_words(words).split()
    names = fold_words(" ".join(filter(None, [claim.source, *(r.speaker or "" for r in claim.reports)])))
    return all(w in names for w in wanted)


def claim_containing(claims: Sequence[Claim], statement_id: str) -> Claim | None:
    """The claim one of whose reports is this statement (a claim's id is its first report's)."""
    return next((c for c in claims if any(r.statement_id == statement_id for r in c.reports)), None)
