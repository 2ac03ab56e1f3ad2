"""Orders: "X ordered Y to do Z", "X ordered the arrest of Y".

An order that names an action as its object ("ordered the arrest", "ordered patrols") is
coded as that action, done by whoever ordered it: the verb yields to the noun. An order to
a party is a demand on that party (CAMEO 100, PLOVER REQUEST), except an order to stop,
close or leave, which forces the party to cease what it does: coercion by administrative
means (CAMEO 172, PLOVER COERCE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.ontology import cameo_code
from newsevents.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

COMMAND_LEMMAS = frozenset({"order", "command", "authorize", "authorise", "instruct"})
_CEASING_LEMMAS = frozenset({"suspend", "stop", "close", "halt", "cease", "leave", "vacate",
                             "shut", "disband", "dissolve", "quit", "abandon", "end"})
_COERCE_CODE = "172"


def is_command(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in COMMAND_LEMMAS


def orders_an_action(token: Token, is_trigger: dict[int, bool]) -> bool:
    """"ordered the arrest of X": the object is itself an event; code the object."""
    return is_command(token) and any(
        c.dep_ == "dobj" and is_trigger.get(c.i, False) for c in token.children)


def retype_order(event: Event, token: Token) -> None:
    """An order to cease an activity is coercion, not a request."""
    if not is_command(token) or event.event_type != "REQUEST":
        return
    ordered = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    if not any(c.lemma_.lower() in _CEASING_LEMMAS for c in ordered):
        return
    code = cameo_code(_COERCE_CODE)
    event.event_type, event.cameo, event.mode = "COERCE", _COERCE_CODE, "restrict"
    event.quad_class, event.goldstein = code.quad_class, code.goldstein
    event.why += "; an order to cease an activity is coercion -> COERCE/172"
