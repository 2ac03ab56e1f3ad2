"""The Ray worker: one :class:`Pipeline` (one model load) per actor, batches in, Parquet
parts out.

Each call runs the very stage functions a local run does (:meth:`Pipeline.process_batch`,
then :func:`document_tables`), writes the batch's row tables as one Parquet part, and
returns only a small summary per input item, so the documents never travel back to the
driver.
"""

from __future__ import annotations

import json

import pyarrow as pa

from newsevents.engines.inputs import item_from_row
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Document, ErrorRecord
from newsevents.settings import Settings
from newsevents.store.parquet_loader import part_name, write_part
from newsevents.store.rows import document_tables, error_table

RESULT_SCHEMA = pa.schema([("doc_id", pa.string()), ("failed", pa.bool_()),
                           ("events", pa.int32()), ("errors", pa.string())])


class PipelineWorker:
    """A Ray Data callable class: constructed once per actor, called once per batch."""

    def __init__(self, settings: Settings, output: str) -> None:
        self.pipeline = Pipeline(settings)
        self.output = output
        # Load everything now, so the first batch is not slower and a broken model or
        # table fails the actor at start with a clear error.
        _ = (self.pipeline.nlp, self.pipeline.knowledge, self.pipeline.lexicon,
             self.pipeline.gazetteer)

    def __call__(self, batch: pa.Table) -> pa.Table:
        items = [item_from_row(row) for row in batch.to_pylist()]
        articles = [item for item in items if isinstance(item, Article)]
        read_errors = [item for item in items if isinstance(item, ErrorRecord)]
        documents = self.pipeline.process_batch(articles)
        tables = document_tables(documents)
        if read_errors:
            tables["errors"] = pa.concat_tables([tables["errors"], error_table(read_errors)])
        keys = [d.doc_id for d in documents] + [e.id for e in read_errors]
        write_part(tables, self.output, part_name(keys))
        rows = [_result(d) for d in documents]
        rows += [{"doc_id": None, "failed": True, "events": 0,
                  "errors": json.dumps([e.to_dict()])} for e in read_errors]
        return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


def _result(document: Document) -> dict[str, object]:
    errors = [e.to_dict() for e in document.errors] if document.failed else []
    return {"doc_id": document.doc_id, "failed": document.failed,
            "events": len(document.events), "errors": json.dumps(errors)}


def result_errors(value: str) -> list[ErrorRecord]:
    """The error records a result row carries (those of a failed document)."""
    return [ErrorRecord(e["document"], e["stage"], e["reason"], e["doc_id"], e["fatal"])
            for e in json.loads(value)]
