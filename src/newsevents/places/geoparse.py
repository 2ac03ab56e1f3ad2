"""Geoparsing: toponyms in a parsed document resolved to places, and events located.

Finding is :mod:`toponyms`' job, choosing among namesakes :mod:`resolution`'s; this module
puts them together with the context a pipeline knows (the dateline, the countries of
resolved actors) and turns the choices into :class:`Place` records.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsevents.language_model import document_text
from newsevents.places.gazetteer import Gazetteer, GazetteerEntry
from newsevents.places.resolution import Context, best, resolve_toponyms
from newsevents.places.streets import locate_streets, street_spans
from newsevents.places.toponyms import find_toponyms, lookup
from newsevents.records import Dateline, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Place.feature values: the record's vocabulary, coarser than the gazetteer's.
_FEATURES = {"city": "city", "country": "country", "admin1": "admin", "admin2": "admin",
             "region": "region", "water": "region", "landmark": "landmark"}


def find_places(doc: Doc, gazetteer: Gazetteer, dateline: Dateline | None = None,
                context_countries: Iterable[str] | None = None) -> list[Place]:
    """Resolved toponyms of ``doc`` in text order (unresolvable names are left out); the
    dateline place first, marked ``feature="dateline"``; streets located by their town."""
    toponyms, demonyms = find_toponyms(doc, gazetteer)
    given = Context(Counter(context_countries or ()))
    given.countries.update(d.country for d in demonyms)
    places: list[Place] = []
    if dateline is not None and dateline.place:
        found = lookup(dateline.place, dateline.start, gazetteer)
        resolved = best(found.candidates, given) if found else None
        if found is not None and resolved is not None:
            given.add(resolved, 2)
            places.append(_place(found.text, found.start, found.end, resolved, "dateline"))
    choices = resolve_toponyms(toponyms, given)
    chosen = [c for c in choices if c is not None]
    for toponym, choice in zip(toponyms, choices, strict=True):
        if choice is not None:
            entry = _with_point(choice, chosen, gazetteer)
            places.append(_place(toponym.text, toponym.start, toponym.end, entry,
                                 _FEATURES.get(entry.feature, "city")))
    text = document_text(doc)
    streets = [(s, e) for s, e in street_spans(text)
               if not any(p.start < e and s < p.end for p in places)]
    places += locate_streets(text, streets, places)
    places.sort(key=lambda p: (p.feature != "dateline", p.start))
    return places


def resolve_name(name: str, gazetteer: Gazetteer,
                 countries: Iterable[str]) -> GazetteerEntry | None:
    """The place ``name`` most likely means in a document about ``countries``."""
    found = lookup(name, 0, gazetteer)
    return best(found.candidates, Context(Counter(countries))) if found else None


# A town must be at least this big to place an actor by itself: "protesters in Turin"
# are Italian, but a bare name shared with hamlets says too little.
_LOCATING_POPULATION = 15_000
_LOCATING_FEATURES = frozenset({"country", "admin1", "region", "water", "landmark"})


def country_of_place(name: str, gazetteer: Gazetteer, countries: Iterable[str]) -> str | None:
    """ISO3 of the country where the place ``name`` most likely is, in a document about
    ``countries``; None for unknown or small places."""
    entry = resolve_name(name, gazetteer, countries)
    if entry is None or (entry.feature not in _LOCATING_FEATURES
                         and entry.population < _LOCATING_POPULATION):
        return None
    return entry.country


def _with_point(entry: GazetteerEntry, chosen: list[GazetteerEntry],
                gazetteer: Gazetteer) -> GazetteerEntry:
    """Counties have no coordinates of their own: local news names a county together with
    its towns, so take the document's most mentioned town in the same state, else the
    state."""
    if entry.lat is not None or entry.admin1 is None:
        return entry
    towns = Counter(c.key for c in chosen if c.feature == "city" and c.admin1 == entry.admin1)
    if towns:
        top = towns.most_common(1)[0][0]
        point = next(c for c in chosen if c.key == top)
    else:
        point = gazetteer.admin1(entry.admin1)
    if point is None:
        return entry
    return dataclasses.replace(entry, lat=point.lat, lon=point.lon)


def _place(text: str, start: int, end: int, entry: GazetteerEntry, feature: str) -> Place:
    return Place(text=text, start=start, end=end, name=entry.name, country=entry.country,
                 lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid, feature=feature,
                 admin1=entry.admin1)


def attach_locations(events: list[Event], places: list[Place]) -> None:
    """Locate each event: a place its own clause names ("met in Astana"), else the
    dateline, else a city in its sentence, else a landmark or any other place in its
    sentence, else the document's most mentioned city. A landmark ("the Akorda
    residence") is the most precise place but the least recognisable, so the city around
    it wins when the text gives one."""
    dateline = next((p for p in places if p.feature == "dateline"), None)
    cities = [p for p in places if p.feature == "city"]
    focus = None
    if cities:
        top = Counter(p.geonameid for p in cities).most_common(1)[0][0]
        focus = next(p for p in cities if p.geonameid == top)
    for event in events:
        inside = [p for p in places if event.start <= p.start and p.end <= event.end
                  and p.feature not in ("dateline", "street")]
        hinted = [p for p in inside if p.feature != "landmark" and any(
            s <= p.start and p.end <= e for s, e in event.place_hints)]
        in_city = [p for p in inside if p.feature == "city"]
        candidates = [*hinted[:1], dateline, *in_city[:1], *inside[:1], focus]
        event.location = next((c for c in candidates if c is not None), None)
