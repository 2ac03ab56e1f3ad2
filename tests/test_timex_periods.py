"""The calendar period of a TIMEX3 value."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.timex_periods import period_bounds, period_start


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2015-10-15", date(2015, 10, 15), date(2015, 10, 15)),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ("2015", date(2015, 1, 1), date(2015, 12, 31)),
    ("2013-W11", date(2013, 3, 11), date(2013, 3, 17)),
    ("2013-W11-WE", date(2013, 3, 11), date(2013, 3, 17)),
    ("2015-Q4", date(2015, 10, 1), date(2015, 12, 31)),
    ("1989-H2", date(1989, 7, 1), date(1989, 12, 31)),
    ("2014-WI", date(2014, 12, 1), date(2015, 2, 28)),
    ("199", date(1990, 1, 1), date(1999, 12, 31)),
    ("19", date(1900, 1, 1), date(1999, 12, 31)),
])
def test_periods_have_both_ends(value, first, last):
    assert period_bounds(value) == (first, last)
    assert period_start(value) == first


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "PAST_REF", "1949-XX", "x"])
def test_references_and_unknown_shapes_have_no_period(value):
    assert period_bounds(value) is None
