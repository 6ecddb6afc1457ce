"""Bring a store's schema up to date, one migration per transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import duckdb

from newsclaims.store.errors import StoreError
from newsclaims.store.schema import MIGRATIONS, Migration
from newsclaims.store.sql import scalar

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    description VARCHAR,
    applied_at TIMESTAMP NOT NULL
)
"""


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the store; 0 for an empty database."""
    if not scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"):
        return 0
    return int(scalar(con, "SELECT max(version) FROM schema_version") or 0)


def pending(con: duckdb.DuckDBPyConnection, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The migrations this store still needs, in order; refuses a store newer than this code."""
    version = current_version(con)
    latest = migrations[-1].version if migrations else 0
    if version > latest:
        raise StoreError(
            f"the store is at schema version {version}, newer than this newsclaims knows ({latest}); upgrade newsclaims"
        )
    return [m for m in migrations if m.version > version]


def migrate(con: duckdb.DuckDBPyConnection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply every pending migration; returns the version the store is at afterwards."""
    _check_order(migrations)
    for migration in pending(con, migrations):
        # One transaction per migration: a failure leaves the store at the previous version.
        con.begin()
        try:
            con.execute(_VERSION_TABLE)
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.description, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.commit()
        except Exception:
            con.rollback()
            raise
    return current_version(con)


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migrations must be numbered 1, 2, 3... in order, got {versions}")
