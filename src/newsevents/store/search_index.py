"""The word index behind the ``q`` filter: every word of an event's searchable text ->
the event's ``seq``, written in the same transaction as the event.

``q`` matches ``ILIKE '%q%'`` in the sentence, actor, recipient or place name; on ten
million events that reads gigabytes of text per request. The index answers the same
question from integers: a word of ``q`` lies inside some word (``term``) of a matching
event, so the events holding a term that contains it are a superset of the matches.

Why the superset is safe: ILIKE compares ``lower(column)`` with ``lower(q)``, and
``lower`` maps code point by code point. Terms are the maximal runs of letters and
digits (``[\\pL\\pN]+``) of ``lower(column)``, cut by the same DuckDB functions on every
write. A query run is a maximal run of ASCII letters and digits of ``q``, lowered (so no
Python/DuckDB case-mapping difference can creep in); inside ``lower(q)`` it sits within
one letter-or-digit run, which sits within one term of every matching column. So
``contains(term, run)`` never misses a match (for each of the two longest runs, whose
candidates are intersected). When ``q`` is itself one ASCII word, the
converse also holds (a term containing it is a piece of the column containing it), so
the candidates *are* the matches and no sentence has to be read; otherwise the
candidates are checked with the original ILIKE.

Layout: ``search_terms`` (term -> ``term_id``), ``event_terms`` (postings sorted by
term, so a lookup reads a few row groups) and ``event_terms_recent`` (postings appended
since the last sort). When the unsorted part outgrows a quarter of the sorted one, the
two are rewritten as one sorted table (:func:`compact_if_due`): amortised, each posting
is rewritten about five times over a store's life, and a lookup never scans more than a
fifth of all postings unsorted. Postings of replaced events are deleted with them, so
counting postings counts live events.
"""

from __future__ import annotations

import re

import duckdb

SEARCHABLE_COLUMNS = ("text", "actor_name", "recipient_name", "location_name")
TERM_PATTERN = r"[\pL\pN]+"
MIN_RUN = 3  # shorter words are inside most terms: scanning is as fast as the index
MIN_TAIL = 1_000_000  # unsorted postings tolerated before the first sort
TAIL_SHARE = 4  # ... and then up to a quarter of the sorted postings

_QUERY_RUN = re.compile(r"[A-Za-z0-9]+")

TERMS_OF_EVENT = ("list_distinct(regexp_extract_all(lower(concat_ws(' ', "
                  + ", ".join(SEARCHABLE_COLUMNS) + f")), '{TERM_PATTERN}'))")

# An event's ``seq``, the integer its postings point to: the 16 hex digits of its id
# (``evt_`` + 64 bits of a content hash), so it is as unique as the id and as
# deterministic (the same input gives the same store, whatever the order of writes).
SEQ_OF_ID = "('0x' || substr(id, 5))::UBIGINT"

SCHEMA_SQL = """
    CREATE SEQUENCE search_term_ids;
    CREATE TABLE search_terms (term VARCHAR NOT NULL, term_id INTEGER NOT NULL);
    CREATE TABLE event_terms (term_id INTEGER NOT NULL, event_seq UBIGINT NOT NULL);
    CREATE TABLE event_terms_recent (term_id INTEGER NOT NULL, event_seq UBIGINT NOT NULL);
"""


def index_sql(source: str, into: str = "event_terms_recent") -> str:
    """SQL adding the terms of the events in ``source`` (a table or subquery with
    ``seq`` and the searchable columns): new words get an id, postings go to ``into``
    (the unsorted part, or ``event_terms`` when filling an empty index in one go)."""
    return f"""
        CREATE OR REPLACE TEMP TABLE new_terms AS
            SELECT seq AS event_seq, unnest({TERMS_OF_EVENT}) AS term FROM {source};
        INSERT INTO search_terms SELECT term, nextval('search_term_ids') FROM
            (SELECT DISTINCT term FROM new_terms) AS n
            WHERE NOT EXISTS (SELECT 1 FROM search_terms s WHERE s.term = n.term)
            ORDER BY term;
        INSERT INTO {into} SELECT s.term_id, n.event_seq
            FROM new_terms n JOIN search_terms s USING (term) ORDER BY 1, 2;
        DROP TABLE new_terms;
    """


def index_events(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Index the events of ``source`` (see :func:`index_sql`)."""
    con.execute(index_sql(source))


def forget_events(con: duckdb.DuckDBPyConnection, seqs: str) -> None:
    """Delete the postings of the events whose ``seq`` is in ``seqs`` (a relation)."""
    for table in ("event_terms", "event_terms_recent"):
        con.execute(f"DELETE FROM {table} WHERE event_seq IN (SELECT seq FROM {seqs})")


def compact_if_due(con: duckdb.DuckDBPyConnection) -> bool:
    """Rewrite all postings sorted by term once the unsorted part is too big; True if
    it did."""
    sorted_rows, tail = (_count(con, t) for t in ("event_terms", "event_terms_recent"))
    if tail <= max(MIN_TAIL, sorted_rows // TAIL_SHARE):
        return False
    con.execute("CREATE TABLE event_terms_sorted AS SELECT term_id, event_seq FROM "
                "(SELECT * FROM event_terms UNION ALL SELECT * FROM event_terms_recent) "
                "ORDER BY term_id, event_seq")
    con.execute("DROP TABLE event_terms")
    con.execute("ALTER TABLE event_terms_sorted RENAME TO event_terms")
    con.execute("DELETE FROM event_terms_recent")
    return True


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def is_exact(q: str) -> bool:
    """Whether the index alone decides ``q`` (one ASCII word, see the module docstring)."""
    return _QUERY_RUN.fullmatch(q) is not None and len(q) >= MIN_RUN


def candidates(q: str) -> tuple[str, list[str]] | None:
    """SQL selecting the ``event_seq`` of every event that may match ``q``, and its
    values; None when no word of ``q`` is long enough to help. The events must hold a
    term containing each of ``q``'s two longest words (long words are the rare ones as
    a rule; more words would read more postings than they save)."""
    runs = sorted({r.lower() for r in _QUERY_RUN.findall(q) if len(r) >= MIN_RUN},
                  key=lambda run: (-len(run), run))[:2]
    if not runs:
        return None
    sql = " INTERSECT ".join(f"SELECT event_seq FROM ({_POSTINGS_OF_RUN})" for _ in runs)
    return sql, [run for run in runs for _ in range(2)]


# The events with a term containing the run (bound twice, once per part).
_POSTINGS = ("SELECT event_seq FROM {table} WHERE term_id IN "
             "(SELECT term_id FROM search_terms WHERE contains(term, ?))")
_POSTINGS_OF_RUN = (_POSTINGS.format(table="event_terms") + " UNION "
                    + _POSTINGS.format(table="event_terms_recent"))
