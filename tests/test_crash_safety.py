"""SIGKILL ``newsevents process`` at random moments, re-run it, and the store ends up exactly
as after an uninterrupted run: same ids, no duplicates, and it opens after every kill.

This runs ``scripts/crash_trials.py`` with a few trials (each starts a fresh process that
loads the model, so every trial costs seconds); run the script itself for many more:
``.venv/bin/python scripts/crash_trials.py --trials 100``. The seed is random on purpose
and is in the failure message so that a failing schedule can be replayed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "crash_trials.py"
TRIALS = 8


def test_killed_and_resumed_runs_end_with_the_reference_store(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--trials", str(TRIALS), "--variants", "0",
         "--batch-size", "2", "--workdir", str(tmp_path), "--json"],
        capture_output=True, text=True, timeout=900, check=False)
    assert done.stdout, done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["problems"] == [], report
    assert done.returncode == 0, report
    assert (report["kills"], report["survived"]) == (TRIALS, TRIALS), report
    assert report["lost"] == 0 and report["verified_stores"] >= 1, report
    assert report["documents"] == report["processed"] + report["failed"], report
    assert report["failed"] == 3 and report["events"] > 0, report
