import json

import pytest

from newsevents.errors import InputError
from newsevents.ingest import read_paths
from newsevents.ingest.decoding import decode_text
from newsevents.records import Article


def _read(*paths, **kwargs):
    return list(read_paths(paths, **kwargs))


def test_text_file_title_and_published(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Ministers meet in Baku\n\nBAKU (Trend) - Ministers met.", encoding="utf-8")
    [article] = _read(path, published="2019-04-02", source="Trend")
    assert isinstance(article, Article)
    assert article.title == "Ministers meet in Baku"
    assert (article.published, article.source, article.raw_id) == ("2019-04-02", "Trend",
                                                                   str(path))


def test_cp1252_and_crlf_are_normalised(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\xe9 talks\r\nin Paris".encode("cp1252"))
    [article] = _read(path)
    assert article.text == "Café talks\nin Paris"


def test_binary_empty_and_missing_inputs_are_reasoned_errors(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    results = _read(tmp_path, tmp_path / "missing.txt")
    errors = [r for r in results if isinstance(r, InputError)]
    reasons = {e.document.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert reasons["blob.txt"] == "binary content, not text"
    assert reasons["empty.txt"] == "empty document"
    assert reasons["missing.txt"] == "no such file or folder"
    assert "notes.pdf" not in reasons  # folders are scanned for supported types only


def test_unsupported_file_named_directly_is_an_error(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF")
    [error] = _read(path)
    assert isinstance(error, InputError) and "unsupported file type" in error.reason


def test_jsonl_good_bad_and_truncated_lines_in_order(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "T", "body": "Text one.", "date": "2020-01-02",
                    "outlet": "Wire"}),
        '{"id": "a2", "text": "cut off',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "headline": "No text here"}),
        "",
        json.dumps({"text": "Text five.", "language": "en", "url": "https://example.org/5"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = _read(path, published="1999-01-01")
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Article", "InputError", "InputError", "InputError", "Article"]
    first, last = results[0], results[-1]
    assert (first.text, first.published, first.source) == ("Text one.", "2020-01-02", "Wire")
    assert first.raw_id.endswith("feed.jsonl:1#a1")
    assert last.published == "1999-01-01" and last.url == "https://example.org/5"
    assert results[1].document.endswith(":2") and "not a JSON object" in results[1].reason
    assert "no text field" in results[3].reason


def test_html_page_keeps_body_and_metadata(tmp_path):
    body = " ".join(["The foreign ministers of Chile and Peru met in Lima on Monday to "
                     "discuss a maritime boundary and trade."] * 3)
    html = f"""<html><head><title>Chile, Peru ministers meet</title>
    <meta property="article:published_time" content="2018-03-05"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Chile, Peru ministers meet</h1>
    <p>{body}</p><p>They agreed to meet again in Santiago next month.</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article), article
    assert "maritime boundary" in article.text
    assert "Subscribe" not in article.text
    assert article.published == "2018-03-05"


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError) and "no article text" in error.reason


def test_decode_rejects_binary():
    with pytest.raises(InputError):
        decode_text(b"\x00" * 10, document="x")


def test_doc_id_is_a_content_hash():
    a = Article(text="Same text.", published="2020-01-01", raw_id="one")
    b = Article(text="Same text.", published="2020-01-01", raw_id="two")
    c = Article(text="Other text.", published="2020-01-01")
    assert a.doc_id == b.doc_id != c.doc_id
