"""Latency of `newsclaims serve` on a 1,000-article store, next to the plain DuckDB query behind each.

    .venv/bin/python bench/bench_serve.py [--db /tmp/newsclaims-bench-serve.duckdb] [--requests 200]

The store is built once (and reused): the 100 articles of ../shared/corpus/wikinews-fr-2012/text
extracted for real, then nine variations of each (a dated line appended to the text, so ids differ
and every offset stays valid), 1,000 articles in all. The server runs in this process on a free
loopback port; one client on a kept-alive connection sends ``--requests`` requests per endpoint
(a bounded loop) after a few warm-up ones. For each endpoint: p50 and p95 latency, requests/s, and
the p50 of the store query it runs (called directly on the same store), with the ratio server/query.
Target: p95 under 100 ms for the listings, the article page and the story page. Timings on a busy
machine are noisy; rerun on a quiet one for the real numbers.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import http.client
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr-2012" / "text"
VARIANTS = 10
STORY = "personnes"
WORDS = "président"


def build(db: Path) -> None:
    from newsclaims.ingest import ingest
    from newsclaims.records import article_id
    from newsclaims.store import StoreWriter, load_record, open_store

    if not CORPUS.exists():
        sys.exit(f"needs {CORPUS} (../shared beside the checkout)")
    print(f"building {db}: extracting {CORPUS} ...", flush=True)
    stats = ingest([str(CORPUS)], db, workers=1)
    con = open_store(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    writer = StoreWriter(con, max_articles=100)
    for variant in range(1, VARIANTS):
        for aid in ids:
            record = load_record(con, aid)
            text = f"{record.article.text}\n\nMise à jour {variant} : rien de nouveau."
            article = dataclasses.replace(record.article, id=article_id(text), text=text)
            writer.add(dataclasses.replace(record, article=article))
            if writer.due():
                writer.commit()
    writer.commit()
    count = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    con.close()
    print(f"{stats.stored} extracted, {count} articles in the store", flush=True)


def timed(call: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsclaims-bench-serve.duckdb"))
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (bounded loop)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db)

    from newsclaims.store import (
        articles_listing,
        figures_listing,
        load_record,
        open_store,
        speakers_listing,
        statements_listing,
    )
    from newsclaims.story import story
    from newsclaims.web import views
    from newsclaims.web.server import background_server
    from newsclaims.web.settings import ServeSettings

    with background_server(ServeSettings(db=args.db)) as url:
        con = open_store(args.db)  # the same database instance as the server's, in this process
        aid = con.execute("SELECT id FROM articles ORDER BY n_statements DESC LIMIT 1").fetchall()[0][0]
        n_articles = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        search = dict(kinds=("article", "statement"), speaker=None, since=None, until=None, lang=None)
        cases: list[tuple[str, str, Callable[[], Any]]] = [
            ("/api/articles?limit=50", "listing", lambda: articles_listing().page(con, 50)),
            ("/api/statements?limit=50", "listing", lambda: statements_listing().page(con, 50)),
            (
                "/api/figures?limit=50&counted=personnes",
                "listing",
                lambda: figures_listing(counted="personnes").page(con, 50),
            ),
            ("/api/speakers?limit=50", "listing", lambda: speakers_listing().page(con, 50)),
            (
                f"/api/search?q={quote(WORDS)}&limit=20",
                "search",
                lambda: views.search(con, WORDS, article_ids=None, limit=20, cursor=None, **search),
            ),
            (f"/api/articles/{aid}", "article", lambda: load_record(con, aid)),
            (f"/api/story?q={STORY}", "story", lambda: story(con, STORY)),
            ("/", "search page", lambda: views.search(con, None, article_ids=None, limit=25, cursor=None, **search)),
            (
                f"/?q={quote(WORDS)}",
                "search page",
                lambda: views.search(con, WORDS, article_ids=None, limit=25, cursor=None, **search),
            ),
            (f"/articles/{aid}", "article page", lambda: load_record(con, aid)),
            (f"/story?q={STORY}", "story page", lambda: story(con, STORY)),
            ("/speakers", "listing page", lambda: speakers_listing().page(con, 25)),
        ]
        parts = urlsplit(url)
        client = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

        def get(path: str) -> None:
            try:
                client.request("GET", path)
                response = client.getresponse()
            except (http.client.RemoteDisconnected, ConnectionError):
                client.close()  # the server closed an idle kept-alive connection (after 5 s): reconnect
                client.request("GET", path)
                response = client.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: {response.status}")

        results = []
        for path, kind, direct in cases:
            fetch = functools.partial(get, path)
            first = timed(fetch, 1)[0]  # a story's first view computes it; later views are cached
            timed(fetch, 5)
            start = time.perf_counter()
            served = timed(fetch, args.requests)
            rate = args.requests / (time.perf_counter() - start)
            plain = timed(direct, max(20, args.requests // 4))
            results.append(
                {
                    "endpoint": path,
                    "kind": kind,
                    "first_ms": round(first, 1),
                    "p50_ms": round(statistics.median(served), 2),
                    "p95_ms": round(p95(served), 2),
                    "requests_per_s": round(rate, 1),
                    "query_p50_ms": round(statistics.median(plain), 2),
                    "ratio": round(statistics.median(served) / max(statistics.median(plain), 1e-6), 2),
                }
            )
        con.close()
    if args.json:
        print(json.dumps({"articles": n_articles, "requests": args.requests, "results": results}, indent=1))
        return
    print(
        f"{n_articles} articles, {args.requests} requests per endpoint, one client on loopback"
        " (noisy if the machine is busy)"
    )
    print(f"{'endpoint':48} {'first':>7} {'p50':>7} {'p95':>7} {'req/s':>7} {'query':>7} {'ratio':>6}")
    for r in results:
        print(
            f"{r['endpoint'][:48]:48} {r['first_ms']:7.1f} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} "
            f"{r['requests_per_s']:7.1f} {r['query_p50_ms']:7.1f} {r['ratio']:6.2f}"
        )


if __name__ == "__main__":
    main()
