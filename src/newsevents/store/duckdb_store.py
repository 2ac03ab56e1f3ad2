"""The embedded store: one DuckDB file, migrated on open, written in Arrow batches.

Ids are content hashes, and a document's rows are replaced as a unit inside one
transaction, so re-processing the same input leaves the store exactly as it was and a
crash mid-write leaves the previous state.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.errors import StoreError
from newsevents.records import Document, ErrorRecord
from newsevents.store import event_counts, search_index, story_index
from newsevents.store.migrations import apply_migrations
from newsevents.store.rows import document_tables, error_table
from newsevents.store.story_reads import StoryFilter, get_story, list_stories
from newsevents.stories.near_duplicates import fingerprint
from newsevents.timex_periods import date_range_clauses


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for event queries; ``None`` means "any"."""

    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    event_type: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    story_id: str | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column in ("actor_country", "recipient_country", "actor_sector",
                       "recipient_sector", "event_type", "status", "story_id"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value.upper() if column != "story_id" and
                              column != "status" else value)
        dates, values = date_range_clauses("date_start", self.date_from, self.date_to)
        clauses += dates
        params += values
        if self.text:
            clauses.append("text ILIKE ?")
            params.append(f"%{self.text}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Store:
    """A DuckDB file holding articles, events, actor mentions and errors."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if read_only and not self.path.exists():
                raise StoreError(f"store {self.path} does not exist",
                                 hint="run `newsevents process` first")
            self.connection = duckdb.connect(str(self.path), read_only=read_only)
            if not read_only:
                apply_migrations(self.connection)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # -- writing ---------------------------------------------------------------------
    def write(self, documents: list[Document]) -> None:
        """Store a batch of documents (replacing any earlier rows of the same documents)
        and their error records, in one transaction."""
        self.write_tables(document_tables(documents))

    def write_tables(self, tables: dict[str, pa.Table]) -> None:
        """Store row tables as made by :func:`document_tables` (by this process, or by a
        Ray worker and read back from Parquet), in one transaction: the rows of each
        incoming document replace any earlier rows of that document; errors are kept once.
        The derived tables (word index, event counts) change in the same transaction, so
        they always describe exactly the events stored."""
        con = self.connection
        articles = tables.get("articles")
        ids = articles.column("doc_id").to_pylist() if articles is not None else []
        with _threads_for(con, sum(t.num_rows for t in tables.values())):
            self._write_transaction(con, tables, ids)

    def _write_transaction(self, con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table],
                           ids: list[str]) -> None:
        try:
            con.execute("BEGIN TRANSACTION")
            affected: set[str] = set()
            if ids:
                affected = story_index.stories_of_documents(con, ids)
                con.execute("CREATE OR REPLACE TEMP TABLE batch_ids AS "
                            "SELECT unnest(?::VARCHAR[]) AS doc_id", [ids])
                self._forget_replaced_events(con)
                for table in ("events", "actor_mentions", "articles"):
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN "
                                "(SELECT doc_id FROM batch_ids)")
                story_index.forget_documents(con, ids)
            tables, originals = story_index.link_duplicates(con, tables)
            affected |= story_index.stories_of_documents(con, sorted(originals))
            tables, touched = story_index.assign_events_to_stories(con, tables)
            for name in ("articles", "events", "event_actors", "actor_mentions", "errors"):
                arrow = tables.get(name)
                if arrow is not None and arrow.num_rows:
                    con.register("incoming", arrow)
                    if name == "events":
                        self._insert_events(con)
                    else:
                        verb = "INSERT OR IGNORE" if name == "errors" else "INSERT"
                        con.execute(f"{verb} INTO {name} SELECT * FROM incoming")
                    con.unregister("incoming")
            search_index.compact_if_due(con)
            story_index.refresh_stories(con, touched, affected)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"writing a batch of {len(ids)} documents failed: {exc}") from exc

    @staticmethod
    def _forget_replaced_events(con: duckdb.DuckDBPyConnection) -> None:
        """Take the stored events of the batch's documents out of ``event_actors``, the
        word index and the event counts (the events themselves are deleted next)."""
        con.execute("CREATE OR REPLACE TEMP TABLE replaced AS SELECT * FROM events "
                    "WHERE doc_id IN (SELECT doc_id FROM batch_ids)")
        if con.execute("SELECT count(*) FROM replaced").fetchone() != (0,):
            con.execute("DELETE FROM event_actors WHERE event_id IN "
                        "(SELECT id FROM replaced)")
            search_index.forget_events(con, "replaced")
            event_counts.remove_events(con, "replaced")
        con.execute("DROP TABLE replaced")

    @staticmethod
    def _insert_events(con: duckdb.DuckDBPyConnection) -> None:
        """Insert the registered ``incoming`` events with their ``seq``, then index and
        count them."""
        con.execute("CREATE OR REPLACE TEMP TABLE new_events AS "
                    f"SELECT *, {search_index.SEQ_OF_ID} AS seq FROM incoming")
        con.execute("INSERT INTO events BY NAME SELECT * FROM new_events")
        search_index.index_events(con, "new_events")
        event_counts.add_events(con, "new_events")
        con.execute("DROP TABLE new_events")

    def record_errors(self, errors: list[ErrorRecord]) -> None:
        """Store errors that have no document (unreadable files, bad JSON lines)."""
        self.write_tables({"errors": error_table(errors)})

    # -- reading ---------------------------------------------------------------------
    def stories(self, where: StoryFilter | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """(total, page) of merged stories, the most corroborated first."""
        return list_stories(self.connection, where, limit, offset)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its mentions, sources and conflicts, or None."""
        return get_story(self.connection, story_id)

    def find_near_duplicate(self, text: str, doc_id: str = "") -> str | None:
        """The stored article (other than ``doc_id``) this text is a near copy of (a
        syndicated or updated version), or None."""
        return self.find_near_duplicates({doc_id: text}).get(doc_id)

    def find_near_duplicates(self, texts: dict[str, str]) -> dict[str, str]:
        """For each article (doc id -> text) that is a near copy of a stored article
        (other than itself), that article's id; one query for them all."""
        prints = {doc_id: fp for doc_id, text in texts.items()
                  if (fp := fingerprint(text)) is not None}
        return story_index.find_originals(self.connection, prints) if prints else {}

    def known_documents(self, doc_ids: list[str],
                        since: datetime | None = None) -> set[str]:
        """Which of ``doc_ids`` are already stored (processed at or after ``since``, a naive
        UTC time, when given: a re-processing run asks what it has itself written)."""
        if not doc_ids:
            return set()
        sql = "SELECT doc_id FROM articles WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))"
        params: list[Any] = [doc_ids]
        if since is not None:
            sql += " AND processed_at >= ?"
            params.append(since)
        return {row[0] for row in self.connection.execute(sql, params).fetchall()}

    def counts(self) -> dict[str, int]:
        result = {}
        for table in ("articles", "events", "actor_mentions", "errors"):
            row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            result[table] = int(row[0]) if row else 0
        return result

    def events(self, where: EventFilter | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """Full event records (the public JSON shape), newest first."""
        clause, params = (where or EventFilter()).where()
        rows = self.connection.execute(
            f"SELECT record FROM events{clause} ORDER BY date_start DESC NULLS LAST, doc_id, "
            "start_char, id LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return [json.loads(row[0]) for row in rows]

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        cursor = self.connection.execute(
            "SELECT document, stage, reason, fatal FROM errors ORDER BY recorded_at, id "
            "LIMIT ?", [limit])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query and return rows as dicts (for summaries and reports)."""
        cursor = self.connection.execute(sql, params or [])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def iter_event_records(self, where: EventFilter | None = None,
                           chunk: int = 5000) -> Iterator[dict[str, Any]]:
        """All matching event records, streamed in chunks (for exports)."""
        clause, params = (where or EventFilter()).where()
        cursor = self.connection.execute(
            f"SELECT record FROM events{clause} ORDER BY date_start, doc_id, start_char, id",
            params)
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield json.loads(row[0])

    def export_table(self, path: Path, fmt: str, where: EventFilter | None = None) -> int:
        """Write the flat events table to Parquet or CSV with DuckDB's COPY; returns rows."""
        clause, params = (where or EventFilter()).where()
        options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER"}[fmt]
        columns = ("id, doc_id, story_id, event_type, mode, context, cameo, quad_class, "
                   "goldstein, status, actor_country, actor_sector, actor_name, actor_id, "
                   "recipient_country, recipient_sector, recipient_name, recipient_id, "
                   "reciprocal, location_name, location_country, lat, lon, geonameid, date, "
                   "date_precision, sentence_index, text, start_char, end_char, "
                   "trigger_text, trigger_start, trigger_end, confidence, why")
        if fmt == "csv":
            columns = columns.replace("context,", "array_to_string(context, ';') AS context,")
        target = str(path).replace("'", "''")
        self.connection.execute(
            f"COPY (SELECT {columns} FROM events{clause} ORDER BY date_start, doc_id, "
            f"start_char, id) TO '{target}' ({options})", params)
        count_row = self.connection.execute(f"SELECT count(*) FROM events{clause}",
                                            params).fetchone()
        return int(count_row[0]) if count_row else 0


# Below this many rows a write runs on one thread: a pipeline batch (a few dozen articles)
# spends more CPU starting DuckDB's parallel operators than on its data (about 25% of the
# write's CPU on news batches); bulk loads of Parquet keep every thread.
ONE_THREAD_ROWS = 100_000


@contextmanager
def _threads_for(con: duckdb.DuckDBPyConnection, rows: int) -> Iterator[None]:
    """Run a small write on one thread, then restore the connection's setting."""
    if rows >= ONE_THREAD_ROWS:
        yield
        return
    row = con.execute("SELECT current_setting('threads')").fetchone()
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        con.execute(f"SET threads = {int(row[0]) if row else 1}")
