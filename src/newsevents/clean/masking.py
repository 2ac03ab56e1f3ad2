"""Masking: blank out spans of a text without moving any other character.

Cleaning never cuts text. A masked character becomes a space and a newline stays a
newline, so the masked text has the same length and the same lines as the original and
every offset found in it is an offset into the original.
"""

from __future__ import annotations

from collections.abc import Iterable


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each ``[start, end)`` span's characters, except newlines, as spaces."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
