"""Choosing among namesakes, on hand-built gazetteer entries (no model, no index)."""

from __future__ import annotations

import itertools
from collections import Counter

from newsevents.places.gazetteer import GazetteerEntry
from newsevents.places.names import is_latin, loose_key, name_key
from newsevents.places.resolution import Context, best, distance_km, resolve_toponyms
from newsevents.places.toponyms import Toponym

_KEYS = itertools.count(1)


def entry(name, country, feature="city", population=0, admin1=None, lat=0.0, lon=0.0,
          main_name=True, capital=False):
    key = next(_KEYS)
    return GazetteerEntry(key, name, country, lat, lon, population, feature, admin1, capital,
                          main_name, key)


PORT_EGYPT = entry("Portsaid", "EGY", population=5_000_000, admin1="EG.06", lat=31, lon=30)
PORT_LOUISIANA = entry("Portsaid", "USA", population=45_000, admin1="US.LA", lat=31.3,
                       lon=-92.4)
PARISH = entry("Ridge Parish", "USA", feature="admin2", admin1="US.LA", lat=None, lon=None)
COUNTRY = entry("Lakeland", "LKL", feature="country", population=3_000_000, lat=42, lon=43)
STATE = entry("Lakeland", "USA", feature="admin1", population=9_000_000, admin1="US.LK",
              lat=33, lon=-83)


def toponym(text, *candidates, container=None):
    return Toponym(text, 0, len(text), list(candidates), container)


def test_without_context_the_bigger_place_wins():
    assert best([PORT_EGYPT, PORT_LOUISIANA], Context()) is PORT_EGYPT


def test_the_documents_state_and_country_pull_a_smaller_namesake():
    context = Context(Counter({"USA": 1}), Counter({"US.LA": 1}))
    assert best([PORT_EGYPT, PORT_LOUISIANA], context) is PORT_LOUISIANA


def test_an_explicit_container_decides():
    louisiana = entry("Louisiana", "USA", feature="admin1", admin1="US.LA")
    assert best([PORT_EGYPT, PORT_LOUISIANA], Context(), louisiana) is PORT_LOUISIANA


def test_a_repeated_name_does_not_vote_for_itself_but_its_neighbours_do():
    alone = [toponym("Portsaid", PORT_EGYPT, PORT_LOUISIANA),
             toponym("Portsaid", PORT_EGYPT, PORT_LOUISIANA)]
    assert resolve_toponyms(alone, Context()) == [PORT_EGYPT, PORT_EGYPT]
    with_parish = [*alone, toponym("Ridge Parish", PARISH)]
    assert resolve_toponyms(with_parish, Context()) == [PORT_LOUISIANA, PORT_LOUISIANA,
                                                        PARISH]


def test_country_or_state_of_the_same_name_follows_the_document():
    assert best([STATE, COUNTRY], Context()) is COUNTRY
    assert best([STATE, COUNTRY], Context(Counter({"USA": 2}))) is STATE


def test_a_weak_alias_of_a_hamlet_is_not_believed():
    hamlet = entry("Otherwise", "FIN", population=300, main_name=False)
    assert best([hamlet], Context()) is None


def test_distance_and_keys():
    assert round(distance_km(PORT_EGYPT, PORT_EGYPT)) == 0
    assert 10_000 < distance_km(PORT_EGYPT, PORT_LOUISIANA) < 11_500
    assert name_key("the U.S.") == "us"
    assert loose_key(name_key("Burabai")) == loose_key(name_key("Būrabay"))
    assert loose_key(name_key("Dombarovsky")) == loose_key(name_key("Dombarovskiy"))
    assert is_latin("Astaná") and not is_latin("Астана")


def test_towns_that_share_a_state_pull_each_other_there():
    # three local towns, each with a bigger namesake in another state
    names = ("Kentown", "Sharonville", "Canaanburg")
    big = [entry(n, "USA", population=60_000, admin1=f"US.B{i}", lat=30 + i, lon=-90)
           for i, n in enumerate(names)]
    local = [entry(n, "USA", population=3_000, admin1="US.CT", lat=41.8, lon=-73.3 + i)
             for i, n in enumerate(names)]
    toponyms = [toponym(n, b, s) for n, b, s in zip(names, big, local, strict=True)]
    assert resolve_toponyms(toponyms, Context()) == local


def test_a_country_name_is_not_pulled_to_a_town_by_shared_areas():
    china_country = entry("Chinaland", "CHL", feature="country", population=9_000_000)
    china_town = entry("Chinaland", "USA", population=1_000, admin1="US.TX", lat=30, lon=-95)
    # five towns with namesakes in Texas: shared areas vote for Texas, not for a country
    others = [toponym(n, entry(n, "FRA", population=100_000, admin1="FR.11", lat=48, lon=2),
                      entry(n, "USA", population=2_000, admin1="US.TX", lat=30, lon=-95))
              for n in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon")]
    chosen = resolve_toponyms([toponym("Chinaland", china_country, china_town), *others],
                              Context())
    assert chosen[0] is china_country


def test_the_state_named_most_often_wins_over_one_named_once():
    # "Ferrisburg" is in both states; the story names Red Falls (in LA) three times and
    # Oakmoor (in TX) once, so its Ferrisburg is the Louisiana one, though smaller
    big = entry("Ferrisburg", "USA", population=60_000, admin1="US.TX", lat=32.5, lon=-97.1)
    small = entry("Ferrisburg", "USA", population=5_000, admin1="US.LA", lat=32.0, lon=-93.7)
    red_falls = entry("Red Falls", "USA", population=190_000, admin1="US.LA", lat=32.5,
                      lon=-93.8)
    oakmoor = entry("Oakmoor", "USA", population=50_000, admin1="US.TX", lat=32.6, lon=-96.9)
    toponyms = [toponym("Ferrisburg", big, small), *[toponym("Red Falls", red_falls)] * 3,
                toponym("Oakmoor", oakmoor)]
    assert resolve_toponyms(toponyms, Context())[0] is small


def test_a_guess_by_population_does_not_lend_its_state():
    # two names each have a big namesake in one state and a small one where the story is;
    # the big first guesses must not pull each other into the wrong state
    names = ("Lindenhurst", "Maplewick")
    big = [entry(n, "USA", population=200_000, admin1="US.NY", lat=42 + i, lon=-75)
           for i, n in enumerate(names)]
    local = [entry(n, "USA", population=4_000, admin1="US.MN", lat=44.9 + i / 10, lon=-93.8)
             for i, n in enumerate(names)]
    state = entry("Minnesota", "USA", feature="admin1", population=5_000_000,
                  admin1="US.MN", lat=46, lon=-94)
    toponyms = [*(toponym(n, b, s) for n, b, s in zip(names, big, local, strict=True)),
                toponym("Minnesota", state)]
    assert resolve_toponyms(toponyms, Context())[:2] == local


def test_a_namesake_next_to_the_other_places_is_preferred():
    # "Hartsdale" has namesakes in four states; the story's other town settles in Vermont
    # and one Hartsdale lies just across the state line from it
    far = [entry("Hartsdale", "USA", population=30_000 - i, admin1=f"US.F{i}", lat=30 + i,
                 lon=-100) for i in range(3)]
    across = entry("Hartsdale", "USA", population=9_000, admin1="US.NH", lat=43.7, lon=-72.3)
    bethel_vt = entry("Bethelton", "USA", population=2_000, admin1="US.VT", lat=43.8,
                      lon=-72.6)
    bethel_far = entry("Bethelton", "USA", population=3_000, admin1="US.F9", lat=25,
                       lon=-100.5)
    vermont = entry("Vermont", "USA", feature="admin1", admin1="US.VT", lat=44, lon=-72.7)
    toponyms = [toponym("Hartsdale", *far, across), toponym("Bethelton", bethel_far, bethel_vt),
                toponym("Vermont", vermont)]
    chosen = resolve_toponyms(toponyms, Context())
    assert chosen[1] is bethel_vt and chosen[0] is across
