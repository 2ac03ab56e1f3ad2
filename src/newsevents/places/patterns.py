"""Place names that news writes in fixed patterns the small NER model does not label.

Three conventions of (mostly American) news carry a place in a frame of their own:

- the dateline, written in capitals at the start of the story, which in feeds often
  follows the headline on the same line ("… after blaze. TORRINGTON — A fire …",
  "March 30, 2009 NEWARK -- …", "CHARLESTON, W.Va. (AP) -");
- a legislator's party and home town ("Rep. Barbara Lee, D-Oakland,", "(R-Ocilla)",
  "D-N.Y.");
- a county or parish, often at the head of an office's or a building's name that the
  model labels a person or an organisation, or none ("Rapides Parish Fire District",
  "the Laurel County Detention Center", "Springfield-Greene County Health Department").

The model reads capitals and "D-Oakland" as anything but places; a pattern plus a
gazetteer hit is strong evidence, so these spans need no further guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A capitalised dateline: at a line start, after a sentence end or after a date's year.
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?]  )|(?<=\d{4} ))[ \t]*"
    r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})"
    r"(?:, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?\s*(?:\(|—|–|\x97|--?-?\s|:)",
    re.MULTILINE)
# Party letter and home town of a legislator, up to three capitalised words or an
# abbreviation ("D-W. Va.", "DFL-Cook", "R-Elbow Lake"), closed by punctuation.
_PARTY_HOME = re.compile(
    r"(?:(?<=, )|(?<=\())(?:D|R|I|DFL)-([A-Z][A-Za-z.'’]*(?: [A-Z][A-Za-z.'’]*){0,2}?)"
    r"(?=[,;)]|\.?\s+[^A-Z\s]|\.?\s*$|\.\s+[A-Z][a-z])",
    re.MULTILINE)

# "County"/"Parish" after one to three capitalised words, each ending at a space or a
# hyphen ("Paris-Henry County" may be Henry County).
_COUNTY = re.compile(r"\b(?:County|Parish)\b")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s\-–(“\"]))[A-Z][\w'’.]*[ \-–]$")


def dateline_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of dateline place names, and of the state or country after them."""
    for match in _DATELINE.finditer(text):
        for group in (1, 2):
            if match[group]:
                yield match.start(group), match.end(group)


def party_home_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the home towns in "D-Oakland"-style party tags."""
    for match in _PARTY_HOME.finditer(text):
        sentence_end = re.search(r"(?<=[a-z]{2})\. [A-Z]", match[1])  # "D-McDowell. Earlier"
        yield match.start(1), match.start(1) + sentence_end.start() if sentence_end else (
            match.end(1))


def county_spans(text: str) -> Iterator[list[tuple[int, int]]]:
    """For each "X County"/"X Parish", the spans it may be, longest first ("Paris-Henry
    County", "Henry County"): which one is a county is the gazetteer's to say."""
    for match in _COUNTY.finditer(text):
        starts: list[int] = []
        start = match.start()
        while len(starts) < 3:
            word = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if word is None:
                break
            start = word.start()
            starts.append(start)
        if starts:
            yield [(s, match.end()) for s in reversed(starts)]
