"""The store's side of stories: link near-duplicate articles, put each new event into a
story, and keep every touched story's merged record, counts and conflicts current.

Everything here runs inside the write transaction of :meth:`Store.write_tables`, on the
row tables of one batch, so a batch's articles, events, links and stories land together or
not at all. Lookups are blocked (LSH band keys for articles; type, date window and shared
participants for stories): the cost of a batch does not grow with the size of the store.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.stories.clustering import (
    DAY_WINDOW,
    ReportedEvent,
    StoryProfile,
    assign_stories,
)
from newsevents.stories.conflicts import find_conflicts
from newsevents.stories.merging import VOTED_SLOTS, Report, best_values
from newsevents.stories.near_duplicates import (
    NEAR_DUPLICATE_JACCARD,
    Fingerprint,
    estimated_jaccard,
    fingerprint,
)
from newsevents.timex_periods import period_bounds

_EVIDENCE_TABLES = ("events", "event_actors", "actor_mentions")


def stories_of_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> set[str]:
    """Stories that hold events of these documents (to refresh after replacing them)."""
    rows = con.execute("SELECT DISTINCT story_id FROM events WHERE story_id IS NOT NULL "
                       "AND doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]).fetchall()
    return {r[0] for r in rows}


def forget_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Drop the fingerprints and duplicate links of documents about to be rewritten."""
    for table in ("article_fingerprints", "article_bands", "article_duplicates"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                    [doc_ids])


def link_duplicates(con: duckdb.DuckDBPyConnection,
                    tables: dict[str, pa.Table]) -> tuple[dict[str, pa.Table], set[str]]:
    """Fingerprint the batch's articles, record which are near copies of an article
    already stored (or earlier in the batch), and drop the copies' own events: a copy is
    linked to its original's events as extra mentions, never counted as new evidence.
    Returns the trimmed tables and the originals that gained a copy."""
    articles = tables.get("articles")
    if articles is None or not articles.num_rows:
        return tables, set()
    doc_ids = articles.column("doc_id").to_pylist()
    prints = {d: fingerprint(t or "") for d, t in
              zip(doc_ids, articles.column("text").to_pylist(), strict=True)}
    stored = _stored_candidates(con, prints, set(doc_ids))
    originals: dict[str, tuple[str, float]] = {}
    seen: list[tuple[str, Fingerprint]] = []
    for doc_id in doc_ids:
        fp = prints[doc_id]
        if fp is None:
            continue
        best = _best_original(fp, stored.get(doc_id, []) + _batch_candidates(fp, seen))
        if best is not None:
            original, score = best
            originals[doc_id] = (originals.get(original, (original, 0.0))[0], score)
        seen.append((doc_id, fp))
    _insert_fingerprints(con, prints, originals)
    if not originals:
        return tables, set()
    copies = pa.array(list(originals), pa.string())
    trimmed = dict(tables)
    for name in ("events", "actor_mentions"):
        table = tables.get(name)
        if table is not None and table.num_rows:
            trimmed[name] = table.filter(pc.invert(pc.is_in(table["doc_id"], copies)))
    roles = tables.get("event_actors")
    if roles is not None and roles.num_rows:
        kept = trimmed["events"]["id"] if "events" in trimmed else pa.array([], pa.string())
        trimmed["event_actors"] = roles.filter(pc.is_in(roles["event_id"], kept))
    return trimmed, {original for original, _ in originals.values()}


def _stored_candidates(con: duckdb.DuckDBPyConnection, prints: dict[str, Fingerprint | None],
                       batch: set[str]) -> dict[str, list[tuple[str, np.ndarray]]]:
    """For each incoming article, stored articles sharing an LSH band, with signatures."""
    wanted: dict[int, list[str]] = {}  # band key -> the incoming articles with it
    for doc_id, fp in prints.items():
        for key in fp.band_keys if fp else ():
            wanted.setdefault(key, []).append(doc_id)
    if not wanted:
        return {}
    rows = con.execute(
        "SELECT b.band_key, f.doc_id, f.signature FROM article_bands b "
        "JOIN article_fingerprints f ON f.doc_id = b.doc_id "
        "WHERE b.band_key IN (SELECT unnest(?::UBIGINT[]))", [list(wanted)]).fetchall()
    found: dict[str, dict[str, np.ndarray]] = {}
    for key, doc_id, signature in rows:
        if doc_id not in batch:
            for incoming in wanted[key]:
                if incoming != doc_id:  # a re-processed article is not its own original
                    found.setdefault(incoming, {})[doc_id] = np.array(signature,
                                                                      dtype=np.uint32)
    return {d: sorted(c.items()) for d, c in found.items()}


def find_originals(con: duckdb.DuckDBPyConnection,
                   prints: dict[str, Fingerprint]) -> dict[str, str]:
    """For each incoming article (doc id -> fingerprint), the stored article (other than
    itself) that it is a near copy of, followed to the first original; articles with
    none are left out. One query for the lot: the runner asks per batch."""
    stored = _stored_candidates(con, dict(prints), set())
    best = {doc_id: found for doc_id, fp in prints.items()
            if (found := _best_original(fp, stored.get(doc_id, []))) is not None}
    if not best:
        return {}
    matches = sorted({found for found, _ in best.values()})
    firsts = dict(con.execute(
        "SELECT doc_id, duplicate_of FROM article_duplicates "
        "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [matches]).fetchall())
    return {doc_id: firsts.get(found, found) for doc_id, (found, _) in best.items()}


def _batch_candidates(fp: Fingerprint,
                      seen: list[tuple[str, Fingerprint]]) -> list[tuple[str, np.ndarray]]:
    keys = set(fp.band_keys)
    return [(d, other.signature) for d, other in seen if keys.intersection(other.band_keys)]


def _best_original(fp: Fingerprint,
                   candidates: list[tuple[str, np.ndarray]]) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for doc_id, signature in candidates:
        score = estimated_jaccard(fp.signature, signature)
        if score >= NEAR_DUPLICATE_JACCARD and (best is None or score > best[1]):
            best = (doc_id, score)
    return best


def _insert_fingerprints(con: duckdb.DuckDBPyConnection,
                         prints: dict[str, Fingerprint | None],
                         originals: dict[str, tuple[str, float]]) -> None:
    known = [(d, fp) for d, fp in prints.items() if fp is not None]
    if known:
        _insert(con, "article_fingerprints", pa.table({
            "doc_id": [d for d, _ in known],
            "signature": pa.array([fp.signature.tolist() for _, fp in known],
                                  pa.list_(pa.uint32()))}))
        _insert(con, "article_bands", pa.table({
            "band_key": pa.array([k for _, fp in known for k in fp.band_keys], pa.uint64()),
            "doc_id": [d for d, fp in known for _ in fp.band_keys]}))
    if originals:
        # an original that is itself a copy points on to its own original
        chained = dict(con.execute(
            "SELECT doc_id, duplicate_of FROM article_duplicates WHERE doc_id IN "
            "(SELECT unnest(?::VARCHAR[]))", [[o for o, _ in originals.values()]]).fetchall())
        _insert(con, "article_duplicates", pa.table({
            "doc_id": list(originals),
            "duplicate_of": [chained.get(o, o) for o, _ in originals.values()],
            "jaccard": [s for _, s in originals.values()]}))


def _insert(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register("incoming_links", table)
    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM incoming_links")
    con.unregister("incoming_links")


# -- stories ---------------------------------------------------------------------------
def assign_events_to_stories(con: duckdb.DuckDBPyConnection,
                             tables: dict[str, pa.Table]) -> tuple[dict[str, pa.Table],
                                                                   list[StoryProfile]]:
    """Give every incoming event the id of the story it reports (an existing one, or a
    new one it founds); return the tables with ``story_id`` set and the touched stories."""
    events = tables.get("events")
    if events is None or not events.num_rows:
        return tables, []
    reported = _reported_events(events.to_pylist(), tables.get("event_actors"))
    assigned, touched = assign_stories(reported, _candidate_stories(con, reported))
    rows = events.to_pylist()
    for row in rows:
        story_id = assigned.get(row["id"], row["story_id"])
        if story_id != row["story_id"]:
            record = json.loads(row["record"])
            record["story_id"] = story_id
            row["story_id"], row["record"] = story_id, json.dumps(record, ensure_ascii=False)
    updated = dict(tables)
    updated["events"] = pa.Table.from_pylist(rows, schema=events.schema)
    return updated, touched


def _reported_events(rows: list[dict[str, Any]],
                     roles: pa.Table | None) -> list[ReportedEvent]:
    countries: dict[str, set[str]] = {}
    actor_ids: dict[str, set[str]] = {}
    for role in roles.to_pylist() if roles is not None else []:
        if role["country"]:
            countries.setdefault(role["event_id"], set()).add(role["country"])
        if role["actor_id"]:
            actor_ids.setdefault(role["event_id"], set()).add(role["actor_id"])
    reported = []
    for row in rows:
        bounds = period_bounds(row["date"])
        participants = countries.get(row["id"], set()) | {
            c for c in (row["actor_country"], row["recipient_country"]) if c}
        reported.append(ReportedEvent(
            event_id=row["id"], doc_id=row["doc_id"], key=row["story_id"] or row["id"],
            event_type=row["event_type"], countries=frozenset(participants),
            actor_ids=frozenset(actor_ids.get(row["id"], set())),
            first_day=bounds[0] if bounds else None, last_day=bounds[1] if bounds else None,
            location_country=row["location_country"], text=row["text"] or ""))
    return reported


def _candidate_stories(con: duckdb.DuckDBPyConnection,
                       reported: list[ReportedEvent]) -> list[StoryProfile]:
    """Stored stories of the same type, founded within the date window of some incoming
    event, sharing a participant country with it."""
    blocks = [(e.event_type, e.first_day - timedelta(days=DAY_WINDOW),
               e.last_day + timedelta(days=DAY_WINDOW), sorted(e.countries))
              for e in reported if e.mergeable and e.countries
              and e.first_day is not None and e.last_day is not None]
    if not blocks:
        return []
    con.register("story_blocks", pa.table({
        "event_type": [b[0] for b in blocks], "lo": [b[1] for b in blocks],
        "hi": [b[2] for b in blocks],
        "countries": pa.array([b[3] for b in blocks], pa.list_(pa.string()))}))
    columns = ", ".join(f"s.{c}" for c in _PROFILE_COLUMNS)
    rows = con.execute(f"""
        SELECT DISTINCT {columns}
        FROM stories s JOIN story_blocks b
          ON s.event_type = b.event_type AND s.anchor_day BETWEEN b.lo AND b.hi
         AND list_has_any(s.countries, b.countries)
        ORDER BY s.story_id""").fetchall()
    con.unregister("story_blocks")
    return [_profile(r) for r in rows]


_PROFILE_COLUMNS = ("story_id", "event_type", "countries", "actor_ids", "anchor_day",
                    "location_countries", "text")


def _profile(row: tuple[Any, ...]) -> StoryProfile:
    """A ``StoryProfile`` from a row of ``_PROFILE_COLUMNS``."""
    story_id, event_type, countries, actor_ids, anchor_day, places, text = row
    return StoryProfile(story_id, event_type, set(countries or []), set(actor_ids or []),
                        anchor_day, set(places or []), text or "")


def refresh_stories(con: duckdb.DuckDBPyConnection, touched: list[StoryProfile],
                    affected: set[str]) -> None:
    """Recompute the merged record, counts and conflicts of touched stories (and of
    ``affected`` ones that lost reports); drop stories left without any report."""
    profiles = {p.story_id: p for p in touched}
    ids = sorted(set(profiles) | affected)
    if not ids:
        return
    stored = {r[0]: _profile(r) for r in con.execute(
        f"SELECT {', '.join(_PROFILE_COLUMNS)} FROM stories WHERE story_id IN "
        "(SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
    reports = _reports(con, ids)
    counts = {r[0]: r[1:] for r in con.execute("""
        SELECT story_id, count(*), count(DISTINCT doc_id),
               count(DISTINCT coalesce(source, doc_id)),
               count(DISTINCT CASE WHEN NOT duplicate THEN coalesce(source, doc_id) END)
        FROM mentions WHERE story_id IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY story_id""", [ids]).fetchall()}
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for story_id in ids:
        evidence = reports.get(story_id)
        if not evidence:
            continue
        profile = _merged_profile(stored.get(story_id), profiles.get(story_id))
        merged = best_values(evidence)
        conflicts = find_conflicts(evidence)
        n_mentions, n_articles, n_sources, n_independent = counts.get(story_id, (0, 0, 0, 0))
        bounds = period_bounds(merged.get("date"))
        rows.append({
            **{k: merged.get(k) for k in _MERGED_COLUMNS},
            "story_id": story_id, "countries": sorted(profile.countries),
            "actor_ids": sorted(profile.actor_ids), "anchor_day": profile.anchor_day,
            "location_countries": sorted(profile.location_countries),
            "date_start": bounds[0] if bounds else None,
            "n_mentions": n_mentions, "n_articles": n_articles, "n_sources": n_sources,
            "n_independent_sources": n_independent, "n_conflicts": len(conflicts),
            "conflicts": json.dumps(conflicts, ensure_ascii=False), "updated_at": now})
    if rows:
        _insert(con, "stories", pa.Table.from_pylist(rows))


# the event columns a report carries are the ones its story's fields are voted from
_REPORT_FIELDS = tuple(c for columns in VOTED_SLOTS.values() for c in columns)
_MERGED_COLUMNS = (*_REPORT_FIELDS, "text", "example_event_id", "example_doc_id")


def _merged_profile(stored: StoryProfile | None, fresh: StoryProfile | None) -> StoryProfile:
    if stored is None or fresh is None:
        profile = fresh or stored
        assert profile is not None  # every refreshed story is stored or just touched
        return profile
    stored.countries |= fresh.countries
    stored.actor_ids |= fresh.actor_ids
    stored.location_countries |= fresh.location_countries
    return stored


def _reports(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[Report]]:
    """Each story's events as evidence, with the amounts quoted in their sentences."""
    columns = ", ".join(f"e.{c}" for c in _REPORT_FIELDS)
    rows = con.execute(f"""
        SELECT e.story_id, e.id, e.doc_id, a.source, a.published, e.text, e.start_char,
               e.end_char, e.confidence, json_extract(a.record, '$.amounts'),
               json_extract(a.record, '$.times'), {columns}
        FROM events e JOIN articles a ON a.doc_id = e.doc_id
        WHERE e.story_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY e.story_id, a.published, e.doc_id, e.start_char""", [ids]).fetchall()
    reports: dict[str, list[Report]] = {}
    for row in rows:
        story_id, event_id, doc_id, source, published, text, start, end, confidence = row[:9]
        start, end = start or 0, end or 0
        amounts = [a for a in json.loads(row[9] or "[]") if start <= a.get("start", -1) < end]
        fields = dict(zip(_REPORT_FIELDS, row[11:], strict=True))
        # no time expression in its sentence: the date was taken from the publication date
        fields["date_inferred"] = not any(start <= t.get("start", -1) < end
                                          for t in json.loads(row[10] or "[]"))
        reports.setdefault(story_id, []).append(Report(
            event_id=event_id, doc_id=doc_id, source=source, published=published,
            fields=fields, text=text or "", start=start, end=end,
            confidence=confidence or 0.0, amounts=amounts))
    return reports
