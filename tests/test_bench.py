"""The benchmark runs both sides on the same documents and reports consistent figures.
No timing thresholds here: speed is judged from the printed ratio, not by a flaky test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli import main

pytestmark = pytest.mark.model


@pytest.mark.parametrize("scope", ["all", "events"])
def test_bench_command_reports_both_sides(tmp_path, scope):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(
            f"Story {i}\n\nKenyan President William Ruto met Ugandan President Yoweri "
            f"Museveni in Nairobi on Monday and signed a trade agreement. Shares were "
            f"flat.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(tmp_path), "--docs", "2",
                                       "--published", "2023-05-08", "--json",
                                       "--sentence-scope", scope],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 2 and figures["words"] > 20
    assert figures["spacy_words_per_second"] > 0 and figures["newsevents_words_per_second"] > 0
    assert figures["ratio"] == pytest.approx(
        figures["newsevents_words_per_second"] / figures["spacy_words_per_second"], rel=0.01)
    assert figures["events"] >= 2 and figures["peak_rss_mb"] > 0
    assert figures["sentence_scope"] == scope
    assert figures["spacy_cpu_seconds"] > 0 and figures["newsevents_cpu_seconds"] > 0
    assert figures["newsevents_tree_rss_mb"] > 50 and figures["spacy_tree_rss_mb"] > 50
    # both CPU figures are rounded to milliseconds, and two documents take few of them
    assert figures["cpu_ratio"] == pytest.approx(
        figures["spacy_cpu_seconds"] / figures["newsevents_cpu_seconds"], rel=0.05, abs=0.02)


def test_bench_needs_a_corpus(tmp_path):
    result = CliRunner().invoke(main, ["bench", "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_tree_memory_counts_worker_processes():
    """The sampled peak is the whole process tree's: a child holding 200 MB shows."""
    import subprocess
    import sys
    import time

    from newsevents.tree_memory import TreeMemorySampler, tree_rss_mb

    alone = tree_rss_mb()
    with TreeMemorySampler(interval=0.05) as memory:
        child = subprocess.Popen([sys.executable, "-c", (
            "import sys, time; block = bytearray(200 * 2**20); block[::4096] = b'x' * "
            "len(block[::4096]); print('ready', flush=True); time.sleep(30)")],
            stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            time.sleep(0.3)
            assert tree_rss_mb() > alone + 150
        finally:
            child.kill()
            child.wait()
    assert memory.peak_mb > alone + 150
