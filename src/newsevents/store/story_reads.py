"""Reading stories back: a filtered listing, and one story with every report of it, every
source, and where the sources disagree."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from newsevents.timex_periods import date_range_clauses

STORY_COLUMNS = (
    "story_id", "event_type", "mode", "cameo", "quad_class", "goldstein", "status",
    "actor_country", "actor_sector", "actor_name", "recipient_country", "recipient_sector",
    "recipient_name", "location_name", "location_country", "lat", "lon", "geonameid", "date",
    "date_precision", "text", "example_event_id", "example_doc_id", "n_mentions",
    "n_articles", "n_sources", "n_independent_sources", "n_conflicts",
)
MENTION_COLUMNS = (
    "event_id", "doc_id", "evidence_doc_id", "source", "url", "published", "sentence_index",
    "start_char", "end_char", "text", "confidence", "duplicate",
)


@dataclass(frozen=True)
class StoryFilter:
    """Which stories to list. Countries match either side of the story."""

    event_type: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_sources: int = 1
    conflicts_only: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["n_independent_sources >= ?"], [self.min_sources]
        if self.event_type:
            clauses.append("event_type = ?")
            params.append(self.event_type.upper())
        if self.country:
            clauses.append("list_contains(countries, ?)")
            params.append(self.country.upper())
        dates, values = date_range_clauses("date_start", self.date_from, self.date_to)
        clauses += dates
        params += values
        if self.conflicts_only:
            clauses.append("n_conflicts > 0")
        return " WHERE " + " AND ".join(clauses), params


def list_stories(con: duckdb.DuckDBPyConnection, where: StoryFilter | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page): the most corroborated first, then the latest."""
    clause, params = (where or StoryFilter()).where()
    total = con.execute(f"SELECT count(*) FROM stories{clause}", params).fetchone()
    cursor = con.execute(
        f"SELECT {', '.join(STORY_COLUMNS)} FROM stories{clause} "
        "ORDER BY n_independent_sources DESC, n_articles DESC, date_start DESC NULLS LAST, "
        "story_id LIMIT ? OFFSET ?", [*params, limit, offset])
    return (total[0] if total else 0), _dicts(cursor)


def get_story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    """One story: its merged record, its mentions (reports in articles and their copies,
    with outlet and character offsets), its sources and its conflicts."""
    cursor = con.execute(f"SELECT {', '.join(STORY_COLUMNS)}, conflicts FROM stories "
                         "WHERE story_id = ?", [story_id])
    rows = _dicts(cursor)
    if not rows:
        return None
    story = rows[0]
    story["conflicts"] = json.loads(story["conflicts"] or "[]")
    story["mentions"] = _dicts(con.execute(
        f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions WHERE story_id = ? "
        "ORDER BY published NULLS LAST, doc_id, start_char", [story_id]))
    sources: dict[str, dict[str, Any]] = {}
    for mention in story["mentions"]:
        name = mention["source"] or mention["doc_id"]
        entry = sources.setdefault(name, {"source": name, "articles": set(),
                                          "copies_only": True})
        entry["articles"].add(mention["doc_id"])
        entry["copies_only"] &= bool(mention["duplicate"])
    story["sources"] = [{**s, "articles": sorted(s["articles"])}
                        for s in sorted(sources.values(), key=lambda s: s["source"])]
    return story


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
