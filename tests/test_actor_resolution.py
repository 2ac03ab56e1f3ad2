"""Actor resolution: names, titles, nationalities, metonyms, time-aware office holders,
spelling variants, and user-supplied CAMEO/Phoenix dictionaries."""

from __future__ import annotations

import pytest

from newsevents import Pipeline, Settings
from newsevents.actors.dictionary_import import read_actor_dictionary
from newsevents.actors.spelling import within_one_edit
from newsevents.errors import KnowledgeBaseError


@pytest.fixture(scope="module")
def resolve():
    pipeline = Pipeline()
    return pipeline.resolve_actor


@pytest.mark.parametrize(("text", "when", "country", "sector"), [
    ("Russian President Vladimir Putin", "2015-10-15", "RUS", "GOV"),
    ("Putin", "2009-06-01", "RUS", "GOV"),
    ("Nazarbayev", "2021-06-01", "KAZ", "ELI"),
    ("Nursultán Nazarbaev", "2015-10-15", "KAZ", "GOV"),
    ("the Kremlin", None, "RUS", "GOV"),
    ("the Pentagon", None, "USA", "MIL"),
    ("Akorda", None, "KAZ", "GOV"),
    ("Kazakh soldiers", None, "KAZ", "MIL"),
    ("four Saudi men", None, "SAU", "CVL"),
    ("Russia's foreign ministry", None, "RUS", "GOV"),
    ("the Economic Eurasian Union", None, "IGO", None),
    ("Kirgizstan", None, "KGZ", None),
    ("Ethopia", None, "ETH", None),
    ("former President Nursultan Nazarbayev", "2016-01-01", "KAZ", "ELI"),
])
def test_resolution(resolve, text, when, country, sector):
    result = resolve(text, date=when)
    assert result is not None, text
    assert result["country"] == country, result
    if sector is not None:
        assert result["sector"] == sector, result


def test_variants_share_an_id(resolve):
    ids = {resolve(t, date="2015-10-15")["id"] for t in (
        "Nursultan Nazarbayev", "Nazarbaev", "Nursultán Nazarbayev", "President Nazarbayev")}
    assert len(ids) == 1


def test_a_lone_surname_means_a_former_minister_only_by_full_name(resolve):
    # Gerry Collins was Ireland's foreign minister until 1992; in 2005 "Collins" alone is
    # anybody, while the serving minister and a former head of state keep their surnames
    assert resolve("Collins", date="2005-03-01") is None
    assert resolve("Gerry Collins", date="2005-03-01")["sector"] == "ELI"
    assert resolve("Lavrov", date="2020-03-01")["sector"] == "GOV"
    assert resolve("Nazarbayev", date="2021-03-01")["sector"] == "ELI"


def test_unknown_text_is_none(resolve):
    assert resolve("the quarterly results") is None
    assert resolve("") is None


def test_spelling_distance():
    assert within_one_edit("ethopia", "ethiopia")
    assert within_one_edit("quatar", "qatar")
    assert not within_one_edit("austria", "australia")


DICTIONARY = """# a user's own actor file
ZHANAR_EXAMPLEOVA_
+EXAMPLEOVA_
[KAZGOV 190320-220101]
[KAZELI >220102]
VLADIMIR_PUTIN_
[RUSBUS <991231]
"""


def test_phoenix_dictionary_import(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    terms = read_actor_dictionary(path)
    assert [(t.country, t.sector) for t in terms] == [("KAZ", "GOV"), ("KAZ", "ELI"),
                                                      ("RUS", "BUS")]
    pipeline = Pipeline(Settings(actor_dictionary=str(path)))
    assert pipeline.resolve_actor("Exampleova", date="2020-05-01")["sector"] == "GOV"
    assert pipeline.resolve_actor("Zhanar Exampleova", date="2023-05-01")["sector"] == "ELI"
    putin = pipeline.resolve_actor("Vladimir Putin", date="1998-01-01")
    assert (putin["sector"], putin["id"]) == ("BUS", "vladimir-putin")  # same id, user terms


def test_bad_dictionary_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("[RUSGOV 990101-]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"bad.txt:1"):
        read_actor_dictionary(path)


def test_a_minister_named_by_surname_alone_needs_his_country_in_the_story():
    # K.D. Knight was Jamaica's foreign minister in 2005
    from newsevents import Article

    pipeline = Pipeline()
    stray, at_home = pipeline.process_many([
        Article(text="Mr Knight was arrested on Saturday after a fight outside a club in "
                     "Los Angeles.", published="2005-03-01"),
        Article(text="Jamaica protested on Monday. Mr Knight accused Washington of "
                     "meddling.", published="2005-03-01")])
    assert not any(m.country == "JAM" for m in stray.actors)
    assert any(m.country == "JAM" and m.kind == "person" for m in at_home.actors)
