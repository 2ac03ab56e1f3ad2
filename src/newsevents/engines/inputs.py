"""Inputs for a distributed run: which files, how each is read, and the rows that carry an
article (or a read error) from a reading task to a pipeline worker.

Every file kind is read by the same readers as a local run (:func:`read_paths`: text,
HTML, JSON lines, WARC), so the same input gives the same articles and so the same ids on
either engine. Parquet files (a ``text`` column plus optional ``title``, ``published``,
``source``, ``url``, ``lang``, ``id``) are read row by row into the same mapping a JSON
line goes through, and may also live on object storage (``s3://bucket/articles/``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsevents.errors import InputError
from newsevents.ingest import article_from_record, file_kind, read_paths
from newsevents.records import Article, ErrorRecord
from newsevents.store.parquet_loader import open_location

PARQUET_SUFFIX = ".parquet"
ITEM_SCHEMA = pa.schema([(name, pa.string()) for name in (
    "text", "title", "published", "source", "url", "lang", "raw_id",
    "error_stage", "error_reason")])


def list_inputs(paths: Iterable[str]) -> list[str]:
    """The files to read, in order: folders are walked recursively and sorted, keeping
    files a reader knows (and Parquet); a named file is kept whatever it is, so that a
    missing or unsupported file becomes an error record, as in a local run."""
    found: list[str] = []
    for given in paths:
        if "://" in given:
            found.extend(_remote_parquet_files(given))
            continue
        path = Path(given).absolute()
        if path.is_dir():
            found.extend(str(child) for child in sorted(path.rglob("*"))
                         if child.is_file() and _readable(child))
        else:
            found.append(str(path))
    return found


def _readable(path: Path) -> bool:
    return file_kind(path) is not None or path.name.lower().endswith(PARQUET_SUFFIX)


def _remote_parquet_files(uri: str) -> list[str]:
    filesystem, root = open_location(uri)
    info = filesystem.get_file_info(root)
    if info.type == pafs.FileType.File:
        return [uri]
    scheme = uri.split("://", 1)[0]
    selector = pafs.FileSelector(root, recursive=True, allow_not_found=True)
    return sorted(f"{scheme}://{entry.path}" for entry in filesystem.get_file_info(selector)
                  if entry.type == pafs.FileType.File
                  and entry.path.lower().endswith(PARQUET_SUFFIX))


def read_input(path: str, *, published: str | None = None,
               source: str | None = None) -> Iterator[Article | InputError]:
    """Articles (or read errors, in place) from one input file."""
    if path.lower().endswith(PARQUET_SUFFIX):
        yield from read_parquet_file(path, published=published, source=source)
    elif "://" in path:
        yield InputError("only Parquet inputs can be read from a URI", document=path,
                         hint="copy JSON lines and WARC files to storage every worker "
                              "mounts, or convert them to Parquet")
    else:
        yield from read_paths([path], published=published, source=source)


def read_parquet_file(path: str, *, published: str | None = None,
                      source: str | None = None) -> Iterator[Article | InputError]:
    """One article per row; a row is named ``path:row`` (from 1) like a JSON line."""
    filesystem, location = open_location(path)
    try:
        handle = pq.ParquetFile(filesystem.open_input_file(location))
    except (OSError, pa.ArrowException) as exc:
        yield InputError(f"cannot read Parquet file ({exc})", document=path)
        return
    number = 0
    try:
        for batch in handle.iter_batches(batch_size=512):
            for record in batch.to_pylist():
                number += 1
                try:
                    yield article_from_record(_plain(record), document=f"{path}:{number}",
                                              published=published, source=source)
                except InputError as error:
                    yield error
    except (OSError, pa.ArrowException) as exc:
        yield InputError(f"Parquet file broken after row {number} ({exc})", document=path)


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """Dates and timestamps as ISO text, as a JSON line would carry them."""
    return {key: value.isoformat() if isinstance(value, dt.date) else value
            for key, value in record.items()}


def item_row(item: Article | InputError) -> dict[str, str | None]:
    """The row that carries an article or a read error to a worker."""
    if isinstance(item, InputError):
        return {"text": None, "title": None, "published": None, "source": None,
                "url": None, "lang": None, "raw_id": item.document,
                "error_stage": item.stage, "error_reason": item.reason}
    return {"text": item.text, "title": item.title, "published": item.published,
            "source": item.source, "url": item.url, "lang": item.lang,
            "raw_id": item.raw_id, "error_stage": None, "error_reason": None}


def item_from_row(row: dict[str, Any]) -> Article | ErrorRecord:
    """Back from a row: the article, or the error record a local run would store."""
    if row.get("error_reason") is not None:
        return ErrorRecord(row["raw_id"], row["error_stage"] or "ingest", row["error_reason"])
    return Article(text=row["text"], title=row["title"], published=row["published"],
                   source=row["source"], url=row["url"], lang=row["lang"],
                   raw_id=row["raw_id"])


def read_item_tables(paths: pa.Table, *, published: str | None, source: str | None,
                     rows_per_table: int = 256) -> Iterator[pa.Table]:
    """Ray reading task: a batch of input paths in, tables of item rows out (in chunks,
    so a large file streams rather than building one huge block)."""
    rows: list[dict[str, str | None]] = []
    for path in paths.column("path").to_pylist():
        for item in read_input(path, published=published, source=source):
            rows.append(item_row(item))
            if len(rows) >= rows_per_table:
                yield pa.Table.from_pylist(rows, schema=ITEM_SCHEMA)
                rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=ITEM_SCHEMA)
