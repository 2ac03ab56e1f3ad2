"""A document-level story key for each event.

Inside one article a happening is identified by its event type, the actors taking part (in
either role) and its date, so the "met" of the lede and the "talks" of the fifth paragraph
share a key. Across articles the store refines this (see :mod:`newsevents.stories.clustering`):
the key of the first event of a happening becomes the story id its later reports join.
"""

from __future__ import annotations

from newsevents.content_ids import content_id
from newsevents.records import Event


def assign_story_ids(events: list[Event]) -> None:
    """Set ``story_id`` on each event from (type, participants, date)."""
    for event in events:
        participants = sorted({m.id or m.text for m in (*event.actor, *event.recipient)})
        event.story_id = content_id("sty", event.event_type, ",".join(participants),
                                    event.date or "")
