"""``newsevents serve``: the dashboard and the JSON API over a store, read-only."""

from __future__ import annotations

import click

from newsevents.cli import clean_errors
from newsevents.settings import Settings


@click.command()
@click.option("--db", help="DuckDB file (default newsevents.duckdb).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 for every interface; there is no "
                   "authentication).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--quiet", is_flag=True, help="Log warnings and errors only, not requests.")
@clean_errors
def serve(db: str | None, host: str, port: int, quiet: bool) -> None:
    """Serve the dashboard and the JSON API (OpenAPI reference at /docs).

    The store is opened read-only; stop the server before processing more documents
    into the same file.

    \b
    Examples:
      newsevents serve                               # newsevents.duckdb on port 8000
      newsevents serve --db news.duckdb --port 8080
      curl 'http://127.0.0.1:8000/api/events?actor_country=RUS&recipient_country=KAZ'
    """
    # Imported here so that the other commands do not pay for loading the web stack.
    import uvicorn

    from newsevents.api import create_app

    settings = Settings.resolve({"db": db})
    app = create_app(settings.db)
    base = f"http://{host}:{port}"
    click.echo(f"newsevents: dashboard {base}/ · API reference {base}/docs · "
               f"store {settings.db} (read-only) · Ctrl+C to stop")
    uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info")
