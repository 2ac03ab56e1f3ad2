"""Plain-text articles: one file, one article; the first short line is the title."""

from __future__ import annotations

from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_text
from newsevents.ingest.limits import MAX_DOCUMENT_BYTES, check_document_size, read_file_bounded
from newsevents.records import Article

_MAX_TITLE_CHARS = 200


def read_text_file(path: Path, *, published: str | None = None,
                   source: str | None = None) -> Article:
    """Read ``path`` as an article; raises :class:`InputError` for binary, empty or
    oversized files (the size is checked before anything is read)."""
    document = str(path)
    text = decode_text(read_file_bounded(path, MAX_DOCUMENT_BYTES), document=document)
    return article_from_text(text, document=document, published=published, source=source)


def article_from_text(text: str, *, document: str, published: str | None = None,
                      source: str | None = None, url: str | None = None) -> Article:
    """An :class:`Article` from decoded plain text (files and WARC text records)."""
    if not text.strip():
        raise InputError("empty document", document=document)
    check_document_size(text, document=document)
    return Article(text=text, title=guess_title(text), published=published, source=source,
                   url=url, raw_id=document)


def guess_title(text: str) -> str | None:
    """The first non-blank line, if it is short enough to be a headline."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) <= _MAX_TITLE_CHARS else None
    return None
