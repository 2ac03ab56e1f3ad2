"""``newsevents process`` and ``newsevents demo``: documents into the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

import click
from rich.console import Console
from rich.markup import escape

from newsevents.cli import EXIT_OK, EXIT_SOME_FAILED, clean_errors
from newsevents.cli.progress import RunProgress
from newsevents.errors import InputError
from newsevents.ingest import read_paths
from newsevents.pipeline import Pipeline
from newsevents.records import Article
from newsevents.report import render_summary, summarize
from newsevents.runner import RunSummary, process_into_store
from newsevents.samples import sample_articles
from newsevents.settings import Settings
from newsevents.store import Store

_LISTED_ON_CONSOLE = 50


def _run(items: Iterable[Article | InputError], settings: Settings, *, as_json: bool,
         quiet: bool, reprocess: bool, show_summary: bool) -> None:
    console = Console(stderr=as_json)
    pipeline = Pipeline(settings)
    with Store(settings.db) as store:
        with RunProgress(quiet=quiet) as progress:
            run = process_into_store(items, pipeline, store, n_process=settings.n_process,
                                     batch_size=settings.batch_size, reprocess=reprocess,
                                     progress=progress.update)
        if as_json:
            click.echo(json.dumps({**run.to_dict(), "db": settings.db}, ensure_ascii=False))
        else:
            if not quiet:
                console.print(
                    f"[bold]{run.documents}[/] documents: {run.processed} processed "
                    f"({run.skipped} already stored or repeated), {run.failed} failed; "
                    f"{run.events} events; {run.documents_per_second:.1f} docs/s -> "
                    f"{escape(settings.db)}")
                _list_errors(run)
            if show_summary:
                render_summary(summarize(store), console)
    sys.exit(EXIT_SOME_FAILED if run.failed else EXIT_OK)


def _list_errors(run: RunSummary) -> None:
    """Name the first failed documents on stderr; all of them are in the store."""
    for error in run.errors[:_LISTED_ON_CONSOLE]:
        click.secho(f"skipped {error.document} ({error.stage}): {error.reason}",
                    fg="yellow", err=True)
    more = len(run.errors) - _LISTED_ON_CONSOLE + run.errors_not_listed
    if more > 0:
        click.secho(f"… and {more} more, all stored in the errors table of "
                    "the store", fg="yellow", err=True)


_common = [
    click.option("--db", help="DuckDB file to write (default newsevents.duckdb)."),
    click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout."),
    click.option("--quiet", "-q", is_flag=True, help="No progress or summary output."),
    click.option("--n-process", type=int, help="Worker processes (default 1)."),
    click.option("--batch-size", type=int, help="Documents per batch (default 32)."),
    click.option("--reprocess", is_flag=True,
                 help="Process documents even if they are already stored."),
]


def _with_common(function):  # type: ignore[no-untyped-def]
    for option in reversed(_common):
        function = option(function)
    return function


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs without one.")
@click.option("--source", help="Outlet name for inputs without one.")
@click.option("--summary", "show_summary", is_flag=True,
              help="Print the store summary (events by type and dyad) afterwards.")
@_with_common
@clean_errors
def process(paths: tuple[str, ...], published: str | None, source: str | None,
            show_summary: bool, db: str | None, as_json: bool, quiet: bool,
            n_process: int | None, batch_size: int | None, reprocess: bool) -> None:
    """Read files or folders (.txt, .html, .jsonl, .warc, .warc.gz) and store their events.

    Exit code 0 when every document was processed, 1 when some failed (they are recorded
    with their reason and listed), 2 for usage errors, 3 when the store or model fails.

    \b
    Examples:
      newsevents process story.txt --published 2015-10-15
      newsevents process feed.jsonl pages/ --db news.duckdb --n-process 2 --json
    """
    settings = Settings.resolve({"db": db, "n_process": n_process, "batch_size": batch_size})
    _run(read_paths(paths, published=published, source=source), settings, as_json=as_json,
         quiet=quiet, reprocess=reprocess, show_summary=show_summary)


@click.command()
@_with_common
@clean_errors
def demo(db: str | None, as_json: bool, quiet: bool, n_process: int | None,
         batch_size: int | None, reprocess: bool) -> None:
    """Process the bundled sample articles and print what was found.

    \b
    Example:
      newsevents demo --db demo.duckdb
    """
    settings = Settings.resolve({"db": db, "n_process": n_process, "batch_size": batch_size})
    _run(sample_articles(), settings, as_json=as_json, quiet=quiet, reprocess=reprocess,
         show_summary=not as_json and not quiet)
