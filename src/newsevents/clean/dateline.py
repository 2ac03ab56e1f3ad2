"""Datelines: the "ASTANA. KAZINFORM -" that opens a wire story.

A dateline names where the story was filed (a strong default for where its events happened)
and the agency that filed it. It is metadata, not story text, so it is cut from what the NLP
stages see and kept on the document instead.
"""

from __future__ import annotations

import re

from newsevents.records import Dateline

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# PLACE (all capitals, may have spaces/hyphens/apostrophes, optional ", Region")
_PLACE = (r"(?P<place>(?:ST\.\s)?[A-Z][A-Z'’\-]+(?:\s[A-Z][A-Z'’\-]+){0,3})"
          r"(?:,\s(?P<region>[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)?))?")
_DATE = rf"(?:,?\s(?P<date>{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?))?"
_AGENCY = (r"(?:\s?\((?P<agency_paren>[A-Za-z][A-Za-z .&/-]{1,30})\)"
           r"|[.,]?\s(?P<agency_word>[A-Z][A-Za-z-]*[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]+)?))?")
_DASH = r"\s*(?:-{1,2}|–|—)\s+"
_DATELINE = re.compile(rf"^[ \t]*{_PLACE}{_DATE}{_AGENCY}[.,]?{_DASH}")

# How far into the text a dateline may start (it follows the headline, if any).
_MAX_PARAGRAPHS_BEFORE = 3


def find_dateline(text: str) -> Dateline | None:
    """Return the dateline at the start of one of the first paragraphs, if any.

    Give it text with the debris already masked: a paragraph that was only debris is then
    blank and does not count as one of the first paragraphs, and a dateline behind a
    masked prompt ("Your Comment  ASTANA. KAZINFORM -") is found.
    """
    seen = 0
    offset = 0
    for paragraph in text.split("\n"):
        start = offset
        offset += len(paragraph) + 1
        if not paragraph.strip():
            continue
        match = _DATELINE.match(paragraph)
        if match and _plausible(match):
            agency = match.group("agency_paren") or match.group("agency_word")
            place = match.group("place").strip(" .")
            text = paragraph[match.start("place"):match.end()].rstrip()
            return Dateline(
                text=text,
                start=start + match.start("place"),
                end=start + match.start("place") + len(text),
                place=place.title() if place.isupper() else place,
                agency=agency.strip() if agency else None,
                date=match.group("date"),
            )
        seen += 1
        if seen >= _MAX_PARAGRAPHS_BEFORE:
            break
    return None


def _plausible(match: re.Match[str]) -> bool:
    """All-caps place of 3+ letters, and something after it that makes it a dateline."""
    place = match.group("place")
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and place.upper() == place
