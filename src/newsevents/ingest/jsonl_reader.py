"""JSON lines feeds: one article per line; a bad line is an error record, not a crash.

Lines are read with a bound (:data:`~newsevents.ingest.limits.MAX_RAW_BYTES`), so one
50 MB line costs a fixed buffer, not 50 MB; a truncated last line, a line in another
encoding, a nesting bomb (``[[[[...``) or a number too long to convert are each reported
against their line number and the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_bytes, normalize_text
from newsevents.ingest.limits import MAX_RAW_BYTES, check_document_size, too_large
from newsevents.records import Article

# Field names seen in the wild for each Article field, first match wins.
_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "publish_date", "date_publish", "pub_date")
_SOURCE_KEYS = ("source", "outlet", "publisher", "source_name")
_ID_KEYS = ("raw_id", "id", "doc_id", "guid")
_CHUNK = 1 << 16


def _first(record: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return normalize_text(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def read_jsonl_file(path: Path, *, published: str | None = None,
                    source: str | None = None) -> Iterator[Article | InputError]:
    """Yield one Article per good line and one InputError per bad line, in file order."""
    with path.open("rb") as handle:
        for number, (raw, size) in enumerate(bounded_lines(handle, MAX_RAW_BYTES), start=1):
            where = f"{path}:{number}"
            if raw is None:
                yield too_large(size, MAX_RAW_BYTES, document=where)
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw))
            except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
                yield InputError(f"not a JSON object ({type(exc).__name__}: {exc})",
                                 document=where)
                continue
            try:
                yield article_from_record(record, document=where, published=published,
                                          source=source)
            except InputError as error:
                yield error


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Yield ``(line, size)`` per line; ``line`` is None when the line is longer than
    ``limit`` bytes, in which case the rest of it is skipped in fixed-size chunks."""
    while raw := handle.readline(limit + 1):
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw, len(raw)
            continue
        size = len(raw)
        del raw
        while more := handle.readline(_CHUNK):
            size += len(more)
            if more.endswith(b"\n"):
                break
        yield None, size


def article_from_record(record: object, *, document: str, published: str | None = None,
                        source: str | None = None) -> Article:
    """Map one JSON record onto an Article, accepting the common field names."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}",
                         document=document)
    text = _first(record, _TEXT_KEYS)
    if text is None:
        raise InputError(f"no text field (looked for {', '.join(_TEXT_KEYS)})",
                         document=document)
    check_document_size(text, document=document)
    raw_id = _first(record, _ID_KEYS)
    return Article(
        text=text,
        title=_first(record, _TITLE_KEYS),
        published=_first(record, _DATE_KEYS) or published,
        source=_first(record, _SOURCE_KEYS) or source,
        url=_first(record, ("url", "link")),
        lang=_first(record, ("lang", "language")) or "en",
        raw_id=f"{document}#{raw_id}" if raw_id else document,
    )
