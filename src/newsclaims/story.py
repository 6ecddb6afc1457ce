"""Following a figure across articles and languages: the series, who said it first, where sources disagree.

A story is asked for in words ("soldats nord-coréens", "North Korean troops"). A figure belongs to it
when what it counts matches one of the words and the sentence around it matches all of them; a small
bilingual table of equivalents lets a French query find English articles and the reverse. Each
figure is dated by its statement (the day it was said, "a déclaré lundi"), else by its article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import duckdb

from newsclaims.extract.entities import canonical_names
from newsclaims.gazetteer import canonical_source
from newsclaims.store.sql import rows as fetch_rows

# Words that name the same thing in French and English news; each group is one concept.
_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("soldat", "soldier", "troupe", "troop", "militaire", "military", "combattant", "fighter", "personnel", "homme"),
    ("nord-coreen", "nord coreen", "north korean", "coree du nord", "north korea", "pyongyang"),
    ("sud-coreen", "south korean", "coree du sud", "south korea", "seoul"),
    ("russe", "russian", "russie", "russia", "moscou", "moscow"),
    ("ukrainien", "ukrainian", "ukraine", "kiev", "kyiv"),
    ("americain", "american", "etats-unis", "united states", "washington"),
    ("mort", "tue", "killed", "dead", "death", "deces"),
    ("blesse", "wounded", "injured"),
    ("victime", "casualt", "perte", "loss"),
    ("civil", "civilian"),
    ("refugie", "refugee"),
    ("officier", "officer"),
    ("general", "general"),
    ("dollar", "usd"),
    ("euro", "eur"),
)
_STOP = {"de", "des", "du", "la", "le", "les", "of", "the", "in", "en", "a", "au", "aux", "et", "and"}
_DISAGREE_DAYS = 3  # two sources "disagree" when they give different values within this many days
_COMPARABLE = 3.0  # ...and the values are within this factor (30 dead and 10,000 sent are different facts)


def fold(text: str) -> str:
    """Lower case, no accents, one space between words: how story words are compared."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    return " ".join(re.findall(r"[\w-]+", text))


def _stem(word: str) -> str:
    """Plural-blind form: "soldats", "troops", "nord-coréennes" compare by their singular stem."""
    for suffix in ("nes", "nnes", "es", "s", "x"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def query_terms(query: str) -> list[tuple[str, ...]]:
    """Each concept of the query as the folded forms that may stand for it."""
    folded = fold(query)
    terms: list[tuple[str, ...]] = []
    used: set[int] = set()
    # Multi-word equivalents first ("coree du nord", "north korean").
    for i, group in enumerate(_EQUIVALENTS):
        if any(" " in form and form in folded for form in group):
            terms.append(group)
            used.add(i)
            for form in group:
                folded = folded.replace(form, " ")
    for word in folded.split():
        if word in _STOP:
            continue
        stem = _stem(word)
        group_index = next(
            (i for i, g in enumerate(_EQUIVALENTS) if any(_stem(f) == stem or f == word for f in g)), None
        )
        if group_index is None:
            terms.append((stem,))
        elif group_index not in used:
            terms.append(_EQUIVALENTS[group_index])
            used.add(group_index)
    return terms


def _mentions(haystack: str, forms: tuple[str, ...]) -> bool:
    """Whether a folded text holds one of the forms at a word start (plurals and feminines included)."""
    return any(re.search(r"(?<![\w-])" + re.escape(_stem(f) if " " not in f else f), haystack) for f in forms)


@dataclass(frozen=True)
class StoryPoint:
    """One figure of the story, with who gave it and when."""

    said_on: date | None  # when it was said: the statement's date, else the article's
    said_on_from: str  # "text" (a date beside the cue), "published", or "unknown"
    value: float | None
    qualifier: str
    low: float | None
    high: float | None
    unit: str | None
    currency: str | None
    counted: str | None
    text: str  # the figure's words, exactly as printed
    context: str  # the sentence it stands in
    speaker: str | None  # None when the article gives the figure in its own voice
    speaker_role: str | None
    cue: str | None
    lang: str
    published: date | None
    title: str | None
    article_id: str
    figure_id: str

    @property
    def source(self) -> str | None:
        """The speaker under its canonical name when it is a known institution or state."""
        return (canonical_source(self.speaker) or self.speaker) if self.speaker else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["source"] = self.source
        for key in ("said_on", "published"):
            d[key] = d[key].isoformat() if d[key] else None
        return d


@dataclass(frozen=True)
class Story:
    query: str
    points: tuple[StoryPoint, ...]  # in the order they were said
    firsts: tuple[StoryPoint, ...]  # for each value, the earliest attributed report of it
    disagreements: tuple[tuple[StoryPoint, StoryPoint], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "points": [p.to_dict() for p in self.points],
            "firsts": [p.to_dict() for p in self.firsts],
            "disagreements": [[a.to_dict(), b.to_dict()] for a, b in self.disagreements],
        }


_POINT_SQL = """
    SELECT f.id AS figure_id, f.article_id, f.value, f.qualifier, f.low, f.high, f.unit, f.currency,
           f.counted, f.text, f.start_char, f.end_char,
           s.speaker_name, s.speaker_role, s.cue, s.said_on, s.said_on_from,
           s.sentence_start, s.sentence_end,
           a.lang, a.published, a.title, a.text AS article_text
    FROM figures f
    JOIN articles a ON a.id = f.article_id
    LEFT JOIN statements s ON s.id = f.statement_id
    WHERE f.value IS NOT NULL
"""


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], found by the nearest sentence ends around it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start))
    ends = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return " ".join(text[left + 1 : right].split())


def source_keys(speakers: set[str]) -> dict[str, str]:
    """What makes two speakers one source: their canonical institution or state, else the fullest
    form of their name among the story's speakers ("Blinken" is "Antony Blinken")."""
    people = canonical_names(sorted(s for s in speakers if not canonical_source(s)))
    return {s: fold(canonical_source(s) or people.get(s, s)) for s in speakers}


def _point(r: dict[str, Any]) -> StoryPoint:
    said_on: date | None = None
    said_from = "unknown"
    if r["said_on"]:
        try:
            said_on, said_from = date.fromisoformat(str(r["said_on"])[:10]), r["said_on_from"] or "text"
        except ValueError:
            said_on = None
    if said_on is None and r["published"] is not None:
        said_on, said_from = r["published"], "published"
    text = r["article_text"]
    if r["sentence_start"] is not None:
        context = " ".join(text[r["sentence_start"] : r["sentence_end"]].split())
    else:
        context = _sentence_around(text, r["start_char"], r["end_char"])
    return StoryPoint(
        said_on=said_on,
        said_on_from=said_from,
        value=r["value"],
        qualifier=r["qualifier"],
        low=r["low"],
        high=r["high"],
        unit=r["unit"],
        currency=r["currency"],
        counted=r["counted"],
        text=r["text"],
        context=context,
        speaker=r["speaker_name"],
        speaker_role=r["speaker_role"],
        cue=r["cue"],
        lang=r["lang"],
        published=r["published"],
        title=r["title"],
        article_id=r["article_id"],
        figure_id=r["figure_id"],
    )


def matches(point: StoryPoint, terms: list[tuple[str, ...]]) -> bool:
    """What the figure counts names one concept of the query, and its sentence names all of them."""
    if not terms:
        return False
    counted = fold(f"{point.counted or ''} {point.text}")
    around = fold(f"{point.counted or ''} {point.text} {point.context}")
    return any(_mentions(counted, t) for t in terms) and all(_mentions(around, t) for t in terms)


def build_story(query: str, points: list[StoryPoint]) -> Story:
    """The story of ``query`` from candidate points: matching ones in order, firsts, disagreements."""
    terms = query_terms(query)
    chosen = sorted(
        (p for p in points if matches(p, terms)),
        key=lambda p: (p.said_on or date.max, p.published or date.max, p.article_id, p.figure_id),
    )
    keys = source_keys({p.speaker for p in chosen if p.speaker})
    # An article that repeats a source's figure (headline, lead, body) reports it once.
    unique: dict[tuple[str, float | None, str, str], StoryPoint] = {}
    for p in chosen:
        unique.setdefault((p.article_id, p.value, p.qualifier, keys.get(p.speaker or "", "")), p)
    kept = list(unique.values())
    return Story(query, tuple(kept), _firsts(kept), _disagreements(kept, keys))


def _firsts(points: list[StoryPoint]) -> tuple[StoryPoint, ...]:
    seen: dict[float, StoryPoint] = {}
    for p in points:
        if p.speaker and p.value is not None and p.value not in seen:
            seen[p.value] = p
    return tuple(sorted(seen.values(), key=lambda p: (p.said_on or date.max, p.value or 0)))


def _disagreements(points: list[StoryPoint], keys: dict[str, str]) -> tuple[tuple[StoryPoint, StoryPoint], ...]:
    attributed = [p for p in points if p.speaker and p.value and p.said_on]
    out: list[tuple[StoryPoint, StoryPoint]] = []
    seen: set[tuple[str, str, float, float]] = set()
    for i, a in enumerate(attributed):
        for b in attributed[i + 1 :]:
            assert a.said_on and b.said_on and a.value and b.value  # narrowed above
            if (b.said_on - a.said_on).days > _DISAGREE_DAYS:
                break
            key_a, key_b = keys[a.speaker or ""], keys[b.speaker or ""]
            if key_a == key_b or a.value == b.value:
                continue
            if max(a.value, b.value) / min(a.value, b.value) > _COMPARABLE:
                continue
            key = (key_a, key_b, a.value, b.value)
            if key not in seen:
                seen.add(key)
                out.append((a, b))
    return tuple(out)


def story(con: duckdb.DuckDBPyConnection, query: str, *, lang: str | None = None) -> Story:
    """The story of ``query`` over every article in the store."""
    sql, params = _POINT_SQL, []
    if lang:
        sql += " AND a.lang = ?"
        params.append(lang)
    return build_story(query, [_point(r) for r in fetch_rows(con, sql, params)])
