"""Site debris: the lines and fragments a scraped page carries that are not the story.

Comment prompts, reading markers, share bars, desk and editor codes, copyright lines. They
are found per line, and also glued to the start or end of a content line (scrapers often
drop the whitespace: "Your CommentKazakhstan, Russia to ink ..."), so the headline survives
while the prompt goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_PROMPT_PATTERNS = [
    (kind, re.compile(rf"^\s*(?:{alternatives})", re.IGNORECASE),
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
    if not line.strip():
        return []
    for kind, pattern in _LINE_PATTERNS:
        if pattern.match(line):
            return [_trimmed(line, 0, len(line), offset, kind)]
    spans: list[DebrisSpan] = []
    begin, finish = 0, len(line)
    for kind, at_start, at_end in _PROMPT_PATTERNS:
        head = at_start.match(line, begin, finish)
        if head and head.end() > begin:
            spans.append(_trimmed(line, begin, head.end(), offset, kind))
            begin = head.end()
        tail = at_end.search(line, begin, finish)
        if tail and tail.start() < finish:
            spans.append(_trimmed(line, tail.start(), finish, offset, kind))
            finish = tail.start()
    if spans and not line[begin:finish].strip():
        return [_trimmed(line, 0, len(line), offset, spans[0].kind)]
    return sorted(spans, key=lambda span: span.start)


def _trimmed(line: str, start: int, end: int, offset: int, kind: str) -> DebrisSpan:
    """Shrink [start, end) to exclude surrounding whitespace, then shift by ``offset``."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return DebrisSpan(offset + start, offset + end, kind)
