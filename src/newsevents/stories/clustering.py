"""Which story does a newly reported event belong to?

A story is one happening (an event type between participants, on a day, somewhere) however
many articles report it. A new event joins the best-matching candidate story or founds a
new one. Candidates come pre-blocked from the store (same type, sharing a participant
country, founded within a few days), so nothing here compares against the whole store.

The match is anchored on the date of the story's first report, not on a span that grows
with every member, so daily repetitions of a conflict ("shelling on Monday", "shelling on
Tuesday", …) do not chain into one endless story, and two meetings of the same leaders a
year apart stay two stories.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from newsevents.content_ids import content_id
from newsevents.stories.text_similarity import similarity

DAY_WINDOW = 2  # reports of one happening disagree by a day or two (time zones, "yesterday")
LONGEST_MERGEABLE_PERIOD = 31  # "in 2014" cannot tell two happenings apart
MATCH_THRESHOLD = 0.6
# Same type, same countries, same day is not enough on its own: a capital's politicians
# accuse each other many times a day. A report must also name a participant the story
# names (the same person or body) or read like its first report.
SIMILAR_TEXT = 0.45
_WEIGHTS = {"participants": 0.5, "date": 0.2, "place": 0.15, "text": 0.15}


@dataclass(frozen=True, slots=True)
class ReportedEvent:
    """What clustering needs to know about one event of one article."""

    event_id: str
    doc_id: str
    key: str  # the document-level story key (see ``event_keys``)
    event_type: str
    countries: frozenset[str]
    actor_ids: frozenset[str]
    first_day: date | None  # the period its date names
    last_day: date | None
    location_country: str | None
    text: str

    @property
    def mergeable(self) -> bool:
        """Dated precisely enough to be told apart from other happenings."""
        return (self.first_day is not None and self.last_day is not None
                and (self.last_day - self.first_day).days < LONGEST_MERGEABLE_PERIOD)


@dataclass(slots=True)
class StoryProfile:
    """A stored (or just founded) story, as far as matching is concerned."""

    story_id: str
    event_type: str
    countries: set[str]
    actor_ids: set[str]
    anchor_day: date | None
    location_countries: set[str] = field(default_factory=set)
    text: str = ""

    @classmethod
    def founded_by(cls, story_id: str, event: ReportedEvent) -> StoryProfile:
        return cls(story_id, event.event_type, set(event.countries), set(event.actor_ids),
                   event.first_day if event.mergeable else None,
                   {event.location_country} if event.location_country else set(),
                   event.text)

    def absorb(self, event: ReportedEvent) -> None:
        self.countries |= event.countries
        self.actor_ids |= event.actor_ids
        if event.location_country:
            self.location_countries.add(event.location_country)


def match_score(event: ReportedEvent, story: StoryProfile) -> float | None:
    """How well ``event`` fits ``story`` in [0, 1], or None when it cannot be the same
    happening (another type, no shared participant, too far apart in time)."""
    if event.event_type != story.event_type or not event.mergeable or story.anchor_day is None:
        return None
    assert event.first_day is not None and event.last_day is not None  # mergeable
    gap = max(0, (event.first_day - story.anchor_day).days,
              (story.anchor_day - event.last_day).days)
    if gap > DAY_WINDOW:
        return None
    participants = _overlap(event.countries, story.countries)
    shared_actor = bool(event.actor_ids & story.actor_ids)
    if shared_actor:
        participants = max(participants, 0.75)
    if participants < 0.5:
        return None
    text = similarity(event.text, story.text)
    if not shared_actor and text < SIMILAR_TEXT:
        return None
    if not event.location_country or not story.location_countries:
        place = 0.5
    else:
        place = 1.0 if event.location_country in story.location_countries else 0.0
    scores = {"participants": participants, "date": 1 - gap / (DAY_WINDOW + 1),
              "place": place, "text": text}
    return sum(_WEIGHTS[name] * value for name, value in scores.items())


def _overlap(a: frozenset[str] | set[str], b: set[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def assign_stories(events: list[ReportedEvent],
                   candidates: list[StoryProfile]) -> tuple[dict[str, str], list[StoryProfile]]:
    """Map each event id to a story id, in order, so that an event can join a story founded
    by an earlier event of the same batch. Events of one article that share a document
    key always share a story. Returns the mapping and every profile touched or founded."""
    profiles = {p.story_id: p for p in candidates}
    by_key: dict[tuple[str, str], str] = {}
    assigned: dict[str, str] = {}
    touched: dict[str, StoryProfile] = {}
    for event in events:
        story_id = by_key.get((event.doc_id, event.key))
        if story_id is None:
            story_id = _best_story(event, profiles.values())
        if story_id is None:
            # a story's id is its founding report's key; another happening with the same
            # key (it failed the match, e.g. another place) is told apart by its event id
            story_id = (event.key if event.key not in profiles
                        else content_id("sty", event.key, event.event_id))
            profiles[story_id] = StoryProfile.founded_by(story_id, event)
        profiles[story_id].absorb(event)
        touched[story_id] = profiles[story_id]
        by_key[(event.doc_id, event.key)] = story_id
        assigned[event.event_id] = story_id
    return assigned, list(touched.values())


def _best_story(event: ReportedEvent, profiles: Iterable[StoryProfile]) -> str | None:
    best_id, best_score = None, MATCH_THRESHOLD
    for profile in profiles:
        score = match_score(event, profile)
        if score is not None and score >= best_score:
            best_id, best_score = profile.story_id, score
    return best_id
