"""Story-similarity floors on the SemEval-2022 Task 8 English pairs (see
``newsevents.evaluation.semeval``); they only go up. Skips without ../shared."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, shared_path
from newsevents.evaluation.semeval import evaluate_story_similarity, one_by_one
from newsevents.stories import similarity
from newsevents.stories.semantic_similarity import (
    semantic_available,
    semantic_similarity_many,
)

pytestmark = [pytest.mark.shared]

FLOORS = json.loads((REPO / "eval-floors.json").read_text(encoding="utf-8"))["stories"]


def test_story_similarity_floors():
    data = shared_path("eval", "semeval2022_task8", "training_set.csv")
    scores = evaluate_story_similarity(data, one_by_one(similarity)).to_dict()
    assert scores["pairs"] >= 150, scores
    assert scores["pearson"] >= FLOORS["pearson"], scores
    assert scores["same_story_f1"] >= FLOORS["same_story_f1"], scores


@pytest.mark.skipif(not semantic_available(), reason="the [semantic] extra is not installed")
def test_semantic_story_similarity_floors():
    data = shared_path("eval", "semeval2022_task8", "training_set.csv")
    scores = evaluate_story_similarity(data, semantic_similarity_many).to_dict()
    floors = FLOORS["semantic"]
    assert scores["pearson"] >= floors["pearson"], scores
    assert scores["same_story_f1"] >= floors["same_story_f1"], scores
