"""Read-only access to a store file for the HTTP API.

The server opens the DuckDB file once with ``read_only=True`` (so a bug or a crafted
request can never change the data) and gives every request its own cursor: DuckDB
connections are not safe to share between threads, cursors of one connection are.
Every query takes its values as parameters; SQL text is only ever built from fixed
fragments chosen by whitelists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from newsevents.errors import StoreError

# the tables the endpoints read: a store older than one of them is refused with a hint
# rather than failing query by query (opening it for writing migrates it)
REQUIRED_TABLES = ("articles", "events", "event_actors", "actor_mentions", "search_terms",
                   "event_terms", "event_terms_recent", "event_counts")


class ReadOnlyDatabase:
    """One read-only DuckDB connection; ``rows``/``value`` run parameterised queries."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._connection: duckdb.DuckDBPyConnection | None = None
        self.open()
        self.tables = self._table_names()
        missing = set(REQUIRED_TABLES) - self.tables
        if missing:
            self.close()
            raise StoreError(f"{self.path} is not a newsevents store (no table "
                             f"{', '.join(sorted(missing))})",
                             hint="open it once with `newsevents process` to migrate it")

    def _table_names(self) -> set[str]:
        return {row["table_name"] for row in self.rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}

    def open(self) -> None:
        """Connect, unless connected: an ASGI app may be started again after a shutdown
        (test clients, servers that reload), and must then serve again, not fail."""
        if self._connection is not None:
            return
        if not self.path.exists():
            raise StoreError(f"store {self.path} does not exist",
                             hint="run `newsevents demo` or `newsevents process` first")
        try:
            self._connection = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path} read-only: {exc}",
                             hint="is another process writing to it?") from exc

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of this request's own (also for library readers that take a
        connection); DuckDB errors become ``StoreError``."""
        if self._connection is None:
            raise StoreError(f"store {self.path.name} is closed (the server is stopping)")
        try:
            cursor = self._connection.cursor()
        except duckdb.Error as exc:
            raise StoreError(f"store {self.path.name} is not available: {exc}") from exc
        try:
            yield cursor
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path.name} failed: {exc}") from exc
        finally:
            cursor.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """All result rows as dicts, through a cursor of this request's own."""
        with self.cursor() as cursor:
            result = cursor.execute(sql, list(params))
            columns = [c[0] for c in result.description]
            return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (``None`` when there is no row)."""
        found = self.rows(sql, params)
        return next(iter(found[0].values())) if found else None
