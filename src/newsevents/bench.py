"""Throughput benchmark: bare spaCy against the whole newsevents job, in one run.

Both sides see the same documents on the same cores: bare spaCy runs its full pipeline
through ``nlp.pipe``; newsevents reads, cleans, parses, codes and stores into a temporary
DuckDB file. The figure that matters is the ratio of their words per second, measured
in alternating turns so that machine load affects both alike; peak RSS is reported for this
process and its worker processes. CPU seconds (this process and its reaped workers) are
reported beside wall seconds: on a machine shared with other jobs they are the steadier
measure of the work each side does.
"""

from __future__ import annotations

import importlib
import resource
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.errors import ConfigurationError
from newsevents.ingest import read_paths
from newsevents.pipeline import Pipeline
from newsevents.records import Article
from newsevents.runner import process_into_store
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.tree_memory import TreeMemorySampler

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class BenchResult:
    documents: int
    words: int
    n_process: int
    spacy_seconds: float
    newsevents_seconds: float
    events: int
    peak_rss_mb: float
    peak_children_rss_mb: float
    spacy_cpu_seconds: float = 0.0
    newsevents_cpu_seconds: float = 0.0
    sentence_scope: str = "all"
    # Peak summed RSS of the process tree (workers included) while each side ran; in one
    # process both sides share it, so both fields give the same figure.
    spacy_tree_rss_mb: float = 0.0
    newsevents_tree_rss_mb: float = 0.0

    @property
    def spacy_words_per_second(self) -> float:
        return self.words / self.spacy_seconds if self.spacy_seconds else 0.0

    @property
    def newsevents_words_per_second(self) -> float:
        return self.words / self.newsevents_seconds if self.newsevents_seconds else 0.0

    @property
    def ratio(self) -> float:
        bare = self.spacy_words_per_second
        return self.newsevents_words_per_second / bare if bare else 0.0

    @property
    def cpu_ratio(self) -> float:
        """The ratio from CPU seconds: newsevents' words per CPU second over spaCy's."""
        return (self.spacy_cpu_seconds / self.newsevents_cpu_seconds
                if self.newsevents_cpu_seconds else 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self),
                "spacy_words_per_second": round(self.spacy_words_per_second, 1),
                "newsevents_words_per_second": round(self.newsevents_words_per_second, 1),
                "ratio": round(self.ratio, 3), "cpu_ratio": round(self.cpu_ratio, 3)}


def load_corpus(corpus: Path, limit: int, published: str | None) -> list[Article]:
    """Up to ``limit`` readable articles from ``corpus`` (files or folders)."""
    if not corpus.exists():
        raise ConfigurationError(f"benchmark corpus {corpus} does not exist")
    articles = []
    for item in read_paths([corpus], published=published):
        if isinstance(item, Article):
            articles.append(item)
            if len(articles) >= limit:
                break
    if not articles:
        raise ConfigurationError(f"no readable documents in {corpus}")
    return articles


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu_seconds() -> float:
    """CPU time of this process and of its workers that have finished."""
    return sum(u.ru_utime + u.ru_stime for u in (
        resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def run_benchmark(articles: list[Article], settings: Settings) -> BenchResult:
    """Time bare spaCy and the newsevents job on ``articles``.

    In one process the two sides take turns, batch by batch, on the same documents: on a
    shared or virtual machine the speed of the cores drifts by 10-20% over half a minute,
    and alternating every second or so makes both sides live through the same drift.
    With worker processes each side runs whole (worker pools cannot take turns cheaply),
    newsevents first, before the stock model is loaded here, so that the memory sampled
    for it is its own: this process and its workers."""
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    workers = settings.n_process
    size = settings.batch_size
    pipeline = Pipeline(settings)
    spacy_clock, newsevents_clock = _Clock(), _Clock()
    events = 0
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as folder, \
            Store(Path(folder) / "bench.duckdb") as store, TreeMemorySampler() as memory:

        def newsevents_turn(start: int, end: int) -> int:
            with newsevents_clock:
                return process_into_store(articles[start:end], pipeline, store,
                                          n_process=workers, batch_size=size).events

        if workers > 1:
            # each worker loads its own resources, inside the timing (spawned workers
            # cannot share the parent's); this process needs none of them
            memory.reset()
            events = newsevents_turn(0, len(articles))
            newsevents_tree = memory.peak_mb
            nlp = _stock_model(settings)
            memory.reset()
            with spacy_clock:
                for _ in nlp.pipe(texts, batch_size=size, n_process=workers):
                    pass
            spacy_tree = memory.peak_mb
        else:
            nlp = _stock_model(settings)
            # load outside the timing, as bare spaCy's model is
            _ = (pipeline.nlp, pipeline.knowledge, pipeline.gazetteer, pipeline.lexicon,
                 pipeline.sentence_filter)
            memory.reset()
            for start in range(0, len(articles), size):
                with spacy_clock:
                    for _ in nlp.pipe(texts[start:start + size], batch_size=size):
                        pass
                events += newsevents_turn(start, start + size)
            spacy_tree = newsevents_tree = memory.peak_mb
    return BenchResult(
        documents=len(articles), words=words, n_process=workers,
        spacy_seconds=round(spacy_clock.wall, 3),
        newsevents_seconds=round(newsevents_clock.wall, 3),
        events=events, peak_rss_mb=round(_peak_rss_mb(resource.RUSAGE_SELF), 1),
        peak_children_rss_mb=round(_peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        spacy_cpu_seconds=round(spacy_clock.cpu, 3),
        newsevents_cpu_seconds=round(newsevents_clock.cpu, 3),
        sentence_scope=settings.sentence_scope,
        spacy_tree_rss_mb=round(spacy_tree, 1), newsevents_tree_rss_mb=round(newsevents_tree, 1))


def _stock_model(settings: Settings) -> Language:
    """The model package's pipeline as it ships, untouched: bare spaCy."""
    return importlib.import_module(settings.model).load()


class _Clock:
    """Wall and CPU seconds summed over the ``with`` blocks it times."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> _Clock:
        self._started = (time.perf_counter(), _cpu_seconds())
        return self

    def __exit__(self, *_: object) -> None:
        wall, cpu = self._started
        self.wall += time.perf_counter() - wall
        self.cpu += _cpu_seconds() - cpu
