"""Amount extraction quality on re3d (Dstl's defence-news entity set), Money and Quantity.

re3d marks spans and their types but gives no normalised value, so we score:

- span recall and precision against the gold Money/Quantity spans that hold a number (a
  digit or a number word; "the salaries" is a Money mention with no amount to read),
  overlapping spans matching;
- kind agreement: a matched Money span has a currency, a matched Quantity span none;
- value accuracy on the gold spans simple enough to read without our parser — an optional
  currency symbol, a numeral with thousands separators, an optional scale word ("$135
  million", "6,000", "4.7 million"; "m" is million after a currency symbol, metres
  otherwise) — whose matched amount has that value.

Gold entities whose crowd confidence is below 0.5 were rejected by the annotators and are
left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import EvaluationError
from newsevents.evaluation.spans import SpanCounts, count_spans, match_spans
from newsevents.pipeline import Pipeline
from newsevents.records import Amount, Article

KINDS = ("Money", "Quantity")
MIN_CONFIDENCE = 0.5
_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b", re.IGNORECASE)
_SIMPLE = re.compile(r"([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(thousand|million|billion|"
                     r"m|bn)?", re.IGNORECASE)
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


@dataclass(frozen=True, slots=True)
class GoldAmount:
    start: int
    end: int
    text: str
    kind: str  # Money | Quantity


@dataclass(frozen=True, slots=True)
class Re3dDocument:
    id: str
    text: str
    amounts: list[GoldAmount]


@dataclass
class AmountScores:
    documents: int = 0
    spans: SpanCounts = field(default_factory=SpanCounts)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [matched, gold]
    kind_correct: int = 0
    value_scored: int = 0
    value_correct: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.spans.matched if self.spans.matched else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.value_scored if self.value_scored else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                **{f"span_{k}": v for k, v in self.spans.to_dict().items()},
                "recall_by_kind": {k: round(m / n, 4) for k, (m, n) in
                                   sorted(self.by_kind.items()) if n},
                "kind_accuracy": round(self.kind_accuracy, 4),
                "value_scored": self.value_scored,
                "value_accuracy": round(self.value_accuracy, 4),
                "missed_examples": self.missed[:20]}


def reference_value(text: str) -> float | None:
    """The value of a gold span of the simple form, else None (not scored)."""
    match = _SIMPLE.fullmatch(text.strip())
    if not match:
        return None
    number = float(match[2].replace(",", "") + (match[3] or ""))
    scale = (match[4] or "").lower()
    if scale == "m" and not match[1]:
        return number  # "300m" without a currency is 300 metres
    return number * _SCALE.get(scale, 1.0)


def _has_number(text: str) -> bool:
    return any(c.isdigit() for c in text) or bool(_NUMBER_WORDS.search(text))


def load_re3d(folder: Path) -> list[Re3dDocument]:
    """Documents with their numeric Money/Quantity spans, sorted by source then id."""
    if not folder.exists():
        raise EvaluationError(f"evaluation data {folder} not found",
                              hint="pass --data with the re3d folder")
    documents: list[Re3dDocument] = []
    for source in sorted(p for p in folder.iterdir() if (p / "documents.json").exists()):
        gold: dict[str, list[GoldAmount]] = {}
        for entity in _json_lines(source / "entities.json"):
            if entity.get("type") in KINDS and entity.get("confidence", 1) >= MIN_CONFIDENCE:
                gold.setdefault(entity["documentId"], []).append(GoldAmount(
                    int(entity["begin"]), int(entity["end"]), str(entity["value"]),
                    entity["type"]))
        for record in sorted(_json_lines(source / "documents.json"), key=lambda r: r["_id"]):
            spans = sorted(gold.get(record["_id"], []), key=lambda g: g.start)
            documents.append(Re3dDocument(record["_id"], record["text"], spans))
    if not documents:
        raise EvaluationError(f"{folder}: no */documents.json found")
    return documents


def _json_lines(path: Path) -> list[dict[str, Any]]:
    """mongoexport writes one JSON object per line."""
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines()
                if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc


def evaluate_amounts(folder: Path, pipeline: Pipeline | None = None,
                     limit: int | None = None) -> AmountScores:
    """Score the amounts of processed documents on the first ``limit`` re3d documents."""
    pipeline = pipeline or Pipeline()
    documents = load_re3d(folder)[:limit]
    articles = [Article(text=d.text, raw_id=d.id) for d in documents]
    scores = AmountScores()
    for document, processed in zip(documents, pipeline.process_many(articles), strict=True):
        gold = [g for g in document.amounts if _has_number(g.text)]
        predicted: list[Amount] = processed.amounts
        pairs = match_spans(gold, predicted)
        scores.documents += 1
        count_spans(scores.spans, gold, predicted, pairs)
        _score_pairs(scores, gold, pairs)
    return scores


def _score_pairs(scores: AmountScores, gold: list[GoldAmount],
                 pairs: list[tuple[GoldAmount, Amount]]) -> None:
    matched = {id(g) for g, _ in pairs}
    for g in gold:
        tally = scores.by_kind.setdefault(g.kind, [0, 0])
        tally[0] += id(g) in matched
        tally[1] += 1
        if id(g) not in matched:
            scores.missed.append(f"{g.kind}: {g.text}")
    for g, p in pairs:
        scores.kind_correct += (p.currency is not None) == (g.kind == "Money")
        expected = reference_value(g.text)
        if expected is not None:
            scores.value_scored += 1
            scores.value_correct += abs(p.value - expected) <= 1e-6 * max(1.0, expected)
