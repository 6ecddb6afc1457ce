"""What one article's record points to across the store: a pure function of the record and the data.

Each statement's speaker becomes a canonical entity, with the institution or state its role names
(a spokesperson speaks for it: "porte-parole du Pentagone" gives the US Department of Defense); each
figure gets the concept it counts (from the packs' concepts), the place its clause names, the entity
its counted words name ("soldats nord-coréens": North Korea), its source entity and whether it is a
forecast; each named entity its canonical entity; and the article its story features (entities,
concepts, figure values, dates, title words), which the grouping compares across articles.

Runs where the record is made (the ingest workers, a Spark task), so the writer only inserts.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from newsclaims import gazetteer
from newsclaims.records import ArticleRecord, Entity, Figure, Speaker
from newsclaims.stories.keys import EntityRef, known, looks_like_name, name_key, other, person, place
from newsclaims.stories.lexicon import MONEY, Lexicon, ancestors, lexicon, narrows
from newsclaims.text import fold_words

WINDOW_CHARS = 120  # how far after a figure its clause may run (place, predicate, counted noun)
NOUN_WORDS = 6  # words after a figure searched for what it counts when the extractor found nothing
_SENTENCE_END = re.compile(r"[.!?…]+[»”\"']?\s+|\n+")
_CLAUSE_STOP = re.compile(r"[;:»”“«]|\s[–—]\s")
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # a year, month or day, comparable as text
_DAY = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}(?=T|$)")  # a day (its year may be unknown), or with a time of day
MIN_VALUE_KEY = 10  # smaller figures (two countries, three generals) tell no story apart
BODY_CHARS = 3000  # the part of the text whose words are compared (the lead says what the story is)
BODY_WORDS = 40  # its most frequent words (the first met first among equals)


@dataclass(frozen=True)
class SpeakerLink:
    entity: EntityRef | None
    affiliation: EntityRef | None = None  # the institution or state the role names
    speaks_for: bool = False  # a spokesperson: what they say counts for ``affiliation``

    @property
    def source(self) -> EntityRef | None:
        """Who a figure this speaker gives counts for."""
        return self.affiliation if self.speaks_for and self.affiliation else self.entity


@dataclass(frozen=True)
class FigureLink:
    concept: str | None = None
    place: EntityRef | None = None
    about: EntityRef | None = None  # the entity the counted words name ("North Korean soldiers")
    source: EntityRef | None = None
    forecast: bool = False


@dataclass(frozen=True)
class Feature:
    kind: str  # an entity kind (person, organisation, state, place, group), concept, value, date, title
    key: str
    label: str
    weight: float


@dataclass(frozen=True)
class RecordLinks:
    speakers: tuple[SpeakerLink, ...]
    figures: tuple[FigureLink, ...]
    mentions: tuple[EntityRef | None, ...]
    features: tuple[Feature, ...] = field(default=())


def _known(canonical: str) -> EntityRef:
    return known(gazetteer.kind_of(canonical) or "organisation", canonical)


def affiliation(text: str | None) -> EntityRef | None:
    """The institution a role or description names, else the first state it names."""
    if not text:
        return None
    institution = gazetteer.institution_in(text)
    if institution:
        return _known(institution)
    for canonical in gazetteer.entities_in(text):
        if gazetteer.kind_of(canonical) == "state":
            return _known(canonical)
    return None


def speaker_link(speaker: Speaker, lex: Lexicon) -> SpeakerLink:
    """The canonical entity of a statement's speaker, with the institution its role names."""
    name = speaker.name.strip()
    if not name:
        return SpeakerLink(None)
    role = speaker.role or ""
    if speaker.kind == "person" and looks_like_name(name) and not gazetteer.canonical_source(name):
        listed = gazetteer.canonical_entity(name)
        entity = _known(listed) if listed and gazetteer.kind_of(listed) == "person" else person(name)
        aff = affiliation(role)
        return SpeakerLink(entity, aff, aff is not None and bool(lex.spokesperson.search(fold_words(role))))
    mention = speaker.mention.text if speaker.mention else ""
    # The words that named it first: "Ukraine's military intelligence agency" is HUR, not Ukraine.
    canonical = gazetteer.institution_in(mention) or gazetteer.canonical_source(name)
    for other_name in speaker.names:
        canonical = canonical or gazetteer.canonical_source(other_name)
    if canonical:
        return SpeakerLink(_known(canonical))
    # A description ("député sud-coréen", "porte-parole du ministère") or a group: itself, with the
    # institution or state it names.
    described = f"{role} {name}"
    aff = affiliation(described)
    kind = "organisation" if speaker.kind == "organisation" else "group"
    return SpeakerLink(other(kind, name), aff, aff is not None and bool(lex.spokesperson.search(fold_words(described))))


def mention_ref(entity: Entity, lex: Lexicon) -> EntityRef | None:
    """The canonical entity of a named entity: a person, an institution or state, a place."""
    if entity.label == "PER":
        listed = gazetteer.canonical_entity(entity.canonical)
        return _known(listed) if listed and gazetteer.kind_of(listed) == "person" else person(entity.canonical)
    canonical = gazetteer.canonical_entity(entity.canonical) or gazetteer.canonical_entity(entity.text)
    if canonical:
        return _known(canonical)
    if entity.label == "ORG":
        institution = gazetteer.canonical_source(entity.canonical)
        return _known(institution) if institution else other("organisation", entity.canonical)
    named = gazetteer.entities_in(entity.text)  # "South Korea's", a demonym ("nord-coréens")
    if entity.label == "LOC":
        if gazetteer.seat_of(entity.canonical):  # a capital as a place is a place ("à Séoul")
            return place(entity.canonical)
        # "Russia's Kursk region" is Kursk; "eastern Russia" is Russia.
        name = place_name(gazetteer.without_entities(entity.canonical), lex)
        if name:
            return place(name)
    return _known(named[0]) if named else None


def _place_by_context(entity: Entity, text: str, lex: Lexicon) -> EntityRef | None:
    """A name the model did not take for a place that the words around make one: "the Kursk
    region", "la région de Koursk" (a model may tag "Kursk" as a nationality)."""
    if entity.label != "MISC" or gazetteer.entities_in(entity.text):
        return None
    before = fold_words(text[max(0, entity.start - 20) : entity.start]).split()[-2:]
    after = fold_words(text[entity.end : entity.end + 20]).split()[:1]
    if any(w in lex.place_words for w in (*before, *after)):
        return place(entity.text)
    return None


def place_name(name: str, lex: Lexicon) -> str:
    """A place's name without the generic words around it: "région de Koursk" -> "Koursk"."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if fold_words(w) not in lex.place_words]
    while words and fold_words(words[0]) in lex.stopwords:
        words.pop(0)
    while words and fold_words(words[-1]) in lex.stopwords:
        words.pop()
    return " ".join(words)


class _Text:
    """Sentence bounds of an article's text, for clause windows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def sentence(self, start: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, start)
        return (self.ends[i - 1] if i > 0 else 0), (self.ends[i] if i < len(self.ends) else len(self.text))


def _deepest(concepts: list[str]) -> str | None:
    return max(concepts, key=lambda c: len(ancestors(c)), default=None)


def figure_concept(figure: Figure, after: str, before: str, lex: Lexicon) -> str | None:
    """What a figure counts: its counted words' concept, else the words right after it, else the
    nearest concept noun before it in its sentence; a predicate after it narrows it ("tués")."""
    if figure.currency:
        return MONEY
    counted = _deepest([c for _i, c in lex.noun_concepts(fold_words(figure.counted or "").split())])
    following = [c for _i, c in lex.noun_concepts(fold_words(after).split()[:NOUN_WORDS])]
    # "1 500 membres des forces spéciales": a narrower noun right after a generic one names it better
    # (but "12 000 soldats, dont 500 officiers" still counts soldiers).
    generic = counted is None or len(ancestors(counted)) == 1
    concept = (
        _deepest([c for c in following if c != counted and narrows(c, counted or c)]) if generic else None
    ) or counted
    if concept is None:
        earlier = lex.noun_concepts(fold_words(before).split())
        concept = earlier[-1][1] if earlier else None
    predicate = lex.predicate(fold_words(after))
    if predicate and (concept is None or any(narrows(concept, b) for b in ancestors(predicate)[1:])):
        return predicate
    return concept


def _window(text: _Text, figure: Figure) -> tuple[int, int]:
    """The figure's clause: from its sentence's start to the clause's end (a figure inside it, "dont
    500 officiers", does not end it)."""
    start, end = text.sentence(figure.start)
    stop = min(end, figure.end + WINDOW_CHARS)
    cut = _CLAUSE_STOP.search(text.text, figure.end, stop)
    return start, cut.start() if cut else stop


def _future(record: ArticleRecord, start: int, end: int, said: str | None) -> bool:
    """Whether a time right after the figure lies after the day it was given ("d'ici décembre")."""
    if not said:
        return False
    comma = record.article.text.find(",", start, end)  # the figure's own clause, not the next one's date
    end = comma if comma >= 0 else end
    for t in record.times:
        if start <= t.start < end and t.value and _CALENDAR.match(t.value):
            n = min(len(t.value), len(said))
            if t.value[:n] > said[:n]:
                return True
    return False


def record_links(record: ArticleRecord) -> RecordLinks:
    """Everything ``record`` points to (see the module's docstring)."""
    lex = lexicon(record.article.lang)
    text = _Text(record.article.text)
    speakers = tuple(speaker_link(s.speaker, lex) for s in record.statements)
    mentions = tuple(_place_by_context(e, text.text, lex) or mention_ref(e, lex) for e in record.entities)
    located = sorted(
        (
            (e.start, e.end, ref)
            for e, ref in zip(record.entities, mentions, strict=True)
            if ref and (e.label == "LOC" or ref.kind == "place")
        ),
        key=lambda p: p[0],
    )
    published = record.article.published.isoformat() if record.article.published else None
    order = sorted(range(len(record.figures)), key=lambda i: record.figures[i].start)
    figures: list[FigureLink] = [FigureLink()] * len(record.figures)
    previous: tuple[int, str | None] = (-1, None)  # where the last figure with a concept ended, and it
    for rank, i in enumerate(order):
        f = record.figures[i]
        start, end = _window(text, f)
        next_start = record.figures[order[rank + 1]].start if rank + 1 < len(order) else end
        after, before = text.text[f.end : end], text.text[start : f.start]
        statement = record.statements[f.statement] if f.statement is not None else None
        said = (statement.said_on if statement else None) or published
        concept = figure_concept(f, after, before, lex)
        if concept is None and previous[1] and "\n" not in text.text[previous[0] : f.start]:
            concept = previous[1]  # "plus de 3 000 soldats ... environ 10 000": the same thing, counted again
        if concept:
            previous = (f.end, concept)
        about = _about(f, after, lex)
        comma = text.text.find(",", f.end, end)
        figures[i] = FigureLink(
            concept=concept,
            place=_place(located, f.end, comma if comma >= 0 else end, about),
            about=about,
            source=speakers[f.statement].source if f.statement is not None else None,
            forecast=bool(lex.forecast.search(fold_words(before)))
            or _future(record, f.end, min(end, next_start), said),
        )
    return RecordLinks(speakers, tuple(figures), mentions, _features(record, speakers, mentions, figures, lex))


ADJACENT = 12  # characters between a state and a place right after it: "Russia's Kursk region"


def _place(
    located: list[tuple[int, int, EntityRef]], after: int, end: int, about: EntityRef | None
) -> EntityRef | None:
    """The first place the figure's clause names after it (not the entity it counts: "1 500
    soldats ont quitté la Corée du Nord" says nothing of where they are); a state followed at once
    by a place in it ("Russia's Kursk region") gives the place."""
    found = [(at, to, ref) for at, to, ref in located if after <= at < end and ref != about]
    if not found:
        return None
    at, to, ref = found[0]
    if ref.kind == "state" and len(found) > 1 and found[1][2].kind == "place" and found[1][0] - to <= ADJACENT:
        return found[1][2]
    return ref


def _about(figure: Figure, after: str, lex: Lexicon) -> EntityRef | None:
    """The state the counted words name ("soldats nord-coréens"); when the extractor found none,
    the words after the figure up to the first thing counted ("some 10,000 North Korean soldiers")."""
    words = figure.counted or ""
    if not words:
        following = fold_words(after).split()[:NOUN_WORDS]
        found = lex.noun_concepts(following)
        words = " ".join(following[: found[0][0] + 1]) if found else ""
    for canonical in gazetteer.entities_in(words):
        if gazetteer.kind_of(canonical) == "state":
            return _known(canonical)
    return None


def _capitalised(title: str) -> list[str]:
    """The words of a title written with a capital, as names are ("Theresa May" is in "May quitte
    Downing Street", not in "Oil prices may rise"; an elided article is no part: "d'Obama")."""
    return [w for w in _TITLE_WORD.findall(title) if w[:1].isupper()]


_TITLE_WORD = re.compile(r"[^\W\d_][\w-]*")


def _features(
    record: ArticleRecord,
    speakers: tuple[SpeakerLink, ...],
    mentions: tuple[EntityRef | None, ...],
    figures: list[FigureLink],
    lex: Lexicon,
) -> tuple[Feature, ...]:
    """What the story grouping compares: entities (named, speaking, in the title), concepts, figure
    values, days named, title words."""
    entities: Counter[EntityRef] = Counter(r for r in mentions if r)
    entities.update(link.entity for link in speakers if link.entity)
    entities.update(link.affiliation for link in speakers if link.affiliation)
    title = record.article.title or ""
    in_title = [_known(c) for c in gazetteer.entities_in(title)]
    entities.update(in_title)
    title_states = [ref for ref in in_title if ref.kind == "state"]
    out = [Feature(ref.kind, ref.id, ref.name, float(n)) for ref, n in entities.items()]
    # People are compared by surname too: "Obama", "B. Obama" and "Barack Obama" are one clue.
    surnames: Counter[str] = Counter()
    for ref, n in entities.items():
        if ref.kind == "person":
            surnames[name_key(ref.name).split()[-1]] += n
    out += [Feature("surname", k, k, float(n)) for k, n in surnames.items() if k]
    # The people a title names are who the article is about ("Dupont et Martin s'affrontent sur
    # l'emploi", then "Claire Dupont l'emporte"): a clue of its own, stronger than a name in passing.
    title_keys = set(name_key(" ".join(_capitalised(title))).split())
    out += [Feature("title_person", k, k, 1.0) for k in surnames if k and k in title_keys]
    out += [Feature("title_state", ref.id, ref.name, 1.0) for ref in title_states]
    concepts = Counter(link.concept for link in figures if link.concept)
    out += [Feature("concept", c, c, float(n)) for c, n in concepts.items()]
    values = sorted({f.value for f in record.figures if f.value is not None and f.value >= MIN_VALUE_KEY})
    out += [Feature("value", f"{v:.10g}", f"{v:,.10g}", 1.0) for v in values]
    # A day named with its time of day ("hier soir": 2012-11-06TEV) names that day too.
    days = sorted({m.group() for t in record.times if t.value and (m := _DAY.match(t.value))})
    out += [Feature("date", d, d, 1.0) for d in days]
    # Words compare within a language: their keys carry it ("title:fr:electi").
    out += [Feature("title", f"{lex.code}:{w}", w, 1.0) for w in dict.fromkeys(lex.content_words(title))]
    words = Counter(lex.content_words(record.article.text[:BODY_CHARS])).most_common(BODY_WORDS)
    out += [Feature("word", f"{lex.code}:{w}", w, float(n)) for w, n in words]
    return tuple(out)
