"""The bundled samples: they load, carry debris, and yield a spread of coded events."""

from __future__ import annotations

from collections import Counter

import pytest

from newsevents.records import Article
from newsevents.samples import sample_articles

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def documents(pipeline):
    articles = list(sample_articles())
    assert all(isinstance(a, Article) for a in articles)
    return [d.to_dict() for d in pipeline.process_many(articles)]


def test_a_dozen_samples_all_processed(documents):
    assert len(documents) == 12
    assert all(not d["errors"] for d in documents)


def test_samples_carry_debris_and_datelines(documents):
    kinds = Counter(b["kind"] for d in documents for b in d["boilerplate"])
    assert kinds["dateline"] >= 8
    assert kinds["comment-prompt"] >= 3 and kinds["share"] >= 2


def test_events_of_many_types_with_full_records(documents):
    events = [e for d in documents for e in d["events"]]
    types = Counter(e["event_type"] for e in events)
    assert len(types) >= 8, types
    assert {"CONSULT", "AGREE", "SUPPORT", "ACCUSE", "SANCTION", "ASSAULT"} <= set(types)
    located = sum(e["location"] is not None for e in events)
    dated = sum(e["date"] is not None for e in events)
    assert located / len(events) > 0.9 and dated == len(events)


def test_no_boilerplate_in_event_text(documents):
    for document in documents:
        debris = [b["text"] for b in document["boilerplate"]]
        for event in document["events"]:
            assert not any(piece in event["text"] for piece in debris)
