"""Event counts per participating country and day, kept up to date by every write, so
the time series that cover a large share of the store (every event, or every event a
country takes part in: about 40% of all events for the USA) read thousands of counts
instead of millions of events.

A row counts the events of one ``country`` on one ``date_start`` with one precision,
QuadClass, type and status, with their Goldstein sum. ``country`` is each distinct
country among the event's participants in any role (the flat columns plus the country
keys of several-party events, exactly what "involving X" matches) or ``'*'``, which
every event has. Undated events, a missing QuadClass and a missing status are stored as
``-infinity``, 0 and '' (key columns cannot be NULL) and read back as NULL by
:data:`SERIES_SOURCE`; a missing precision is stored as 'day', which is how the series
reads it anyway.

Writes add the counts of new events and subtract those of replaced ones in the same
transaction (an upsert on the key), and drop counts that fall to zero.
"""

from __future__ import annotations

import duckdb

EVERY_EVENT = "*"

SCHEMA_SQL = """
    CREATE TABLE event_counts (
        country VARCHAR NOT NULL,
        date_start DATE NOT NULL,
        date_precision VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        event_type VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        events BIGINT NOT NULL,
        goldstein DOUBLE NOT NULL,
        PRIMARY KEY (country, date_start, date_precision, quad_class, event_type, status)
    );
"""

# Countries a participant filter can ask for: keys that are neither '*SECTOR' nor
# 'COUNTRY SECTOR' (see ``store.rows.participant_keys``), and the flat columns.
_COUNTRIES = """list_distinct(list_filter(list_concat(
        [actor_country, recipient_country], coalesce(actor_keys, []),
        coalesce(recipient_keys, [])),
        lambda k: k IS NOT NULL AND NOT starts_with(k, '*') AND NOT contains(k, ' ')))"""

_KEY = ("country, date_start, date_precision, quad_class, event_type, status")


def _delta_sql(source: str, sign: int) -> str:
    return f"""
        SELECT {_KEY}, {sign} * count(*), {sign} * coalesce(sum(goldstein), 0) FROM (
            SELECT unnest(list_concat({_COUNTRIES}, ['{EVERY_EVENT}'])) AS country,
                coalesce(date_start, '-infinity'::DATE) AS date_start,
                coalesce(date_precision, 'day') AS date_precision,
                coalesce(quad_class, 0) AS quad_class, event_type,
                coalesce(status, '') AS status, goldstein
            FROM {source})
        GROUP BY ALL
        ON CONFLICT DO UPDATE SET events = events + excluded.events,
            goldstein = goldstein + excluded.goldstein
    """


def add_sql(source: str) -> str:
    """SQL counting the events of ``source`` (a table or subquery with the events
    columns)."""
    return f"INSERT INTO event_counts {_delta_sql(source, 1)}"


def add_events(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Count the events of ``source`` (see :func:`add_sql`)."""
    con.execute(add_sql(source))


def remove_events(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Uncount the events of ``source``, which are about to be deleted."""
    con.execute(f"INSERT INTO event_counts {_delta_sql(source, -1)}")
    con.execute("DELETE FROM event_counts WHERE events = 0")


# The counts of one country (bound as the parameter) in the shape of the events columns
# that the series filters and groups on, aliased like ``events`` rows are.
SERIES_SOURCE = """(SELECT nullif(date_start, '-infinity'::DATE) AS date_start,
        date_precision, nullif(quad_class, 0) AS quad_class, event_type,
        nullif(status, '') AS status, events, goldstein
    FROM event_counts WHERE country = ?)"""
