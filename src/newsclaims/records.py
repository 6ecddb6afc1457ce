"""Typed records that cross module boundaries.

Every record is a frozen dataclass; every text item carries start/end offsets into the text it was
found in (``Article.text`` once the pipeline has placed it). ``to_dict`` gives the JSON shape that
`../shared/eval/README.md` describes, with extra provenance fields the scorer ignores.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

SpeakerKind = Literal["person", "organisation", "group", "country", "document", "unknown"]
StatementKind = Literal["direct", "indirect", "mixed"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class TextSpan:
    """A piece of text with its offsets: ``text == source[start:end]``."""

    text: str
    start: int
    end: int

    def shifted(self, delta: int) -> TextSpan:
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to: canonical name, the words that named it, its role."""

    name: str  # canonical full name ("Antony Blinken", "responsables américains")
    mention: TextSpan | None  # the words in the text that designate it here ("il", "Blinken")
    kind: SpeakerKind = "unknown"
    role: str | None = None  # title as the text gives it ("secrétaire d'État américain")
    names: tuple[str, ...] = ()  # other names it goes by in this article

    def shifted(self, delta: int) -> Speaker:
        return dataclasses.replace(self, mention=self.mention.shifted(delta) if self.mention else None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention.text if self.mention else None,
            "mention_start": self.mention.start if self.mention else None,
            "mention_end": self.mention.end if self.mention else None,
            "kind": self.kind,
            "role": self.role,
            "names": list(self.names),
        }


@dataclass(frozen=True)
class Statement:
    speaker: Speaker
    cue: TextSpan | None  # None for a floating quote that continues the last speaker
    content: TextSpan
    kind: StatementKind
    sentence: TextSpan  # offsets of the sentence(s) holding the statement
    confidence: float
    extractor: str = "statements"
    version: str = "0"
    # When it was said, as a TIMEX3 date: from a time expression beside the cue ("a déclaré lundi"),
    # else the article's publication date. Filled by linking, not by the extractor.
    said_on: str | None = None
    said_on_from: Literal["text", "published"] | None = None
    rule: str = ""  # the rule of the extractor that found it ("que", "inverted", "selon", ...)

    def shifted(self, delta: int) -> Statement:
        return dataclasses.replace(
            self,
            speaker=self.speaker.shifted(delta),
            cue=self.cue.shifted(delta) if self.cue else None,
            content=self.content.shifted(delta),
            sentence=self.sentence.shifted(delta),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.text if self.cue else "",
            "cue_start": self.cue.start if self.cue else None,
            "cue_end": self.cue.end if self.cue else None,
            "kind": self.kind,
            "content": self.content.to_dict(),
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "confidence": round(self.confidence, 3),
            "said_on": self.said_on,
            "said_on_from": self.said_on_from,
            "rule": self.rule,
            "extractor": f"{self.extractor}/{self.version}",
        }


@dataclass(frozen=True)
class Figure:
    value: float | None
    qualifier: Qualifier
    text: str
    start: int
    end: int
    unit: str | None = None  # "%", "km", "tonnes", or an ISO 4217 code for money
    currency: str | None = None  # ISO 4217 when the figure is money
    counted: str | None = None  # the thing counted, with its modifiers ("soldats nord-coréens")
    low: float | None = None  # for ranges
    high: float | None = None
    flags: tuple[str, ...] = ()  # e.g. "implausible" for absurd numbers kept with a warning
    statement: int | None = None  # index into ArticleRecord.statements when inside one
    extractor: str = "figures"
    version: str = "0"
    rule: str = ""  # the pattern that found it ("digits", "words", "range", ...)

    def shifted(self, delta: int) -> Figure:
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["flags"] = list(self.flags)
        d["extractor"] = f"{self.extractor}/{d.pop('version')}"
        return d


@dataclass(frozen=True)
class TimeExpr:
    text: str
    start: int
    end: int
    type: TimeType
    value: str | None  # TIMEX3 value, None when it cannot be resolved (no anchor date)
    granularity: str | None = None  # day, week, month, season, quarter, year, decade, century, ref
    anchor: str | None = None  # the date it was resolved against (YYYY-MM-DD)
    flags: tuple[str, ...] = ()
    extractor: str = "times"
    version: str = "0"
    mod: str | None = None  # TIMEX3 mod: START, MID, END ("début", "mi-", "fin", "early", "late")
    rule: str = ""  # the pack's time rule that found it ("date", "weekday", "deictic", ...)

    def shifted(self, delta: int) -> TimeExpr:
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["flags"] = list(self.flags)
        d["extractor"] = f"{self.extractor}/{d.pop('version')}"
        return d


@dataclass(frozen=True)
class Entity:
    text: str
    start: int
    end: int
    label: str  # PER, ORG, LOC, MISC (spaCy's French labels; English ones mapped to these)
    canonical: str  # the name it resolves to within the article ("Blinken" -> "Antony Blinken")
    extractor: str = "entities"
    version: str = "0"

    def shifted(self, delta: int) -> Entity:
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["extractor"] = f"{self.extractor}/{d.pop('version')}"
        return d


Family = Literal["statement", "figure", "time"]


@dataclass(frozen=True)
class Dropped:
    """A candidate an extractor found and then set aside, with why: what ``extract --explain`` shows,
    so that a rule can be tuned from what it rejects."""

    family: Family
    text: str
    start: int
    end: int
    rule: str  # the rule that proposed it
    reason: str  # why it was dropped, in a few words ("an address", "a year", "no source")

    def shifted(self, delta: int) -> Dropped:
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Article:
    """One article as read: its text is what every offset in its record indexes."""

    id: str
    text: str
    lang: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None  # "given", "metadata", "dateline" or None
    source: str | None = None  # where it was read from (path, feed, WARC record)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "lang": self.lang,
            "source": self.source,
            "text": self.text,
        }


@dataclass(frozen=True)
class ArticleRecord:
    article: Article
    statements: tuple[Statement, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    dropped: tuple[Dropped, ...] = ()  # only when extracted with explain=True

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out = {
            **self.article.to_dict(),
            "statements": [s.to_dict() for s in self.statements],
            "figures": [f.to_dict() for f in self.figures],
            "times": [t.to_dict() for t in self.times],
            "entities": [e.to_dict() for e in self.entities],
        }
        if explain:
            out["dropped"] = [d.to_dict() for d in self.dropped]
        return out


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article, and why."""

    source: str
    reason: str
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def normalise_for_id(text: str) -> str:
    """The form of a text its id is computed from: NFC, whitespace collapsed, no case."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def article_id(text: str) -> str:
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


__all__ = [
    "Article",
    "ArticleRecord",
    "Dropped",
    "Entity",
    "Figure",
    "Rejected",
    "Speaker",
    "Statement",
    "TextSpan",
    "TimeExpr",
    "article_id",
]
