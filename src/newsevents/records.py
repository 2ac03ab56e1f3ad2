"""The records that flow between stages and out of the public API.

Field names follow DESIGN.md (and PLOVER where PLOVER has a name); other tools depend on
them, so fields are added, never renamed. Every span carries ``start``/``end`` character
offsets into ``Article.text`` so that any value can be traced to the characters it came
from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from newsevents.content_ids import content_id


def _flat_dict(record: Any) -> dict[str, Any]:
    """The fields of a record whose values are all plain scalars, as a dict.

    ``dataclasses.asdict`` deep-copies recursively and was a measurable share of writing
    a batch to the store; these records hold only strings, numbers and None.
    """
    return {name: getattr(record, name) for name in _field_names(type(record))}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names

EventStatus = Literal["asserted", "future", "hypothetical", "negated"]
EVENT_STATUSES: tuple[str, ...] = ("asserted", "future", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, as a reader yields it.

    ``published`` is an ISO date (``YYYY-MM-DD``) or ISO datetime; it anchors relative dates
    ("on Thursday"). ``raw_id`` names where the document came from (file path, line number,
    record id) so that errors can point at it.
    """

    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = "en"
    raw_id: str | None = None

    @property
    def doc_id(self) -> str:
        """Content-hash id: the same article processed twice gets the same id."""
        return content_id("doc", self.text, self.title or "", self.source or "",
                          self.published or "", self.url or "")

    @property
    def label(self) -> str:
        """A human name for messages: where it came from, else its id."""
        return self.raw_id or self.url or f"doc:{self.doc_id}"

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, **_flat_dict(self)}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A text span resolved (or not) to an actor code: ISO3/non-state code + PLOVER sector."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    sector: str | None
    id: str | None
    kind: str = "named"  # named | role | country | metonym | coreference | pronoun

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text, resolved against the offline gazetteer."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str = "city"  # city | country | admin | region | landmark | street | dateline
    admin1: str | None = None  # GeoNames first-level area code ("US.KY", "KZ.05")

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression normalised to a TIMEX3-style value (``2015-10-15``, ``2014-09``)."""

    text: str
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    precision: str | None = None  # day|week|month|quarter|half|season|year|decade|century|reference
    reason: str | None = None  # why value is None, when it is

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with what it counts: money, percentage or a count of things."""

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None  # "percent", or the counted noun for counts
    currency: str | None = None  # ISO 4217 for money
    quantity_of: str | None = None
    change: str | None = None  # "increase" | "decrease" | None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Site debris or a dateline removed from the text the NLP stages see."""

    text: str
    start: int
    end: int
    kind: str  # comment-prompt | reading-marker | desk-code | share | copyright | dateline | …

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document (or part of one) that could not be processed, and why."""

    document: str
    stage: str
    reason: str
    doc_id: str | None = None
    fatal: bool = True  # False: the document was still processed (e.g. a bad date field)

    @property
    def id(self) -> str:
        return content_id("err", self.document, self.stage, self.reason)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **_flat_dict(self)}


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int
    lemma: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    """One coded event (PLOVER type + CAMEO code) with provenance back to its sentence."""

    doc_id: str
    event_type: str
    mode: str | None
    context: list[str]
    cameo: str
    quad_class: int
    goldstein: float
    status: str
    actor: list[ActorMention]
    recipient: list[ActorMention]
    text: str
    sentence_index: int
    start: int
    end: int
    trigger: Trigger
    confidence: float
    why: str
    location: Place | None = None
    date: str | None = None
    date_precision: str | None = None
    reciprocal: bool = False
    story_id: str | None = None
    # Character spans of places the trigger's clause names ("held talks in Astana"); used
    # to choose the event location, not part of the public record.
    place_hints: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Content hash of what makes the event itself: document, trigger, type and roles."""
        return content_id(
            "evt", self.doc_id, str(self.trigger.start), self.event_type,
            ",".join(a.id or a.text for a in self.actor),
            ",".join(r.id or r.text for r in self.recipient),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "story_id": self.story_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "status": self.status,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "reciprocal": self.reciprocal,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "text": self.text,
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger.to_dict(),
            "confidence": self.confidence,
            "why": self.why,
        }


@dataclass(slots=True)
class Dateline:
    """The place and agency a wire story opens with (``ASTANA. KAZINFORM -``)."""

    text: str
    start: int
    end: int
    place: str | None
    agency: str | None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(slots=True)
class Document:
    """Everything the pipeline found in one article; ``to_dict`` is the public shape."""

    article: Article
    events: list[Event] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    dateline: Dateline | None = None

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def failed(self) -> bool:
        return any(error.fatal for error in self.errors)

    def to_dict(self) -> dict[str, Any]:
        article = self.article.to_dict()
        article["dateline"] = self.dateline.to_dict() if self.dateline else None
        return {
            "article": article,
            "events": [e.to_dict() for e in self.events],
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "amounts": [a.to_dict() for a in self.amounts],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "errors": [e.to_dict() for e in self.errors],
        }
