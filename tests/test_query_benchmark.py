"""The query benchmark at a small size: the synthetic store is a valid, skewed store, the
same size gives the same store, and every benchmark query answers through the API code
(correctness only; timings are the script's business)."""

from __future__ import annotations

import json

import pytest

from newsevents.api.database import ReadOnlyDatabase
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
        listing = QUERIES[5].run(db)
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
