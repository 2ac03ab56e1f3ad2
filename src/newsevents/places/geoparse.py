"""Geoparsing: toponyms in a parsed document, resolved with document context.

Toponyms are the model's GPE/LOC/FAC entities plus the dateline place. A name is resolved
to the candidate that best fits the document: a place in a country the document already
mentions beats a bigger namesake elsewhere; otherwise the most populous wins. Countries
named in the text resolve to the country itself.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsevents.places.gazetteer import Gazetteer, GazetteerEntry
from newsevents.records import Dateline, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TOPONYM_LABELS = {"GPE", "LOC", "FAC"}


def find_places(doc: Doc, gazetteer: Gazetteer, dateline: Dateline | None = None,
                context_countries: set[str] | None = None) -> list[Place]:
    """Resolved toponyms of ``doc`` in text order (unresolvable names are left out)."""
    spans = [(ent.text, ent.start_char, ent.end_char) for ent in doc.ents
             if ent.label_ in _TOPONYM_LABELS]
    countries = set(context_countries or ())
    for text, _, _ in spans:
        for candidate in gazetteer.candidates(_strip_article(text))[:1]:
            if candidate.feature == "country" and candidate.country:
                countries.add(candidate.country)
    places: list[Place] = []
    if dateline is not None and dateline.place:
        resolved = resolve_name(dateline.place, gazetteer, countries)
        if resolved is not None:
            places.append(_place(dateline.place, dateline.start,
                                 dateline.start + len(dateline.place), resolved, "dateline"))
            if resolved.country:
                countries.add(resolved.country)
    for text, start, _ in spans:
        name = _strip_article(text)
        resolved = resolve_name(name, gazetteer, countries)
        if resolved is not None:
            offset = text.find(name)
            places.append(_place(name, start + offset, start + offset + len(name), resolved,
                                 resolved.feature))
    return places


def resolve_name(name: str, gazetteer: Gazetteer,
                 countries: set[str]) -> GazetteerEntry | None:
    candidates = gazetteer.candidates(name)
    if not candidates:
        return None
    if candidates[0].feature == "country":
        return candidates[0]
    in_context = [c for c in candidates if c.country in countries]
    return (in_context or candidates)[0]


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _place(text: str, start: int, end: int, entry: GazetteerEntry, feature: str) -> Place:
    return Place(text=text, start=start, end=end, name=entry.name, country=entry.country,
                 lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid, feature=feature)


def attach_locations(events: list[Event], places: list[Place]) -> None:
    """Locate each event: a place its own clause names ("met in Astana"), else the
    dateline, else a city in its sentence, else a country in its sentence, else the
    document's most mentioned city."""
    dateline = next((p for p in places if p.feature == "dateline"), None)
    cities = [p for p in places if p.feature == "city"]
    focus = None
    if cities:
        top = Counter(p.geonameid for p in cities).most_common(1)[0][0]
        focus = next(p for p in cities if p.geonameid == top)
    for event in events:
        inside = [p for p in places if event.start <= p.start and p.end <= event.end
                  and p.feature != "dateline"]
        hinted = [p for p in inside if any(s <= p.start and p.end <= e
                                           for s, e in event.place_hints)]
        in_city = [p for p in inside if p.feature == "city"]
        candidates = [*hinted[:1], dateline, *in_city[:1], *inside[:1], focus]
        event.location = next((c for c in candidates if c is not None), None)
