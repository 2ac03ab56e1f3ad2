"""Schema migrations, applied in order and recorded in ``schema_migrations``.

A migration is never edited once released: change the schema by appending a new one, so
that every existing store can be brought up to date by opening it. Migration 4 fills its
derived tables with the SQL the write path uses (``search_index``, ``event_counts``), so
that a migrated store holds exactly what writing its events would have produced; a
change to that SQL needs a new migration that rebuilds those tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from newsevents.store import event_counts, search_index


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def _fill_participant_keys(role: str) -> str:
    """SQL giving existing several-party events of ``role`` their keys (see
    ``store.rows.participant_keys``) from ``event_actors``."""
    return f"""
        UPDATE events SET {role}_keys = k.keys FROM (
            SELECT event_id, list(DISTINCT key ORDER BY key) AS keys FROM (
                SELECT event_id, position,
                       unnest([country, '*' || sector, country || ' ' || sector]) AS key
                FROM event_actors WHERE role = '{role}')
            WHERE key IS NOT NULL GROUP BY event_id
            HAVING count(DISTINCT position) > 1) k
        WHERE k.event_id = events.id;
    """


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", """
        CREATE TABLE articles (
            doc_id VARCHAR PRIMARY KEY,
            raw_id VARCHAR,
            source VARCHAR,
            url VARCHAR,
            title VARCHAR,
            published VARCHAR,
            lang VARCHAR,
            text VARCHAR,
            dateline_place VARCHAR,
            dateline_agency VARCHAR,
            n_events INTEGER,
            pipeline_version VARCHAR,
            record JSON,
            processed_at TIMESTAMP
        );
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            story_id VARCHAR,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            status VARCHAR,
            actor_country VARCHAR,
            actor_sector VARCHAR,
            actor_name VARCHAR,
            actor_id VARCHAR,
            recipient_country VARCHAR,
            recipient_sector VARCHAR,
            recipient_name VARCHAR,
            recipient_id VARCHAR,
            reciprocal BOOLEAN,
            location_name VARCHAR,
            location_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonameid BIGINT,
            date VARCHAR,
            date_start DATE,
            date_precision VARCHAR,
            sentence_index INTEGER,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            trigger_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            confidence DOUBLE,
            why VARCHAR,
            record JSON
        );
        CREATE INDEX events_doc ON events (doc_id);
        CREATE INDEX events_dyad ON events (actor_country, recipient_country);
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            actor_id VARCHAR,
            PRIMARY KEY (event_id, role, position)
        );
        CREATE TABLE actor_mentions (
            doc_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            actor_id VARCHAR,
            kind VARCHAR,
            PRIMARY KEY (doc_id, start_char, end_char)
        );
        CREATE TABLE errors (
            id VARCHAR PRIMARY KEY,
            document VARCHAR,
            doc_id VARCHAR,
            stage VARCHAR,
            reason VARCHAR,
            fatal BOOLEAN,
            recorded_at TIMESTAMP
        );
    """),
    Migration(2, "stories: near-duplicate articles, merged stories, mentions", """
        CREATE TABLE article_fingerprints (
            doc_id VARCHAR PRIMARY KEY,
            signature UINTEGER[]
        );
        CREATE TABLE article_bands (
            band_key UBIGINT NOT NULL,
            doc_id VARCHAR NOT NULL
        );
        CREATE INDEX article_bands_key ON article_bands (band_key);
        CREATE TABLE article_duplicates (
            doc_id VARCHAR PRIMARY KEY,
            duplicate_of VARCHAR NOT NULL,
            jaccard DOUBLE
        );
        CREATE TABLE stories (
            story_id VARCHAR PRIMARY KEY,
            event_type VARCHAR,
            mode VARCHAR,
            cameo VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            status VARCHAR,
            actor_country VARCHAR,
            actor_sector VARCHAR,
            actor_name VARCHAR,
            recipient_country VARCHAR,
            recipient_sector VARCHAR,
            recipient_name VARCHAR,
            countries VARCHAR[],
            actor_ids VARCHAR[],
            anchor_day DATE,
            location_countries VARCHAR[],
            location_name VARCHAR,
            location_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonameid BIGINT,
            date VARCHAR,
            date_precision VARCHAR,
            date_start DATE,
            text VARCHAR,
            example_event_id VARCHAR,
            example_doc_id VARCHAR,
            n_mentions INTEGER,
            n_articles INTEGER,
            n_sources INTEGER,
            n_independent_sources INTEGER,
            n_conflicts INTEGER,
            conflicts JSON,
            updated_at TIMESTAMP
        );
        CREATE INDEX stories_block ON stories (event_type, anchor_day);
        CREATE VIEW mentions AS
            SELECT e.story_id, e.id AS event_id, e.doc_id, e.doc_id AS evidence_doc_id,
                   a.source, a.url, a.published, e.sentence_index, e.start_char,
                   e.end_char, e.text, e.confidence, FALSE AS duplicate
            FROM events e JOIN articles a ON a.doc_id = e.doc_id
            UNION ALL
            SELECT e.story_id, e.id, d.doc_id, e.doc_id, a.source, a.url, a.published,
                   e.sentence_index,
                   CASE WHEN instr(a.text, e.text) > 0 THEN instr(a.text, e.text) - 1 END,
                   CASE WHEN instr(a.text, e.text) > 0
                        THEN instr(a.text, e.text) - 1 + length(e.text) END,
                   e.text, e.confidence, TRUE
            FROM article_duplicates d
            JOIN events e ON e.doc_id = d.duplicate_of
            JOIN articles a ON a.doc_id = d.doc_id;
    """),
    Migration(3, "participant keys of several-party events, for dyad filters without a join",
              """
        ALTER TABLE events ADD COLUMN actor_keys VARCHAR[];
        ALTER TABLE events ADD COLUMN recipient_keys VARCHAR[];
    """ + _fill_participant_keys("actor") + _fill_participant_keys("recipient")),
    Migration(4, "event numbers, word index for text search, event counts per country "
                 "and day", """
        ALTER TABLE events ADD COLUMN seq UBIGINT;
        UPDATE events SET seq = """ + search_index.SEQ_OF_ID + ";"
              + search_index.SCHEMA_SQL + search_index.index_sql("events", into="event_terms")
              + event_counts.SCHEMA_SQL + event_counts.add_sql("events") + ";"),
)


def apply_migrations(connection: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the schema up to date; return the versions applied now."""
    connection.execute("""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)
    """)
    done = {row[0] for row in connection.execute("SELECT version FROM schema_migrations")
            .fetchall()}
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.execute(migration.sql)
            connection.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [migration.version, migration.name])
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
