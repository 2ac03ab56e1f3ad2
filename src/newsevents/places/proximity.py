"""Support a candidate place gets from the other names of its document being close by.

Why: a local story names towns and counties that lie together ("Athens" and "Henderson
County" are, in Texas, the county seat and its county; in Tennessee they are 400 km
apart). Which namesakes lie close to some namesake of every other name is known before
any choice is made, so this evidence is not circular like the first choices' context,
and it is finer than a shared state. Only own names of towns and counties give and get
support: states and countries are context of another kind, and an alias would let
every word lend support.

Closeness is 1 up to ``CLOSE_KM`` and falls to 0 at ``FAR_KM``: with forty namesakes
scattered over a country, one of them lies within 20 km of a given point by chance
rarely, within 150 km often; a county seat lies within about 60 km of its county's
centre. A name the story repeats is its own place more surely than one met once
("Shreveport" four times pulls a "Mansfield" to Louisiana, one "DeSoto" would pull it
to Texas), so support grows with the square root of the giving name's mentions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsevents.places.gazetteer import GazetteerEntry

CLOSE_KM, FAR_KM = 20.0, 100.0
_GIVERS = {"city", "admin2"}
_WIDE = {"country", "admin1", "region", "water"}
# grid cells (degrees) wider than FAR_KM up to 70 degrees of latitude, so the nine cells
# around a point hold every place within FAR_KM of it
_CELL_LAT, _CELL_LON = 2.0, 4.0


def neighbour_support(names: Iterable[tuple[str, list[GazetteerEntry]]]) -> dict[int, float]:
    """Candidate key -> sum over the other distinct names of how close their nearest
    namesake is (0..1 each), times the square root of its mentions. ``names`` pairs a
    name key with its candidates, once per mention."""
    places: dict[str, list[GazetteerEntry]] = {}
    mentions: Counter[str] = Counter()
    for key, candidates in names:
        mentions[key] += 1
        if key in places or any(c.main_name and c.feature in _WIDE for c in candidates):
            continue
        points = [c for c in candidates if c.main_name and c.feature in _GIVERS
                  and c.lat is not None and c.lon is not None]
        if points:
            places[key] = points
    if len(places) < 2:
        return {}
    grid: dict[tuple[int, int], list[tuple[str, GazetteerEntry]]] = defaultdict(list)
    for key, points in places.items():
        for point in points:
            grid[_cell(point)].append((key, point))
    support: dict[int, float] = {}
    for key, points in places.items():
        for point in points:
            nearest: dict[str, float] = {}
            row, column = _cell(point)
            for cell in ((row + i, column + j) for i in (-1, 0, 1) for j in (-1, 0, 1)):
                for other_key, other in grid.get(cell, ()):
                    if other_key != key:
                        distance = _km(point, other)
                        if distance < nearest.get(other_key, math.inf):
                            nearest[other_key] = distance
            total = sum(_closeness(d) * _weight(mentions[k]) for k, d in nearest.items())
            if total > 0:
                support[point.key] = total
    return support


def _weight(mentions: int) -> float:
    return math.sqrt(mentions)


def _closeness(km: float) -> float:
    if km <= CLOSE_KM:
        return 1.0
    return max(0.0, (FAR_KM - km) / (FAR_KM - CLOSE_KM))


def _cell(entry: GazetteerEntry) -> tuple[int, int]:
    return int((entry.lat or 0.0) // _CELL_LAT), int((entry.lon or 0.0) // _CELL_LON)


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    p1, p2 = math.radians(a.lat or 0.0), math.radians(b.lat or 0.0)
    h = (math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2)
         * math.sin(math.radians((b.lon or 0.0) - (a.lon or 0.0)) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
