"""Is this English? A cheap check so that non-English articles are skipped with a reason
instead of producing nonsense events.

English running text is full of a few function words ("the", "of", "and", "to", ...); a
text of any length where they are almost absent is another language (or not prose).
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from his her he she they said "
    "be are have has an this were will which not but their its who been had after".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 30
_MIN_SHARE = 0.08


def english_problem(text: str) -> str | None:
    """A reason the text is not English prose, or None if it looks like English."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < _MIN_WORDS:
        return None  # too short to judge; let it through
    share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if share < _MIN_SHARE:
        return (f"text does not look like English ({share:.0%} English function words; "
                "only English is supported)")
    return None
