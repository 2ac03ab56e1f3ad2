"""The foundation's acceptance check on the two real wire stories in ../shared/seeds."""

from __future__ import annotations

import pytest

from conftest import SEED_PUBLISHED

pytestmark = [pytest.mark.model, pytest.mark.shared]

SEEDS = SEED_PUBLISHED


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_consult_between_russia_and_kazakhstan_in_kazakhstan_that_day(seed_documents, key):
    events = seed_documents[key]["events"]
    meetings = [
        e for e in events if e["event_type"] == "CONSULT" and e["status"] == "asserted"
        and {a["country"] for a in e["actor"] + e["recipient"]} >= {"RUS", "KAZ"}
    ]
    assert meetings, [(e["event_type"], e["text"]) for e in events]
    meeting = meetings[0]
    assert meeting["location"]["country"] == "KAZ"
    assert meeting["location"]["name"] == "Astana"
    assert meeting["date"] == SEEDS[key] and meeting["date_precision"] == "day"


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_no_debris_in_any_event_text(seed_documents, key):
    document = seed_documents[key]
    debris = [b["text"] for b in document["boilerplate"] if b["kind"] != "dateline"]
    assert debris, "the seeds carry debris that should have been found"
    for event in document["events"]:
        for piece in [*debris, "Your Comment", "Currently reading", "KAZINFORM"]:
            assert piece not in event["text"]


def test_seeds_are_different_stories(seed_documents):
    stories = [{e["story_id"] for e in d["events"]} for d in seed_documents.values()]
    assert not stories[0] & stories[1]
