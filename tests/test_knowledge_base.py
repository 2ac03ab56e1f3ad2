"""Every row of every packaged knowledge table is valid (codes, dates, ids)."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date

import pycountry
import pytest

from newsevents.actors.knowledge import (
    COUNTRY_COLUMNS,
    OFFICE_COLUMNS,
    ORGANIZATION_COLUMNS,
    PARTY_COLUMNS,
    ROLE_COLUMNS,
    KnowledgeBase,
    normalize_name,
)
from newsevents.errors import KnowledgeBaseError
from newsevents.events.lexicon import TRIGGER_COLUMNS, load_lexicon
from newsevents.events.ontology import CAMEO_COLUMNS, PLOVER_TYPES, cameo_codes, quad_class_of
from newsevents.tables import packaged_table, read_table

ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
NON_STATE = {"IGO", "NGO", "IMG", "MNC"}
SECTORS = {"GOV", "MIL", "BUS", "LEG", "JUD", "COP", "REB", "OPP", "CVL", "LAB", "MED", "EDU",
           "REL", "JRN", "ELI", "AGR", "REF", "SPY", "CRM"}
# Each office and the sectors its holders may have: a cleric heads Iran's state and the
# Vatican's (REL), a general may be defence minister or a warlord's commander (MIL), an
# international official has the sector of the body (the WHO chief MED, the IMF chief BUS).
OFFICE_SECTORS = {
    "head_of_state": {"GOV", "REL"}, "head_of_government": {"GOV"},
    "foreign_minister": {"GOV", "REL"}, "defence_minister": {"GOV", "MIL"},
    "speaker": {"LEG"}, "chief_of_staff": {"MIL"}, "un_secretary_general": {"GOV"},
    "eu_commission_president": {"GOV"}, "nato_secretary_general": {"GOV"},
    "vice_president": {"GOV"}, "opposition_leader": {"OPP"},
    "armed_group_leader": {"REB", "MIL"}, "spokesperson": {"GOV", "MIL"},
    "igo_official": {"GOV", "JUD", "BUS", "MED", "REF", "CVL", "EDU", "AGR", "LEG"},
    "regional_leader": {"GOV"},
    "security_chief": {"GOV", "MIL", "SPY"},
}


def rows(name, columns):
    return list(read_table(packaged_table(name), columns))


def test_countries():
    table = rows("countries.tsv", COUNTRY_COLUMNS)
    codes = [r["iso3"] for r in table]
    assert not [c for c, n in Counter(codes).items() if n > 1]
    assert set(codes) == ISO3
    assert all(r["name"] for r in table)


def test_country_regions_and_independence():
    """Regions and regional adjectives point to one country and never shadow another
    country's own names; independence cells name a real predecessor and a date."""
    table = rows("countries.tsv", COUNTRY_COLUMNS)
    national: dict[str, str] = {}
    for row in table:
        for column in ("name", "variants", "adjectives", "capitals"):
            for label in row[column].split("|"):
                if label:
                    national.setdefault(normalize_name(label), row["iso3"])
    regional: dict[str, str] = {}
    for row in table:
        for column in ("regions", "regional_adjectives"):
            for label in filter(None, row[column].split("|")):
                key = normalize_name(label)
                assert national.get(key, row["iso3"]) == row["iso3"], (label, row["iso3"])
                assert regional.setdefault(key, row["iso3"]) == row["iso3"], label
        if row["independence"]:
            day, before = row["independence"].split()
            assert date.fromisoformat(day) > date(1945, 1, 1), row["iso3"]
            assert before in ISO3 and before != row["iso3"], row["iso3"]


def test_organizations():
    table = rows("organizations.tsv", ORGANIZATION_COLUMNS)
    assert not [i for i, n in Counter(r["id"] for r in table).items() if n > 1]
    for row in table:
        assert row["code"] in ISO3 | NON_STATE, row
        assert row["sector"] in SECTORS, row
        assert row["name"], row
        spans = []
        for item in filter(None, row["sector_periods"].split("|")):
            sector, span = item.split(" ")
            assert sector in SECTORS and sector != row["sector"], row
            spans.extend(_spans(span))
        _assert_in_order(spans, row["id"])


def _assert_in_order(spans: list[tuple[date, date | None]], key: str) -> None:
    """Periods that start after the previous one ended; only the last may be open."""
    spans.sort()
    for start, end in spans:
        assert end is None or start <= end, key
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert end is not None and end < next_start, key


def _spans(cell: str) -> list[tuple[date, date | None]]:
    periods = []
    for span in filter(None, cell.split("|")):
        start, end = span.split("/")
        periods.append((date.fromisoformat(start), date.fromisoformat(end) if end else None))
    return periods


def test_parties():
    """Every party row: a known country, periods that parse, are ordered and never overlap
    (only the last may be open), and an id no other table uses."""
    table = rows("parties.tsv", PARTY_COLUMNS)
    countries = {r["iso3"] for r in rows("countries.tsv", COUNTRY_COLUMNS)}
    ids = Counter(r["id"] for r in table)
    assert not [i for i, n in ids.items() if n > 1]
    organizations = {r["id"] for r in rows("organizations.tsv", ORGANIZATION_COLUMNS)}
    people = {r["person_id"] for r in rows("office_holders.tsv", OFFICE_COLUMNS)}
    assert not set(ids) & (organizations | people)
    for row in table:
        assert row["country"] in countries, row
        assert row["name"], row
        periods = _spans(row["in_government"])
        assert periods == sorted(periods, key=lambda p: p[0]), row
        for start, end in periods:
            assert date(1900, 1, 1) < start and (end is None or start < end), row
        for (_, end), (next_start, _) in itertools.pairwise(periods):
            assert end is not None and end <= next_start, row
        for acronym in filter(None, row["acronyms"].split("|")):
            assert any(c.isupper() for c in acronym), (acronym, row["id"])


def test_a_party_is_defined_once():
    """No party name is also an organisation's name (parties live in parties.tsv only),
    and a name several parties share belongs to different countries, so that the
    country named in the phrase or the document's country can pick one."""
    org_names = {normalize_name(label)
                 for r in rows("organizations.tsv", ORGANIZATION_COLUMNS)
                 for label in [r["name"], *r["variants"].split("|"), *r["acronyms"].split("|")]
                 if label}
    owners: dict[str, set[tuple[str, str]]] = {}
    for row in rows("parties.tsv", PARTY_COLUMNS):
        labels = [row["name"], *row["variants"].split("|"), *row["acronyms"].split("|")]
        for key in {normalize_name(label) for label in labels if label}:
            assert key not in org_names, (key, row["id"])
            owners.setdefault(key, set()).add((row["country"], row["id"]))
    for key, parties in owners.items():
        assert len({country for country, _ in parties}) == len(parties), (key, parties)


def test_roles():
    table = rows("roles.tsv", ROLE_COLUMNS)
    assert not [t for t, n in Counter(r["term"] for r in table).items() if n > 1]
    for row in table:
        assert row["sector"] in SECTORS, row
        assert row["kind"] in {"title", "person", "group", "equipment", "member"}, row


def test_office_holders_terms():
    table = rows("office_holders.tsv", OFFICE_COLUMNS)
    variants: dict[str, str] = {}
    terms: dict[tuple[str, str], list[tuple[date, date | None]]] = {}
    for row in table:
        assert row["country"] in ISO3 | NON_STATE, row
        assert row["sector"] in SECTORS, row
        assert row["sector"] in OFFICE_SECTORS[row["office"]], row
        start = date.fromisoformat(row["start"])
        end = date.fromisoformat(row["end"]) if row["end"] else None
        assert end is None or start <= end, row
        assert variants.setdefault(row["person_id"], row["variants"]) == row["variants"], row
        terms.setdefault((row["person_id"], row["office"]), []).append((start, end))
    for key, spans in terms.items():
        spans.sort()
        for (_, end), (next_start, _) in itertools.pairwise(spans):
            assert end is not None and end <= next_start, key


def test_cameo_codes():
    codes = cameo_codes()
    assert {f"{root:02d}" for root in range(1, 21)} <= set(codes)
    for code in codes.values():
        assert code.quad_class == quad_class_of(code.code)
        assert -10.0 <= code.goldstein <= 10.0
        assert code.plover is None or code.plover in PLOVER_TYPES
    header = tuple(packaged_table("cameo_codes.tsv").read_text().splitlines()[0].split("\t"))
    assert header == CAMEO_COLUMNS


def test_trigger_lexicon_covers_every_plover_type():
    lexicon = load_lexicon()
    table = rows("triggers.tsv", TRIGGER_COLUMNS)
    keys = Counter((r["lemma"], r["pos"], r["particle"]) for r in table)
    assert not [k for k, n in keys.items() if n > 1]
    types = Counter(r["event_type"] for r in table)
    assert set(types) == set(PLOVER_TYPES)
    assert min(types.values()) >= 12
    assert len(lexicon) == len(table)
    codes = cameo_codes()
    for row in table:
        assert codes[row["cameo"]].plover == row["event_type"], row


def test_malformed_table_fails_loudly(tmp_path):
    for name in ("countries.tsv", "organizations.tsv", "parties.tsv", "roles.tsv",
                 "office_holders.tsv"):
        (tmp_path / name).write_text(packaged_table(name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "roles.tsv").write_text("term\tsector\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="header"):
        KnowledgeBase.load(tmp_path)


def test_malformed_party_period_fails_loudly(tmp_path):
    for name in ("countries.tsv", "organizations.tsv", "roles.tsv", "office_holders.tsv"):
        (tmp_path / name).write_text(packaged_table(name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "parties.tsv").write_text(
        "\t".join(PARTY_COLUMNS) + "\nxx-party\tGBR\tA Party\t\t\t1997-05-02-2010\n",
        encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="bad period"):
        KnowledgeBase.load(tmp_path)
