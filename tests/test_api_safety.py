"""Hostile requests against a real uvicorn server: injection in every string filter,
oversized requests, and attempts to read files outside the static folder.

What a careful client should be able to rely on: a bad value is a 422 naming the
parameter, a well-formed but hostile value matches nothing, a request that is too large
is refused with a 4xx saying so (414 URL, 413 body, 411 body of unknown length, 400 from
the HTTP server for headers past its buffer), and none of it changes the store, reads a
file outside ``web/static`` or stops the server from answering the next request.
"""

from __future__ import annotations

import asyncio
import http.client
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx
import pytest

from newsevents.api import app as app_module
from newsevents.api import create_app
from newsevents.api.limits import MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_URL_BYTES
from newsevents.api.params import MAX_PAGE_SIZE
from newsevents.web import static_dir
from test_api import sample_store, serve  # noqa: F401  (sample_store is a fixture)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def base_url(sample_store: Path) -> Iterator[str]:  # noqa: F811
    yield from serve(sample_store)


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as http_client:
        yield http_client


def raw_request(base_url: str, method: str, target: str,
                headers: dict[str, str] | None = None, body: bytes | None = None
                ) -> tuple[int, str]:
    """Send ``target`` exactly as written (httpx would normalise dots and encodings)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def error_of(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["message"]
    return error


def assert_serving(client: httpx.Client, counts: dict[str, int]) -> None:
    health = client.get("/api/health")
    assert health.status_code == 200 and health.json()["counts"] == counts


@pytest.fixture(scope="module")
def counts(client: httpx.Client) -> dict[str, int]:
    return client.get("/api/health").json()["counts"]


# -- injection: every free-text filter, every endpoint that takes it ---------------------
INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    "%' OR 1=1 --",
    "x') UNION SELECT record, NULL, NULL, NULL, NULL FROM articles --",
    "'||(SELECT version())||'",
    "'; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "'; COPY events TO '/tmp/evil.csv'; --",
    "read_csv('/etc/passwd')",
    "\x00",
    "\\'",
    "%%",
    "__",
    "\u202e\u0000'--",
]
TEXT_FILTERS = [("/api/events", "q"), ("/api/events", "place"), ("/api/stories", "q"),
                ("/api/stories", "place"), ("/api/places", "q"), ("/api/places", "place"),
                ("/api/timeseries", "q"), ("/api/timeseries", "place"), ("/api/actors", "q")]
CODE_FILTERS = [("/api/events", "actor_country"), ("/api/events", "recipient_country"),
                ("/api/events", "actor_sector"), ("/api/events", "recipient_sector"),
                ("/api/events", "story_id"), ("/api/stories", "actor_country"),
                ("/api/timeseries", "recipient_sector"), ("/api/places", "story_id"),
                ("/api/actors", "country"), ("/api/actors", "sector")]


def found_anything(body: dict) -> bool:
    return bool(body.get("items") or body.get("features") or body.get("buckets"))


@pytest.mark.parametrize(("path", "parameter"), TEXT_FILTERS)
def test_injection_in_free_text_filters_matches_nothing(client, counts, path, parameter):
    for payload in INJECTIONS:
        response = client.get(path, params={parameter: payload})
        assert response.status_code == 200, (payload, response.text)
        assert not found_anything(response.json()), payload
    assert_serving(client, counts)


@pytest.mark.parametrize(("path", "parameter"), CODE_FILTERS)
def test_injection_in_code_filters_is_a_validation_error(client, counts, path, parameter):
    for payload in [*INJECTIONS, "RUS' --", "sty_0' OR '1'='1"]:
        error = error_of(client.get(path, params={parameter: payload}), 422)
        assert error["details"][0]["parameter"] == parameter
    assert_serving(client, counts)


@pytest.mark.parametrize("target", ["/api/events/evt_1'%20OR%20'1'='1",
                                    "/api/events/evt_0%00", "/api/stories/sty_1;DROP",
                                    "/api/events/%27%3B--", "/api/stories/..%2f..%2fetc"])
def test_injection_in_path_ids_is_refused(base_url, client, counts, target):
    status, body = raw_request(base_url, "GET", target)
    assert status in (404, 422), body
    assert '"error"' in body
    assert_serving(client, counts)


@pytest.mark.parametrize(("path", "params"), [
    ("/api/events", {"sort": "e.id; DROP TABLE events"}),
    ("/api/actors", {"sort": "name DESC; --"}),
    ("/api/events", {"event_type": "AGREE' OR '1"}),
    ("/api/stories", {"status": "asserted--"}),
    ("/api/timeseries", {"interval": "day'); --"}),
    ("/api/places", {"quad_class": "1 OR 1=1"}),
])
def test_sort_and_enums_are_whitelists(client, path, params):
    error = error_of(client.get(path, params=params), 422)
    assert error["details"][0]["parameter"] == next(iter(params))


# -- sizes --------------------------------------------------------------------------------
def test_page_size_is_capped_with_a_clear_error(client):
    assert client.get("/api/events", params={"page_size": MAX_PAGE_SIZE}).status_code == 200
    for value in (MAX_PAGE_SIZE + 1, 10**30, -1, 0):
        error = error_of(client.get("/api/events", params={"page_size": value}), 422)
        assert error["details"][0]["parameter"] == "page_size"
    error_of(client.get("/api/actors", params={"page": 10**12}), 422)


def test_a_url_over_the_limit_gets_414(client, counts):
    error = error_of(client.get("/api/events", params={"q": "x" * MAX_URL_BYTES}), 414)
    assert error["code"] == "uri_too_long" and str(MAX_URL_BYTES) in error["message"]
    # many repeated values within the limit are fine
    repeated = client.get("/api/events", params={"event_type": ["AGREE"] * 400})
    assert repeated.status_code == 200
    assert_serving(client, counts)


def test_a_request_line_past_the_server_buffer_is_refused_not_fatal(base_url, client, counts):
    error = error_of(client.get("/api/health", headers={"X-Big": "y" * MAX_HEADER_BYTES}), 431)
    assert error["code"] == "headers_too_large"
    for target, headers in (("/api/events?q=" + "x" * 2_000_000, {}),
                            ("/api/health", {"X-Big": "y" * 2_000_000})):
        try:  # the HTTP server refuses a head this big itself, often before reading it all
            status, _ = raw_request(base_url, "GET", target, headers=headers)
        except (ConnectionError, http.client.HTTPException):
            continue
        assert status in (400, 414, 431)
    assert_serving(client, counts)


def test_request_bodies_are_capped(base_url, client, counts):
    big = b"{" + b" " * (MAX_BODY_BYTES + 10) + b"}"
    status, body = raw_request(base_url, "GET", "/api/events",
                               headers={"Content-Length": str(len(big))}, body=big)
    assert status == 413 and "request_too_large" in body
    status, body = raw_request(base_url, "GET", "/api/events",
                               headers={"Content-Length": str(10**12)})
    assert status == 413
    status, body = raw_request(base_url, "GET", "/api/events",
                               headers={"Transfer-Encoding": "chunked"},
                               body=b"5\r\nhello\r\n0\r\n\r\n")
    assert status == 411 and "length_required" in body
    small = client.request("GET", "/api/events", content=b"{}")
    assert small.status_code == 200
    posted = client.post("/api/events", content=b"x" * 100)
    assert posted.status_code == 405 and posted.json()["error"]["code"] == "method_not_allowed"
    assert_serving(client, counts)


def test_a_slow_partial_request_does_not_block_others(base_url, client, counts):
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as stalled:
        stalled.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n")  # never finished
        assert_serving(client, counts)


# -- static files -------------------------------------------------------------------------
TRAVERSALS = [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/static/..%2f..%2f..%2fapi%2fapp.py",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/static/..%5c..%5c..%5cetc%5cpasswd",
    "/static/....//....//etc/passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/" + quote(str(Path(__file__).resolve()), safe=""),
    "/static/%00",
    "/static/index.html%00.txt",
    "/static/%00/../../../etc/passwd",
    "/static/" + "a" * 300,
    "/static/" + "a/" * 2000,
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_static_files_cannot_escape_their_folder(base_url, client, counts, target):
    status, body = raw_request(base_url, "GET", target)
    assert status in (400, 404), (status, body[:200])
    assert "root:" not in body and "create_app" not in body and "def test_" not in body
    assert_serving(client, counts)


def test_static_files_do_not_follow_symlinks_out_of_their_folder(
        tmp_path, monkeypatch, sample_store):  # noqa: F811
    folder = tmp_path / "static"
    folder.mkdir()
    for name in ("index.html", "docs.html", "app.js"):
        (folder / name).write_bytes((static_dir() / name).read_bytes())
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "outside").symlink_to(tmp_path)
    (folder / "inside.js").symlink_to(folder / "app.js")
    monkeypatch.setattr(app_module, "static_dir", lambda: folder)
    server = serve(sample_store)
    url = next(server)
    try:
        assert raw_request(url, "GET", "/static/app.js")[0] == 200
        assert raw_request(url, "GET", "/static/inside.js")[0] == 200
        for target in ("/static/leak.txt", "/static/outside/secret.txt",
                       "/static/outside/../secret.txt"):
            status, body = raw_request(url, "GET", target)
            assert status == 404 and "top secret" not in body
    finally:
        server.close()


# -- lifecycle ----------------------------------------------------------------------------
def test_the_app_serves_again_after_a_restart_and_refuses_cleanly_when_stopped(
        sample_store):  # noqa: F811
    """Test clients and reloading servers run the lifespan more than once on one app."""
    app = create_app(sample_store)

    async def scenario() -> list[tuple[int, str]]:
        answers = []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as http_client:
            for _ in range(2):
                async with app.router.lifespan_context(app):
                    response = await http_client.get("/api/health")
                    answers.append((response.status_code, response.text))
            response = await http_client.get("/api/health")  # stopped: store closed
            answers.append((response.status_code, response.text))
        return answers

    first, second, stopped = asyncio.run(scenario())
    assert first[0] == second[0] == 200
    assert stopped[0] == 503 and "store_unavailable" in stopped[1]
