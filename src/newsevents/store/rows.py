"""Documents -> Arrow tables, one per store table, so that writes go in batches.

Column order matches the table definitions in :mod:`newsevents.store.migrations`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from newsevents import __version__
from newsevents.records import ActorMention, Document, ErrorRecord, Event
from newsevents.timex_periods import period_start


def _first(mentions: list[ActorMention]) -> ActorMention | None:
    return mentions[0] if mentions else None


def event_row(event: Event) -> dict[str, Any]:
    actor, recipient, place = _first(event.actor), _first(event.recipient), event.location
    return {
        "id": event.id, "doc_id": event.doc_id, "story_id": event.story_id,
        "event_type": event.event_type, "mode": event.mode, "context": list(event.context),
        "cameo": event.cameo, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "status": event.status,
        "actor_country": actor.country if actor else None,
        "actor_sector": actor.sector if actor else None,
        "actor_name": actor.name if actor else None,
        "actor_id": actor.id if actor else None,
        "recipient_country": recipient.country if recipient else None,
        "recipient_sector": recipient.sector if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "recipient_id": recipient.id if recipient else None,
        "reciprocal": event.reciprocal,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "date": event.date, "date_start": period_start(event.date),
        "date_precision": event.date_precision, "sentence_index": event.sentence_index,
        "text": event.text, "start_char": event.start, "end_char": event.end,
        "trigger_text": event.trigger.text, "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end, "confidence": event.confidence, "why": event.why,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
        "actor_keys": participant_keys(event.actor),
        "recipient_keys": participant_keys(event.recipient),
    }


def participant_keys(people: list[ActorMention]) -> list[str] | None:
    """What a dyad filter can ask of one role with several participants: ``RUS``
    (country), ``*GOV`` (sector) and ``RUS GOV`` (both, of the same participant). Kept on
    the event row so a filter never joins ``event_actors`` over the whole store; None for
    one participant or none, which the flat ``actor_country``/``actor_sector`` columns
    already describe (most events: the filter stays a plain column comparison)."""
    if len(people) < 2:
        return None
    keys = set()
    for m in people:
        if m.country:
            keys.add(m.country)
        if m.sector:
            keys.add(f"*{m.sector}")
        if m.country and m.sector:
            keys.add(f"{m.country} {m.sector}")
    return sorted(keys)


def document_tables(documents: list[Document]) -> dict[str, pa.Table]:
    """Arrow tables for the documents that were processed (failed ones have no rows)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    articles, events, roles, mentions = [], [], [], []
    latest = {d.doc_id: d for d in documents if not d.failed}  # same input twice: one row
    event_ids: set[str] = set()
    for document in latest.values():
        article = document.article
        dateline = document.dateline
        articles.append({
            "doc_id": document.doc_id, "raw_id": article.raw_id, "source": article.source,
            "url": article.url, "title": article.title, "published": article.published,
            "lang": article.lang, "text": article.text,
            "dateline_place": dateline.place if dateline else None,
            "dateline_agency": dateline.agency if dateline else None,
            "n_events": len(document.events), "pipeline_version": __version__,
            "record": json.dumps({k: v for k, v in document.to_dict().items()
                                  if k != "events"}, ensure_ascii=False),
            "processed_at": now,
        })
        for event in document.events:
            if event.id in event_ids:
                continue
            event_ids.add(event.id)
            events.append(event_row(event))
            for role, people in (("actor", event.actor), ("recipient", event.recipient)):
                for position, m in enumerate(people):
                    roles.append({"event_id": event.id, "role": role, "position": position,
                                  "text": m.text, "start_char": m.start, "end_char": m.end,
                                  "name": m.name, "country": m.country, "sector": m.sector,
                                  "actor_id": m.id})
        seen: set[tuple[int, int]] = set()
        for m in document.actors:
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            mentions.append({"doc_id": document.doc_id, "start_char": m.start,
                             "end_char": m.end, "text": m.text, "name": m.name,
                             "country": m.country, "sector": m.sector, "actor_id": m.id,
                             "kind": m.kind})
    errors = error_rows([e for d in documents for e in d.errors], now)
    return {"articles": _table(articles, ARTICLE_SCHEMA),
            "events": _table(events, EVENT_SCHEMA),
            "event_actors": _table(roles, EVENT_ACTOR_SCHEMA),
            "actor_mentions": _table(mentions, MENTION_SCHEMA),
            "errors": _table(errors, ERROR_SCHEMA)}


def error_rows(errors: list[ErrorRecord], now: datetime | None = None) -> list[dict[str, Any]]:
    """Rows of the ``errors`` table; the id is a content hash, so a repeat is one row."""
    when = now or datetime.now(UTC).replace(tzinfo=None)
    unique = {e.id: e for e in errors}
    return [{"id": e.id, "document": e.document, "doc_id": e.doc_id, "stage": e.stage,
             "reason": e.reason, "fatal": e.fatal, "recorded_at": when}
            for e in unique.values()]


def error_table(errors: list[ErrorRecord]) -> pa.Table:
    """Errors that belong to no processed document (unreadable files, bad JSON lines)."""
    return _table(error_rows(errors), ERROR_SCHEMA)


def _table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
ARTICLE_SCHEMA = pa.schema([
    ("doc_id", _S), ("raw_id", _S), ("source", _S), ("url", _S), ("title", _S),
    ("published", _S), ("lang", _S), ("text", _S), ("dateline_place", _S),
    ("dateline_agency", _S), ("n_events", _I), ("pipeline_version", _S), ("record", _S),
    ("processed_at", pa.timestamp("us")),
])
EVENT_SCHEMA = pa.schema([
    ("id", _S), ("doc_id", _S), ("story_id", _S), ("event_type", _S), ("mode", _S),
    ("context", pa.list_(_S)), ("cameo", _S), ("quad_class", _I), ("goldstein", _F),
    ("status", _S), ("actor_country", _S), ("actor_sector", _S), ("actor_name", _S),
    ("actor_id", _S), ("recipient_country", _S), ("recipient_sector", _S),
    ("recipient_name", _S), ("recipient_id", _S), ("reciprocal", _B),
    ("location_name", _S), ("location_country", _S), ("lat", _F), ("lon", _F),
    ("geonameid", pa.int64()), ("date", _S), ("date_start", pa.date32()),
    ("date_precision", _S), ("sentence_index", _I), ("text", _S), ("start_char", _I),
    ("end_char", _I), ("trigger_text", _S), ("trigger_start", _I), ("trigger_end", _I),
    ("confidence", _F), ("why", _S), ("record", _S), ("actor_keys", pa.list_(_S)),
    ("recipient_keys", pa.list_(_S)),
])
EVENT_ACTOR_SCHEMA = pa.schema([
    ("event_id", _S), ("role", _S), ("position", _I), ("text", _S), ("start_char", _I),
    ("end_char", _I), ("name", _S), ("country", _S), ("sector", _S), ("actor_id", _S),
])
MENTION_SCHEMA = pa.schema([
    ("doc_id", _S), ("start_char", _I), ("end_char", _I), ("text", _S), ("name", _S),
    ("country", _S), ("sector", _S), ("actor_id", _S), ("kind", _S),
])
ERROR_SCHEMA = pa.schema([
    ("id", _S), ("document", _S), ("doc_id", _S), ("stage", _S), ("reason", _S),
    ("fatal", _B), ("recorded_at", pa.timestamp("us")),
])
