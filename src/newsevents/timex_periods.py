"""The calendar period a TIMEX3 value names, as its first and last day.

Range queries need the first day ("events in October 2015" must include "2015-10");
story matching needs both ends, to tell a day from a month from a year.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # TIMEX3 season codes


def period_start(value: str | None) -> date | None:
    """First day of a TIMEX value: 2015-10-15, 2014-09, 2014, 2013-W11, 2015-Q3, 1989-H2,
    2014-FA, 199 (decade), 19 (century); None for references such as PRESENT_REF."""
    bounds = period_bounds(value)
    return bounds[0] if bounds else None


def period_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day of a TIMEX value, or None for references and unknown shapes."""
    if not value:
        return None
    try:
        if value[4:6] == "-W" and value[6:8].isdigit():  # "2013-W11", "2013-W11-WE"
            monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return monday, monday + timedelta(days=6)
        if "-H" in value:  # a half-year: "1989-H2"
            year, half = value.split("-H")
            first = date(int(year), 6 * int(half[:1]) - 5, 1)
            return first, _months_later(first, 6)
        if "-Q" in value:
            year, quarter = value.split("-Q")
            first = date(int(year), 3 * int(quarter[:1]) - 2, 1)
            return first, _months_later(first, 3)
        season = _SEASON_MONTHS.get(value[5:7]) if len(value) == 7 else None
        if season is not None:
            first = date(int(value[:4]), season, 1)
            return first, _months_later(first, 3)
        parts = value.split("-")
        if len(parts[0]) == 2:  # a century: "19" is the 1900s
            return date(int(parts[0]) * 100, 1, 1), date(int(parts[0]) * 100 + 99, 12, 31)
        if len(parts[0]) == 3:  # a decade: "199"
            return date(int(parts[0]) * 10, 1, 1), date(int(parts[0]) * 10 + 9, 12, 31)
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return date(numbers[0], numbers[1], 1), date(numbers[0], numbers[1], last)
        day = date(numbers[0], numbers[1], numbers[2])
        return day, day
    except ValueError:
        return None


def _months_later(first: date, months: int) -> date:
    """The day before the same day ``months`` later: the last day of the period."""
    month = first.month - 1 + months
    return date(first.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def date_range_clauses(column: str, date_from: str | None,
                       date_to: str | None) -> tuple[list[str], list[str]]:
    """SQL conditions (and their values) keeping ``column`` within an inclusive range of
    ``YYYY-MM-DD`` bounds, either of which may be missing."""
    clauses, params = [], []
    if date_from:
        clauses.append(f"{column} >= CAST(? AS DATE)")
        params.append(date_from)
    if date_to:
        clauses.append(f"{column} <= CAST(? AS DATE)")
        params.append(date_to)
    return clauses, params
