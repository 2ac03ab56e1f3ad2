"""One record per story: every field takes the value best supported by its reports.

Support is counted per independent source, not per sentence: an outlet that repeats its
own claim five times, or a wire copy syndicated by ten sites, is one voice. Ties go to the
higher total confidence, then to the earliest report, so the choice is deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

# Fields voted on separately; location and actor fields travel with their partners.
VOTED_SLOTS: dict[str, tuple[str, ...]] = {
    "event_type": ("event_type",),
    "mode": ("mode",),
    "cameo": ("cameo", "quad_class", "goldstein"),
    "status": ("status",),
    "actor": ("actor_country", "actor_sector", "actor_name"),
    "recipient": ("recipient_country", "recipient_sector", "recipient_name"),
    "location": ("location_name", "location_country", "lat", "lon", "geonameid"),
    "date": ("date", "date_precision"),
}


@dataclass(slots=True)
class Report:
    """One event found in one article: a piece of evidence about a story."""

    event_id: str
    doc_id: str
    source: str | None
    published: str | None
    fields: dict[str, Any]  # event columns: event_type, cameo, date, location_name, …
    text: str
    start: int
    end: int
    confidence: float
    duplicate: bool = False  # found in a syndicated or updated copy of another article
    amounts: list[dict[str, Any]] = field(default_factory=list)  # amounts in its sentence

    @property
    def voice(self) -> str:
        """Who is speaking: the outlet, or the article when the outlet is unknown."""
        return self.source or self.doc_id


def best_values(reports: list[Report]) -> dict[str, Any]:
    """The best-supported value of every slot, and the sentence that best shows it."""
    independent = [r for r in reports if not r.duplicate] or reports
    ordered = sorted(independent, key=lambda r: (r.published or "", r.doc_id, r.start))
    merged: dict[str, Any] = {}
    for slot, columns in VOTED_SLOTS.items():
        voters = ordered
        if slot == "date":  # a date a sentence states beats one taken from the dateline
            voters = [r for r in ordered if not r.fields.get("date_inferred")] or ordered
        merged.update(zip(columns, _vote(voters, columns), strict=True))
    # the example sentence states its own date where one does (a lede over a headline)
    example = max(ordered, key=lambda r: (not r.fields.get("date_inferred"), r.confidence,
                                          -ordered.index(r)))
    merged.update(text=example.text, example_event_id=example.event_id,
                  example_doc_id=example.doc_id)
    return merged


def _vote(reports: list[Report], columns: tuple[str, ...]) -> tuple[Any, ...]:
    voices: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    confidence: dict[tuple[Any, ...], float] = defaultdict(float)
    first_seen: dict[tuple[Any, ...], int] = {}
    for position, report in enumerate(reports):
        value = tuple(report.fields.get(c) for c in columns)
        if value[0] is None:
            continue
        voices[value].add(report.voice)
        confidence[value] += report.confidence
        first_seen.setdefault(value, position)
    if not voices:
        return tuple(None for _ in columns)
    return max(voices, key=lambda v: (len(voices[v]), confidence[v], -first_seen[v]))
