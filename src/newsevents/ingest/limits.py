"""Size limits: how much of one input we are willing to hold in memory and hand to spaCy.

A document larger than :data:`MAX_DOCUMENT_BYTES` of text is refused with an error record
("document too large (N bytes > L byte limit)") rather than truncated: a truncated document
would yield events from an arbitrary prefix with nothing in the store to say so, while an
error tells the user to split the input. The limit is far above real news (long-form
pieces run to ~150 KB) and well under spaCy's own ``max_length`` of 1,000,000 characters;
what exceeds it is in practice a concatenated feed or a data dump, and the parser's memory
grows with document length (about 1 GB at 250 KB of text).

Containers (HTML pages, JSON lines, WARC records) carry markup, escapes and metadata besides
the text, so their raw limit :data:`MAX_RAW_BYTES` is larger; the text taken from them must
still fit the document limit.
Readers check sizes *before* reading, so a 50 MB file costs a ``stat``, not 50 MB of RAM.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from newsevents.errors import InputError

MAX_DOCUMENT_BYTES = 500_000
MAX_RAW_BYTES = 5_000_000
_CHUNK = 1 << 16


def too_large(size: int, limit: int, *, document: str) -> InputError:
    """The one error every reader raises for oversized input, so reasons group together."""
    return InputError(f"document too large ({size} bytes > {limit} byte limit)",
                      document=document, hint="split the input into separate articles")


def check_document_size(text: str, *, document: str) -> str:
    """Return ``text`` if its UTF-8 size is within :data:`MAX_DOCUMENT_BYTES`, else raise."""
    # Most characters are one byte, so the character count settles the common case cheaply.
    if len(text) <= MAX_DOCUMENT_BYTES // 4:
        return text
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        raise too_large(size, MAX_DOCUMENT_BYTES, document=document)
    return text


def read_file_bounded(path: Path, limit: int) -> bytes:
    """Read a whole file of at most ``limit`` bytes; raise :func:`too_large` otherwise.

    ``stat`` answers for regular files; the bounded read also covers files that grow while
    we read them and special files whose size ``stat`` does not know.
    """
    size = path.stat().st_size
    if size > limit:
        raise too_large(size, limit, document=str(path))
    with path.open("rb") as handle:
        return read_stream_bounded(handle, limit, document=str(path))


def read_stream_bounded(stream: BinaryIO, limit: int, *, document: str) -> bytes:
    """Read ``stream`` to its end if that is at most ``limit`` bytes; else drain the rest in
    fixed-size chunks (to report its size) and raise :func:`too_large`."""
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data
    size = len(data)
    del data
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
    raise too_large(size, limit, document=document)
