"""Issue 5's acceptance on the two wire stories in ../shared/seeds: places, days, amounts."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]

@pytest.fixture(scope="module")
def seeds(seed_documents):
    return seed_documents


def resolved(document, text):
    return {(p["name"], p["country"], p["geonameid"]) for p in document["places"]
            if p["text"] == text}


def test_places_resolve_to_the_right_geonames(seeds):
    first, second = seeds["000"], seeds["001"]
    assert resolved(first, "Astana") == {("Astana", "KAZ", 1526273)}
    assert resolved(first, "Sochi") == {("Sochi", "RUS", 491422)}
    assert resolved(first, "Orenburg") == {("Orenburg", "RUS", 515003)}
    assert resolved(first, "Burabai") == {("Būrabay", "KAZ", 1525126)}
    assert resolved(second, "Orenburg") == {("Orenburg", "RUS", 515003)}
    assert resolved(second, "Astana") == {("Astana", "KAZ", 1526273)}


def test_weekdays_resolve_to_the_right_days(seeds):
    values = {(t["text"], t["value"]) for t in seeds["000"]["times"]}
    assert ("Thursday", "2015-10-15") in values  # "said ... on Thursday": that day
    assert ("Friday", "2015-10-16") in values  # "will travel on Friday": the next day
    assert ("Last September", "2015-09") in values
    second = {(t["text"], t["value"]) for t in seeds["001"]["times"]}
    assert ("yesterday", "2016-10-02") in second


def test_both_amounts_are_normalised(seeds):
    amounts = {a["text"]: a for a in seeds["000"]["amounts"]}
    share = amounts["10.5 percent"]
    assert (share["value"], share["unit"], share["change"]) == (10.5, "percent", "decrease")
    assert "turnover" in share["quantity_of"]
    total = amounts["21 billion 100 million dollars"]
    assert (total["value"], total["currency"], total["change"]) == (21.1e9, "USD", None)
    deal = {a["text"]: a for a in seeds["001"]["amounts"]}["$27 billion"]
    assert (deal["value"], deal["currency"]) == (27e9, "USD")
    counts = {(a["value"], a["quantity_of"]) for a in seeds["001"]["amounts"]}
    assert (900.0, "businessmen") in counts and (40.0, "bilateral agreements") in counts
