"""The whole pipeline runs with the network blocked: no model hub, no fetching of iframes,
images or style sheets named in pages. A fresh process, so that loading the model, the
knowledge base and the gazetteer happens under the block too, and every attempt to
connect is reported even if some library would swallow the error."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from newsevents.samples import sample_path

pytestmark = pytest.mark.model

_BLOCKED_CLI = """
import socket, sys

def refuse(*args, **kwargs):
    sys.stderr.write(f"NETWORK ATTEMPT {args!r}\\n")
    raise OSError("network access is blocked in this test")

socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
from newsevents.cli import main
main()
"""

STORY = ("LIMA, June 3 (Andina) - Peruvian President Dina Boluarte met Chilean President "
         "Gabriel Boric in Lima on Monday to discuss a maritime trade corridor.\n")
PAGE = ("<html><head><title>Leaders meet</title>"
        "<link rel='stylesheet' href='http://example.com/site.css'>"
        "<script src='http://example.com/tracker.js'></script></head><body><article>"
        f"<p>{STORY}</p><img src='http://example.com/photo.jpg'>"
        "<iframe src='http://example.com/embed'></iframe></article></body></html>")


def test_pipeline_processes_every_input_kind_with_the_network_blocked(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"text": STORY.replace("Monday", "Friday"),
                                                   "url": "http://example.com/a"}) + "\n",
                                       encoding="utf-8")
    expected = 15  # the 12 samples and three documents above
    if _write_warc(folder / "crawl.warc.gz"):
        expected += 1
    done = subprocess.run(
        [sys.executable, "-c", _BLOCKED_CLI, "process", str(folder), str(sample_path()),
         "--db", str(tmp_path / "offline.duckdb"), "--published", "2023-06-05", "--json"],
        capture_output=True, text=True, timeout=300, check=False)
    assert "NETWORK ATTEMPT" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout)
    assert summary["documents"] == summary["processed"] == expected
    assert summary["events"] > 12


def _write_warc(path) -> bool:
    try:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter
    except ImportError:
        return False
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://example.com/b", "response", http_headers=headers,
            payload=io.BytesIO(PAGE.replace("Monday", "Tuesday").encode())))
    return True
