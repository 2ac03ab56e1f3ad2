"""Quality floors for places, times and amounts on the development data in ../shared/eval.

The floors live in ``eval-floors.json`` (keys "geo", "times", "amounts") and only go up.
To keep the suite fast the tests score a fixed head of each corpus (the sizes are in the
floors file); ``newsevents eval geo|times|amounts`` scores everything. Without the data
these tests skip with the reason.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import REPO, shared_path
from newsevents.cli import main
from newsevents.evaluation.geo import evaluate_geo
from newsevents.evaluation.re3d import evaluate_amounts
from newsevents.evaluation.timebank import evaluate_times

pytestmark = [pytest.mark.model, pytest.mark.shared]

FLOORS = json.loads((REPO / "eval-floors.json").read_text(encoding="utf-8"))


def assert_floors(scores: dict, floors: dict) -> None:
    below = {k: (scores[k], v) for k, v in floors.items() if scores[k] < v}
    assert not below, f"below the floor (score, floor): {below}"


@pytest.mark.parametrize("corpus", ["lgl", "geovirus"])
def test_geoparsing_floors(pipeline, corpus):
    floors = FLOORS["geo"][corpus]
    name = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}[corpus]
    data = shared_path("eval", "geoparsing", name)
    scores = evaluate_geo(data, pipeline, floors["documents"]).to_dict()
    assert_floors(scores, {k: v for k, v in floors.items() if k != "documents"})


def test_date_normalisation_floors(pipeline):
    floors = FLOORS["times"]
    scores = evaluate_times(shared_path("eval", "timebank"), pipeline,
                            floors["documents"]).to_dict()
    assert_floors(scores, {k: v for k, v in floors.items() if k != "documents"})


def test_amount_floors(pipeline):
    floors = FLOORS["amounts"]
    scores = evaluate_amounts(shared_path("eval", "re3d"), pipeline,
                              floors["documents"]).to_dict()
    assert_floors(scores, {k: v for k, v in floors.items() if k != "documents"})


def test_eval_commands_print_json_for_a_few_documents():
    data = shared_path("eval")
    runs = {"geo": ["--data", data / "geoparsing" / "GeoVirus.xml"],
            "times": ["--data", data / "timebank"], "amounts": ["--data", data / "re3d"]}
    for command, arguments in runs.items():
        result = CliRunner().invoke(main, ["eval", command, *map(str, arguments), "--limit",
                                           "2", "--json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        [scores] = json.loads(result.stdout).values()
        assert scores["documents"] == 2


def test_eval_command_reports_missing_data_cleanly(tmp_path):
    result = CliRunner().invoke(main, ["eval", "times", "--data", str(tmp_path / "none")])
    assert result.exit_code != 0 and "not found" in result.output
