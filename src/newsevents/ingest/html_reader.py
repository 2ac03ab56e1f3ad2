"""HTML pages: main text and metadata extracted with trafilatura (offline, no fetching)."""

from __future__ import annotations

from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_text, normalize_text
from newsevents.records import Article


def read_html_file(path: Path, *, published: str | None = None,
                   source: str | None = None) -> Article:
    """Extract the article body of an HTML page; raises :class:`InputError` when none."""
    html = decode_text(path.read_bytes(), document=str(path))
    return article_from_html(html, document=str(path), published=published, source=source)


def article_from_html(html: str, *, document: str, published: str | None = None,
                      source: str | None = None, url: str | None = None) -> Article:
    """Turn one HTML page into an :class:`Article`, keeping the page's own metadata
    (title, date, site name) where the caller did not supply it."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})",
                         document=document) from exc
    if extracted is None or not (extracted.text or "").strip():
        raise InputError("no article text found in HTML", document=document,
                         hint="the page may be an index, a paywall or script-rendered")
    title = extracted.title or None
    body = normalize_text(extracted.text)
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Article(
        text=text,
        title=title,
        published=published or extracted.date or None,
        source=source or extracted.sitename or None,
        url=url or extracted.url or None,
        raw_id=document,
    )
