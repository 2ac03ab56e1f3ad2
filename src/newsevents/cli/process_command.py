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
from newsevents.errors import ConfigurationError, InputError
from newsevents.ingest import read_paths
from newsevents.pipeline import Pipeline
from newsevents.records import Article
from newsevents.report import render_summary, summarize
from newsevents.runner import RunSummary, process_into_store
from newsevents.samples import sample_articles
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.store.parquet_loader import load_parquet

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
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True,
              help="local: this machine, straight into the store. ray: Ray Data workers "
                   "write Parquet to --output (loaded into the store when --db is given).")
@click.option("--output", help="[ray] Folder or URI (s3://…) for the Parquet row tables.")
@click.option("--workers", type=click.IntRange(1, 100_000),
              help="[ray] Worker actors, one model each (default: one per CPU).")
@click.option("--ray-address",
              help="[ray] Cluster to join (default $RAY_ADDRESS, else a local instance).")
@click.option("--overwrite", is_flag=True,
              help="[ray] Replace the parts of an earlier run in --output.")
@_with_common
@clean_errors
def process(paths: tuple[str, ...], published: str | None, source: str | None,
            show_summary: bool, engine: str, output: str | None, workers: int | None,
            ray_address: str | None, overwrite: bool, db: str | None, as_json: bool,
            quiet: bool, n_process: int | None, batch_size: int | None,
            reprocess: bool) -> None:
    """Read files or folders (.txt, .html, .jsonl, .warc, .warc.gz) and store their events.

    With --engine ray, Parquet files (a `text` column, optional title, published, source,
    url) are read too, every document is processed on Ray, and the rows go to --output as
    Parquet; with --db they are then loaded into that store (as `newsevents load` does).

    Exit code 0 when every document was processed, 1 when some failed (they are recorded
    with their reason and listed), 2 for usage errors, 3 when the store or model fails.

    \b
    Examples:
      newsevents process story.txt --published 2015-10-15
      newsevents process feed.jsonl pages/ --db news.duckdb --n-process 2 --json
      newsevents process crawl/ --engine ray --output rows/ --db news.duckdb
    """
    settings = Settings.resolve({"db": db, "n_process": n_process, "batch_size": batch_size})
    if engine == "ray":
        if not output:
            raise ConfigurationError("--engine ray needs --output (a folder for the Parquet "
                                     "row tables)", hint="e.g. --output rows/")
        if n_process is not None:
            raise ConfigurationError("--n-process is for the local engine",
                                     hint="with --engine ray, give --workers")
        _run_ray(paths, output, settings, load_into=db, workers=workers, address=ray_address,
                 overwrite=overwrite, published=published, source=source, as_json=as_json,
                 quiet=quiet, show_summary=show_summary)
        return
    ray_only = {"--output": output, "--workers": workers, "--ray-address": ray_address,
                "--overwrite": overwrite or None}
    given = [flag for flag, value in ray_only.items() if value is not None]
    if given:
        raise ConfigurationError(f"{', '.join(given)} only apply with --engine ray")
    _run(read_paths(paths, published=published, source=source), settings, as_json=as_json,
         quiet=quiet, reprocess=reprocess, show_summary=show_summary)


def _run_ray(paths: tuple[str, ...], output: str, settings: Settings, *,
             load_into: str | None, workers: int | None, address: str | None,
             overwrite: bool, published: str | None, source: str | None, as_json: bool,
             quiet: bool, show_summary: bool) -> None:
    """Process on Ray into Parquet, then (with --db) load the Parquet into the store."""
    from newsevents.engines import process_with_ray

    console = Console(stderr=as_json)
    with RunProgress(quiet=quiet) as progress:
        run = process_with_ray(paths, output, settings=settings, workers=workers,
                               batch_size=settings.batch_size, published=published,
                               source=source, address=address, overwrite=overwrite,
                               progress=progress.update)
    report: dict[str, object] = {**run.to_dict(), "output": output}
    if not quiet and not as_json:
        console.print(f"[bold]{run.documents}[/] documents on Ray: {run.processed} processed, "
                      f"{run.failed} failed; {run.events} events; "
                      f"{run.documents_per_second:.1f} docs/s -> {escape(output)}")
        _list_errors(run)
    if load_into is not None and run.documents:
        with Store(settings.db) as store:
            loaded = load_parquet(output, store)
            report.update(db=settings.db, loaded=loaded.to_dict())
            if not quiet and not as_json:
                console.print(f"loaded {loaded.articles} articles, {loaded.events} events "
                              f"and {loaded.errors} errors -> {escape(settings.db)}")
            if show_summary:
                render_summary(summarize(store), console)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    sys.exit(EXIT_SOME_FAILED if run.failed else EXIT_OK)


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
