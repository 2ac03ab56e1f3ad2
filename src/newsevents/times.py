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
"a year earlier" is that quarter a year before, as earnings reports mean it. With no
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
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9),
            "winter": ("WI", 12)}
_REFERENCES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
               "recent years": "PAST_REF", "the future": "FUTURE_REF"}
# Stretches of time with no edge to date: TIMEX3's references, never an event's date.
_SPAN_UNITS = r"(?:days|weeks|months|years|quarters|decades)"
_VAGUE = [(re.compile(p), r) for p, r in (
    (rf"(?:the )?(?:recent|past|last|previous)(?: few| several| couple of)? {_SPAN_UNITS}",
     "PAST_REF"),
    (rf"(?:several|a few|some|many) {_SPAN_UNITS} ago", "PAST_REF"),
    (rf"(?:the )?(?:coming|future|upcoming|next few)(?: few| several)? {_SPAN_UNITS}",
     "FUTURE_REF"),
    (r"(?:the )?(?:near|foreseeable) future|soon|a later date", "FUTURE_REF"),
    (r"these days|the present|present|at present", "PRESENT_REF"),
    (r"the past|previously|formerly", "PAST_REF"))]
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
          "months": "month", "year": "year", "years": "year"}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "to"}
_REPORTING = {"say", "tell", "report", "announce", "add", "state", "note", "confirm"}
# A day named by weekday or number: the only dates a present-tense plan points forward to.
_DAY_NAMED = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|today|tonight|tomorrow)\b|"
                        r"[a-z]\.? \d{1,2}\b|\b\d{1,2} [a-z]", re.IGNORECASE)
_NO_ANCHOR = "relative expression and no publication date to anchor it"
# Words that date a sentence although the model does not label them DATE.
_EXTRA = re.compile(
    r"\b(?:now|currently|recently|in recent years|(?:in )?the future|today|tonight|"
    r"yesterday|tomorrow|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b"
    r"(?:,? \d{4})?|(?:january|february|march|april|june|july|august|september|october|"
    r"november|december) \d{1,2}\b(?:,? \d{4})?)", re.IGNORECASE)

_SLACK = timedelta(days=7)
# A reporting period named by its last day: the period is the value, not the day.
_PERIOD_ENDED = re.compile(r"(?:the |its |their )?(.*?\b(quarter|year))s? (?:ended|ending|"
                           r"that ended) (.+)")
_NEAR_DAYS = 60
_UNDATING = {"reference", "century"}  # precisions that never date an event
# "a year ago" after a quarter means that quarter a year before (TimeML's convention)
_YEAR_AGO = re.compile(r"\b(?:a|one) year (?:ago|earlier|before)\b|\byear-(?:ago|earlier)\b",
                       re.IGNORECASE)
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
    lowered = re.sub(r"^(?:on|in|at|during|since|by|until|from|for|of|before|after) ", "",
                     lowered)
    for phrase, reference in _REFERENCES.items():
        if lowered == phrase or lowered == f"in {phrase}":
            return reference, "reference", None
    for pattern, reference in _VAGUE:
        if pattern.fullmatch(lowered):
            return reference, "reference", None
    if match := _PERIOD_ENDED.fullmatch(lowered):  # "the quarter ended Sept. 30"
        end, _, reason = normalize_expression(match[3], anchor, future, past)
        if end is None or not re.match(r"\d{4}-\d{2}", end):
            return None, None, reason or "expression not understood"
        if match[2] == "year":
            return end[:4], "year", None
        quarter = _ordinal_quarter(match[1]) or (int(end[5:7]) - 1) // 3 + 1
        return f"{end[:4]}-Q{quarter}", "quarter", None
    absolute = _absolute(lowered, anchor, future, past)
    if absolute is not None:
        return absolute[0], absolute[1], None
    if anchor is None:
        return None, None, _NO_ANCHOR
    relative = _relative(lowered, anchor, future, past)
    if relative is not None:
        return relative[0], relative[1], None
    return None, None, "expression not understood"


def _nearest_year(anchor: date, month: int, day: int, future: bool, past: bool) -> int:
    """The year that puts month/day nearest the anchor, or on the side the tense says —
    unless it is within two months of the anchor: news dates are near their story, and a
    tense read through a reporting clause or an adjective ("payable Dec. 7") is weak."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    dates = [(y, _clamped(y, month, day)) for y in years]
    nearest = min(dates, key=lambda yd: abs((yd[1] - anchor).days))
    if abs((nearest[1] - anchor).days) <= _NEAR_DAYS:
        return nearest[0]
    # a week of slack: a story may be dated a day or two after the text was written
    if future:
        dates = [(y, d) for y, d in dates if d >= anchor - _SLACK]
    elif past:
        dates = [(y, d) for y, d in dates if d <= anchor + _SLACK]
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
            return _safe_day(_nearest_year(anchor, month, int(day), future, past), month,
                             int(day))
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
    if match := re.search(r"\b(1\d{3}|20\d{2})\b", text):
        if quarter := _ordinal_quarter(text):
            return f"{match[1]}-Q{quarter}", "quarter"
        if not re.search(r"\b(?:ago|earlier|before|later|after|days?|weeks?|months?)\b", text):
            return match[1], "year"
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
    words = set(re.findall(r"[a-z']+", text))
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
            day = _weekday(anchor, index, future or "next" in words, "last" in words)
            return day.isoformat(), "day"
    if "quarter" in words or ("period" in words and shift):
        year, quarter = _quarter(anchor)
        ordinal = _ordinal_quarter(text)
        if ordinal is None:  # "the quarter", "the latest quarter": the last one reported
            year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        else:  # the nearest such quarter, unless the tense points across the year
            _, current = _quarter(anchor)
            quarter = ordinal
            if past and quarter > current:
                year -= 1
            elif future and quarter < current - 1:
                year += 1
        if shift < 0 or "year-ago" in text or "year-earlier" in text:
            year -= 1
        elif shift > 0 and re.search(r"\byear\b", text):  # "next year's first quarter"
            year += 1
        return f"{year}-Q{quarter}", "quarter"
    if "weekend" in words:
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
    for season, (code, month) in _SEASONS.items():
        if season in words:
            return f"{_month_year(anchor, month, shift, future, past)}-{code}", "season"
    if month := _month_in(words):
        return f"{_month_year(anchor, month, shift, future, past)}-{month:02d}", "month"
    return None


def _month_in(words: set[str]) -> int | None:
    for index, month_name in enumerate(MONTHS, start=1):
        if month_name in words or (month_name[:3] in words and month_name != "may"):
            return index
    return None


def _ago(text: str, anchor: date) -> Value | None:
    """"three years ago", "a week earlier": the anchor moved back by that much."""
    match = re.search(r"\b(\d+|[a-z]+) (day|days|week|weeks|month|months|year|years) "
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
    return str(anchor.year - count), "year"


def _month_year(anchor: date, month: int, shift: int, future: bool, past: bool) -> int:
    """The year of a named month: "last"/"next" and the tense decide; else the nearest."""
    if shift < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    if month == anchor.month:
        return anchor.year
    if future or past:
        return _nearest_year(anchor, month, 15, future, past)
    # no tense: the anchor's year (TimeML's reading), unless that is most of a year away
    return anchor.year if abs(month - anchor.month) <= 8 else _nearest_year(
        anchor, month, 15, future, past)


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
    "is to resume Monday", "is meeting on Friday" and "meet Monday" (a plan in the present,
    only when ``plans``: it dates a day, not a month) are future; "met on Friday" is past.
    A reporting verb further up ("…, the company said") tells when it was said, not when
    the thing happens, so it leaves the tense unknown."""
    head = span.root.head
    for step in range(4):
        if step > 0 and head.lemma_ in _REPORTING:
            return False, False
        if head.pos_ in ("VERB", "AUX"):
            auxiliaries = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            if auxiliaries & _FUTURE_AUX or "going" in auxiliaries:
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
    for match in _EXTRA.finditer(doc.text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    found = []
    quarter: tuple[int, str] | None = None  # (sentence start, value) of the last quarter
    for span in sorted(spans, key=lambda s: s.start_char):
        future, past = clause_tense(span, plans=bool(_DAY_NAMED.search(span.text)))
        value, precision, reason = normalize_expression(span.text, published, future, past)
        sentence = span.sent
        if quarter is not None and value and precision == "year" and _YEAR_AGO.search(
                span.text) and quarter[0] >= _previous_sentence_start(sentence):
            # earnings style: "… in the third quarter, against $2 a year earlier"
            value, precision = f"{int(quarter[1][:4]) - 1}{quarter[1][4:]}", "quarter"
        elif value and precision == "quarter":
            quarter = (sentence.start, value)
        found.append(TimeExpression(span.text, span.start_char, span.end_char, value, "DATE",
                                    precision, reason))
    return found


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
