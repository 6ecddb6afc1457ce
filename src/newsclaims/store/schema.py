"""The store's tables, as an ordered list of migrations.

A migration is never edited once released: a change to the schema is a new migration appended to
``MIGRATIONS``, so a store written by any earlier version can be brought up to date in place.
Offsets are Python string indices into ``articles.text``; ``start``/``end`` are reserved words in
SQL, hence ``start_char``/``end_char``. Timestamps are UTC.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,          -- records.article_id: hash of the normalised text
        url VARCHAR,
        title VARCHAR,
        published DATE,
        published_source VARCHAR,        -- given, metadata, dateline
        lang VARCHAR NOT NULL,
        source VARCHAR,                  -- where it was read from (path, feed, WARC record)
        text VARCHAR NOT NULL,           -- every offset below indexes this text
        n_statements INTEGER NOT NULL,   -- how many rows each child table holds for this article,
        n_figures INTEGER NOT NULL,      -- so a store can prove that no article is half written
        n_times INTEGER NOT NULL,
        n_entities INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE statements (
        id VARCHAR NOT NULL,             -- '<article_id>:<idx>'
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,            -- position in the article's record
        speaker_name VARCHAR,
        speaker_mention VARCHAR,
        speaker_mention_start INTEGER,
        speaker_mention_end INTEGER,
        speaker_kind VARCHAR,
        speaker_role VARCHAR,
        speaker_names VARCHAR[],
        cue VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        kind VARCHAR,
        content VARCHAR,
        content_start INTEGER,
        content_end INTEGER,
        sentence_start INTEGER,
        sentence_end INTEGER,
        confidence DOUBLE,
        extractor VARCHAR                -- 'name/version'
    )
    """,
    """
    CREATE TABLE figures (
        id VARCHAR NOT NULL,             -- '<article_id>:f<idx>'
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        value DOUBLE,
        qualifier VARCHAR,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        unit VARCHAR,
        currency VARCHAR,
        counted VARCHAR,
        low DOUBLE,
        high DOUBLE,
        flags VARCHAR[],
        statement_id VARCHAR,            -- statements.id of the statement reporting it, if any
        extractor VARCHAR
    )
    """,
    """
    CREATE TABLE times (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        type VARCHAR,
        value VARCHAR,
        granularity VARCHAR,
        anchor VARCHAR,
        flags VARCHAR[],
        extractor VARCHAR
    )
    """,
    """
    CREATE TABLE entities (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        label VARCHAR,
        canonical VARCHAR,
        extractor VARCHAR
    )
    """,
    """
    CREATE TABLE rejected (
        source VARCHAR,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        rejected_at TIMESTAMP NOT NULL
    )
    """,
)

_V2 = (
    # When a statement was made (a TIMEX3 date) and where that came from: 'text' or 'published'.
    "ALTER TABLE statements ADD COLUMN said_on VARCHAR",
    "ALTER TABLE statements ADD COLUMN said_on_from VARCHAR",
)

_V3 = ("ALTER TABLE times ADD COLUMN mod VARCHAR",)  # TIMEX3 START/MID/END

# One row per rejected input (source, reason, detail) however often it is met: a rerun over the
# same bad input counts a sighting instead of adding its rows again. Rows already repeated merge.
_V4 = (
    "ALTER TABLE rejected ADD COLUMN sightings INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE rejected ADD COLUMN last_seen TIMESTAMP",
    """
    CREATE TEMP TABLE rejected_once AS
    SELECT source, reason, detail, min(rejected_at) AS rejected_at, sum(sightings)::INTEGER AS sightings,
           max(rejected_at) AS last_seen
    FROM rejected GROUP BY source, reason, detail
    """,
    "DELETE FROM rejected",
    """
    INSERT INTO rejected (source, reason, detail, rejected_at, sightings, last_seen)
    SELECT source, reason, detail, rejected_at, sightings, last_seen FROM rejected_once
    """,
    "DROP TABLE rejected_once",
)

_V5 = (
    # What each record points to across the store (see newsclaims.stories.links): canonical entities
    # (ids are hashes of kind and key, the same in every store), the concept a figure counts, its
    # place and source, whether it is a forecast.
    "ALTER TABLE statements ADD COLUMN speaker_entity_id VARCHAR",
    "ALTER TABLE statements ADD COLUMN speaker_affiliation_id VARCHAR",  # the institution or state its role names
    "ALTER TABLE statements ADD COLUMN speaks_for BOOLEAN",  # a spokesperson: their figures count for it
    "ALTER TABLE figures ADD COLUMN concept VARCHAR",
    "ALTER TABLE figures ADD COLUMN place_id VARCHAR",
    "ALTER TABLE figures ADD COLUMN about_id VARCHAR",
    "ALTER TABLE figures ADD COLUMN source_id VARCHAR",
    "ALTER TABLE figures ADD COLUMN forecast BOOLEAN",
    "ALTER TABLE entities ADD COLUMN entity_id VARCHAR",
    """
    CREATE TABLE article_features (      -- what story grouping compares, one row per feature of an article
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        kind VARCHAR NOT NULL,           -- an entity kind (person, organisation, state, place, group),
        key VARCHAR NOT NULL,            -- surname, concept, value, date, title, word, title_state
        label VARCHAR,
        weight DOUBLE NOT NULL
    )
    """,
    """
    CREATE TABLE canonical_entities (
        id VARCHAR PRIMARY KEY,          -- hash of kind and key: stable across stores
        kind VARCHAR NOT NULL,           -- person, organisation, state, place, group
        name VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE stories (
        id VARCHAR PRIMARY KEY,          -- 's' + the id of the article that started it
        label VARCHAR,                   -- the title of its first article
        first_date DATE,
        last_date DATE,
        n_articles INTEGER NOT NULL,
        langs VARCHAR[],
        updated_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE story_articles (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        score DOUBLE,                    -- the similarity that joined it (1 for the first article)
        linked_at TIMESTAMP NOT NULL
    )
    """,
)

_V6 = (
    # How many linked articles hold each story feature (the document frequency grouping weighs
    # features by), kept as articles are linked so that linking a batch reads only the counts of
    # its own features, not every stored article's (see store.linking). A store migrated to it is
    # counted on its first linking.
    """
    CREATE TABLE feature_counts (
        kind VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
    )
    """,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, their claims, and rejected inputs", _V1),
    Migration(2, "the date each statement was made", _V2),
    Migration(3, "the TIMEX3 mod of times (start, middle, end of a period)", _V3),
    Migration(4, "rejections recorded once per input, with how often they were met", _V4),
    Migration(5, "canonical entities, figure concepts and scopes, story features, stories", _V5),
    Migration(6, "the document frequency of story features among linked articles", _V6),
)

LATEST_VERSION = MIGRATIONS[-1].version

# The tables extraction fills (workers build their rows), in the order they are written.
DATA_TABLES = ("articles", "statements", "figures", "times", "entities", "article_features", "rejected")
CHILD_TABLES = ("statements", "figures", "times", "entities")  # an article's items (articles.n_<table> counts them)
# The tables linking fills, across articles, where the store is written (see store.linking).
LINK_TABLES = ("canonical_entities", "stories", "story_articles")
# What linking keeps to be fast, derived from the tables above: emptied with them, never exported.
LINK_INDEX_TABLES = ("feature_counts",)

# Two rejected rows are the same rejection when they name the same input, reason and detail (NULLs
# match NULLs): the writer and ``load`` add a sighting or nothing rather than a second row.
SAME_REJECTION = (
    "r.source IS NOT DISTINCT FROM i.source AND r.reason = i.reason AND r.detail IS NOT DISTINCT FROM i.detail"
)
