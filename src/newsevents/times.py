"""Times: date expressions normalised to TIMEX3-style values against the publication date.

"on Thursday" in a story published Thursday 2015-10-15 is 2015-10-15; "will travel on
Friday" is the Friday after; "last September" is the most recent September before the
anchor; "in 2014" is "2014"; "the last week" is the ISO week before ("2013-W11"). With no
publication date a relative expression gets a null value and a reason, never a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from newsevents.records import Event, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_FUTURE_AUX = {"will", "shall", "'ll"}
_NO_ANCHOR = "relative expression and no publication date to anchor it"


def parse_published(value: str | None) -> date | None:
    """An ISO date or datetime string -> date; anything else -> None."""
    if not value:
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _MONTH_ABBREVIATIONS.get(word[:4] if word.startswith("sept") else word[:3]) \
        if len(word) >= 3 and word[:3] in _MONTH_ABBREVIATIONS else None


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def normalize_expression(text: str, anchor: date | None,
                         future: bool = False) -> tuple[str | None, str | None, str | None]:
    """Return (value, precision, reason) for one date expression."""
    lowered = " ".join(text.lower().replace(",", " ").split())
    absolute = _absolute(lowered, anchor)
    if absolute is not None:
        return absolute[0], absolute[1], None
    if anchor is None:
        return None, None, _NO_ANCHOR
    relative = _relative(lowered, anchor, future)
    if relative is not None:
        return relative[0], relative[1], None
    return None, None, "expression not understood"


def _absolute(text: str, anchor: date | None) -> tuple[str, str] | None:
    if match := re.fullmatch(r"(?:on )?(\d{4})-(\d{2})-(\d{2})", text):
        return f"{match[1]}-{match[2]}-{match[3]}", "day"
    # "october 15 2015", "oct. 15", "15 october 2015"
    match = (re.search(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?\b", text)
             or re.search(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?(?: (\d{4}))?\b",
                          text))
    if match:
        first, second, year = match.groups()
        month_word, day = (first, second) if first.isalpha() else (second, first)
        month = _month_number(month_word)
        if month and year:
            return _safe_day(int(year), month, int(day))
        if month and anchor is not None:
            return _safe_day(anchor.year, month, int(day))
    if match := re.search(r"\b([a-z]{3,9})\.? (\d{4})\b", text):
        month = _month_number(match[1])
        if month:
            return f"{match[2]}-{month:02d}", "month"
    if match := re.search(r"\b(early |mid-?|late )?(?:the )?(\d{2})(\d)0s\b", text):
        return f"{match[2]}{match[3]}", "decade"
    if match := re.fullmatch(r"(?:in |during |since |by |until )?(?:the year )?(\d{4})", text):
        return match[1], "year"
    return None


def _safe_day(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _relative(text: str, anchor: date, future: bool) -> tuple[str, str] | None:
    words = set(re.findall(r"[a-z]+", text))
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for word, shift in simple.items():
        if word in words:
            return (anchor + timedelta(days=shift)).isoformat(), "day"
    for index, weekday in enumerate(WEEKDAYS):
        if weekday in words:
            return _weekday(anchor, index, future or "next" in words,
                            "last" in words).isoformat(), "day"
    period_shift = -1 if words & {"last", "past", "previous"} else (
        1 if words & {"next", "coming"} else 0)
    if "week" in words or "weekend" in words:
        return _iso_week(anchor + timedelta(weeks=period_shift)), "week"
    if "month" in words:
        month = anchor.month + period_shift
        year = anchor.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}", "month"
    if "year" in words:
        return str(anchor.year + period_shift), "year"
    for index, month_name in enumerate(MONTHS, start=1):
        if month_name in words or (month_name[:3] in words and month_name != "may"):
            year = anchor.year
            if period_shift < 0 or (period_shift == 0 and not future):
                year = anchor.year if index < anchor.month else anchor.year - 1
                if period_shift == 0 and index == anchor.month:
                    year = anchor.year
            elif period_shift > 0 or future:
                year = anchor.year if index > anchor.month else anchor.year + 1
            return f"{year}-{index:02d}", "month"
    return None


def _weekday(anchor: date, weekday: int, future: bool, last: bool) -> date:
    """The named weekday nearest the anchor in the direction the sentence points."""
    if future and not last:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7) \
            if weekday != anchor.weekday() else anchor
    back = (anchor.weekday() - weekday) % 7
    if last and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _is_future(span: Span) -> bool:
    head = span.root.head
    for _ in range(3):
        if any(c.lower_ in _FUTURE_AUX for c in head.children if c.dep_ == "aux"):
            return True
        if head.head is head:
            break
        head = head.head
    return False


def find_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    """DATE entities of ``doc`` normalised against ``published``."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value, precision, reason = normalize_expression(ent.text, published, _is_future(ent))
        found.append(TimeExpression(ent.text, ent.start_char, ent.end_char, value, "DATE",
                                    precision, reason))
    return found


def attach_dates(events: list[Event], times: list[TimeExpression],
                 published: date | None) -> None:
    """Date each event from a resolved expression in its sentence, else the publication
    date (reports are about recent happenings), else leave it unknown."""
    for event in events:
        inside = [t for t in times if event.start <= t.start and t.end <= event.end
                  and t.value is not None]
        if inside:
            best = min(inside, key=lambda t: abs(t.start - event.trigger.start))
            event.date, event.date_precision = best.value, best.precision
            event.why += f"; date from '{best.text}'"
        elif published is not None:
            event.date, event.date_precision = published.isoformat(), "day"
            event.why += "; date from publication"
