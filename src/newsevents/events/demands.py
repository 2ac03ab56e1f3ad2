"""Demands voiced as reported obligations: "Russia said Sudan must return the helicopter".

A clause with "must", "should" or "has to" reported by a speech verb is a demand by the
speaker on the clause's subject (PLOVER REQUEST, CAMEO 100 "demand"), whether or not the
demanded action is itself in the trigger lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.actors.mentions import DocumentActors
from newsevents.events.ontology import cameo_code
from newsevents.events.roles import subject_actors
from newsevents.records import Event, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPEECH_VERBS = {"say", "tell", "announce", "state", "insist", "declare", "conclude",
                "add", "stress", "argue", "write", "warn", "reiterate", "note", "repeat"}
_OBLIGATION = {"must", "should", "ought"}
_DEMAND_CODE = "100"


def obligation_demands(doc_id: str, sentence_index: int, sentence: Span,
                       actors: DocumentActors,
                       text: tuple[str, int, int]) -> list[tuple[Token, Event]]:
    """REQUEST events for reported obligations in ``sentence``, each with the verb of the
    demanded clause (an event on that verb is what is demanded, not what happened)."""
    events = []
    for token in sentence:
        modal = _obligation_modal(token)
        if modal is None or token.dep_ != "ccomp":
            continue
        speech = token.head
        if speech.lemma_.lower() not in SPEECH_VERBS:
            continue
        speaker = subject_actors(speech, actors)
        target = subject_actors(token, actors)
        if not speaker or not target:
            continue
        code = cameo_code(_DEMAND_CODE)
        events.append((token, Event(
            doc_id=doc_id, event_type="REQUEST", mode="demand", context=[],
            cameo=_DEMAND_CODE, quad_class=code.quad_class, goldstein=code.goldstein,
            status="asserted", actor=speaker, recipient=target, text=text[0],
            sentence_index=sentence_index, start=text[1], end=text[2],
            trigger=Trigger(modal.text, modal.idx, modal.idx + len(modal.text), "must"),
            confidence=0.8,
            why=(f"'{speech.lemma_}' reporting '{modal.text} {token.lemma_}': a demand by "
                 "the speaker on the clause's subject -> REQUEST/100"),
        )))
    return events


def _obligation_modal(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in _OBLIGATION:
            return child
    return None
