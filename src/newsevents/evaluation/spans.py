"""Matching predicted character spans to gold spans, shared by the span evaluations.

Gold and predicted spans rarely agree on every character ("the Orenburg region" against
"Orenburg"), so a pair matches when the spans overlap; each gold span matches at most one
prediction and vice versa. Exact matches are paired first, then overlaps in text order, so
a near miss never steals a prediction that another gold span matches exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


G = TypeVar("G", bound=Span)
P = TypeVar("P", bound=Span)


@dataclass
class SpanCounts:
    """Recognition counts; ``exact`` counts matched pairs with identical offsets."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "f1": round(self.f1, 4), "exact_recall": round(self.exact_recall, 4)}


def match_spans(gold: Sequence[G], predicted: Sequence[P]) -> list[tuple[G, P]]:
    """One-to-one pairs of overlapping spans, exact matches first."""
    pairs: list[tuple[G, P]] = []
    used: set[int] = set()
    unmatched: list[G] = []
    exact = {(p.start, p.end): i for i, p in reversed(list(enumerate(predicted)))}
    for g in gold:
        index = exact.get((g.start, g.end))
        if index is not None and index not in used:
            used.add(index)
            pairs.append((g, predicted[index]))
        else:
            unmatched.append(g)
    for g in unmatched:
        for index, p in enumerate(predicted):
            if index not in used and p.start < g.end and g.start < p.end:
                used.add(index)
                pairs.append((g, p))
                break
    return pairs


def count_spans(counts: SpanCounts, gold: Sequence[Span], predicted: Sequence[Span],
                pairs: Sequence[tuple[Span, Span]]) -> None:
    """Add one document's recognition counts to ``counts``."""
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.matched += len(pairs)
    counts.exact += sum(g.start == p.start and g.end == p.end for g, p in pairs)
