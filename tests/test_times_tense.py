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
