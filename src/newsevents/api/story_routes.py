"""``/api/stories``: one happening however many outlets reported it, with its counts,
and one story with every source, every mention (copies included) and the conflicts
between sources."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.dependencies import database
from newsevents.api.errors import ApiError
from newsevents.api.highlight import sentence_view
from newsevents.api.params import (
    STORY_ID_PATTERN,
    EventFilters,
    EventSort,
    Paging,
    event_filters,
    order_by,
    paging,
)
from newsevents.api.responses import StoryDetail, StoryPage, answers, error_responses
from newsevents.store.story_reads import get_story as read_story

router = APIRouter(prefix="/api/stories", tags=["stories"],
                   responses=error_responses(422, 503))

_SUMMARY = """
    SELECT e.story_id, count(*) AS events, count(DISTINCT e.doc_id) AS documents,
           list(DISTINCT a.source) FILTER (WHERE a.source IS NOT NULL) AS sources,
           list(DISTINCT e.event_type) AS event_types,
           list(DISTINCT coalesce(e.actor_country, '?') || '→'
                || coalesce(e.recipient_country, '–')) AS dyads,
           min(e.date_start)::VARCHAR AS first_date, max(e.date_start)::VARCHAR AS last_date,
           round(avg(e.goldstein), 2) AS mean_goldstein,
           arg_max(e.text, e.confidence) AS example, arg_max(a.title, e.confidence) AS title,
           any_value(s.n_mentions) AS mentions, any_value(s.n_articles) AS articles,
           any_value(s.n_sources) AS outlets,
           any_value(s.n_independent_sources) AS independent_outlets,
           any_value(s.n_conflicts) AS conflicts
    FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id
    LEFT JOIN stories s ON s.story_id = e.story_id"""


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("sources", "event_types", "dyads"):
        row[key] = sorted(row[key] or [])
    return row


@router.get("", summary="List stories", response_model=None, responses=answers(StoryPage))
def list_stories(
    filters: Annotated[EventFilters, Depends(event_filters)],
    page: Annotated[Paging, Depends(paging)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
) -> dict[str, Any]:
    """Stories with at least one event matching the filters, the most corroborated
    first: independent outlets, mention/article/outlet counts, conflicts, sources, types,
    dyads, dates and an example."""
    clause, params = filters.where("e.story_id IS NOT NULL")
    total = db.value(f"SELECT count(DISTINCT e.story_id) FROM events e{clause}", params)
    rows = db.rows(
        f"{_SUMMARY}{clause} GROUP BY e.story_id ORDER BY independent_outlets DESC NULLS "
        "LAST, documents DESC, events DESC, "
        "last_date DESC NULLS LAST, e.story_id LIMIT ? OFFSET ?",
        [*params, page.page_size, page.offset])
    return page.envelope([_summary(r) for r in rows], int(total or 0))


@router.get("/{story_id}", summary="One story with its sources",
            response_model=None, responses=answers(StoryDetail, 404))
def get_story(
    story_id: Annotated[str, Path(pattern=STORY_ID_PATTERN)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
) -> dict[str, Any]:
    """The story summary and merged record, its events, each source article that
    reported it with the highlighted sentences it contributed, every mention (near copies
    of articles included) and the conflicts between outlets."""
    summary = db.rows(f"{_SUMMARY} WHERE e.story_id = ? GROUP BY e.story_id", [story_id])
    if not summary:
        raise ApiError(404, f"no story {story_id} in this store")
    rows = db.rows(
        "SELECT e.record, e.doc_id, a.source, a.title, a.url, a.published FROM events e "
        "LEFT JOIN articles a ON a.doc_id = e.doc_id WHERE e.story_id = ? "
        f"ORDER BY {order_by(EventSort.date)}", [story_id])
    events: list[dict[str, Any]] = []
    sources: dict[str, dict[str, Any]] = {}
    for row in rows:
        record = json.loads(row["record"])
        events.append(record)
        source = sources.setdefault(row["doc_id"], {
            "doc_id": row["doc_id"], "source": row["source"], "title": row["title"],
            "url": row["url"], "published": row["published"], "sentences": []})
        source["sentences"].append({"event_id": record["id"],
                                    "event_type": record["event_type"],
                                    "status": record["status"], **sentence_view(record)})
    with db.cursor() as cursor:
        merged = read_story(cursor, story_id)
    mentions = [{**{k: m[k] for k in _MENTION_FIELDS}, "start": m["start_char"],
                 "end": m["end_char"]} for m in (merged or {}).get("mentions", [])]
    conflicts = (merged or {}).get("conflicts", [])
    if merged:
        merged = {k: v for k, v in merged.items()
                  if k not in ("mentions", "conflicts", "sources")}
    return {"story": _summary(summary[0]), "merged": merged, "events": events,
            "sources": list(sources.values()), "mentions": mentions, "conflicts": conflicts}


_MENTION_FIELDS = ("event_id", "doc_id", "evidence_doc_id", "source", "url", "published",
                   "text", "duplicate")
