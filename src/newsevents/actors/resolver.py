"""Phrase -> actor code: "Russian President Vladimir Putin" -> Vladimir Putin, RUS GOV.

The resolver reads a noun phrase as a bag of knowledge-base hits (person, organisation,
country name, nationality adjective, capital, metonym, role noun) found by longest match,
then combines them: a known person wins (time-aware: the office held on the event's date),
then an organisation or metonym, then country evidence + the head role noun's sector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsevents.actors.knowledge import (
    Entry,
    KnowledgeBase,
    Person,
    Role,
    name_skeleton,
    normalize_name,
)

_WORD = re.compile(r"[^\s\-–—,;:()\"“”]+")
_FORMER = {"former", "ex", "ex-", "late", "then"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a phrase means. ``id`` is stable across name variants of one actor."""

    name: str
    country: str | None
    sector: str | None
    id: str
    kind: str  # person | organization | metonym | country | role

    def to_dict(self) -> dict[str, str | None]:
        return {"country": self.country, "sector": self.sector, "name": self.name,
                "id": self.id}


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # word index
    end: int
    text: str
    entry: Entry


class ActorResolver:
    """Resolves phrases against a :class:`KnowledgeBase`; pure, no document state."""

    def __init__(self, kb: KnowledgeBase, surnames: bool = True) -> None:
        self.kb = kb
        self.surnames = surnames  # accept surname-only matches ("Putin said")

    def resolve(self, text: str, when: date | None = None, context: str | None = None,
                person_name: str | None = None) -> Resolution | None:
        """Resolve ``text``; ``context`` is an ISO3 country the document is about, used for
        role-only phrases ("police"); ``person_name`` is the PERSON entity inside the phrase,
        if the caller knows it. A resolver made with ``surnames=False`` refuses
        surname-only matches (in a sports story "Richards" is not a head of state)."""
        raw_words = _WORD.findall(text)
        words = [w for w in (_POSSESSIVE.sub("", w) for w in raw_words) if w]
        if not words:
            return None
        hits = self._hits(words, raw_words)
        former = any(w.lower() in _FORMER for w in words)
        person_hit = next((h for h in hits if h.entry.kind == "person"), None)
        person = person_hit.entry.person if person_hit else None
        if person is not None and person_name and not _names_agree(person, person_name):
            person = None  # "Daniel Persson" is not Göran Persson
        surnames = self.surnames
        if person is not None and person_hit is not None and not surnames and \
                " " not in person_hit.text:
            person = None
        if person is None and person_name:
            person = self.person_by_name(person_name, when, surnames)
        if person is None and surnames and not any(h.entry.kind != "role" for h in hits):
            titles = {i for h in hits for i in range(h.start, h.end)}
            person = self._surname_person([w for i, w in enumerate(words) if i not in titles],
                                          when)
        if person is not None:
            resolved = self._person_resolution(person, when, former)
            title = _role_sector(hits)
            if title is not None and not former and resolved.sector in (None, "ELI"):
                # "Russian President Boris Yeltsin": the text asserts the office it names
                resolved = Resolution(resolved.name, resolved.country, title, resolved.id,
                                      "person")
            return resolved
        named_otherwise = _unexplained_names(words, hits)
        for kind in ("organization", "acronym", "metonym"):
            hit = next((h for h in hits if h.entry.kind == kind), None)
            if hit is not None and kind == "acronym" and named_otherwise and "(" not in text:
                return None  # "Old Firm CIS Cup": another name that contains an acronym
            if hit is not None:
                entry = hit.entry
                if entry.organization is not None:
                    org = entry.organization
                    return Resolution(org.name, org.code, _role_sector(hits) or org.sector,
                                      org.id, "organization")
                return Resolution(hit.text, entry.iso3, _role_sector(hits) or entry.sector,
                                  f"{entry.iso3}-{entry.sector}", "metonym")
        country = next((h.entry.iso3 for h in hits
                        if h.entry.kind in ("country", "adjective", "capital")), None)
        role = _head_role(hits)
        sector = _role_sector(hits)
        if sector is None and _people_of(words, hits):
            sector = "CVL"  # "Palestinians", "ethnic Albanians": people, not the state
        if former and sector in (None, "GOV"):
            sector = "ELI"
        if country is None and sector is None:
            return None
        if country is None:
            country = context
        name = person_name or " ".join(words)
        if role is None and any(h.entry.kind == "capital" for h in hits):
            if named_otherwise:
                return None  # "Real Madrid", "Moscow State University": other names
            # "Moscow said": the capital standing for the government
            return Resolution(name, country, "GOV", f"{country}-GOV", "metonym")
        kind = "role" if sector else "country"
        return Resolution(name, country, sector, f"{country or 'UNK'}-{sector or 'STATE'}",
                          kind)

    def person_by_name(self, name: str, when: date | None,
                       surnames: bool | None = None) -> Person | None:
        """A known person by full name, variant or transliteration; a lone surname only
        when ``surnames`` (a full name that is not known is someone else)."""
        for entry in self.kb.lookup(name):
            if entry.person is not None and _names_agree(entry.person, name):
                return entry.person
        candidates = self.kb.skeletons.get(name_skeleton(name), [])
        if candidates:
            return _prefer_in_office(candidates, when)
        words = name.split()
        if len(words) != 1 or not (self.surnames if surnames is None else surnames):
            return None
        return self._surname_person(words, when)

    def _surname_person(self, words: list[str], when: date | None) -> Person | None:
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) != 1 or len(words) > 3:
            return None
        surname = capitalised[0]
        if len(surname) < 3:
            return None
        candidates = self.kb.surnames.get(normalize_name(surname), [])
        if not candidates:
            candidates = self.kb.skeletons.get(name_skeleton(surname), [])
        return _prefer_in_office(candidates, when) if candidates else None

    def _person_resolution(self, person: Person, when: date | None,
                           former: bool) -> Resolution:
        country, sector = person.code_at(when)
        if former:
            sector = "ELI"
        return Resolution(person.name, country, sector, person.id, "person")

    def _hits(self, words: list[str], raw_words: list[str] | None = None) -> list[_Hit]:
        """Longest non-overlapping knowledge-base matches, left to right. Names with a
        possessive inside ("Democratic People's Republic of Korea") are tried as written
        when the words still line up with the raw text."""
        hits: list[_Hit] = []
        i = 0
        longest = self.kb.longest_phrase
        aligned = raw_words is not None and len(raw_words) == len(words)
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n])
                entries = [e for e in self.kb.lookup(phrase) if _usable(e, phrase)]
                if not entries and aligned and n > 1:
                    written = " ".join(raw_words[i:i + n])  # type: ignore[index]
                    entries = [e for e in self.kb.lookup(written) if _usable(e, written)]
                if not entries:
                    singular = " ".join([*words[i:i + n - 1], singular_noun(words[i + n - 1])])
                    entries = [e for e in self.kb.lookup(singular) if e.kind == "role"]
                if not entries and n == 1 and phrase[:1].isupper():
                    entries = self.kb.lookup_misspelled(phrase)
                if entries:
                    hits.extend(_Hit(i, i + n, phrase, e) for e in _ranked(entries))
                    i += n
                    break
            else:
                i += 1
        return hits


def singular_noun(word: str) -> str:
    """English plural -> singular, enough for role nouns: officials, militias, policemen,
    authorities, businessmen, countries."""
    lower = word.lower()
    if lower.endswith("men") and len(lower) > 4:
        return word[:-3] + "man"
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return word[:-1]
    return word


_FUNCTION_WORDS = {"the", "of", "and", "for", "in", "on", "at", "to", "a", "an"}


def _unexplained_names(words: list[str], hits: list[_Hit]) -> bool:
    """Capitalised words that no knowledge-base entry explains ("Real" in "Real Madrid")."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    return any(i not in covered and w[:1].isupper() and w.lower() not in _FUNCTION_WORDS
               and w.lower() not in _FORMER for i, w in enumerate(words))


def _names_agree(person: Person, name: str) -> bool:
    """Could ``name`` be ``person``? A lone surname can; a longer name must be one of the
    person's names or start with the same given name."""
    words = normalize_name(name).split()
    if len(words) <= 1:
        return True
    known = [normalize_name(n).split() for n in (person.name, *person.variants)]
    return any(k == words or (len(k) > 1 and k[0] == words[0]) for k in known) or \
        name_skeleton(name) in {name_skeleton(n) for n in (person.name, *person.variants)}


def _usable(entry: Entry, phrase: str) -> bool:
    """Acronyms only when written in capitals ("WHO said", not "who said"); capitalised
    words only count as names when capitalised in the text."""
    if entry.kind == "acronym":
        return phrase.replace(".", "").isupper()
    if entry.kind in ("country", "adjective", "capital", "person", "organization", "metonym"):
        return phrase[:1].isupper() or phrase[:1].isdigit()
    return True


_KIND_ORDER = {"person": 0, "organization": 1, "acronym": 1, "metonym": 2, "country": 3,
               "capital": 4, "adjective": 5, "role": 6}


def _ranked(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: _KIND_ORDER.get(e.kind, 9))


def _head_role(hits: list[_Hit]) -> Role | None:
    roles = [h.entry.role for h in hits if h.entry.role is not None]
    return roles[-1] if roles else None


def _role_sector(hits: list[_Hit]) -> str | None:
    """The sector of the phrase's head role, the last role noun ("Kazakh foreign minister"),
    except that an institution named before a generic GOV person noun decides
    ("army spokesman" -> MIL, "police chief" -> COP)."""
    roles = [h.entry.role for h in hits if h.entry.role is not None]
    if not roles:
        return None
    qualifiers = [r for r in roles[:-1] if r.sector != "GOV"]
    if qualifiers and roles[-1].term in _GENERIC_GOV_NOUNS:
        return qualifiers[-1].sector  # "army spokesman", "rebel leaders", "police chief"
    return roles[-1].sector


# Person nouns that take the sector of the institution named before them.
_GENERIC_GOV_NOUNS = {"leader", "spokesman", "spokeswoman", "spokesperson", "official",
                      "senior official", "chief", "head", "representative", "member",
                      "envoy", "delegation", "negotiator", "adviser", "advisor"}


def _people_of(words: list[str], hits: list[_Hit]) -> bool:
    """The phrase ends in a plural nationality noun ("Palestinians", "ethnic Albanians")."""
    last = [h for h in hits if h.end == len(words)]
    return bool(last) and last[-1].entry.kind == "adjective" and words[-1].endswith("s") \
        and words[-1][:1].isupper()


def _prefer_in_office(candidates: list[Person], when: date | None) -> Person:
    in_office = [p for p in candidates if p.in_office(when)]
    pool = in_office or candidates
    return max(pool, key=lambda p: max(t.start for t in p.terms))
