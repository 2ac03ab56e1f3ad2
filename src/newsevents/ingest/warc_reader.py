"""WARC archives (``.warc``, ``.warc.gz``): one article per HTML or plain-text capture.

Which records are documents: ``response`` records whose HTTP payload is HTML or plain text,
and ``resource``/``conversion`` records of those types. Everything else in a crawl
(``request``, ``warcinfo``, ``metadata``, ``revisit``, images, scripts, style sheets) is not
an article and is passed over. A document record that fails (an HTTP error status, a
truncated payload, no article text, too large) becomes an error record named
``file@offset``, and the file goes on.

A record whose headers are broken leaves no reliable way to find the next one, so the
reader stops there with one error record that says where the damage starts and how many
records before it were read; those are kept. A file that ends inside a record (an
interrupted download) gives an error record for that record.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.errors import InputError
from newsevents.ingest.decoding import decode_text
from newsevents.ingest.html_reader import article_from_html
from newsevents.ingest.limits import MAX_RAW_BYTES, read_stream_bounded
from newsevents.ingest.text_reader import article_from_text
from newsevents.records import Article

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord
    from warcio.statusandheaders import StatusAndHeaders

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_DOCUMENT_RECORDS = ("response", "resource", "conversion")
_CHUNK = 1 << 16


def read_warc_file(path: Path, *, published: str | None = None,
                   source: str | None = None) -> Iterator[Article | InputError]:
    """Yield an Article (or InputError) per document record, in file order."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield InputError("reading WARC files needs the warcio package", document=str(path),
                         hint="pip install warcio")
        return
    size = path.stat().st_size
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        done = 0
        try:
            for record in records:
                # The record's start; asking warcio for it would consume the record.
                where = f"{path}@{records.offset}"
                try:
                    article = _article(record, where, published=published, source=source)
                except InputError as error:
                    yield error
                else:
                    if article is not None:
                        yield article
                done += 1
        except Exception as exc:  # warcio, gzip and zlib each raise their own types
            yield InputError(
                f"broken WARC record at byte {records.offset} ({type(exc).__name__}: "
                f"{' '.join(str(exc).split())}); "
                f"{done} records before it were read, the rest of the file was not",
                document=str(path))
            return
    if records.offset < size:  # warcio ends quietly when the file stops inside a header
        yield InputError(f"the file ends inside the WARC record at byte {records.offset}",
                         document=f"{path}@{records.offset}")


def _article(record: ArcWarcRecord, where: str, *, published: str | None,
             source: str | None) -> Article | None:
    """The record's article, or None for records that are not documents; raises
    :class:`InputError` for a document record that fails."""
    if record.rec_type not in _DOCUMENT_RECORDS:
        return None
    headers: StatusAndHeaders | None = (
        record.http_headers if record.rec_type == "response" else record.rec_headers)
    if headers is None:  # a response without HTTP headers (e.g. dns:, ftp:)
        return None
    media = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media not in _HTML_TYPES + _TEXT_TYPES:
        return None
    if record.rec_type == "response":
        status = headers.get_statuscode()
        if not (status or "").startswith("2"):
            raise InputError(f"HTTP status {status or 'missing'}, not a page", document=where)
    payload = read_stream_bounded(record.content_stream(), MAX_RAW_BYTES, document=where)
    while record.raw_stream.read(_CHUNK):  # what decoding left (a chunked trailer)
        pass
    missing = getattr(record.raw_stream, "limit", 0)  # declared bytes the file did not hold
    if missing:
        raise InputError(f"truncated WARC record ({missing} bytes of its declared "
                         f"{record.length} are missing)", document=where)
    text = decode_text(payload, document=where)
    url = record.rec_headers.get_header("WARC-Target-URI")
    if media in _HTML_TYPES:
        return article_from_html(text, document=where, published=published, source=source,
                                 url=url)
    return article_from_text(text, document=where, published=published, source=source,
                             url=url)
