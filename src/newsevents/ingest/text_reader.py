"""Plain-text articles: one file, one article; the first short line is the title."""

from __future__ import annotations

from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_text
from newsevents.records import Article

_MAX_TITLE_CHARS = 200


def read_text_file(path: Path, *, published: str | None = None,
                   source: str | None = None) -> Article:
    """Read ``path`` as an article; raises :class:`InputError` for binary or empty files."""
    text = decode_text(path.read_bytes(), document=str(path))
    if not text.strip():
        raise InputError("empty document", document=str(path))
    return Article(text=text, title=guess_title(text), published=published, source=source,
                   raw_id=str(path))


def guess_title(text: str) -> str | None:
    """The first non-blank line, if it is short enough to be a headline."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) <= _MAX_TITLE_CHARS else None
    return None
