"""Actor-code accuracy on the actor spans of PLOVER gold records.

Each gold source or target actor has the text the annotators marked ("Senior Hungarian
... officials", "the White House") and its code (ISO3 or a non-state code) and, for some,
a PLOVER sector. We resolve the text with :meth:`Pipeline.resolve_actor` at the record's
date and score country accuracy over all spans and sector accuracy over the spans whose
gold sector is a real PLOVER code (annotation junk such as ``***`` is left out; suffixes
such as ``CVLkur`` keep their first three letters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.evaluation.plover import CAMEO_TO_ISO3, load_records
from newsevents.pipeline import Pipeline

SECTORS = frozenset({"GOV", "MIL", "BUS", "LEG", "JUD", "COP", "REB", "OPP", "CVL", "LAB",
                     "MED", "EDU", "REL", "JRN", "ELI", "AGR", "REF", "SPY", "CRM", "UAF"})


@dataclass
class ActorScores:
    spans: int = 0
    resolved: int = 0
    country_correct: int = 0
    sector_spans: int = 0
    sector_correct: int = 0
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "spans": self.spans,
            "resolved": self.resolved,
            "country_accuracy": round(self.country_correct / self.spans, 4) if self.spans
            else 0.0,
            "sector_spans": self.sector_spans,
            "sector_accuracy": round(self.sector_correct / self.sector_spans, 4)
            if self.sector_spans else 0.0,
            "examples_missed": self.misses[:15],
        }


def _gold_actors(record: dict[str, Any]) -> list[dict[str, Any]]:
    actors = []
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            actors.extend(a for a in value if a.get("actorText") and a.get("code"))
    return actors


def evaluate_actors(path: Path, pipeline: Pipeline | None = None) -> ActorScores:
    """Score actor resolution on every gold actor span in ``path``."""
    pipeline = pipeline or Pipeline()
    scores = ActorScores()
    for record in load_records(path):
        for actor in _gold_actors(record):
            code = str(actor["code"]).strip().upper()
            gold_country = CAMEO_TO_ISO3.get(code, code)
            gold_sector = str(actor.get("sector") or "")[:3].upper()
            result = pipeline.resolve_actor(actor["actorText"], date=record.get("date"))
            scores.spans += 1
            scores.resolved += result is not None
            country = result["country"] if result else None
            if country == gold_country:
                scores.country_correct += 1
            else:
                scores.misses.append(f"{actor['actorText']!r}: {country} != {gold_country}")
            if gold_sector in SECTORS:
                scores.sector_spans += 1
                scores.sector_correct += bool(result and result["sector"] == gold_sector)
    return scores
