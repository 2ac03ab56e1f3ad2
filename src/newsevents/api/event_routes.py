"""``/api/events``: the filtered, sorted, paged event list and one event in detail."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.dependencies import database
from newsevents.api.errors import ApiError
from newsevents.api.highlight import sentence_view
from newsevents.api.params import (
    EVENT_ID_PATTERN,
    EventFilters,
    EventSort,
    Paging,
    event_filters,
    order_by,
    paging,
)
from newsevents.api.responses import EventDetail, EventPage, answers, error_responses

router = APIRouter(prefix="/api/events", tags=["events"],
                   responses=error_responses(422, 503))

ARTICLE_COLUMNS = "a.source, a.title, a.url, a.published"


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """The stored event record plus the article it came from (source, title, url)."""
    record = json.loads(row["record"])
    record["article"] = {key: row.get(key) for key in ("source", "title", "url", "published")}
    return record


@router.get("", summary="List events", response_model=None, responses=answers(EventPage))
def list_events(
    filters: Annotated[EventFilters, Depends(event_filters)],
    page: Annotated[Paging, Depends(paging)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
    sort: Annotated[EventSort, Query(
        description="Order: date, goldstein, confidence or type; prefix - for "
                    "descending.")] = EventSort.date_desc,
) -> dict[str, Any]:
    """Event records (the public JSON shape, plus `article`), filtered and paged.

    Actor and recipient filters match any participant of an event, not only the first.
    """
    total = int(db.value(*filters.count_sql()) or 0)
    clause, params = _page_filter(filters, page, sort, total, db)
    # choose the page's ids on the events table alone, then fetch records and articles
    # for that page only: at millions of events the join before the LIMIT dominated
    rows = db.rows(
        f"WITH page AS (SELECT e.id FROM events e{clause} ORDER BY {order_by(sort)} "
        "LIMIT ? OFFSET ?) "
        f"SELECT e.record, {ARTICLE_COLUMNS} FROM page JOIN events e ON e.id = page.id "
        f"LEFT JOIN articles a ON a.doc_id = e.doc_id ORDER BY {order_by(sort)}",
        [*params, page.page_size, page.offset])
    return {**page.envelope([event_item(r) for r in rows], int(total or 0)),
            "sort": sort.value}


# Rows a newest-first scan may read to fill a page before the word index is cheaper.
SCAN_ROWS = 120_000


def _page_filter(filters: EventFilters, page: Paging, sort: EventSort, total: int,
                 db: ReadOnlyDatabase) -> tuple[str, list[Any]]:
    """The WHERE clause that finds a page fastest; both choices match the same rows.
    Rows sit roughly in date order, so a date-sorted page of a common word is filled
    from the last few row groups, reading their sentences with ILIKE, faster than
    joining its candidates from the word index (hundreds of thousands of them); a rare
    word, or any other order, is found through the index."""
    by_date = sort in (EventSort.date, EventSort.date_desc)
    if filters.q and by_date and total:
        stored = int(db.value("SELECT count(*) FROM events") or 0)
        if (page.offset + page.page_size) * stored <= total * SCAN_ROWS:
            return filters.where(text_index=False)
    return filters.where()


@router.get("/{event_id}", summary="One event with its mentions and source sentence",
            response_model=None, responses=answers(EventDetail, 404))
def get_event(
    event_id: Annotated[str, Path(pattern=EVENT_ID_PATTERN)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
) -> dict[str, Any]:
    """The event record, its participants as stored (`mentions`: the `event_actors`
    rows), its sentence with actor, recipient and trigger highlighted, the article it
    came from and a summary of its story."""
    rows = db.rows(f"SELECT e.record, e.story_id, {ARTICLE_COLUMNS} FROM events e "
                   "LEFT JOIN articles a ON a.doc_id = e.doc_id WHERE e.id = ?", [event_id])
    if not rows:
        raise ApiError(404, f"no event {event_id} in this store")
    record = event_item(rows[0])
    mentions = db.rows(
        "SELECT role, position, text, start_char AS start, end_char AS end, name, country, "
        "sector, actor_id AS id FROM event_actors WHERE event_id = ? "
        "ORDER BY role, position", [event_id])
    story = None
    if rows[0]["story_id"]:
        story = db.rows(
            "SELECT e.story_id, count(*) AS events, count(DISTINCT e.doc_id) AS documents, "
            "list(DISTINCT a.source) FILTER (WHERE a.source IS NOT NULL) AS sources "
            "FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id "
            "WHERE e.story_id = ? GROUP BY e.story_id", [rows[0]["story_id"]])[0]
        story["sources"] = sorted(story["sources"] or [])
    return {"event": record, "mentions": mentions, "sentence": sentence_view(record),
            "article": {"doc_id": record["doc_id"], **record["article"]}, "story": story}
