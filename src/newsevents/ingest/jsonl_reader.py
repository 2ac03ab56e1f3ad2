"""JSON lines feeds: one article per line; a bad line is an error record, not a crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decoding import normalize_text
from newsevents.records import Article

# Field names seen in the wild for each Article field, first match wins.
_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "publish_date", "date_publish", "pub_date")
_SOURCE_KEYS = ("source", "outlet", "publisher", "source_name")
_ID_KEYS = ("raw_id", "id", "doc_id", "guid")


def _first(record: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def read_jsonl_file(path: Path, *, published: str | None = None,
                    source: str | None = None) -> Iterator[Article | InputError]:
    """Yield one Article per good line and one InputError per bad line, in file order."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield InputError(f"not a JSON object ({exc})", document=where)
                continue
            try:
                yield article_from_record(record, document=where, published=published,
                                          source=source)
            except InputError as error:
                yield error


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
    raw_id = _first(record, _ID_KEYS)
    return Article(
        text=normalize_text(text),
        title=_first(record, _TITLE_KEYS),
        published=_first(record, _DATE_KEYS) or published,
        source=_first(record, _SOURCE_KEYS) or source,
        url=_first(record, ("url", "link")),
        lang=_first(record, ("lang", "language")) or "en",
        raw_id=f"{document}#{raw_id}" if raw_id else document,
    )
