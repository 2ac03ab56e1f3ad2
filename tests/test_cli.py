"""The command line, run in-process with click's runner against temporary stores."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents.cli import main

pytestmark = pytest.mark.model

STORY = ("TBILISI (Caucasus Wire) - Georgian Prime Minister Irakli Garibashvili met "
         "Azerbaijani President Ilham Aliyev in Tbilisi on Tuesday.\n\nThe two leaders "
         "signed an agreement on energy transit.\n")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00 binary junk")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORY.replace("Tuesday", "Monday"),
                    "published": "2023-03-06"}) + "\n{truncated\n", encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_process_reports_counts_and_exit_code_1_when_some_fail(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    result = run("process", corpus, "--db", db, "--published", "2023-03-07", "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["documents"], summary["processed"], summary["failed"]) == (4, 2, 2)
    assert summary["documents"] == summary["processed"] + summary["failed"]
    assert summary["events"] >= 2
    reasons = {e["reason"] for e in summary["errors"]}
    assert "binary content, not text" in reasons
    assert any(r.startswith("not a JSON object") for r in reasons)


def test_rerun_is_idempotent(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    first = json.loads(run("process", corpus, "--db", db, "--published", "2023-03-07",
                           "--json").stdout)
    events_before = run("events", "--db", db, "--format", "json", "--limit", "1000").stdout
    again = json.loads(run("process", corpus, "--db", db, "--published", "2023-03-07",
                           "--json").stdout)
    assert again["skipped"] == first["processed"] and again["events"] == 0
    forced = json.loads(run("process", corpus, "--db", db, "--published", "2023-03-07",
                            "--json", "--reprocess").stdout)
    assert forced["events"] == first["events"]
    assert run("events", "--db", db, "--format", "json",
               "--limit", "1000").stdout == events_before


def test_events_filters_and_formats(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    run("process", corpus, "--db", db, "--published", "2023-03-07", "--quiet")
    records = json.loads(run("events", "--db", db, "--actor-country", "GEO",
                             "--event-type", "CONSULT", "--format", "json").stdout)
    assert records and all(r["event_type"] == "CONSULT" for r in records)
    assert records[0]["recipient"][0]["country"] == "AZE"
    none = json.loads(run("events", "--db", db, "--actor-country", "FRA",
                          "--format", "json").stdout)
    assert none == []
    dated = json.loads(run("events", "--db", db, "--since", "2023-03-07", "--until",
                           "2023-03-07", "--format", "json").stdout)
    assert {r["date"] for r in dated} == {"2023-03-07"}
    csv_out = run("events", "--db", db, "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "id,date,event_type,cameo,status,actor,recipient,location,text"
    table = run("events", "--db", db).stdout
    assert "CONSULT" in table


def test_export_formats(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    run("process", corpus, "--db", db, "--published", "2023-03-07", "--quiet")
    parquet, jsonl = tmp_path / "e.parquet", tmp_path / "e.jsonl"
    assert run("export", "--db", db, "--format", "parquet", "-o", parquet).exit_code == 0
    assert run("export", "--db", db, "--format", "jsonl", "-o", jsonl).exit_code == 0
    rows = pq.read_table(parquet).num_rows
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert rows == len(lines) > 0
    assert {"actor", "recipient", "trigger"} <= set(json.loads(lines[0]))
    plover, gdelt = tmp_path / "e.plover.jsonl", tmp_path / "e.tsv"
    assert run("export", "--db", db, "--format", "plover", "-o", plover).exit_code == 0
    assert run("export", "--db", db, "--format", "gdelt", "-o", gdelt).exit_code == 0
    records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert len(records) == rows
    consult = next(r for r in records if r["event"] == "CONSULT")
    assert consult["source"][0]["code"] == "GEO" and consult["target"][0]["code"] == "AZE"
    assert {"eventText", "text", "eventLoc", "mode", "context"} <= set(consult)
    table = gdelt.read_text(encoding="utf-8").splitlines()
    header = table[0].split("\t")
    stories = json.loads(run("stories", "list", "--db", db, "--json").stdout)["total"]
    assert header[:3] == ["GLOBALEVENTID", "SQLDATE", "Actor1Code"]
    assert len(table) == stories + 1 and 0 < stories <= rows  # one row per happening
    row = dict(zip(header, table[1].split("\t"), strict=True))
    assert row["GLOBALEVENTID"].startswith("sty_")
    assert row["EventRootCode"] == row["EventCode"][:2] and int(row["NumMentions"]) >= 1


def test_summary_and_demo(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Events by type" in result.stdout and "Events by dyad" in result.stdout
    summary = json.loads(run("summary", "--db", db, "--json").stdout)
    assert summary["counts"]["articles"] == 12
    assert summary["by_type"][0]["example"]


def test_clean_errors_and_exit_codes(tmp_path):
    missing = run("events", "--db", tmp_path / "nope.duckdb")
    assert missing.exit_code == 3 and "does not exist" in missing.stderr
    bad_setting = run("process", tmp_path, "--db", tmp_path / "x.duckdb", "--batch-size", 0)
    assert bad_setting.exit_code == 2 and "must be >= 1" in bad_setting.stderr
    usage = run("export", "--db", tmp_path / "x.duckdb", "--format", "xml", "-o", "o")
    assert usage.exit_code == 2


def test_actor_command():
    result = run("actor", "President Nursultan Nazarbayev", "--date", "2015-10-15")
    assert json.loads(result.stdout)["country"] == "KAZ"


def test_eval_actors_scores_a_hand_written_fixture(tmp_path):
    records = [
        {"id": "a1", "date": "2015-10-15", "event": "CONSULT", "text": "(hand-written)",
         "source": [{"actorText": "Russian President Vladimir Putin", "code": "RUS",
                     "sector": "GOV"}],
         "target": [{"actorText": "Kazakh police", "code": "KAZ", "sector": "COP"}]},
        {"id": "a2", "date": "2015-10-15", "event": "ACCUSE", "text": "(hand-written)",
         "source": [{"actorText": "Zorblaxian envoys", "code": "ZZZ", "sector": "***"}]},
    ]
    data = tmp_path / "gold.json"
    data.write_text(json.dumps(records), encoding="utf-8")
    scores = json.loads(run("eval", "actors", "--data", data, "--json").stdout)
    assert (scores["spans"], scores["sector_spans"]) == (3, 2)
    assert scores["country_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["sector_accuracy"] == 1.0
    shown = run("eval", "actors", "--data", data)
    assert shown.exit_code == 0 and "country accuracy" in shown.stdout
    missing = run("eval", "actors", "--data", tmp_path / "absent.json")
    assert missing.exit_code == 3 and "not found" in missing.stderr


def test_every_command_has_help_with_examples():
    for command in ("process", "demo", "summary", "events", "export", "actor", "eval",
                    "stories"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example" in result.stdout, command
