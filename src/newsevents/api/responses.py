"""The shapes the API answers with, declared so that the OpenAPI document is honest.

Routes build plain dicts and these models only document them (``answers``): validating
every answer at run time would cost about as much as the query for a page of events, and
would turn a stored record with a surprising value into a 500 for the user. Instead
``tests/test_api_schemathesis.py`` checks generated requests' answers against these
models, so a client generated from ``/openapi.json`` can rely on the documented fields and
types. Record models allow extra fields: a pipeline that learns a new field adds it to the
stored record, and it appears in answers before it is documented here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """A record that may carry fields newer than this module."""

    model_config = ConfigDict(extra="allow")


# -- errors ------------------------------------------------------------------------------
class ErrorDetail(BaseModel):
    parameter: str | None = Field(description="The parameter at fault.")
    in_: str | None = Field(None, alias="in", description="query, path or header.")
    message: str
    value: str | int | float | None = Field(None, description="The value received.")

    model_config = ConfigDict(populate_by_name=True)


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that lose it.")
    code: str = Field(description="invalid_parameter, not_found, uri_too_long, …")
    message: str
    details: list[ErrorDetail]


class ErrorResponse(BaseModel):
    """Every failure the API reports, whatever its status."""

    error: ErrorBody


def answers(model: type[BaseModel], *errors: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for a route answering ``model`` (200) or the error shape."""
    return {200: {"model": model, "description": "Successful response"},
            **error_responses(*errors)}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for ``statuses``, all with the one error shape."""
    meaning = {404: "No record with this id", 411: "Request body of unknown length",
               413: "Request body too large", 414: "URL too long",
               422: "Invalid parameter", 431: "Request headers too large",
               503: "The store could not answer"}
    return {status: {"model": ErrorResponse, "description": meaning.get(status, "Error")}
            for status in statuses}


# -- events ------------------------------------------------------------------------------
class Participant(Open):
    text: str | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None


class Location(Open):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class TriggerSpan(Open):
    text: str
    start: int
    end: int


class ArticleRef(BaseModel):
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None


class EventRecord(Open):
    """The public event record (PLOVER field names) plus the article it came from."""

    id: str
    doc_id: str
    story_id: str | None = None
    event_type: str
    mode: str | None = None
    context: list[str] = []
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    status: str
    actor: list[Participant]
    recipient: list[Participant]
    location: Location | None = None
    date: str | None = None
    date_precision: str | None = None
    text: str
    start: int
    end: int
    trigger: TriggerSpan | None = None
    confidence: float | None = None
    why: str | None = None
    article: ArticleRef | None = None


class Page(BaseModel):
    page: int
    page_size: int
    total: int
    pages: int


class EventPage(Page):
    items: list[EventRecord]
    sort: str


class Mention(BaseModel):
    """One ``event_actors`` row."""

    role: Literal["actor", "recipient"]
    position: int
    text: str | None
    start: int | None
    end: int | None
    name: str | None
    country: str | None
    sector: str | None
    id: str | None


class Highlight(BaseModel):
    role: Literal["trigger", "actor", "recipient"]
    start: int
    end: int
    text: str | None
    label: str


class Segment(BaseModel):
    text: str
    start: int
    end: int
    roles: list[str]
    labels: list[str]


class SentenceView(BaseModel):
    text: str
    start: int
    end: int
    highlights: list[Highlight]
    segments: list[Segment]


class EventArticle(ArticleRef):
    doc_id: str


class StoryRef(BaseModel):
    story_id: str
    events: int
    documents: int
    sources: list[str]


class EventDetail(BaseModel):
    event: EventRecord
    mentions: list[Mention]
    sentence: SentenceView
    article: EventArticle
    story: StoryRef | None


# -- stories -----------------------------------------------------------------------------
class StorySummary(Open):
    story_id: str
    events: int
    documents: int
    sources: list[str]
    event_types: list[str]
    dyads: list[str]
    first_date: str | None
    last_date: str | None
    mean_goldstein: float | None
    example: str | None
    title: str | None
    mentions: int | None = Field(None, description="Reports, copies of articles included "
                                 "(GDELT's NumMentions).")
    articles: int | None = Field(None, description="Articles, copies included "
                                 "(NumArticles).")
    outlets: int | None = Field(None, description="Outlets, copies included (NumSources).")
    independent_outlets: int | None = Field(
        None, description="Outlets that reported it in an article of their own "
        "(corroboration).")
    conflicts: int | None = Field(None, description="Slots on which outlets disagree.")


class StoryMention(BaseModel):
    """One report of a story: an event sentence in an article, or the same sentence found
    again in a near copy of that article."""

    event_id: str
    doc_id: str
    evidence_doc_id: str = Field(description="The article the event was found in; for a "
                                 "copy, its original.")
    source: str | None
    url: str | None
    published: str | None
    start: int | None
    end: int | None
    text: str | None
    duplicate: bool


class StoryConflict(Open):
    slot: str = Field(description="date, place, status or amount.")
    values: list[dict[str, Any]] = Field(description="Each value with the outlets and "
                                         "reports (article, event, offsets) behind it.")


class StoryPage(Page):
    items: list[StorySummary]


class StorySentence(SentenceView):
    event_id: str
    event_type: str
    status: str


class StorySource(Open):
    doc_id: str
    source: str | None
    title: str | None
    url: str | None
    published: str | None
    sentences: list[StorySentence]


class StoryDetail(Open):
    story: StorySummary
    merged: dict[str, Any] | None = Field(description="The happening as one record: every "
                                          "field the value most outlets support.")
    events: list[EventRecord]
    sources: list[StorySource]
    mentions: list[StoryMention]
    conflicts: list[StoryConflict]


# -- actors ------------------------------------------------------------------------------
class ActorRow(BaseModel):
    id: str | None
    name: str | None
    country: str | None
    sector: str | None
    kinds: list[str]
    mentions: int
    documents: int
    as_actor: int
    as_recipient: int
    events: int


class ActorPage(Page):
    items: list[ActorRow]


# -- aggregates --------------------------------------------------------------------------
class QuadCount(BaseModel):
    events: int
    goldstein: float


class Bucket(QuadCount):
    period: str = Field(description="First day of the period, YYYY-MM-DD.")
    by_quad_class: dict[str, QuadCount]


class Excluded(BaseModel):
    undated: int
    coarser_than_interval: int


class Timeseries(BaseModel):
    interval: str
    quad_classes: dict[str, str]
    buckets: list[Bucket]
    total: QuadCount
    excluded: Excluded


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: tuple[float, float] = Field(description="[longitude, latitude]")


class PlaceProperties(BaseModel):
    name: str | None
    country: str | None
    geonameid: int | None
    events: int
    goldstein: float | None
    by_quad_class: dict[str, int]
    event_types: list[str]


class PlaceFeature(BaseModel):
    type: Literal["Feature"]
    id: int | str | None
    geometry: Point
    properties: PlaceProperties


class PlaceCollection(BaseModel):
    """A GeoJSON FeatureCollection."""

    type: Literal["FeatureCollection"]
    features: list[PlaceFeature]


class ValueCount(BaseModel):
    value: str | None
    events: int


class CountryCount(BaseModel):
    code: str
    name: str
    as_actor: int
    as_recipient: int
    events: int


class DyadCount(BaseModel):
    actor: str
    recipient: str
    events: int


class DateSpan(BaseModel):
    first: str | None
    last: str | None


class Facets(BaseModel):
    event_types: list[ValueCount]
    statuses: list[ValueCount]
    countries: list[CountryCount]
    dyads: list[DyadCount]
    dates: DateSpan
    quad_classes: dict[str, str]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    store: str
    read_only: bool
    schema_version: int | None
    counts: dict[str, int]
