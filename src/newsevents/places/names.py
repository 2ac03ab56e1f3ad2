"""Lookup keys for place names.

Why two keys: the exact key (ASCII, lower case, punctuation dropped) is what almost every
lookup uses; the loose key also forgives the transliteration variants that Russian and
Central Asian names come in (Burabay / Burabai / Būrabay, Dombarovsky / Dombarovskiy,
Kirgizstan / Kyrgyzstan) and is only consulted when the exact key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata

from newsevents.actors.knowledge import normalize_name

_LOOSE = (("kh", "h"), ("ou", "u"), ("w", "v"), ("ck", "k"), ("y", "i"), ("j", "i"),
          ("dzh", "j"), ("zh", "j"), ("ie", "i"))


def name_key(text: str) -> str:
    """The exact lookup key, shared with the actor knowledge base."""
    return normalize_name(text)


def loose_key(key: str) -> str:
    """A transliteration-forgiving key of an exact key (no spaces, doubled letters once)."""
    loose = key.replace(" ", "")
    for old, new in _LOOSE:
        loose = loose.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", loose)


def is_latin(text: str) -> bool:
    """Every letter is Latin (with any diacritics): names worth an ASCII key."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)
