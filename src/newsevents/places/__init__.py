"""Places: the offline gazetteer and the geoparser that uses it."""

from newsevents.places.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from newsevents.places.geoparse import (
    attach_locations,
    find_places,
    resolve_name,
)

__all__ = ["Gazetteer", "GazetteerEntry", "attach_locations", "find_places",
           "load_gazetteer", "resolve_name"]
