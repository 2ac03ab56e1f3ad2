"""Evidence for a namesake from the words around it and from the document's other places:
feature hints ("Lakeland state", a list of states), proximity support between namesakes,
counties with coordinates, and British and Irish counties."""

from __future__ import annotations

import itertools

import pytest

from newsevents.places.gazetteer import GazetteerEntry
from newsevents.places.geoparse import resolve_name
from newsevents.places.hints import set_feature_hints
from newsevents.places.isles_counties import isles_counties
from newsevents.places.proximity import neighbour_support
from newsevents.places.resolution import Context, resolve_toponyms
from newsevents.places.toponyms import Toponym

_KEYS = itertools.count(1000)


def entry(name, country="USA", feature="city", population=0, admin1=None, lat=0.0, lon=0.0,
          main_name=True):
    key = next(_KEYS)
    return GazetteerEntry(key, name, country, lat, lon, population, feature, admin1, False,
                          main_name, key)


def at(text, name, *candidates, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return Toponym(name, start, start + len(name), list(candidates))


LAKELAND_STATE = entry("Lakeland", feature="admin1", population=7_000_000, admin1="US.LK",
                       lat=47, lon=-120)
LAKELAND_CITY = entry("Lakeland", population=700_000, admin1="US.DC", lat=38.9, lon=-77)
OTHER_STATES = [entry(n, feature="admin1", population=3_000_000, admin1=f"US.{n[:2].upper()}")
                for n in ("Ostia", "Utopia", "Wyland")]


def test_state_after_or_before_the_name_hints_the_state():
    for text in ("a cow from a Lakeland state farm", "found in the state of Lakeland"):
        toponym = at(text, "Lakeland", LAKELAND_CITY, LAKELAND_STATE)
        set_feature_hints([toponym], text)
        assert toponym.feature_hint == "admin1"
        assert resolve_toponyms([toponym], Context())[0] is LAKELAND_STATE
    text = "the Lakeland State University campus"
    toponym = at(text, "Lakeland", LAKELAND_CITY, LAKELAND_STATE)
    set_feature_hints([toponym], text)
    assert toponym.feature_hint is None


def test_a_list_of_states_makes_its_members_states():
    text = "cases in Ostia, Utopia, Lakeland and Wyland"
    toponyms = [at(text, s.name, s) for s in OTHER_STATES[:2]]
    toponyms += [at(text, "Lakeland", LAKELAND_CITY, LAKELAND_STATE),
                 at(text, "Wyland", OTHER_STATES[2])]
    set_feature_hints(toponyms, text)
    assert toponyms[2].feature_hint == "admin1"
    assert resolve_toponyms(toponyms, Context())[2] is LAKELAND_STATE


def test_a_town_beside_a_state_in_a_sentence_is_no_list():
    text = "Lakeland officials met in Ostia."
    toponyms = [at(text, "Lakeland", LAKELAND_CITY, LAKELAND_STATE),
                at(text, "Ostia", OTHER_STATES[0])]
    set_feature_hints(toponyms, text)
    assert toponyms[0].feature_hint is None


def test_namesakes_close_to_the_other_names_get_support():
    seat_east = entry("Corinth", population=14_000, admin1="US.EA", lat=35.4, lon=-84.6)
    seat_south = entry("Corinth", population=12_000, admin1="US.SO", lat=32.2, lon=-95.9)
    county_east = entry("Hale County", feature="admin2", admin1="US.EA", lat=35.6,
                        lon=-88.3)
    county_south = entry("Hale County", feature="admin2", admin1="US.SO", lat=32.2,
                         lon=-95.8)
    names = [("corinth", [seat_east, seat_south]),
             ("hale county", [county_east, county_south])]
    support = neighbour_support(names)
    assert support[seat_south.key] == pytest.approx(1.0)
    assert seat_east.key not in support  # 340 km from the nearest Hale County
    toponyms = [Toponym("Corinth", 0, 7, [seat_east, seat_south]),
                Toponym("Hale County", 20, 31, [county_east, county_south])]
    assert resolve_toponyms(toponyms, Context()) == [seat_south, county_south]


def test_states_and_aliases_lend_no_support():
    town = entry("Corinth", admin1="US.EA", lat=35.4, lon=-84.6)
    state = entry("Eastland", feature="admin1", admin1="US.EA", lat=35.5, lon=-84.5)
    alias = entry("Corinth Mills", admin1="US.EA", lat=35.41, lon=-84.6, main_name=False)
    assert neighbour_support([("corinth", [town]), ("eastland", [state])]) == {}
    assert neighbour_support([("corinth", [town]), ("mills", [alias])]) == {}


@pytest.mark.model
def test_counties_have_points_and_british_counties_follow_the_document(pipeline):
    gazetteer = pipeline.gazetteer
    [county] = [c for c in gazetteer.candidates("Riley County") if c.admin1 == "US.KS"]
    assert county.lat is not None and abs(county.lat - 39.3) < 0.5
    assert resolve_name("Suffolk", gazetteer, ["GBR"]).country == "GBR"
    assert resolve_name("Suffolk", gazetteer, ["USA"]).country == "USA"
    assert resolve_name("County Mayo", gazetteer, []).country == "IRL"
    # forty namesake towns do not crowd the Australian state out of the candidates
    assert any(c.feature == "admin1" and c.country == "AUS"
               for c in gazetteer.candidates("Victoria"))


@pytest.mark.model
def test_a_local_story_places_a_seat_by_its_county(pipeline):
    text = ("A man from Athens was charged on Friday. Henderson County deputies said the "
            "man had driven from Athens to a ranch outside the county.")
    places = {p["text"]: p for p in pipeline.geoparse(text)}
    assert round(places["Athens"]["lat"]) == 32 and round(places["Athens"]["lon"]) == -96


def test_isles_table_is_well_formed():
    rows = isles_counties()
    assert len(rows) > 100
    assert all(r.admin1.split(".")[0] in ("GB", "IE") and 49 < r.lat < 61 and -11 < r.lon < 2
               for r in rows)


@pytest.mark.model
def test_a_county_inside_an_office_name_is_a_place(pipeline):
    text = ("Deputies took the suspect to the Laurel County Detention Center. Both the "
            "sheriff and Rapides Parish Fire District 2 looked into the blaze.")
    places = {p["text"]: p for p in pipeline.geoparse(text)}
    assert round(places["Laurel County"]["lat"]) == 37
    assert round(places["Rapides Parish"]["lon"]) == -93
