"""Shared test fixtures: the path to ../shared (gold sets, corpus) and a skip when it is absent."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def fr_pipeline():
    """The French pipeline as extraction runs it: the model, newsclaims' tokenizer and components."""
    from newsclaims.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for the whole test run (starting one takes about 10 s)."""
    pytest.importorskip("pyspark", reason="the Spark engine needs pyspark (pip install -e '.[dev]')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("the Spark engine needs Java 17+: no java on PATH and no JAVA_HOME")
    from newsclaims.spark.session import start_session

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ["PYSPARK_PYTHON"] = sys.executable
    # Spark's Python workers import the tests' stand-in extractions (spark_helpers) from here.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).parent), saved["PYTHONPATH"]) if p)
    try:
        session = start_session("local[2]", app_name="newsclaims-tests")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    yield session
    session.stop()
