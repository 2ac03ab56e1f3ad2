"""Times: date expressions normalised to TIMEX3-style values against the publication date.

"on Thursday" in a story published Thursday 2015-10-15 is 2015-10-15; "will travel on
Friday" is the Friday after, "met on Friday" the one before; a month or a day without a
year is the occurrence nearest the anchor unless the tense or "last"/"next" says which;
"in 2014" is "2014"; "the last week" is the ISO week before ("2013-W11"); "the third
quarter" is "2015-Q3"; "last fall" is "2014-FA"; "three years ago" is "2012"; "now" and
"recently" are TIMEX3's PRESENT_REF and PAST_REF, as are vague stretches ("recent weeks",
"the coming months"). A month named without tense is the anchor's year (TimeML's reading,
and what news means by "in April"); a day within two months of the anchor is the nearest
one whatever the tense, which is often read through a reporting clause. After a quarter,
"a year earlier" is that quarter a year before, as earnings reports mean it, and "the
quarter" or "the latest period" is the quarter reported. "current", "recent" and "future"
are references too, as TimeML tags them; holidays ("last Thanksgiving") are days. A range
("from Sept. 14 to Thursday") is two dates and "the quarter ended Sept. 30" a quarter and a
day, as TimeML tags them. With no publication date a relative expression gets a null
value and a reason, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from newsevents.errors import ConfigurationError
from newsevents.holidays import HOLIDAY, holiday_date
from newsevents.language_model import document_text
from newsevents.records import Event, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9),
            "winter": ("WI", 12)}
# TimeML tags the adjectives too: "current market conditions", "a recent filing",
# "future losses" are PRESENT_REF, PAST_REF and FUTURE_REF.
_REFERENCES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
               "then current": "PAST_REF", "recently": "PAST_REF", "recent": "PAST_REF",
               "recent years": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
               "as soon as possible": "FUTURE_REF"}
# Stretches of time with no edge to date: TIMEX3's references, never an event's date.
_SPAN_UNITS = r"(?:days|weeks|months|years|quarters|decades)"
_VAGUE = [(re.compile(p), r) for p, r in (
    (rf"(?:the )?(?:recent|past|last|previous)(?: few| several| couple of)? {_SPAN_UNITS}",
     "PAST_REF"),
    (rf"(?:several|a few|some|many) {_SPAN_UNITS} ago", "PAST_REF"),
    (rf"(?:the )?(?:coming|future|upcoming|next few)(?: few| several)? {_SPAN_UNITS}",
     "FUTURE_REF"),
    (r"(?:the )?(?:near|foreseeable) future|soon|a later date|the (?:near|short) term",
     "FUTURE_REF"),
    (r"these days|the present|present|at present", "PRESENT_REF"),
    (r"the past|previously|formerly", "PAST_REF"))]
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
          "months": "month", "year": "year", "years": "year", "decade": "decade",
          "decades": "decade"}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "may", "might", "can", "should",
               "must"}
# Verbs that put what they govern ahead of them, even in the past tense.
_PLANNING = {"plan", "schedule", "slate"}
_INTENT = _PLANNING | {"be", "expect", "intend", "hope", "want", "aim", "prepare", "seek",
                       "agree", "vow", "promise", "threaten", "due", "likely", "ready", "go",
                       "set"}
_DEFERRING = {"postpone", "delay", "defer", "extend", "adjourn", "suspend", "push"}
_AHEAD = r"(?:as (?:early|soon) as|no later than|effective|ahead of)"  # a date still to come
_REPORTING = {"say", "tell", "report", "announce", "add", "state", "note", "confirm"}
# A day named by weekday or number: the only dates a present-tense plan points forward to.
_DAY_NAMED = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|today|tonight|tomorrow)\b|"
                        r"[a-z]\.? \d{1,2}\b|\b\d{1,2} [a-z]", re.IGNORECASE)
_NO_ANCHOR = "relative expression and no publication date to anchor it"
# Words that date a sentence although the model does not label them DATE. "current" but
# not the electric or accounting kind; "soon" but not "as soon as he arrives"; "the past"
# but not "the past three years" (a stretch the model labels whole).
_EXTRA = re.compile(
    r"\b(?:now|currently|recently|in recent years|(?:in )?the future|today|tonight|"
    r"(?:then )?current(?! accounts?\b| assets\b| liabilities\b)|recent|future|"
    r"(?<!as )soon(?! as\b| after\b)|as soon as possible|the (?:near|short) term|"
    r"the past(?! (?:\w+ ){0,2}(?:days?|weeks?|months?|years?|decades?|quarters?|centur))|"
    r"the latest period|(?:fiscal )?(?:first|second|third|fourth)[- ]quarter|"
    r"(?:last |next |this )?(?-i:" + HOLIDAY.pattern + ")|"
    r"yesterday|tomorrow|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b"
    r"(?:,? \d{4})?|(?:january|february|march|april|june|july|august|september|october|"
    r"november|december) \d{1,2}\b(?:,? \d{4})?)\b", re.IGNORECASE)

_SLACK = timedelta(days=7)
# A reporting period named by its last day: the period's value is the period's, not the
# day's. TimeML tags the period and the day apart, as it does a range's two ends.
_PERIOD_ENDED = re.compile(r"((?:the |its |their )?(.*?\b(quarter|year))s?),? (ended|ending|"
                           r"(?:that|which) ended) (.+)", re.IGNORECASE)
_RANGE = re.compile(r"(?:(?:from|between) )?(.+?),? (?:to|through|thru|until|till|and|-|–) "
                    r"(.+)", re.IGNORECASE)
_NEAR_DAYS = 60
_FUTURE_WEIGHT = 1.5  # without a tense, a future date must be this much nearer to win
_UNDATING = {"reference", "century"}  # precisions that never date an event
# "a year ago" after a quarter means that quarter a year before (TimeML's convention), as
# does "the 1988 period"; "the quarter" alone is that quarter, "last year's quarter" the
# one before
_YEAR_AGO = re.compile(r"\b(?:a|one) year (?:ago|earlier|before)\b|\byear-(?:ago|earlier)\b",
                       re.IGNORECASE)
_YEAR_PERIOD = re.compile(r"(?:the )?\d{4} (?:period|quarter)", re.IGNORECASE)
_LAST_YEAR = re.compile(_YEAR_AGO.pattern + r"|\blast year\b", re.IGNORECASE)
Value = tuple[str, str]  # (TIMEX3 value, precision)


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


# Written dates a caller may give for "on which day?": "2022-06", "2022", "June 1, 2022",
# "1 June 2022", "2022/06/01".
_DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def reference_date(value: str | date | None) -> date | None:
    """The day a caller means, for time-aware lookups such as actor resolution: a date or
    datetime, an ISO date, a month ("2022-06": its 15th), a year ("2022": 1 July, the
    middle), an e-mail style or written date. None stays None; anything else raises
    :class:`~newsevents.errors.ConfigurationError`, because reading it as "today"
    would silently give today's office holders."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = value.strip()
    if not text:
        return None
    if parsed := parse_published(text):
        return parsed
    if text.isdigit() and len(text) == 4:
        return date(int(text), 7, 1)
    if (month := _YEAR_MONTH.fullmatch(text)) and 1 <= int(month[2]) <= 12:
        return date(int(month[1]), int(month[2]), 15)
    for pattern in _DAY_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ConfigurationError(f"date {value!r} not understood",
                                 hint="use YYYY-MM-DD, YYYY-MM or YYYY") from None


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_ONES = {w: n for w, n in _NUMBERS.items() if isinstance(n, int) and n > 0 and len(w) > 2}
_SPELLED_YEAR = re.compile(
    rf"\b(nineteen|eighteen|twenty) ({'|'.join(_TENS)})(?:[- ]({'|'.join(_ONES)}))?\b"
    rf"|\btwo thousand(?: and)?(?: ({'|'.join(_ONES)}|{'|'.join(_TEENS)}))?\b"
    rf"|\bthe ({'|'.join(t[:-1] for t in _TENS)})ies\b")


def _digits_for_years(text: str) -> str:
    """Spoken years in broadcast transcripts as digits: "nineteen ninety-six" -> 1996,
    "the year two thousand" -> 2000, "the nineties" -> the 1990s."""
    def digits(match: re.Match[str]) -> str:
        if match[1]:
            century = _TEENS.get(match[1], 20)
            return str(century * 100 + _TENS[match[2]] + _ONES.get(match[3] or "", 0))
        if match[0].startswith("two"):
            return str(2000 + (_ONES.get(match[4] or "") or _TEENS.get(match[4] or "", 0)))
        return f"the 19{_TENS[match[5] + 'y'] // 10}0s"
    return _SPELLED_YEAR.sub(digits, text)


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    if len(word) >= 3 and word[:3] in _MONTH_ABBREVIATIONS and (
            len(word) <= 4 or any(m.startswith(word) for m in MONTHS)):
        return _MONTH_ABBREVIATIONS[word[:3]]
    return None


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def normalize_expression(text: str, anchor: date | None, future: bool = False,
                         past: bool = False) -> tuple[str | None, str | None, str | None]:
    """Return (value, precision, reason) for one date expression. ``future``/``past``
    is the tense of the clause it sits in, when known."""
    lowered = " ".join(text.lower().replace(",", " ").replace("’", "'").split())
    lowered = _digits_for_years(re.sub(r"'s?$", "", lowered))  # "last month's"
    lowered = re.sub(r"^(?:on|in|at|during|since|by|until|from|for|of|before|after|between) "
                     r"| (?:and|or|to|through)$", "", lowered)  # "between now and"
    for phrase, reference in _REFERENCES.items():
        if lowered == phrase or lowered == f"in {phrase}":
            return reference, "reference", None
    for pattern, reference in _VAGUE:
        if pattern.fullmatch(lowered):
            return reference, "reference", None
    if match := re.fullmatch(r"(?:the )?week of (.+)", lowered):  # "the week of March 6"
        day, precision, reason = normalize_expression(match[1], anchor, future, past)
        if day is None or precision != "day":
            return None, None, reason or "expression not understood"
        return _iso_week(date.fromisoformat(day)), "week", None
    if match := _PERIOD_ENDED.fullmatch(lowered):  # "the quarter ended Sept. 30"
        end, _, reason = normalize_expression(match[5], anchor, future,
                                              past or match[4].endswith("ended"))
        if end is None or not re.match(r"\d{4}-\d{2}", end):
            return None, None, reason or "expression not understood"
        if match[3] == "year":
            return end[:4], "year", None
        if ordinal := _ordinal_quarter(match[2]):  # a fiscal quarter keeps its number
            return f"{end[:4]}-Q{ordinal}", "quarter", None
        # the calendar quarter holding most of the three months: "ended July 31" is Q2
        year, quarter = _quarter(date(int(end[:4]), int(end[5:7]), 1) - timedelta(days=20))
        return f"{year}-Q{quarter}", "quarter", None
    if holiday := HOLIDAY.search(text.replace("’", "'")):
        return _holiday(holiday[0], lowered, anchor, future, past)
    absolute = _absolute(lowered, anchor, future, past)
    if absolute is not None:
        return absolute[0], absolute[1], None
    if anchor is None:
        return None, None, _NO_ANCHOR
    relative = _relative(lowered, anchor, future, past)
    if relative is not None:
        return relative[0], relative[1], None
    return None, None, "expression not understood"


def _nearest_year(anchor: date, occurrence: Callable[[int], date], future: bool,
                  past: bool) -> int:
    """The year whose ``occurrence`` (a month/day, a holiday) is nearest the anchor, or on
    the side the tense says — unless it is within two months of the anchor: news dates
    are near their story, and a tense read through a reporting clause or an adjective
    ("payable Dec. 7") is weak. Without a tense a past occurrence wins unless the future
    one is much nearer: news mostly reports what has happened."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    dates = [(y, occurrence(y)) for y in years]
    nearest = min(dates, key=lambda yd: abs((yd[1] - anchor).days))
    if abs((nearest[1] - anchor).days) <= _NEAR_DAYS:
        return nearest[0]
    # a week of slack: a story may be dated a day or two after the text was written
    if future:
        dates = [(y, d) for y, d in dates if d >= anchor - _SLACK]
    elif past:
        dates = [(y, d) for y, d in dates if d <= anchor + _SLACK]
    else:
        return min(dates, key=lambda yd: abs((yd[1] - anchor).days) * (
            _FUTURE_WEIGHT if yd[1] > anchor else 1))[0]
    return min(dates, key=lambda yd: (abs((yd[1] - anchor).days), yd[1] > anchor))[0]


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, 28 if month == 2 else 30 if month in (4, 6, 9, 11)
                                 else 31))


def _absolute(text: str, anchor: date | None, future: bool, past: bool) -> Value | None:
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return f"{match[1]}-{match[2]}-{match[3]}", "day"
    match = (re.search(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?\b", text)
             or re.search(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?(?: (\d{4}))?\b",
                          text))
    if match:
        first, second, year = match.groups()
        month_word, day = (first, second) if first.isalpha() else (second, first)
        month = _month_number(month_word)
        if month and year:
            return _safe_day(int(year), month, int(day))
        if month and anchor is not None and 1 <= int(day) <= 31:
            year = _nearest_year(anchor, lambda y: _clamped(y, month, int(day)), future, past)
            return _safe_day(year, month, int(day))
    if match := re.search(r"\b([a-z]{3,9})\.? (?:of )?(\d{4})\b", text):
        month = _month_number(match[1])
        if month:
            return f"{match[2]}-{month:02d}", "month"
        if match[1] in _SEASONS:
            return f"{match[2]}-{_SEASONS[match[1]][0]}", "season"
    if match := re.search(r"\b(first|second|last) half of (?:fiscal )?(\d{4})\b", text):
        return f"{match[2]}-H{1 if match[1] == 'first' else 2}", "half"
    if match := re.search(r"\b(\d{1,2})(?:st|nd|rd|th) century\b", text):
        return f"{int(match[1]) - 1:02d}", "century"
    if match := re.search(r"\b(?:the )?(\d{2})(\d)0'?s\b", text):
        return f"{match[1]}{match[2]}", "decade"
    if match := re.search(r"(?:^|\s)'(\d)0s\b", text):  # "the '80s": the latest such decade
        century = (anchor.year if anchor else 1999) // 100
        if century * 100 + int(match[1]) * 10 > (anchor.year if anchor else 1999):
            century -= 1
        return f"{century}{match[1]}", "decade"
    if match := re.search(r"\b(1\d{3}|20\d{2})\b", text):
        if quarter := _ordinal_quarter(text):
            return f"{match[1]}-Q{quarter}", "quarter"
        if not re.search(r"\b(?:ago|earlier|before|later|after|days?|weeks?|months?)\b",
                         text) or re.search(r"\b(?:days|weeks|months) of \d{4}$", text):
            return match[1], "year"  # "in 1997", "the first nine months of 1997"
    return None


def _safe_day(year: int, month: int, day: int) -> Value | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _ordinal_quarter(text: str) -> int | None:
    match = re.search(r"\b(first|second|third|fourth|[1-4](?:st|nd|rd|th))[- ](?:fiscal )?"
                      r"quarter\b", text) or re.search(r"\bq([1-4])\b", text)
    if not match:
        return None
    return _ORDINALS.get(match[1]) or int(match[1])


def _relative(text: str, anchor: date, future: bool, past: bool) -> Value | None:
    words = {w.removesuffix("'s") for w in re.findall(r"[a-z']+", text)}  # "year's end"
    shift = -1 if words & {"last", "past", "previous", "ago", "earlier"} or re.search(
        r"\byear-(?:ago|earlier)\b", text) else (1 if words & {"next", "coming"} else 0)
    if "this" in words or re.search(r"\b(?:earlier|later) in the\b", text):
        shift = 0  # "earlier this year", "later in the year": this year
    for word, days in {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.items():
        if word in words:
            return (anchor + timedelta(days=days)).isoformat(), "day"
    if found := _ago(text, anchor):
        return found
    for index, weekday in enumerate(WEEKDAYS):
        if weekday in words:
            day = _weekday(anchor, index, future or shift > 0, "last" in words)
            return day.isoformat(), "day"
    if "quarter" in words or ("period" in words and (
            shift or words & {"latest", "comparable", "corresponding"})):
        year, quarter = _quarter(anchor)
        ordinal = _ordinal_quarter(text)
        if ordinal is None and "current" not in words:
            # "the quarter", "the latest quarter": the last one reported ("the current
            # quarter" is the one under way)
            year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        elif ordinal is not None:  # the nearest such, unless the tense crosses the year
            _, current = _quarter(anchor)
            quarter = ordinal
            if past and quarter > current and "year" not in words:
                year -= 1
            elif future and quarter < current - 1 and "year" not in words:
                year += 1
        if shift < 0 or "year-ago" in text or "year-earlier" in text:
            year -= 1
        elif shift > 0 and re.search(r"\byear\b", text):  # "next year's first quarter"
            year += 1
        return f"{year}-Q{quarter}", "quarter"
    if "weekend" in words:
        if not shift and "this" not in words and anchor.weekday() < 5 and (
                past or (not future and anchor.weekday() < 3)):
            shift = -1  # "over the weekend" early in the week: the one just gone
        return _iso_week(anchor + timedelta(weeks=shift)) + "-WE", "week"
    if "week" in words:
        return _iso_week(anchor + timedelta(weeks=shift)), "week"
    if "month" in words:
        month = anchor.month + shift
        year = anchor.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}", "month"
    if "year" in words and (month := _month_in(words)):  # "June last year"
        return f"{anchor.year + shift}-{month:02d}", "month"
    if "year" in words or re.search(r"\byear-(?:ago|earlier)\b", text):
        return str(anchor.year + shift), "year"
    if "decade" in words:  # "the last decade" in 1998 is the 1980s
        return str(anchor.year // 10 + shift), "decade"
    for season, (code, month) in _SEASONS.items():
        if season in words:
            return f"{_month_year(anchor, month, shift, future, past)}-{code}", "season"
    if month := _month_in(words):
        year = anchor.year if "this" in words else _month_year(anchor, month, shift, future,
                                                               past)
        return f"{year}-{month:02d}", "month"
    return None


def _holiday(name: str, text: str, anchor: date | None, future: bool,
             past: bool) -> tuple[str | None, str | None, str | None]:
    """The day of a named holiday: in the year given, else the occurrence "last"/"next"
    say, else the nearest one."""
    if year := re.search(r"\b(1\d{3}|20\d{2})\b", text):
        return holiday_date(name, int(year[1])).isoformat(), "day", None
    if anchor is None:
        return None, None, _NO_ANCHOR
    dates = [holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if re.search(r"\blast\b", text):
        day = max(d for d in dates if d < anchor)
    elif re.search(r"\b(?:next|coming)\b", text):
        day = min(d for d in dates if d > anchor)
    else:
        day = holiday_date(name, _nearest_year(anchor, lambda y: holiday_date(name, y),
                                               future, past))
    return day.isoformat(), "day", None


def _month_in(words: set[str]) -> int | None:
    for index, month_name in enumerate(MONTHS, start=1):
        if month_name in words or (month_name[:3] in words and month_name != "may"):
            return index
    return None


def _ago(text: str, anchor: date) -> Value | None:
    """"three years ago", "a week earlier": the anchor moved back by that much."""
    match = re.search(r"\b(\d+|[a-z]+) (days?|weeks?|months?|years?|decades?) "
                      r"(?:ago|earlier|before)\b", text)
    if not match:
        return None
    count = int(match[1]) if match[1].isdigit() else _NUMBERS.get(match[1])
    if count is None:
        return None
    unit = _UNITS[match[2]]
    if unit == "day":
        return (anchor - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return _iso_week(anchor - timedelta(weeks=count)), "week"
    if unit == "month":
        month = anchor.month - count
        year = anchor.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}", "month"
    return str(anchor.year - count * (10 if unit == "decade" else 1)), "year"


def _month_year(anchor: date, month: int, shift: int, future: bool, past: bool) -> int:
    """The year of a named month: "last"/"next" and the tense decide; else the nearest."""
    if shift < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    if month == anchor.month:
        return anchor.year
    if future or past:
        return _nearest_year(anchor, lambda y: date(y, month, 15), future, past)
    # no tense: the anchor's year (TimeML's reading), unless that is most of a year away
    return anchor.year if abs(month - anchor.month) <= 8 else _nearest_year(
        anchor, lambda y: date(y, month, 15), future, past)


def _weekday(anchor: date, weekday: int, future: bool, last: bool) -> date:
    """The named weekday nearest the anchor in the direction the sentence points."""
    if future and not last:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    back = (anchor.weekday() - weekday) % 7
    if last and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def clause_tense(span: Span, plans: bool = True) -> tuple[bool, bool]:
    """(future, past) of the clause a date expression modifies: "will travel on Friday",
    "may come as soon as Tuesday", "effective Feb. 1", "ahead of the weekend", "is to
    resume Monday", "planned a march on Saturday" (but not "on Friday, it planned"),
    "postponed until Tuesday", "is meeting on Friday" and "meet Monday" (a plan in the
    present, only when ``plans``: it dates a day, not a month) are future; "met on Friday"
    is past. An infinitive takes the tense of the verb
    it hangs on ("staged parades to mark the entry on Friday" is past) unless that verb
    looks ahead ("expected to vote on Friday") or it hangs on a noun ("a plan to repay it
    by June"). "Wednesday's ruling" names something already done, and a reporting verb
    further up ("…, the company said") tells when it was said, not when the thing happens:
    both leave the tense unknown."""
    # the 20 characters before the expression, from the tokens before it (``Doc.text``
    # joins every token of the document)
    before = span.doc[max(0, span.start - 8):span.start].text_with_ws[-20:].lower()
    if re.search(rf"\b{_AHEAD} $", before) or re.match(f"{_AHEAD} ", span.text.lower()):
        return True, False
    if span.root.dep_ == "poss":
        return False, False
    head, until = span.root.head, False
    for step in range(5):
        if step > 0 and head.lemma_ in _REPORTING:
            return False, False
        until = until or head.lower_ in ("until", "till")
        if head.pos_ in ("VERB", "AUX"):
            auxiliaries = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            if "to" in auxiliaries and head.head.i != head.i and head.dep_ != "ccomp":
                if head.head.lemma_ in _INTENT or head.head.pos_ in ("NOUN", "PROPN"):
                    return True, False
                head = head.head
                continue
            if (head.lemma_ in _PLANNING and head.i < span.start
                    and head.dep_ not in ("acl", "amod")) or (
                    until and head.lemma_ in _DEFERRING):
                return True, False
            if "have" not in auxiliaries and (auxiliaries & _FUTURE_AUX
                                              or "going" in auxiliaries):
                return True, False
            if (plans and head.tag_ in ("VBP", "VBZ") and head.lemma_ != "be") or (
                    head.tag_ == "VBG" and auxiliaries & {"is", "are", "'s", "'re"}):
                return True, False
            if head.tag_ == "VBD" or auxiliaries & {"was", "were", "had", "did"} or (
                    head.tag_ == "VBN" and auxiliaries & {"has", "have"}):
                return False, True
            return False, False
        if head.head.i == head.i:
            break
        head = head.head
    return False, False


def find_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    """Date expressions of ``doc`` normalised against ``published``: the model's DATE
    entities, TIME entities that name a day ("Wednesday night"), and the deictic words
    and "Sept. 30"-style dates the model leaves unlabelled."""
    spans = [ent for ent in doc.ents if ent.label_ == "DATE" or (
        ent.label_ == "TIME" and re.search(r"\b(?:today|tonight|yesterday|tomorrow|"
                                           + "|".join(WEEKDAYS) + r")\b", ent.text, re.I))]
    taken = [(s.start_char, s.end_char) for s in doc.ents if s.label_ in ("DATE", "TIME")]
    for match in _EXTRA.finditer(document_text(doc)):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    found = []
    quarter: tuple[int, str] | None = None  # (sentence start, value) of the last quarter
    for span in sorted(spans, key=lambda s: s.start_char):
        span = _widened(span)
        future, past = clause_tense(span, plans=bool(_DAY_NAMED.search(span.text)))
        sentence = span.sent
        for start, end, (value, precision, reason) in _separate(span.text, published, future,
                                                                past):
            text = span.text[start:end]
            near = quarter is not None and quarter[0] >= _previous_sentence_start(sentence)
            if quarter is not None and precision == "quarter" and _quarter_anaphor(text):
                # "the quarter", "the latest period": the one the report is about
                value = _year_before(quarter[1]) if _LAST_YEAR.search(text) else quarter[1]
                quarter = (sentence.start, quarter[1])
            elif quarter is not None and near and value and precision == "year" and (
                    _YEAR_AGO.search(text) or _YEAR_PERIOD.fullmatch(text)):
                # earnings style: "… in the third quarter, against $2 a year earlier", "in
                # the 1988 period"
                value = (_year_before(quarter[1]) if _YEAR_AGO.search(text)
                         else f"{value}{quarter[1][4:]}")
                precision, quarter = "quarter", (sentence.start, quarter[1])
            elif value and precision == "quarter" and not _LAST_YEAR.search(text) and (
                    published is None or value < _quarter_value(published)):
                # a reported quarter is one that has ended, and the latest named: others
                # ("after a flat second quarter") are for comparison
                quarter = (sentence.start, max(value, quarter[1] if quarter else value))
            found.append(TimeExpression(text, span.start_char + start, span.start_char + end,
                                        value, "DATE", precision, reason))
    return found


def _widened(span: Span) -> Span:
    """The span with the noun the model leaves out of earnings periods: "the year-ago
    [period]", "the 1988 [quarter]"."""
    doc = span.doc
    if (span.end < len(doc) and doc[span.end].lower_ in ("period", "quarter")
            and span[-1].lower_ not in ("period", "quarter", "quarters")):
        return doc[span.start:span.end + 1]
    return span


def _quarter_anaphor(text: str) -> bool:
    """"the quarter", "the latest period", "the year-ago quarter": a quarter named by
    neither number nor year, which points back to the one the report is about."""
    return _ordinal_quarter(text.lower()) is None and not re.search(
        r"\d{4}|\b(?:current|next|coming)\b", text, re.IGNORECASE)


def _quarter_value(day: date) -> str:
    """The TIMEX3 value of the quarter ``day`` is in: 2015-10-15 -> "2015-Q4"."""
    year, quarter = _quarter(day)
    return f"{year}-Q{quarter}"


def _year_before(quarter: str) -> str:
    """"1989-Q3" -> "1988-Q3"."""
    return f"{int(quarter[:4]) - 1}{quarter[4:]}"


def _separate(text: str, anchor: date | None, future: bool,
              past: bool) -> list[tuple[int, int, tuple[str | None, str | None, str | None]]]:
    """The dates in one expression, each with its character range and normalisation.
    TimeML tags each end of a range ("from Sept. 14 to Thursday", "between 1985 and 1987")
    and a reporting period apart from its last day ("the quarter ended Sept. 30"), which
    is past when the period "ended"."""
    whole = normalize_expression(text, anchor, future, past)
    if match := _PERIOD_ENDED.fullmatch(text):
        end = normalize_expression(match[5], anchor, future, past or match[4].endswith("ended"))
        if _understood(end):
            return ([(match.start(1), match.end(1), whole)] if whole[0] else []) + [
                (match.start(5), match.end(5), end)]
    if match := _RANGE.fullmatch(text):
        second = match[2]
        if second.isdigit() and (month := re.match(r"[A-Za-z]{3,9}\.? (?=\d)", match[1])):
            second = month[0] + second  # "April 24 and 25"
        first = normalize_expression(match[1], anchor, future, past)
        last = normalize_expression(second, anchor, future, past)
        if _understood(first) and _understood(last):
            return [(match.start(1), match.end(1), first), (match.start(2), match.end(2), last)]
    return [(0, len(text), whole)]


def _understood(result: tuple[str | None, str | None, str | None]) -> bool:
    """Whether a normalisation read the text as a date (lacking only an anchor, maybe)."""
    return result[0] is not None or result[2] == _NO_ANCHOR


def _previous_sentence_start(sentence: Span) -> int:
    """Token index where the sentence before ``sentence`` starts (its own start if first)."""
    if sentence.start == 0:
        return 0
    return sentence.doc[sentence.start - 1].sent.start


def attach_dates(events: list[Event], times: list[TimeExpression],
                 published: date | None) -> None:
    """Date each event from a resolved expression in its sentence, else the publication
    date (reports are about recent happenings), else leave it unknown. "now"-like
    references are not dates and a century is too coarse: neither dates an event."""
    for event in events:
        inside = [t for t in times if event.start <= t.start and t.end <= event.end
                  and t.value is not None and t.precision not in _UNDATING]
        if inside:
            best = min(inside, key=lambda t: abs(t.start - event.trigger.start))
            event.date, event.date_precision = best.value.split("T")[0], best.precision
            event.why += f"; date from '{best.text}'"
        elif published is not None:
            event.date, event.date_precision = published.isoformat(), "day"
            event.why += "; date from publication"
