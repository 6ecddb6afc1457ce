"""A listing query that can be read whole (the CLI) or a page at a time by keyset (the HTTP API).

Keyset pagination: a page ends with the sort key of its last row, and the next page starts strictly
after that key. Unlike OFFSET it costs the same on page 1 and page 1,000, and rows inserted while a
client pages (an ingest running beside the server) never shift or repeat the rows already seen.
Each sort key is (SQL expression, SQL type, direction); expressions never yield NULL (the queries
coalesce nullable columns to a sentinel), so the "after" condition is plain comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import duckdb

from newsclaims.store.sql import rows as fetch_rows

Row = dict[str, Any]
KeyValue = str | int | float | date | datetime
SqlType = Literal["DATE", "TIMESTAMP", "VARCHAR", "BIGINT", "DOUBLE"]


@dataclass(frozen=True)
class SortKey:
    expr: str  # never NULL
    type: SqlType
    descending: bool = False


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    next_key: list[KeyValue] | None  # the key to pass as ``after`` for the next page; None on the last


@dataclass(frozen=True)
class Listing:
    """``SELECT <select> FROM <source> <where> ORDER BY <keys>``, with its parameters in order."""

    select: str
    source: str
    where: tuple[str, ...]
    params: tuple[Any, ...]
    keys: tuple[SortKey, ...]

    def rows(self, con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[Row]:
        """Every matching row (or the first ``limit``), in order."""
        sql = f"SELECT {self.select} FROM {self.source}{self._where(self.where)} ORDER BY {self._order()}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return fetch_rows(con, sql, list(self.params))

    def page(self, con: duckdb.DuckDBPyConnection, limit: int, after: Sequence[KeyValue] | None = None) -> Page:
        """At most ``limit`` rows that sort after the key ``after`` (from the start when None)."""
        if after is not None and len(after) != len(self.keys):
            raise ValueError(f"a key of this listing has {len(self.keys)} parts, not {len(after)}")
        where, params = list(self.where), list(self.params)
        if after is not None:
            condition, key_params = self._after(after)
            where.append(condition)
            params.extend(key_params)
        key_columns = ", ".join(f"{k.expr} AS _key{i}" for i, k in enumerate(self.keys))
        sql = (
            f"SELECT {self.select}, {key_columns} FROM {self.source}{self._where(where)}"
            f" ORDER BY {self._order()} LIMIT {int(limit) + 1}"  # one more tells whether a next page exists
        )
        found = fetch_rows(con, sql, params)
        more = len(found) > limit
        found = found[:limit]
        keys = [[row.pop(f"_key{i}") for i in range(len(self.keys))] for row in found]
        return Page(found, keys[-1] if more and keys else None)

    def facets(
        self, con: duckdb.DuckDBPyConnection, columns: Sequence[str], top: int = 10
    ) -> dict[str, list[tuple[str, int]]]:
        """For each column of the rows, how many rows have each value, most first (the ``top`` ones):
        the facets of a search, counted in one pass over the matching rows."""
        groups = " UNION ALL ".join(
            f"SELECT {i} AS facet, CAST({c} AS VARCHAR) AS value, count(*) AS n FROM _rows"
            f" WHERE {c} IS NOT NULL GROUP BY {c}"
            for i, c in enumerate(columns)
        )
        wanted = ", ".join(columns)  # names the source gives its rows (the search's "hits")
        sql = f"WITH _rows AS MATERIALIZED (SELECT {wanted} FROM {self.source}{self._where(self.where)}) {groups}"
        out: dict[str, list[tuple[str, int]]] = {c: [] for c in columns}
        for facet, value, n in con.execute(sql, list(self.params)).fetchall():
            out[columns[facet]].append((value, int(n)))
        return {c: sorted(values, key=lambda v: (-v[1], v[0]))[:top] for c, values in out.items()}

    def _order(self) -> str:
        return ", ".join(f"{k.expr} {'DESC' if k.descending else 'ASC'}" for k in self.keys)

    def _after(self, after: Sequence[KeyValue]) -> tuple[str, list[Any]]:
        """(k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... with > or < by each key's direction."""
        ors: list[str] = []
        params: list[Any] = []
        for i, key in enumerate(self.keys):
            ands = [f"{k.expr} = CAST(? AS {k.type})" for k in self.keys[:i]]
            ands.append(f"{key.expr} {'<' if key.descending else '>'} CAST(? AS {key.type})")
            ors.append("(" + " AND ".join(ands) + ")")
            params.extend(after[: i + 1])
        return "(" + " OR ".join(ors) + ")", params

    @staticmethod
    def _where(parts: Sequence[str]) -> str:
        return " WHERE " + " AND ".join(parts) if parts else ""
