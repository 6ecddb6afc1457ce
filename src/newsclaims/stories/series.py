"""A story's figures as series: what each source said each figure was, when, who reported it first,
where a source revised itself and where sources disagree. Pure functions over figure points.

A point is one figure in one article, with the concept it counts (from the packs' concepts), the
entity its counted words name ("North Korean soldiers"), the place its clause names, its source
entity (a spokesperson's figure counts for the institution), the day it was said, and its
qualifier read as an interval ("about 10,000" is 9,000-11,000, "at least 3,000" is 3,000 and up).
Points that give the same source's same figure (the same value said within days, or retold later
by an article that gives no new date) are one series point with many reports, the earliest marked.
A source giving a new value for the same concept is a revision. Two sources disagree when, for the
same concept, entity and place, within a week, their intervals cannot both hold; figures for
another place (in Kursk vs in Russia) or a forecast ("could reach 10,000 by December") never do.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from newsclaims.stories.lexicon import all_lexicons, narrows
from newsclaims.text import fold_words

APPROX = 0.10  # "about" and "nearly" cover this much either side of the value
SAME_CLAIM_DAYS = 3  # a source saying the same figure within these days says it once
DISAGREE_DAYS = 7  # sources disagree only about the same period
RETOLD_DAYS = 90  # an article retelling a figure without a date of its own: the claim it retells, this far back


@dataclass(frozen=True)
class StoryPoint:
    """One figure in one article, with who gave it and when."""

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
    speaker: str | None  # the speaker as the article names them; None for the article's own voice
    speaker_role: str | None
    cue: str | None
    lang: str
    published: date | None
    title: str | None
    article_id: str
    figure_id: str
    concept: str | None = None
    about: str | None = None  # the entity the counted words name, by name
    about_id: str | None = None
    place: str | None = None
    place_id: str | None = None
    source: str | None = None  # the source entity's name (the institution for a spokesperson)
    source_id: str | None = None
    forecast: bool = False

    @property
    def interval(self) -> tuple[float, float] | None:
        """The values the figure allows, from its qualifier; None for a vague one ("hundreds")."""
        if self.value is None or self.qualifier == "vague":
            return None
        v = self.value
        return {
            "approx": (v * (1 - APPROX), v * (1 + APPROX)),
            "at_least": (v, math.inf),
            "at_most": (0.0, v),
            "range": (self.low if self.low is not None else v, self.high if self.high is not None else v),
        }.get(self.qualifier, (v, v))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("said_on", "published"):
            d[key] = d[key].isoformat() if d[key] else None
        interval = self.interval
        d["interval"] = [interval[0], None if math.isinf(interval[1]) else interval[1]] if interval else None
        return d


@dataclass(frozen=True)
class SeriesPoint:
    """One source's figure at one time, with every article that reported it (earliest first)."""

    reports: tuple[StoryPoint, ...]

    @property
    def first(self) -> StoryPoint:
        """The first report: the earliest article that carried it."""
        return self.reports[0]

    @property
    def said(self) -> StoryPoint:
        """The report that says best who gave it and when: attributed, with a date from its text if
        one is, else the first attributed one, else the first."""
        attributed = [p for p in self.reports if p.source_id]
        return next((p for p in attributed if p.said_on_from == "text"), attributed[0] if attributed else self.first)

    def to_dict(self) -> dict[str, Any]:
        said = self.said
        return {
            "said_on": said.said_on.isoformat() if said.said_on else None,
            "source": said.source,
            "source_id": said.source_id,
            "value": said.value,
            "qualifier": said.qualifier,
            "place": said.place,
            "forecast": said.forecast,
            "first": self.first.to_dict(),
            "reports": [{"article_id": p.article_id, "figure_id": p.figure_id, "lang": p.lang} for p in self.reports],
        }


@dataclass(frozen=True)
class Revision:
    point: SeriesPoint
    previous: SeriesPoint

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.point.said.source,
            "from": self.previous.said.value,
            "to": self.point.said.value,
            "from_figure": self.previous.said.figure_id,
            "to_figure": self.point.said.figure_id,
        }


@dataclass(frozen=True)
class Disagreement:
    a: SeriesPoint
    b: SeriesPoint

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict()}


@dataclass(frozen=True)
class Series:
    """The figures of one concept about one entity ("soldiers", "North Korea")."""

    concept: str | None
    about: str | None
    points: tuple[SeriesPoint, ...]  # in the order they were said
    revisions: tuple[Revision, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def label(self) -> str:
        return " · ".join(x for x in (self.concept or "figures", self.about) if x)

    def to_dict(self) -> dict[str, Any]:
        return {
            "concept": self.concept,
            "about": self.about,
            "points": [p.to_dict() for p in self.points],
            "revisions": [r.to_dict() for r in self.revisions],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }


@dataclass(frozen=True)
class Story:
    """A story's figures (those a query names, or all of them): every report, and the series."""

    query: str
    points: tuple[StoryPoint, ...]  # every report, in the order they were said
    series: tuple[Series, ...] = ()
    story_id: str | None = None
    label: str | None = None

    @property
    def firsts(self) -> tuple[StoryPoint, ...]:
        """The first report of each series point, in the order they were said."""
        return tuple(p.first for s in self.series for p in s.points if p.said.source_id)

    @property
    def disagreements(self) -> tuple[tuple[StoryPoint, StoryPoint], ...]:
        return tuple((d.a.said, d.b.said) for s in self.series for d in s.disagreements)

    @property
    def revisions(self) -> dict[str, float]:
        """For each report that revised its source's figure, the value the source gave before."""
        out: dict[str, float] = {}
        for s in self.series:
            for r in s.revisions:
                for p in r.point.reports:
                    if r.previous.said.value is not None:
                        out[p.figure_id] = r.previous.said.value
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "story_id": self.story_id,
            "label": self.label,
            "points": [p.to_dict() for p in self.points],
            "firsts": [p.to_dict() for p in self.firsts],
            "disagreements": [[a.to_dict(), b.to_dict()] for a, b in self.disagreements],
            "series": [s.to_dict() for s in self.series],
        }


# -- which figures a query names ---------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    words: str
    concepts: tuple[str, ...]
    entities: tuple[str, ...]  # canonical names of states and institutions the query names
    rest: tuple[str, ...] = field(default=())  # other words, matched in the figure's words


def read_query(words: str, entities_in: Any = None) -> Query:
    """The concepts ("soldats", "troops") and entities ("nord-coréens") a query names, in any language."""
    from newsclaims import gazetteer

    folded = fold_words(words).split()
    concepts: list[str] = []
    used: set[int] = set()
    for lex in all_lexicons():
        for i, concept in lex.noun_concepts(folded):
            used.add(i)
            if concept not in concepts:
                concepts.append(concept)
    named = tuple((entities_in or gazetteer.entities_in)(words))
    named_words = set(fold_words(" ".join(named)).split())
    rest = tuple(
        w
        for i, w in enumerate(folded)
        if i not in used and w not in named_words and not gazetteer.entities_in(w) and len(w) > 2
    )
    return Query(words, tuple(concepts), named, rest)


def matches(point: StoryPoint, query: Query) -> bool:
    """The point counts a concept of the query (or a narrower one) and names its entities (in its
    counted words or its sentence); a query naming no concept matches the figure's own words."""
    from newsclaims import gazetteer

    if query.concepts:
        if not point.concept or not any(narrows(point.concept, c) for c in query.concepts):
            return False
    else:
        own = fold_words(f"{point.counted or ''} {point.text}")
        if not query.rest or not all(w in own for w in query.rest):
            return False
    if query.entities:
        around = set(gazetteer.entities_in(point.context))
        if point.about:
            around.add(point.about)
        return all(e in around for e in query.entities)
    return True


# -- series -------------------------------------------------------------------------------------------


def _order(p: StoryPoint) -> tuple[date, date, str, str]:
    return (p.said_on or date.max, p.published or date.max, p.article_id, p.figure_id)


def resolve_sources(points: Sequence[StoryPoint], speaks_for: dict[str, str]) -> list[StoryPoint]:
    """Points whose speaker speaks for an institution another article names (a spokesperson whose
    role here does not say which ministry) count for it: ``speaks_for`` maps a speaker entity's id
    to its institution's id, and the institution's name is taken from the points."""
    names = {p.source_id: p.source for p in points if p.source_id}
    out = []
    for p in points:
        target = speaks_for.get(p.source_id or "")
        if target and target in names:
            p = replace(p, source_id=target, source=names[target])
        out.append(p)
    return out


def _same_claim(p: StoryPoint, claim: list[StoryPoint]) -> bool:
    """The same source's same figure: same value, qualifiers that agree ("près de 8 000" and "as
    many as 8,000"), same concept, places that do not differ, said within days (or retold later)."""
    first = claim[0]
    if (p.source_id, p.value, p.concept, p.forecast) != (first.source_id, first.value, first.concept, first.forecast):
        return False
    ip, ifirst = p.interval, first.interval
    if (ip is None) != (ifirst is None) or (ip and ifirst and _disjoint(ip, ifirst)):
        return False
    if p.place_id and first.place_id and p.place_id != first.place_id:
        return False
    if first.said_on is None or p.said_on is None:
        return True
    days = (p.said_on - first.said_on).days
    if p.said_on_from != "text":  # a later article retelling it, with no date of its own
        return 0 <= days <= RETOLD_DAYS
    return abs(days) <= SAME_CLAIM_DAYS


def claims_of(points: Iterable[StoryPoint]) -> list[SeriesPoint]:
    """Reports of the same source's same figure, together; unattributed reports join the claim of
    the same figure made earlier, if any (an article retelling it)."""
    claims: list[list[StoryPoint]] = []
    attributed = sorted((p for p in points if p.source_id), key=_order)
    for p in attributed:
        for claim in claims:
            if _same_claim(p, claim):
                claim.append(p)
                break
        else:
            claims.append([p])
    for p in sorted((p for p in points if not p.source_id), key=_order):
        earlier = [
            c
            for c in claims
            if (c[0].value, c[0].qualifier, c[0].concept) == (p.value, p.qualifier, p.concept)
            and (p.said_on is None or c[0].said_on is None or c[0].said_on <= p.said_on)
        ]
        if earlier:
            earlier[-1].append(p)
        else:
            claims.append([p])
    out = [SeriesPoint(tuple(sorted(c, key=lambda p: (p.published or date.max, _order(p))))) for c in claims]
    return sorted(out, key=lambda s: _order(s.said))


def _distance(a: float | None, b: float | None) -> float:
    if not a or not b or a <= 0 or b <= 0:
        return math.inf
    return abs(math.log(a / b))


def revisions(points: Sequence[SeriesPoint]) -> list[Revision]:
    """A source giving, on a later day, a value it had not given: revised from its nearest earlier value."""
    out = []
    by_source: dict[str, list[SeriesPoint]] = defaultdict(list)
    for sp in points:
        if sp.said.source_id and not sp.said.forecast and sp.said.value is not None:
            by_source[sp.said.source_id].append(sp)
    for mine in by_source.values():
        for i, sp in enumerate(mine):
            day = sp.said.said_on
            before = [
                q for q in mine[:i] if q.said.said_on and day and q.said.said_on < day and _same_place(q.said, sp.said)
            ]
            if not before or any(q.said.value == sp.said.value for q in before):
                continue
            nearest = min(reversed(before), key=lambda q: _distance(q.said.value, sp.said.value))
            out.append(Revision(sp, nearest))
    return out


def _same_place(a: StoryPoint, b: StoryPoint) -> bool:
    return a.place_id == b.place_id or a.place_id is None or b.place_id is None


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def disagreements(points: Sequence[SeriesPoint]) -> list[Disagreement]:
    """Different sources, same place (both named alike, or neither), within a week, intervals that
    cannot both hold; one per pair of sources and place, the closest in time."""
    best: dict[tuple[str, str, str | None], tuple[int, Disagreement]] = {}
    usable = [sp for sp in points if sp.said.source_id and not sp.said.forecast and sp.said.interval]
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            pa, pb = a.said, b.said
            if pa.source_id == pb.source_id or pa.place_id != pb.place_id:
                continue
            if pa.said_on is None or pb.said_on is None:
                continue
            days = abs((pb.said_on - pa.said_on).days)
            ia, ib = pa.interval, pb.interval
            if days > DISAGREE_DAYS or ia is None or ib is None or not _disjoint(ia, ib):
                continue
            low, high = sorted((pa.source_id or "", pb.source_id or ""))
            key = (low, high, pa.place_id)
            pair = (a, b) if _order(pa) <= _order(pb) else (b, a)
            if key not in best or days < best[key][0]:
                best[key] = (days, Disagreement(*pair))
    return sorted((d for _days, d in best.values()), key=lambda d: _order(d.a.said))


def build_series(points: Sequence[StoryPoint]) -> list[Series]:
    """The points' series, one per concept and entity: a point naming no entity joins the entity
    its concept's other points name most; the series with most points first."""
    main_about: dict[str | None, str | None] = {}
    for concept in {p.concept for p in points}:
        named = Counter(p.about for p in points if p.concept == concept and p.about)
        main_about[concept] = named.most_common(1)[0][0] if named else None
    groups: dict[tuple[str | None, str | None], list[StoryPoint]] = defaultdict(list)
    for p in points:
        about = p.about or main_about[p.concept]
        if p.place is not None and p.place == about:  # "1 500 soldats ont quitté la Corée du Nord"
            p = replace(p, place=None, place_id=None)
        groups[(p.concept, about)].append(p)
    out = []
    for (concept, about), members in groups.items():
        claimed = claims_of(members)
        out.append(Series(concept, about, tuple(claimed), tuple(revisions(claimed)), tuple(disagreements(claimed))))
    return sorted(out, key=lambda s: (-sum(1 for p in s.points if p.said.source_id), -len(s.points), s.label))


def build_story(
    query: str,
    points: Sequence[StoryPoint],
    *,
    speaks_for: dict[str, str] | None = None,
    story_id: str | None = None,
    label: str | None = None,
) -> Story:
    """The story of ``query`` (every figure when it is empty) from candidate points."""
    resolved = resolve_sources(points, speaks_for or {})
    read = read_query(query) if query.strip() else None
    chosen = [p for p in resolved if p.value is not None and (read is None or matches(p, read))]
    if read is not None and read.entities:
        # What the query's entity names is the series' entity, even where the words say it only nearby.
        named = read.entities[0]
        chosen = [p if p.about else replace(p, about=named) for p in chosen]
    chosen.sort(key=_order)
    return Story(query, tuple(chosen), tuple(build_series(chosen)), story_id, label)
