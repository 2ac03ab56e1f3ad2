"""HTML pages: main text and metadata extracted with trafilatura (offline, no fetching).

Hostile or careless pages get guards before extraction, because trafilatura's cost grows
with every element (about 0.15 ms each: a 50,000-row table took 12 s, 160,000 paragraph
elements 70 s) and a run has no per-document timeout: a size limit on the markup; data
tables of hundreds of rows dropped (we extract without tables anyway); an element budget
for what is left; and a clear reason when nesting deeper than libxml2's limit has swallowed
the text. Scripts, styles and iframes are never executed or fetched; trafilatura discards
them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_text, normalize_text
from newsevents.ingest.limits import (
    MAX_RAW_BYTES,
    check_document_size,
    read_file_bounded,
    too_large,
)
from newsevents.records import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MAX_TABLE_ROWS = 200
_MAX_ELEMENTS = 50_000  # real news pages have a few thousand; this bounds a page to ~8 s
_PARSER_MAX_DEPTH = 255  # libxml2 drops elements nested deeper than this
_TABLE_ROWS = "./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"


def read_html_file(path: Path, *, published: str | None = None,
                   source: str | None = None) -> Article:
    """Extract the article body of an HTML page; raises :class:`InputError` when none."""
    html = decode_text(read_file_bounded(path, MAX_RAW_BYTES), document=str(path))
    return article_from_html(html, document=str(path), published=published, source=source)


def article_from_html(html: str, *, document: str, published: str | None = None,
                      source: str | None = None, url: str | None = None) -> Article:
    """Turn one HTML page into an :class:`Article`, keeping the page's own metadata
    (title, date, site name) where the caller did not supply it."""
    import trafilatura
    from trafilatura.utils import load_html

    if len(html) > MAX_RAW_BYTES // 4 and len(html.encode("utf-8")) > MAX_RAW_BYTES:
        raise too_large(len(html.encode("utf-8")), MAX_RAW_BYTES, document=document)
    try:
        tree = load_html(html)
        if tree is None:
            raise InputError("not an HTML document", document=document)
        _drop_data_tables(tree)
        elements = sum(1 for _ in tree.iter())
        if elements > _MAX_ELEMENTS:
            raise InputError(f"HTML page too complex ({elements} elements > "
                             f"{_MAX_ELEMENTS} element limit)", document=document)
        extracted = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
        )
    except InputError:
        raise
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})",
                         document=document) from exc
    if extracted is None or not (extracted.text or "").strip():
        raise _no_text(tree, document)
    title = normalize_text(extracted.title) if extracted.title else None
    body = normalize_text(extracted.text)
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    check_document_size(text, document=document)
    return Article(
        text=text,
        title=title,
        published=published or extracted.date or None,
        source=source or extracted.sitename or None,
        url=url or extracted.url or None,
        raw_id=document,
    )


def _drop_data_tables(tree: HtmlElement) -> None:
    """Remove tables with more than ``_MAX_TABLE_ROWS`` rows of their own (layout tables
    that wrap a whole old-style page have a handful and stay)."""
    big = [table for table in tree.iter("table")
           if len(table.xpath(_TABLE_ROWS)) > _MAX_TABLE_ROWS]
    for table in big:
        table.drop_tree()


def _no_text(tree: HtmlElement, document: str) -> InputError:
    if tree.xpath(f"boolean(//*[count(ancestor::*) >= {_PARSER_MAX_DEPTH - 5}])"):
        return InputError(f"HTML nested more than {_PARSER_MAX_DEPTH} levels deep; the "
                          "parser drops what lies deeper and no article text was left",
                          document=document)
    return InputError("no article text found in HTML", document=document,
                      hint="the page may be an index, a paywall or script-rendered")
