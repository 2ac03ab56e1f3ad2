"""What kind of place the words around a toponym say it is.

Why: several names are both a state or a country and a big city ("Washington",
"Georgia", "New York"), and the choice by population and context goes wrong exactly where
the text says which one it means: "a Washington state farm", "the state of Washington",
or a list of states ("Oregon, Utah, Washington and Wyoming"), where every member is the
same kind of place as the others. The hint is a feature name that :mod:`resolution`
favours among the candidates; it never adds a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsevents.places.toponyms import Toponym

# Kinds of place a list makes its members; a list of towns says little, their
# namesakes being towns as well.
_LIST_KINDS = ("admin1", "country")
_LIST_GLUE = re.compile(r"^(?:,\s*(?:and |or )?|\s+(?:and|or)\s+)$")
_STATE_AFTER = re.compile(r"^\s+state\b(?!\s+(?:of|university|college|park|police)\b)")
_STATE_BEFORE = re.compile(r"\bstate of\s+$", re.IGNORECASE)


def set_feature_hints(toponyms: Sequence[Toponym], text: str) -> None:
    """Set ``feature_hint`` on toponyms whose words or list say what kind of place they
    are (toponyms in text order)."""
    for toponym in toponyms:
        if _has(toponym, "admin1") and (
                _STATE_AFTER.match(text[toponym.end:toponym.end + 30])
                or _STATE_BEFORE.search(text[max(0, toponym.start - 12):toponym.start])):
            toponym.feature_hint = "admin1"
    for group in _lists(toponyms, text):
        for member in group:
            if member.feature_hint is None:
                member.feature_hint = _list_kind(member, group)


def _lists(toponyms: Sequence[Toponym], text: str) -> list[list[Toponym]]:
    """Runs of toponyms joined only by commas, "and" or "or"."""
    groups: list[list[Toponym]] = []
    for index, toponym in enumerate(toponyms):
        previous = toponyms[index - 1] if index else None
        if previous is not None and _LIST_GLUE.match(text[previous.end:toponym.start]):
            groups[-1].append(toponym)
        else:
            groups.append([toponym])
    return [g for g in groups if len(g) > 1]


def _list_kind(member: Toponym, group: list[Toponym]) -> str | None:
    """The kind most other members can be, if at least half of them can be it."""
    others = [t for t in group if t is not member]
    best, best_count = None, 0
    for kind in _LIST_KINDS:
        if not _has(member, kind):
            continue
        count = sum(_has(t, kind) for t in others)
        if count * 2 >= len(others) and count > best_count:
            best, best_count = kind, count
    return best


def _has(toponym: Toponym, feature: str) -> bool:
    return any(c.feature == feature and c.main_name for c in toponym.candidates)
