"""Records <-> table rows: the values each table's columns take for a record.

Pure functions, no database: ``store.arrow`` turns rows into Arrow tables (with the schema of the
store's DDL), ``show`` turns rows back into an ArticleRecord, and the round trip is exact (tests check it).
What a record points to across the store (canonical entities, figure concepts, story features:
``stories.links``) is computed here too, so every runner stores it with the record.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from newsclaims.reading import valid_text
from newsclaims.records import Article, ArticleRecord, Entity, Figure, Rejected, Speaker, Statement, TextSpan, TimeExpr
from newsclaims.stories.links import Feature, FigureLink, SpeakerLink, record_links

Row = dict[str, Any]


def statement_id(article_id: str, index: int) -> str:
    """The id a statement is stored under; figures point at their statement with it."""
    return f"{article_id}:{index}"


def figure_id(article_id: str, index: int) -> str:
    return f"{article_id}:f{index}"


def record_rows(record: ArticleRecord, ingested_at: datetime) -> dict[str, list[Row]]:
    """The rows one article adds to each table."""
    a = record.article
    aid = a.id
    links = record_links(record)
    return {
        "articles": [
            {
                "id": aid,
                "url": a.url,
                "title": a.title,
                "published": a.published,
                "published_source": a.published_source,
                "lang": a.lang,
                "source": a.source,
                "text": a.text,
                "n_statements": len(record.statements),
                "n_figures": len(record.figures),
                "n_times": len(record.times),
                "n_entities": len(record.entities),
                "ingested_at": ingested_at,
            }
        ],
        "statements": [
            _statement_row(aid, i, s, link)
            for i, (s, link) in enumerate(zip(record.statements, links.speakers, strict=True))
        ],
        "figures": [
            _figure_row(aid, i, f, link) for i, (f, link) in enumerate(zip(record.figures, links.figures, strict=True))
        ],
        "times": [_time_row(aid, i, t) for i, t in enumerate(record.times)],
        "entities": [
            _entity_row(aid, i, e, ref.id if ref else None)
            for i, (e, ref) in enumerate(zip(record.entities, links.mentions, strict=True))
        ],
        "article_features": [_feature_row(aid, i, f) for i, f in enumerate(links.features)],
    }


def rejected_row(rejected: Rejected, at: datetime) -> Row:
    # Its words come from the input (file names, parser messages): made valid Unicode here.
    return {
        "source": valid_text(rejected.source),
        "reason": valid_text(rejected.reason),
        "detail": None if rejected.detail is None else valid_text(rejected.detail),
        "rejected_at": at,
        "sightings": 1,
        "last_seen": at,
    }


def _extractor(name: str, version: str) -> str:
    return f"{name}/{version}"


def _split_extractor(value: str | None, default: str) -> tuple[str, str]:
    name, _sep, version = (value or default).partition("/")
    return name, version or "0"


def _statement_row(aid: str, index: int, s: Statement, link: SpeakerLink) -> Row:
    mention = s.speaker.mention
    return {
        "id": statement_id(aid, index),
        "article_id": aid,
        "idx": index,
        "speaker_name": s.speaker.name,
        "speaker_mention": mention.text if mention else None,
        "speaker_mention_start": mention.start if mention else None,
        "speaker_mention_end": mention.end if mention else None,
        "speaker_kind": s.speaker.kind,
        "speaker_role": s.speaker.role,
        "speaker_names": list(s.speaker.names),
        "cue": s.cue.text if s.cue else None,
        "cue_start": s.cue.start if s.cue else None,
        "cue_end": s.cue.end if s.cue else None,
        "kind": s.kind,
        "content": s.content.text,
        "content_start": s.content.start,
        "content_end": s.content.end,
        "sentence_start": s.sentence.start,
        "sentence_end": s.sentence.end,
        "confidence": s.confidence,
        "said_on": s.said_on,
        "said_on_from": s.said_on_from,
        "extractor": _extractor(s.extractor, s.version),
        "speaker_entity_id": link.entity.id if link.entity else None,
        "speaker_affiliation_id": link.affiliation.id if link.affiliation else None,
        "speaks_for": link.speaks_for,
    }


def _figure_row(aid: str, index: int, f: Figure, link: FigureLink) -> Row:
    return {
        "id": figure_id(aid, index),
        "article_id": aid,
        "idx": index,
        "value": f.value,
        "qualifier": f.qualifier,
        "text": f.text,
        "start_char": f.start,
        "end_char": f.end,
        "unit": f.unit,
        "currency": f.currency,
        "counted": f.counted,
        "low": f.low,
        "high": f.high,
        "flags": list(f.flags),
        "statement_id": statement_id(aid, f.statement) if f.statement is not None else None,
        "extractor": _extractor(f.extractor, f.version),
        "concept": link.concept,
        "place_id": link.place.id if link.place else None,
        "about_id": link.about.id if link.about else None,
        "source_id": link.source.id if link.source else None,
        "forecast": link.forecast,
    }


def _time_row(aid: str, index: int, t: TimeExpr) -> Row:
    return {
        "article_id": aid,
        "idx": index,
        "text": t.text,
        "start_char": t.start,
        "end_char": t.end,
        "type": t.type,
        "value": t.value,
        "granularity": t.granularity,
        "anchor": t.anchor,
        "flags": list(t.flags),
        "mod": t.mod,
        "extractor": _extractor(t.extractor, t.version),
    }


def _entity_row(aid: str, index: int, e: Entity, entity_id: str | None) -> Row:
    return {
        "article_id": aid,
        "idx": index,
        "text": e.text,
        "start_char": e.start,
        "end_char": e.end,
        "label": e.label,
        "canonical": e.canonical,
        "extractor": _extractor(e.extractor, e.version),
        "entity_id": entity_id,
    }


def _feature_row(aid: str, index: int, f: Feature) -> Row:
    return {"article_id": aid, "idx": index, "kind": f.kind, "key": f.key, "label": f.label, "weight": f.weight}


def _span(text: str | None, start: int | None, end: int | None) -> TextSpan | None:
    if text is None or start is None or end is None:
        return None
    return TextSpan(text, start, end)


def record_from_rows(
    article: Row, statements: list[Row], figures: list[Row], times: list[Row], entities: list[Row]
) -> ArticleRecord:
    """The ArticleRecord that ``record_rows`` stored; child rows must be in ``idx`` order."""
    published = article["published"]
    if isinstance(published, datetime):
        published = published.date()
    return ArticleRecord(
        article=Article(
            id=article["id"],
            text=article["text"],
            lang=article["lang"],
            title=article["title"],
            url=article["url"],
            published=published if isinstance(published, date) else None,
            published_source=article["published_source"],
            source=article["source"],
        ),
        statements=tuple(_statement(r, article["text"]) for r in statements),
        figures=tuple(_figure(r) for r in figures),
        times=tuple(_time(r) for r in times),
        entities=tuple(_entity(r) for r in entities),
    )


def _statement(r: Row, text: str) -> Statement:
    name, version = _split_extractor(r["extractor"], "statements")
    content = _span(r["content"], r["content_start"], r["content_end"]) or TextSpan("", 0, 0)
    sentence_start, sentence_end = r["sentence_start"], r["sentence_end"]
    return Statement(
        speaker=Speaker(
            name=r["speaker_name"],
            mention=_span(r["speaker_mention"], r["speaker_mention_start"], r["speaker_mention_end"]),
            kind=r["speaker_kind"],
            role=r["speaker_role"],
            names=tuple(r["speaker_names"] or ()),
        ),
        cue=_span(r["cue"], r["cue_start"], r["cue_end"]),
        content=content,
        kind=r["kind"],
        # The sentence is stored as offsets only: its words are the article's text between them.
        sentence=TextSpan(text[sentence_start:sentence_end], sentence_start, sentence_end),
        confidence=r["confidence"],
        said_on=r.get("said_on"),
        said_on_from=r.get("said_on_from"),
        extractor=name,
        version=version,
    )


def _figure(r: Row) -> Figure:
    name, version = _split_extractor(r["extractor"], "figures")
    stmt = r["statement_id"]
    return Figure(
        value=r["value"],
        qualifier=r["qualifier"],
        text=r["text"],
        start=r["start_char"],
        end=r["end_char"],
        unit=r["unit"],
        currency=r["currency"],
        counted=r["counted"],
        low=r["low"],
        high=r["high"],
        flags=tuple(r["flags"] or ()),
        statement=int(stmt.rsplit(":", 1)[1]) if stmt else None,
        extractor=name,
        version=version,
    )


def _time(r: Row) -> TimeExpr:
    name, version = _split_extractor(r["extractor"], "times")
    return TimeExpr(
        text=r["text"],
        start=r["start_char"],
        end=r["end_char"],
        type=r["type"],
        value=r["value"],
        granularity=r["granularity"],
        anchor=r["anchor"],
        flags=tuple(r["flags"] or ()),
        mod=r.get("mod"),
        extractor=name,
        version=version,
    )


def _entity(r: Row) -> Entity:
    name, version = _split_extractor(r["extractor"], "entities")
    return Entity(
        text=r["text"],
        start=r["start_char"],
        end=r["end_char"],
        label=r["label"],
        canonical=r["canonical"],
        extractor=name,
        version=version,
    )
