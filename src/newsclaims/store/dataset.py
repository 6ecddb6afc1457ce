"""Parquet datasets of the store's tables (the Spark runner's output, ``export --format parquet``):
queried where they lie through DuckDB views, or loaded into a store by id.

A dataset folder holds, per table, either a folder of Parquet parts (``articles/part-*.parquet``,
as Spark writes) or one file (``articles.parquet``, as ``export`` writes).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsclaims.store.errors import StoreError
from newsclaims.store.migrations import current_version, migrate
from newsclaims.store.schema import DATA_TABLES, LATEST_VERSION, LINK_TABLES, SAME_REJECTION
from newsclaims.store.sql import scalar


def is_dataset(path: str | Path) -> bool:
    return Path(path).is_dir()


def open_linked_dataset(directory: str | Path) -> duckdb.DuckDBPyConnection:
    """A dataset for reading with its stories: Spark writes each article's story features but no
    stories (they need every article in date order), so they are formed here, in memory."""
    from newsclaims.store.connection import open_store  # connection opens datasets through this module
    from newsclaims.store.linking import link_articles

    con = open_store(directory, read_only=True)
    link_articles(con)
    return con


def table_files(directory: str | Path) -> dict[str, str]:
    """The Parquet files of each table the dataset holds, as a DuckDB file pattern."""
    root = Path(directory)
    found: dict[str, str] = {}
    for table in (*DATA_TABLES, *LINK_TABLES, "schema_version"):
        folder, single = root / table, root / f"{table}.parquet"
        if folder.is_dir() and any(folder.rglob("*.parquet")):
            found[table] = str(folder / "**" / "*.parquet")
        elif single.is_file():
            found[table] = str(single)
    return found


def _read(pattern: str) -> str:
    # read_parquet takes no parameter for its file name here (inside a view): quote it as a literal.
    return "read_parquet(" + "'" + pattern.replace("'", "''") + "', union_by_name = true)"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def _check(directory: Path, files: dict[str, str]) -> None:
    if "articles" not in files:
        raise StoreError(f"{directory} is not a newsclaims dataset: no articles table (articles/*.parquet)")
    if "schema_version" in files:
        con = duckdb.connect(":memory:")
        try:
            version = scalar(con, f"SELECT max(version) FROM {_read(files['schema_version'])}") or 0
        finally:
            con.close()
        if version > LATEST_VERSION:
            raise StoreError(
                f"the dataset {directory} is at schema version {version}, newer than this newsclaims knows"
                f" ({LATEST_VERSION}); upgrade newsclaims"
            )


def open_dataset(directory: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose tables are views over the dataset's Parquet files, with the store's
    columns: every query that runs on a store runs on it. A table the dataset lacks is empty."""
    root = Path(directory)
    files = table_files(root)
    _check(root, files)
    con = duckdb.connect(":memory:")
    migrate(con)  # the store's empty tables, at the latest version: the columns every view keeps
    if not all(t in files for t in LINK_TABLES):
        files = {t: f for t, f in files.items() if t not in LINK_TABLES}  # no stories: linked in memory
    for table in (*DATA_TABLES, *LINK_TABLES):
        if table not in files:
            continue
        columns = ", ".join(_columns(con, table))
        con.execute(f"DROP TABLE {table}")
        con.execute(f"CREATE VIEW {table} AS SELECT {columns} FROM {_read(files[table])}")
    return con


def load_dataset(con: duckdb.DuckDBPyConnection, directory: str | Path) -> dict[str, int]:
    """Insert the dataset's rows into the store, in one transaction; returns the rows added per table.

    Idempotent: an article already in the store (same id) is left as it is, with its records; a
    rejection or any other row is added only when the store does not hold the same row.
    """
    root = Path(directory)
    files = table_files(root)
    _check(root, files)
    if current_version(con) < LATEST_VERSION:
        migrate(con)
    added: dict[str, int] = {}
    con.begin()
    try:
        con.execute(
            f"""CREATE TEMP TABLE _new_articles AS
                SELECT DISTINCT id FROM {_read(files["articles"])}
                WHERE id NOT IN (SELECT id FROM articles)"""
        )
        for table in DATA_TABLES:
            if table not in files:
                continue
            before = scalar(con, f"SELECT count(*) FROM {table}")
            con.execute(_insert(con, table, files[table]))
            added[table] = int(scalar(con, f"SELECT count(*) FROM {table}")) - int(before)
        con.execute("DROP TABLE _new_articles")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return added


def _insert(con: duckdb.DuckDBPyConnection, table: str, pattern: str) -> str:
    """Rows of one table to add: an article's once (its first source by name), its records with it."""
    present = set(_columns(con, f"(SELECT * FROM {_read(pattern)})"))
    columns = ", ".join(c for c in _columns(con, table) if c in present)
    source = _read(pattern)
    if table == "articles":
        select = f"""SELECT {columns} FROM {source} WHERE id IN (SELECT id FROM _new_articles)
                     QUALIFY row_number() OVER (PARTITION BY id ORDER BY source) = 1"""
    elif "article_id" in present and "idx" in present:
        select = f"""SELECT DISTINCT ON (article_id, idx) {columns} FROM {source}
                     WHERE article_id IN (SELECT id FROM _new_articles)"""
    elif table == "rejected":
        # Once per rejection: one the store holds already is not added again (a second load adds nothing).
        select = f"""SELECT DISTINCT ON (source, reason, detail) {columns} FROM {source} AS i
                     WHERE NOT EXISTS (SELECT 1 FROM rejected AS r WHERE {SAME_REJECTION})"""
    else:
        select = f"SELECT {columns} FROM {source} EXCEPT SELECT {columns} FROM {table}"
    return f"INSERT INTO {table} ({columns}) {select}"
