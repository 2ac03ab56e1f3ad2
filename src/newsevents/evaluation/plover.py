"""Event coding quality on PLOVER gold-standard records.

Each gold record is one sentence with one coded event: its PLOVER type, source actors and
target actors (ISO3 or non-state codes). We process the sentence as an article, take the
main predicted event (highest confidence; earliest trigger on ties) and score:

- event-type accuracy: main event type == gold type (PLOVER 0.5 labels mapped to today's);
- triples: (source country, target country, type) sets of the main event vs gold, micro
  precision/recall/F1. A gold record with several sources and no target is reciprocal
  (each source acts on the others); one source and no target gives (source, None, type).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import EvaluationError
from newsevents.events.ontology import canonical_plover_type
from newsevents.pipeline import Pipeline
from newsevents.records import Article

# Country codes the annotators wrote in CAMEO's spelling rather than ISO 3166.
CAMEO_TO_ISO3 = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}

Triple = tuple[str, str | None, str]


@dataclass
class PloverScores:
    records: int = 0
    type_correct: int = 0
    predicted_any: int = 0
    true_positives: int = 0
    predicted_triples: int = 0
    gold_triples: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [correct, total]

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.records if self.records else 0.0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_triples if self.predicted_triples else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold_triples if self.gold_triples else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "type_accuracy": round(self.type_accuracy, 4),
            "sentences_with_event": self.predicted_any,
            "triple_precision": round(self.precision, 4),
            "triple_recall": round(self.recall, 4),
            "triple_f1": round(self.f1, 4),
            "per_type_accuracy": {t: round(c / n, 3) for t, (c, n) in
                                  sorted(self.per_type.items())},
            "top_confusions": [f"{g}->{p}: {n}" for (g, p), n in
                               self.confusion.most_common(10)],
        }


def _codes(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    codes = []
    for actor in actors:
        code = str(actor.get("code") or "").strip().upper()
        if code:
            codes.append(CAMEO_TO_ISO3.get(code, code))
    return codes


def gold_triples(record: dict[str, Any]) -> set[Triple]:
    event = canonical_plover_type(record["event"])
    sources, targets = _codes(record.get("source")), _codes(record.get("target"))
    if targets:
        return {(s, t, event) for s in sources for t in targets}
    if len(sources) >= 2:
        return {(a, b, event) for a in sources for b in sources if a != b}
    return {(s, None, event) for s in sources}


def predicted_triples(event: dict[str, Any]) -> set[Triple]:
    """(actor country, recipient country, type) for every actor-recipient pair, except an
    actor paired with itself (reciprocal events list each party in both roles)."""
    kind = event["event_type"]
    actors = [a for a in event["actor"] if a.get("country")]
    recipients = [r for r in event["recipient"] if r.get("country")]
    pairs = {(a["country"], r["country"], kind) for a in actors for r in recipients
             if (a.get("id") or a["text"]) != (r.get("id") or r["text"])}
    return pairs or {(a["country"], None, kind) for a in actors}


def main_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not events:
        return None
    return max(events, key=lambda e: (e["confidence"], -e["trigger"]["start"]))


def load_records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise EvaluationError(f"evaluation data {path} not found",
                              hint="pass --data with the path to plover_gsr_dev.json")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path} is not JSON: {exc}") from exc
    if not isinstance(records, list) or not all("text" in r and "event" in r for r in records):
        raise EvaluationError(f"{path}: expected a list of records with text and event")
    return records


def evaluate_plover(path: Path, pipeline: Pipeline | None = None) -> PloverScores:
    """Score the pipeline on the records in ``path``."""
    pipeline = pipeline or Pipeline()
    records = load_records(path)
    articles = [Article(text=r["text"], published=r.get("date"), raw_id=r.get("id"))
                for r in records]
    scores = PloverScores()
    for record, document in zip(records, pipeline.process_many(articles), strict=True):
        gold_type = canonical_plover_type(record["event"])
        event = main_event(document.to_dict()["events"])
        predicted_type = event["event_type"] if event else "NONE"
        scores.records += 1
        scores.predicted_any += event is not None
        correct = predicted_type == gold_type
        scores.type_correct += correct
        tally = scores.per_type.setdefault(gold_type, [0, 0])
        tally[0] += correct
        tally[1] += 1
        if not correct:
            scores.confusion[(gold_type, predicted_type)] += 1
        gold = gold_triples(record)
        predicted = predicted_triples(event) if event else set()
        scores.gold_triples += len(gold)
        scores.predicted_triples += len(predicted)
        scores.true_positives += len(gold & predicted)
    return scores
