"""What an action is done to can change its type.

The trigger lexicon codes a verb by its usual sense; two distinctions CAMEO and PLOVER draw
depend on the object instead:

- blowing up, burning or demolishing *property* (power lines, bridges, homes) is
  destruction of property (CAMEO 1712, PLOVER COERCE), not an assault on people;
- troops that arrive or are deployed *as peacekeepers* provide military protection
  (CAMEO 074, PLOVER AID), not a visit or a mobilisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.ontology import cameo_code
from newsevents.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

PROPERTY_NOUNS = frozenset(
    "line lines pipeline pipelines bridge bridges building buildings house houses home homes "
    "office offices property properties road roads railway railways rail tower towers "
    "station stations plant plants factory factories warehouse warehouses crop crops "
    "field fields shop shops store stores church churches mosque mosques temple temples "
    "school schools vehicle vehicles car cars truck trucks bus buses dam dams "
    "infrastructure facility facilities installation installations well wells".split())
_DESTRUCTION_LEMMAS = frozenset({"blow", "bomb", "destroy", "burn", "torch", "demolish",
                                 "raze", "sabotage", "bulldoze", "dynamite"})
_DESTROY_PROPERTY = "1712"
_PEACEKEEPING = "074"
_DEPLOYMENT_TYPES = frozenset({"CONSULT", "MOBILIZE"})


def retype_by_object(event: Event, trigger: Token) -> None:
    """Recode ``event`` when its object makes it property destruction or peacekeeping."""
    if (event.event_type == "ASSAULT" and trigger.lemma_.lower() in _DESTRUCTION_LEMMAS
            and _destroys_property(trigger)):
        _retype(event, "COERCE", _DESTROY_PROPERTY, "destroy",
                "the object is property, not people: destruction of property")
    elif event.event_type in _DEPLOYMENT_TYPES and _peacekeepers(trigger, event):
        _retype(event, "AID", _PEACEKEEPING, "peacekeeping",
                "the troops are peacekeepers: military protection")


def _destroys_property(trigger: Token) -> bool:
    """Every direct object is a thing ("blew up three power lines"); a place it stands in
    may still be the recipient ("leading into Kabul")."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in PROPERTY_NOUNS for o in objects)


def _peacekeepers(trigger: Token, event: Event) -> bool:
    if event.mode not in ("visit", "troops"):
        return False
    texts = [a.text for a in event.actor]
    texts += [c.text for c in trigger.subtree if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    return any("peacekeep" in t.lower() for t in texts)


def _retype(event: Event, event_type: str, code: str, mode: str, reason: str) -> None:
    cameo = cameo_code(code)
    event.event_type, event.cameo, event.mode = event_type, code, mode
    event.quad_class, event.goldstein = cameo.quad_class, cameo.goldstein
    event.why += f"; {reason} -> {event_type}/{code}"
