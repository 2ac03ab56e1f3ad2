"""Event rules on hand-built spaCy Docs: main-event prominence, object-dependent types,
preparation and conditional threats, last-resort recipients. One test per rule."""

from __future__ import annotations

import pytest

from builders import document
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.resolver import ActorResolver
from newsevents.events.relevance import is_non_political, keep_political
from newsevents.records import ActorMention
from test_events import code, parse

P = ("PUNCT", ".", "punct")


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(KnowledgeBase.load())


def _row(word, lemma, pos, tag, dep, head):
    return (word, lemma, pos, tag, dep, head)


def _by_trigger(events):
    return {e.trigger.text: e for e in events}


def test_main_clause_outranks_a_subordinate_event_with_a_target(resolver):
    # "Egypt opened fire, arresting Libyan officials."
    rows = [_row("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 1),
            _row("opened", "open", "VERB", "VBD", "ROOT", 1),
            _row("fire", "fire", "NOUN", "NN", "dobj", 1),
            _row(",", ",", "PUNCT", ",", "punct", 1),
            _row("arresting", "arrest", "VERB", "VBG", "advcl", 1),
            _row("Libyan", "libyan", "ADJ", "JJ", "amod", 6),
            _row("officials", "official", "NOUN", "NNS", "dobj", 4),
            _row(".", ".", *P, 1)]
    events = _by_trigger(code(parse(rows, ["B-GPE"] + ["O"] * 4 + ["B-NORP", "O", "O"]),
                              resolver))
    assert events["arresting"].recipient[0].country == "LBY"
    assert events["opened"].confidence > events["arresting"].confidence


def test_kidnapping_is_coercion_and_up_to_n_keeps_the_victims(resolver):
    # "Libya kidnapped up to 16 Egyptian officials."  (PLOVER 0.5 codes abduction COERCE)
    rows = [_row("Libya", "Libya", "PROPN", "NNP", "nsubj", 1),
            _row("kidnapped", "kidnap", "VERB", "VBD", "ROOT", 1),
            _row("up", "up", "ADP", "RP", "prt", 1),
            _row("to", "to", "ADP", "IN", "prep", 2),
            _row("16", "16", "NUM", "CD", "nummod", 6),
            _row("Egyptian", "egyptian", "ADJ", "JJ", "amod", 6),
            _row("officials", "official", "NOUN", "NNS", "pobj", 3),
            _row(".", ".", *P, 1)]
    [event] = code(parse(rows, ["B-GPE", "O", "O", "O", "B-CARDINAL", "B-NORP", "O", "O"]),
                   resolver)
    assert (event.event_type, event.cameo) == ("COERCE", "181")
    assert [r.country for r in event.recipient] == ["EGY"]


def test_blowing_up_property_is_coercion_aimed_at_where_it_stands(resolver):
    # "Syria blew up the bridges in Lebanon."
    rows = [_row("Syria", "Syria", "PROPN", "NNP", "nsubj", 1),
            _row("blew", "blow", "VERB", "VBD", "ROOT", 1),
            _row("up", "up", "ADP", "RP", "prt", 1),
            _row("the", "the", "DET", "DT", "det", 4),
            _row("bridges", "bridge", "NOUN", "NNS", "dobj", 1),
            _row("in", "in", "ADP", "IN", "prep", 4),
            _row("Lebanon", "Lebanon", "PROPN", "NNP", "pobj", 5),
            _row(".", ".", *P, 1)]
    [event] = code(parse(rows, ["B-GPE"] + ["O"] * 5 + ["B-GPE", "O"]), resolver)
    assert (event.event_type, event.cameo) == ("COERCE", "1712")
    assert [(a.country, r.country) for a in event.actor for r in event.recipient] == [
        ("SYR", "LBN")]


def test_arriving_peacekeepers_provide_protection(resolver):
    # "NATO peacekeeping troops arrived in Bosnia."
    rows = [_row("NATO", "NATO", "PROPN", "NNP", "compound", 2),
            _row("peacekeeping", "peacekeeping", "NOUN", "NN", "compound", 2),
            _row("troops", "troop", "NOUN", "NNS", "nsubj", 3),
            _row("arrived", "arrive", "VERB", "VBD", "ROOT", 3),
            _row("in", "in", "ADP", "IN", "prep", 3),
            _row("Bosnia", "Bosnia", "PROPN", "NNP", "pobj", 4),
            _row(".", ".", *P, 3)]
    [event] = code(parse(rows, ["B-ORG", "O", "O", "O", "O", "B-GPE", "O"]), resolver)
    assert (event.event_type, event.cameo) == ("AID", "074")
    assert event.actor[0].country == "IGO" and event.recipient[0].country == "BIH"


def test_preparing_to_attack_is_a_show_of_force(resolver):
    # "The Syrian army prepared to resume shelling Lebanon."
    rows = [_row("The", "the", "DET", "DT", "det", 2),
            _row("Syrian", "syrian", "ADJ", "JJ", "amod", 2),
            _row("army", "army", "NOUN", "NN", "nsubj", 3),
            _row("prepared", "prepare", "VERB", "VBD", "ROOT", 3),
            _row("to", "to", "PART", "TO", "aux", 5),
            _row("resume", "resume", "VERB", "VB", "xcomp", 3),
            _row("shelling", "shell", "VERB", "VBG", "xcomp", 5),
            _row("Lebanon", "Lebanon", "PROPN", "NNP", "dobj", 6),
            _row(".", ".", *P, 3)]
    [event] = code(parse(rows, ["O", "B-NORP"] + ["O"] * 5 + ["B-GPE", "O"]), resolver)
    assert (event.event_type, event.cameo, event.status) == ("MOBILIZE", "150", "asserted")
    assert event.actor[0].country == "SYR" and event.recipient[0].country == "LBN"


def test_a_conditional_threat_targets_whoever_must_meet_the_condition(resolver):
    # "Iran threatened to attack if Iraq refused."
    rows = [_row("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
            _row("threatened", "threaten", "VERB", "VBD", "ROOT", 1),
            _row("to", "to", "PART", "TO", "aux", 3),
            _row("attack", "attack", "VERB", "VB", "xcomp", 1),
            _row("if", "if", "SCONJ", "IN", "mark", 6),
            _row("Iraq", "Iraq", "PROPN", "NNP", "nsubj", 6),
            _row("refused", "refuse", "VERB", "VBD", "advcl", 3),
            _row(".", ".", *P, 1)]
    events = _by_trigger(code(parse(rows, ["B-GPE"] + ["O"] * 4 + ["B-GPE", "O", "O"]),
                              resolver))
    threat = events["threatened"]
    assert threat.event_type == "THREATEN"
    assert [r.country for r in threat.recipient] == ["IRQ"]
    assert threat.confidence == max(e.confidence for e in events.values())


def test_a_lodged_protest_is_an_official_complaint_coded_once(resolver):
    # "Serbia lodged a protest with Albania."
    rows = [_row("Serbia", "Serbia", "PROPN", "NNP", "nsubj", 1),
            _row("lodged", "lodge", "VERB", "VBD", "ROOT", 1),
            _row("a", "a", "DET", "DT", "det", 3),
            _row("protest", "protest", "NOUN", "NN", "dobj", 1),
            _row("with", "with", "ADP", "IN", "prep", 1),
            _row("Albania", "Albania", "PROPN", "NNP", "pobj", 4),
            _row(".", ".", *P, 1)]
    [event] = code(parse(rows, ["B-GPE"] + ["O"] * 4 + ["B-GPE", "O"]), resolver)
    assert (event.event_type, event.cameo) == ("ACCUSE", "114")
    assert event.recipient[0].country == "ALB"


def test_object_words_pick_the_fixed_pair_rule(resolver):
    # "Egypt lifted a state of emergency." -> easing an emergency is a concession
    rows = [_row("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 1),
            _row("lifted", "lift", "VERB", "VBD", "ROOT", 1),
            _row("a", "a", "DET", "DT", "det", 3),
            _row("state", "state", "NOUN", "NN", "dobj", 1),
            _row("of", "of", "ADP", "IN", "prep", 3),
            _row("emergency", "emergency", "NOUN", "NN", "pobj", 4),
            _row(".", ".", *P, 1)]
    [event] = code(parse(rows, ["B-GPE"] + ["O"] * 6), resolver)
    assert (event.event_type, event.cameo) == ("CONCEDE", "0814")


def test_a_conjunct_inside_an_appeal_is_what_was_asked(resolver):
    # "Syria urged Arabs to unite and mobilize against Israel."
    rows = [_row("Syria", "Syria", "PROPN", "NNP", "nsubj", 1),
            _row("urged", "urge", "VERB", "VBD", "ROOT", 1),
            _row("Arabs", "Arabs", "PROPN", "NNPS", "dobj", 1),
            _row("to", "to", "PART", "TO", "aux", 4),
            _row("unite", "unite", "VERB", "VB", "xcomp", 1),
            _row("and", "and", "CCONJ", "CC", "cc", 4),
            _row("mobilize", "mobilize", "VERB", "VB", "conj", 4),
            _row("against", "against", "ADP", "IN", "prep", 6),
            _row("Israel", "Israel", "PROPN", "NNP", "pobj", 7),
            _row(".", ".", *P, 1)]
    ents = ["B-GPE", "O", "B-NORP"] + ["O"] * 5 + ["B-GPE", "O"]
    events = _by_trigger(code(parse(rows, ents), resolver))
    assert events["mobilize"].status == "hypothetical"
    assert events["urged"].confidence > events["mobilize"].confidence


def test_an_order_to_a_party_is_a_demand_and_an_order_to_stop_is_coercion(resolver):
    # "Egypt ordered Libya to appear." / "Egypt ordered Libya to stop."
    for verb, expected in (("appear", ("REQUEST", "100")), ("stop", ("COERCE", "172"))):
        rows = [_row("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 1),
                _row("ordered", "order", "VERB", "VBD", "ROOT", 1),
                _row("Libya", "Libya", "PROPN", "NNP", "dobj", 1),
                _row("to", "to", "PART", "TO", "aux", 4),
                _row(verb, verb, "VERB", "VB", "xcomp", 1),
                _row(".", ".", *P, 1)]
        events = _by_trigger(code(parse(rows, ["B-GPE", "O", "B-GPE", "O", "O", "O"]),
                                  resolver))
        assert (events["ordered"].event_type, events["ordered"].cameo) == expected
        assert events["ordered"].recipient[0].country == "LBY"


def test_an_ordered_action_is_coded_on_the_action(resolver):
    # "Egypt ordered the arrest of Libyan officials."
    rows = [_row("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 1),
            _row("ordered", "order", "VERB", "VBD", "ROOT", 1),
            _row("the", "the", "DET", "DT", "det", 3),
            _row("arrest", "arrest", "NOUN", "NN", "dobj", 1),
            _row("of", "of", "ADP", "IN", "prep", 3),
            _row("Libyan", "libyan", "ADJ", "JJ", "amod", 6),
            _row("officials", "official", "NOUN", "NNS", "pobj", 4),
            _row(".", ".", *P, 1)]
    [event] = code(parse(rows, ["B-GPE"] + ["O"] * 4 + ["B-NORP", "O", "O"]), resolver)
    assert (event.trigger.text, event.event_type) == ("arrest", "COERCE")
    assert event.actor[0].country == "EGY" and event.recipient[0].country == "LBY"


def test_an_arrest_without_agent_is_done_by_the_authorities_of_the_place(resolver):
    # "Canadian missionaries were arrested in Lebanon."
    rows = [_row("Canadian", "canadian", "ADJ", "JJ", "amod", 1),
            _row("missionaries", "missionary", "NOUN", "NNS", "nsubjpass", 3),
            _row("were", "be", "AUX", "VBD", "auxpass", 3),
            _row("arrested", "arrest", "VERB", "VBN", "ROOT", 3),
            _row("in", "in", "ADP", "IN", "prep", 3),
            _row("Lebanon", "Lebanon", "PROPN", "NNP", "pobj", 4),
            _row(".", ".", *P, 3)]
    [event] = code(parse(rows, ["B-NORP"] + ["O"] * 4 + ["B-GPE", "O"]), resolver)
    assert event.event_type == "COERCE"
    assert event.actor[0].country == "LBN" and event.recipient[0].country == "CAN"


def test_an_unclaimed_bombing_is_coded_to_the_country_where_it_happened(resolver):
    # "A bombing in Iraq killed two Egyptian soldiers."
    rows = [_row("A", "a", "DET", "DT", "det", 1),
            _row("bombing", "bombing", "NOUN", "NN", "nsubj", 4),
            _row("in", "in", "ADP", "IN", "prep", 1),
            _row("Iraq", "Iraq", "PROPN", "NNP", "pobj", 2),
            _row("killed", "kill", "VERB", "VBD", "ROOT", 4),
            _row("two", "two", "NUM", "CD", "nummod", 7),
            _row("Egyptian", "egyptian", "ADJ", "JJ", "amod", 7),
            _row("soldiers", "soldier", "NOUN", "NNS", "dobj", 4),
            _row(".", ".", *P, 4)]
    ents = ["O", "O", "O", "B-GPE", "O", "B-CARDINAL", "B-NORP", "O", "O"]
    events = _by_trigger(code(parse(rows, ents), resolver))
    killed = events["killed"]
    assert killed.actor[0].country == "IRQ" and killed.recipient[0].country == "EGY"


def test_put_under_investigation_in_a_country(resolver):
    # "An Egyptian diplomat was put under investigation in Italy."
    rows = [_row("An", "an", "DET", "DT", "det", 2),
            _row("Egyptian", "egyptian", "ADJ", "JJ", "amod", 2),
            _row("diplomat", "diplomat", "NOUN", "NN", "nsubjpass", 4),
            _row("was", "be", "AUX", "VBD", "auxpass", 4),
            _row("put", "put", "VERB", "VBN", "ROOT", 4),
            _row("under", "under", "ADP", "IN", "prep", 4),
            _row("investigation", "investigation", "NOUN", "NN", "pobj", 5),
            _row("in", "in", "ADP", "IN", "prep", 6),
            _row("Italy", "Italy", "PROPN", "NNP", "pobj", 7),
            _row(".", ".", *P, 4)]
    [event] = code(parse(rows, ["O", "B-NORP"] + ["O"] * 6 + ["B-GPE", "O"]), resolver)
    assert event.event_type == "ACCUSE"
    assert event.actor[0].country == "ITA" and event.recipient[0].country == "EGY"


def test_an_appeal_to_nobody_in_particular_to_act_against_a_target_rallies_opposition(
        resolver):
    # "Syria called on people to mobilize against Israel."
    rows = [_row("Syria", "Syria", "PROPN", "NNP", "nsubj", 1),
            _row("called", "call", "VERB", "VBD", "ROOT", 1),
            _row("on", "on", "ADP", "IN", "prep", 1),
            _row("people", "people", "NOUN", "NNS", "pobj", 2),
            _row("to", "to", "PART", "TO", "aux", 5),
            _row("mobilize", "mobilize", "VERB", "VB", "xcomp", 1),
            _row("against", "against", "ADP", "IN", "prep", 5),
            _row("Israel", "Israel", "PROPN", "NNP", "pobj", 6),
            _row(".", ".", *P, 1)]
    events = _by_trigger(code(parse(rows, ["B-GPE"] + ["O"] * 6 + ["B-GPE", "O"]), resolver))
    call = events["called"]
    assert (call.event_type, call.cameo) == ("ACCUSE", "113")
    assert [r.country for r in call.recipient] == ["ISR"]


def test_human_shields_and_war_games_through_their_complements(resolver):
    # "The Syrian army held Lebanese villagers as shields."
    rows = [_row("The", "the", "DET", "DT", "det", 2),
            _row("Syrian", "syrian", "ADJ", "JJ", "amod", 2),
            _row("army", "army", "NOUN", "NN", "nsubj", 3),
            _row("held", "hold", "VERB", "VBD", "ROOT", 3),
            _row("Lebanese", "lebanese", "ADJ", "JJ", "amod", 5),
            _row("villagers", "villager", "NOUN", "NNS", "dobj", 3),
            _row("as", "as", "ADP", "IN", "prep", 3),
            _row("shields", "shield", "NOUN", "NNS", "pobj", 6),
            _row(".", ".", *P, 3)]
    [event] = code(parse(rows, ["O", "B-NORP", "O", "O", "B-NORP", "O", "O", "O", "O"]),
                   resolver)
    assert (event.event_type, event.cameo) == ("COERCE", "184")
    # "Egyptian troops and Jordanian troops launched ten days of war games."
    rows = [_row("Egyptian", "egyptian", "ADJ", "JJ", "amod", 1),
            _row("troops", "troop", "NOUN", "NNS", "nsubj", 5),
            _row("and", "and", "CCONJ", "CC", "cc", 1),
            _row("Jordanian", "jordanian", "ADJ", "JJ", "amod", 4),
            _row("troops", "troop", "NOUN", "NNS", "conj", 1),
            _row("launched", "launch", "VERB", "VBD", "ROOT", 5),
            _row("ten", "ten", "NUM", "CD", "nummod", 7),
            _row("days", "day", "NOUN", "NNS", "dobj", 5),
            _row("of", "of", "ADP", "IN", "prep", 7),
            _row("war", "war", "NOUN", "NN", "compound", 10),
            _row("games", "game", "NOUN", "NNS", "pobj", 8),
            _row(".", ".", *P, 5)]
    ents = ["B-NORP", "O", "O", "B-NORP"] + ["O"] * 8
    [event] = code(parse(rows, ents), resolver)
    assert event.event_type == "COOPERATE" and event.reciprocal
    assert {a.country for a in event.actor} == {"EGY", "JOR"}


def test_match_reports_are_sport():
    report = ("The winger and the flanker were in fine form as the visitors won the game. "
              "A late penalty and some kicking from the fly-half sealed the win, and the "
              "coach praised the players' fitness after the round.")
    assert is_non_political(report)


def test_leisure_stories_keep_only_interactions_with_a_named_political_party():
    [event] = document().events  # a minister meeting a minister: kept
    assert keep_political([event]) == [event]
    city = ActorMention("Berlin", 0, 6, "Berlin", "DEU", "GOV", "DEU-GOV", kind="metonym")
    film = ActorMention("Hotel Rwanda", 14, 26, None, "RWA", None, "RWA-STATE",
                        kind="country")
    event.actor, event.recipient = [city], [film]  # "Berlin applauds Hotel Rwanda"
    assert keep_political([event]) == []
    event.actor, event.recipient = [document().events[0].actor[0]], []
    assert keep_political([event]) == []  # one side alone: commentary


def test_a_stative_passive_keeps_its_subject_as_actor(resolver):
    # "Vietnam is committed to reforms."
    rows = [_row("Vietnam", "Vietnam", "PROPN", "NNP", "nsubjpass", 2),
            _row("is", "be", "AUX", "VBZ", "auxpass", 2),
            _row("committed", "commit", "VERB", "VBN", "ROOT", 2),
            _row("to", "to", "ADP", "IN", "prep", 2),
            _row("reforms", "reform", "NOUN", "NNS", "pobj", 3),
            _row(".", ".", *P, 2)]
    [event] = code(parse(rows, ["B-GPE"] + ["O"] * 5), resolver)
    assert event.event_type == "AGREE"
    assert [a.country for a in event.actor] == ["VNM"] and event.recipient == []


def test_police_firing_on_an_unnamed_crowd_targets_their_own_population(resolver):
    # "Egyptian police opened fire."
    rows = [_row("Egyptian", "egyptian", "ADJ", "JJ", "amod", 1),
            _row("police", "police", "NOUN", "NNS", "nsubj", 2),
            _row("opened", "open", "VERB", "VBD", "ROOT", 2),
            _row("fire", "fire", "NOUN", "NN", "dobj", 2),
            _row(".", ".", *P, 2)]
    [event] = code(parse(rows, ["B-NORP"] + ["O"] * 4), resolver)
    assert event.event_type == "ASSAULT"
    assert [(r.country, r.sector, r.kind) for r in event.recipient] == [
        ("EGY", "CVL", "implicit")]


def test_leaving_verbs_target_the_place_left_and_purposes_name_the_recipient(resolver):
    # "Syria withdrew troops from Lebanon." / "Russia deployed troops to protect Armenia."
    rows = [_row("Syria", "Syria", "PROPN", "NNP", "nsubj", 1),
            _row("withdrew", "withdraw", "VERB", "VBD", "ROOT", 1),
            _row("troops", "troop", "NOUN", "NNS", "dobj", 1),
            _row("from", "from", "ADP", "IN", "prep", 1),
            _row("Lebanon", "Lebanon", "PROPN", "NNP", "pobj", 3),
            _row(".", ".", *P, 1)]
    [event] = code(parse(rows, ["B-GPE", "O", "O", "O", "B-GPE", "O"]), resolver)
    assert event.event_type == "RETREAT" and event.recipient[0].country == "LBN"
    rows = [_row("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
            _row("deployed", "deploy", "VERB", "VBD", "ROOT", 1),
            _row("troops", "troop", "NOUN", "NNS", "dobj", 1),
            _row("to", "to", "PART", "TO", "aux", 4),
            _row("protect", "protect", "VERB", "VB", "advcl", 1),
            _row("Armenia", "Armenia", "PROPN", "NNP", "dobj", 4),
            _row(".", ".", *P, 1)]
    events = _by_trigger(code(parse(rows, ["B-GPE", "O", "O", "O", "O", "B-GPE", "O"]),
                              resolver))
    assert events["deployed"].recipient[0].country == "ARM"


def test_a_journey_takes_place_where_it_goes(resolver):
    # "Putin traveled to Minsk."
    rows = [_row("Putin", "Putin", "PROPN", "NNP", "nsubj", 1),
            _row("traveled", "travel", "VERB", "VBD", "ROOT", 1),
            _row("to", "to", "ADP", "IN", "prep", 1),
            _row("Minsk", "Minsk", "PROPN", "NNP", "pobj", 2),
            _row(".", ".", *P, 1)]
    doc = parse(rows, ["B-PERSON", "O", "O", "B-GPE", "O"])
    [event] = code(doc, resolver)
    assert any(doc.text[s:e] == "Minsk" for s, e in event.place_hints)
