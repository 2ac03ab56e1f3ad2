"""Amounts in parsed sentences: kind, what they quantify, and the direction of change."""

from __future__ import annotations

import pytest

from newsevents.amounts import find_amounts

pytestmark = pytest.mark.model


def amounts(nlp, text):
    return [(a.text, a.value, a.unit, a.currency, a.quantity_of, a.change)
            for a in find_amounts(nlp(text))]


def test_money_with_scales_and_what_it_is_worth(nlp):
    found = amounts(nlp, "The ministers signed 12 accords worth $4.5 billion.")
    assert ("12 accords", 12.0, "accords", None, "accords", None) in found
    assert ("$4.5 billion", 4.5e9, None, "USD", "accords", None) in found
    [(text, value, _, currency, _, _)] = amounts(nlp, "Oil exports brought in €3.5bn.")
    assert (text, value, currency) == ("€3.5bn", 3.5e9, "EUR")


def test_percent_change_names_the_changed_thing(nlp):
    [share, total] = amounts(nlp, "The sanctions cut bilateral trade by 8.5 percent, "
                                  "totaling 14 billion 300 million dollars.")
    assert share == ("8.5 percent", 8.5, "percent", None, "bilateral trade", "decrease")
    assert total[1:4] == (14.3e9, None, "USD") and total[5] is None
    assert total[4] == "bilateral trade"
    [rise] = amounts(nlp, "Wheat prices rose 3% in March.")
    assert rise[4:] == ("Wheat prices", "increase")
    [jump] = amounts(nlp, "Officials reported a 12 percent increase in arrivals.")
    assert jump[4:] == ("arrivals", "increase")


def test_counts_measures_and_no_compounds(nlp):
    found = amounts(nlp, "Some 650 engineers joined the two-day fair near a 30km border "
                         "strip covering 120 square miles.")
    assert ("Some 650", 650.0, "engineers", None, "engineers", None) in found
    assert ("30km", 30.0, "km", None, "border strip", None) in found
    assert not any(a[0] == "two" for a in found)
    assert ("120 square miles", 120.0, "square miles", None, None, None) in found


def test_a_share_or_a_total_is_not_a_change(nlp):
    [share] = amounts(nlp, "About 60% of the harvest falls to small farms.")
    assert share[5] is None
