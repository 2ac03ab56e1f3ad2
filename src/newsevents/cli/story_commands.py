"""``newsevents stories``: happenings counted once, with their sources and conflicts."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsevents.cli import clean_errors
from newsevents.errors import StoreError
from newsevents.settings import Settings
from newsevents.store import Store, StoryFilter


@click.group()
def stories() -> None:
    """Stories: one happening however many outlets reported it.

    \b
    Examples:
      newsevents stories list --country KAZ --min-sources 2
      newsevents stories list --conflicts
      newsevents stories show sty_0123456789abcdef
    """


@stories.command("list")
@click.option("--db", help="DuckDB file (default newsevents.duckdb).")
@click.option("--event-type", help="PLOVER type, e.g. CONSULT.")
@click.option("--country", help="ISO3 code of a participant (either side), e.g. RUS.")
@click.option("--since", "date_from", help="Stories on or after this date (YYYY-MM-DD).")
@click.option("--until", "date_to", help="Stories on or before this date (YYYY-MM-DD).")
@click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True,
              help="Only stories reported by at least this many independent outlets.")
@click.option("--conflicts", "conflicts_only", is_flag=True,
              help="Only stories whose sources disagree.")
@click.option("--limit", type=click.IntRange(1, 10000), default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@clean_errors
def list_stories(db: str | None, event_type: str | None, country: str | None,
                 date_from: str | None, date_to: str | None, min_sources: int,
                 conflicts_only: bool, limit: int, as_json: bool) -> None:
    """List stories, the most corroborated first."""
    settings = Settings.resolve({"db": db})
    where = StoryFilter(event_type=event_type, country=country, date_from=date_from,
                        date_to=date_to, min_sources=min_sources,
                        conflicts_only=conflicts_only)
    with Store(settings.db, read_only=True) as store:
        total, page = store.stories(where, limit=limit)
    if as_json:
        click.echo(json.dumps({"total": total, "stories": page}, ensure_ascii=False,
                              default=str))
        return
    table = Table(title=f"{total} stories" + (f" (first {len(page)})" if total > len(page)
                                              else ""))
    for column in ("story", "date", "type", "actor", "recipient", "place", "sources",
                   "articles", "conflicts"):
        table.add_column(column)
    for s in page:
        table.add_row(s["story_id"], s["date"] or "", s["event_type"] or "",
                      escape(_who(s, "actor")), escape(_who(s, "recipient")),
                      escape(s["location_name"] or ""), str(s["n_independent_sources"]),
                      str(s["n_articles"]), str(s["n_conflicts"] or ""))
    Console().print(table)


@stories.command("show")
@click.argument("story_id")
@click.option("--db", help="DuckDB file (default newsevents.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
@clean_errors
def show_story(story_id: str, db: str | None, as_json: bool) -> None:
    """One story: what happened, every report of it, its sources and their conflicts."""
    settings = Settings.resolve({"db": db})
    with Store(settings.db, read_only=True) as store:
        story = store.story(story_id)
    if story is None:
        raise StoreError(f"no story {story_id} in {settings.db}",
                         hint="list them with `newsevents stories list`")
    if as_json:
        click.echo(json.dumps(story, ensure_ascii=False, default=str))
        return
    console = Console()
    console.print(f"[bold]{story['story_id']}[/bold]  {story['event_type']} "
                  f"({story['cameo']})  {escape(_who(story, 'actor'))} -> "
                  f"{escape(_who(story, 'recipient')) or '-'}")
    console.print(f"date {story['date'] or '?'}  place {escape(story['location_name'] or '?')}"
                  f"  status {story['status']}")
    console.print(f"{story['n_mentions']} mentions in {story['n_articles']} articles from "
                  f"{story['n_sources']} sources ({story['n_independent_sources']} "
                  "independent)")
    console.print(f"[italic]{escape(story['text'] or '')}[/italic]\n")
    for mention in story["mentions"]:
        copy = " (copy of " + mention["evidence_doc_id"] + ")" if mention["duplicate"] else ""
        console.print(f"- {escape(mention['source'] or '?')} {mention['published'] or ''} "
                      f"{mention['doc_id']}{copy} [{mention['start_char']}:"
                      f"{mention['end_char']}]: {escape(mention['text'] or '')}")
    for conflict in story["conflicts"]:
        what = conflict["slot"] + (f" ({conflict['quantity_of']})"
                                   if conflict.get("quantity_of") else "")
        console.print(f"\n[bold red]conflict[/bold red] on {escape(what)}:")
        for value in conflict["values"]:
            console.print(f"  {escape(str(value['value']))}: "
                          f"{escape(', '.join(value['sources']))}")


def _who(story: dict, role: str) -> str:
    name, country, sector = (story.get(f"{role}_{k}") for k in ("name", "country", "sector"))
    code = " ".join(c for c in (country, sector) if c)
    return f"{name} ({code})" if name and code else name or code or ""
