"""Political parties: time-aware GOV/OPP, their members and leaders, names shared across
countries, and party names that must not swallow other words. Hand-written phrases only."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents import Pipeline
from newsevents.actors.knowledge import Party, Period


@pytest.fixture(scope="module")
def resolve():
    return Pipeline().resolve_actor


def code(resolve, text: str, when: str | None = None,
         context: str | None = None) -> tuple[str | None, str | None] | None:
    found = resolve(text, date=when, context=context)
    return (found["country"], found["sector"]) if found else None


def test_sector_follows_the_periods_in_government():
    party = Party("xx-party", "GBR", "A Party",
                  (Period(date(1997, 5, 2), date(2010, 5, 11)), Period(date(2024, 7, 5), None)))
    assert party.sector_on(date(2005, 1, 1)) == "GOV"
    assert party.sector_on(date(2010, 5, 11)) == "GOV"  # both days included
    assert party.sector_on(date(2012, 1, 1)) == "OPP"
    assert party.sector_on(None) == "GOV"  # an open period: in government today
    out = Party("xx-out", "GBR", "Out", (Period(date(1997, 5, 2), date(2010, 5, 11)),))
    assert out.sector_on(None) == "OPP"


@pytest.mark.parametrize(("text", "when", "context", "expected"), [
    ("Labour", "2005-06-01", "GBR", ("GBR", "GOV")),
    ("Labour", "2012-06-01", "GBR", ("GBR", "OPP")),
    ("the Labour Party", "2025-03-01", "GBR", ("GBR", "GOV")),
    ("Likud", "2020-01-01", None, ("ISR", "GOV")),
    ("Likud", "2021-08-01", None, ("ISR", "OPP")),
    ("the Bharatiya Janata Party", "2010-01-01", None, ("IND", "OPP")),
    ("BJP", "2015-01-01", None, ("IND", "GOV")),
    ("the Christian Democratic Union", "2000-01-01", None, ("DEU", "OPP")),
    ("the Christian Democratic Union", "2010-01-01", None, ("DEU", "GOV")),
    ("the Communist Party of the Soviet Union", "1985-01-01", None, ("RUS", "GOV")),
    ("the Baath Party", "2000-01-01", "IRQ", ("IRQ", "GOV")),
    ("the Baath Party", "2005-01-01", "IRQ", ("IRQ", "OPP")),
    ("ANC", "1990-01-01", None, ("ZAF", "OPP")),
    ("ANC", "2000-01-01", None, ("ZAF", "GOV")),
])
def test_a_party_is_the_government_only_while_in_it(resolve, text, when, context, expected):
    assert code(resolve, text, when, context) == expected


def test_without_a_date_a_party_has_its_standing_today(resolve):
    assert code(resolve, "the Communist Party of Vietnam") == ("VNM", "GOV")
    assert code(resolve, "Alternative for Germany") == ("DEU", "OPP")


@pytest.mark.parametrize(("text", "when", "context", "expected"), [
    ("Labour MPs", "2012-06-01", "GBR", ("GBR", "LEG")),
    ("a Likud lawmaker", "2010-01-01", None, ("ISR", "LEG")),
    ("Lib Dem leader Charles Kennedy", "2005-01-01", None, ("GBR", "OPP")),
    ("a Lib Dem spokesman", "2012-01-01", None, ("GBR", "GOV")),
    ("CDU politician Wolfgang Bosbach", "2000-01-01", None, ("DEU", "OPP")),
    ("CDU politician Wolfgang Bosbach", "2010-01-01", None, ("DEU", "GOV")),
    ("a Likud minister", "2016-01-01", None, ("ISR", "GOV")),
    ("AKP lawmakers", "2015-01-01", None, ("TUR", "LEG")),
    ("opposition Labour", "2005-01-01", "GBR", ("GBR", "OPP")),
    ("a Labour government", "2012-01-01", "GBR", ("GBR", "GOV")),
    ("former Labour minister", "2012-01-01", "GBR", ("GBR", "ELI")),
    ("ex-Likud minister", "2016-01-01", None, ("ISR", "ELI")),
])
def test_members_and_leaders_take_the_party_country_and_their_office(
        resolve, text, when, context, expected):
    assert code(resolve, text, when, context) == expected


def test_a_known_leader_keeps_his_id_and_takes_the_party_standing_before_office(resolve):
    blair = resolve("Labour leader Tony Blair", date="1995-06-01", context="GBR")
    assert (blair["id"], blair["country"], blair["sector"]) == ("tony-blair", "GBR", "OPP")
    assert code(resolve, "Labour leader Tony Blair", "2005-06-01", "GBR") == ("GBR", "GOV")
    bibi = resolve("Likud leader Netanyahu", date="2000-06-01")
    assert (bibi["id"], bibi["sector"]) == ("benjamin-netanyahu", "OPP")


def test_party_variants_share_an_id(resolve):
    ids = {resolve(t, date="2005-01-01", context="GBR")["id"] for t in (
        "Lib Dems", "the Lib Dem party", "Liberal Democrats", "LibDems")}
    assert ids == {"gbr-libdem"}


@pytest.mark.parametrize(("text", "when", "context", "expected"), [
    ("British Labour leader", "1995-01-01", None, ("GBR", "OPP")),
    ("Australian Labor", "2010-01-01", None, ("AUS", "GOV")),
    ("Labor", "2000-01-01", "ISR", ("ISR", "GOV")),
    ("Labor", "2000-01-01", "AUS", ("AUS", "OPP")),
    ("the Conservatives", "2010-01-01", "CAN", ("CAN", "GOV")),
    ("the Conservatives", "2000-01-01", "GBR", ("GBR", "OPP")),
    ("Democrats", "2010-01-01", "USA", ("USA", "GOV")),
    ("the Republicans", "2020-01-01", "FRA", ("FRA", "OPP")),
    ("the Communist Party", "2020-01-01", "CHN", ("CHN", "GOV")),
    ("Syrian Baath Party", "2020-01-01", None, ("SYR", "GOV")),
    ("the Liberal Democrats", "2010-01-01", "JPN", ("JPN", "OPP")),
])
def test_a_shared_name_needs_a_nationality_or_the_documents_country(
        resolve, text, when, context, expected):
    assert code(resolve, text, when, context) == expected


def test_a_shared_name_alone_is_no_party(resolve):
    assert resolve("Labour") is None
    assert resolve("Democrats") is None
    assert resolve("the Communist Party", context="FRA") is None
    assert code(resolve, "Labour MPs") == (None, "LEG")
    assert code(resolve, "the Labour government") == (None, "GOV")


def test_trade_unions_stay_labour(resolve):
    assert code(resolve, "labour unions", context="GBR") == ("GBR", "LAB")
    assert code(resolve, "Labor unions", context="AUS") == ("AUS", "LAB")
    assert code(resolve, "labor union leaders") == (None, "LAB")


def test_a_party_name_inside_another_countrys_phrase_is_not_the_party(resolve):
    assert code(resolve, "Pakistan's Law and Justice Minister") == ("PAK", "GOV")
    assert code(resolve, "Law and Justice", "2016-01-01") == ("POL", "GOV")
    assert code(resolve, "Serbian Labour Minister Dragan Milovanovic") == ("SRB", "GOV")
    assert code(resolve, "anc officials") == (None, "GOV")  # acronyms only in capitals
