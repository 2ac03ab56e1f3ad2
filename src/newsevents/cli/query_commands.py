"""Reading the store: ``summary``, ``events``, ``export`` and ``actor``."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsevents.cli import clean_errors
from newsevents.errors import ConfigurationError
from newsevents.pipeline import Pipeline
from newsevents.records import EVENT_STATUSES
from newsevents.report import render_summary, summarize
from newsevents.settings import Settings
from newsevents.store import EventFilter, Store
from newsevents.store.exports import write_gdelt, write_plover

_CSV_COLUMNS = ("id", "date", "event_type", "cameo", "status", "actor", "recipient",
                "location", "text")


@click.command()
@click.option("--db", help="DuckDB file (default newsevents.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of tables.")
@clean_errors
def summary(db: str | None, as_json: bool) -> None:
    """Events by type and by dyad, with an example sentence each.

    \b
    Example:
      newsevents summary --db news.duckdb
    """
    settings = Settings.resolve({"db": db})
    with Store(settings.db, read_only=True) as store:
        result = summarize(store)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, default=str))
    else:
        render_summary(result, Console())


def _flat(record: dict) -> dict[str, str]:
    def who(people: list[dict]) -> str:
        return "; ".join(f"{p.get('name') or p['text']} ({p.get('country') or '?'} "
                         f"{p.get('sector') or ''})".replace(" )", ")") for p in people)

    location = record.get("location") or {}
    return {"id": record["id"], "date": record.get("date") or "",
            "event_type": record["event_type"], "cameo": record["cameo"],
            "status": record["status"], "actor": who(record["actor"]),
            "recipient": who(record["recipient"]), "location": location.get("name") or "",
            "text": record["text"]}


@click.command()
@click.option("--db", help="DuckDB file (default newsevents.duckdb).")
@click.option("--actor-country", help="ISO3 code of the actor, e.g. RUS.")
@click.option("--recipient-country", help="ISO3 code of the recipient, e.g. KAZ.")
@click.option("--event-type", help="PLOVER type, e.g. CONSULT.")
@click.option("--status", type=click.Choice(EVENT_STATUSES))
@click.option("--since", "date_from", help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", "date_to", help="Events on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
              default="table", show_default=True)
@clean_errors
def events(db: str | None, actor_country: str | None, recipient_country: str | None,
           event_type: str | None, status: str | None, date_from: str | None,
           date_to: str | None, limit: int, fmt: str) -> None:
    """List stored events, filtered.

    \b
    Examples:
      newsevents events --actor-country RUS --recipient-country KAZ
      newsevents events --event-type ASSAULT --since 2019-01-01 --format json
    """
    settings = Settings.resolve({"db": db})
    where = EventFilter(actor_country=actor_country, recipient_country=recipient_country,
                        event_type=event_type, status=status, date_from=date_from,
                        date_to=date_to)
    with Store(settings.db, read_only=True) as store:
        records = store.events(where, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat(r) for r in records)
    else:
        table = Table(title=f"{len(records)} events", expand=True)
        for column in ("date", "type", "status", "actor", "recipient", "location", "text"):
            table.add_column(column, overflow="fold")
        for row in map(_flat, records):
            table.add_row(*(escape(value) for value in (
                row["date"], f"{row['event_type']} {row['cameo']}", row["status"],
                row["actor"], row["recipient"], row["location"], row["text"])))
        Console().print(table)


@click.command()
@click.option("--db", help="DuckDB file (default newsevents.duckdb).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv", "plover",
                                                   "gdelt"]), required=True,
              help="parquet/csv: flat table; jsonl: full records; plover: PLOVER JSON lines; "
                   "gdelt: GDELT 2.0-style tab-separated table.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True)
@clean_errors
def export(db: str | None, fmt: str, output: str) -> None:
    """Export all events: Parquet or CSV (flat table), JSON lines (full records), PLOVER
    JSON lines, or a GDELT 2.0-style table. Streamed, so large stores are fine.

    \b
    Examples:
      newsevents export --format parquet --output events.parquet
      newsevents export --format jsonl -o events.jsonl
      newsevents export --format plover -o events.plover.jsonl
      newsevents export --format gdelt -o events.gdelt.tsv
    """
    settings = Settings.resolve({"db": db})
    path = Path(output)
    if not path.parent.exists():
        raise ConfigurationError(f"output folder {path.parent} does not exist")
    with Store(settings.db, read_only=True) as store:
        if fmt == "jsonl":
            count = 0
            with path.open("w", encoding="utf-8") as handle:
                for record in store.iter_event_records():
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
        elif fmt == "plover":
            count = write_plover(store, path)
        elif fmt == "gdelt":
            count = write_gdelt(store, path)
        else:
            count = store.export_table(path, fmt)
    Console(stderr=True).print(f"{count} events -> {path}")


@click.command()
@click.argument("text")
@click.option("--date", "when", help="Date the mention is from (YYYY-MM-DD).")
@click.option("--context", help="ISO3 country the document is about.")
@clean_errors
def actor(text: str, when: str | None, context: str | None) -> None:
    """Resolve an actor mention to country + sector (JSON; null when unknown).

    \b
    Example:
      newsevents actor "the Kazakh President" --date 2015-10-15
    """
    resolved = Pipeline(Settings.resolve()).resolve_actor(text, date=when, context=context)
    click.echo(json.dumps(resolved, ensure_ascii=False))
