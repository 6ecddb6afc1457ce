"""Quality gate: F1 on the shared gold sets must stay above pinned floors.

The floors sit just under what the extractors reach today (see the issue notes); a change that
lowers quality fails here. Needs ../shared (skips with a reason in a user's fresh clone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from newsclaims.evaluation import score

# (gold set, measure) -> lowest acceptable F1, just under what is reached. Measured 2026-12-06 after the
# language packs and the attribution work (issue 8): dev (32 articles, 19 unseen until this round)
# statements 0.964, attributed 0.927, figures+qualifier 0.985, times+value 0.958; dev-en (English on
# its parser) statements 0.934, attributed 0.902, figures+qualifier 0.856, times+value 0.802;
# timebank-fr 0.861; timebank-en 0.877; team set (eval/team, team-written, never tuned on)
# statements 0.981, attributed 0.969, figures 1.000, times 1.000.
# English figures and times from the parse (issue 8, second part): dev-en figures+qualifier 0.992,
# times+value 0.851; timebank-en 0.891. Attribution read from unseen articles (2026-12-07): dev-en
# statements 0.936, attributed 0.911; the other sets unchanged. Second pass on unseen articles
# (2026-12-07, later): dev-en statements 0.946, attributed 0.927 (once rounded, as the shared scorer
# prints them); the other sets unchanged.
FLOORS = {
    ("dev", "statements"): 0.95,
    ("dev", "attributed"): 0.91,
    ("dev", "figures+qualifier"): 0.97,
    ("dev", "times+value"): 0.92,
    ("dev-en", "statements"): 0.935,
    ("dev-en", "attributed"): 0.915,
    ("dev-en", "figures+qualifier"): 0.98,
    ("dev-en", "times+value"): 0.84,
    ("timebank-fr", "times+value"): 0.84,
    ("timebank-en", "times+value"): 0.85,
    ("team", "statements"): 0.96,
    ("team", "attributed"): 0.95,
    ("team", "figures+qualifier"): 0.95,
    ("team", "times+value"): 0.95,
}
TEAM_SET = Path(__file__).resolve().parents[1] / "eval" / "team"


@pytest.fixture(scope="module")
def summaries() -> dict[str, dict[str, dict[str, float]]]:
    sets = sorted({name for name, _measure in FLOORS})
    shared_path("eval", "score.py")  # every set is scored by the shared scorer
    return {name: score(TEAM_SET if name == "team" else shared_path("eval", name)) for name in sets}


@pytest.mark.parametrize(("gold", "measure"), sorted(FLOORS))
def test_f1_stays_above_its_floor(summaries, gold: str, measure: str) -> None:
    got = summaries[gold][measure]
    assert got["f1"] >= FLOORS[(gold, measure)], f"{gold} {measure}: {got}"
