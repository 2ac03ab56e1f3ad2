"""Parquet row-table parts (what Ray workers write) load into the store exactly as a
direct write would, idempotently, and refuse incomplete or foreign folders clearly."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builders import document
from newsevents.errors import StoreError
from newsevents.records import ErrorRecord
from newsevents.store import Store
from newsevents.store.parquet_loader import (
    load_parquet,
    part_name,
    part_names,
    read_part,
    write_part,
)
from newsevents.store.rows import document_tables, error_table

TABLES = ("articles", "events", "event_actors", "actor_mentions", "errors")


def _snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every stored row but the write times, in a stable order."""
    queries = {
        "articles": "SELECT * EXCLUDE (processed_at) FROM articles ORDER BY doc_id",
        "events": "SELECT * FROM events ORDER BY id",
        "event_actors": "SELECT * FROM event_actors ORDER BY event_id, role, position",
        "actor_mentions": "SELECT * FROM actor_mentions ORDER BY doc_id, start_char",
        "errors": "SELECT * EXCLUDE (recorded_at) FROM errors ORDER BY id",
    }
    return {name: store.connection.execute(sql).fetchall() for name, sql in queries.items()}


def _batches():
    first = [document(), document(published="2024-02-01", event_type="AGREE")]
    second = [document(text="Lao Prime Minister Sonexay Siphandone met Vietnamese Prime "
                            "Minister Pham Minh Chinh in Hanoi on Friday."),
              document(text="   ", failed=True)]
    return [first, second]


def _write(folder, batches, read_errors=()):
    for number, batch in enumerate(batches):
        tables = document_tables(batch)
        if number == 0 and read_errors:
            tables["errors"] = pa.concat_tables([tables["errors"], error_table(read_errors)])
        write_part(tables, str(folder), part_name([d.doc_id for d in batch] + [str(number)]))


def test_loaded_parts_equal_a_direct_write(tmp_path):
    unreadable = [ErrorRecord("feed.jsonl:3", "ingest", "not a JSON object")]
    _write(tmp_path / "rows", _batches(), unreadable)
    assert len(part_names(str(tmp_path / "rows"))) == 2
    for table in TABLES:
        assert len(list((tmp_path / "rows" / table).glob("part_*.parquet"))) == 2
    with Store(tmp_path / "loaded.duckdb") as loaded:
        summary = load_parquet(str(tmp_path / "rows"), loaded)
        assert (summary.parts, summary.articles, summary.events) == (2, 3, 3)
        with Store(tmp_path / "direct.duckdb") as direct:
            for batch in _batches():
                direct.write(batch)
            direct.record_errors(unreadable)
            assert _snapshot(loaded) == _snapshot(direct)


def test_loading_twice_or_overlapping_runs_keeps_each_document_once(tmp_path):
    batches = _batches()
    _write(tmp_path / "rows", batches)
    _write(tmp_path / "rows", [batches[0][:1]])  # the same document in a third part
    with Store(tmp_path / "store.duckdb") as store:
        load_parquet(str(tmp_path / "rows"), store)
        once = _snapshot(store)
        load_parquet(str(tmp_path / "rows"), store)
        assert _snapshot(store) == once
        assert store.counts()["articles"] == 3


def test_parts_sharing_a_document_go_in_separate_transactions(tmp_path):
    batch = _batches()[0]
    _write(tmp_path / "rows", [batch, batch[:1], batch[1:]])
    with Store(tmp_path / "store.duckdb") as store:
        summary = load_parquet(str(tmp_path / "rows"), store)
    assert summary.parts == 3 and summary.transactions >= 2


def test_half_written_part_is_ignored_and_missing_table_is_an_error(tmp_path):
    rows = tmp_path / "rows"
    _write(rows, _batches()[:1])
    [name] = part_names(str(rows))
    (rows / "events" / "part_0000000000000000.parquet").write_bytes(b"")  # no articles file
    assert part_names(str(rows)) == [name]
    (rows / "event_actors" / name).unlink()
    with pytest.raises(StoreError, match="no event_actors file"):
        read_part(str(rows), name)


def test_foreign_or_empty_folders_are_refused(tmp_path):
    with Store(tmp_path / "store.duckdb") as store:
        with pytest.raises(StoreError, match="no Parquet parts"):
            load_parquet(str(tmp_path / "nothing"), store)
        rows = tmp_path / "rows"
        _write(rows, _batches()[:1])
        [name] = part_names(str(rows))
        pq.write_table(pa.table({"doc_id": ["x"]}), rows / "articles" / name)
        with pytest.raises(StoreError, match="columns of this newsevents version"):
            load_parquet(str(rows), store)
