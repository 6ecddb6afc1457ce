"""Shared test fixtures: the path to ../shared (gold sets, corpus) and a skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying why when this checkout has none (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is only beside the team's checkouts and CI)")
    return path


@pytest.fixture(scope="session")
def fr_nlp():
    from newsclaims.nlp import load_model

    return load_model("fr")
