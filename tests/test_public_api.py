"""The contract other tools rely on (DESIGN.md): names, shapes and behaviour."""

from __future__ import annotations

import pytest

import newsevents
from newsevents import Article

pytestmark = pytest.mark.model

STORY = (
    "Leave a comment\n"
    "Chile, Argentina agree to expand gas link\n"
    "\n"
    "SANTIAGO (Andes Wire) - Chilean President Gabriel Boric met his Argentine counterpart "
    "Alberto Fernandez in Santiago on Monday.\n"
    "\n"
    "The two leaders signed an agreement to expand the gas pipeline worth $1.2 billion.\n"
    "\n"
    "ab/cd\n"
)


def test_all_names_exist_and_nothing_public_is_missing():
    for name in newsevents.__all__:
        assert hasattr(newsevents, name), name
    public = {n for n in vars(newsevents) if not n.startswith("_")
              and not isinstance(getattr(newsevents, n), type(newsevents))}
    assert public - set(newsevents.__all__) == {"annotations"}


def test_process_returns_the_documented_shape(pipeline):
    result = pipeline.process(Article(text=STORY, published="2022-04-18", source="Andes Wire"))
    data = result.to_dict()
    assert set(data) == {"article", "events", "actors", "places", "times", "amounts",
                         "boilerplate", "errors"}
    assert data["errors"] == []
    event_keys = {"id", "doc_id", "story_id", "event_type", "mode", "context", "cameo",
                  "quad_class", "goldstein", "status", "actor", "recipient", "location",
                  "date", "date_precision", "text", "sentence_index", "start", "end",
                  "trigger", "confidence", "why"}
    assert data["events"], "expected events in the story"
    for event in data["events"]:
        assert event_keys <= set(event)
        assert event["status"] in {"asserted", "future", "hypothetical", "negated"}
        assert STORY[event["start"]:event["end"]].split() == event["text"].split()
        trigger = event["trigger"]
        assert STORY[trigger["start"]:trigger["end"]] == trigger["text"]
        for actor in event["actor"] + event["recipient"]:
            assert STORY[actor["start"]:actor["end"]] == actor["text"]


def test_meeting_is_coded_with_actors_place_and_date(pipeline):
    data = pipeline.process(Article(text=STORY, published="2022-04-18")).to_dict()
    consult = [e for e in data["events"] if e["event_type"] == "CONSULT"]
    assert consult, data["events"]
    meeting = consult[0]
    assert (meeting["actor"][0]["country"], meeting["actor"][0]["sector"]) == ("CHL", "GOV")
    assert meeting["recipient"][0]["country"] == "ARG"
    assert meeting["location"]["name"] == "Santiago"
    assert meeting["location"]["country"] == "CHL"
    assert (meeting["date"], meeting["date_precision"]) == ("2022-04-18", "day")
    assert meeting["quad_class"] == 1 and meeting["cameo"].startswith("04")


def test_debris_is_listed_and_never_inside_events(pipeline):
    data = pipeline.process(Article(text=STORY, published="2022-04-18")).to_dict()
    kinds = {b["kind"] for b in data["boilerplate"]}
    assert {"comment-prompt", "desk-code", "dateline"} <= kinds
    for event in data["events"]:
        for debris in data["boilerplate"]:
            assert debris["text"] not in event["text"]


def test_bad_documents_become_errors_not_exceptions(pipeline):
    empty = pipeline.process(Article(text="   ", raw_id="blank.txt")).to_dict()
    assert empty["events"] == []
    assert empty["errors"][0]["document"] == "blank.txt"
    assert empty["errors"][0]["reason"] == "empty document"
    french = pipeline.process(Article(text="Le président a rencontré son homologue.",
                                      lang="fr", raw_id="fr.txt")).to_dict()
    assert "not supported" in french["errors"][0]["reason"]


def test_unparseable_publication_date_is_reported_not_invented(pipeline):
    result = pipeline.process(Article(text=STORY, published="last Tuesday"))
    data = result.to_dict()
    assert not result.failed and data["events"]
    assert any("not understood" in e["reason"] for e in data["errors"])
    assert all(e["date"] is None for e in data["events"])


def test_process_many_streams_in_order(pipeline):
    texts = [f"Story {i}. Kenyan President William Ruto met Ugandan President Yoweri "
             f"Museveni in Nairobi." for i in range(5)]
    articles = [Article(text=t, published=f"2023-05-0{i + 1}") for i, t in
                enumerate(texts)]
    stream = pipeline.process_many(iter(articles), batch_size=2)
    assert iter(stream) is stream  # a generator, not a list
    assert [d.article.text for d in stream] == texts


def test_process_many_with_two_processes_matches_one(pipeline):
    articles = [Article(text=f"Item {i}: Egyptian President Abdel Fattah el-Sisi met Saudi "
                             f"Crown Prince Mohammed bin Salman in Cairo.",
                        published="2022-06-20") for i in range(4)]
    single = [[e.id for e in d.events] for d in pipeline.process_many(articles)]
    double = [[e.id for e in d.events] for d in
              pipeline.process_many(articles, n_process=2, batch_size=1)]
    assert single == double and any(single)


def test_resolve_actor_geoparse_times_similarity(pipeline):
    assert pipeline.resolve_actor("the Kremlin")["country"] == "RUS"
    assert pipeline.resolve_actor("Hungarian officials") == {
        "country": "HUN", "sector": "GOV", "name": "Hungarian officials", "id": "HUN-GOV"}
    assert pipeline.resolve_actor("quarterly results") is None
    places = pipeline.geoparse("Talks were held in Nairobi and Mombasa.")
    assert [(p["name"], p["country"]) for p in places] == [("Nairobi", "KEN"),
                                                           ("Mombasa", "KEN")]
    assert {"text", "start", "end", "name", "country", "lat", "lon", "geonameid"} <= set(
        places[0])
    [when] = pipeline.times("They met on Thursday.", published="2015-10-15")
    assert (when["value"], when["type"]) == ("2015-10-15", "DATE")
    same = pipeline.similarity("Putin met Nazarbayev in Astana on Thursday.",
                               "Nazarbayev hosted Putin in Astana on Thursday for talks.")
    different = pipeline.similarity("Putin met Nazarbayev in Astana.",
                                    "Arsenal beat Chelsea two goals to one at home.")
    assert 0.0 <= different < same <= 1.0
