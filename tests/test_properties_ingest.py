"""Properties of ingest decoding on any bytes: a result or an InputError, never another
exception; text in the one canonical form offsets refer to; UTF-8, cp1252 and files mixing
both decode to what was written; and the JSON lines and WARC readers account for every
line or record however broken the file."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_text, looks_binary, normalize_text
from newsevents.ingest.jsonl_reader import read_jsonl_file
from newsevents.records import Article

# Characters whose cp1252 bytes can never be read as UTF-8: ASCII, and accented letters at
# 0xC0-0xFF, which as UTF-8 lead bytes would need a continuation byte (0x80-0xBF) next.
CP1252_SAFE = st.text(alphabet=st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789.,;:!?'\"-\t")
    + list("éèàùâêîôûëïüöçñÉÀÇÑÖÜß")))
UTF8_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_canonical_text_or_a_reasoned_error(data):
    try:
        text = decode_text(data, document="x")
    except InputError as error:
        assert error.reason == "binary content, not text"
        return
    assert "\r" not in text and "\x00" not in text
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert unicodedata.is_normalized("NFC", text)
    assert normalize_text(text) == text


@settings(max_examples=300, deadline=None)
@given(UTF8_TEXT)
def test_utf8_decodes_to_what_was_written(text):
    data = text.encode("utf-8")
    if looks_binary(data) or text.startswith("\ufeff"):
        return
    assert decode_text(data, document="x") == normalize_text(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(UTF8_TEXT, CP1252_SAFE), st.booleans()), max_size=8))
def test_lines_in_utf8_and_cp1252_mixed_in_one_file_both_decode(lines):
    lines = [(text.replace("\n", " ").lstrip("\ufeff"), legacy) for text, legacy in lines]
    data = b"\n".join(text.encode("cp1252" if legacy and _cp1252(text) else "utf-8")
                      for text, legacy in lines)
    if looks_binary(data):
        return
    assert decode_text(data, document="x") == normalize_text("\n".join(t for t, _ in lines))


def _cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return all(not 0x80 <= b <= 0xBF for b in text.encode("cp1252"))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=300).map(lambda b: b.replace(b"\n", b" ")),
                max_size=12))
def test_jsonl_reader_yields_one_result_per_non_blank_line(tmp_path, lines):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines))
    results = list(read_jsonl_file(path))
    assert len(results) == sum(1 for line in lines if line.strip())
    assert all(isinstance(r, Article | InputError) for r in results)


@pytest.fixture(scope="module")
def warc_bytes() -> bytes:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    buffer = io.BytesIO()
    writer = warcio.WARCWriter(buffer, gzip=False)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        body = f"<html><body><article><p>Story {n} about talks.</p></article></body></html>"
        writer.write_record(writer.create_warc_record(
            f"http://example.org/{n}", "response", http_headers=headers,
            payload=io.BytesIO(body.encode())))
    return buffer.getvalue()


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), at=st.integers(min_value=0), junk=st.binary(max_size=20))
def test_warc_reader_never_raises_on_damaged_files(tmp_path, warc_bytes, cut, at, junk):
    from newsevents.ingest.warc_reader import read_warc_file

    at %= len(warc_bytes)
    damaged = (warc_bytes[:at] + junk + warc_bytes[at + len(junk):])[:cut % (len(warc_bytes)
                                                                            + 1)]
    path = tmp_path / "damaged.warc"
    path.write_bytes(damaged)
    results = list(read_warc_file(path))
    assert all(isinstance(r, Article | InputError) for r in results)
    assert sum(isinstance(r, Article) for r in results) <= 3
