"""Holidays that news dates things by ("last Thanksgiving", "on Election Day"): the day
each falls on in a given year.

Only holidays with a fixed rule are here; movable feasts (Easter, Ramadan) need a
calendar computation that a date expression is rarely worth. Thanksgiving, Labor Day,
Memorial Day and Election Day are the United States' (most of this kind of news is).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_FIXED = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
          "new year's day": (1, 1), "new year's eve": (12, 31), "fourth of july": (7, 4),
          "halloween": (10, 31), "valentine's day": (2, 14)}
# (month, weekday with Monday 0, which one: 1 first .. 4 fourth, -1 last)
_NTH_WEEKDAY = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
                "labor day": (9, 0, 1), "memorial day": (5, 0, -1)}
# Capitalised, as names are: "election day" in lower case is any country's polling day.
HOLIDAY = re.compile(r"\b(?:" + "|".join(
    re.escape(name.title().replace("'S", "'s").replace(" Of ", " of "))
    for name in sorted([*_FIXED, *_NTH_WEEKDAY, "election day"], key=len, reverse=True))
    + r")\b")


def holiday_date(name: str, year: int) -> date:
    """The day holiday ``name`` (one HOLIDAY matches) falls on in ``year``."""
    name = name.lower()
    if name in _FIXED:
        return date(year, *_FIXED[name])
    if name == "election day":  # the Tuesday after the first Monday of November
        return date(year, 11, 2) + timedelta(days=(1 - date(year, 11, 2).weekday()) % 7)
    month, weekday, nth = _NTH_WEEKDAY[name]
    if nth < 0:
        last = date(year, month + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
