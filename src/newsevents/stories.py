"""Stories: reports of the same happening.

First version, event-level: a happening is identified by its event type, the set of actors
taking part (in either role) and its date, so two outlets reporting the same meeting on the
same day share a ``story_id`` while the same pair meeting a year later does not.
``similarity`` scores whether two texts report the same happening from their content words
and names, without any model.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from newsevents.content_ids import content_id
from newsevents.records import Event

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been has have "
    "had it its this that these those he she they his her their we our you your i not no "
    "will would could should may might can said says say also than then there which who "
    "whom what when where while after before over into about more most other such only "
    "new one two first last year years mr mrs ms".split()
)


def assign_story_ids(events: list[Event]) -> None:
    """Set ``story_id`` on each event from (type, participants, date)."""
    for event in events:
        participants = sorted({m.id or m.text for m in (*event.actor, *event.recipient)})
        event.story_id = content_id("sty", event.event_type, ",".join(participants),
                                    event.date or "")


def _profile(text: str) -> tuple[Counter[str], set[str]]:
    words = _WORD.findall(text)
    content = Counter(w.lower() for w in words if w.lower() not in _STOPWORDS)
    names = {w.lower() for w in words if w[0].isupper() and w.lower() not in _STOPWORDS}
    return content, names


def similarity(text_a: str, text_b: str) -> float:
    """How likely two texts report the same happening, in [0, 1].

    Log-scaled term-frequency cosine over content words, averaged with the overlap of
    capitalised names (who and where), which carries most of the "same happening" signal.
    """
    words_a, names_a = _profile(text_a)
    words_b, names_b = _profile(text_b)
    if not words_a or not words_b:
        return 0.0
    weight_a = {w: 1 + math.log(c) for w, c in words_a.items()}
    weight_b = {w: 1 + math.log(c) for w, c in words_b.items()}
    dot = sum(weight_a[w] * weight_b[w] for w in weight_a.keys() & weight_b.keys())
    norm = math.sqrt(sum(v * v for v in weight_a.values())) * math.sqrt(
        sum(v * v for v in weight_b.values()))
    cosine = dot / norm if norm else 0.0
    union = names_a | names_b
    names = len(names_a & names_b) / len(union) if union else cosine
    return round(max(0.0, min(1.0, 0.5 * cosine + 0.5 * names)), 4)
