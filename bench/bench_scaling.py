"""How each extractor's time grows with the length of one text (linear is the goal).

    .venv/bin/python bench/bench_scaling.py [--corpus DIR] [--articles 40]

Joins corpus articles into one Doc of n and 4n articles, times each extractor on both (best of three,
the garbage collector off) and prints the ratio: about 4 when linear, 16 when quadratic.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.entities import extract_entities
from newsclaims.extract.figures import extract_figures
from newsclaims.extract.statements import extract_statements
from newsclaims.extract.times import extract_times
from newsclaims.nlp import load_model

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikinews-fr-2012" / "text"
EXTRACTORS: dict[str, Callable[[Doc, Context], list]] = {
    "statements": extract_statements,
    "figures": extract_figures,
    "times": extract_times,
    "entities": extract_entities,
}


def best_seconds(func: Callable[[Doc, Context], list], doc: Doc, ctx: Context) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            func(doc, ctx)
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=25)
    args = ap.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))[: args.articles]
    if not paths:
        print(f"no corpus at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 2
    nlp = load_model("fr")
    docs = list(nlp.pipe(p.read_text(encoding="utf-8") for p in paths))
    small, large = Doc.from_docs(docs), Doc.from_docs(docs * 4)
    ctx = Context(lang="fr")
    print(f"{len(small)} and {len(large)} tokens")
    print(f"{'extractor':<12}{'n (s)':>9}{'4n (s)':>9}{'ratio':>7}")
    for name, func in EXTRACTORS.items():
        a, b = best_seconds(func, small, ctx), best_seconds(func, large, ctx)
        print(f"{name:<12}{a:>9.3f}{b:>9.3f}{b / a:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
