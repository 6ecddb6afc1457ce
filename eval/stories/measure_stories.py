"""Story grouping measured as a user gets it: `newsclaims ingest` into a fresh store, then its stories.

    .venv/bin/python eval/stories/measure_stories.py [--workers N] [--keep DIR]

Pairwise precision, recall and F1 on the French Wikinews corpus (against eval/stories/wikinews-fr-2012.tsv,
the team's judgment) and on the demo articles (all one story); the wrong pairs are listed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import duckdb

from newsclaims.demo import ARTICLES_PATH
from newsclaims.ingest import ingest
from newsclaims.stories.measure import pair_score, read_groups

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus" / "wikinews-fr-2012" / "text"


def stored_groups(db: Path, name_of: str) -> dict[str, str]:
    """article name -> story id, the name being the source file's stem ("44337") or the article id."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            f"SELECT {name_of}, sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
        ).fetchall()
    finally:
        con.close()
    return {str(k): str(v) for k, v in rows}


def measure(inputs: list[str], expected: dict[str, str] | None, name_of: str, workers: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "stories.duckdb"
    db.unlink(missing_ok=True)
    stats = ingest(inputs, db, workers=workers)
    got = stored_groups(db, name_of)
    reference = expected if expected is not None else {k: "one" for k in got}
    score = pair_score(got, reference)
    print(f"  {stats.stored} articles, {len(set(got.values()))} stories; {score}")
    wrong = sorted(tuple(sorted(p)) for p in _pairs(got) - _pairs({k: reference.get(k, k) for k in got}))
    missed = sorted(tuple(sorted(p)) for p in _pairs({k: reference.get(k, k) for k in got}) - _pairs(got))
    if wrong:
        print(f"  put together, apart in the reference: {wrong}")
    if missed:
        print(f"  apart, together in the reference: {missed}")


def _pairs(groups: dict[str, str]) -> set[frozenset[str]]:
    from newsclaims.stories.measure import pairs

    return pairs(groups)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="Write the stores here instead of a temporary folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if CORPUS.is_dir():
            print(f"French Wikinews ({CORPUS}), against {HERE / 'wikinews-fr-2012.tsv'}:")
            name = "regexp_extract(a.source, '([0-9]+)\\.txt$', 1)"
            measure([str(CORPUS)], read_groups(HERE / "wikinews-fr-2012.tsv"), name, args.workers, folder / "wn")
        else:
            print(f"no corpus at {CORPUS}: skipped", file=sys.stderr)
        print("Demo articles (one story):")
        measure([str(ARTICLES_PATH)], None, "a.id", args.workers, folder / "demo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
