"""Story-similarity floors on the SemEval-2022 Task 8 English pairs (see
``newsevents.evaluation.semeval``); they only go up. Skips without ../shared."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, shared_path
from newsevents.evaluation.semeval import evaluate_story_similarity
from newsevents.stories import similarity

pytestmark = [pytest.mark.shared]

FLOORS = json.loads((REPO / "eval-floors.json").read_text(encoding="utf-8"))["stories"]


def test_story_similarity_floors():
    data = shared_path("eval", "semeval2022_task8", "training_set.csv")
    scores = evaluate_story_similarity(data, similarity).to_dict()
    assert scores["pairs"] >= 150, scores
    assert scores["pearson"] >= FLOORS["pearson"], scores
    assert scores["same_story_f1"] >= FLOORS["same_story_f1"], scores
