"""The DuckDB store: schema migrations, batched writes, queries and exports."""

from newsevents.store.duckdb_store import EventFilter, Store
from newsevents.store.migrations import MIGRATIONS, apply_migrations
from newsevents.store.story_reads import StoryFilter

__all__ = ["MIGRATIONS", "EventFilter", "Store", "StoryFilter", "apply_migrations"]
