"""Exports in the shapes other tools read: PLOVER JSON records and a GDELT 2.0-style
event table.

PLOVER records use PLOVER's field names (``event``, ``mode``, ``context``, ``source`` and
``target`` lists of ``{actorText, code, sector}``, ``eventText``, ``eventLoc``), so data
coded here sits beside the PLOVER gold standard and POLECAT. The GDELT table keeps the
columns that carry meaning for us (actor codes, CAMEO codes, QuadClass, Goldstein,
mention/source/article counts per story, action geography, source URL), tab-separated
like GDELT's own files. Both stream from DuckDB; nothing is held in memory whole.
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
WITH story AS (
    SELECT e.story_id, count(*) AS num_mentions,
           count(DISTINCT coalesce(a.source, e.doc_id)) AS num_sources,
           count(DISTINCT e.doc_id) AS num_articles
    FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id GROUP BY e.story_id)
SELECT e.id AS GLOBALEVENTID,
       strftime(e.date_start, '%Y%m%d') AS SQLDATE,
       coalesce(e.actor_country, '') || coalesce(e.actor_sector, '') AS Actor1Code,
       e.actor_name AS Actor1Name, e.actor_country AS Actor1CountryCode,
       e.actor_sector AS Actor1Type1Code,
       coalesce(e.recipient_country, '') || coalesce(e.recipient_sector, '') AS Actor2Code,
       e.recipient_name AS Actor2Name, e.recipient_country AS Actor2CountryCode,
       e.recipient_sector AS Actor2Type1Code,
       CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END AS IsRootEvent,
       e.cameo AS EventCode, left(e.cameo, 3) AS EventBaseCode,
       left(e.cameo, 2) AS EventRootCode, e.quad_class AS QuadClass,
       e.goldstein AS GoldsteinScale, s.num_mentions AS NumMentions,
       s.num_sources AS NumSources, s.num_articles AS NumArticles,
       e.event_type AS PloverEventType, e.status AS Status,
       e.location_name AS ActionGeo_FullName, e.location_country AS ActionGeo_CountryCode,
       e.lat AS ActionGeo_Lat, e.lon AS ActionGeo_Long, e.geonameid AS ActionGeo_FeatureID,
       strftime(a.processed_at, '%Y%m%d%H%M%S') AS DATEADDED, a.url AS SOURCEURL
FROM events e
LEFT JOIN articles a ON a.doc_id = e.doc_id
LEFT JOIN story s ON s.story_id IS NOT DISTINCT FROM e.story_id
ORDER BY e.date_start, e.doc_id, e.start_char, e.id
"""


def write_gdelt(store: Store, path: Path) -> int:
    """A GDELT 2.0-style tab-separated event table with a header row; returns rows."""
    target = str(path).replace("'", "''")
    store.connection.execute(
        f"COPY ({_GDELT_QUERY}) TO '{target}' (FORMAT CSV, DELIMITER '\\t', HEADER)")
    row = store.connection.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0
