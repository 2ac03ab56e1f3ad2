"""A processing run: readers -> pipeline -> store, with counts that always add up.

Documents already in the store are skipped (their ids are content hashes), so an
interrupted run can simply be started again. Unreadable inputs are recorded as errors and
the run goes on. ``documents == processed + failed`` holds at every progress report.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsevents.errors import InputError
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Document, ErrorRecord
from newsevents.store import Store


@dataclass
class RunSummary:
    """What a run did. ``skipped`` documents were already stored and count as processed."""

    documents: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[ErrorRecord] = field(default_factory=list)

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "processed": self.processed,
                "failed": self.failed, "skipped": self.skipped, "events": self.events,
                "seconds": round(self.seconds, 3),
                "documents_per_second": round(self.documents_per_second, 2),
                "errors": [e.to_dict() for e in self.errors]}


def process_into_store(
    items: Iterable[Article | InputError],
    pipeline: Pipeline,
    store: Store,
    *,
    n_process: int | None = None,
    batch_size: int | None = None,
    reprocess: bool = False,
    progress: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Process ``items`` (as readers yield them) into ``store``; return the run's counts."""
    summary = RunSummary()
    started = time.perf_counter()
    size = batch_size or pipeline.settings.batch_size

    def fresh_articles() -> Iterator[Article]:
        group: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                _count_read_error(item, store, summary)
                continue
            group.append(item)
            if len(group) >= size:
                yield from _not_yet_stored(group, store, summary, reprocess)
                group = []
        if group:
            yield from _not_yet_stored(group, store, summary, reprocess)

    pending: list[Document] = []
    for document in pipeline.process_many(fresh_articles(), n_process=n_process,
                                          batch_size=size):
        pending.append(document)
        summary.documents += 1
        if document.failed:
            summary.failed += 1
            summary.errors.extend(document.errors)
        else:
            summary.processed += 1
            summary.events += len(document.events)
        if len(pending) >= size:
            store.write(pending)
            pending = []
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)
    if pending:
        store.write(pending)
    summary.seconds = time.perf_counter() - started
    if progress:
        progress(summary)
    return summary


def _count_read_error(error: InputError, store: Store, summary: RunSummary) -> None:
    record = ErrorRecord(error.document, error.stage, error.reason)
    store.record_errors([record])
    summary.documents += 1
    summary.failed += 1
    summary.errors.append(record)


def _not_yet_stored(group: list[Article], store: Store, summary: RunSummary,
                    reprocess: bool) -> Iterator[Article]:
    known = set() if reprocess else store.known_documents([a.doc_id for a in group])
    for article in group:
        if article.doc_id in known:
            summary.documents += 1
            summary.processed += 1
            summary.skipped += 1
        else:
            yield article
