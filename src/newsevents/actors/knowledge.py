"""The actor knowledge base: countries, organisations, parties with their spells in
government, roles and office holders with terms.

Everything comes from the project's own TSV tables in ``newsevents/data`` (facts written by
the project, never copied dictionaries), optionally merged with user-supplied tables. All
names are indexed by a normalised key so that "U.S.", "US" and "the United States" meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

from newsevents.actors.dictionary_import import DictionaryTerm, read_actor_dictionary
from newsevents.actors.spelling import SpellingIndex
from newsevents.errors import KnowledgeBaseError
from newsevents.tables import packaged_table, read_table, split_list

COUNTRY_COLUMNS = ("iso3", "name", "variants", "adjectives", "capitals",
                   "government_metonyms", "military_metonyms", "regions",
                   "regional_adjectives", "independence")
ORGANIZATION_COLUMNS = ("id", "code", "sector", "name", "variants", "acronyms",
                        "sector_periods")
PARTY_COLUMNS = ("id", "country", "name", "variants", "acronyms", "in_government")
ROLE_COLUMNS = ("term", "sector", "kind", "note")
OFFICE_COLUMNS = ("person_id", "name", "variants", "country", "sector", "office", "start",
                  "end")

_MIN_SURNAME = 3
_NOT_SURNAMES = {"man", "the", "and", "bin", "ibn", "abu", "jr", "sr", "ii", "iii"}
# Words after which a name is a father's, not the person's surname: "Tamim bin Hamad" is
# not the Hamad of "Sheikh Hamad said".
_PATRONYMIC_MARKERS = {"bin", "ibn", "bint", "ben"}
# Surnames too common (or too much like English words) for "Smith said" to mean one
# office holder: these people are found by full name only.
_COMMON_SURNAMES = {"smith", "hill", "graham", "clark", "baker", "perry", "miller", "cannon",
                    "nelson", "andrews", "johnston", "carr", "bishop", "evans", "payne",
                    "christopher", "reynolds", "francis", "adams", "burns", "sullivan",
                    "taylor", "howard", "moore", "robinson", "gates", "preston", "webster",
                    "wine", "lake", "pen", "michael", "fore", "earnest", "coats", "waltz",
                    "sharon", "omar", "sultan", "khan", "chan", "ping", "pierre", "costa",
                    "turk", "mas", "yong", "ying", "tung", "myers",
                    # East Asian family names, shared by millions and written first
                    # ("Kim Jong Un"), so a lone one is rarely a Western-order surname
                    "kim", "lee", "park", "chen", "wang", "zhang", "liu", "nguyen"}
# Leading words that never change who is meant ("the Kremlin" == "Kremlin").
_LEADING_ARTICLES = ("the ",)


@lru_cache(maxsize=50_000)
def normalize_name(text: str) -> str:
    """Lookup key: ASCII, lower case, dots and apostrophes dropped, hyphens as spaces."""
    key = unidecode(text).lower()
    key = re.sub(r"['’`.]", "", key)
    key = re.sub(r"[^a-z0-9]+", " ", key).strip()
    for article in _LEADING_ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
    return key


@lru_cache(maxsize=50_000)
def name_skeleton(text: str) -> str:
    """A looser key for transliteration variants: Nazarbayev/Nazarbaev, Tokayev/Tokaev."""
    key = normalize_name(text).replace(" ", "")
    key = key.replace("iy", "i").replace("ij", "i").replace("y", "")
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True, slots=True)
class Term:
    """One office held from ``start`` to ``end`` (None: still in office)."""

    country: str
    sector: str
    office: str
    start: date
    end: date | None

    def covers(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    variants: tuple[str, ...]
    terms: tuple[Term, ...]

    def code_at(self, when: date | None) -> tuple[str, str | None]:
        """(country, sector) on ``when``: the office held then; after office, ELI (elite,
        a former office holder); before any office, the country only."""
        latest = max(self.terms, key=lambda t: t.start)
        if when is None:
            current = [t for t in self.terms if t.end is None]
            term = current[0] if current else latest
            return term.country, term.sector if term.end is None else "ELI"
        holding = [t for t in self.terms if t.covers(when)]
        if holding:
            best = min(holding, key=lambda t: OFFICE_RANK.get(t.office, 9))
            return best.country, best.sector or None
        past = [t for t in self.terms if t.end is not None and t.end < when]
        if past:
            return max(past, key=lambda t: t.end or t.start).country, "ELI"
        return min(self.terms, key=lambda t: t.start).country, None

    def in_office(self, when: date | None) -> bool:
        if when is None:
            return any(t.end is None for t in self.terms)
        return any(t.covers(when) for t in self.terms)


OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2,
                "defence_minister": 3}


@dataclass(frozen=True, slots=True)
class Period:
    """A span in national government, both days included; ``end`` None: still in it."""

    start: date
    end: date | None

    def covers(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Organization:
    """A named body. Its ``sector`` holds except in its ``sector_periods``: the Taliban
    are rebels, but the government of Afghanistan from August 2021 (the development data
    codes their unrecognised 1996-2001 regime REB); Sudan's RSF was a state force (MIL)
    until it fought the army in April 2023."""

    id: str
    code: str
    sector: str
    name: str
    sector_periods: tuple[tuple[str, Period], ...] = ()

    def sector_on(self, when: date | None) -> str:
        """The sector on ``when``; with no date, today's (an open period)."""
        for sector, period in self.sector_periods:
            if (period.end is None) if when is None else period.covers(when):
                return sector
        return self.sector


@dataclass(frozen=True, slots=True)
class Party:
    """A national political party. Its sector is not fixed like an organisation's: the
    same party is the government in one year and the opposition in another, so it keeps
    the periods it led or sat in the national government (junior coalition partners
    included)."""

    id: str
    country: str
    name: str
    in_government: tuple[Period, ...]

    def sector_on(self, when: date | None) -> str:
        """GOV on a day the party was in government, else OPP; with no date, today's
        status (an open period)."""
        if when is None:
            governing = any(p.end is None for p in self.in_government)
        else:
            governing = any(p.covers(when) for p in self.in_government)
        return "GOV" if governing else "OPP"


@dataclass(frozen=True, slots=True)
class Role:
    term: str
    sector: str
    kind: str  # title | person | group | equipment | member (of a faith, people or nation)


@dataclass(frozen=True, slots=True)
class Entry:
    """What one normalised phrase can mean."""

    kind: str  # country | adjective | capital | region | metonym | organization | party
    #            | role | acronym (of an organisation or a party) | person
    iso3: str | None = None
    sector: str | None = None
    organization: Organization | None = None
    party: Party | None = None
    role: Role | None = None
    person: Person | None = None


@dataclass
class KnowledgeBase:
    """Phrase -> meanings index over all tables, plus per-kind lookups the resolver needs."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    organization_codes: set[str] = field(default_factory=set)  # IGO, NGO, ... and ISO3s
    # iso3 -> (independence day, the state it was part of before): South Sudan was Sudan
    independence: dict[str, tuple[date, str]] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    surnames: dict[str, list[Person]] = field(default_factory=dict)
    skeletons: dict[str, list[Person]] = field(default_factory=dict)
    spelling: SpellingIndex = field(default_factory=SpellingIndex)
    role_spelling: SpellingIndex = field(default_factory=lambda: SpellingIndex(min_length=8))
    longest_phrase: int = 1

    @classmethod
    def load(cls, data_dir: Path | None = None) -> KnowledgeBase:
        """Load the packaged tables (or the same-named tables from ``data_dir``)."""

        def table(name: str) -> Path:
            return data_dir / name if data_dir else packaged_table(name)

        kb = cls()
        kb._load_countries(table("countries.tsv"))
        kb._load_organizations(table("organizations.tsv"))
        kb._load_parties(table("parties.tsv"))
        kb._load_roles(table("roles.tsv"))
        kb._load_office_holders(table("office_holders.tsv"))
        return kb

    def merge_dictionary(self, path: Path) -> int:
        """Merge a user's CAMEO/Phoenix-format actor dictionary over the built-in people:
        a name already known keeps its id but takes the dictionary's terms. Returns the
        number of people merged."""
        grouped: dict[str, list[DictionaryTerm]] = {}
        for term in read_actor_dictionary(path):
            grouped.setdefault(term.name, []).append(term)
        for name, terms in grouped.items():
            known = next((e.person for e in self.lookup(name) if e.person), None)
            person_id = known.id if known else "dict-" + normalize_name(name).replace(" ", "-")
            variants = tuple(dict.fromkeys(v for t in terms for v in t.variants))
            person = Person(person_id, name, variants, tuple(
                Term(t.country, t.sector, "dictionary", t.start, t.end) for t in terms))
            self.persons[person_id] = person
            for label in (name, *variants):
                key = normalize_name(label)
                self.entries[key] = [e for e in self.entries.get(key, [])
                                     if e.kind != "person"] + [Entry("person", person=person)]
                self.skeletons[name_skeleton(label)] = [person]
                self.surnames[key.split(" ")[-1]] = [person]
                self.longest_phrase = max(self.longest_phrase, key.count(" ") + 1)
        return len(grouped)

    def lookup(self, phrase: str) -> list[Entry]:
        return self.entries.get(normalize_name(phrase), [])

    def country_on(self, iso3: str | None, when: date | None) -> str | None:
        """The state ``iso3``'s territory belonged to on ``when``: South Sudanese rebels
        in 2000 were Sudanese (SDN), Kosovo before 2008 was Serbia."""
        formed = self.independence.get(iso3 or "")
        while formed is not None and when is not None and when < formed[0]:
            iso3 = formed[1]
            formed = self.independence.get(iso3)
        return iso3

    def country_code(self, text: str) -> str | None:
        """The code a country is given by: its ISO3 code in any case ("kaz"), a non-state
        code the organisations use (IGO, NGO), or one of its names ("Kazakhstan")."""
        code = text.strip().upper()
        if code in self.country_names or code in self.organization_codes:
            return code
        return next((e.iso3 for e in self.lookup(text) if e.kind == "country"), None)

    def lookup_misspelled(self, word: str) -> list[Entry]:
        """Entries of the unique known name one edit away from ``word`` ("Ethopia"). A
        known surname is itself, not a slip: "Kallas" is not a misspelled "Kalla"."""
        key = normalize_name(word)
        if key in self.entries or key in self.surnames:
            return []
        closest = self.spelling.closest(key)
        if closest is None:
            return []
        return [e for e in self.entries.get(closest, [])
                if e.kind in ("country", "adjective", "person")]

    def lookup_misspelled_role(self, word: str) -> list[Entry]:
        """Role entries of the unique role noun one edit away from a lower-case word of
        eight letters or more ("peackeeper", "comission"); capitalised words are left
        alone, as they are more often names ("Marshall") than misspelled roles."""
        key = normalize_name(word)
        if not word.islower() or key in self.entries:
            return []
        closest = self.role_spelling.closest(key)
        if closest is None:
            return []
        return [e for e in self.entries.get(closest, []) if e.kind == "role"]

    def _add(self, phrase: str, entry: Entry) -> None:
        key = normalize_name(phrase)
        if not key:
            return
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        if entry.kind in ("country", "adjective", "person"):
            self.spelling.add(key)
        elif entry.kind == "role":
            self.role_spelling.add(key)
        self.longest_phrase = max(self.longest_phrase, key.count(" ") + 1)

    def _load_countries(self, path: Path) -> None:
        for row in read_table(path, COUNTRY_COLUMNS):
            iso3 = row["iso3"]
            self.country_names[iso3] = row["name"]
            for name in [row["name"], *split_list(row["variants"])]:
                self._add(name, Entry("country", iso3=iso3))
            for adjective in split_list(row["adjectives"]):
                self._add(adjective, Entry("adjective", iso3=iso3))
            for capital in split_list(row["capitals"]):
                self._add(capital, Entry("capital", iso3=iso3, sector="GOV"))
            for metonym in split_list(row["government_metonyms"]):
                self._add(metonym, Entry("metonym", iso3=iso3, sector="GOV"))
            for metonym in split_list(row["military_metonyms"]):
                self._add(metonym, Entry("metonym", iso3=iso3, sector="MIL"))
            for region in split_list(row["regions"]):
                self._add(region, Entry("region", iso3=iso3))
            for adjective in split_list(row["regional_adjectives"]):
                self._add(adjective, Entry("adjective", iso3=iso3))
            if row["independence"]:
                self.independence[iso3] = _independence(row["independence"], path)

    def _load_organizations(self, path: Path) -> None:
        for row in read_table(path, ORGANIZATION_COLUMNS):
            org = Organization(row["id"], row["code"], row["sector"], row["name"],
                               _sector_periods(row["sector_periods"], row["id"], path))
            self.organization_codes.add(org.code)
            for name in [row["name"], *split_list(row["variants"])]:
                self._add(name, Entry("organization", iso3=org.code, sector=org.sector,
                                      organization=org))
            for acronym in split_list(row["acronyms"]):
                # acronyms are matched case-sensitively by the resolver ("WHO" vs "who")
                self._add(acronym, Entry(_acronym_kind(acronym, "organization"),
                                         iso3=org.code, sector=org.sector, organization=org))

    def _load_parties(self, path: Path) -> None:
        for row in read_table(path, PARTY_COLUMNS):
            party = Party(row["id"], row["country"], row["name"],
                          _periods(row["in_government"], row["id"], path))
            for name in [row["name"], *split_list(row["variants"])]:
                self._add(name, Entry("party", iso3=party.country, party=party))
            for acronym in split_list(row["acronyms"]):
                self._add(acronym, Entry(_acronym_kind(acronym, "party"),
                                         iso3=party.country, party=party))

    def _load_roles(self, path: Path) -> None:
        for row in read_table(path, ROLE_COLUMNS):
            role = Role(row["term"], row["sector"], row["kind"])
            self._add(role.term, Entry("role", sector=role.sector, role=role))

    def _load_office_holders(self, path: Path) -> None:
        rows: dict[str, list[dict[str, str]]] = {}
        for row in read_table(path, OFFICE_COLUMNS):
            rows.setdefault(row["person_id"], []).append(row)
        for person_id, person_rows in rows.items():
            person = _person_from_rows(person_id, person_rows, path)
            self.persons[person_id] = person
            for name in (person.name, *person.variants):
                self._add(name, Entry("person", person=person))
                self.skeletons.setdefault(name_skeleton(name), []).append(person)
                *before, surname = normalize_name(name).split(" ")
                if len(surname) < _MIN_SURNAME or surname in _NOT_SURNAMES | _COMMON_SURNAMES:
                    continue  # "Horta Inta-A", "Nta Na Man": no usable surname
                if before and before[-1] in _PATRONYMIC_MARKERS:
                    continue  # "Tamim bin Hamad": a father's name
                bucket = self.surnames.setdefault(surname, [])
                if person not in bucket:
                    bucket.append(person)


def _acronym_kind(acronym: str, name_kind: str) -> str:
    """Capitals-only acronyms must be written in capitals ("WHO", never "who"); a
    mixed-case one ("AfD", "PiS") is matched like the body's name, capitalised."""
    return "acronym" if acronym.replace(".", "").isupper() else name_kind


def _independence(cell: str, path: Path) -> tuple[date, str]:
    """"2011-07-09 SDN": independent from that day, part of SDN before."""
    try:
        day, before = cell.split()
        return date.fromisoformat(day), before
    except ValueError as exc:
        raise KnowledgeBaseError(f"{path}: bad independence cell {cell!r}: {exc}",
                                 hint="write 'YYYY-MM-DD ISO3'") from exc


def _sector_periods(cell: str, org_id: str, path: Path) -> tuple[tuple[str, Period], ...]:
    """"MIL 2013-08-01/2023-04-14|GOV 2024-01-01/": a sector for each period."""
    periods = []
    for item in split_list(cell):
        sector, _, span = item.partition(" ")
        if not sector.isupper() or not span:
            raise KnowledgeBaseError(f"{path}: bad sector period {item!r} for {org_id}",
                                     hint="write 'SECTOR YYYY-MM-DD/YYYY-MM-DD'")
        periods.extend((sector, period) for period in _periods(span, org_id, path))
    return tuple(periods)


def _periods(cell: str, party_id: str, path: Path) -> tuple[Period, ...]:
    """"1997-05-02/2010-05-11|2024-07-05/": periods in government, the last maybe open."""
    periods = []
    for span in split_list(cell):
        try:
            start, end = span.split("/")
            periods.append(Period(date.fromisoformat(start),
                                  date.fromisoformat(end) if end else None))
        except ValueError as exc:
            raise KnowledgeBaseError(f"{path}: bad period {span!r} for {party_id}: {exc}",
                                     hint="write 'YYYY-MM-DD/YYYY-MM-DD', the end empty "
                                          "while still in government") from exc
    return tuple(periods)


def _person_from_rows(person_id: str, rows: list[dict[str, str]], path: Path) -> Person:
    try:
        terms = tuple(
            Term(r["country"], r["sector"], r["office"], date.fromisoformat(r["start"]),
                 date.fromisoformat(r["end"]) if r["end"] else None)
            for r in rows
        )
    except ValueError as exc:
        raise KnowledgeBaseError(f"{path}: bad date for {person_id}: {exc}") from exc
    return Person(person_id, rows[0]["name"], tuple(split_list(rows[0]["variants"])), terms)
