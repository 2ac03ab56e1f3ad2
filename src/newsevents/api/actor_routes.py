"""``/api/actors``: who appears in the store, how often, and in which role.

Mentions come from ``actor_mentions`` (every resolved mention in every document), roles
from ``event_actors`` (how often the actor acts or is acted upon). An actor is its
resolved id with its code; the same person coded ``GOV`` in office and ``ELI`` after it
is two rows, which is what an analyst wants to see.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.dependencies import database
from newsevents.api.params import CODE_PATTERN, Paging, like_pattern, paging
from newsevents.api.responses import ActorPage, answers, error_responses

router = APIRouter(prefix="/api/actors", tags=["actors"],
                   responses=error_responses(422, 503))


class ActorSort(enum.StrEnum):
    mentions = "-mentions"
    events = "-events"
    name = "name"


_ORDER = {ActorSort.mentions: "mentions DESC, events DESC",
          ActorSort.events: "events DESC, mentions DESC",
          ActorSort.name: "lower(name)"}

_ACTORS = """
    WITH m AS (
        SELECT coalesce(actor_id, name, text) AS id, country, sector,
               mode(coalesce(name, text)) AS name, list(DISTINCT kind) AS kinds,
               count(*) AS mentions, count(DISTINCT doc_id) AS documents
        FROM actor_mentions GROUP BY 1, 2, 3),
    r AS (
        SELECT coalesce(actor_id, name, text) AS id, country, sector,
               mode(coalesce(name, text)) AS name,
               count(DISTINCT event_id) FILTER (WHERE role = 'actor') AS as_actor,
               count(DISTINCT event_id) FILTER (WHERE role = 'recipient') AS as_recipient,
               count(DISTINCT event_id) AS events
        FROM event_actors GROUP BY 1, 2, 3),
    actors AS (
        SELECT coalesce(m.id, r.id) AS id, coalesce(m.name, r.name) AS name,
               coalesce(m.country, r.country) AS country,
               coalesce(m.sector, r.sector) AS sector, coalesce(m.kinds, []) AS kinds,
               coalesce(m.mentions, 0) AS mentions, coalesce(m.documents, 0) AS documents,
               coalesce(r.as_actor, 0) AS as_actor,
               coalesce(r.as_recipient, 0) AS as_recipient, coalesce(r.events, 0) AS events
        FROM m FULL OUTER JOIN r ON m.id = r.id
             AND m.country IS NOT DISTINCT FROM r.country
             AND m.sector IS NOT DISTINCT FROM r.sector)
    SELECT * FROM actors"""


@router.get("", summary="List actors", response_model=None, responses=answers(ActorPage))
def list_actors(
    page: Annotated[Paging, Depends(paging)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
    country: Annotated[str | None, Query(
        pattern=CODE_PATTERN, description="ISO3 or non-state code, e.g. RUS or IGO.")] = None,
    sector: Annotated[str | None, Query(
        pattern=CODE_PATTERN, description="PLOVER sector, e.g. GOV.")] = None,
    q: Annotated[str | None, Query(
        min_length=1, max_length=200, description="Part of the actor's name.")] = None,
    sort: Annotated[ActorSort, Query(description="Order of the list.")] = ActorSort.mentions,
) -> dict[str, Any]:
    """Actors with mention, document and event counts (as actor and as recipient)."""
    clauses, params = [], []
    for column, value in (("country", country), ("sector", sector)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value.upper())
    if q and q.strip():
        clauses.append("(name ILIKE ? ESCAPE '\\' OR id ILIKE ? ESCAPE '\\')")
        params += [like_pattern(q.strip())] * 2
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = db.value(f"SELECT count(*) FROM ({_ACTORS}{where})", params)
    rows = db.rows(f"{_ACTORS}{where} ORDER BY {_ORDER[sort]}, id, country, sector "
                   "LIMIT ? OFFSET ?", [*params, page.page_size, page.offset])
    for row in rows:
        row["kinds"] = sorted(k for k in row["kinds"] if k)
    return page.envelope(rows, int(total or 0))
