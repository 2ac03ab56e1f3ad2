"""The runner's bookkeeping, with a stand-in pipeline (no model): every document counted
once, duplicates processed once (also with --reprocess), failures listed up to a cap and
all stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from newsevents import runner
from newsevents.errors import InputError
from newsevents.records import Article, Document, ErrorRecord
from newsevents.runner import process_into_store
from newsevents.settings import Settings
from newsevents.store import Store


class CountingPipeline:
    """Processes nothing, fails articles whose text starts with "bad", counts its input."""

    settings = Settings()

    def __init__(self) -> None:
        self.seen: list[str] = []

    def process_many(self, articles: Iterable[Article], n_process: int | None = None,
                     batch_size: int | None = None) -> Iterator[Document]:
        for article in articles:
            self.seen.append(article.doc_id)
            document = Document(article=article)
            if article.text.startswith("bad"):
                document.errors.append(ErrorRecord(article.label, "extract", "boom",
                                                   article.doc_id))
            yield document


def inputs() -> list[Article | InputError]:
    return [Article(text="one", raw_id="a"), Article(text="two", raw_id="b"),
            Article(text="one", raw_id="a-again"), InputError("unreadable", document="c"),
            Article(text="bad one", raw_id="d"), Article(text="two", raw_id="b-again"),
            Article(text="three", raw_id="e")]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "run.duckdb") as opened:
        yield opened


@pytest.mark.parametrize("batch_size", [1, 2, 32])
def test_duplicates_are_processed_once_and_counts_add_up(store, batch_size):
    pipeline = CountingPipeline()
    run = process_into_store(inputs(), pipeline, store, batch_size=batch_size)  # type: ignore[arg-type]
    assert len(pipeline.seen) == len(set(pipeline.seen)) == 4
    assert (run.documents, run.processed, run.failed, run.skipped) == (7, 5, 2, 2)
    assert {e.document for e in run.errors} == {"c", "d"}
    assert store.counts()["articles"] == 3 and store.counts()["errors"] == 2


def test_reprocess_redoes_stored_documents_once_each(store):
    process_into_store(inputs(), CountingPipeline(), store, batch_size=2)  # type: ignore[arg-type]
    again = CountingPipeline()
    run = process_into_store(inputs(), again, store, batch_size=2,  # type: ignore[arg-type]
                             reprocess=True)
    assert len(again.seen) == len(set(again.seen)) == 4
    assert run.documents == run.processed + run.failed == 7
    skipping = process_into_store(inputs(), CountingPipeline(), store)  # type: ignore[arg-type]
    assert skipping.skipped == 5 and skipping.failed == 2


def test_error_listing_is_capped_but_every_error_is_stored(store, monkeypatch):
    monkeypatch.setattr(runner, "MAX_LISTED_ERRORS", 3)
    errors = [InputError("unreadable", document=f"f{n}") for n in range(5)]
    run = process_into_store(errors, CountingPipeline(), store)  # type: ignore[arg-type]
    assert (run.failed, len(run.errors), run.errors_not_listed) == (5, 3, 2)
    assert run.to_dict()["errors_not_listed"] == 2
    assert store.counts()["errors"] == 5
