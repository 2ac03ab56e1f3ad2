"""Aggregates for charts and maps: the cooperation/conflict time series, places as
GeoJSON, and the facets (types, statuses, countries, dyads) that fill pickers."""

from __future__ import annotations

import enum
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from newsevents.api.country_names import country_name
from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.dependencies import database
from newsevents.api.params import QUAD_CLASSES, EventFilters, event_filters
from newsevents.api.responses import (
    Facets,
    PlaceCollection,
    Timeseries,
    answers,
    error_responses,
)
from newsevents.store import event_counts

router = APIRouter(prefix="/api", tags=["aggregates"], responses=error_responses(503))


class Interval(enum.StrEnum):
    day = "day"
    week = "week"
    month = "month"


# An event dated only to a year cannot be put in a week: it is left out of finer series
# (and counted in `excluded`) rather than piled onto 1 January.
_PRECISE_ENOUGH = {Interval.day: ("day",), Interval.week: ("day", "week"),
                   Interval.month: ("day", "week", "month")}


@router.get("/timeseries", summary="Event counts and Goldstein sums over time",
            response_model=None, responses=answers(Timeseries, 422))
def timeseries(
    filters: Annotated[EventFilters, Depends(event_filters)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
    interval: Annotated[Interval, Query(
        description="Bucket size; weeks start on Monday.")] = Interval.month,
) -> dict[str, Any]:
    """Per period (first day of the day, ISO week or month): events and Goldstein sum,
    in total and split by QuadClass (1-2 cooperation, 3-4 conflict). Usually asked for a
    dyad: `actor_country=RUS&recipient_country=UKR`, with `both_directions` for both."""
    allowed = _PRECISE_ENOUGH[interval]
    precise = ("coalesce(e.date_precision, 'day') IN ("
               + ", ".join("?" * len(allowed)) + ")")
    daily, daily_params = _daily_counts(filters)
    # one scan, counting first by day, precision and QuadClass (thousands of groups:
    # cheap to key), then labelling and merging those into periods; dated, precise-enough
    # events by period, the rest counted as undated or coarser than the interval
    rows = db.rows(
        f"SELECT CASE WHEN e.date_start IS NOT NULL AND {precise} "
        f"THEN date_trunc('{interval.value}', e.date_start)::DATE::VARCHAR END AS period, "
        "CASE WHEN e.date_start IS NULL THEN 'undated' WHEN NOT "
        f"{precise} THEN 'coarser_than_interval' END AS left_out, "
        "e.quad_class, sum(e.events) AS events, round(sum(e.goldstein), 3) AS goldstein "
        f"FROM ({daily}) e GROUP BY 1, 2, 3 ORDER BY 1, 3",
        [*allowed, *allowed, *daily_params])
    buckets: dict[str, dict[str, Any]] = {}
    excluded = {"undated": 0, "coarser_than_interval": 0}
    for row in rows:
        if row["period"] is None:
            excluded[row["left_out"]] += row["events"]
            continue
        bucket = buckets.setdefault(row["period"], {
            "period": row["period"], "events": 0, "goldstein": 0.0,
            "by_quad_class": {str(q): {"events": 0, "goldstein": 0.0} for q in QUAD_CLASSES}})
        bucket["events"] += row["events"]
        bucket["goldstein"] = round(bucket["goldstein"] + (row["goldstein"] or 0.0), 3)
        if row["quad_class"] in QUAD_CLASSES:
            bucket["by_quad_class"][str(row["quad_class"])] = {
                "events": row["events"], "goldstein": row["goldstein"] or 0.0}
    return {"interval": interval.value, "quad_classes": {str(k): v for k, v in
                                                         QUAD_CLASSES.items()},
            "buckets": list(buckets.values()),
            "total": {"events": sum(b["events"] for b in buckets.values()),
                      "goldstein": round(sum(b["goldstein"] for b in buckets.values()), 3)},
            "excluded": excluded}


def _daily_counts(filters: EventFilters) -> tuple[str, list[Any]]:
    """SQL (and its values) for events and Goldstein sum per day, precision and QuadClass
    of the matching events: from ``event_counts`` when it holds exactly them (every
    event, or every event one country takes part in, with any type, status, QuadClass
    and date filters), else from the events table."""
    country = filters.counts_country()
    if country is None:
        source, events, params = "events", "count(*)", []
    else:  # the country is the source's; the other filters apply to its columns
        source, events, params = event_counts.SERIES_SOURCE, "sum(e.events)", [country]
        filters = replace(filters, actor_country=None, both_directions=False)
    clause, where_params = filters.where()
    params += where_params
    return (f"SELECT e.date_start, e.date_precision, e.quad_class, {events} AS events, "
            f"sum(e.goldstein) AS goldstein FROM {source} e{clause} GROUP BY ALL"), params


@router.get("/places", summary="Event locations as GeoJSON", response_model=None,
            responses=answers(PlaceCollection, 422))
def places(
    filters: Annotated[EventFilters, Depends(event_filters)],
    db: Annotated[ReadOnlyDatabase, Depends(database)],
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one Point per located place with its event count,
    Goldstein sum, QuadClass split and event types."""
    clause, params = filters.where("e.lat IS NOT NULL", "e.lon IS NOT NULL")
    rows = db.rows(
        "SELECT e.location_name AS name, e.location_country AS country, e.lat, e.lon, "
        "any_value(e.geonameid) AS geonameid, count(*) AS events, "
        "round(sum(e.goldstein), 3) AS goldstein, "
        "count(*) FILTER (WHERE e.quad_class = 1) AS q1, "
        "count(*) FILTER (WHERE e.quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE e.quad_class = 3) AS q3, "
        "count(*) FILTER (WHERE e.quad_class = 4) AS q4, "
        "list(DISTINCT e.event_type) AS event_types "
        f"FROM events e{clause} GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name", params)
    features = []
    for row in rows:
        features.append({
            "type": "Feature", "id": row["geonameid"] or row["name"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {
                "name": row["name"], "country": row["country"], "geonameid": row["geonameid"],
                "events": row["events"], "goldstein": row["goldstein"],
                "by_quad_class": {str(q): row[f"q{q}"] for q in QUAD_CLASSES},
                "event_types": sorted(row["event_types"] or [])}})
    return {"type": "FeatureCollection", "features": features}


@router.get("/facets", summary="Values present in the store, for pickers",
            response_model=None, responses=answers(Facets))
def facets(db: Annotated[ReadOnlyDatabase, Depends(database)]) -> dict[str, Any]:
    """Event types, statuses, countries (with names) and the most frequent dyads
    (any actor → any recipient), each with its event count, and the date range."""
    countries = db.rows(
        "SELECT country AS code, count(DISTINCT event_id) FILTER (WHERE role = 'actor') "
        "AS as_actor, count(DISTINCT event_id) FILTER (WHERE role = 'recipient') "
        "AS as_recipient, count(DISTINCT event_id) AS events FROM event_actors "
        "WHERE country IS NOT NULL GROUP BY 1 ORDER BY events DESC, code")
    for row in countries:
        row["name"] = country_name(row["code"])
    dyads = db.rows(
        "SELECT a.country AS actor, r.country AS recipient, "
        "count(DISTINCT a.event_id) AS events FROM event_actors a JOIN event_actors r "
        "ON r.event_id = a.event_id AND a.role = 'actor' AND r.role = 'recipient' "
        "WHERE a.country IS NOT NULL AND r.country IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY events DESC, actor, recipient LIMIT 100")
    span = db.rows("SELECT min(date_start)::VARCHAR AS first, max(date_start)::VARCHAR "
                   "AS last FROM events")[0]
    return {
        "event_types": db.rows("SELECT event_type AS value, count(*) AS events FROM events "
                               "GROUP BY 1 ORDER BY events DESC, value"),
        "statuses": db.rows("SELECT status AS value, count(*) AS events FROM events "
                            "GROUP BY 1 ORDER BY events DESC, value"),
        "countries": countries, "dyads": dyads, "dates": span,
        "quad_classes": {str(k): v for k, v in QUAD_CLASSES.items()}}
