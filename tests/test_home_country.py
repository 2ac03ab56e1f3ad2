"""Actors named only by their role are placed by the text around them, and an own force
is not the target of its mobilization. Sentences written for these tests; the model parses
them, so each checks the rule end to end."""

from __future__ import annotations

import pytest

from newsevents import Article


def _events(pipeline, text: str, dateline: str = ""):
    [document] = pipeline.process_many([Article(text=dateline + text, published="2024-05-06")])
    return document.events


def _only(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


@pytest.mark.parametrize(("text", "event_type", "country"), [
    # where its clause happens, through a nested place phrase
    ("Inmates rioted at a prison in Dili on Monday.", "PROTEST", "TLS"),
    # a town the knowledge base does not know, located with the gazetteer
    ("Dock workers went on strike at the port of Genoa.", "PROTEST", "ITA"),
    # its own phrase
    ("A militia based in Kivu attacked villagers in Congo.", "ASSAULT", "COD"),
    # the one country of the sentence
    ("Hundreds of students marched to demand the resignation of the Serbian president.",
     "PROTEST", "SRB"),
])
def test_a_role_actor_takes_the_country_the_text_gives_it(pipeline, text, event_type, country):
    event = _only(_events(pipeline, text), event_type)
    assert event.actor[0].country == country
    assert event.actor[0].id == f"{country}-{event.actor[0].sector}"


def test_what_a_protest_is_against_does_not_place_the_protesters(pipeline):
    events = _events(pipeline, "Students rallied against the Israeli offensive.")
    assert not any(a.country == "ISR" for e in events if e.event_type == "PROTEST"
                   for a in e.actor)


def test_the_dateline_places_an_otherwise_unplaced_crowd(pipeline):
    event = _only(_events(pipeline, "Protesters blocked the main road on Sunday.",
                          dateline="NAIROBI, May 5 (Reuters) - "), "PROTEST")
    assert event.actor[0].country == "KEN"


def test_an_ethnic_group_is_placed_where_it_lives(pipeline):
    event = _only(_events(pipeline, "Some 300 ethnic Hungarians demonstrated in Romania "
                                    "on Sunday."), "PROTEST")
    assert event.actor[0].country == "ROU"


def test_troops_sent_abroad_keep_their_own_country(pipeline):
    event = _only(_events(pipeline, "Kazakhstan deployed peacekeepers in Syria."), "AID")
    assert [r.country for r in event.recipient] == ["SYR"]
    assert all(m.country != "SYR" for m in event.actor)


def test_a_mobilized_force_is_not_the_target_of_its_mobilization(pipeline):
    event = _only(_events(pipeline, "Britain mobilized army reservists for a possible war "
                                    "against Iraq."), "MOBILIZE")
    assert [r.country for r in event.recipient] == ["IRQ"]
    event = _only(_events(pipeline, "Russia mobilized 300,000 reservists."), "MOBILIZE")
    assert event.recipient == []


def test_an_official_named_with_an_international_title_acts_for_that_body(pipeline):
    assert pipeline.resolve_actor("U.N. mediator Diego Cordovez", date="1988-04-01")[
        "country"] == "IGO"
    assert pipeline.resolve_actor("Diego Cordovez", date="1988-04-01")["country"] == "ECU"
    unknown = pipeline.resolve_actor("UN envoy Mariela Quispe", date="2024-01-01")
    assert unknown is not None and unknown["country"] == "IGO"
    assert pipeline.resolve_actor("Old Firm CIS Cup") is None
