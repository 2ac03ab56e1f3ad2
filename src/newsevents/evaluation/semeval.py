"""Story similarity on SemEval-2022 Task 8 article pairs (English-English rows).

Annotators rated how alike two news articles are, 1 (same story) to 4 (unrelated), on
several aspects; ``Overall`` is the one that matters for "same happening?". We score:

- Pearson correlation between our similarity and ``-Overall`` (higher similarity should
  mean a lower rating);
- F1 of same-story decisions (similarity >= the decision threshold) on the clear pairs:
  Overall <= 1.5 counts as the same story, Overall >= 3 as different; the pairs between
  are left out, as annotators themselves disagree there.
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import EvaluationError
from newsevents.stories.text_similarity import SAME_STORY_THRESHOLD

SAME_STORY_AT_MOST = 1.5
DIFFERENT_STORY_AT_LEAST = 3.0


@dataclass(frozen=True)
class StorySimilarityScores:
    pairs: int
    pearson: float
    precision: float
    recall: float
    f1: float
    threshold: float
    clear_pairs: int

    def to_dict(self) -> dict[str, Any]:
        return {"pairs": self.pairs, "pearson": round(self.pearson, 4),
                "same_story_precision": round(self.precision, 4),
                "same_story_recall": round(self.recall, 4),
                "same_story_f1": round(self.f1, 4), "threshold": self.threshold,
                "clear_pairs": self.clear_pairs}


def english_pairs(path: Path) -> list[tuple[str, str, float]]:
    """(text1, text2, Overall) for the rows where both articles are in English."""
    if not path.exists():
        raise EvaluationError(f"no SemEval pairs file at {path}")
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return [(r["text1"], r["text2"], float(r["Overall"])) for r in rows
                if r.get("lang1") == "en" and r.get("lang2") == "en"]
    except (KeyError, ValueError, csv.Error) as exc:
        raise EvaluationError(f"{path} is not a SemEval-2022 Task 8 pairs file: {exc}") from exc


PairScorer = Callable[[list[tuple[str, str]]], list[float]]


def one_by_one(similarity: Callable[[str, str], float]) -> PairScorer:
    """A pair scorer from a function of two texts (such as ``Pipeline.similarity``)."""
    return lambda pairs: [similarity(a, b) for a, b in pairs]


def evaluate_story_similarity(path: Path, score_pairs: PairScorer,
                              threshold: float = SAME_STORY_THRESHOLD
                              ) -> StorySimilarityScores:
    """Score ``score_pairs`` (all pairs at once, so a model can batch them)."""
    pairs = english_pairs(path)
    if len(pairs) < 2:
        raise EvaluationError(f"{path} has fewer than two English-English pairs")
    scores = score_pairs([(a, b) for a, b, _ in pairs])
    ratings = [-overall for _, _, overall in pairs]
    pearson = statistics.correlation(scores, ratings) if len(set(scores)) > 1 else 0.0
    tp = fp = fn = clear = 0
    for score, (_, _, overall) in zip(scores, pairs, strict=True):
        same, different = overall <= SAME_STORY_AT_MOST, overall >= DIFFERENT_STORY_AT_LEAST
        if not (same or different):
            continue
        clear += 1
        predicted = score >= threshold
        tp += predicted and same
        fp += predicted and different
        fn += (not predicted) and same
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return StorySimilarityScores(len(pairs), pearson, precision, recall, f1, threshold, clear)
