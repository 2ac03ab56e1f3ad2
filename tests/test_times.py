from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from newsevents.times import normalize_expression, parse_published

THURSDAY = date(2015, 10, 15)


def value(text, anchor=THURSDAY, future=False, past=False):
    return normalize_expression(text, anchor, future, past)[:2]


def test_weekdays_point_back_unless_the_sentence_is_future():
    assert value("on Thursday") == ("2015-10-15", "day")
    assert value("Monday") == ("2015-10-12", "day")
    assert value("on Friday", future=True) == ("2015-10-16", "day")
    assert value("last Thursday") == ("2015-10-08", "day")


def test_deictic_days():
    assert value("today") == ("2015-10-15", "day")
    assert value("yesterday") == ("2015-10-14", "day")
    assert value("tomorrow") == ("2015-10-16", "day")


def test_months_years_weeks_decades():
    assert value("last September") == ("2015-09", "month")
    assert value("in November", future=True) == ("2015-11", "month")
    assert value("this year") == ("2015", "year")
    assert value("last year") == ("2014", "year")
    assert value("in 2014") == ("2014", "year")
    assert value("the last week", anchor=date(2013, 3, 22)) == ("2013-W11", "week")
    assert value("early 1900s") == ("190", "decade")
    assert value("the 1990s") == ("199", "decade")


def test_absolute_dates():
    assert value("October 3, 2016") == ("2016-10-03", "day")
    assert value("3 October 2016") == ("2016-10-03", "day")
    assert value("Oct. 3") == ("2015-10-03", "day")
    assert value("March 2014") == ("2014-03", "month")


def test_undated_days_and_months_take_the_nearest_occurrence_unless_told():
    new_year = date(2000, 1, 7)
    assert value("Nov. 25", anchor=new_year) == ("1999-11-25", "day")
    assert value("in February", anchor=date(1989, 11, 2)) == ("1990-02", "month")
    assert value("in February", anchor=date(1989, 11, 2), past=True) == ("1989-02", "month")
    assert value("this September", anchor=date(1998, 4, 1)) == ("1998-09", "month")


def test_quarters_seasons_and_spans_ago():
    autumn = date(1989, 11, 2)
    assert value("the third quarter", anchor=autumn) == ("1989-Q3", "quarter")
    assert value("third-quarter", anchor=autumn) == ("1989-Q3", "quarter")
    assert value("the latest quarter", anchor=autumn) == ("1989-Q3", "quarter")
    assert value("the year-ago quarter", anchor=autumn) == ("1988-Q3", "quarter")
    assert value("the first quarter of 1990") == ("1990-Q1", "quarter")
    assert value("last fall", anchor=date(1998, 2, 1)) == ("1997-FA", "season")
    assert value("this summer") == ("2015-SU", "season")
    assert value("three years ago") == ("2012", "year")
    assert value("a year earlier") == ("2014", "year")
    assert value("two weeks ago") == ("2015-W40", "week")
    assert value("earlier this year") == ("2015", "year")
    assert value("fiscal 1989") == ("1989", "year")


def test_references_need_no_anchor():
    assert normalize_expression("now", None)[:2] == ("PRESENT_REF", "reference")
    assert normalize_expression("recently", None)[:2] == ("PAST_REF", "reference")
    assert normalize_expression("in the future", None)[:2] == ("FUTURE_REF", "reference")


def test_no_anchor_gives_null_with_reason_never_a_guess():
    result = normalize_expression("on Thursday", None)
    assert result[0] is None and "no publication date" in result[2]
    assert normalize_expression("October 3, 2016", None)[0] == "2016-10-03"


def test_parse_published():
    assert parse_published("2015-10-15") == THURSDAY
    assert parse_published("2015-10-15T08:30:00Z") == THURSDAY
    assert parse_published("15/10/2015") is None
    assert parse_published(None) is None


@given(st.text(max_size=60), st.booleans())
def test_normaliser_never_crashes(text, future):
    value_, precision, reason = normalize_expression(text, THURSDAY, future)
    assert (value_ is None) == (reason is not None) or value_ is None
    if value_ is not None:
        assert precision in {"day", "week", "month", "quarter", "half", "season", "year",
                             "decade", "century", "reference"}


def test_quarters_are_the_nearest_unless_the_tense_crosses_the_year():
    october = date(1989, 10, 27)
    assert value("the third quarter", october) == ("1989-Q3", "quarter")
    assert value("the third quarter", october, future=True) == ("1989-Q3", "quarter")
    assert value("the first quarter", october, future=True) == ("1990-Q1", "quarter")
    assert value("next year's first quarter", october) == ("1990-Q1", "quarter")
    assert value("the fourth quarter", date(1990, 2, 1), past=True) == ("1989-Q4", "quarter")


def test_month_names_with_and_without_a_year_word():
    assert value("June last year") == ("2014-06", "month")
    assert value("February this year") == ("2015-02", "month")
    october = date(1989, 10, 26)
    assert value("in April", october) == ("1989-04", "month")  # no tense: this year's
    assert value("in January", october) == ("1990-01", "month")  # most of a year away
    assert value("last month's") == ("2015-09", "month")


def test_a_day_near_the_anchor_wins_over_a_weak_tense():
    assert value("Dec. 7", date(1989, 10, 27), past=True) == ("1989-12-07", "day")
    assert value("Jan. 14", date(2000, 1, 15), future=True) == ("2000-01-14", "day")
    assert value("Aug. 6", date(1998, 2, 6), past=True) == ("1997-08-06", "day")


def test_spoken_years_centuries_halves_and_vague_stretches():
    assert value("nineteen ninety-six") == ("1996", "year")
    assert value("the winter of nineteen ninety-four") == ("1994-WI", "season")
    assert value("the year two thousand") == ("2000", "year")
    assert value("the nineties") == ("199", "decade")
    assert value("the 20th century") == ("19", "century")
    assert value("the last half of 1989") == ("1989-H2", "half")
    assert value("recent weeks") == ("PAST_REF", "reference")
    assert value("the coming months") == ("FUTURE_REF", "reference")
    assert value("soon") == ("FUTURE_REF", "reference")
    assert value("earlier in the year") == ("2015", "year")


def test_a_period_named_by_its_last_day_is_the_period():
    november = date(1989, 11, 1)
    assert value("the quarter ended Sept. 30", november) == ("1989-Q3", "quarter")
    assert value("its fourth quarter ended June 30", november) == ("1989-Q4", "quarter")
    assert value("the year ended Sept. 30", november) == ("1989", "year")


def test_adjectives_of_time_are_references():
    assert value("current") == ("PRESENT_REF", "reference")
    assert value("then current") == ("PAST_REF", "reference")
    assert value("recent") == ("PAST_REF", "reference")
    assert value("future") == ("FUTURE_REF", "reference")
    assert value("the near term") == ("FUTURE_REF", "reference")
    assert value("between now and") == ("PRESENT_REF", "reference")  # a range's cut end


def test_holidays_are_days_of_their_nearest_or_named_year():
    january = date(2000, 1, 7)
    assert value("last Thanksgiving", january) == ("1999-11-25", "day")
    assert value("Thanksgiving Day", january) == ("1999-11-25", "day")
    assert value("next Christmas", january) == ("2000-12-25", "day")
    assert value("Christmas 1998", january) == ("1998-12-25", "day")
    assert value("Election Day", date(1998, 10, 26)) == ("1998-11-03", "day")
    assert value("election day", date(1998, 10, 26))[0] is None  # any country's, unnamed
    assert normalize_expression("Memorial Day", None)[0] is None


def test_the_weekend_early_in_the_week_is_the_one_just_gone():
    monday = date(2015, 10, 12)
    assert value("the weekend", monday) == ("2015-W41-WE", "week")
    assert value("the weekend", monday, future=True) == ("2015-W42-WE", "week")
    assert value("this weekend", monday) == ("2015-W42-WE", "week")
    assert value("the weekend") == ("2015-W42-WE", "week")  # on a Thursday: the coming one


def test_quarters_and_years_named_by_their_end_or_as_current():
    assert value("the current quarter") == ("2015-Q4", "quarter")
    assert value("the latest period") == ("2015-Q3", "quarter")
    assert value("the quarter ended July 31") == ("2015-Q2", "quarter")  # May to July
    assert value("the fiscal year ended Jan. 31") == ("2015", "year")
    assert value("this September", date(1998, 2, 5), past=True) == ("1998-09", "month")


def test_decades_weeks_and_parts_of_a_year():
    assert value("the '80s", date(1998, 2, 6)) == ("198", "decade")
    assert value("the '20s") == ("192", "decade")  # the latest such decade, not the next
    assert value("the last decade", date(1998, 2, 6)) == ("198", "decade")
    assert value("a decade ago", date(1999, 3, 12)) == ("1989", "year")
    assert value("the week of March 6", date(2000, 2, 24)) == ("2000-W10", "week")
    assert value("the first nine months of 1997") == ("1997", "year")
    assert value("by year's end") == ("2015", "year")


def test_a_far_day_without_tense_is_past_unless_the_future_one_is_much_nearer():
    assert value("Oct. 23", date(1999, 5, 6)) == ("1998-10-23", "day")
    assert value("Feb. 1", date(1989, 10, 26)) == ("1990-02-01", "day")


class _FixedTimes:
    """Stands in for the pipeline: one expression with a fixed value."""

    def __init__(self, value):
        self.value = value

    def times(self, text, published):
        start = text.index("this week")
        return [{"start": start, "end": start + 9, "text": "this week", "value": self.value,
                 "type": "DATE"}]


def test_scoring_reads_a_week_number_without_its_zero_as_the_same_week(tmp_path):
    from newsevents.evaluation.timebank import evaluate_times

    (tmp_path / "a.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2000-02-16" '
        'functionInDocument="CREATION_TIME">2000-02-16</TIMEX3></DCT><TEXT>Talks resumed '
        '<TIMEX3 tid="t1" type="DATE" value="2000-W7">this week</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8")
    assert evaluate_times(tmp_path, _FixedTimes("2000-W07")).value_correct == 1
    assert evaluate_times(tmp_path, _FixedTimes("2000-W17")).value_correct == 0
