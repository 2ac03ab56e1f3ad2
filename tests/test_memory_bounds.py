"""What keeps a long run's memory flat: the model sees word-bounded groups, freed heap
pages go back to the system after each batch, and results never depend on either."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents.pipeline as pipeline_module
from newsevents.heap import release_free_memory
from newsevents.pipeline import _parse_groups
from newsevents.records import Article
from newsevents.samples import sample_articles


def _words(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


def test_groups_keep_order_and_stay_under_the_word_bound():
    prepared = [(_words(n), index) for index, n in enumerate([300, 900, 700, 100, 50, 1200])]
    groups = list(_parse_groups(prepared, 1_000))
    assert [item for group in groups for item in group] == prepared
    assert [[index for _, index in group] for group in groups] == [[0], [1], [2, 3, 4], [5]]
    for group in groups:
        assert len(group) == 1 or sum(len(text.split()) for text, _ in group) <= 1_000


def test_a_document_longer_than_the_bound_is_parsed_alone():
    prepared = [(_words(10), 0), (_words(5_000), 1), (_words(10), 2)]
    assert [[i for _, i in g] for g in _parse_groups(prepared, 1_000)] == [[0], [1], [2]]


def test_no_documents_no_groups():
    assert list(_parse_groups([], 1_000)) == []


def _resident_kib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux /proc")
def test_freed_heap_pages_go_back_to_the_system():
    blocks = [bytearray(2_000) for _ in range(100_000)]  # ~200 MB in small heap blocks
    del blocks[: len(blocks) - 1]  # the last one pins the heap's top
    before = _resident_kib()
    release_free_memory()
    assert _resident_kib() < before - 50_000


def test_events_do_not_depend_on_how_a_batch_is_grouped(pipeline, monkeypatch):
    articles = [item for item in sample_articles() if isinstance(item, Article)][:12]
    whole = [d.to_dict()["events"] for d in pipeline.process_batch(articles)]
    monkeypatch.setattr(pipeline_module, "PARSE_GROUP_WORDS", 1)  # one document a call
    alone = [d.to_dict()["events"] for d in pipeline.process_batch(articles)]
    assert sum(map(len, whole)) > 0
    assert alone == whole
