"""Score extraction against a gold folder in one process (the model loads once).

``python -m newsclaims.evaluation --gold ../shared/eval/dev`` prints the same table as
``../shared/eval/score.py --cmd "newsclaims extract ..."`` but much faster, because it does not start
one process per article. The scoring itself is the shared scorer's, loaded from beside the gold.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from newsclaims.pipeline import extract_articles, make_article
from newsclaims.reading import ReadText
from newsclaims.records import Article

SHARED_SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


def load_scorer(gold_dir: Path) -> ModuleType:
    """The shared ``score.py``: beside the gold folder (``../shared/eval``), else the team's shared copy
    (for gold folders kept in the repository, such as ``eval/team``)."""
    path = Path(gold_dir).resolve().parent / "score.py"
    if not path.exists():
        path = SHARED_SCORER
    spec = importlib.util.spec_from_file_location("newsclaims_shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(gold_dir: Path) -> list[tuple[dict[str, Any], str, dict[str, Any]]]:
    """(gold, text, prediction) for every ``*.gold.json`` of the folder."""
    golds = gold_texts(gold_dir)
    records = extract_articles(gold_articles(golds))
    return [(gold, text, rec.to_dict()) for (gold, text), rec in zip(golds, records, strict=True)]


def gold_texts(gold_dir: Path) -> list[tuple[dict[str, Any], str]]:
    """(gold, text) for every ``*.gold.json`` of the folder."""
    golds = []
    for gp in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        golds.append((gold, (gp.parent / gold["text_file"]).read_text(encoding="utf-8")))
    return golds


def gold_articles(golds: list[tuple[dict[str, Any], str]]) -> list[Article]:
    """The articles to extract, with the language and publication date each gold file gives."""
    return [
        make_article(
            ReadText(text=text),
            lang=gold.get("lang") or "fr",
            published=date.fromisoformat(gold["published"]) if gold.get("published") else None,
            source=gold["id"],
        )
        for gold, text in golds
    ]


def score(
    gold_dir: Path,
    verbose: bool = False,
    predictions: list[tuple[dict[str, Any], str, dict[str, Any]]] | None = None,
) -> dict[str, dict[str, float]]:
    """Summary per measure: {"attributed": {"p":..,"r":..,"f1":..,"tp":..,"fp":..,"fn":..}, ...}.

    ``predictions`` are ``predict(gold_dir)``'s, when the caller already has them."""
    scorer = load_scorer(gold_dir)
    names = ["statements", "attributed", "figures", "figures+qualifier", "times", "times+value"]
    tallies = {n: scorer.Tally() for n in names}
    for gold, text, pred in predictions if predictions is not None else predict(gold_dir):
        per = {n: scorer.Tally() for n in names}
        scorer.score_article(gold, pred, text, per)
        for n in names:
            tallies[n].add(per[n].tp, per[n].fp, per[n].fn)
        if verbose:
            print(f"{gold['id']:<28} " + "  ".join(f"{n}={per[n].prf()[2]:.2f}" for n in names))
    out = {}
    for n in names:
        p, r, f = tallies[n].prf()
        t = tallies[n]
        # Unrounded: the table rounds once, as the shared scorer does (0.94645 is 0.946, not 0.947).
        out[n] = {"p": p, "r": r, "f1": f, "tp": t.tp, "fp": t.fp, "fn": t.fn}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, type=Path, help="folder of <id>.gold.json (e.g. ../shared/eval/dev)")
    ap.add_argument("--dump", type=Path, help="also write each prediction as DIR/<id>.json")
    a = ap.parse_args(argv)
    predictions = predict(a.gold)
    if a.dump:
        a.dump.mkdir(parents=True, exist_ok=True)
        for gold, _text, pred in predictions:
            (a.dump / f"{gold['id']}.json").write_text(json.dumps(pred, ensure_ascii=False, indent=1))
    summary = score(a.gold, verbose=True, predictions=predictions)
    print(f"\n{'measure':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for n, s in summary.items():
        print(f"{n:<20}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
