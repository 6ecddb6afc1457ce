"""Entity linking measured on the shared gold sets: does each statement's speaker resolve to the right
canonical entity?

    .venv/bin/python eval/stories/entity_linking.py [--gold ../shared/eval/dev ../shared/eval/dev-en] [-v]

For each gold statement that a predicted statement matches (the shared scorer's content matching),
the predicted speaker's canonical entity (``stories.links.speaker_link``) is right when a gold alias
resolves to the same entity ("le Pentagone" and "the Pentagon" are the US Department of Defense), or
when the entity's name holds a gold alias as whole words ("Antony Blinken" for "Blinken"). Printed per
set: the share over matched statements (linking alone), and over every gold statement (extraction and
linking together, a missed statement counting as wrong).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsclaims.evaluation import gold_articles, gold_texts, load_scorer
from newsclaims.pipeline import extract_articles
from newsclaims.records import ArticleRecord, Speaker
from newsclaims.stories.keys import EntityRef
from newsclaims.stories.lexicon import lexicon
from newsclaims.stories.links import speaker_link

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
KINDS = ("person", "organisation", "group", "country")


def alias_entities(aliases: list[str], lang: str) -> set[str]:
    """The ids the gold aliases resolve to, read as a speaker of any kind."""
    lex = lexicon(lang)
    ids = set()
    for alias in aliases:
        for kind in KINDS:
            entity = speaker_link(Speaker(alias, None, kind), lex).entity  # type: ignore[arg-type]
            if entity is not None:
                ids.add(entity.id)
    return ids


def right(entity: EntityRef | None, aliases: list[str], lang: str, scorer: Any) -> bool:
    if entity is None:
        return False
    return entity.id in alias_entities(aliases, lang) or scorer.speaker_ok({"speaker": entity.name}, aliases)


def measure(gold_dir: Path, verbose: bool) -> dict[str, float]:
    scorer = load_scorer(gold_dir)
    golds = [(gold, text) for gold, text in gold_texts(gold_dir) if "statements" in gold]
    records: list[ArticleRecord] = list(extract_articles(gold_articles(golds)))
    matched = good = total = 0
    for (gold, _text), record in zip(golds, records, strict=True):
        lex = lexicon(record.article.lang)
        preds = [s.to_dict() for s in record.statements]
        wanted = [g for g in gold["statements"] if not g.get("optional")]
        total += len(wanted)

        def content(g: dict[str, Any], p: dict[str, Any]) -> float:
            f = scorer.token_f1(scorer.field(p, "content", "text") or "", g["content"])
            return float(f) if f >= scorer.MATCH else 0.0

        for gi, pi in scorer.greedy(wanted, preds, content):
            matched += 1
            entity = speaker_link(record.statements[pi].speaker, lex).entity
            ok = right(entity, wanted[gi]["speaker"], record.article.lang, scorer)
            good += ok
            if verbose and not ok:
                name = entity.name if entity else None
                print(
                    f"  {gold['id']}: {record.statements[pi].speaker.name!r} -> {name!r}, gold {wanted[gi]['speaker']}"
                )
    return {
        "gold_statements": total,
        "matched": matched,
        "right": good,
        "share_of_matched": round(good / matched, 3) if matched else 0.0,
        "share_of_gold": round(good / total, 3) if total else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="+", type=Path, default=[SHARED / "dev", SHARED / "dev-en"])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for gold in args.gold:
        if not gold.is_dir():
            print(f"no gold set at {gold}: skipped", file=sys.stderr)
            continue
        print(gold.name, json.dumps(measure(gold, args.verbose)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
