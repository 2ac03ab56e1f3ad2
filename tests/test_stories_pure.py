"""Story building blocks that need no model: fingerprints, similarity, matching, merging,
conflicts."""

from __future__ import annotations

from datetime import date

from newsevents.stories.clustering import ReportedEvent, StoryProfile, assign_stories
from newsevents.stories.conflicts import find_conflicts
from newsevents.stories.merging import Report, best_values
from newsevents.stories.near_duplicates import estimated_jaccard, fingerprint
from newsevents.stories.text_similarity import similarity

WIRE = ("The foreign ministers of Chile and Peru met in Lima on Tuesday to settle a dispute "
        "over fishing rights off their shared coast, officials said. The two sides agreed to "
        "set up a joint commission that will report within six months, and Peru's minister "
        "said the talks had been frank but friendly. A previous round in Santiago in March "
        "ended without agreement after Chilean fishermen protested outside the venue.")
UNRELATED = ("Heavy rain flooded dozens of homes in northern Portugal overnight, and the "
             "national weather service warned that more storms would reach the coast by "
             "Friday. Firefighters rescued a family of four from a car near Braga.")


def test_a_syndicated_copy_is_a_near_duplicate_and_an_unrelated_story_is_not():
    copy = "Chile, Peru form fishing commission\n" + WIRE + "\n(Reporting by a staff writer)"
    original, syndicated, other = fingerprint(WIRE), fingerprint(copy), fingerprint(UNRELATED)
    assert original and syndicated and other
    assert estimated_jaccard(original.signature, syndicated.signature) >= 0.75
    assert set(original.band_keys) & set(syndicated.band_keys)
    assert estimated_jaccard(original.signature, other.signature) < 0.1
    assert fingerprint(WIRE).band_keys == original.band_keys  # fixed hash functions
    assert fingerprint("  ,, ") is None


def test_similarity_ranks_another_report_of_the_happening_above_an_unrelated_story():
    other_outlet = ("Peru and Chile will create a joint commission on fishing rights, their "
                    "foreign ministers decided at talks in Lima on Tuesday. The dispute over "
                    "the coast flared in March when Chilean fishermen protested in Santiago.")
    same = similarity(WIRE, other_outlet)
    assert similarity(WIRE, WIRE) == 1.0
    assert same > 0.5 > similarity(WIRE, UNRELATED)
    assert similarity("", WIRE) == 0.0
    assert 0.0 <= similarity(UNRELATED, other_outlet) <= 1.0


def _event(event_id: str, day: date, *, countries=("CHL", "PER"), event_type="CONSULT",
           doc: str = "d1", key: str = "k1", place: str | None = "PER", last: date | None = None,
           text: str = "Chile and Peru met in Lima.") -> ReportedEvent:
    return ReportedEvent(event_id, doc, key, event_type, frozenset(countries), frozenset(),
                         day, last or day, place, text)


def test_reports_of_one_happening_join_one_story_and_other_happenings_do_not():
    day = date(2024, 5, 7)
    events = [
        _event("e1", day, doc="d1", key="k1"),
        _event("e2", date(2024, 5, 8), doc="d2", key="k2"),  # next day, another outlet
        _event("e3", date(2025, 5, 7), doc="d3", key="k3"),  # a year later
        _event("e4", day, doc="d4", key="k4", event_type="ACCUSE"),  # another type
        _event("e5", day, doc="d5", key="k5", countries=("BRA", "ARG")),  # other actors
        _event("e6", date(2024, 1, 1), doc="d6", key="k6", last=date(2024, 12, 31)),  # "2024"
    ]
    assigned, touched = assign_stories(events, [])
    assert assigned["e1"] == assigned["e2"] == "k1"
    assert len({assigned[e] for e in ("e1", "e3", "e4", "e5", "e6")}) == 5
    assert {p.story_id for p in touched} == set(assigned.values())


def test_daily_repetitions_do_not_chain_into_one_endless_story():
    events = [_event(f"e{i}", date(2024, 3, 1 + i), doc=f"d{i}", key=f"k{i}",
                     event_type="ASSAULT") for i in range(8)]
    assigned, _ = assign_stories(events, [])
    assert len(set(assigned.values())) >= 3


def test_a_stored_story_is_joined_and_a_clashing_key_gets_its_own_id():
    stored = StoryProfile("k1", "CONSULT", {"CHL", "PER"}, set(), date(2024, 5, 7), {"PER"},
                          "Chile and Peru met in Lima.")
    joined, far = _event("e1", date(2024, 5, 7), key="kx"), _event(
        "e2", date(2024, 9, 1), doc="d2", key="k1")
    assigned, _ = assign_stories([joined, far], [stored])
    assert assigned["e1"] == "k1"
    assert assigned["e2"] not in ("k1", "kx")


def _report(doc: str, source: str, *, date_value: str = "2024-05-07",
            inferred: bool = False, place: tuple = ("Lima", "PER", -12.05, -77.04),
            amounts: list | None = None, published: str = "2024-05-08",
            status: str = "asserted", duplicate: bool = False) -> Report:
    name, country, lat, lon = place
    fields = {"event_type": "CONSULT", "date": date_value, "date_precision": "day",
              "date_inferred": inferred, "location_name": name, "location_country": country,
              "lat": lat, "lon": lon, "status": status, "actor_country": "CHL"}
    return Report(f"evt_{doc}", doc, source, published, fields, "text", 0, 40, 0.8,
                  duplicate=duplicate, amounts=amounts or [])


def test_best_values_count_each_outlet_once_and_prefer_stated_dates():
    reports = [_report("a1", "Wire A", date_value="2024-05-06"),
               _report("a2", "Wire A", date_value="2024-05-06"),
               _report("b1", "Wire B"), _report("c1", "Wire C"),
               _report("d1", "Wire D", date_value="2024-05-08", inferred=True)]
    merged = best_values(reports)
    assert merged["date"] == "2024-05-07"  # two outlets beat one outlet said twice
    assert merged["location_name"] == "Lima"


def test_conflicts_between_sources_keep_both_sides_with_provenance():
    toll = {"text": "12 people", "start": 5, "end": 14, "value": 12, "unit": "people",
            "quantity_of": "people killed"}
    reports = [
        _report("a1", "Wire A", amounts=[toll]),
        _report("b1", "Wire B", date_value="2024-05-06",
                amounts=[{**toll, "text": "15 people", "value": 15}],
                place=("Arequipa", "PER", -16.4, -71.54)),
        _report("c1", "Wire C", date_value="2024-05-09", inferred=True),  # dated by dateline
        _report("a0", "Wire A", date_value="2024-05-01", published="2024-05-07"),  # superseded
        _report("x1", "Copy Site", date_value="2024-04-01", duplicate=True),  # a copy
    ]
    conflicts = {c["slot"]: c for c in find_conflicts(reports)}
    assert set(conflicts) == {"date", "place", "amount"}
    assert [v["value"] for v in conflicts["date"]["values"]] == ["2024-05-06", "2024-05-07"]
    assert [v["value"] for v in conflicts["amount"]["values"]] == [12.0, 15.0]
    sides = conflicts["amount"]["values"]
    assert sides[0]["reports"][0]["doc_id"] == "a1" and sides[1]["sources"] == ["Wire B"]
    assert {v["value"] for v in conflicts["place"]["values"]} == {"Lima", "Arequipa"}


def test_sources_that_agree_have_no_conflicts():
    reports = [_report("a1", "Wire A"), _report("b1", "Wire B"),
               _report("c1", "Wire C", status="future")]
    assert find_conflicts(reports) == []


def test_same_type_countries_and_day_without_a_shared_actor_or_text_stay_apart():
    day = date(2024, 5, 7)
    first = _event("e1", day, doc="d1", key="k1", countries=("GBR",),
                   text="The Labour MP accused the health secretary of misleading parliament.")
    other = _event("e2", day, doc="d2", key="k2", countries=("GBR",),
                   text="Unions accused ministers of breaking a pledge on rail pensions.")
    same = _event("e3", day, doc="d3", key="k3", countries=("GBR",),
                  text="A Labour MP accused the health secretary of misleading parliament "
                       "over hospital waiting lists.")
    assigned, _ = assign_stories([first, other, same], [])
    assert assigned["e1"] != assigned["e2"]
    assert assigned["e3"] == assigned["e1"]
