"""Articles into stories, one article at a time: a pure function over the articles' features.

A new article joins the story it is most similar to, when that similarity reaches a threshold and
the story was active within a time window; otherwise it starts a story of its own. Nothing already
assigned moves, so an ingest adds to the stories of the store without recomputing them.

Similarity is a cosine between weighted feature vectors: an article's canonical entities (people,
institutions, states, places), the concepts its figures count, its figure values, the days it
names and its title words. Each feature is weighted by its kind and by how rare it is in the store
(inverse document frequency, smoothed by a prior for each kind so that a small store does not take
every shared country for a clue); a story's vector is the sum of its articles'. Shared entities and
figures cross languages: "Pyongyang" and "la Corée du Nord" are one state, "Koursk" and "Kursk" one
place, "soldats" and "troops" one concept.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

# How much each kind of feature says about a story, and how often it is expected in an article
# before the store has enough articles to say (the prior of its document frequency).
KIND_WEIGHT = {
    "person": 0.0,  # compared by surname (below), so that "Obama" meets "Barack Obama"
    "surname": 1.0,
    "title_person": 1.0,  # a group of its own (below): headlines naming different people tell stories apart
    "organisation": 1.0,
    "state": 0.6,
    "place": 1.0,
    "group": 0.3,
    "concept": 0.5,
    "value": 1.0,
    "date": 1.0,
    "title": 2.0,
    "word": 1.0,
    "title_state": 0.0,  # a rule, not a clue: see _title_states_conflict
}
KIND_PRIOR = {
    "person": 0.01,
    "surname": 0.01,
    "title_person": 0.01,
    "organisation": 0.02,
    "state": 0.2,
    "place": 0.03,
    "group": 0.05,
    "concept": 0.2,
    "value": 0.05,
    "date": 0.03,
    "title": 0.02,
    "word": 0.05,
}
# How many articles' worth of weight the priors carry: a small store of one topic keeps its clues.
PRIOR_ARTICLES = 200.0
# Features are compared by group, each a cosine, and the groups' cosines averaged with these weights
# over the groups both sides have. Words ("title:fr:...", "word:fr:...") compare within a language.
# The people two titles name weigh on their own: the same protagonist counts, another one counts against.
GROUPS = {
    "entities": (("surname", "organisation", "state", "place", "group"), 0.45),
    "title_people": (("title_person",), 0.2),
    "words": (("title", "word"), 0.35),
    "figures": (("concept", "value"), 0.1),
    "dates": (("date",), 0.1),
}
_GROUP_OF = {kind: g for g, (kinds, _w) in GROUPS.items() for kind in kinds}
_RESTATED = frozenset({"title_person"})  # a person its surname already counts: one clue, not two
EXACT_BELOW, REFRESH = 1000, 1.05  # above this many articles, weights are kept until the store grows 5 %
RETRIEVE_MIN, RETRIEVE_SHARE = 20, 0.02  # a feature in more articles than both finds no candidates
MAX_CANDIDATES = 12  # stories scored for one article, those sharing its rarest clues
NEAR_MEMBERS = 20  # a story's articles an article is compared with: those nearest to it in date


def retrieves(feature: str, df: int, n: int) -> bool:
    """Whether a feature held by ``df`` of ``n`` articles finds candidate stories: not a word, and
    not in too many articles (a country every other article names finds too many; it still counts
    in the score)."""
    return _GROUP_OF.get(kind_of(feature)) != "words" and df <= max(RETRIEVE_MIN, RETRIEVE_SHARE * n)


@dataclass(frozen=True)
class Settings:
    threshold: float = 0.28  # the least similarity to join a story the same day...
    per_day: float = 0.002  # ...rising with the days between the article and the story's nearest article
    window_days: int = 70  # never further apart than this
    min_shared: int = 3  # and sharing at least this many features with it, two of them not words


@dataclass(frozen=True)
class ArticleFeatures:
    """One article as the grouping sees it: its id, date, language and features ("kind:key" -> weight)."""

    article_id: str
    day: date | None
    lang: str
    features: Mapping[str, float]
    title: str | None = None


def nearness(member: ArticleFeatures, day: date | None) -> tuple[int, int, str]:
    """How near a story's article is to ``day``, nearest first: days apart (an undated article is
    near every day); for an undated ``day``, undated articles first, then the latest. Ties by id.
    (store.linking ranks members in SQL the same way.)"""
    if day is None:
        return (member.day is not None, -member.day.toordinal() if member.day else 0, member.article_id)
    return (0, abs((day - member.day).days) if member.day else 0, member.article_id)


@dataclass
class Story:
    id: str
    first: date | None
    last: date | None
    vector: dict[str, float] = field(default_factory=dict)  # raw counts summed over articles
    articles: list[str] = field(default_factory=list)
    members: list[ArticleFeatures] = field(default_factory=list)
    langs: set[str] = field(default_factory=set)
    label: str | None = None


@dataclass(frozen=True)
class Prepared:
    """A vector weighted for comparison: by group, with each group's norm (words: per language)."""

    groups: dict[str, dict[str, float]]
    norms: dict[str, float]
    langs: frozenset[str]


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    score: float  # the similarity that joined it; 1.0 for the article that started the story
    created: bool
    merged: tuple[str, ...] = ()  # stories this article joined too, now part of ``story_id``


def kind_of(feature: str) -> str:
    return feature[: feature.find(":")]


def story_id_for(article_id: str) -> str:
    """A story is named after the article that started it."""
    return f"s{article_id}"


class Grouper:
    """Stories so far and the document frequency of every feature; ``assign`` places one article."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.stories: dict[str, Story] = {}
        self.df: dict[str, int] = defaultdict(int)
        self.n = 0
        self._index: dict[str, set[str]] = defaultdict(set)  # feature -> stories holding it
        self._prepared: dict[str, tuple[int, Prepared]] = {}  # article id -> (store size then, vector)
        self._idf: dict[str, tuple[int, int, float]] = {}  # feature -> (store size, df, idf) when computed
        self._centroids: dict[str, tuple[int, int, Prepared]] = {}
        self._kinds: dict[str, tuple[float, str | None, float]] = {}  # story -> (its size, store size, vector)

    # -- state -----------------------------------------------------------------------------------

    def count(self, features: Iterable[str]) -> None:
        """Count one article's features in the document frequencies (every stored article, linked or not)."""
        self.n += 1
        for f in features:
            self.df[f] += 1

    def counts(self, n: int, df: Mapping[str, int]) -> None:
        """Set the document frequencies from a store (``n`` articles)."""
        self.n = n
        self.df = defaultdict(int, df)

    def add_to(self, story_id: str, article: ArticleFeatures) -> Story:
        """Put an article in a story (a new one when ``story_id`` is unknown), without scoring."""
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id, article.day, article.day, label=article.title)
        story.articles.append(article.article_id)
        story.members.append(article)
        story.langs.add(article.lang)
        if article.day is not None:
            story.first = min(story.first or article.day, article.day)
            story.last = max(story.last or article.day, article.day)
        for f, w in article.features.items():
            story.vector[f] = story.vector.get(f, 0.0) + w
            self._index[f].add(story_id)
        return story

    def widen(self, story_id: str, first: date | None, last: date | None) -> None:
        """Extend a story's dates to a span known beyond its articles here (a store loads only
        the articles near the new ones)."""
        story = self.stories[story_id]
        days = [d for d in (story.first, story.last, first, last) if d is not None]
        story.first, story.last = (min(days), max(days)) if days else (None, None)

    # -- scoring ---------------------------------------------------------------------------------

    def idf(self, feature: str) -> float:
        df = self.df.get(feature, 0)
        cached = self._idf.get(feature)
        if cached is not None and cached[1] == df and self._fresh(cached[0]):
            return cached[2]
        prior = self._kind(feature)[2]
        value = math.log((self.n + PRIOR_ARTICLES) / (df + prior * PRIOR_ARTICLES))
        self._idf[feature] = (self.n, df, value)
        return value

    def _kind(self, feature: str) -> tuple[float, str | None, float]:
        """(weight, group, prior) of a feature's kind, looked up once per feature."""
        found = self._kinds.get(feature)
        if found is None:
            kind = kind_of(feature)
            found = self._kinds[feature] = (KIND_WEIGHT.get(kind, 0.5), _GROUP_OF.get(kind), KIND_PRIOR.get(kind, 0.05))
        return found

    def prepare(self, vector: Mapping[str, float]) -> Prepared:
        """The vector weighted (tf-idf with kind weights; counts are damped: a name said ten times
        is not ten clues), split into its groups, with their norms."""
        groups: dict[str, dict[str, float]] = defaultdict(dict)
        for f, w in vector.items():
            if not w > 0:
                continue
            weight, group, _prior = self._kind(f)
            v = weight * (1.0 + math.log(w)) * max(self.idf(f), 0.0)
            if group and v > 0:
                groups[group][f] = v
        norms = {g: math.sqrt(sum(v * v for v in vs.values())) for g, vs in groups.items()}
        per_lang: dict[str, float] = defaultdict(float)
        for f, v in groups.get("words", {}).items():
            per_lang[f.split(":", 2)[1]] += v * v
        norms.update({f"words:{lang}": math.sqrt(n) for lang, n in per_lang.items()})
        return Prepared(dict(groups), norms, frozenset(per_lang))

    def _fresh(self, counted_at: int) -> bool:
        """Whether a weight computed when the store held ``counted_at`` articles still holds: exactly
        in a small store, within a few percent in a large one (idf moves slowly there)."""
        return counted_at == self.n or (self.n >= EXACT_BELOW and self.n <= counted_at * REFRESH)

    def _member(self, article: ArticleFeatures) -> Prepared:
        """An article's prepared vector, kept while the store has not grown much (idf moves slowly)."""
        cached = self._prepared.get(article.article_id)
        if cached is None or not self._fresh(cached[0]):
            cached = (self.n, self.prepare(article.features))
            self._prepared[article.article_id] = cached
        return cached[1]

    @staticmethod
    def compare(a: Prepared, b: Prepared) -> float:
        """Per group of features, the cosine of the weighted vectors; the groups' weighted mean over
        the groups both sides have (words only in the article's own language)."""
        total = weight = 0.0
        for name, (_kinds, alpha) in GROUPS.items():
            va, vb = a.groups.get(name), b.groups.get(name)
            if not va or not vb:
                continue
            nb = b.norms[name]
            if name == "words" and len(a.langs) == 1:
                nb = b.norms.get(f"words:{next(iter(a.langs))}", 0.0)
            if not nb:
                continue
            small, large = (va, vb) if len(va) <= len(vb) else (vb, va)
            dot = sum(v * large[f] for f, v in small.items() if f in large)
            total += alpha * dot / (a.norms[name] * nb)
            weight += alpha
        return total / weight if weight else 0.0

    def similarity(self, a: Mapping[str, float], b: Mapping[str, float]) -> float:
        return self.compare(self.prepare(a), self.prepare(b))

    def _in_window(self, story: Story, day: date | None) -> bool:
        if day is None or story.first is None or story.last is None:
            return True
        w = self.settings.window_days
        return (story.first - day).days <= w and (day - story.last).days <= w

    def _enough_shared(self, article: Mapping[str, float], story: Story) -> bool:
        kinds = [kind_of(f) for f in article if f in story.vector]  # of the features shared
        shared = [k for k in kinds if KIND_WEIGHT.get(k, 0.5) > 0 and k not in _RESTATED]
        clues = sum(_GROUP_OF.get(k) != "words" for k in shared)
        return len(shared) >= self.settings.min_shared and clues >= 2

    @staticmethod
    def _title_states_conflict(article: Mapping[str, float], story: Story) -> bool:
        """Both titles name states, and none in common: another country's story ("Moody's downgrades
        Spain's banks" is not "Moody's downgrades Italy")."""
        mine = {f for f in article if kind_of(f) == "title_state"}
        theirs = {f for f in story.vector if kind_of(f) == "title_state"}
        return bool(mine) and bool(theirs) and not mine & theirs

    def gap(self, story: Story, day: date | None) -> int:
        """Days between ``day`` and the story's nearest article (0 inside its span or undated)."""
        if day is None or story.first is None or story.last is None:
            return 0
        return max((story.first - day).days, (day - story.last).days, 0)

    def near(self, story: Story, day: date | None) -> list[ArticleFeatures]:
        """The story's articles within the window of ``day`` (all of them for an undated article; an
        undated article is always near), at most NEAR_MEMBERS of them, the nearest in date: a story
        is compared by what it is about lately, and a story of thousands of articles costs no more
        to join than one of twenty."""
        w = self.settings.window_days
        near = [m for m in story.members if day is None or m.day is None or abs((day - m.day).days) <= w]
        if len(near) <= NEAR_MEMBERS:
            return near
        kept = {m.article_id for m in sorted(near, key=lambda m: nearness(m, day))[:NEAR_MEMBERS]}
        return [m for m in near if m.article_id in kept]

    def score(self, article: ArticleFeatures, story: Story, prepared: Prepared | None = None) -> float:
        """The article's similarity to the story's recent articles as a whole, or to the closest of
        them if higher (a later article may share more with one earlier article than with all)."""
        near = self.near(story, article.day)
        if not near:
            return 0.0
        mine = prepared or self.prepare(article.features)
        if len(near) == 1:
            return self.compare(mine, self._member(near[0]))
        best = self.compare(mine, self._centroid(story, near))
        return max(best, max(self.compare(mine, self._member(m)) for m in near))

    def _centroid(self, story: Story, near: list[ArticleFeatures]) -> Prepared:
        """The sum of the near articles' features, prepared (kept for the whole story while it and
        the store stay the same)."""
        whole_story = len(near) == len(story.members)
        cached = self._centroids.get(story.id)
        if whole_story and cached is not None and cached[0] == len(near) and self._fresh(cached[1]):
            return cached[2]
        summed: dict[str, float] = defaultdict(float)
        for m in near:
            for f, v in m.features.items():
                summed[f] += v
        prepared = self.prepare(summed)
        if whole_story:
            self._centroids[story.id] = (len(near), self.n, prepared)
        return prepared

    def _retrieving(self, feature: str) -> bool:
        return retrieves(feature, self.df.get(feature, 0), self.n)

    def candidates(self, article: ArticleFeatures) -> list[tuple[float, Story]]:
        """Stories the article could join with their score, best first: in the window, sharing enough."""
        found: dict[str, float] = defaultdict(float)
        for f in article.features:
            if self._retrieving(f):
                rarity = self.idf(f)
                for sid in self._index.get(f, ()):
                    found[sid] += rarity
        # Scored: the stories sharing the rarest clues with it (a bound on the work per article).
        ids = sorted(found, key=lambda sid: (-found[sid], sid))[:MAX_CANDIDATES]
        mine = self.prepare(article.features)
        out = []
        for sid in ids:
            story = self.stories[sid]
            if (
                self._in_window(story, article.day)
                and self._enough_shared(article.features, story)
                and not self._title_states_conflict(article.features, story)
            ):
                out.append((self.score(article, story, mine), story))
        return sorted(out, key=lambda p: (-p[0], p[1].id))

    def needed(self, story: Story, day: date | None) -> float:
        return self.settings.threshold + self.settings.per_day * self.gap(story, day)

    def assign(self, article: ArticleFeatures) -> Assignment:
        """Place one article: the best story whose score reaches what its distance in time needs,
        else a story of its own. An article that reaches two stories joins them: they were one
        story told in two halves (the older story's id is kept). Its features must already be
        counted (``count``)."""
        joined = [story for score, story in self.candidates(article) if score >= self.needed(story, article.day)]
        if not joined:
            sid = story_id_for(article.article_id)
            self.add_to(sid, article)
            return Assignment(article.article_id, sid, 1.0, True)
        score = self.score(article, joined[0])
        keep = min(joined, key=lambda s: (s.first or date.max, s.id))
        for other in joined:
            if other is not keep:
                self._merge(other, keep)
        self.add_to(keep.id, article)
        merged = tuple(sorted(s.id for s in joined if s is not keep))
        return Assignment(article.article_id, keep.id, round(score, 4), False, merged)

    def _merge(self, story: Story, into: Story) -> None:
        into.members += story.members
        into.articles += story.articles
        into.langs |= story.langs
        for f, w in story.vector.items():
            into.vector[f] = into.vector.get(f, 0.0) + w
            self._index[f].discard(story.id)
            self._index[f].add(into.id)
        days = [d for d in (into.first, into.last, story.first, story.last) if d]
        into.first, into.last = (min(days), max(days)) if days else (None, None)
        del self.stories[story.id]


def group(articles: Iterable[ArticleFeatures], settings: Settings | None = None) -> list[Assignment]:
    """Every article placed in turn, by date (then id), each counted before it is placed: what an
    ingest of these articles into an empty store does. Each assignment names the story the article
    ends in (after any merge a later article made)."""
    ordered = sorted(articles, key=lambda a: (a.day or date.max, a.article_id))
    grouper = Grouper(settings)
    out: list[Assignment] = []
    merged_into: dict[str, str] = {}
    for article in ordered:
        grouper.count(article.features)
        placed = grouper.assign(article)
        merged_into.update({m: placed.story_id for m in placed.merged})
        out.append(placed)

    def final(story_id: str) -> str:
        while story_id in merged_into:
            story_id = merged_into[story_id]
        return story_id

    return [replace(a, story_id=final(a.story_id)) for a in out]
