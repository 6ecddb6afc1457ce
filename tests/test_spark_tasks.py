"""What a Spark task runs, without Spark: files in, one extraction per batch of articles across
files (as the local runner batches them), store rows out with the files each batch read."""

from __future__ import annotations

import gc

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


def test_a_python_worker_freezes_what_its_first_extraction_loaded() -> None:
    """PySpark collects garbage after every task: what the model loaded must not be walked each time."""
    import newsclaims.spark.tasks as tasks

    gc.unfreeze()  # as a fresh worker: an earlier test of this process may have extracted
    tasks._frozen = False
    try:
        list(extract_files([binary_files(["Le ministre a parlé lundi."])], lang="fr", extract=bare_records))
        assert tasks._frozen and gc.get_freeze_count() > 0
        frozen = gc.get_freeze_count()
        list(extract_files([binary_files(["Le ministre a parlé mardi."])], lang="fr", extract=bare_records))
        assert gc.get_freeze_count() == frozen  # once per worker, not per task
    finally:
        gc.unfreeze()
