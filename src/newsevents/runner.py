"""A processing run: readers -> pipeline -> store, with counts that always add up.

Documents already in the store are skipped (their ids are content hashes), so an
interrupted run can simply be started again: each batch is written in one transaction, so
what a killed run leaves behind is whole documents, and the next run does the rest. The
same document twice in one input (a re-posted story, a file listed twice) is processed
once. A near copy of an article already stored or read earlier (a syndicated wire story,
an updated version) skips the language stages: it is stored as a copy linked to its
original, whose events it reports again (see ``store.story_index``). Unreadable inputs
and failed documents are recorded as errors and the run goes on.
``documents == processed + failed`` holds at every progress report.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsevents.errors import InputError
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Document, ErrorRecord
from newsevents.store import Store
from newsevents.stories.near_duplicates import (
    NEAR_DUPLICATE_JACCARD,
    Fingerprint,
    estimated_jaccard,
    fingerprint,
)

# Every error is stored; the summary lists the first ones so a run over millions of bad
# documents does not hold them all in memory.
MAX_LISTED_ERRORS = 1000


@dataclass
class RunSummary:
    """What a run did. ``skipped`` documents were already stored, or came earlier in the
    same input, and count as processed; so do ``near_duplicates``, stored as copies."""

    documents: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    near_duplicates: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[ErrorRecord] = field(default_factory=list)
    errors_not_listed: int = 0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def add_failure(self, errors: list[ErrorRecord]) -> None:
        """Count one failed document and list its errors (up to the cap)."""
        self.documents += 1
        self.failed += 1
        room = max(0, MAX_LISTED_ERRORS - len(self.errors))
        self.errors.extend(errors[:room])
        self.errors_not_listed += max(0, len(errors) - room)

    def add_skipped(self) -> None:
        self.documents += 1
        self.processed += 1
        self.skipped += 1

    def add_near_duplicate(self) -> None:
        self.documents += 1
        self.processed += 1
        self.near_duplicates += 1

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "processed": self.processed,
                "failed": self.failed, "skipped": self.skipped,
                "near_duplicates": self.near_duplicates, "events": self.events,
                "seconds": round(self.seconds, 3),
                "documents_per_second": round(self.documents_per_second, 2),
                "errors": [e.to_dict() for e in self.errors],
                "errors_not_listed": self.errors_not_listed}


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
    gate = _FreshGate(store, summary, reprocess)
    copies = _CopyGate(store)

    def fresh_articles() -> Iterator[Article]:
        group: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                _count_read_error(item, store, summary)
                continue
            group.append(item)
            if len(group) >= size:
                yield from copies.admit(gate.admit(group))
                group = []
        if group:
            yield from copies.admit(gate.admit(group))

    def flush(documents: list[Document]) -> None:
        written = documents + copies.ready()
        store.write(written)
        gate.written(written)
        copies.written(written)
        for _ in range(len(written) - len(documents)):
            summary.add_near_duplicate()

    pending: list[Document] = []
    for document in pipeline.process_many(fresh_articles(), n_process=n_process,
                                          batch_size=size):
        pending.append(document)
        if document.failed:
            summary.add_failure(document.errors)
        else:
            summary.documents += 1
            summary.processed += 1
            summary.events += len(document.events)
        if len(pending) >= size:
            flush(pending)
            pending = []
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)
    if pending or copies.waiting:
        flush(pending)
        if copies.waiting:  # their originals failed: store them as articles of their own
            flush([])
    summary.seconds = time.perf_counter() - started
    if progress:
        progress(summary)
    return summary


def _count_read_error(error: InputError, store: Store, summary: RunSummary) -> None:
    record = ErrorRecord(error.document, error.stage, error.reason)
    store.record_errors([record])
    summary.add_failure([record])


class _FreshGate:
    """Lets through only documents this run has not stored or started yet.

    Memory stays bounded: besides the store, it remembers only the documents in flight
    (read but not yet written). A document written earlier in this run is found in the
    store; with ``reprocess`` the store is asked only about documents written since the
    run began, so stored documents are redone once and duplicates still are not.
    """

    def __init__(self, store: Store, summary: RunSummary, reprocess: bool) -> None:
        self.store = store
        self.summary = summary
        self.since = datetime.now(UTC).replace(tzinfo=None) if reprocess else None
        self.in_flight: set[str] = set()

    def admit(self, group: list[Article]) -> Iterator[Article]:
        stored = self.store.known_documents([a.doc_id for a in group], since=self.since)
        for article in group:
            doc_id = article.doc_id
            if doc_id in stored or doc_id in self.in_flight:
                self.summary.add_skipped()
                continue
            self.in_flight.add(doc_id)
            yield article

    def written(self, documents: list[Document]) -> None:
        self.in_flight.difference_update(d.doc_id for d in documents)


class _CopyGate:
    """Holds back near copies of articles stored or in flight, so they skip the language
    stages, and releases each once its original is stored (the store links a copy only to
    an original it holds). Remembers the LSH band keys of in-flight articles only."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.in_flight: dict[str, Fingerprint] = {}
        self.band_owner: dict[int, str] = {}
        self.waiting: list[tuple[Article, str]] = []  # (copy, its original's doc id)

    def admit(self, articles: Iterable[Article]) -> Iterator[Article]:
        group = list(articles)
        stored_originals = self.store.find_near_duplicates(
            {a.doc_id: a.text for a in group if _is_english_or_unknown(a)})
        for article in group:
            if not _is_english_or_unknown(article):
                yield article  # the pipeline refuses it with a reason; never a silent copy
                continue
            fp = fingerprint(article.text)
            original = self._in_flight_original(fp) if fp else None
            if fp and original is None:
                original = stored_originals.get(article.doc_id)
            if original is not None:
                self.waiting.append((article, original))
                continue
            if fp:
                self.in_flight[article.doc_id] = fp
                for key in fp.band_keys:
                    self.band_owner.setdefault(key, article.doc_id)
            yield article

    def _in_flight_original(self, fp: Fingerprint) -> str | None:
        for key in fp.band_keys:
            owner = self.band_owner.get(key)
            if owner is not None and estimated_jaccard(
                    fp.signature, self.in_flight[owner].signature) >= NEAR_DUPLICATE_JACCARD:
                return owner
        return None

    def ready(self) -> list[Document]:
        """Copies whose original is stored now (all of them once nothing is in flight)."""
        stored = self.store.known_documents([o for _, o in self.waiting])
        done = [(a, o) for a, o in self.waiting if o in stored or not self.in_flight]
        self.waiting = [w for w in self.waiting if w not in done]
        return [Document(article=a) for a, _ in done]

    def written(self, documents: list[Document]) -> None:
        for document in documents:
            fp = self.in_flight.pop(document.doc_id, None)
            if fp is not None:
                for key in fp.band_keys:
                    if self.band_owner.get(key) == document.doc_id:
                        del self.band_owner[key]


def _is_english_or_unknown(article: Article) -> bool:
    return not article.lang or article.lang.lower().startswith("en")
