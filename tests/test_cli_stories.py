"""``newsevents stories list|show`` over a store of hand-built reports (no model)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from builders import BODY, LEDE, story_report
from newsevents.cli import main
from newsevents.store import Store


def _store(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write([story_report(LEDE + BODY, "Andes Wire", "2024-05-08")])
        store.write([story_report(LEDE.replace("40 fishermen", "45 fishermen"),
                                  "Pacific Daily", "2024-05-08", detained=45, key="sty_b")])
        store.write([story_report("Copy\n" + LEDE + BODY, "Coastal Times", "2024-05-09")])
        store.write([story_report(LEDE, "Andes Wire", "2025-05-07", day="2025-05-06",
                                  key="sty_later")])
    return str(path)


def test_stories_list_filters_and_show_gives_sources_and_conflicts(tmp_path):
    db = _store(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(main, ["stories", "list", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    page = json.loads(listed.output)
    assert page["total"] == 2
    top = page["stories"][0]
    assert (top["n_independent_sources"], top["n_articles"], top["n_conflicts"]) == (2, 3, 1)
    corroborated = json.loads(runner.invoke(
        main, ["stories", "list", "--db", db, "--json", "--min-sources", "2",
               "--country", "per", "--conflicts"]).output)
    assert [s["story_id"] for s in corroborated["stories"]] == [top["story_id"]]
    shown = runner.invoke(main, ["stories", "show", top["story_id"], "--db", db, "--json"])
    story = json.loads(shown.output)
    assert [s["source"] for s in story["sources"]] == ["Andes Wire", "Coastal Times",
                                                        "Pacific Daily"]
    assert [s["copies_only"] for s in story["sources"]] == [False, True, False]
    [conflict] = story["conflicts"]
    assert conflict["slot"] == "amount" and len(conflict["values"]) == 2
    text = runner.invoke(main, ["stories", "show", top["story_id"], "--db", db])
    assert "conflict on amount (fishermen detained)" in text.output
    assert "copy of" in text.output
    table = runner.invoke(main, ["stories", "list", "--db", db])
    assert table.exit_code == 0 and "2 stories" in table.output


def test_stories_show_unknown_id_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["stories", "show", "sty_nope", "--db", _store(tmp_path)])
    assert result.exit_code == 3
    assert "no story sty_nope" in result.output


def test_eval_stories_scores_hand_written_pairs(tmp_path):
    import csv

    meeting = ("Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Vera in "
               "Lima on Tuesday to discuss fishing rights.")
    rows = [
        (meeting, meeting.replace("discuss", "talk about"), "1.0"),
        (meeting, "Peru and Chile held fishing talks in Lima; Rojas and Vera met.", "1.5"),
        (meeting, "A storm flooded homes in northern Portugal overnight.", "4.0"),
        (meeting, "Stock markets in Tokyo fell sharply on Friday.", "3.5"),
    ]
    data = tmp_path / "pairs.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        for n, (a, b, overall) in enumerate(rows):
            writer.writerow([f"p{n}", "en", "en", a, b, overall])
        writer.writerow(["px", "de", "en", "Ein Sturm.", "A storm.", "1.0"])  # not scored
    result = CliRunner().invoke(main, ["eval", "stories", "--data", str(data), "--json"])
    scores = json.loads(result.output)
    assert scores["pairs"] == 4 and scores["clear_pairs"] == 4
    assert scores["pearson"] > 0.8 and scores["same_story_f1"] == 1.0
    missing = CliRunner().invoke(main, ["eval", "stories", "--data", str(tmp_path / "no.csv")])
    assert missing.exit_code == 3
