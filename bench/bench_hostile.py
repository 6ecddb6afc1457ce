"""Time and peak memory of pathological texts against ordinary text of the same size.

    .venv/bin/python bench/bench_hostile.py [--sizes 100000,1000000] [--cases all] [--timeout 600]

Each case runs in its own process (the spaCy model loaded before the clock starts): one article of
that many characters through ``newsclaims.pipeline.extract_article``, under the same time bound as
``newsclaims extract`` (``newsclaims.budget``; pass --no-bound to measure without it, and
--spacy-tokenizer to measure spaCy's own tokenizer instead of ``newsclaims.tokenizer``). Prints
seconds, peak resident memory (MB, the process's high-water mark, model included) and the ratio to
the ordinary text of the same size; a case the time bound stops says ``too-costly``, one the
--timeout kills says so. The texts are made here: the ordinary one from the bundled demo articles
(written by the team), the pathological ones from runs of punctuation with and without spaces.
On a shared machine the timings are noisy: run it when the machine is quiet for the real numbers.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "newsclaims" / "demo" / "articles" / "nk-troops.jsonl"


def _ordinary(size: int) -> str:
    texts = [json.loads(line)["text"] for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    french = "\n\n".join(texts)
    return (french * (size // len(french) + 1))[:size]


def _run_of(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _words_then(unit: str) -> Callable[[int], str]:
    """Ordinary sentences with a long run of ``unit`` (no space) every 2,000 characters."""

    def make(size: int) -> str:
        ordinary = _ordinary(size)
        return "".join(ordinary[i : i + 1000] + unit * (1000 // len(unit)) for i in range(0, size, 2000))[:size]

    return make


CASES: dict[str, Callable[[int], str]] = {
    "ordinary": _ordinary,
    "ampersands": _run_of("&"),  # one token of n characters: spaCy's affix loop is quadratic in it
    "guillemets": _run_of("«"),
    "parentheses": _run_of("("),
    "amp-spaced": _run_of("& "),  # a token every other character: as many tokens as the text allows
    "mixed-punct": _run_of("&(«)»;:!?"),
    "text+runs": _words_then("«&("),
    "digits": _run_of("1"),
    "one-word": _run_of("a"),
}


def _child(case: str, size: int, bound: bool, native: bool) -> dict[str, object]:
    from newsclaims.budget import TooCostly, seconds_for, time_limit
    from newsclaims.nlp import load_pipeline
    from newsclaims.pipeline import extract_article, make_article
    from newsclaims.reading import ReadText
    from newsclaims.tokenizer import BoundedTokenizer

    nlp = load_pipeline("fr")
    if native and isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = nlp.tokenizer.tokenizer  # what the pipeline had before newsclaims.tokenizer
    text = CASES[case](size)
    article = make_article(ReadText(text=text), lang="fr")
    start = time.perf_counter()
    outcome = "ok"
    try:
        if bound:
            with time_limit(seconds_for(len(text))):
                record = extract_article(article)
        else:
            record = extract_article(article)
        items = len(record.statements) + len(record.figures) + len(record.times) + len(record.entities)
    except TooCostly:
        outcome, items = "too-costly", 0
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "size": size, "seconds": seconds, "peak_mb": peak_mb, "outcome": outcome, "items": items}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000", help="characters per text, comma-separated")
    ap.add_argument("--cases", default="all", help=f"comma-separated, of: {', '.join(CASES)}")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a case's process is killed")
    ap.add_argument("--no-bound", action="store_true", help="run without the per-article time bound")
    ap.add_argument("--spacy-tokenizer", action="store_true", help="spaCy's tokenizer, not newsclaims'")
    ap.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], int(args.child[1]), not args.no_bound, args.spacy_tokenizer)))
        return 0
    cases = list(CASES) if args.cases == "all" else args.cases.split(",")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'case':<12} {'chars':>9} {'seconds':>9} {'peak MB':>8} {'x time':>7} {'x mem':>6}  outcome")
    for size in sizes:
        base: dict[str, float] = {}
        for case in ["ordinary", *[c for c in cases if c != "ordinary"]]:
            command = [sys.executable, __file__, "--child", case, str(size)]
            command += ["--no-bound"] if args.no_bound else []
            command += ["--spacy-tokenizer"] if args.spacy_tokenizer else []
            started = time.perf_counter()
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout, check=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                print(f"{case:<12} {size:>9} {'>' + str(int(time.perf_counter() - started)):>9} {'?':>8}  killed")
                continue
            except subprocess.CalledProcessError as exc:
                print(f"{case:<12} {size:>9} failed: {exc.stderr.strip().splitlines()[-1:]}")
                continue
            if case == "ordinary":
                base = {"seconds": result["seconds"], "peak_mb": result["peak_mb"]}
            x_time = result["seconds"] / base["seconds"] if base else float("nan")
            x_mem = result["peak_mb"] / base["peak_mb"] if base else float("nan")
            print(
                f"{case:<12} {size:>9} {result['seconds']:>9.2f} {result['peak_mb']:>8.0f} {x_time:>7.1f} {x_mem:>6.1f}"
                f"  {result['outcome']} ({result['items']} items)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
