"""The query benchmark at a small size: the synthetic store is a valid, skewed store, the
same size gives the same store, and every benchmark query answers through the API code
(correctness only; timings are the script's business)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsevents.api import aggregate_routes
from newsevents.api.aggregate_routes import Interval, timeseries
from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.event_routes import list_events
from newsevents.api.params import EventFilters, EventSort, Paging, order_by, text_match
from newsevents.errors import ConfigurationError
from newsevents.store.query_benchmark import QUERIES, build_synthetic_store, time_queries

EVENTS = 20000


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("query-bench") / "synthetic.duckdb"
    return path, build_synthetic_store(path, EVENTS)


def test_synthetic_store_has_the_shape_of_real_data(synthetic):
    path, built = synthetic
    assert (built.events, built.articles) == (EVENTS, EVENTS // 4)
    assert EVENTS * 1.7 < built.event_actors < EVENTS * 1.9  # a recipient in four of five
    db = ReadOnlyDatabase(path)
    try:
        types = db.rows("SELECT event_type, count(*) AS n FROM events GROUP BY 1 "
                        "ORDER BY n DESC")
        assert types[0]["event_type"] == "CONSULT" and len(types) == 16
        countries = db.rows("SELECT actor_country, count(*) AS n FROM events GROUP BY 1 "
                            "ORDER BY n DESC")
        assert countries[0]["actor_country"] == "USA"
        assert countries[0]["n"] > 10 * countries[-1]["n"]
        assert db.value("SELECT count(*) FROM events WHERE actor_country = "
                        "recipient_country") == 0
        bad = db.value("SELECT count(*) FROM events WHERE quad_class <> CASE "
                       "WHEN cameo < '06' THEN 1 WHEN cameo < '09' THEN 2 "
                       "WHEN cameo < '14' THEN 3 ELSE 4 END")
        assert bad == 0
        span = db.rows("SELECT min(date_start) AS first, max(date_start) AS last, "
                       "count(DISTINCT date_precision) AS precisions FROM events")[0]
        assert span["first"].year == 2015 and span["last"].year == 2025
        assert span["precisions"] == 3
        record = json.loads(db.value("SELECT record FROM events LIMIT 1"))
        assert {"id", "event_type", "actor", "recipient", "date", "text"} <= set(record)
        assert db.value("SELECT count(*) FROM events e LEFT JOIN articles a "
                        "ON a.doc_id = e.doc_id WHERE a.doc_id IS NULL") == 0
    finally:
        db.close()


def test_same_size_gives_the_same_store(synthetic, tmp_path):
    path, _ = synthetic
    again = tmp_path / "again.duckdb"
    build_synthetic_store(again, EVENTS, layout="shuffled")
    sql = "SELECT id, event_type, actor_country, recipient_country FROM events ORDER BY id"
    first, second = ReadOnlyDatabase(path), ReadOnlyDatabase(again)
    try:
        assert first.rows(sql) == second.rows(sql)  # layout moves rows, not values
    finally:
        first.close()
        second.close()


def test_every_query_answers_through_the_api(synthetic):
    path, _ = synthetic
    timings = time_queries(path, repeats=1)
    assert [t.name for t in timings] == [q.name for q in QUERIES]
    for timing in timings:
        assert timing.result_size > 0, timing.name
        assert timing.first_ms > 0 and 0 < timing.median_ms <= timing.p95_ms


def test_dyad_series_counts_both_directions(synthetic):
    path, _ = synthetic
    db = ReadOnlyDatabase(path)
    try:
        series = QUERIES[0].run(db)
        expected = db.value(
            "SELECT count(*) FROM events WHERE date_precision IN ('day', 'month') AND "
            "((actor_country = 'RUS' AND recipient_country = 'UKR') OR "
            "(actor_country = 'UKR' AND recipient_country = 'RUS'))")
        assert series["total"]["events"] == expected > 0
        listing = next(q for q in QUERIES if q.name == "events RUS<->UKR newest first").run(db)
        for item in listing["items"]:
            pair = {item["actor"][0]["country"], item["recipient"][0]["country"]}
            assert pair == {"RUS", "UKR"}
    finally:
        db.close()


def test_bad_sizes_and_layouts_are_refused(tmp_path):
    with pytest.raises(ConfigurationError, match="layout"):
        build_synthetic_store(tmp_path / "x.duckdb", 10, layout="sorted")
    with pytest.raises(ConfigurationError, match="at least one"):
        build_synthetic_store(tmp_path / "x.duckdb", 0)


# -- the fast paths answer exactly what a plain scan of the events answers ------------
def reference_series(db, filters, interval, monkeypatch):
    """``timeseries`` as it was before ``event_counts``: every matching event row read
    and grouped once, with ``q`` matched by ILIKE alone."""
    def every_row(f):
        clause, params = f.where(text_index=False)
        return (f"SELECT e.date_start, e.date_precision, e.quad_class, 1 AS events, "
                f"e.goldstein FROM events e{clause}"), params
    with monkeypatch.context() as patched:
        patched.setattr(aggregate_routes, "_daily_counts", every_row)
        return timeseries(filters, db, interval)


def reference_listing(db, filters, paging, sort):
    """Total and page ids of ``list_events`` with ``q`` matched by ILIKE alone."""
    clause, params = filters.where(text_index=False)
    total = db.value(f"SELECT count(*) FROM events e{clause}", params)
    ids = db.rows(f"SELECT e.id FROM events e{clause} ORDER BY {order_by(sort)} "
                  "LIMIT ? OFFSET ?", [*params, paging.page_size, paging.offset])
    return total, [row["id"] for row in ids]


SERIES_FILTERS = [
    {}, {"actor_country": "USA", "both_directions": True},
    {"actor_country": "KAZ", "both_directions": True, "event_types": ["CONSULT", "AID"],
     "statuses": ["asserted"]},
    {"actor_country": "RUS", "both_directions": True, "quad_class": 4,
     "date_from": date(2020, 1, 1), "date_to": date(2023, 6, 30)},
    {"actor_country": "XXX", "both_directions": True},
    {"date_to": date(2016, 12, 31)},
    {"actor_country": "USA"}, {"actor_country": "RUS", "recipient_country": "UKR",
                               "both_directions": True},
    {"actor_country": "USA", "both_directions": True, "q": "sanctioned"},
]


@pytest.mark.parametrize("filters", SERIES_FILTERS)
@pytest.mark.parametrize("interval", list(Interval))
def test_series_equal_a_scan_of_the_events(synthetic, filters, interval, monkeypatch):
    path, _ = synthetic
    db = ReadOnlyDatabase(path)
    try:
        chosen = EventFilters(**filters)
        assert (timeseries(chosen, db, interval)
                == reference_series(db, chosen, interval, monkeypatch))
    finally:
        db.close()


def test_series_of_every_event_and_of_a_country_come_from_the_counts(synthetic):
    assert EventFilters().counts_country() == "*"
    assert EventFilters(actor_country="USA", both_directions=True,
                        event_types=["AID"]).counts_country() == "USA"
    for filters in ({"actor_country": "USA"}, {"recipient_country": "USA"},
                    {"actor_country": "USA", "both_directions": True, "actor_sector": "GOV"},
                    {"q": "met"}, {"place": "Kazakhstan"}, {"story_id": "sty_0"}):
        assert EventFilters(**filters).counts_country() is None, filters


LISTINGS = [
    ({"q": "sanctioned"}, EventSort.date_desc, 1),
    ({"q": "SANCTION"}, EventSort.goldstein_desc, 2),
    ({"q": "sanctioned"}, EventSort.date, 30),
    ({"q": "officials sanctioned"}, EventSort.date_desc, 1),
    ({"q": "sanctioned Kazakhstan"}, EventSort.date_desc, 1),
    ({"q": "Kazakhstan on Monday,"}, EventSort.date_desc, 2),
    ({"q": "Kazakh"}, EventSort.confidence, 1),
    ({"q": "ministry said."}, EventSort.type_desc, 3),
    ({"q": "on"}, EventSort.date_desc, 1),
    ({"q": "100%_sure"}, EventSort.date_desc, 1),
    ({"q": "zzzqqq"}, EventSort.date_desc, 1),
    ({"q": "attacked", "actor_country": "RUS", "both_directions": True},
     EventSort.date_desc, 1),
    ({"q": "Monday", "event_types": ["ASSAULT"], "date_from": date(2023, 1, 1)},
     EventSort.goldstein, 1),
]


@pytest.mark.parametrize(("filters", "sort", "page"), LISTINGS)
def test_text_search_pages_equal_a_scan_of_the_sentences(synthetic, filters, sort, page):
    path, _ = synthetic
    db = ReadOnlyDatabase(path)
    try:
        chosen, paging = EventFilters(**filters), Paging(page, 50)
        found = list_events(chosen, paging, db, sort)
        total, ids = reference_listing(db, chosen, paging, sort)
        assert (found["total"], [item["id"] for item in found["items"]]) == (total, ids)
    finally:
        db.close()


def test_the_word_index_is_used_where_it_decides_or_narrows():
    assert "event_terms" in EventFilters(q="Sanctioned").count_sql()[0]
    assert "FROM events e" in EventFilters(q="sanctioned", quad_class=4).count_sql()[0]
    assert "FROM events e" in EventFilters(q="two words").count_sql()[0]
    exact, params = text_match("Sanctioned")
    assert "ILIKE" not in exact and params == ["sanctioned", "sanctioned"]
    narrowed, params = text_match("the Kazakh, ministry")
    assert "event_terms" in narrowed and "ILIKE" in narrowed
    assert params[:4] == ["ministry"] * 2 + ["kazakh"] * 2  # the two longest words
    for short in ("on", "-- !", "Zürich"[:2]):
        assert "event_terms" not in text_match(short)[0]
