"""Extraction throughput and memory against the bare spaCy pipeline, on the same texts, same run.

    .venv/bin/python bench/bench_extract.py [--lang fr|en] [--corpus DIR] [--n-process 1] [--rounds 3]
                                            [--min-words 50000]

French reads the 100 Wikinews articles of ../shared/corpus; English the dev-en texts of ../shared/eval
(newsclaims with its components against the language's bare spaCy model).

Each measurement runs in a fresh child process (so peak memory is its own), after the model is
loaded and warmed up, over the corpus in whole passes until ``--min-words`` (French: 2 passes,
English: 3), long enough that the rest of the machine moves it little; the two are interleaved
over rounds and the best round of each is kept.
Prints articles/s and words/s for both, their ratio, and peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = {"fr": SHARED / "corpus" / "wikinews-fr-2012" / "text", "en": SHARED / "eval" / "dev-en"}


def _child(mode: str, corpus: Path, lang: str, n_process: int, batch_size: int, min_words: int) -> dict[str, float]:
    texts = _texts(corpus, min_words)
    from newsclaims.nlp import load_model
    from newsclaims.pipeline import extract_articles, make_article
    from newsclaims.reading import ReadText

    # Each mode loads only its own pipeline (newsclaims' is a copy of the model with its components),
    # so that peak memory compares the two; the warm-up (first calls allocate, lexicons load lazily)
    # is kept out of the timing.
    if mode == "spacy":
        nlp = load_model(lang)  # the bare spaCy pipeline of the language, without newsclaims' components
        list(nlp.pipe(texts[:4]))
    else:
        list(extract_articles([make_article(ReadText(text=t), lang=lang) for t in texts[:4]]))
    start = time.perf_counter()
    if mode == "spacy":
        for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
    else:
        articles = (make_article(ReadText(text=t), lang=lang, source=str(i)) for i, t in enumerate(texts))
        for _record in extract_articles(articles, batch_size=batch_size, n_process=n_process):
            pass
    elapsed = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(texts), "words": words, "seconds": elapsed, "peak_mb": peak_mb}


def _texts(corpus: Path, min_words: int) -> list[str]:
    """The corpus's texts, in as many whole passes as it takes to reach ``min_words``: a run of a few
    seconds (24 English articles) moves with whatever else the machine does; a longer one less."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    return texts * max(1, math.ceil(min_words / max(words, 1)))


def _run_child(mode: str, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus), "--lang", args.lang]
    cmd += ["--n-process", str(args.n_process), "--batch-size", str(args.batch_size)]
    cmd += ["--min-words", str(args.min_words)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", choices=sorted(DEFAULT_CORPUS), default="fr")
    ap.add_argument("--corpus", type=Path, default=None, help="folder of *.txt articles (default: by --lang)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=50_000, help="words per measurement (whole passes)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--child", choices=["spacy", "newsclaims"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.corpus = args.corpus or DEFAULT_CORPUS[args.lang]
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(_child(args.child, args.corpus, args.lang, args.n_process, args.batch_size, args.min_words)))
        return 0
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for mode in ("spacy", "newsclaims"):
            r = _run_child(mode, args)
            if mode not in best or r["seconds"] < best[mode]["seconds"]:
                best[mode] = r
    passes = len(_texts(args.corpus, args.min_words)) // len(list(args.corpus.glob("*.txt")))
    print(f"{args.corpus} x{passes}  n_process={args.n_process}  batch={args.batch_size}  rounds={args.rounds}")
    print(f"{'':<12}{'articles/s':>12}{'words/s':>10}{'seconds':>9}{'peak MB':>9}")
    for mode, r in best.items():
        print(
            f"{mode:<12}{r['articles'] / r['seconds']:>12.2f}{r['words'] / r['seconds']:>10.0f}"
            f"{r['seconds']:>9.2f}{r['peak_mb']:>9.0f}"
        )
    ratio = best["spacy"]["seconds"] / best["newsclaims"]["seconds"]
    target = {"fr": 0.85, "en": 0.80}[args.lang]
    print(f"ratio newsclaims/spacy throughput: {ratio:.2f} (target >= {target})")
    if args.json:
        args.json.write_text(json.dumps({"best": best, "ratio": ratio}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
