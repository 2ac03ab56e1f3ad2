"""Stories in the store: copies linked, reports merged, counts and conflicts kept current.
Hand-built documents, no model."""

from __future__ import annotations

import json

import pytest

from builders import BODY, LEDE, story_report
from newsevents.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "stories.duckdb") as opened:
        yield opened


def _stories(store: Store) -> list[dict]:
    return store.query("SELECT * FROM stories ORDER BY anchor_day, story_id")


def test_two_outlets_and_a_syndicated_copy_make_one_story_with_gdelt_style_counts(store):
    first = story_report(LEDE + BODY, "Andes Wire", "2024-05-08")
    other = story_report(LEDE.replace("officials said", "the ministry said")
                    .replace("Tuesday", "Tuesday evening") + " The talks lasted three hours.",
                    "Pacific Daily", "2024-05-08", key="sty_other_key")
    copy = story_report("Chile and Peru talk fish\n" + LEDE + BODY + "\nAndes Wire",
                   "Coastal Times", "2024-05-09")
    store.write([first, other])
    store.write([copy])
    [story] = _stories(store)
    assert (story["n_mentions"], story["n_articles"], story["n_sources"],
            story["n_independent_sources"]) == (3, 3, 3, 2)
    assert store.query("SELECT duplicate_of FROM article_duplicates")[0]["duplicate_of"] \
        == first.doc_id
    # the copy's own events are not stored as new evidence; its mention points into it
    assert store.query("SELECT count(*) n FROM events")[0]["n"] == 2
    [mention] = store.query("SELECT * FROM mentions WHERE duplicate")
    assert mention["doc_id"] == copy.doc_id and mention["evidence_doc_id"] == first.doc_id
    assert copy.article.text[mention["start_char"]:mention["end_char"]] == mention["text"]
    events = store.query("SELECT story_id, json_extract_string(record, '$.story_id') r "
                         "FROM events")
    assert {(e["story_id"], e["r"]) for e in events} == {(story["story_id"],) * 2}
    assert story["n_conflicts"] == 0 and story["date"] == "2024-05-07"


def test_sources_that_disagree_are_reported_with_both_sides(store):
    store.write([story_report(LEDE + BODY, "Andes Wire", "2024-05-08")])
    store.write([story_report(LEDE.replace("40 fishermen", "45 fishermen"), "Pacific Daily",
                         "2024-05-08", detained=45, day="2024-05-06", key="sty_b")])
    [story] = _stories(store)
    conflicts = {c["slot"]: c for c in json.loads(story["conflicts"])}
    assert story["n_conflicts"] == 2 and set(conflicts) == {"date", "amount"}
    values = conflicts["amount"]["values"]
    assert [(v["value"], v["sources"]) for v in values] == [(40.0, ["Andes Wire"]),
                                                            (45.0, ["Pacific Daily"])]
    assert values[1]["reports"][0]["amount"] == "45 fishermen"


def test_the_same_pair_a_year_later_is_another_story_and_rewriting_changes_nothing(store):
    now = story_report(LEDE + BODY, "Andes Wire", "2024-05-08")
    later = story_report(LEDE + " They met again.", "Andes Wire", "2025-05-07", day="2025-05-06")
    store.write([now, later])
    before = _stories(store)
    assert len(before) == 2
    store.write([now, later])  # a re-run, or reprocessing: same stories, same counts
    after = _stories(store)
    strip = [{k: v for k, v in s.items() if k != "updated_at"} for s in after]
    assert strip == [{k: v for k, v in s.items() if k != "updated_at"} for s in before]


def test_find_near_duplicate_follows_copies_to_the_original(store):
    first = story_report(LEDE + BODY, "Andes Wire", "2024-05-08")
    store.write([first])
    assert store.find_near_duplicate("Headline\n" + LEDE + BODY) == first.doc_id
    assert store.find_near_duplicate("Rain fell on the coast of Portugal on Friday.") is None
