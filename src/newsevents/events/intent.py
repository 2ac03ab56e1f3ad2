"""Statements of intent and events inside other events.

CAMEO and PLOVER code what an actor *says it will do* as the commitment, not the action:
"Finland will give Tanzania a grant" is an expression of intent to provide aid (CAMEO 033,
PLOVER AGREE), "farmers said they would blockade Paris" a threat (CAMEO 133, THREATEN).
The underlying action stays visible in ``mode`` and ``why``.

An event whose trigger sits inside the clause of another event's trigger ("offered to hand
over", "urged X to support", "refused to meet") is the content of that event: it did not
(yet) happen, so its status follows the governing event and its confidence drops, which
makes the governing event the sentence's main event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.ontology import cameo_code
from newsevents.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# PLOVER type of a future action -> (new type, CAMEO code of the intent).
INTENT_CODES: dict[str, tuple[str, str]] = {
    "CONSULT": ("AGREE", "036"),
    "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"),
    "SUPPORT": ("AGREE", "032"),
    "CONCEDE": ("AGREE", "035"),
    "RETREAT": ("AGREE", "035"),
    "PROTEST": ("THREATEN", "133"),
    "SANCTION": ("THREATEN", "1312"),
    "COERCE": ("THREATEN", "137"),
    "ASSAULT": ("THREATEN", "138"),
    "MOBILIZE": ("THREATEN", "138"),
}

# Status an embedded event takes from the type of the event that governs it.
_EMBEDDED_STATUS = {"AGREE": "future", "REQUEST": "hypothetical", "THREATEN": "hypothetical",
                    "REJECT": "negated"}
_EMBEDDED_PENALTY = 0.15


def recode_intent(event: Event) -> None:
    """A future cooperative or conflictual action becomes the intent to do it."""
    if event.status != "future" or event.event_type not in INTENT_CODES:
        return
    new_type, code = INTENT_CODES[event.event_type]
    intent = cameo_code(code)
    event.why += (f"; future {event.event_type} coded as intent {new_type}/{code} "
                  "(CAMEO/PLOVER code stated intentions as the commitment)")
    event.mode = event.event_type.lower()
    event.event_type, event.cameo = new_type, code
    event.quad_class, event.goldstein = intent.quad_class, intent.goldstein


def settle_embedded(events: list[tuple[Token, Event]]) -> None:
    """Lower embedded events below the event whose clause contains them."""
    by_token = {token.i: event for token, event in events}
    for token, event in events:
        governor = _governing_event(token, by_token)
        if governor is None:
            continue
        if event.status == "asserted":
            event.status = _EMBEDDED_STATUS.get(governor.event_type, event.status)
        event.confidence = round(max(0.05, event.confidence - _EMBEDDED_PENALTY), 2)
        event.why += f"; inside {governor.event_type} '{governor.trigger.text}'"


def _governing_event(token: Token, by_token: dict[int, Event]) -> Event | None:
    node = token
    for _ in range(4):
        if node.head is node or node.dep_ in ("conj", "ROOT"):
            return None
        node = node.head
        if node.i in by_token:
            return by_token[node.i]
    return None
