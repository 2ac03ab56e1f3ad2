"""Event coding on hand-built spaCy Docs: no model, exact parses, exact expectations."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.mentions import find_actor_mentions
from newsevents.actors.resolver import ActorResolver
from newsevents.events.coder import code_events
from newsevents.events.lexicon import load_lexicon
from newsevents.events.relevance import is_non_political
from newsevents.events.status import event_status

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple], ents: list[str] | None = None) -> Doc:
    """rows: (word, lemma, pos, tag, dep, head index)."""
    words, lemmas, pos, tags, deps, heads = zip(*rows, strict=True)
    return Doc(VOCAB, words=list(words), lemmas=list(lemmas), pos=list(pos), tags=list(tags),
               deps=list(deps), heads=list(heads), ents=ents or ["O"] * len(rows),
               sent_starts=[True] + [False] * (len(rows) - 1))


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(KnowledgeBase.load())


def code(doc, resolver):
    actors = find_actor_mentions(doc, resolver)
    return code_events(doc, actors, load_lexicon(), "doc_test")


# "Turkish President Recep Tayyip Erdogan met Greek Prime Minister Kyriakos Mitsotakis in
#  Ankara."  Heads are absolute token indices.
MEETING = [
    ("Turkish", "turkish", "ADJ", "JJ", "amod", 4),
    ("President", "President", "PROPN", "NNP", "compound", 4),
    ("Recep", "Recep", "PROPN", "NNP", "compound", 4),
    ("Tayyip", "Tayyip", "PROPN", "NNP", "compound", 4),
    ("Erdogan", "Erdogan", "PROPN", "NNP", "nsubj", 5),
    ("met", "meet", "VERB", "VBD", "ROOT", 5),
    ("Greek", "greek", "ADJ", "JJ", "amod", 10),
    ("Prime", "Prime", "PROPN", "NNP", "compound", 8),
    ("Minister", "Minister", "PROPN", "NNP", "compound", 10),
    ("Kyriakos", "Kyriakos", "PROPN", "NNP", "compound", 10),
    ("Mitsotakis", "Mitsotakis", "PROPN", "NNP", "dobj", 5),
    ("in", "in", "ADP", "IN", "prep", 5),
    ("Ankara", "Ankara", "PROPN", "NNP", "pobj", 11),
    (".", ".", "PUNCT", ".", "punct", 5),
]
MEETING_ENTS = ["B-NORP", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-NORP", "O", "O",
                "B-PERSON", "I-PERSON", "O", "B-GPE", "O"]


def test_meeting_actor_recipient_and_provenance(resolver):
    doc = parse(MEETING, MEETING_ENTS)
    [event] = code(doc, resolver)
    assert (event.event_type, event.cameo, event.status) == ("CONSULT", "040", "asserted")
    assert [(a.country, a.sector) for a in event.actor] == [("TUR", "GOV")]
    assert [(r.country, r.sector) for r in event.recipient] == [("GRC", "GOV")]
    assert doc.text[event.trigger.start:event.trigger.end] == "met"
    assert event.place_hints and "Ankara" in doc.text[slice(*event.place_hints[0])]
    assert "nsubj" in event.why and "dobj" in event.why


def test_status_future_negated_hypothetical(resolver):
    # "Egypt will sanction Libya." / "Egypt did not attack Libya." / "Egypt could attack Libya."
    cases = {
        "future": [("will", "will", "AUX", "MD", "aux", 2), ("sanction", "sanction", "VERB",
                   "VB", "ROOT", 2)],
        "negated": [("did", "do", "AUX", "VBD", "aux", 3), ("not", "not", "PART", "RB", "neg",
                    3), ("attack", "attack", "VERB", "VB", "ROOT", 3)],
        "hypothetical": [("could", "could", "AUX", "MD", "aux", 2), ("attack", "attack",
                         "VERB", "VB", "ROOT", 2)],
    }
    for expected, verb_rows in cases.items():
        root = len(verb_rows)
        rows = [("Egypt", "Egypt", "PROPN", "NNP", "nsubj", root), *verb_rows,
                ("Libya", "Libya", "PROPN", "NNP", "dobj", root),
                (".", ".", "PUNCT", ".", "punct", root)]
        doc = parse(rows, ["B-GPE"] + ["O"] * len(verb_rows) + ["B-GPE", "O"])
        trigger = doc[root]
        assert event_status(trigger) == expected, expected
        events = code(doc, resolver)
        assert events and events[0].actor[0].country == "EGY"
        assert events[0].recipient[0].country == "LBY"


def test_future_sanction_is_a_threat_and_refusal_a_rejection(resolver):
    rows = [("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 2), ("will", "will", "AUX", "MD",
            "aux", 2), ("sanction", "sanction", "VERB", "VB", "ROOT", 2),
            ("Libya", "Libya", "PROPN", "NNP", "dobj", 2), (".", ".", "PUNCT", ".", "punct", 2)]
    [event] = code(parse(rows, ["B-GPE", "O", "O", "B-GPE", "O"]), resolver)
    assert (event.event_type, event.status, event.mode) == ("THREATEN", "future", "sanction")
    assert event.cameo.startswith("13")
    rows = [("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 3), ("did", "do", "AUX", "VBD", "aux",
            3), ("not", "not", "PART", "RB", "neg", 3), ("accept", "accept", "VERB", "VB",
            "ROOT", 3), ("refugees", "refugee", "NOUN", "NNS", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 3)]
    [event] = code(parse(rows, ["B-GPE"] + ["O"] * 5), resolver)
    assert (event.event_type, event.status) == ("REJECT", "asserted")


def test_coordinated_subjects_are_reciprocal(resolver):
    # "Chile and Peru signed an accord."
    rows = [("Chile", "Chile", "PROPN", "NNP", "nsubj", 3), ("and", "and", "CCONJ", "CC", "cc",
            0), ("Peru", "Peru", "PROPN", "NNP", "conj", 0), ("signed", "sign", "VERB", "VBD",
            "ROOT", 3), ("an", "an", "DET", "DT", "det", 5), ("accord", "accord", "NOUN", "NN",
            "dobj", 3), (".", ".", "PUNCT", ".", "punct", 3)]
    doc = parse(rows, ["B-GPE", "O", "B-GPE", "O", "O", "O", "O"])
    [event] = code(doc, resolver)
    assert event.event_type == "SUPPORT" and event.cameo == "057" and event.reciprocal
    assert {a.country for a in event.actor} == {r.country for r in event.recipient} == {
        "CHL", "PER"}


def test_no_event_without_an_actor(resolver):
    # "The treaty was signed." — nobody known signed it.
    rows = [("The", "the", "DET", "DT", "det", 1), ("treaty", "treaty", "NOUN", "NN",
            "nsubjpass", 3), ("was", "be", "AUX", "VBD", "auxpass", 3), ("signed", "sign",
            "VERB", "VBN", "ROOT", 3), (".", ".", "PUNCT", ".", "punct", 3)]
    assert code(parse(rows), resolver) == []


def test_sport_and_entertainment_are_not_political():
    sport = ("The striker scored twice as the champions won the cup final. The coach said "
             "the team and the players had a great season in the league before the final.")
    film = ("The film topped the box office as the actress won an award. The director said "
            "the album and the concert tour would follow the premiere of the series.")
    politics = ("The government said the minister would meet opposition leaders after the "
                "election, as protesters and police clashed outside parliament.")
    assert is_non_political(sport) and is_non_political(film)
    assert not is_non_political(politics)
