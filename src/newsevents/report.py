"""The readable summary of a store: events by type and by dyad, each with an example.

Built from SQL over the store so that it describes everything stored, not one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsevents.store import Store

_EXAMPLE_CHARS = 160


@dataclass
class StoreSummary:
    counts: dict[str, int]
    by_type: list[dict[str, Any]]
    by_dyad: list[dict[str, Any]]
    by_status: list[dict[str, Any]]
    errors: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts, "by_type": self.by_type, "by_dyad": self.by_dyad,
                "by_status": self.by_status, "errors": self.errors}


def summarize(store: Store, limit: int = 15) -> StoreSummary:
    """Counts plus the top event types and dyads, each with its most confident sentence."""
    by_type = store.query("""
        SELECT event_type, count(*) AS events, any_value(cameo) AS cameo,
               arg_max(text, confidence) AS example
        FROM events GROUP BY event_type ORDER BY events DESC, event_type LIMIT ?""", [limit])
    by_dyad = store.query("""
        SELECT coalesce(actor_country, '?') || coalesce(' ' || actor_sector, '') AS actor,
               coalesce(recipient_country, '-') || coalesce(' ' || recipient_sector, '')
                   AS recipient,
               count(*) AS events, string_agg(DISTINCT event_type, ', ') AS types,
               arg_max(text, confidence) AS example
        FROM events GROUP BY 1, 2 ORDER BY events DESC, actor, recipient LIMIT ?""", [limit])
    by_status = store.query("""
        SELECT status, count(*) AS events FROM events GROUP BY status ORDER BY events DESC""")
    return StoreSummary(store.counts(), by_type, by_dyad, by_status, store.errors(limit))


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= _EXAMPLE_CHARS else text[:_EXAMPLE_CHARS - 1] + "…"


def render_summary(summary: StoreSummary, console: Console) -> None:
    counts = summary.counts
    console.print(f"[bold]{counts['articles']}[/] articles, [bold]{counts['events']}[/] events, "
                  f"{counts['actor_mentions']} actor mentions, {counts['errors']} errors stored")
    status = ", ".join(f"{row['status']}: {row['events']}" for row in summary.by_status)
    if status:
        console.print(f"event status — {status}")
    types = Table(title="Events by type", show_lines=False, expand=True)
    for column in ("type", "CAMEO", "events", "example sentence"):
        types.add_column(column, overflow="fold")
    for row in summary.by_type:
        types.add_row(row["event_type"], row["cameo"], str(row["events"]),
                      escape(_short(row["example"])))
    console.print(types)
    dyads = Table(title="Events by dyad (actor -> recipient)", expand=True)
    for column in ("actor", "recipient", "events", "types", "example sentence"):
        dyads.add_column(column, overflow="fold")
    for row in summary.by_dyad:
        dyads.add_row(row["actor"], row["recipient"], str(row["events"]), row["types"],
                      escape(_short(row["example"])))
    console.print(dyads)
    if summary.errors:
        errors = Table(title="Documents with errors")
        for column in ("document", "stage", "reason"):
            errors.add_column(column, overflow="fold")
        for row in summary.errors:
            errors.add_row(escape(row["document"]), row["stage"], escape(row["reason"]))
        console.print(errors)
