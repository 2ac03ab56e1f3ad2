"""Site debris: the lines and fragments a scraped page carries that are not the story.

Comment prompts, reading markers, share bars, desk and editor codes, copyright lines. They
are found per line, and also glued to the start or end of a content line (scrapers often
drop the whitespace: "Your CommentKazakhstan, Russia to ink ..."), so the headline survives
while the prompt goes.

Each line is scanned until nothing new is found: masking one piece of debris can expose
another ("Read more: Your Comment", a desk code behind a prompt), and cleaning must be
idempotent: the masked text contains no debris left to find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.clean.masking import mask

# Phrases that are debris wherever they stand at the start or end of a line.
_PROMPTS: tuple[tuple[str, str], ...] = (
    ("comment-prompt", r"your comments?|leave a (?:comment|reply)|add (?:a )?comment"
                       r"|comments?\s*\(\d+\)|\d+\s+comments?|post a comment|show comments"),
    ("reading-marker", r"currently reading|now reading|continue reading|read more:?"
                       r"|related (?:articles|stories|news):?|most read|also read:?"),
    ("share", r"share this (?:article|story|page)|share on (?:facebook|twitter|x)"
              r"|follow us on (?:twitter|facebook|telegram|x)|click here to subscribe"
              r"|print this (?:article|page)|e-?mail this (?:article|story)"),
    ("advertisement", r"advertisement|sponsored content|scroll to continue"),
)
_LONGEST_PROMPT = 80  # characters; the phrases above are at most ~25 plus counts and spaces
_PROMPT_PATTERNS = [
    # ``match(line, pos)`` anchors at ``pos`` (a "^" would only ever match at 0). A prompt
    # may be glued to a headline ("Your CommentKazakhstan"), but not run on into a
    # lowercase word ("Most readers", "Your Commentary"): that is prose.
    (kind, re.compile(rf"\s*(?:{alternatives})(?-i:(?![a-z]))", re.IGNORECASE),
     re.compile(rf"(?:{alternatives})\s*$", re.IGNORECASE))
    for kind, alternatives in _PROMPTS
]

# Whole lines that are debris.
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # desk and editor codes: "ef/lam/jpm", "PL-18/MNA", "AB/cd"
    ("desk-code", re.compile(r"^\s*[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,6})?"
                             r"(?:/[A-Za-z0-9-]{1,8}){1,5}\s*$")),
    ("credit", re.compile(r"^\s*\((?:reporting|writing|editing|additional reporting)\b.*\)\s*$",
                          re.IGNORECASE)),
    ("copyright", re.compile(r"^\s*(?:©|\(c\)|copyright\b).{0,200}$", re.IGNORECASE)),
    ("copyright", re.compile(r"^.{0,120}\ball rights reserved\.?\s*$", re.IGNORECASE)),
)


@dataclass(frozen=True, slots=True)
class DebrisSpan:
    start: int
    end: int
    kind: str


def find_debris(text: str) -> list[DebrisSpan]:
    """Return debris spans (character offsets into ``text``), in text order."""
    spans: list[DebrisSpan] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend(_debris_in_line(line, offset))
        offset += len(line) + 1
    return spans


def _debris_in_line(line: str, offset: int) -> list[DebrisSpan]:
    """Scan, mask what was found and scan again until a scan finds nothing new.

    Found spans start and end on unmasked characters, so a later span either contains an
    earlier one (a whole line that is debris once its prompts are gone) and replaces it,
    or does not touch it.
    """
    found: list[DebrisSpan] = []
    current = line
    while new := [s for s in _scan_line(current) if s.end > s.start]:
        found = [old for old in found
                 if not any(n.start <= old.start and old.end <= n.end for n in new)]
        found.extend(new)
        current = mask(current, [(s.start, s.end) for s in new])
    return sorted((DebrisSpan(offset + s.start, offset + s.end, s.kind) for s in found),
                  key=lambda span: span.start)


def _scan_line(line: str) -> list[DebrisSpan]:
    """One pass over one line: a whole-line pattern, else prompts peeled off either end
    until none is left ("Read more: Your Comment Story" loses both prompts)."""
    if not line.strip():
        return []
    for kind, pattern in _LINE_PATTERNS:
        if pattern.match(line):
            return [_trimmed(line, 0, len(line), kind)]
    spans: list[DebrisSpan] = []
    begin, finish = 0, len(line)
    peeled = True
    while peeled:
        peeled = False
        for kind, at_start, at_end in _PROMPT_PATTERNS:
            head = at_start.match(line, begin, finish)
            if head and head.end() > begin:
                spans.append(_trimmed(line, begin, head.end(), kind))
                begin, peeled = head.end(), True
            # A prompt ends where the line's text does: look only that far back, so a
            # line of thousands of prompts costs thousands of short searches, not scans.
            end = finish
            while end > begin and line[end - 1].isspace():
                end -= 1
            tail = at_end.search(line, max(begin, end - _LONGEST_PROMPT), finish)
            if tail and tail.start() < finish:
                spans.append(_trimmed(line, tail.start(), finish, kind))
                finish, peeled = tail.start(), True
    if spans and not line[begin:finish].strip():
        return [_trimmed(line, 0, len(line), spans[0].kind)]
    return spans


def _trimmed(line: str, start: int, end: int, kind: str) -> DebrisSpan:
    """Shrink [start, end) to exclude surrounding whitespace."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return DebrisSpan(start, end, kind)
