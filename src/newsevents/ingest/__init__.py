"""Readers: files and folders in, :class:`Article` (or a reasoned error) out.

A reader never drops a document silently: anything it cannot read becomes an
:class:`~newsevents.errors.InputError` in the stream, in input order, so the run can record
it and go on. Sizes are bounded (see :mod:`newsevents.ingest.limits`), so no single input
can exhaust memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.html_reader import article_from_html, read_html_file
from newsevents.ingest.jsonl_reader import article_from_record, read_jsonl_file
from newsevents.ingest.text_reader import read_text_file
from newsevents.ingest.warc_reader import read_warc_file
from newsevents.records import Article

__all__ = ["SUFFIXES", "article_from_html", "article_from_record", "file_kind", "read_paths"]

# Longer endings first: "x.warc.gz" is a WARC file, not an unknown ".gz".
SUFFIXES = {".warc.gz": "warc", ".warc": "warc", ".txt": "text", ".text": "text",
            ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def file_kind(path: Path) -> str | None:
    """The reader for ``path`` by its name ("text", "html", "jsonl", "warc"), or None."""
    name = path.name.lower()
    return next((kind for suffix, kind in SUFFIXES.items() if name.endswith(suffix)), None)


def _files_under(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and file_kind(child):
                yield child
    else:
        yield path


def read_paths(paths: Iterable[str | Path], *, published: str | None = None,
               source: str | None = None) -> Iterator[Article | InputError]:
    """Yield articles from files and folders (recursively, sorted), errors in place."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputError("no such file or folder", document=str(path))
            continue
        for file in _files_under(path):
            yield from _read_file(file, published=published, source=source)


def _read_file(file: Path, *, published: str | None,
               source: str | None) -> Iterator[Article | InputError]:
    kind = file_kind(file)
    try:
        if kind == "jsonl":
            yield from read_jsonl_file(file, published=published, source=source)
        elif kind == "warc":
            yield from read_warc_file(file, published=published, source=source)
        elif kind == "html":
            yield read_html_file(file, published=published, source=source)
        elif kind == "text":
            yield read_text_file(file, published=published, source=source)
        else:
            yield InputError(f"unsupported file type {file.suffix or '(none)'!r}",
                             document=str(file),
                             hint=f"supported: {', '.join(sorted(SUFFIXES))}")
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", document=str(file))
