"""``newsevents load``: Parquet row tables (a Ray run's output) into the store."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape

from newsevents.cli import clean_errors
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.store.parquet_loader import load_parquet


@click.command()
@click.argument("folder")
@click.option("--db", help="DuckDB file to write (default newsevents.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No output.")
@clean_errors
def load(folder: str, db: str | None, as_json: bool, quiet: bool) -> None:
    """Load the Parquet row tables written by `process --engine ray` into a store.

    FOLDER is the run's --output (a local folder or a URI such as s3://bucket/run). Each
    document's rows replace any earlier rows of that document, so loading twice, or
    loading runs that overlap, keeps every document once.

    \b
    Examples:
      newsevents load rows/ --db news.duckdb
      newsevents load s3://bucket/run-2026-11/ --db news.duckdb --json
    """
    settings = Settings.resolve({"db": db})
    with Store(settings.db) as store:
        loaded = load_parquet(folder, store)
    if as_json:
        click.echo(json.dumps({**loaded.to_dict(), "db": settings.db}))
    elif not quiet:
        Console().print(f"loaded {loaded.parts} parts: {loaded.articles} articles, "
                        f"{loaded.events} events, {loaded.errors} errors -> "
                        f"{escape(settings.db)}")
