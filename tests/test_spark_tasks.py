"""What a Spark task runs, without Spark: files in, one extraction per batch of articles across
files (as the local runner batches them), store rows out with the files each batch read."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

import pyarrow as pa
import pytest

from newsclaims.records import Article, ArticleRecord, Rejected

pytest.importorskip("pyspark", reason="the Spark tasks need pyspark (pip install -e '.[dev]')")

from newsclaims.spark.tasks import FILE_COLUMN, extract_files  # noqa: E402

BATCHES: list[int] = []


def bare_records(articles: list[Article]) -> list[ArticleRecord | Rejected]:
    BATCHES.append(len(articles))
    return [ArticleRecord(article=a) for a in articles]


def binary_files(texts: list[str], first: int = 0) -> pa.RecordBatch:
    """Rows as Spark's binaryFile source gives them."""
    contents = [t.encode("utf-8") for t in texts]
    return pa.RecordBatch.from_pydict(
        {
            "path": [f"file:/corpus/{first + i:02d}.txt" for i in range(len(texts))],
            "length": [len(c) for c in contents],
            "content": contents,
        }
    )


def test_articles_of_several_files_are_extracted_together() -> None:
    texts = [f"Dépêche {i}. Le ministre a annoncé {i * 100} nouveaux postes lundi." for i in range(7)]
    BATCHES.clear()
    wide = list(
        extract_files(
            [binary_files(texts[:4]), binary_files(texts[4:], first=4)],
            lang="fr",
            roots=[("file:/corpus", "corpus")],
            extract=bare_records,
            batch_items=3,
        )
    )
    assert BATCHES == [3, 3, 1]  # not one extraction per file
    read = [rb.column(FILE_COLUMN).to_pylist()[0] for rb in wide]
    assert read == [[f"file:/corpus/{i:02d}.txt" for i in files] for files in ([0, 1, 2], [3, 4, 5], [6])]
    sources = [row["source"] for rb in wide for row in rb.column("articles").to_pylist()[0]]
    assert sources == [f"corpus/{i:02d}.txt" for i in range(7)]


@dataclass
class Freezes:
    """gc.freeze calls (the pipelines loaded at each), counted instead of made."""

    loaded: int = 0  # pipelines this process has loaded, as the test sets them
    calls: list[int] = field(default_factory=list)


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> Freezes:
    import newsclaims.spark.tasks as tasks

    state = Freezes()
    monkeypatch.setattr(tasks, "_frozen_pipelines", 0)
    monkeypatch.setattr(tasks, "_loaded_pipelines", lambda: state.loaded)
    monkeypatch.setattr(gc, "freeze", lambda: state.calls.append(state.loaded))
    return state


def _run(texts: list[str]) -> None:
    list(extract_files([binary_files(texts)], lang="fr", extract=bare_records))


def test_a_spark_worker_freezes_each_pipeline_it_loads_once(freezes: Freezes, monkeypatch: pytest.MonkeyPatch) -> None:
    """PySpark collects garbage after every task: a loaded model must not be walked each time."""
    import newsclaims.spark.tasks as tasks

    monkeypatch.setattr(tasks, "_in_spark_task", lambda: True)
    _run(["un premier lot qui ne charge aucun modèle"])  # nothing worth freezing yet
    assert freezes.calls == []
    freezes.loaded = 1  # the French pipeline, loaded by the next batch
    _run(["Le ministre a parlé lundi."])
    _run(["Le ministre a parlé mardi."])
    assert freezes.calls == [1]  # once for it, not once per task
    freezes.loaded = 2  # a second language, later
    _run(["The minister spoke on Monday."])
    assert freezes.calls == [1, 2]


def test_outside_spark_nothing_is_frozen(freezes: Freezes) -> None:
    """extract_files called in another process (a test, a script) leaves its heap alone."""
    freezes.loaded = 1
    _run(["Le ministre a parlé lundi."])
    assert freezes.calls == []
