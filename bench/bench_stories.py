"""What story linking costs: grouping N synthetic articles, linking them in a store, and ingest with
and without linking.

    .venv/bin/python bench/bench_stories.py [--articles 10000] [--ingest-articles 100] [--skip-ingest]

1. ``group``: the pure grouping (stories.grouping.group) over N synthetic articles' features: topics
   of a few days to a few weeks, each with its people, institutions, places, figures and words, and
   noise features, over a year.
2. ``store``: the same articles linked where the store is written (store.linking.link_articles), in
   batches of 16 as an ingest commits them: what a 10,000-article store costs to link.
3. ``ingest``: `ingest --workers 1` of the French Wikinews corpus (../shared) into a fresh store with
   linking and without (`--no-link`), ROUNDS times each, alternating; the ratio of their best
   throughputs (the target: linking keeps at least 0.85 of it).

Timings on a shared, busy machine are noisy: run it again on a quiet one for the real numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa

from newsclaims.store import open_store
from newsclaims.store.arrow import empty_tables, now, table_schemas
from newsclaims.store.linking import link_articles
from newsclaims.stories.grouping import ArticleFeatures, group

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews-fr-2012" / "text"
ROUNDS = 3  # ingest runs per mode, alternating: one run of 100 articles moves by 20 % on a busy machine
KINDS = ("surname", "organisation", "place", "state", "concept", "value", "date")


def synthetic(n: int, seed: int = 7) -> list[ArticleFeatures]:
    """``n`` articles about n/6 topics (6 articles each on average) over a year, with noise."""
    rng = random.Random(seed)
    topics = max(1, n // 6)
    start = date(2024, 1, 1)
    topic_day = [start + timedelta(days=rng.randrange(365)) for _ in range(topics)]
    states = [f"state:s{i}" for i in range(150)]
    out = []
    for i in range(n):
        t = rng.randrange(topics)
        day = topic_day[t] + timedelta(days=rng.randrange(20))
        own = {f"{k}:t{t}-{j}": 1.0 for k in KINDS[:3] for j in range(3) if rng.random() < 0.7}
        own.update({f"title:fr:t{t}w{j}": 1.0 for j in range(4) if rng.random() < 0.6})
        own.update({f"word:fr:t{t}w{j}": float(rng.randint(1, 3)) for j in range(30) if rng.random() < 0.5})  # ~15
        own.update({rng.choice(states): 1.0, f"concept:c{rng.randrange(20)}": 1.0, f"value:{rng.randrange(5000)}": 1.0})
        own.update({f"word:fr:n{rng.randrange(20000)}": 1.0 for _ in range(25)})  # the rest of its 40 words
        out.append(ArticleFeatures(f"{i:016x}", day, "fr", own, f"title {i}"))
    return out


def bench_group(articles: list[ArticleFeatures]) -> dict[str, float]:
    started = time.perf_counter()
    placed = group(articles)
    seconds = time.perf_counter() - started
    return {"articles": len(articles), "stories": len({a.story_id for a in placed}), "seconds": round(seconds, 2)}


def bench_store(articles: list[ArticleFeatures], folder: Path, batch: int = 16) -> dict[str, float]:
    """Articles and features inserted as an ingest would, linked batch by batch (in date order)."""
    con = open_store(folder / "link.duckdb")
    ordered = sorted(articles, key=lambda a: (a.day, a.article_id))
    schemas = table_schemas()
    at = now()
    linking = 0.0
    try:
        for first in range(0, len(ordered), batch):
            chunk = ordered[first : first + batch]
            tables = empty_tables()
            tables["articles"] = pa.Table.from_pylist(
                [
                    {
                        "id": a.article_id, "url": None, "title": a.title, "published": a.day,
                        "published_source": "given", "lang": a.lang, "source": None, "text": "",
                        "n_statements": 0, "n_figures": 0, "n_times": 0, "n_entities": 0, "ingested_at": at,
                    }
                    for a in chunk
                ],
                schema=schemas["articles"],
            )  # fmt: skip
            tables["article_features"] = pa.Table.from_pylist(
                [
                    {"article_id": a.article_id, "idx": i, "kind": f.split(":", 1)[0], "key": f.split(":", 1)[1],
                     "label": f, "weight": w}
                    for a in chunk
                    for i, (f, w) in enumerate(a.features.items())
                ],
                schema=schemas["article_features"],
            )  # fmt: skip
            con.begin()
            for name in ("articles", "article_features"):
                con.register("_t", tables[name])
                con.execute(f"INSERT INTO {name} SELECT * FROM _t")
                con.unregister("_t")
            started = time.perf_counter()
            link_articles(con, [a.article_id for a in chunk])
            linking += time.perf_counter() - started
            con.commit()
        stories = con.execute("SELECT count(*) FROM stories").fetchone()
    finally:
        con.close()
    return {
        "articles": len(articles),
        "stories": int(stories[0]) if stories else 0,
        "linking_seconds": round(linking, 2),
        "ms_per_article": round(1000 * linking / len(articles), 2),
    }


def bench_ingest(n: int, folder: Path) -> dict[str, float]:
    from newsclaims.ingest import ingest

    if not CORPUS.is_dir():
        return {"skipped": 1.0}
    files = sorted(CORPUS.glob("*.txt"))[:n]
    rates: dict[str, list[float]] = {"link": [], "no_link": []}
    for round_ in range(ROUNDS):
        for mode in ("no_link", "link") if round_ % 2 == 0 else ("link", "no_link"):
            db = folder / f"ingest-{mode}-{round_}.duckdb"
            stats = ingest([str(f) for f in files], db, workers=1, link=(mode == "link"))
            rates[mode].append(stats.rate)
    best = {mode: max(values) for mode, values in rates.items()}
    return {
        "articles": len(files),
        "with_linking_articles_per_s": round(best["link"], 3),
        "without_linking_articles_per_s": round(best["no_link"], 3),
        "ratio": round(best["link"] / best["no_link"], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--ingest-articles", type=int, default=100)
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args()
    articles = synthetic(args.articles)
    results: dict[str, dict[str, float]] = {"group": bench_group(articles)}
    print("group:", json.dumps(results["group"]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        results["store"] = bench_store(articles, Path(tmp))
        print("store:", json.dumps(results["store"]), flush=True)
        if not args.skip_ingest:
            results["ingest"] = bench_ingest(args.ingest_articles, Path(tmp))
            print("ingest:", json.dumps(results["ingest"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
