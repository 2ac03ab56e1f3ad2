"""Choosing the place a toponym means, with document context.

Each candidate gets a prior (countries and states above regions above cities; cities by
population; a place's own name above an alternate name; national capitals up) and context
bonuses: its country or first-level area is mentioned elsewhere in the document (by other
toponyms, demonyms, the dateline or resolved actors; the more often, the stronger), it
lies near another place of the document, or an explicit container names it
("Alexandria, La."). Resolution runs three times: first with the given context only; then
with the context of every other toponym's first choice — but never a name's own mentions,
so that a repeated ambiguous name cannot vote for itself; last with the second choices of
the other names as the neighbours to be near ("Hanover" next to "Bethel, Vt." is the one
in New Hampshire, not the bigger one in Maryland).

The first choices of a local story are often wrong together (Cornwall, Kent, Canaan and
Sharon each have a bigger namesake elsewhere), so a first choice among namesakes in
several states lends only its country to the context, and the later passes count *shared
areas*: a first-level area where several other names of the document each have a
namesake, or that the text names outright, is probably the story's area. A name with
namesakes in many areas ("Springfield") votes weakly for each of them.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from newsevents.places.gazetteer import GazetteerEntry
from newsevents.places.proximity import neighbour_support
from newsevents.places.toponyms import Toponym

_PRIOR = {"country": 10.0, "admin1": 8.0, "region": 10.0, "water": 10.0, "landmark": 8.0,
          "admin2": 3.5}
MAIN_NAME = 1.5
ALTERNATE_TOWN = -1.0  # a town known by this name only as an alias: rarely what is meant
CAPITAL = 2.5
SAME_COUNTRY = 4.0
SAME_ADMIN1 = 2.5
CONTAINED = 10.0
NEAR, NEAR_KM = 2.0, 150.0
_WIDE = {"country", "admin1", "region", "water"}
_POINT_FEATURES = {"city", "admin2"}
SHARED_AREA = 5.0
# per other name of the document with a namesake close by (see ``proximity``)
PROXIMITY = 2.0
HINTED = 5.0  # the kind of place the words around the name say it is (see ``hints``)
# A first-level area the text names outright ("Minnesota", "Alexandria, La.") counts as
# this many town names with a namesake there and nowhere else.
STATE_VOTE = 2.0
# Below this a name is more likely a word or a person than the hamlet it also names
# (an alternate name of a village of 2,000 people, with nothing in the text near it).
MIN_SCORE = 4.5


@dataclass
class Context:
    """Countries and first-level areas a document is about, with how often each is met."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)
    points: list[GazetteerEntry] = field(default_factory=list)  # towns it names
    shared: dict[str, float] = field(default_factory=dict)  # area -> votes of other names
    support: dict[int, float] = field(default_factory=dict)  # entry key -> close names

    def add(self, entry: GazetteerEntry, weight: int = 1) -> None:
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1:
            self.admin1[entry.admin1] += weight
        if entry.feature in _POINT_FEATURES and weight > 0:
            self.points.append(entry)

    def without(self, entries: list[GazetteerEntry]) -> Context:
        reduced = Context(self.countries.copy(), self.admin1.copy(),
                          [p for p in self.points if p not in entries], self.shared,
                          self.support)
        for entry in entries:
            reduced.add(entry, -1)
        return reduced


def prior(entry: GazetteerEntry) -> float:
    base = _PRIOR.get(entry.feature)
    if base is None:  # a populated place
        base = math.log10(entry.population + 1) + (
            CAPITAL if entry.capital and entry.main_name else 0.0)
        if not entry.main_name:
            base += ALTERNATE_TOWN
    return base + (MAIN_NAME if entry.main_name else 0.0)


def score(entry: GazetteerEntry, context: Context,
          container: GazetteerEntry | None = None, hint: str | None = None) -> float:
    total = prior(entry) + (HINTED if hint is not None and entry.feature == hint else 0.0)
    if entry.country and context.countries[entry.country] > 0:
        total += SAME_COUNTRY
    if entry.admin1 and entry.feature != "admin1" and context.admin1[entry.admin1] > 0:
        # the document's main area pulls hardest: "Shreveport" three times and "DeSoto"
        # once put a "Mansfield" in Louisiana, not in Texas
        total += SAME_ADMIN1 * context.admin1[entry.admin1] / max(context.admin1.values())
    if container is not None and container is not entry and (
            container.admin1 == entry.admin1 if container.admin1
            else container.country is not None and container.country == entry.country):
        total += CONTAINED
    local = 0.0
    if any(distance_km(entry, other) <= NEAR_KM for other in context.points):
        local += NEAR
    if entry.admin1 and entry.feature != "admin1":
        local += SHARED_AREA * context.shared.get(entry.admin1, 0.0)
    local += PROXIMITY * context.support.get(entry.key, 0.0)
    # an alias of a town is pulled by its neighbours half as much as a town's own name
    return total + (local if entry.main_name else local / 2)


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance; infinite when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def best(candidates: list[GazetteerEntry], context: Context,
         container: GazetteerEntry | None = None,
         hint: str | None = None) -> GazetteerEntry | None:
    """The highest-scoring candidate (the gazetteer's order breaks ties), or None when
    even that is too weak to believe."""
    if not candidates:
        return None
    scored = [(score(c, context, container, hint), -i) for i, c in enumerate(candidates)]
    top, index = max(scored)
    return candidates[-index] if top >= MIN_SCORE else None


def resolve_toponyms(toponyms: list[Toponym], given: Context) -> list[GazetteerEntry | None]:
    """One place (or None) per toponym, in order."""
    areas = _areas_by_name(toponyms)
    given = dataclasses.replace(given, support=neighbour_support(
        (t.key, t.candidates) for t in toponyms))
    first = _pass(toponyms, lambda _: given)
    context_of = _document_context(toponyms, first, given, areas)
    second = _pass(toponyms, context_of)
    # the context again, from the better second choices ("Georgia" first read as the
    # country is the state once the document's other places are known)
    context_of = _document_context(toponyms, second, given, areas)
    settled = [c for c in second if c is not None and c.feature in _POINT_FEATURES]

    def near_settled(toponym: Toponym) -> Context:
        reduced = context_of(toponym)
        own = {c.key for t, c in zip(toponyms, second, strict=True)
               if c is not None and t.key == toponym.key}
        reduced.points = [p for p in settled if p.key not in own]
        return reduced

    return _pass(toponyms, near_settled)


def _document_context(toponyms: list[Toponym], choices: list[GazetteerEntry | None],
                      given: Context, areas: dict[str, set[str]]
                      ) -> Callable[[Toponym], Context]:
    """Each toponym's context from the other toponyms' ``choices``: their countries and
    areas, their towns as points, and the shared-area votes."""
    everything = Context(given.countries.copy(), given.admin1.copy(), list(given.points),
                         support=given.support)
    by_key: dict[str, list[GazetteerEntry]] = {}
    for toponym, choice in zip(toponyms, choices, strict=True):
        if choice is not None:
            # a choice among namesakes in several areas may be a guess by population:
            # its country counts, its area only through the shared-area votes below
            if len(areas.get(toponym.key, ())) > 1:
                choice = _country_only(choice)
            everything.add(choice)
            by_key.setdefault(toponym.key, []).append(choice)
    votes: Counter[str] = Counter()
    for name_areas in areas.values():
        for area in name_areas:
            votes[area] += _vote(name_areas)
    for area in {c.admin1 for c in choices if c is not None and c.feature == "admin1"}:
        if area:
            votes[area] += STATE_VOTE

    def context_of(toponym: Toponym) -> Context:
        reduced = everything.without(by_key.get(toponym.key, []))
        own = areas.get(toponym.key, set())
        if toponym.key not in areas:  # a country, state or region name: no town vote
            return reduced
        reduced.shared = {area: votes[area] - (_vote(own) if area in own else 0.0)
                          for area in votes}
        return reduced

    return context_of


def _vote(name_areas: set[str]) -> float:
    """A name with namesakes in many areas ("Springfield") votes weakly for each."""
    return 1.0 / math.sqrt(len(name_areas))


def _country_only(entry: GazetteerEntry) -> GazetteerEntry:
    return GazetteerEntry(entry.geonameid, entry.name, entry.country, None, None,
                          entry.population, "country_hint", None, False, entry.main_name,
                          entry.key)


def _areas_by_name(toponyms: list[Toponym]) -> dict[str, set[str]]:
    """The first-level areas each distinct town name has a namesake town or county in
    (own names only: an alias would let every word vote)."""
    areas: dict[str, set[str]] = {}
    for toponym in toponyms:
        if any(c.main_name and c.feature in _WIDE for c in toponym.candidates):
            continue  # "China", "California": not a town, whatever towns share the name
        found = {c.admin1 for c in toponym.candidates if c.admin1 and c.main_name
                 and c.feature in ("city", "admin2")}
        if found:
            areas.setdefault(toponym.key, set()).update(found)
    return areas


def _pass(toponyms: list[Toponym],
          context_of: Callable[[Toponym], Context]) -> list[GazetteerEntry | None]:
    chosen: list[GazetteerEntry | None] = [None] * len(toponyms)
    # containers first, so that "Alexandria, La." knows which Louisiana it is in
    containers = {t.container for t in toponyms if t.container is not None}
    for index in sorted(range(len(toponyms)), key=lambda i: i not in containers):
        toponym = toponyms[index]
        container = chosen[toponym.container] if toponym.container is not None else None
        chosen[index] = best(toponym.candidates, context_of(toponym), container,
                             toponym.feature_hint)
    return chosen
