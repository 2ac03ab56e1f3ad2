"""Cleaning: separate the story from the page around it, without moving any character.

Debris and the dateline are *masked* (replaced by spaces, newlines kept) rather than cut,
so every offset the later stages produce is an offset into the original ``Article.text``.
The cleaned text holds no debris left to find. (Cleaning it again may still find a second
dateline: once the first is masked, the next paragraph opens the story.)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsevents.clean.dateline import find_dateline
from newsevents.clean.debris import DebrisSpan, find_debris
from newsevents.clean.masking import mask
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
    debris = find_debris(text)
    boilerplate = _records(text, debris)
    masked = mask(text, [(d.start, d.end) for d in debris])
    dateline = find_dateline(masked)
    if dateline is not None:
        dateline = replace(dateline, text=text[dateline.start:dateline.end])
        boilerplate.append(Boilerplate(dateline.text, dateline.start, dateline.end, "dateline"))
        masked = mask(masked, [(dateline.start, dateline.end)])
        # Masking the dateline can expose debris behind it ("HANOI - Copyright 2020 ...").
        exposed = find_debris(masked)
        boilerplate.extend(_records(text, exposed))
        masked = mask(masked, [(d.start, d.end) for d in exposed])
    boilerplate.sort(key=lambda b: b.start)
    return CleanText(masked, boilerplate, dateline)


def _records(text: str, debris: list[DebrisSpan]) -> list[Boilerplate]:
    return [Boilerplate(text[d.start:d.end], d.start, d.end, d.kind) for d in debris]
