"""The offline gazetteer index: what it knows and where it lives."""

from __future__ import annotations

import pytest

from newsevents.places.country_points import COUNTRY_POINTS
from newsevents.places.gazetteer_index import cache_dir, index_path
from newsevents.places.regions import regions


def test_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache" and cache_dir().is_dir()
    assert index_path().parent == tmp_path / "cache"
    assert index_path().suffix == ".sqlite"


def test_hand_tables_are_well_formed():
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in
               COUNTRY_POINTS.values())
    assert len(COUNTRY_POINTS) > 190
    rows = regions()
    assert {r.feature for r in rows} == {"region", "water", "landmark", "admin1"}
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in rows)
    assert any("Akorda" in r.names for r in rows)


@pytest.mark.model
def test_names_alternates_transliterations_and_abbreviations(pipeline):
    gazetteer = pipeline.gazetteer
    assert len(gazetteer) > 200_000
    astana = gazetteer.candidates("Nur-Sultan")[0]
    assert (astana.name, astana.country, astana.feature) == ("Astana", "KAZ", "city")
    assert astana.admin1 == "KZ.05" and astana.geonameid == 1526273
    assert gazetteer.candidates("Burabai") == []
    [burabay] = gazetteer.loose_candidates("Burabai")
    assert (burabay.country, round(burabay.lat)) == ("KAZ", 53)
    assert gazetteer.candidates("W.Va.")[0].name == "West Virginia"
    assert gazetteer.candidates("the U.S.")[0].country == "USA"
    assert gazetteer.candidates("Caspian Sea")[0].feature == "water"
    county = gazetteer.candidates("Laurel County")[0]
    assert (county.feature, county.admin1) == ("admin2", "US.KY")
    assert (round(county.lat), round(county.lon)) == (37, -84)  # London, Ky. is its seat
    assert gazetteer.admin1("US.KY").name == "Kentucky"


@pytest.mark.model
def test_demonyms_are_context_not_places(pipeline):
    gazetteer = pipeline.gazetteer
    assert gazetteer.demonym("Kazakh") == "KAZ"
    assert gazetteer.demonym("Astana") is None
