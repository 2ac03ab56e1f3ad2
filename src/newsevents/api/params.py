"""Query parameters shared by the endpoints, validated once and turned into SQL.

Values are checked by FastAPI (patterns, enums, ranges: a bad value is a 422 naming the
parameter) and reach SQL only as bound parameters; the SQL text itself is assembled from
fixed fragments. Actor and recipient filters match *any* participant of an event (the
``event_actors`` rows), so "RUS as actor" finds the treaty Kazakhstan, Russia and Belarus
signed together, not only events whose first actor is Russian.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator

from newsevents.api.errors import ApiError
from newsevents.events.ontology import PLOVER_TYPES
from newsevents.records import EVENT_STATUSES
from newsevents.store.event_counts import EVERY_EVENT
from newsevents.store.search_index import SEARCHABLE_COLUMNS, candidates, is_exact

MAX_PAGE_SIZE = 200
CODE_PATTERN = r"^[A-Za-z]{3}$"
STORY_ID_PATTERN = r"^sty_[0-9a-f]{1,64}$"
EVENT_ID_PATTERN = r"^evt_[0-9a-f]{1,64}$"

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_day(value: object) -> object:
    """Let only ``YYYY-MM-DD`` through: pydantic alone also reads ``0`` or ``1699920000``
    as Unix time and ``2020-01-01T00:00`` as a day, which the documented ``format: date``
    does not allow and which a caller more likely meant as something else."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day)]

EventType = enum.StrEnum("EventType", {name: name for name in PLOVER_TYPES})
EventStatus = enum.StrEnum("EventStatus", {name: name for name in EVENT_STATUSES})

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation",
                3: "verbal conflict", 4: "material conflict"}


class EventSort(enum.StrEnum):
    """Event orderings; a leading ``-`` means descending."""

    date = "date"
    date_desc = "-date"
    goldstein = "goldstein"
    goldstein_desc = "-goldstein"
    confidence = "confidence"
    confidence_desc = "-confidence"
    type = "type"
    type_desc = "-type"


_SORT_COLUMNS = {"date": "e.date_start", "goldstein": "e.goldstein",
                 "confidence": "e.confidence", "type": "e.event_type"}


def order_by(sort: EventSort) -> str:
    """A fixed ORDER BY fragment for ``sort``, with a stable tie-break."""
    name = sort.value.lstrip("-")
    direction = "DESC" if sort.value.startswith("-") else "ASC"
    return (f"{_SORT_COLUMNS[name]} {direction} NULLS LAST, e.doc_id, e.start_char, e.id")


def like_pattern(text: str) -> str:
    """``%text%`` for ILIKE ... ESCAPE '\\', with the user's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


def _stripped(value: str | None) -> str | None:
    return (value or "").strip() or None


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters every event-based endpoint accepts; empty fields mean "any"."""

    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    both_directions: bool = False
    event_types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    quad_class: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    q: str | None = None
    story_id: str | None = None

    def where(self, *extra: str, text_index: bool = True) -> tuple[str, list[Any]]:
        """``WHERE …`` over the events table aliased ``e``, and its values; ``extra`` are
        fixed conditions the caller adds (``e.lat IS NOT NULL``). ``q`` is looked up in
        the word index unless ``text_index`` is False (see :func:`text_match`)."""
        clauses: list[str] = list(extra)
        params: list[Any] = []
        dyad_sql, dyad_params = self._dyad()
        if dyad_sql:
            clauses.append(dyad_sql)
            params += dyad_params
        for column, values in (("event_type", self.event_types), ("status", self.statuses)):
            if values:
                clauses.append(f"e.{column} IN ({', '.join('?' * len(values))})")
                params += values
        simple = (("quad_class = ?", self.quad_class),
                  ("date_start >= ?", self.date_from), ("date_start <= ?", self.date_to),
                  ("story_id = ?", self.story_id))
        for clause, value in simple:
            if value is not None:
                clauses.append(f"e.{clause}")
                params.append(value)
        if self.place:
            clauses.append("(lower(e.location_name) = lower(?) "
                           "OR e.location_country = upper(?))")
            params += [self.place, self.place]
        if self.q:
            text_sql, text_params = text_match(self.q, use_index=text_index)
            clauses.append(text_sql)
            params += text_params
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count_sql(self) -> tuple[str, list[Any]]:
        """The query counting the matching events: from the word index alone when ``q``
        is one word that the index decides and nothing else is filtered, else from the
        events table."""
        found = candidates(self.q) if self.q else None
        if (found and self.q and is_exact(self.q)
                and replace(self, q=None) == EventFilters()):
            return f"SELECT count(*) FROM ({found[0]})", found[1]
        clause, params = self.where()
        return f"SELECT count(*) FROM events e{clause}", params

    def counts_country(self) -> str | None:
        """The ``event_counts`` country whose counts are exactly the events these filters
        match (``*`` for no filter, the country for "involving A"), or None when only the
        events table can answer."""
        if (self.place or self.q or self.story_id or self.actor_sector
                or self.recipient_sector or self.recipient_country):
            return None
        if self.actor_country is None:
            return EVERY_EVENT
        if self.both_directions and re.fullmatch(CODE_PATTERN, self.actor_country):
            return self.actor_country
        return None

    def _dyad(self) -> tuple[str, list[Any]]:
        first = (self.actor_country, self.actor_sector)
        second = (self.recipient_country, self.recipient_sector)
        one_way = _roles(first, second)
        if not self.both_directions or not one_way[0]:
            return one_way
        if second == (None, None):  # "involving A" in either role
            actor = _participant("actor", *first)
            recipient = _participant("recipient", *first)
            return f"({actor[0]} OR {recipient[0]})", actor[1] + recipient[1]
        reverse = _roles(second, first)
        return f"({one_way[0]} OR {reverse[0]})", one_way[1] + reverse[1]


def _roles(actor: tuple[str | None, str | None],
           recipient: tuple[str | None, str | None]) -> tuple[str, list[Any]]:
    parts = [_participant("actor", *actor), _participant("recipient", *recipient)]
    parts = [p for p in parts if p[0]]
    return " AND ".join(p[0] for p in parts), [v for p in parts for v in p[1]]


def _participant(role: str, country: str | None,
                 sector: str | None) -> tuple[str, list[Any]]:
    """Any participant in ``role`` with this country and/or sector, read from the event
    row itself: the flat columns hold its first participant, and ``{role}_keys`` lists
    every participant's keys when there are several (see ``store.rows.participant_keys``),
    so the common one-participant case is a plain column comparison."""
    if country is None and sector is None:
        return "", []
    tests = [(f"e.{role}_{column} = ?", value)
             for column, value in (("country", country), ("sector", sector)) if value]
    key = f"{country} {sector}" if country and sector else country or f"*{sector}"
    flat = " AND ".join(test for test, _ in tests)
    # the IS NOT NULL guard lets DuckDB skip the list lookup on the one-participant rows
    # (most of them): measured 2x faster on a 10-million-event store
    return (f"(({flat}) OR (e.{role}_keys IS NOT NULL AND list_contains(e.{role}_keys, ?)))",
            [value for _, value in tests] + [key])


def text_match(q: str, *, use_index: bool = True) -> tuple[str, list[Any]]:
    """``q`` case-insensitively in the sentence, actor, recipient or place name. With
    ``use_index``, the candidates come from the word index (``store.search_index``) and
    only they are checked with ILIKE, or not even they when the index decides ``q``
    alone; the rows matched are the same either way."""
    found = candidates(q) if use_index else None
    like_params = [like_pattern(q)] * len(SEARCHABLE_COLUMNS)
    if found is None:
        return _like("e"), like_params
    sql, values = found
    if is_exact(q):
        return f"e.seq IN ({sql})", values
    # the CASE keeps DuckDB from pushing the ILIKE below the join, onto every event
    return (f"e.seq IN (SELECT c.event_seq FROM ({sql}) c JOIN events v "
            f"ON v.seq = c.event_seq AND CASE WHEN v.seq = c.event_seq THEN {_like('v')} "
            "END)"), [*values, *like_params]


def _like(alias: str) -> str:
    return "(" + " OR ".join(f"{alias}.{c} ILIKE ? ESCAPE '\\'" for c in SEARCHABLE_COLUMNS) + ")"


def event_filters(
    actor_country: Annotated[str | None, Query(
        pattern=CODE_PATTERN, description="Country of any actor (ISO3 or IGO, NGO, …).",
        examples=["RUS"])] = None,
    recipient_country: Annotated[str | None, Query(
        pattern=CODE_PATTERN, description="Country of any recipient.",
        examples=["KAZ"])] = None,
    actor_sector: Annotated[str | None, Query(
        pattern=CODE_PATTERN, description="PLOVER sector of the actor (GOV, MIL, BUS, …).",
        )] = None,
    recipient_sector: Annotated[str | None, Query(
        pattern=CODE_PATTERN, description="PLOVER sector of the recipient.")] = None,
    both_directions: Annotated[bool, Query(
        description="Match the dyad either way round (A→B or B→A); with only an actor "
                    "given, every event A takes part in.")] = False,
    event_type: Annotated[list[EventType] | None, Query(
        description="PLOVER event type; repeat for several.")] = None,
    status: Annotated[list[EventStatus] | None, Query(
        description="asserted, future, hypothetical or negated; repeat for several.")] = None,
    quad_class: Annotated[int | None, Query(
        ge=1, le=4, description="1 verbal cooperation, 2 material cooperation, "
                                "3 verbal conflict, 4 material conflict.")] = None,
    date_from: Annotated[IsoDay | None, Query(
        description="Events dated on or after this day (YYYY-MM-DD).")] = None,
    date_to: Annotated[IsoDay | None, Query(
        description="Events dated on or before this day (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, Query(
        min_length=1, max_length=100,
        description="Event location: a place name (Astana) or an ISO3 country.")] = None,
    q: Annotated[str | None, Query(
        min_length=1, max_length=200,
        description="Free text, case-insensitive, in the sentence, actor, recipient or "
                    "place name.")] = None,
    story_id: Annotated[str | None, Query(
        pattern=STORY_ID_PATTERN, description="Only events of this story.")] = None,
) -> EventFilters:
    """FastAPI dependency: the shared event filters, normalised."""
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, f"date_from ({date_from}) is after date_to ({date_to})",
                       parameter="date_from")
    return EventFilters(
        actor_country=_upper(actor_country), recipient_country=_upper(recipient_country),
        actor_sector=_upper(actor_sector), recipient_sector=_upper(recipient_sector),
        both_directions=both_directions,
        # repeats are dropped, so a URL of 400 `event_type=AGREE` binds one value, not 400
        event_types=list(dict.fromkeys(t.value for t in event_type or [])),
        statuses=list(dict.fromkeys(s.value for s in status or [])), quad_class=quad_class,
        date_from=date_from, date_to=date_to, place=_stripped(place), q=_stripped(q),
        story_id=story_id)


@dataclass(frozen=True, slots=True)
class Paging:
    page: int
    page_size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def envelope(self, items: list[Any], total: int) -> dict[str, Any]:
        """The page shape every list endpoint returns."""
        pages = (total + self.page_size - 1) // self.page_size
        return {"items": items, "page": self.page, "page_size": self.page_size,
                "total": total, "pages": pages}


def paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    page_size: Annotated[int, Query(
        ge=1, le=MAX_PAGE_SIZE,
        description=f"Items per page, at most {MAX_PAGE_SIZE}.")] = 50,
) -> Paging:
    """FastAPI dependency: page number and a capped page size."""
    return Paging(page, page_size)
