"""The HTTP API, through a real uvicorn server on a free local port, over a store built
from the bundled samples. Assertions are about invariants (every returned event matches
the filter), not exact counts, so that better extraction does not break them."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from click.testing import CliRunner

from newsevents.api import create_app
from newsevents.api.database import ReadOnlyDatabase
from newsevents.cli import main
from newsevents.errors import StoreError
from newsevents.runner import process_into_store
from newsevents.samples import sample_articles
from newsevents.store import Store
from newsevents.web import static_dir

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    """The bundled samples processed into a store, built once per test session (the
    dashboard test reuses the same file)."""
    path = tmp_path_factory.getbasetemp() / "api-samples.duckdb"
    if not path.exists():
        with Store(path) as store:
            process_into_store(sample_articles(), pipeline, store)
    return path


def serve(db_path: Path) -> Iterator[str]:
    """Run the app with uvicorn in a thread on a socket bound to a free port; yield its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    host, port = sock.getsockname()
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def base_url(sample_store: Path) -> Iterator[str]:
    yield from serve(sample_store)


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        yield http


@pytest.fixture(scope="module")
def dyad(client: httpx.Client) -> tuple[str, str]:
    """The most frequent dyad between two different countries in the samples."""
    pairs = client.get("/api/facets").json()["dyads"]
    first = next(d for d in pairs if d["actor"] != d["recipient"])
    return first["actor"], first["recipient"]


def countries(people: list[dict]) -> set[str]:
    return {p["country"] for p in people}


def assert_error(response: httpx.Response, status: int, mentions: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["code"] and mentions in error["message"]


# -- health, list, paging, sorting ----------------------------------------------------
def test_health_reports_the_store(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["read_only"] is True
    assert body["counts"]["articles"] == 12 and body["counts"]["events"] > 20
    assert body["schema_version"] >= 1


def test_events_are_paged_with_a_capped_page_size(client):
    first = client.get("/api/events", params={"page_size": 5}).json()
    second = client.get("/api/events", params={"page_size": 5, "page": 2}).json()
    assert len(first["items"]) == 5 and first["total"] > 10
    assert first["pages"] == -(-first["total"] // 5)
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    record = first["items"][0]
    assert {"id", "event_type", "cameo", "quad_class", "goldstein", "actor", "recipient",
            "trigger", "text", "article"} <= set(record)
    assert client.get("/api/events", params={"page_size": 200}).status_code == 200
    assert_error(client.get("/api/events", params={"page_size": 201}), 422, "page_size")
    beyond = client.get("/api/events", params={"page": 999}).json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]


def test_sorting(client):
    ascending = client.get("/api/events", params={"sort": "goldstein", "page_size": 200})
    values = [e["goldstein"] for e in ascending.json()["items"]]
    assert values == sorted(values)
    newest = client.get("/api/events", params={"sort": "-date", "page_size": 200}).json()
    dates = [e["date"] for e in newest["items"] if e["date"] and len(e["date"]) == 10]
    assert dates == sorted(dates, reverse=True)


# -- filters ----------------------------------------------------------------------------
def test_dyad_filters_match_any_participant(client, dyad):
    actor, recipient = dyad
    one_way = client.get("/api/events", params={
        "actor_country": actor.lower(), "recipient_country": recipient}).json()
    assert one_way["total"] > 0
    for event in one_way["items"]:
        assert actor in countries(event["actor"])
        assert recipient in countries(event["recipient"])
    both = client.get("/api/events", params={
        "actor_country": actor, "recipient_country": recipient, "both_directions": True,
        "page_size": 200}).json()
    assert both["total"] >= one_way["total"]
    for event in both["items"]:
        forward = actor in countries(event["actor"]) and recipient in countries(
            event["recipient"])
        backward = recipient in countries(event["actor"]) and actor in countries(
            event["recipient"])
        assert forward or backward


@pytest.mark.parametrize(("params", "check"), [
    ({"actor_sector": "GOV"}, lambda e: "GOV" in {a["sector"] for a in e["actor"]}),
    ({"event_type": "AGREE"}, lambda e: e["event_type"] == "AGREE"),
    ({"event_type": ["AGREE", "CONSULT"]}, lambda e: e["event_type"] in ("AGREE", "CONSULT")),
    ({"status": "asserted"}, lambda e: e["status"] == "asserted"),
    ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
    ({"date_from": "2018-01-01", "date_to": "2019-12-31"},
     lambda e: "2018" <= e["date"][:4] <= "2019"),
    ({"q": "putin"}, lambda e: "putin" in (e["text"] + str(e["actor"]) + str(
        e["recipient"])).lower()),
])
def test_each_filter_keeps_only_matching_events(client, params, check):
    body = client.get("/api/events", params={**params, "page_size": 200}).json()
    assert body["items"], f"no sample event matches {params}"
    assert all(check(e) for e in body["items"])


def test_place_and_story_filters(client):
    place = client.get("/api/places").json()["features"][0]["properties"]
    body = client.get("/api/events", params={"place": place["name"].upper()}).json()
    assert body["total"] == place["events"]
    assert {e["location"]["name"] for e in body["items"]} == {place["name"]}
    story = client.get("/api/stories", params={"page_size": 1}).json()["items"][0]
    events = client.get("/api/events", params={"story_id": story["story_id"]}).json()
    assert events["total"] == story["events"]


# -- invalid input and injection attempts ------------------------------------------------
@pytest.mark.parametrize(("params", "mentions"), [
    ({"actor_country": "RUS' OR 1=1"}, "actor_country"),
    ({"recipient_country": "KAZ;--"}, "recipient_country"),
    ({"actor_sector": "GOV OR 1"}, "actor_sector"),
    ({"event_type": "MEET"}, "event_type"),
    ({"status": "maybe"}, "status"),
    ({"quad_class": 5}, "quad_class"),
    ({"date_from": "2020-13-01"}, "date_from"),
    ({"date_from": "2020-01-01", "date_to": "2019-01-01"}, "date_from"),
    ({"story_id": "sty_x' OR 'a'='a"}, "story_id"),
    ({"sort": "text; DROP TABLE events"}, "sort"),
    ({"page": 0}, "page"),
    ({"q": "x" * 201}, "q"),
])
def test_invalid_parameters_get_422_with_one_error_shape(client, params, mentions):
    assert_error(client.get("/api/events", params=params), 422, mentions)


@pytest.mark.parametrize("params", [
    {"q": "'; DROP TABLE events; --"},
    {"q": "%"},
    {"q": "_"},
    {"q": "\\"},
    {"place": "x' OR '1'='1"},
    {"place": "Astana'); DELETE FROM events; --"},
])
def test_injection_attempts_find_nothing_and_change_nothing(client, params):
    before = client.get("/api/health").json()["counts"]
    for path in ("/api/events", "/api/stories", "/api/places", "/api/timeseries"):
        response = client.get(path, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert not body.get("items") and not body.get("features") and not body.get("buckets")
    assert client.get("/api/health").json()["counts"] == before


def test_other_endpoints_validate_too(client):
    assert_error(client.get("/api/timeseries", params={"interval": "year"}), 422, "interval")
    assert_error(client.get("/api/actors", params={"country": "R'S"}), 422, "country")
    assert_error(client.get("/api/events/not-an-id"), 422, "event_id")
    assert_error(client.get("/api/stories/sty_'"), 422, "story_id")
    assert_error(client.get("/api/events/evt_0000000000000000"), 404, "no event")
    assert_error(client.get("/api/stories/sty_0000000000000000"), 404, "no story")
    assert_error(client.get("/api/nothing-here"), 404, "no such resource")


def test_the_store_is_opened_read_only(sample_store):
    db = ReadOnlyDatabase(sample_store)
    try:
        with pytest.raises(StoreError):
            db.rows("DELETE FROM events")
    finally:
        db.close()


# -- one event, stories, actors -----------------------------------------------------------
def test_one_event_with_mentions_and_highlighted_sentence(client, dyad):
    actor, recipient = dyad
    listed = client.get("/api/events", params={"actor_country": actor,
                                               "recipient_country": recipient}).json()
    event_id = listed["items"][0]["id"]
    detail = client.get(f"/api/events/{event_id}").json()
    event, sentence = detail["event"], detail["sentence"]
    assert event["id"] == event_id and sentence["text"] == event["text"]
    assert "".join(s["text"] for s in sentence["segments"]) == event["text"]
    roles = {h["role"] for h in sentence["highlights"]}
    assert {"actor", "recipient", "trigger"} <= roles
    for span in sentence["highlights"]:
        assert event["text"][span["start"]:span["end"]] == span["text"]
    trigger = next(h for h in sentence["highlights"] if h["role"] == "trigger")
    assert trigger["text"] == event["trigger"]["text"]
    assert {(m["role"], m["country"]) for m in detail["mentions"]} >= {
        ("actor", actor), ("recipient", recipient)}
    assert detail["article"]["source"] and detail["story"]["story_id"] == event["story_id"]


def test_stories_group_events_and_list_their_sources(client):
    stories = client.get("/api/stories", params={"page_size": 200}).json()
    ranked = [(s["independent_outlets"], s["documents"], s["events"])
              for s in stories["items"]]
    assert ranked == sorted(ranked, reverse=True)
    story = stories["items"][0]
    assert story["independent_outlets"] >= 2  # the samples report one treaty twice
    assert story["articles"] >= story["documents"] and story["mentions"] >= story["events"]
    detail = client.get(f"/api/stories/{story['story_id']}").json()
    assert len(detail["events"]) == story["events"]
    assert len(detail["sources"]) == story["documents"]
    assert len(detail["mentions"]) == story["mentions"]
    assert detail["merged"]["event_type"] in story["event_types"]
    assert isinstance(detail["conflicts"], list)
    for source in detail["sources"]:
        assert source["source"] and source["sentences"]
        assert all(s["segments"] for s in source["sentences"])


def test_actors_count_mentions_and_roles(client):
    body = client.get("/api/actors", params={"country": "RUS", "page_size": 200}).json()
    assert body["items"] and all(a["country"] == "RUS" for a in body["items"])
    putin = next(a for a in body["items"] if a["id"] == "vladimir-putin")
    assert putin["mentions"] >= putin["documents"] >= 1 and putin["events"] >= 1
    found = client.get("/api/actors", params={"q": "putin"}).json()["items"]
    assert any(a["id"] == "vladimir-putin" for a in found)


# -- aggregates ------------------------------------------------------------------------
def test_timeseries_for_a_dyad_split_by_quad_class(client, dyad):
    actor, recipient = dyad
    params = {"actor_country": actor, "recipient_country": recipient, "both_directions": True}
    series = client.get("/api/timeseries", params={**params, "interval": "month"}).json()
    assert series["interval"] == "month" and series["buckets"]
    for bucket in series["buckets"]:
        assert bucket["period"].endswith("-01")
        split = bucket["by_quad_class"]
        assert set(split) == {"1", "2", "3", "4"}
        assert sum(q["events"] for q in split.values()) == bucket["events"]
        assert sum(q["goldstein"] for q in split.values()) == pytest.approx(bucket["goldstein"])
    listed = client.get("/api/events", params=params).json()["total"]
    excluded = series["excluded"]
    assert series["total"]["events"] + excluded["undated"] + excluded[
        "coarser_than_interval"] == listed
    weekly = client.get("/api/timeseries", params={**params, "interval": "week"}).json()
    assert weekly["total"]["events"] <= series["total"]["events"]


def test_counts_and_word_index_answer_as_a_scan_of_the_samples(sample_store, dyad,
                                                                monkeypatch):
    """On real pipeline output (several-party events, undated and coarse dates), the
    series from ``event_counts`` and the searches through the word index equal a plain
    scan of the events."""
    from newsevents.api.aggregate_routes import Interval, timeseries
    from newsevents.api.event_routes import list_events
    from newsevents.api.params import EventFilters, EventSort, Paging
    from test_query_benchmark import reference_listing, reference_series

    db = ReadOnlyDatabase(sample_store)
    try:
        for country in (*dyad, "KAZ", None):
            for interval in Interval:
                filters = EventFilters(actor_country=country, both_directions=True)
                assert filters.counts_country() is not None
                assert (timeseries(filters, db, interval)
                        == reference_series(db, filters, interval, monkeypatch))
        for q in ("putin", "Kazakhstan", "said", "prime minister", "Astana's", "é"):
            for sort in (EventSort.date_desc, EventSort.goldstein):
                filters, paging = EventFilters(q=q), Paging(1, 20)
                found = list_events(filters, paging, db, sort)
                assert ((found["total"], [e["id"] for e in found["items"]])
                        == reference_listing(db, filters, paging, sort)), (q, sort)
    finally:
        db.close()


def test_places_are_geojson(client):
    geo = client.get("/api/places").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["events"] >= 1


def test_facets_fill_the_pickers(client):
    facets = client.get("/api/facets").json()
    assert facets["event_types"] and facets["statuses"] and facets["dyads"]
    russia = next(c for c in facets["countries"] if c["code"] == "RUS")
    assert russia["name"] == "Russia"


# -- pages, docs, static files ------------------------------------------------------------
def test_dashboard_docs_and_openapi_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stories", "/api/actors",
            "/api/timeseries", "/api/places", "/api/health"} <= set(spec["paths"])


def test_static_assets_are_packaged_and_load_nothing_from_outside(client):
    names = [p.name for p in static_dir().iterdir()]
    assert {"index.html", "app.js", "app.css", "world.js"} <= set(names)
    for name in names:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        for remote in ("http://", "https://", "//cdn"):
            assert remote not in response.text.replace("http://www.w3.org/", ""), name


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/../api/app.py",
    "/static//etc/passwd",
])
def test_static_path_traversal_is_refused(base_url, path):
    # http.client sends the path exactly as written (httpx would normalise the dots away)
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
    finally:
        connection.close()
    assert response.status in (400, 404)
    assert "root:" not in body and "create_app" not in body


# -- the command ------------------------------------------------------------------------
def test_serve_command_has_help_and_reports_a_missing_store(tmp_path):
    runner = CliRunner()
    help_text = runner.invoke(main, ["serve", "--help"]).output
    assert "--port" in help_text and "Examples" in help_text
    result = runner.invoke(main, ["serve", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 3 and "does not exist" in result.output
