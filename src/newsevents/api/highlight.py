"""An event's source sentence cut into segments marked actor, recipient or trigger.

Offsets in an event record point into the article; the dashboard needs them relative to
the sentence, and needs overlapping spans ("the signing" inside a longer actor phrase)
resolved. Doing it here keeps the browser code a plain loop over segments and gives API
clients the same view.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

ROLES = ("trigger", "actor", "recipient")  # priority when spans overlap


def _label(participant: dict[str, Any]) -> str:
    code = " ".join(p for p in (participant.get("country"), participant.get("sector")) if p)
    name = participant.get("name") or participant.get("text") or ""
    return f"{name} ({code})" if code else name


def highlight_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Actor, recipient and trigger spans of ``record``, relative to its sentence and
    clipped to it (a participant found outside the sentence is not highlighted)."""
    base, length = record["start"], len(record["text"])
    spans: list[dict[str, Any]] = []
    for role in ("actor", "recipient"):
        for participant in record.get(role) or []:
            spans.append({"role": role, "start": participant["start"] - base,
                          "end": participant["end"] - base, "text": participant.get("text"),
                          "label": _label(participant)})
    trigger = record.get("trigger")
    if trigger:
        spans.append({"role": "trigger", "start": trigger["start"] - base,
                      "end": trigger["end"] - base, "text": trigger.get("text"),
                      "label": f"{record.get('event_type')} ({record.get('cameo')})"})
    return [s for s in spans if 0 <= s["start"] < s["end"] <= length]


def sentence_view(record: dict[str, Any]) -> dict[str, Any]:
    """The sentence with its highlight spans and the non-overlapping segments they cut
    it into; each segment lists the roles covering it, highest priority first."""
    text = record["text"]
    spans = highlight_spans(record)
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    segments = []
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s["start"] <= start and end <= s["end"]]
        roles = [role for role in ROLES if any(s["role"] == role for s in covering)]
        labels = [s["label"] for s in covering]
        segments.append({"text": text[start:end], "start": start, "end": end,
                         "roles": roles, "labels": labels})
    return {"text": text, "start": record["start"], "end": record["end"],
            "highlights": spans, "segments": segments}
