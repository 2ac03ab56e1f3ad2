"""``newsevents bench``: newsevents against bare spaCy on the same documents and cores."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from newsevents.bench import load_corpus, run_benchmark
from newsevents.cli import clean_errors
from newsevents.settings import Settings


@click.command()
@click.option("--corpus", type=click.Path(), required=True,
              help="Folder or files of articles (.txt, .html, .jsonl, .warc).")
@click.option("--docs", type=click.IntRange(1, 10_000_000), default=500, show_default=True,
              help="How many documents to use.")
@click.option("--n-process", type=int, help="Worker processes for both sides (default 1).")
@click.option("--sentence-scope", type=click.Choice(["all", "events"]),
              help="'all' parses every sentence (careful path, the default); 'events' "
                   "masks sentences that can hold no event first (fast path).")
@click.option("--published", default="2005-01-01", show_default=True,
              help="Publication date for documents without one.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@clean_errors
def bench(corpus: str, docs: int, n_process: int | None, sentence_scope: str | None,
          published: str, as_json: bool) -> None:
    """Words per second of bare spaCy's full pipeline and of the whole newsevents job
    (read -> events -> stored), their ratio, events found and peak memory, in one run.

    \b
    Examples:
      newsevents bench --corpus articles/ --docs 500
      newsevents bench --corpus articles/ --docs 2000 --n-process 2 --json
      newsevents bench --corpus articles/ --sentence-scope events
    """
    settings = Settings.resolve({"n_process": n_process, "sentence_scope": sentence_scope})
    result = run_benchmark(load_corpus(Path(corpus), docs, published), settings)
    if as_json:
        click.echo(json.dumps(result.to_dict()))
        return
    console = Console()
    console.print(f"{result.documents} documents, {result.words} words, "
                  f"{result.n_process} process(es), sentence scope {result.sentence_scope}")
    console.print(f"bare spaCy   {result.spacy_words_per_second:10.1f} words/s")
    console.print(f"newsevents   {result.newsevents_words_per_second:10.1f} words/s "
                  f"({result.events} events stored)")
    console.print(f"ratio        {result.ratio:10.3f} (from CPU seconds "
                  f"{result.cpu_ratio:.3f})")
    console.print(f"peak RSS     {result.peak_rss_mb:10.1f} MB (workers "
                  f"{result.peak_children_rss_mb:.1f} MB)")
    console.print(f"process tree {result.newsevents_tree_rss_mb:10.1f} MB at most while "
                  f"newsevents ran, {result.spacy_tree_rss_mb:.1f} MB while bare spaCy ran")
