"""The Ray engine on a local Ray instance gives the same documents, events and errors as a
local run of the same inputs (JSON lines, WARC, Parquet, unreadable lines, an empty text),
through the CLI: process --engine ray --output ... --db ..., then `load` again."""

from __future__ import annotations

import datetime
import io
import json
from itertools import chain

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra")

from newsevents import Store
from newsevents.cli import main
from newsevents.engines.inputs import read_parquet_file
from newsevents.ingest import read_paths
from newsevents.runner import process_into_store
from newsevents.samples import sample_path

pytestmark = pytest.mark.model

MEETING = ("BAKU (Caspian Wire) - Azerbaijani President Ilham Aliyev met Turkish President "
           "Recep Tayyip Erdogan in Baku on Tuesday to discuss a new gas pipeline.\n\n"
           "The two leaders signed an agreement on energy transit.\n")
PROTEST = ("Thousands of farmers protested against the Indian government in New Delhi on "
           "Sunday, demanding higher crop prices.\n")
SANCTION = ("The European Union imposed sanctions on Belarus on Monday after the disputed "
            "election, officials in Brussels said.\n")


def _corpus(folder):
    folder.mkdir()
    lines = [json.dumps({"id": "a1", "text": MEETING, "published": "2024-03-05",
                         "source": "Caspian Wire"}),
             "{not json",
             json.dumps({"id": "a2", "text": "   "}),
             json.dumps({"id": "a3", "text": PROTEST})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (folder / "crawl.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = f"<html><head><title>Sanctions</title></head><body><p>{SANCTION}</p></body>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://example.org/sanctions", "response", http_headers=headers,
            payload=io.BytesIO(page.encode())))
    pq.write_table(pa.table({
        "text": [MEETING.replace("Tuesday", "Friday"), SANCTION.replace("Monday", "Monday "
                                                                        "evening")],
        "title": ["Aliyev hosts Erdogan", None],
        "published": pa.array([datetime.date(2024, 3, 8), None], pa.date32()),
        "source": ["Caspian Wire", "Europe Desk"],
    }), folder / "articles.parquet")
    return folder


def _records(store):
    rows = store.query("SELECT record FROM events ORDER BY id")
    records = [json.loads(r["record"]) for r in rows]
    for record in records:  # story grouping depends on what else a store holds
        record.pop("story_id", None)
    return records


def test_ray_run_matches_the_local_run(tmp_path, pipeline):
    corpus = _corpus(tmp_path / "in")
    published = "2024-03-10"
    with Store(tmp_path / "local.duckdb") as local:
        items = chain(read_paths([corpus / "crawl.warc.gz", corpus / "feed.jsonl",
                                  sample_path()], published=published),
                      read_parquet_file(str(corpus / "articles.parquet"), published=published))
        local_run = process_into_store(items, pipeline, local, batch_size=4)
        expected = {
            "documents": {r["doc_id"] for r in local.query("SELECT doc_id FROM articles")},
            "errors": {r["id"] for r in local.query("SELECT id FROM errors")},
            "records": _records(local)}

    rows, db = tmp_path / "rows", tmp_path / "ray.duckdb"
    result = CliRunner().invoke(main, [
        "process", str(corpus), str(sample_path()), "--engine", "ray", "--output", str(rows),
        "--db", str(db), "--workers", "1", "--batch-size", "4", "--published", published,
        "--json"], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # the bad line and the empty text failed
    summary = json.loads(result.stdout)
    assert (summary["documents"], summary["failed"], summary["events"]) == (
        local_run.documents, local_run.failed, local_run.events)
    assert summary["loaded"]["parts"] == len(list((rows / "articles").glob("part_*")))
    with Store(db) as store:
        assert {r["doc_id"] for r in store.query("SELECT doc_id FROM articles")} == \
            expected["documents"]
        assert {r["id"] for r in store.query("SELECT id FROM errors")} == expected["errors"]
        records = _records(store)
    assert [r["id"] for r in records] == [r["id"] for r in expected["records"]]
    assert records == expected["records"]
    assert len(records) > 20

    again = CliRunner().invoke(main, ["load", str(rows), "--db", str(db), "--json"])
    assert again.exit_code == 0, again.output
    with Store(db) as store:
        assert _records(store) == records
    refused = CliRunner().invoke(main, [
        "process", str(corpus), "--engine", "ray", "--output", str(rows)])
    assert refused.exit_code == 2 and "--overwrite" in refused.output


def test_ray_only_flags_need_the_ray_engine(tmp_path):
    result = CliRunner().invoke(main, ["process", str(tmp_path), "--output", "rows"])
    assert result.exit_code == 2 and "--engine ray" in result.output
    result = CliRunner().invoke(main, ["process", str(tmp_path), "--engine", "ray"])
    assert result.exit_code == 2 and "--output" in result.output
