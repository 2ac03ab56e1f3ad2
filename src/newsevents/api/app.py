"""The FastAPI application: JSON API, offline API reference and dashboard in one app.

``create_app`` opens the store read-only before anything is served, so a missing or
foreign file fails at start-up with a clear message instead of on the first request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from newsevents import __version__
from newsevents.api import actor_routes, aggregate_routes, event_routes, story_routes
from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.dependencies import database
from newsevents.api.errors import install_error_handlers
from newsevents.api.limits import (
    LIMIT_STATUSES,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    MAX_URL_BYTES,
    RequestLimits,
)
from newsevents.api.params import MAX_PAGE_SIZE
from newsevents.api.responses import Health, answers, error_responses
from newsevents.web import static_dir

# Everything the pages load comes from this server; the policy makes a stray CDN link
# fail in development instead of silently needing the internet in the field.
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_DESCRIPTION = f"""Political events coded in PLOVER/CAMEO from English news, read from a
newsevents DuckDB store (opened read-only). Errors always have the shape
`{{"error": {{"status", "code", "message", "details"}}}}`; invalid parameters give 422.
Limits: at most {MAX_PAGE_SIZE} items per page (422 above); URLs up to {MAX_URL_BYTES} bytes
(414 above), headers up to {MAX_HEADER_BYTES} bytes (431 above); request bodies are not
read, and one declared over {MAX_BODY_BYTES} bytes gets 413 (411 for a chunked body of
unknown length)."""


def create_app(db_path: str | Path) -> FastAPI:
    """The app serving ``db_path``; raises ``StoreError`` if it cannot be opened."""
    db = ReadOnlyDatabase(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        db.open()  # already open on first start; reopens when the app is started again
        yield
        db.close()

    app = FastAPI(title="newsevents", version=__version__, description=_DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", responses=error_responses(*LIMIT_STATUSES))
    app.state.db = db
    install_error_handlers(app)
    app.add_middleware(RequestLimits)  # added first, so the headers below cover refusals

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(_SECURITY_HEADERS)
        return response

    for module in (event_routes, story_routes, actor_routes, aggregate_routes):
        app.include_router(module.router)
    app.add_api_route("/api/health", health, methods=["GET"], tags=["meta"],
                      summary="Store status", response_model=None,
                      responses=answers(Health, 503))
    _add_pages(app)
    return app


def health(db: Annotated[ReadOnlyDatabase, Depends(database)]) -> dict[str, Any]:
    """Whether the store answers, what it holds and which schema version it has."""
    counts = {table: int(db.value(f"SELECT count(*) FROM {table}") or 0)
              for table in ("articles", "events", "actor_mentions")}
    schema = (db.value("SELECT max(version) FROM schema_migrations")
              if "schema_migrations" in db.tables else None)
    return {"status": "ok", "version": __version__, "store": str(db.path),
            "read_only": True, "schema_version": schema, "counts": counts}


def _add_pages(app: FastAPI) -> None:
    """The dashboard at ``/``, the API reference at ``/docs``, assets under ``/static``."""
    pages = static_dir()
    app.mount("/static", StaticFiles(directory=pages), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(pages / "index.html")

    @app.get("/docs", include_in_schema=False)
    def reference() -> FileResponse:
        return FileResponse(pages / "docs.html")
