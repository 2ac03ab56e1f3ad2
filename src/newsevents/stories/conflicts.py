"""Where sources disagree about one happening.

A conflict is a slot of a story (its date, place, status, or an amount such as a death toll
or a sum of money) for which independent sources report different values. Each value keeps
the provenance of every report that gave it (article, outlet, event, character offsets), so
a user can read both sides. Copies of one article never contradict each other, and an
outlet is not in conflict with itself when it updates a figure (its later report counts).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from newsevents.stories.merging import Report

_SAME_PLACE_KM = 50.0  # a city and its district, or two gazetteer points for one town


def find_conflicts(reports: list[Report]) -> list[dict[str, Any]]:
    """Every slot on which two or more independent sources disagree."""
    latest = _latest_per_voice([r for r in reports if not r.duplicate])
    conflicts = []
    for slot, value_of in (("date", _day), ("status", _status), ("place", _place_key)):
        conflicts.extend(_slot_conflicts(slot, latest, value_of))
    conflicts.extend(_place_distance_conflicts(latest))
    conflicts.extend(_amount_conflicts(latest))
    return conflicts


def _latest_per_voice(reports: list[Report]) -> list[Report]:
    """An outlet's latest article speaks for it (updates correct earlier figures)."""
    newest: dict[str, str] = {}
    for r in reports:
        if r.voice not in newest or (r.published or "") > newest[r.voice]:
            newest[r.voice] = r.published or ""
    return [r for r in reports if (r.published or "") == newest[r.voice]]


def _provenance(report: Report) -> dict[str, Any]:
    return {"doc_id": report.doc_id, "source": report.source, "event_id": report.event_id,
            "start": report.start, "end": report.end, "text": report.text}


def _slot_conflicts(slot: str, reports: list[Report], value_of: Any) -> list[dict[str, Any]]:
    by_value: dict[Any, list[Report]] = defaultdict(list)
    for r in reports:
        value = value_of(r)
        if value is not None:
            by_value[value].append(r)
    voices = {v: {r.voice for r in rs} for v, rs in by_value.items()}
    if len(by_value) < 2 or len(set().union(*voices.values())) < 2:
        return []
    return [{"slot": slot, "values": [
        {"value": value, "sources": sorted(voices[value]),
         "reports": [_provenance(r) for r in rs]}
        for value, rs in sorted(by_value.items(), key=lambda kv: str(kv[0]))]}]


def _day(report: Report) -> str | None:
    """Only dates a sentence states to the day can contradict ("October" and "Oct 15"
    agree; a headline dated by its publication day states nothing)."""
    if report.fields.get("date_precision") != "day" or report.fields.get("date_inferred"):
        return None
    return report.fields.get("date")


def _status(report: Report) -> str | None:
    """Said to have happened versus said not to have happened; plans don't contradict."""
    status = report.fields.get("status")
    return status if status in ("asserted", "negated") else None


def _place_key(report: Report) -> str | None:
    """The country where it happened; distances within a country are checked apart."""
    return report.fields.get("location_country")


def _place_distance_conflicts(reports: list[Report]) -> list[dict[str, Any]]:
    """Same country, but places far apart (two cities claimed for one happening)."""
    located = [r for r in reports if r.fields.get("lat") is not None
               and r.fields.get("location_country")]
    by_country: dict[str, list[Report]] = defaultdict(list)
    for r in located:
        by_country[r.fields["location_country"]].append(r)
    conflicts = []
    for group in by_country.values():
        clusters: list[list[Report]] = []
        for r in group:
            for cluster in clusters:
                if _km(r, cluster[0]) <= _SAME_PLACE_KM:
                    cluster.append(r)
                    break
            else:
                clusters.append([r])
        voices = {r.voice for r in group}
        if len(clusters) > 1 and len(voices) > 1:
            conflicts.append({"slot": "place", "values": [
                {"value": c[0].fields.get("location_name"),
                 "sources": sorted({r.voice for r in c}),
                 "reports": [_provenance(r) for r in c]} for c in clusters]})
    return conflicts


def _km(a: Report, b: Report) -> float:
    lat1, lon1 = math.radians(a.fields["lat"]), math.radians(a.fields["lon"])
    lat2, lon2 = math.radians(b.fields["lat"]), math.radians(b.fields["lon"])
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _amount_conflicts(reports: list[Report]) -> list[dict[str, Any]]:
    """The same kind of quantity of the same thing with different values across sources
    (a death toll of 12 against 15, $2 billion against $3 billion)."""
    by_quantity: dict[tuple[str, str], dict[float, list[tuple[Report, dict[str, Any]]]]]
    by_quantity = defaultdict(lambda: defaultdict(list))
    for r in reports:
        for amount in r.amounts:
            value = amount.get("value")
            what = (amount.get("quantity_of") or "").lower().strip()
            if value is None or not what:
                continue
            key = (amount.get("currency") or amount.get("unit") or "", what)
            by_quantity[key][_rounded(float(value))].append((r, amount))
    conflicts = []
    for (unit, what), values in sorted(by_quantity.items()):
        voices = {r.voice for found in values.values() for r, _ in found}
        if len(values) < 2 or len(voices) < 2:
            continue
        conflicts.append({"slot": "amount", "quantity_of": what, "unit": unit,
                          "values": [{"value": value,
                                      "sources": sorted({r.voice for r, _ in found}),
                                      "reports": [{**_provenance(r), "amount": a["text"],
                                                   "amount_start": a["start"],
                                                   "amount_end": a["end"]}
                                                  for r, a in found]}
                                     for value, found in sorted(values.items())]})
    return conflicts


def _rounded(value: float) -> float:
    """Values that agree to three significant figures compare equal ("$27 billion" and
    "$27.0bn"; 1,234 and 1,235 people counted by two agencies)."""
    return float(f"{value:.3g}")
