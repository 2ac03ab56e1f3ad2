"""The dashboard in a real headless browser: Debian's chromium driven by Playwright
(never a browser Playwright downloads). Loads the page against a live server, picks a
dyad, opens an event and checks its highlighted sentence, opens its story, and saves a
screenshot to test-artifacts/dashboard.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from test_api import sample_store, serve  # noqa: F401  (sample_store is a fixture)

pytestmark = pytest.mark.model

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does "
                "this when run as root) to run the dashboard test", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def base_url(sample_store: Path) -> Iterator[str]:  # noqa: F811
    yield from serve(sample_store)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


def test_pick_a_dyad_open_an_event_and_read_its_sentence(browser, base_url):
    page = browser.new_page(viewport={"width": 1440, "height": 1100})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith(base_url)
            else problems.append(f"request outside the server: {r.url}"))

    page.goto(base_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#chart svg.chart rect.bar").count() > 0
    assert page.locator("#map circle.marker").count() > 0
    assert page.locator("#events-table tbody tr").count() > 0

    # pick the most frequent dyad with the two pickers
    chip = page.locator("#dyads .chip").first
    actor, recipient = chip.get_attribute("data-actor"), chip.get_attribute("data-recipient")
    page.select_option("#actor-country", actor)
    page.select_option("#recipient-country", recipient)
    page.wait_for_function(
        "([a, r]) => location.hash.includes(`actor_country=${a}`) && "
        "location.hash.includes(`recipient_country=${r}`) && "
        "!document.querySelector('#list-card.loading, #chart-card.loading')",
        arg=[actor, recipient])
    expected = httpx.get(base_url + "/api/events", params={
        "actor_country": actor, "recipient_country": recipient, "page_size": 15}).json()
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(expected["items"]) > 0
    assert page.locator("#pager .muted").inner_text().endswith(f"of {expected['total']}")

    # open the first event: its sentence with actor, recipient and trigger highlighted
    event_id = rows.first.get_attribute("data-event-id")
    rows.first.click()
    page.wait_for_selector("#event-sentence mark.hl-trigger")
    detail = httpx.get(f"{base_url}/api/events/{event_id}").json()
    sentence = page.locator("#event-sentence .sentence")
    assert " ".join(sentence.inner_text().split()) == " ".join(detail["event"]["text"].split())
    marked = {role: page.locator(f"#event-sentence mark.hl-{role}").all_inner_texts()
              for role in ("actor", "recipient", "trigger")}
    assert marked["trigger"] == [detail["event"]["trigger"]["text"]]
    assert set(marked["actor"]) <= {a["text"] for a in detail["event"]["actor"]}
    assert marked["actor"] and marked["recipient"]
    assert "selected" in rows.first.get_attribute("class")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    # the story view lists the sources that reported the event
    page.click("#open-story")
    page.wait_for_selector("#story-sources li")
    story = httpx.get(f"{base_url}/api/stories/{detail['event']['story_id']}").json()
    assert page.locator("#story-sources > li").count() == len(story["sources"])
    assert page.locator("#story-sources mark.hl-trigger").count() == len(story["events"])
    assert not problems, problems
    page.close()
