"""A story's figures and claims from the store: the points of a query or of a story id, built into
series; the statements of a story, grouped into claims.

``story(con, "soldats nord-coréens")`` finds, across the store, the figures whose concept the query
names ("soldats", "troops": the packs' concepts) about the entities it names ("nord-coréens": North
Korea); ``story(con, story_id=ID)`` every figure of one story (a query narrows it). Each figure is
dated by its statement (the day it was said, "a déclaré lundi"), else by its article. The series,
first reports, revisions and disagreements are ``stories.series``'s pure functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from newsclaims.store.stories import (
    claim_statements,
    entity_names_by_id,
    figure_points,
    speaks_for,
    story_article_ids,
    story_row,
)
from newsclaims.stories.claims import Claim, group_claims, to_report
from newsclaims.stories.series import SeriesPoint, Story, StoryPoint, build_story

__all__ = ["Claim", "SeriesPoint", "Story", "StoryPoint", "claims", "story", "to_point"]


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], found by the nearest sentence ends around it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start))
    ends = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return " ".join(text[left + 1 : right].split())


def to_point(r: dict[str, Any]) -> StoryPoint:
    """A stored figure row (``store.stories.figure_points``) as a story point."""
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
        concept=r["concept"],
        about=r["about"],
        about_id=r["about_id"],
        place=r["place"],
        place_id=r["place_id"],
        source=r["source"],
        source_id=r["source_id"],
        forecast=bool(r["forecast"]),
    )


def story(
    con: duckdb.DuckDBPyConnection, query: str = "", *, lang: str | None = None, story_id: str | None = None
) -> Story:
    """The figures of ``query`` over the store, or of the story ``story_id`` (all of them, or those
    ``query`` names), as series."""
    ids, label = None, None
    if story_id is not None:
        label = story_row(con, story_id)["label"]
        ids = story_article_ids(con, story_id)
    points = [to_point(r) for r in figure_points(con, article_ids=ids, lang=lang)]
    return build_story(query, points, speaks_for=speaks_for(con), story_id=story_id, label=label)


def claims(
    con: duckdb.DuckDBPyConnection, *, story_id: str | None = None, article_ids: list[str] | None = None
) -> list[Claim]:
    """The claims of one story (or of these articles, or of the whole store)."""
    if story_id is not None:
        article_ids = story_article_ids(con, story_id)
    statements = claim_statements(con, article_ids=article_ids)
    mapping = speaks_for(con)
    names = entity_names_by_id(con, {r["speaker_entity_id"] for r in statements} | set(mapping.values()))
    return group_claims(to_report(r, mapping, names) for r in statements)
