"""Dates in parsed sentences: the clause's tense picks which Friday, and extra forms the
model leaves unlabelled are still found."""

from __future__ import annotations

import pytest

from newsevents.records import Event, TimeExpression, Trigger
from newsevents.times import attach_dates, parse_published

pytestmark = pytest.mark.model

THURSDAY = "2015-10-15"


def values(pipeline, text, published=THURSDAY):
    return [(t["text"], t["value"]) for t in pipeline.times(text, published)]


def test_tense_points_weekdays_forward_or_back(pipeline):
    assert values(pipeline, "The minister will fly to Minsk on Friday.") == [
        ("Friday", "2015-10-16")]
    assert values(pipeline, "The minister flew to Minsk on Friday.") == [
        ("Friday", "2015-10-09")]
    assert values(pipeline, "Talks are scheduled to resume Monday in Geneva.") == [
        ("Monday", "2015-10-19")]
    assert values(pipeline, "The two leaders met on Thursday.") == [("Thursday", THURSDAY)]


def test_deictic_words_and_dates_the_model_misses(pipeline):
    found = dict(values(pipeline, "Prices are now rising, and the deadline is Sept. 30."))
    assert found.get("now") == "PRESENT_REF"
    assert found.get("Sept. 30") == "2015-09-30"


def test_references_never_date_an_event():
    text = "Leaders now meet on Monday."
    event = Event(doc_id="d", event_type="CONSULT", mode="meet", context=[], cameo="040",
                  quad_class=1, goldstein=1.0, status="asserted", actor=[], recipient=[],
                  text=text, sentence_index=0, start=0, end=len(text),
                  trigger=Trigger("meet", 12, 16, "meet"), confidence=0.5, why="test")
    now = TimeExpression("now", 8, 11, "PRESENT_REF", precision="reference")
    attach_dates([event], [now], parse_published(THURSDAY))
    assert (event.date, event.date_precision) == (THURSDAY, "day")
    monday = TimeExpression("Monday", 20, 26, "2015-10-19", precision="day")
    attach_dates([event], [now, monday], parse_published(THURSDAY))
    assert event.date == "2015-10-19"


def test_a_year_earlier_after_a_quarter_is_that_quarter(pipeline):
    text = ("Net income rose 5% in the third quarter. Sales were $2 billion, against "
            "$1.8 billion a year earlier.")
    assert values(pipeline, text, "1989-10-26") == [("the third quarter", "1989-Q3"),
                                                    ("a year earlier", "1988-Q3")]


def test_plans_deadlines_and_infinitives(pipeline):
    assert values(pipeline, "Rebels planned a march in the capital on Saturday.") == [
        ("Saturday", "2015-10-17")]
    assert values(pipeline, "On Friday, the ministry planned to pay the claims.") == [
        ("Friday", "2015-10-09")]
    assert values(pipeline, "Officials postponed until Tuesday any decision on the permit.") == [
        ("Tuesday", "2015-10-20")]
    assert values(pipeline, "The city staged parades to mark the country's entry into the "
                            "union on Friday.") == [("Friday", "2015-10-09")]
    found = values(pipeline, "The group could arrive as early as Tuesday, officials said.")
    assert [value for _, value in found] == ["2015-10-20"]


def test_a_possessive_weekday_is_done(pipeline):
    assert values(pipeline, "Lawyers will try to overturn Wednesday's ruling.") == [
        ("Wednesday", "2015-10-14")]


def test_ranges_and_periods_are_tagged_apart(pipeline):
    assert values(pipeline, "Traders bought shares from Sept. 14 to Thursday, and sold them "
                            "between 1985 and 1987.") == [
        ("Sept. 14", "2015-09-14"), ("Thursday", THURSDAY), ("1985", "1985"), ("1987", "1987")]
    assert values(pipeline, "Profit rose in the quarter ended Sept. 30.") == [
        ("the quarter", "2015-Q3"), ("Sept. 30", "2015-09-30")]


def test_references_and_holidays_the_model_leaves_unlabelled(pipeline):
    found = dict(values(pipeline, "Current market conditions hurt sales, a recent filing "
                                  "shows, and future losses may come soon."))
    assert found == {"Current": "PRESENT_REF", "recent": "PAST_REF", "future": "FUTURE_REF",
                     "soon": "FUTURE_REF"}
    assert values(pipeline, "The boy was found on Thanksgiving Day.", "2000-01-07") == [
        ("Thanksgiving Day", "1999-11-25")]


def test_the_quarter_is_the_latest_one_reported(pipeline):
    text = ("After a flat second quarter, profit rose 8% in the third quarter. In the quarter, "
            "sales were $2 billion, against $1.8 billion in the year-earlier period. The "
            "latest period included a gain.")
    assert values(pipeline, text, "1989-10-26") == [
        ("second quarter", "1989-Q2"), ("the third quarter", "1989-Q3"),
        ("the quarter", "1989-Q3"), ("the year-earlier period", "1988-Q3"),
        ("The latest period", "1989-Q3")]
