"""What the Spark tasks run, on the Python workers: file contents in, store rows out.

Importable on its own (Spark sends a reference to ``extract_files``, and each Python worker imports
this module): the spaCy model is then loaded once per Python worker by ``newsclaims.nlp`` and
reused by every task that worker runs, as Spark reuses its Python workers.
"""

from __future__ import annotations

import gc
import io
import posixpath
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

from newsclaims.batch import Batch, ExtractBatch, extract_items
from newsclaims.gazetteer import use_entity_rows
from newsclaims.languages.entities_data import EntityRow
from newsclaims.records import Rejected
from newsclaims.sources import SourceItem, read_stream
from newsclaims.spark.isolation import IsolatedExtractor
from newsclaims.store.arrow import Tables, table_schemas

if TYPE_CHECKING:
    from pyspark import TaskContext

BATCH_ITEMS = 8  # articles parsed together by one nlp.pipe call, as the local runner does


# The files a batch read: Spark never hands empty files to a task, so the driver finds them as
# the files no batch read.
FILE_COLUMN = "_files"


def wide_schema() -> pa.Schema:
    """One row per batch of articles: for each store table, the list of rows the batch adds to it."""
    tables = [pa.field(t, pa.list_(pa.struct(list(s)))) for t, s in table_schemas().items()]
    return pa.schema([*tables, pa.field(FILE_COLUMN, pa.list_(pa.string()))])


def to_wide(tables: Tables, files: Sequence[str]) -> pa.RecordBatch:
    schema = wide_schema()
    columns: list[pa.Array] = []
    for field in schema:
        if field.name == FILE_COLUMN:
            columns.append(pa.array([list(files)], pa.list_(pa.string())))
            continue
        rows = tables[field.name].combine_chunks().to_struct_array()
        if isinstance(rows, pa.ChunkedArray):
            rows = rows.combine_chunks() if rows.num_chunks else pa.array([], type=rows.type)
        columns.append(pa.ListArray.from_arrays(pa.array([0, len(rows)], pa.int32()), rows, type=field.type))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def source_name(path: str, roots: Sequence[tuple[str, str]]) -> str:
    """The source a local run would record for this file: the path as the user named its root
    ("corpus/a.txt", not "file:/home/me/corpus/a.txt"); another file system's files keep their URL."""
    for qualified, given in roots:
        if path == qualified:
            return given
        prefix = qualified.rstrip("/") + "/"
        if path.startswith(prefix):
            return posixpath.join(given, path[len(prefix) :])
    return path.removeprefix("file:") if path.startswith("file:/") else path


def extract_files(
    batches: Iterable[pa.RecordBatch],
    lang: str = "auto",
    roots: Sequence[tuple[str, str]] = (),
    extract: ExtractBatch | None = None,
    batch_items: int = BATCH_ITEMS,
    entities: tuple[EntityRow, ...] = (),
    entities_origin: str | None = None,
) -> Iterator[pa.RecordBatch]:
    """``mapInArrow`` over Spark's binaryFile rows (path, length, content): every file read by the
    local runner's readers, its articles extracted by ``batch.extract_items``.

    A retried task (its first attempt lost its Python worker: a crash, the kernel's OOM killer)
    extracts each article alone in a child process, so the article that kills it becomes a
    rejection instead of failing the partition again.
    """
    if entities_origin:  # the user's entities file, read on the driver
        use_entity_rows(entities, entities_origin)
    isolated = IsolatedExtractor(lang, extract) if _attempt() > 0 else None

    def extracted(chunk: list[SourceItem | Rejected], files: list[str]) -> pa.RecordBatch:
        batch = isolated.extract_items(chunk) if isolated else extract_items(chunk, lang, extract)
        _freeze_loaded_objects()
        return to_wide(batch.tables, files)

    # Articles of several files share one extraction (one nlp.pipe call), as the local runner's
    # batches do: an article file holds one article, and one at a time is a third slower.
    chunk: list[SourceItem | Rejected] = []
    files: list[str] = []
    try:
        for rb in batches:
            paths, lengths, contents = (rb.column(n) for n in ("path", "length", "content"))
            for i in range(rb.num_rows):
                path = str(paths[i].as_py())
                files.append(path)
                content = contents[i].as_py() or b""
                source = source_name(path, roots)
                for item in read_stream(
                    io.BytesIO(content), source, name=posixpath.basename(path), size=lengths[i].as_py()
                ):
                    chunk.append(item)
                    if len(chunk) >= batch_items:
                        yield extracted(chunk, files)
                        chunk, files = [], []
        if chunk or files:
            yield extracted(chunk, files)
    finally:
        if isolated:
            isolated.close()


_frozen_pipelines = 0  # how many pipelines this process had loaded at its last freeze


def _freeze_loaded_objects() -> None:
    """In a Spark Python worker, each time its extractions have loaded another pipeline (the first
    batch's model, a second language's later): the objects alive now (the pipelines, the language
    data) leave the garbage collector's view. PySpark's daemon runs a full collection after every
    task, which otherwise walks them all each time (about 0.1 s per task with a French model)."""
    global _frozen_pipelines
    loaded = _loaded_pipelines()
    if loaded > _frozen_pipelines and _in_spark_task():
        gc.collect()  # this batch's cyclic garbage first: frozen objects in cycles are never collected
        gc.freeze()
        _frozen_pipelines = loaded


def _loaded_pipelines() -> int:
    nlp = sys.modules.get("newsclaims.nlp")  # not imported: no pipeline loaded (a stand-in extraction)
    if nlp is None:
        return 0
    return int(nlp.load_pipeline.cache_info().currsize + nlp.load_model.cache_info().currsize)


def _in_spark_task() -> bool:
    return _task_context() is not None


def _attempt() -> int:
    ctx = _task_context()
    return ctx.attemptNumber() if ctx is not None else 0


def _task_context() -> TaskContext | None:
    from pyspark import TaskContext

    return TaskContext.get()


__all__ = ["FILE_COLUMN", "Batch", "extract_files", "source_name", "to_wide", "wide_schema"]
