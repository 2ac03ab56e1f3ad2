"""Cleaning: separate the story from the page around it, without moving any character.

Debris and the dateline are *masked* (replaced by spaces, newlines kept) rather than cut,
so every offset the later stages produce is an offset into the original ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.clean.dateline import find_dateline
from newsevents.clean.debris import find_debris
from newsevents.records import Boilerplate, Dateline

__all__ = ["CleanText", "clean_text"]


@dataclass(frozen=True, slots=True)
class CleanText:
    """The text the NLP stages see (same length as the original) and what was masked."""

    text: str
    boilerplate: list[Boilerplate]
    dateline: Dateline | None


def clean_text(text: str) -> CleanText:
    """Find debris and the dateline in ``text`` and mask them."""
    original = text
    debris = find_debris(text)
    boilerplate = [Boilerplate(original[d.start:d.end], d.start, d.end, d.kind)
                   for d in debris]
    dateline = find_dateline(text, skip=[(d.start, d.end) for d in debris])
    if dateline is not None:
        boilerplate.append(Boilerplate(dateline.text, dateline.start, dateline.end, "dateline"))
    boilerplate.sort(key=lambda b: b.start)
    return CleanText(_mask(original, boilerplate), boilerplate, dateline)


def _mask(text: str, spans: list[Boilerplate]) -> str:
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
