"""Events: the PLOVER/CAMEO ontology, the trigger lexicon, roles, status and the coder."""

from newsevents.events.coder import code_events
from newsevents.events.lexicon import Lexicon, load_lexicon
from newsevents.events.ontology import PLOVER_TYPES, cameo_code, canonical_plover_type

__all__ = ["PLOVER_TYPES", "Lexicon", "cameo_code", "canonical_plover_type", "code_events",
           "load_lexicon"]
