"""Bad input loses nothing and breaks nothing: a generated adversarial corpus, read and run.

The corpus is built in a temporary folder on every run (nothing big is committed). Each
input says what must become of it: processed, skipped as a duplicate, or an error record
with a given reason. The run must finish, count every document (documents == processed +
failed, lost = 0), store every error and list it in the summary, and exit with 1.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.errors import InputError
from newsevents.ingest import read_paths
from newsevents.records import Article

STORY = ("ADDIS ABABA (AFP) - Ethiopian Prime Minister Abiy Ahmed met Kenyan President "
         "William Ruto in Addis Ababa on Tuesday to discuss a regional trade corridor.\n\n"
         "The two leaders signed an agreement on electricity exports, and Ruto thanked his "
         "host for the talks.\n")
SPANISH = " ".join(["Los ministros de Chile y Perú se reunieron en Lima para hablar del "
                    "comercio y de la frontera marítima, según informó la cancillería."] * 4)
RUSSIAN = " ".join(["Президент России провёл переговоры с президентом Казахстана в Астане, "
                    "сообщила пресс-служба Кремля."] * 6)
CHINESE = "中国外交部长在北京会见了俄罗斯外交部长，双方讨论了贸易与地区安全问题。" * 12
MB = 1 << 20


_TOPICS = ("grain", "ports", "railways", "tariffs", "pipelines", "visas", "schools",
           "hospitals", "roads", "banks", "fisheries", "airlines", "mines", "telecoms")


def story(n: int) -> str:
    """A distinct English story per ``n``: not only another content hash, but different
    enough not to be a near copy of another ``n`` (copies are linked, not processed)."""
    topics = random.Random(n).sample(_TOPICS, 12)
    extra = " ".join(f"The ministers also discussed {a} and {b} in the {c} sector."
                     for a, b, c in zip(topics[::3], topics[1::3], topics[2::3], strict=False))
    return STORY.replace("Tuesday", ["Monday", "Tuesday", "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"][n % 7]) + (
        f"{extra} Ref {n}.\n")


def page(body: str, extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<html><head><title>Leaders meet</title></head><body><article>{paragraphs}"
            f"{extra}</article></body></html>")


@dataclass(frozen=True)
class Expected:
    """``where`` is a suffix of the document label; ``reason`` a part of the error reason,
    "" for a processed document, "duplicate" for one skipped as already seen."""

    where: str
    reason: str
    stage: str = "ingest"


def build_corpus(folder: Path) -> list[Expected]:
    """Write the adversarial corpus into ``folder``; return what must become of each."""
    rng = random.Random(9)
    expected: list[Expected] = []

    def put(name: str, content: bytes | str, reason: str, stage: str = "ingest") -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
        expected.append(Expected(name, reason, stage))

    put("a_good.txt", story(0), "")
    put("b_empty.txt", b"", "empty document")
    put("c_blank.txt", b" \n\t\n", "empty document")
    put("d_binary.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096), "binary content")
    with (folder / "e_huge.txt").open("w", encoding="utf-8") as handle:
        for _ in range(50):
            handle.write((story(1) * (MB // len(story(1)) + 1))[:MB])
    expected.append(Expected("e_huge.txt", f"document too large ({50 * MB} bytes > "))
    put("f_invalid_utf8.txt", story(2).encode() + b"Caf\xe9 \x81\x8d\xff end.\n", "")
    put("g_mixed.txt", "Café talks\n".encode() + "Café talks\n".encode("cp1252") + story(3)
        .encode(), "")
    put("h_utf16.txt", story(4).encode("utf-16"), "")
    put("i_dup_a.txt", story(5), "")
    put("i_dup_b.txt", story(5), "duplicate")
    put("j1_spanish.txt", SPANISH, "does not look like English", "clean")
    put("j2_russian.txt", RUSSIAN, "not in the Latin script", "clean")
    put("j3_chinese.txt", CHINESE, "not in the Latin script", "clean")
    put("k_scripts.html", page(story(6), "<script>document.write('INJECTED SCRIPT')</script>"
                           "<iframe src='http://example.com/x'>IFRAME TEXT</iframe>"
                           "<style>p {color: red}</style>"), "")
    rows = "".join(f"<tr><td>{i}</td><td>row {i}</td></tr>" for i in range(50_000))
    put("l_table.html", page(story(7), f"<table>{rows}</table>"), "")
    put("m_deep.html", "<html><body>" + "<div>" * 100_000 + story(8) + "</div>" * 100_000
        + "</body></html>", "nested more than 255 levels")
    put("n_complex.html", page(story(9), "<p>x</p>" * 60_000), "HTML page too complex")
    put("o_big.html", page(story(10), " " * 6 * MB), "document too large (")
    put("p_no_text.html", "<html><body><script>var x = 1;</script></body></html>",
        "no article text")
    expected += _jsonl(folder / "q_feed.jsonl")
    expected += _warc(folder)
    return expected


def _jsonl(path: Path) -> list[Expected]:
    good = {"id": "g1", "text": story(11), "published": "2023-03-07"}
    lines: list[tuple[bytes, str]] = [
        (json.dumps(good).encode(), ""),
        (json.dumps({**good, "id": "g1-again"}).encode(), "duplicate"),
        (b"[" * 100_000, "RecursionError"),
        (json.dumps({"id": "s", "title": "Bad \ud800 title", "text": story(12) + "\ud800"})
         .encode(), ""),
        (b'{"text": "' + b"a" * 6 * MB + b'"}', "document too large ("),
        (json.dumps({"text": "word " * 200_000}).encode(), "document too large (1000000"),
        (json.dumps({"id": "de", "text": story(13), "lang": "de"}).encode(),
         "language 'de' is not supported"),
        (b"[1, 2]", "expected a JSON object"),
        (json.dumps({"id": "cp", "text": "Café talks.\n" + story(14)}, ensure_ascii=False)
         .encode("cp1252"), ""),
        (b'{"id": ' + b"1" * 5000 + b', "text": "x"}', "not a JSON object"),
        (b'{"id": "cut", "text": "Talks were cut', "not a JSON object"),
    ]
    path.write_bytes(b"\n".join(line for line, _ in lines))
    stages = {"language 'de' is not supported": "clean"}
    return [Expected(f"{path.name}:{n}", reason, stages.get(reason, "ingest"))
            for n, (_, reason) in enumerate(lines, start=1)]


def _warc(folder: Path) -> list[Expected]:
    """A crawl with documents, non-documents and failures, and two broken files."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    def response(writer: warcio.WARCWriter, url: str, status: str, media: str,
                 payload: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers))

    buffer = io.BytesIO()
    writer = warcio.WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "t"}))
    writer.write_record(writer.create_warc_record(
        "http://example.org/1", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    response(writer, "http://example.org/1", "200 OK", "text/html; charset=utf-8",
             page(story(15)).encode())
    response(writer, "http://example.org/404", "404 Not Found", "text/html", b"<p>gone</p>")
    response(writer, "http://example.org/logo.png", "200 OK", "image/png", b"\x89PNG")
    writer.write_record(writer.create_warc_record(
        "http://example.org/2.txt", "resource", payload=io.BytesIO(story(16).encode()),
        warc_content_type="text/plain"))
    response(writer, "http://example.org/empty", "200 OK", "text/html",
             b"<html><body><script>x()</script></body></html>")
    response(writer, "http://example.org/cut", "200 OK", "text/html",
             page(story(17)).encode())
    (folder / "r_crawl.warc.gz").write_bytes(buffer.getvalue()[:-30])  # cut in the body

    plain = io.BytesIO()
    writer = warcio.WARCWriter(plain, gzip=False)
    response(writer, "http://example.org/3", "200 OK", "text/html", page(story(18)).encode())
    plain.write(b"GARBAGE\r\n\r\n")
    response(writer, "http://example.org/4", "200 OK", "text/html", page(story(19)).encode())
    (folder / "s_broken.warc").write_bytes(plain.getvalue())
    (folder / "t_junk.warc").write_bytes(gzip.compress(b"not a warc at all") + b"\x00junk")
    plain = io.BytesIO()
    writer = warcio.WARCWriter(plain, gzip=False)
    response(writer, "http://example.org/5", "200 OK", "text/html", page(story(20)).encode())
    (folder / "u_cut.warc").write_bytes(plain.getvalue()[:200])  # cut in the headers
    return [Expected("r_crawl.warc.gz@", ""), Expected("r_crawl.warc.gz@", "HTTP status 404"),
            Expected("r_crawl.warc.gz@", ""), Expected("r_crawl.warc.gz@", "no article text"),
            Expected("r_crawl.warc.gz@", "truncated WARC record"),
            Expected("s_broken.warc@", ""),
            Expected("s_broken.warc", "broken WARC record at byte "),
            Expected("t_junk.warc", "broken WARC record at byte "),
            Expected("u_cut.warc@0", "the file ends inside the WARC record at byte 0")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Expected]]:
    folder = tmp_path_factory.mktemp("adversarial")
    return folder, build_corpus(folder)


def _label(item: Article | InputError) -> str:
    return item.document if isinstance(item, InputError) else str(item.raw_id)


def test_readers_turn_every_input_into_one_article_or_one_reasoned_error(corpus):
    folder, expected = corpus
    items = list(read_paths([folder]))
    assert len(items) == len(expected)
    for item, want in zip(items, expected, strict=True):
        label = _label(item)
        assert want.where in label, (label, want)
        if want.stage == "ingest" and want.reason not in ("", "duplicate"):
            assert isinstance(item, InputError), (label, want)
            assert want.reason in item.reason, (item.reason, want)
        else:
            assert isinstance(item, Article), (label, item)


def test_decoded_text_is_right_for_mixed_and_broken_encodings(corpus):
    folder, _ = corpus
    articles = {Path(str(a.raw_id)).name: a for a in read_paths([folder])
                if isinstance(a, Article)}
    assert articles["g_mixed.txt"].text.startswith("Café talks\nCafé talks\n")
    assert "Café \ufffd\ufffdÿ end." in articles["f_invalid_utf8.txt"].text
    assert articles["h_utf16.txt"].text == story(4)
    assert "INJECTED" not in articles["k_scripts.html"].text
    assert "IFRAME" not in articles["k_scripts.html"].text
    assert "row 1" not in articles["l_table.html"].text
    by_id = {a.raw_id.rsplit("#", 1)[-1]: a for a in read_paths([folder / "q_feed.jsonl"])
             if isinstance(a, Article)}
    assert by_id["s"].text.endswith("\ufffd") and by_id["s"].title == "Bad \ufffd title"
    assert by_id["cp"].text.startswith("Café talks.")


def test_huge_inputs_are_refused_in_bounded_memory(tmp_path):
    big = tmp_path / "huge.txt"
    chunk = (STORY * (MB // len(STORY) + 1))[:MB].encode()
    with big.open("wb") as handle:
        for _ in range(50):
            handle.write(chunk)
    line = tmp_path / "huge.jsonl"
    with line.open("wb") as handle:
        handle.write(b'{"text": "')
        for _ in range(50):
            handle.write(b"a" * MB)
        handle.write(b'"}\n' + json.dumps({"text": STORY}).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(read_paths([big, line]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Article"]
    assert items[0].reason.startswith(f"document too large ({50 * MB} bytes > 500000 byte")
    assert items[1].reason.startswith("document too large (")
    assert peak < 16 * MB, f"peak {peak / MB:.1f} MB"


@pytest.mark.model
def test_a_run_over_the_corpus_loses_nothing_and_lists_every_failure(corpus, tmp_path,
                                                                      pipeline):
    from newsevents.runner import process_into_store
    from newsevents.store import Store

    folder, expected = corpus
    listed_twice = [folder, folder / "a_good.txt"]  # a file named twice is a duplicate too
    with Store(tmp_path / "run.duckdb") as store:
        run = process_into_store(read_paths(listed_twice), pipeline, store, batch_size=4)
        stored_errors = store.errors(limit=1000)
        articles = store.counts()["articles"]
    failures = [e for e in expected if e.reason not in ("", "duplicate")]
    duplicates = sum(e.reason == "duplicate" for e in expected) + 1
    documents_in = len(expected) + 1
    assert run.documents == documents_in == run.processed + run.failed
    assert (run.failed, run.skipped) == (len(failures), duplicates)
    assert articles == run.processed - run.skipped
    assert run.events > 0
    reasons = [(e.stage, e.reason) for e in run.errors]
    for want in failures:
        assert any(stage == want.stage and want.reason in reason
                   for stage, reason in reasons), want
    fatal = {(e["document"], e["reason"]) for e in stored_errors if e["fatal"]}
    assert fatal == {(e.document, e.reason) for e in run.errors}


@pytest.mark.model
def test_cli_lists_failures_and_exits_1(corpus, tmp_path):
    folder, expected = corpus
    result = CliRunner().invoke(main, ["process", str(folder), "--db",
                                       str(tmp_path / "cli.duckdb")],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert "skipped" in result.stderr and "document too large" in result.stderr
    assert f"{len(expected)}[/]" not in result.stdout  # rich markup rendered, not leaked
    assert f"{len(expected)} documents" in result.stdout
