"""Stories in the store: copies linked, reports merged, counts and conflicts kept current.
Hand-built documents, no model."""

from __future__ import annotations

import json

import pytest

from newsevents.records import (
    ActorMention,
    Amount,
    Article,
    Document,
    Event,
    TimeExpression,
    Trigger,
)
from newsevents.store import Store

LEDE = ("Chilean Foreign Minister Ana Rojas met her Peruvian counterpart Luis Vera in Lima on "
        "Tuesday, and 40 fishermen were detained at sea, officials said.")
BODY = (" The ministers agreed to set up a joint commission on fishing rights that will report"
        " within six months. Peru's minister said the talks had been frank but friendly, and"
        " that a previous round in Santiago in March had ended without agreement.")


def _report(text: str, source: str, published: str, *, day: str = "2024-05-07",
            detained: int = 40, key: str = "sty_chl_per") -> Document:
    article = Article(text=text, published=published, source=source, raw_id=source)
    doc = Document(article=article)
    end = text.index(" said.") + len(" said.")
    chl = ActorMention("Ana Rojas", 0, 9, "Ana Rojas", "CHL", "GOV", "chl-fm")
    per = ActorMention("Luis Vera", 10, 19, "Luis Vera", "PER", "GOV", "per-fm")
    doc.actors = [chl, per]
    tuesday = text.index("Tuesday")
    doc.times = [TimeExpression("Tuesday", tuesday, tuesday + 7, day, "DATE")]
    forty = text.index("fishermen") - 3
    doc.amounts = [Amount(f"{detained} fishermen", forty, forty + 12, detained,
                          unit="fishermen", quantity_of="fishermen detained")]
    doc.events = [Event(
        doc_id=article.doc_id, event_type="CONSULT", mode="meet", context=["diplomatic"],
        cameo="040", quad_class=1, goldstein=1.0, status="asserted", actor=[chl],
        recipient=[per], text=text[:end], sentence_index=0, start=0, end=end,
        trigger=Trigger("met", 45, 48, "meet"), confidence=0.8, why="test", date=day,
        date_precision="day", story_id=key)]
    return doc


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "stories.duckdb") as opened:
        yield opened


def _stories(store: Store) -> list[dict]:
    return store.query("SELECT * FROM stories ORDER BY anchor_day, story_id")


def test_two_outlets_and_a_syndicated_copy_make_one_story_with_gdelt_style_counts(store):
    first = _report(LEDE + BODY, "Andes Wire", "2024-05-08")
    other = _report(LEDE.replace("officials said", "the ministry said")
                    .replace("Tuesday", "Tuesday evening") + " The talks lasted three hours.",
                    "Pacific Daily", "2024-05-08", key="sty_other_key")
    copy = _report("Chile and Peru talk fish\n" + LEDE + BODY + "\nAndes Wire",
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
    store.write([_report(LEDE + BODY, "Andes Wire", "2024-05-08")])
    store.write([_report(LEDE.replace("40 fishermen", "45 fishermen"), "Pacific Daily",
                         "2024-05-08", detained=45, day="2024-05-06", key="sty_b")])
    [story] = _stories(store)
    conflicts = {c["slot"]: c for c in json.loads(story["conflicts"])}
    assert story["n_conflicts"] == 2 and set(conflicts) == {"date", "amount"}
    values = conflicts["amount"]["values"]
    assert [(v["value"], v["sources"]) for v in values] == [(40.0, ["Andes Wire"]),
                                                            (45.0, ["Pacific Daily"])]
    assert values[1]["reports"][0]["amount"] == "45 fishermen"


def test_the_same_pair_a_year_later_is_another_story_and_rewriting_changes_nothing(store):
    now = _report(LEDE + BODY, "Andes Wire", "2024-05-08")
    later = _report(LEDE + " They met again.", "Andes Wire", "2025-05-07", day="2025-05-06")
    store.write([now, later])
    before = _stories(store)
    assert len(before) == 2
    store.write([now, later])  # a re-run, or reprocessing: same stories, same counts
    after = _stories(store)
    strip = [{k: v for k, v in s.items() if k != "updated_at"} for s in after]
    assert strip == [{k: v for k, v in s.items() if k != "updated_at"} for s in before]


def test_find_near_duplicate_follows_copies_to_the_original(store):
    first = _report(LEDE + BODY, "Andes Wire", "2024-05-08")
    store.write([first])
    assert store.find_near_duplicate("Headline\n" + LEDE + BODY) == first.doc_id
    assert store.find_near_duplicate("Rain fell on the coast of Portugal on Friday.") is None
