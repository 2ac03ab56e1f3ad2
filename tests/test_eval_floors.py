"""Quality floors: the evaluation figures may not fall below what the project reached.

The floors live in ``eval-floors.json`` at the repository root and only go up. The data is
the development set in ../shared/eval; without it these tests skip with the reason.
"""

from __future__ import annotations

import json

import pytest

from conftest import REPO, shared_path
from newsevents.evaluation.actors import evaluate_actors
from newsevents.evaluation.plover import evaluate_plover

pytestmark = [pytest.mark.model, pytest.mark.shared]

FLOORS = json.loads((REPO / "eval-floors.json").read_text(encoding="utf-8"))


def test_plover_event_coding_floors(pipeline):
    data = shared_path("eval", "plover_gsr_dev.json")
    scores = evaluate_plover(data, pipeline).to_dict()
    floors = FLOORS["plover"]
    assert scores["type_accuracy"] >= floors["type_accuracy"], scores
    assert scores["triple_f1"] >= floors["triple_f1"], scores


def test_actor_code_floors(pipeline):
    data = shared_path("eval", "plover_gsr_dev.json")
    scores = evaluate_actors(data, pipeline).to_dict()
    floors = FLOORS["actors"]
    assert scores["country_accuracy"] >= floors["country_accuracy"], scores
    assert scores["sector_accuracy"] >= floors["sector_accuracy"], scores
