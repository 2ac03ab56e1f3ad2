"""Row tables as a folder of Parquet parts, and loading such a folder into the store.

A run that does not write to the store itself (the Ray runner: many machines, one DuckDB
file that only one process may write) leaves the rows that :func:`document_tables` makes
in Parquet, one folder per table::

    OUTPUT/articles/part-<hash>.parquet
    OUTPUT/events/part-<hash>.parquet        (same <hash> in every table folder)
    OUTPUT/event_actors/… OUTPUT/actor_mentions/… OUTPUT/errors/…

A part holds the rows of one batch of documents in all five tables. Its name is a content
hash of the batch, so a retried batch overwrites its own part rather than adding a second
one, and the ``articles`` file is written last: a part is complete once its articles file
exists, and a worker killed half-way leaves nothing the loader would read.

:func:`load_parquet` brings the parts into a :class:`Store` through
:meth:`Store.write_tables`, several parts per transaction, so the rows of each document
replace any earlier rows of that document, exactly as a local run's batches do: loading
the same folder twice, or two folders that share documents, leaves each document once.
The folder may be local or any URI pyarrow opens (``s3://bucket/run``, ``gs://…``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsevents.content_ids import content_id
from newsevents.errors import StoreError
from newsevents.store.duckdb_store import Store
from newsevents.store.rows import (
    ARTICLE_SCHEMA,
    ERROR_SCHEMA,
    EVENT_ACTOR_SCHEMA,
    EVENT_SCHEMA,
    MENTION_SCHEMA,
)

# Written in this order; ``articles`` last marks a part as complete.
TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "errors": ERROR_SCHEMA, "event_actors": EVENT_ACTOR_SCHEMA,
    "actor_mentions": MENTION_SCHEMA, "events": EVENT_SCHEMA, "articles": ARTICLE_SCHEMA,
}
COMPLETION_TABLE = "articles"
# Parts are gathered into one store transaction up to about this many documents: fewer,
# larger transactions load faster, and memory stays bounded.
DOCUMENTS_PER_LOAD = 5000


def open_location(location: str) -> tuple[pafs.FileSystem, str]:
    """A pyarrow filesystem and path for a local folder or a URI (``s3://…``).

    Local paths are made absolute, so that workers on other machines read and write the
    same (shared) folder the driver named."""
    if "://" in location:
        try:
            return pafs.FileSystem.from_uri(location)
        except (pa.ArrowException, ValueError) as exc:
            raise StoreError(f"cannot open {location}: {exc}",
                             hint="is the filesystem's pyarrow support installed?") from exc
    return pafs.LocalFileSystem(), os.path.abspath(location)


def part_name(keys: list[str]) -> str:
    """The file name of a batch's part: a content hash of what the batch held."""
    return content_id("part", *keys) + ".parquet"


def write_part(tables: dict[str, pa.Table], location: str, name: str) -> None:
    """Write one batch's row tables as part ``name`` (every table, even empty ones)."""
    filesystem, root = open_location(location)
    for table_name, schema in TABLE_SCHEMAS.items():
        folder = f"{root}/{table_name}"
        filesystem.create_dir(folder, recursive=True)
        table = tables.get(table_name, schema.empty_table())
        # Written under a temporary name and moved, so a reader never sees half a file.
        temporary = f"{folder}/.{name}.{os.getpid()}.tmp"
        pq.write_table(table, temporary, filesystem=filesystem)
        filesystem.move(temporary, f"{folder}/{name}")


def part_names(location: str) -> list[str]:
    """Names of the complete parts under ``location``, sorted."""
    filesystem, root = open_location(location)
    selector = pafs.FileSelector(f"{root}/{COMPLETION_TABLE}", allow_not_found=True)
    names = [info.base_name for info in filesystem.get_file_info(selector)
             if info.type == pafs.FileType.File and info.base_name.startswith("part_")
             and info.base_name.endswith(".parquet")]
    return sorted(names)


def has_parts(location: str) -> bool:
    """Whether ``location`` already holds row-table parts (of an earlier run)."""
    return bool(part_names(location))


@dataclass
class LoadSummary:
    """What a load added: parts read and rows per table."""

    parts: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    transactions: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"parts": self.parts, "articles": self.articles, "events": self.events,
                "errors": self.errors, "transactions": self.transactions}


def read_part(location: str, name: str) -> dict[str, pa.Table]:
    """One part's tables, checked against (and cast to) the store's row schemas."""
    filesystem, root = open_location(location)
    tables: dict[str, pa.Table] = {}
    for table_name, schema in TABLE_SCHEMAS.items():
        path = f"{root}/{table_name}/{name}"
        try:
            table = pq.read_table(path, filesystem=filesystem)
            tables[table_name] = table.select(schema.names).cast(schema)
        except FileNotFoundError as exc:
            raise StoreError(f"part {name} has no {table_name} file under {location}",
                             hint="the folder is incomplete; re-run the job that "
                                  "wrote it") from exc
        except (pa.ArrowException, KeyError) as exc:
            raise StoreError(f"{path} does not have the {table_name} columns of this "
                             f"newsevents version: {exc}",
                             hint="load it with the newsevents version that wrote it, "
                                  "or re-run the job") from exc
    return tables


def load_parquet(location: str, store: Store, *,
                 progress: Callable[[LoadSummary], None] | None = None) -> LoadSummary:
    """Load every complete part under ``location`` into ``store``; return the counts."""
    names = part_names(location)
    if not names:
        raise StoreError(f"no Parquet parts under {location}",
                         hint="expected the output folder of `newsevents process "
                              "--engine ray` (with articles/part_*.parquet)")
    summary = LoadSummary()
    for group in _groups(location, names):
        merged = {t: pa.concat_tables([tables[t] for tables in group])
                  for t in TABLE_SCHEMAS}
        store.write_tables(merged)
        summary.parts += len(group)
        summary.articles += merged["articles"].num_rows
        summary.events += merged["events"].num_rows
        summary.errors += merged["errors"].num_rows
        summary.transactions += 1
        if progress:
            progress(summary)
    return summary


def _groups(location: str, names: list[str]) -> Iterator[list[dict[str, pa.Table]]]:
    """Parts gathered up to :data:`DOCUMENTS_PER_LOAD` documents, never two parts that
    share a document in one group (their rows would collide inside one insert)."""
    group: list[dict[str, pa.Table]] = []
    documents: set[str] = set()
    for name in names:
        tables = read_part(location, name)
        ids = set(tables["articles"].column("doc_id").to_pylist())
        if group and (ids & documents or len(documents) + len(ids) > DOCUMENTS_PER_LOAD):
            yield group
            group, documents = [], set()
        group.append(tables)
        documents |= ids
    if group:
        yield group
