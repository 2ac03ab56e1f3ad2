"""Exports in the shapes other tools read: PLOVER JSON records and a GDELT 2.0-style
event table.

PLOVER records use PLOVER's field names (``event``, ``mode``, ``context``, ``source`` and
``target`` lists of ``{actorText, code, sector}``, ``eventText``, ``eventLoc``), so data
coded here sits beside the PLOVER gold standard and POLECAT. The GDELT table has one
row per happening (a merged story, as GDELT counts events) and keeps the columns that carry
meaning for us (actor codes, CAMEO codes, QuadClass, Goldstein, mention/source/article
counts, action geography, source URL, plus independent sources and conflicts),
tab-separated like GDELT's own files. Both stream from DuckDB; nothing is held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newsevents import __version__
from newsevents.store.duckdb_store import Store


def _plover_actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {"actorText": actor["text"], "code": actor.get("country"),
            "sector": actor.get("sector"), "name": actor.get("name"), "id": actor.get("id")}


def plover_record(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER's JSON shape (with our provenance fields beside it)."""
    location = record.get("location") or None
    return {
        "id": record["id"],
        "date": record.get("date"),
        "dateCoded": date.today().isoformat(),
        "event": record["event_type"],
        "mode": record.get("mode") or "",
        "context": ", ".join(record.get("context") or []),
        "source": [_plover_actor(a) for a in record["actor"]],
        "target": [_plover_actor(r) for r in record["recipient"]],
        "eventText": record["trigger"]["text"],
        "text": record["text"],
        "eventLoc": None if location is None else {
            "placeText": location.get("text"), "placeName": location.get("name"),
            "country": location.get("country"), "lat": location.get("lat"),
            "lon": location.get("lon"), "geonameID": location.get("geonameid")},
        "publication": article.get("source"),
        "url": article.get("url"),
        "language": "en",
        "coder": f"newsevents {__version__}",
        "cameo": record["cameo"],
        "quadClass": record["quad_class"],
        "goldstein": record["goldstein"],
        "status": record["status"],
        "confidence": record["confidence"],
        "storyID": record.get("story_id"),
        "docID": record["doc_id"],
        "offsets": {"start": record["start"], "end": record["end"],
                    "trigger": [record["trigger"]["start"], record["trigger"]["end"]]},
    }


def iter_plover_records(store: Store, chunk: int = 5000) -> Iterator[dict[str, Any]]:
    cursor = store.connection.execute(
        "SELECT e.record, a.source, a.url FROM events e LEFT JOIN articles a "
        "ON a.doc_id = e.doc_id ORDER BY e.date_start, e.doc_id, e.start_char, e.id")
    while rows := cursor.fetchmany(chunk):
        for record, source, url in rows:
            yield plover_record(json.loads(record), {"source": source, "url": url})


def write_plover(store: Store, path: Path) -> int:
    """PLOVER JSON lines; returns the number of events written."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in iter_plover_records(store):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


_GDELT_QUERY = """
SELECT s.story_id AS GLOBALEVENTID,
       strftime(s.date_start, '%Y%m%d') AS SQLDATE,
       coalesce(s.actor_country, '') || coalesce(s.actor_sector, '') AS Actor1Code,
       s.actor_name AS Actor1Name, s.actor_country AS Actor1CountryCode,
       s.actor_sector AS Actor1Type1Code,
       coalesce(s.recipient_country, '') || coalesce(s.recipient_sector, '') AS Actor2Code,
       s.recipient_name AS Actor2Name, s.recipient_country AS Actor2CountryCode,
       s.recipient_sector AS Actor2Type1Code,
       CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END AS IsRootEvent,
       s.cameo AS EventCode, left(s.cameo, 3) AS EventBaseCode,
       left(s.cameo, 2) AS EventRootCode, s.quad_class AS QuadClass,
       s.goldstein AS GoldsteinScale, s.n_mentions AS NumMentions,
       s.n_sources AS NumSources, s.n_articles AS NumArticles,
       s.event_type AS PloverEventType, s.status AS Status,
       s.location_name AS ActionGeo_FullName, s.location_country AS ActionGeo_CountryCode,
       s.lat AS ActionGeo_Lat, s.lon AS ActionGeo_Long, s.geonameid AS ActionGeo_FeatureID,
       strftime(a.processed_at, '%Y%m%d%H%M%S') AS DATEADDED, a.url AS SOURCEURL,
       s.n_independent_sources AS NumIndependentSources, s.n_conflicts AS NumConflicts
FROM stories s
LEFT JOIN events e ON e.id = s.example_event_id
LEFT JOIN articles a ON a.doc_id = s.example_doc_id
ORDER BY s.date_start, s.story_id
"""


def write_gdelt(store: Store, path: Path) -> int:
    """A GDELT 2.0-style tab-separated event table with a header row, one row per
    happening (a story, however many articles reported it, as GDELT counts events),
    with its mention, source and article counts; returns rows."""
    target = str(path).replace("'", "''")
    store.connection.execute(
        f"COPY ({_GDELT_QUERY}) TO '{target}' (FORMAT CSV, DELIMITER '\\t', HEADER)")
    row = store.connection.execute("SELECT count(*) FROM stories").fetchone()
    return int(row[0]) if row else 0
