"""Is this English? A cheap check so that non-English articles are skipped with a reason
instead of producing nonsense events.

Two tests on the first 20,000 characters. Script: English is written in Latin letters, so a
text whose letters are mostly Cyrillic, Arabic, Chinese and so on is not English; this also
catches scripts written without spaces, where the word test below would see only a few
very long "words". Words: English running text is full of a few function words ("the",
"of", "and", "to", ...); a Latin-script text of any length where they are almost absent is
another language (or not prose).
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from his her he she they said "
    "be are have has an this were will which not but their its who been had after".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 20000
_MIN_WORDS = 30
_MIN_SHARE = 0.08
_MIN_LETTERS = 100
_MIN_LATIN_SHARE = 0.5
_LATIN_END = "\u024f"  # Basic Latin through Latin Extended-B


def english_problem(text: str) -> str | None:
    """A reason the text is not English prose, or None if it looks like English."""
    sample = text[:_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= _MIN_LETTERS:
        latin = sum(c <= _LATIN_END for c in letters) / len(letters)
        if latin < _MIN_LATIN_SHARE:
            return (f"text is not in the Latin script ({latin:.0%} Latin letters; only "
                    "English is supported)")
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None  # too short to judge; let it through
    share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if share < _MIN_SHARE:
        return (f"text does not look like English ({share:.0%} English function words; "
                "only English is supported)")
    return None
