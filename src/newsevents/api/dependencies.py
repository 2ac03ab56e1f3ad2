"""FastAPI dependencies that reach the application's shared resources."""

from __future__ import annotations

from fastapi import Request

from newsevents.api.database import ReadOnlyDatabase


def database(request: Request) -> ReadOnlyDatabase:
    """The read-only store the app was created with."""
    db: ReadOnlyDatabase = request.app.state.db
    return db
