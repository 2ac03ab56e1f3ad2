"""Streets, roads and highways, located by the town the text puts them in.

Local news names streets as often as towns ("of 420 Augusta St., Alexandria", "a crash on
Highway 19", "a youth club in Newmarket Road, Cambridge"). The offline gazetteer has no
streets, but the text almost always says which town a street is in: a town right after it,
else the town the story is about. A street therefore becomes a place with that town's
coordinates, country and first-level area, ``feature="street"`` and no GeoNames id of its
own — precise to the town, which is what a map of news events can honestly show. Streets
never locate an event on their own (the town does that better).
"""

from __future__ import annotations

import re
from collections import Counter

from newsevents.records import Place

# One to three capitalised words and a street word, or a numbered road. A capitalised
# word after it means a longer name ("Wall Street Journal", "Main Street Bank").
_STREET = re.compile(
    r"\b((?:[A-Z](?:[\w'’-]*|[a-z]?\.)\s){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Drive|"
    r"Boulevard|"
    r"Blvd\.|Lane|Parkway|Pkwy\.|Highway|Pike|Trail)"
    r"|(?:Highway|Route|Interstate|State Route|County Road) \d+)(?!\w)(?!\s+[A-Z])")
_OPENERS = {"the", "a", "an", "on", "in", "at", "of", "and", "from", "to", "near", "by",
            "between", "along", "off"}
_TOWN_WINDOW = 40  # characters after a street in which a town is taken as its container


def street_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of street names, sentence openers ("The", "On") left out."""
    spans = []
    for match in _STREET.finditer(text):
        start, name = match.start(1), match[1]
        first = name.split()[0]
        while first.lower() in _OPENERS and " " in name:
            name = name[len(first):].lstrip()
            start = match.end(1) - len(name)
            first = name.split()[0]
        if name.split()[0].lower() not in _OPENERS:
            spans.append((start, match.end(1)))
    return spans


def locate_streets(text: str, spans: list[tuple[int, int]], places: list[Place]) -> list[Place]:
    """A place per street span that has a town: the town starting within a few words
    after it ("Newmarket Road, Cambridge"), else the document's most mentioned town."""
    towns = [p for p in places if p.feature == "city" and p.lat is not None]
    if not towns:
        return []
    counts = Counter(p.geonameid or p.name for p in towns)
    focus = max(towns, key=lambda p: counts[p.geonameid or p.name])
    located = []
    for start, end in spans:
        near = next((p for p in towns if end <= p.start <= end + _TOWN_WINDOW
                     and not re.search(r"[.;!?]", text[end:p.start])), None)
        town = near or focus
        located.append(Place(text=text[start:end], start=start, end=end, name=text[start:end],
                             country=town.country, lat=town.lat, lon=town.lon, geonameid=None,
                             feature="street", admin1=town.admin1))
    return located
