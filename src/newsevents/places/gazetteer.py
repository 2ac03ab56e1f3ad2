"""The offline gazetteer: name -> candidate places, from the index ``gazetteer_index`` builds.

Why a query object over SQLite rather than dicts in memory: the index holds every
populated place down to ~500 people with its Latin-script alternate names, countries,
US states and counties, and hand-listed regions, water bodies and landmarks; a process
needs only the few hundred names its documents mention. Lookups are cached per name.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import KnowledgeBaseError
from newsevents.places.gazetteer_index import (
    ABBREVIATION,
    MAIN,
    abbreviation_key,
    ensure_index,
)
from newsevents.places.names import loose_key, name_key

_MAX_CANDIDATES = 40
_MAX_CACHED_NAMES = 20_000  # a long run forgets and re-reads (one indexed query), never bloats
_COLUMNS = ("p.id, p.name, p.country, p.lat, p.lon, p.population, p.feature, p.admin1, "
            "p.capital")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place. ``geonameid`` is None for the project's own entries (regions, counties);
    ``main_name`` says whether the looked-up name is the place's own name rather than an
    alternate one ("Washington" is the state's name and an alias of the capital)."""

    geonameid: int | None
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int
    feature: str  # country | admin1 | admin2 | city | region | water | landmark
    admin1: str | None = None  # GeoNames admin1 code, "US.KY", "KZ.05"
    capital: bool = False  # a national capital
    main_name: bool = True
    key: int = 0  # row id in the index: identity even without a geonameid


class Gazetteer:
    """Read-only queries on the index file; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        try:
            self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                               check_same_thread=False)
            self._size = self._connection.execute("SELECT count(*) FROM places").fetchone()[0]
        except sqlite3.Error as exc:
            raise KnowledgeBaseError(f"cannot open the gazetteer index {path}: {exc}",
                                     hint="delete the file; it is rebuilt on next use") from exc
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], list[GazetteerEntry]] = {}

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Places called ``name`` (its own name or an alternate), most populous first.
        A dotted abbreviation ("W.Va.", "La.") is also looked up as one."""
        found = self._lookup("key", name_key(name))
        if "." in name:
            found = self._lookup("key", abbreviation_key(name.strip())) + found
        return found

    def loose_candidates(self, name: str) -> list[GazetteerEntry]:
        """Places whose name matches up to transliteration ("Burabai" -> Būrabay)."""
        key = name_key(name)
        return self._lookup("loose", loose_key(key)) if len(key) >= 5 else []

    def demonym(self, text: str) -> str | None:
        """ISO3 of a nationality adjective ("Kazakh" -> KAZ): context, not a place."""
        row = self._query("SELECT country FROM demonyms WHERE key = ?", (name_key(text),))
        return row[0][0] if row else None

    def admin1(self, code: str) -> GazetteerEntry | None:
        """The first-level area with GeoNames code ``code``, where the index has it."""
        rows = self._query(f"SELECT {_COLUMNS}, 0 FROM places p WHERE p.admin1 = ? AND "
                           "p.feature = 'admin1'", (code,))
        return _entry(rows[0]) if rows else None

    def __len__(self) -> int:
        return self._size

    def _lookup(self, column: str, key: str) -> list[GazetteerEntry]:
        if not key:
            return []
        cached = self._cache.get((column, key))
        if cached is None:
            # areas, regions and countries first, so that forty namesake towns
            # ("Victoria") never crowd out the state; then most populous first
            rows = self._query(
                f"SELECT {_COLUMNS}, min(n.kind) FROM names n JOIN places p ON p.id = n.place "
                f"WHERE n.{column} = ? GROUP BY p.id "
                "ORDER BY p.feature = 'city', p.population DESC LIMIT ?",
                (key, _MAX_CANDIDATES))
            rows.sort(key=lambda row: -row[5])
            if len(self._cache) >= _MAX_CACHED_NAMES:
                self._cache.clear()
            cached = self._cache[(column, key)] = [_entry(r) for r in rows]
        return cached

    def _query(self, sql: str, parameters: tuple) -> list[tuple]:
        try:
            with self._lock:
                return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            raise KnowledgeBaseError(f"gazetteer query failed: {exc}",
                                     hint="delete the index file; it is rebuilt on next use"
                                     ) from exc


def _entry(row: tuple) -> GazetteerEntry:
    key, name, country, lat, lon, population, feature, admin1, capital, kind = row
    return GazetteerEntry(key if key > 0 else None, name, country, lat, lon, population,
                          feature, admin1, bool(capital), kind in (MAIN, ABBREVIATION), key)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer; its index is built on first use (about half a minute, once per
    machine) and opened in milliseconds after that."""
    return Gazetteer(ensure_index())
