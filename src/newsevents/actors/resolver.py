"""Phrase -> actor code: "Russian President Vladimir Putin" -> Vladimir Putin, RUS GOV.

The resolver reads a noun phrase as a bag of knowledge-base hits (person, organisation,
party, country name, nationality adjective, capital, metonym, role noun) found by longest
match, then combines them: a known person wins (time-aware: the office held on the event's
date), then an organisation, party or metonym, then country evidence + the head role noun's
sector. A party is time-aware too: GOV while in government, OPP otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsevents.actors.knowledge import (
    OFFICE_RANK,
    Entry,
    KnowledgeBase,
    Organization,
    Party,
    Person,
    Role,
    name_skeleton,
    normalize_name,
)
from newsevents.actors.spelling import within_one_edit

_WORD = re.compile(r"[^\s\-–—,;:()\"“”]+")
_FORMER = {"former", "ex", "ex-", "late", "then", "ousted", "deposed", "toppled",
           "overthrown"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a phrase means. ``id`` is stable across name variants of one actor."""

    name: str
    country: str | None
    sector: str | None
    id: str
    kind: str  # person | organization (parties too) | metonym | country | role

    def to_dict(self) -> dict[str, str | None]:
        return {"country": self.country, "sector": self.sector, "name": self.name,
                "id": self.id}


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # word index
    end: int
    text: str
    entry: Entry


# Resolutions remembered per resolver, keyed by phrase and date; emptied when full. Each
# worker process holds its own, so the bound is part of the two-worker memory budget.
_CACHE_SIZE = 20_000


class ActorResolver:
    """Resolves phrases against a :class:`KnowledgeBase`; pure, no document state."""

    def __init__(self, kb: KnowledgeBase, surnames: bool = True) -> None:
        self.kb = kb
        self.surnames = surnames  # accept surname-only matches ("Putin said")
        # the same phrases recur across documents ("the president", "police", "Russia"):
        # resolutions are pure functions of the arguments, so they are kept, up to a bound
        self._cache: dict[tuple[str, date | None, str | None, str | None, bool],
                          Resolution | None] = {}
        self._by_given_name: dict[str, list[tuple[str, Person]]] | None = None
        self._given_names: dict[str, list[Person]] | None = None

    def resolve(self, text: str, when: date | None = None, context: str | None = None,
                person_name: str | None = None) -> Resolution | None:
        """Resolve ``text``; ``context`` is an ISO3 country the document is about, used for
        role-only phrases ("police"); ``person_name`` is the PERSON entity inside the phrase,
        if the caller knows it. A resolver made with ``surnames=False`` refuses
        surname-only matches (in a sports story "Richards" is not a head of state).
        Countries are those of ``when``: South Sudanese rebels in 2000 were Sudanese."""
        key = (text, when, context, person_name, self.surnames)
        if key in self._cache:
            return self._cache[key]
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = found = self._resolve_on_date(text, when, context, person_name)
        return found

    def _resolve_on_date(self, text: str, when: date | None, context: str | None,
                         person_name: str | None) -> Resolution | None:
        resolution = self._resolve(text, when, context, person_name)
        if resolution is None or resolution.kind == "person":
            return resolution
        country = self.kb.country_on(resolution.country, when)
        if country == resolution.country:
            return resolution
        return Resolution(resolution.name, country, resolution.sector,
                          resolution.id.replace(resolution.country or "", country or "", 1),
                          resolution.kind)

    def _resolve(self, text: str, when: date | None, context: str | None,
                 person_name: str | None) -> Resolution | None:
        raw_words = _WORD.findall(text)
        words = [w for w in (_POSSESSIVE.sub("", w) for w in raw_words) if w]
        if not words:
            return None
        name_words = self._name_words(words, person_name)
        all_hits = [h for h in self._hits(words, raw_words, name_words)
                    if not self._inside_a_name(h, words, name_words)]
        found = self._roles_in_place_of_foreign_bodies(
            _without_sponsors(all_hits, words), words)
        owner = _possessor_of_organization(found, _possessive_words(raw_words), len(words))
        if owner is not None:
            # "Merkel's CDU", "Blair's Labour Party": the person owns the head, so the
            # phrase is the organisation, of the owner's country when several share it
            found = [h for h in found if h.entry.kind != "person"]
            person_name = None
        owner_country = owner.code_at(when)[0] if owner is not None else None
        hits = _chosen_places(_chosen_parties(found, owner_country or context), context)
        head_hits = _before_postmodifiers(hits, words)
        former = any(w.lower() in _FORMER for w in words)
        person_hit = _person_hit_on([h for h in hits if h.entry.kind == "person"], when)
        person = person_hit.entry.person if person_hit else None
        if person is not None and person_name and not _names_agree(person, person_name):
            person = None  # "Daniel Persson" is not Göran Persson
        given = self._ambiguous_given_name(text, when, hits, person_hit)
        if given:
            # "Sheikh Hamad": several rulers share the given name; only the document's
            # country can tell which one, and without it the phrase is nobody we know
            named = next((h.entry.iso3 for h in hits if h.entry.kind in _PLACE_KINDS), None)
            chosen = self.pick_by_country(given, when, named or context)
            return None if chosen is None else self._person_resolution(chosen, when,
                                                                        former)
        if person is not None and person_hit is not None and person_name is None:
            written = _trailing_name(words, all_hits)
            if len(written) > len(words) - person_hit.start and \
                    not _names_agree(person, " ".join(written)):
                person = None  # "Syrian activist Omar Assad" is not Bashar al-Assad
        if person is not None and person_hit is not None and \
                not self._nationality_agrees(person, hits, person_hit):
            person = None  # "Pakistani cleric Tariq Aziz" is not Iraq's Tariq Aziz
        surnames = self.surnames
        if person is not None and person_hit is not None and not surnames and \
                " " not in person_hit.text:
            person = None
        if person is None and person_name and self.given_name_candidates(
                person_name, when) is None:
            person = self.person_by_name(person_name, when, surnames)
        if person is None and surnames and owner is None and all(
                h.entry.kind == "role" or h.entry.party is not None for h in hits):
            # "Likud leader Netanyahu": titles and party names are not the surname
            titles = {i for h in found for i in range(h.start, h.end)}
            person = self._surname_person([w for i, w in enumerate(words) if i not in titles],
                                          when)
        if person is not None:
            resolved = self._person_resolution(person, when, former)
            serving = _serving_organization(head_hits)
            if serving is not None and not former:
                # "U.N. mediator Diego Cordovez": the text names the body he acts for
                return Resolution(person.name, serving.code,
                                  _role_sector(head_hits) or serving.sector, person.id,
                                  "person")
            title = _affiliated_sector(head_hits, when)
            if title is not None and not former and (resolved.sector is None or (
                    resolved.sector == "ELI" and _head_role(head_hits) is not None)):
                # "Russian President Boris Yeltsin": the text asserts the office it names;
                # "Labour leader Tony Blair" in 1995 led the opposition
                resolved = Resolution(resolved.name, resolved.country, title, resolved.id,
                                      "person")
            return resolved
        named_otherwise = _unexplained_names(words, all_hits)
        for kind in ("organization", "party", "acronym", "metonym"):
            hit = next((h for h in hits if h.entry.kind == kind), None)
            if (hit is not None and kind == "acronym" and named_otherwise and "(" not in text
                    and not _names_an_official(head_hits)):
                # "Old Firm CIS Cup": another name that contains an acronym; but "U.N.
                # mediator Diego Cordovez" is the acronym's official, named
                return None
            if hit is not None:
                entry = hit.entry
                if entry.party is not None:
                    return _party_resolution(entry.party, head_hits, when, former)
                if entry.organization is not None:
                    org = entry.organization
                    standing = org.sector_on(when)
                    members = _members_sector(standing, head_hits)
                    if standing == "GOV" != org.sector and members == "REB":
                        members = "MIL"  # "Taliban fighters" in 2023: the state's forces
                    sector = _state_media(words, members)
                    return Resolution(org.name, org.code, sector, org.id, "organization")
                return Resolution(hit.text, entry.iso3,
                                  _members_sector(entry.sector or "GOV", head_hits),
                                  f"{entry.iso3}-{entry.sector}", "metonym")
        country = next((h.entry.iso3 for h in hits if h.entry.kind in _PLACE_KINDS), None)
        role = _head_role(head_hits)
        sector = _state_media(words, _role_sector(head_hits))
        if sector is None and _people_of(words, hits):
            sector = "CVL"  # "Palestinians", "ethnic Albanians": people, not the state
        if former and (sector == "GOV" or (sector is None and role is not None)):
            sector = "ELI"  # not "the former Soviet republic of Kazakhstan": no office
        if country is None and sector is None:
            return None
        if country is None or (context and "ethnic" in (w.lower() for w in words)):
            country = context or country  # "ethnic Albanians" in a story about Macedonia
        name = person_name or " ".join(words)
        if role is None and any(h.entry.kind in ("capital", "region") for h in hits):
            if named_otherwise:
                return None  # "Real Madrid", "Moscow State University": other names
            if not any(h.entry.kind == "capital" for h in hits):
                return Resolution(name, country, None, f"{country}-STATE", "country")
            # "Moscow said": the capital standing for the government
            return Resolution(name, country, "GOV", f"{country}-GOV", "metonym")
        kind = "role" if sector else "country"
        return Resolution(name, country, sector, f"{country or 'UNK'}-{sector or 'STATE'}",
                          kind)

    def given_name_candidates(self, text: str, when: date | None) -> list[Person] | None:
        """The people an honorific and a lone given name may mean ("Sheikh Hamad",
        "Emir Tamim"), or None when ``text`` is not such a phrase. Gulf and royal titles
        come before the given name, not the surname, and a given name is shared by many
        rulers, so every known person with it who had taken office by ``when`` is a
        candidate."""
        words = normalize_name(" ".join(_POSSESSIVE.sub("", w)
                                        for w in _WORD.findall(text))).split()
        if len(words) < 2 or not any(w in GIVEN_NAME_HONORIFICS for w in words[:-1]) or \
                not all(w in GIVEN_NAME_HONORIFICS or w == "the" or self._is_place_word(w)
                        for w in words[:-1]):
            return None
        people = self._people_by_given_name().get(words[-1], [])
        if when is not None:
            people = [p for p in people if min(t.start for t in p.terms) <= when]
        return people or None

    def pick_by_country(self, people: list[Person], when: date | None,
                        country: str | None) -> Person | None:
        """The one of ``people`` the document's ``country`` means: alone if only one of
        them has that country, else the highest office held then; None when no country
        is known or two candidates remain equal."""
        if len(people) == 1:
            return people[0]
        mine = [p for p in people if country and p.code_at(when)[0] == country]
        if len(mine) <= 1:
            return mine[0] if mine else None
        ranked = sorted(mine, key=lambda p: _rank_on(p, when))
        return ranked[0] if _rank_on(ranked[0], when) < _rank_on(ranked[1], when) else None

    def _ambiguous_given_name(self, text: str, when: date | None, hits: list[_Hit],
                              person_hit: _Hit | None) -> list[Person] | None:
        """The people an honorific + given name phrase may mean, when it is one and no
        single known name settles it: no known name at all ("Sheikh Hamad"), or a title
        form several people carry ("King Abdullah" in Jordan and Saudi Arabia)."""
        if person_hit is None:
            return self.given_name_candidates(text, when)
        same = list({h.entry.person.id: h.entry.person for h in hits
                     if h.entry.person is not None and h.start == person_hit.start
                     and h.end == person_hit.end}.values())
        if len(same) < 2 or self.given_name_candidates(text, when) is None:
            return None
        started = [p for p in same if when is None or min(t.start for t in p.terms) <= when]
        return started or None

    def _is_place_word(self, word: str) -> bool:
        """A country name or nationality word ("Qatari Emir Sheikh Hamad")."""
        return any(e.kind in ("country", "adjective") for e in self.kb.entries.get(word, ()))

    def _people_by_given_name(self) -> dict[str, list[Person]]:
        """Given name -> people, from every known name and variant, titles skipped
        ("King Hamad" gives "hamad"); built on first use."""
        if self._given_names is None:
            index: dict[str, list[Person]] = {}
            for person in self.kb.persons.values():
                for label in (person.name, *person.variants):
                    given = self._given_name_of(label)
                    if given and person not in index.setdefault(given, []):
                        index[given].append(person)
            self._given_names = index
        return self._given_names

    def _given_name_of(self, label: str) -> str | None:
        """The first word of a known name that is not a title ("Sheikh Tamim" -> tamim)."""
        for word in normalize_name(label).split():
            if not any(e.kind == "role" for e in self.kb.entries.get(word, ())):
                return word
        return None

    def _name_words(self, words: list[str], person_name: str | None) -> frozenset[int]:
        """Word indices that are part of a person's name: inside the PERSON entity the
        caller found, or a capitalised word right after a known given name ("Peter
        Kenyon"). Such words are never spelling-corrected to a country or nationality:
        "Kenyon" is a surname, not a misspelled "Kenyan"."""
        named = set(normalize_name(person_name or "").split())
        given = self._people_by_given_name()
        return frozenset(
            i for i, w in enumerate(words)
            if normalize_name(w) in named or (
                i > 0 and w[:1].isupper() and words[i - 1][:1].isupper()
                and normalize_name(words[i - 1]) in given))

    def _roles_in_place_of_foreign_bodies(self, hits: list[_Hit],
                                          words: list[str]) -> list[_Hit]:
        """``hits`` without the bodies another nation's own body shares a name with (see
        ``_national_bodies``), and with the role nouns inside their names: "the Kenyan
        National Intelligence Service" is Kenya's intelligence service (SPY)."""
        kept = _national_bodies(hits, words)
        if len(kept) == len(hits):
            return kept
        roles = [
            _Hit(h.start + r.start, h.start + r.end, r.text, r.entry)
            for h in hits if h not in kept
            for r in self._hits([w.lower() for w in words[h.start:h.end]])
            if r.entry.kind == "role"]
        return sorted(kept + roles, key=lambda h: h.start)

    def _nationality_agrees(self, person: Person, hits: list[_Hit], person_hit: _Hit) -> bool:
        """Whether a nationality written before a known person's name is one of the
        countries they held office for. International officials serve every nation
        ("Portuguese UN chief Guterres"), so only people of states are checked."""
        named = {h.entry.iso3 for h in hits if h.entry.kind in ("country", "adjective")
                 and h.end <= person_hit.start}
        served = {t.country for t in person.terms}
        if not named or not served <= self.kb.country_names.keys():
            return True
        return bool(named & served)

    def _inside_a_name(self, hit: _Hit, words: list[str], name_words: frozenset[int]) -> bool:
        """A place word that is part of a person's name: "Michael Jordan", "Chad Smith",
        "Israel Katz" name no country. The name must go on beyond the place word, with a
        word that is no title ("Jordan's King Abdullah" still names Jordan)."""
        if hit.entry.kind not in ("country", "capital", "region") or hit.end - hit.start != 1:
            return False  # a nationality inside a "name" is the tagger's error: "Bosnian Serbs"
        before, after = hit.start - 1, hit.end
        given = self._people_by_given_name()
        if after < len(words) and hit.start in name_words and after in name_words:
            return not any(e.kind == "role" for e in self.kb.lookup(words[after]))
        return before >= 0 and hit.start in name_words and words[before][:1].isupper() \
            and words[before].lower() not in _FUNCTION_WORDS and len(words[before]) > 1 \
            and normalize_name(words[before]) in given

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
        words = [w for w in words if not _is_courtesy_title(w)]  # "Mr. Netanyahu"
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) == 2 and len(words) == 2:
            return self._misspelled_full_name(*capitalised)
        if len(capitalised) != 1 or len(words) > 3:
            return None
        surname = capitalised[0]
        if len(surname) < 3:
            return None
        candidates = self.kb.surnames.get(normalize_name(surname), [])
        if not candidates:
            candidates = self.kb.skeletons.get(name_skeleton(surname), [])
        return _prefer_in_office(candidates, when, lone_surname=True) if candidates else None

    def _misspelled_full_name(self, given: str, surname: str) -> Person | None:
        """"Laurent Gbago": the one known person with this given name whose surname is one
        edit away (surnames of five letters or more)."""
        given_key, surname_key = normalize_name(given), normalize_name(surname)
        if len(surname_key) < 5:
            return None
        found = {person.id: person for key, person in self._surnames_by_given_name().get(
                     given_key, ()) if key[:1] == surname_key[:1]
                 and within_one_edit(key, surname_key)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _surnames_by_given_name(self) -> dict[str, list[tuple[str, Person]]]:
        """Given name -> (surname key, person) for every known person, built on first
        use: a misspelled full name is checked against that given name's people only."""
        if self._by_given_name is None:
            self._by_given_name = {}
            for key, people in self.kb.surnames.items():
                for person in people:
                    given = normalize_name(person.name).split()[0]
                    self._by_given_name.setdefault(given, []).append((key, person))
        return self._by_given_name

    def _person_resolution(self, person: Person, when: date | None,
                           former: bool) -> Resolution:
        country, sector = person.code_at(when)
        if former:
            sector = "ELI"
        return Resolution(person.name, country, sector, person.id, "person")

    def _hits(self, words: list[str], raw_words: list[str] | None = None,
              name_words: frozenset[int] = frozenset()) -> list[_Hit]:
        """Longest non-overlapping knowledge-base matches, left to right. Names with a
        possessive inside ("Democratic People's Republic of Korea") are tried as written
        when the words still line up with the raw text. Words of a person's name
        (``name_words``) are taken as written, never as a misspelled country."""
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
                    entries = [e for e in self.kb.lookup(singular)
                               if e.kind == "role" and _usable(e, phrase)]
                if not entries and n == 1 and phrase[:1].isupper() and i not in name_words \
                        and phrase.lower() not in _NAME_NOUNS:
                    entries = self.kb.lookup_misspelled(phrase)
                if not entries and n == 1:
                    entries = self.kb.lookup_misspelled_role(singular_noun(phrase))
                if entries:
                    hits.extend(_Hit(i, i + n, phrase, e) for e in _ranked(entries))
                    i += n
                    break
            else:
                i += 1
        return hits


def singular_noun(word: str) -> str:
    """English plural -> singular, enough for role nouns: officials, militias, policemen,
    authorities, businessmen, countries, midwives, and capitalised abbreviations (MPs)."""
    lower = word.lower()
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]
    if lower.endswith("men") and lower != "yemen":
        return word[:-3] + "man"
    if lower.endswith("children"):
        return word[:-3]
    if lower.endswith("wives"):
        return word[:-3] + "fe"  # housewives, midwives
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return word[:-1]
    return word


# Capitalised nouns of place and institution names ("Main Street", "the Wall Street
# Journal"): never spelling-corrected to a person or country ("Street" is not "Strelet").
_NAME_NOUNS = frozenset({
    "street", "road", "avenue", "square", "island", "river", "lake", "mount", "park",
    "bridge", "valley", "bay", "coast", "port", "gate", "hall", "house", "tower", "court",
    "church", "college", "school", "university", "hospital", "airport", "station",
    "market", "club", "journal", "times", "post", "news", "herald", "press", "daily",
    "city", "county", "district", "province", "north", "south", "east", "west"})
_FUNCTION_WORDS = {"the", "of", "and", "for", "in", "on", "at", "to", "a", "an"}
# Titles after which a lone name is a given name, not a surname: "Sheikh Hamad" is one of
# several Hamads, "King Abdullah" one of several Abdullahs.
GIVEN_NAME_HONORIFICS = {"sheikh", "sheik", "shaikh", "sheikha", "emir", "amir", "king",
                          "queen", "prince", "princess", "sultan", "sayyid", "crown"}


def _trailing_name(words: list[str], hits: list[_Hit]) -> list[str]:
    """The capitalised words that end the phrase and are no title, place or body, as
    written, with the particles inside names ("bin", "al", "de"): the person's name when
    no tagger has said where it is ("Omar Assad" in "Syrian activist Omar Assad")."""
    other = {i for h in hits if h.entry.kind != "person" for i in range(h.start, h.end)}
    name: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        particle = words[i].lower() in _NAME_PARTICLES and i > 0 and words[i - 1][:1].isupper()
        if i in other or not (words[i][:1].isupper() or particle) or \
                words[i].lower() in _FUNCTION_WORDS or _is_courtesy_title(words[i]):
            break
        name.insert(0, words[i])
    return name


# Courtesy titles that name nobody's office ("Mr Netanyahu", "Dr. Tedros").
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mister", "madam"})


def _is_courtesy_title(word: str) -> bool:
    return word.lower().rstrip(".") in _COURTESY_TITLES


# Lower-case words inside personal names ("Hamad bin Isa", "Luiz Inácio Lula da Silva").
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "abu", "da", "de", "do",
                             "dos", "van", "von", "der", "den", "wa", "la", "le", "y"})


def _unexplained_names(words: list[str], hits: list[_Hit]) -> bool:
    """Capitalised words that no knowledge-base entry explains ("Real" in "Real Madrid").
    The cause of a stance ("pro-Kurdish", "anti-Western") describes the actor and is
    no other name, known or not."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    covered |= {i for i in range(1, len(words)) if words[i - 1].lower() in _STANCE}
    return any(i not in covered and w[:1].isupper() and w.lower() not in _FUNCTION_WORDS
               and w.lower() not in _FORMER for i, w in enumerate(words))


def _national_bodies(hits: list[_Hit], words: list[str]) -> list[_Hit]:
    """Drop a body matched by a generic name that another nation's own body shares:
    "Russia's Security Council", "the Kazakh Security Council", "the Supreme National
    Security Council" are the state's, not the UN's; "the Kenyan National Intelligence
    Service" is Kenya's, not South Korea's."""
    places = {h.end: h.entry.iso3 for h in hits if h.entry.kind in _PLACE_KINDS}
    return [h for h in hits if not (
        h.entry.kind == "organization" and " " in h.text and h.start > 0 and (
            (h.entry.iso3 == "IGO" and (h.start in places
                                        or words[h.start - 1].lower() in _NATIONAL))
            or places.get(h.start, h.entry.iso3) != h.entry.iso3))]


# Words before a body's name that make it a state's own: "National Security Council".
_NATIONAL = {"national", "supreme", "state", "federal"}


def _possessive_words(raw_words: list[str]) -> set[int]:
    """Indices (in the possessive-stripped word list) of words written with "'s" or a
    bare apostrophe; a detached "'s" marks the word before it."""
    marked: set[int] = set()
    index = -1
    for raw in raw_words:
        stripped = _POSSESSIVE.sub("", raw)
        if stripped:
            index += 1
        if stripped != raw and index >= 0:
            marked.add(index)
    return marked


def _possessor_of_organization(hits: list[_Hit], possessive: set[int],
                               length: int) -> Person | None:
    """The person in "Merkel's CDU", "Putin's United Russia": a person in the possessive
    with an organisation or party after it as the phrase's head. The phrase names what
    the person leads, so its actor is the organisation, not the person."""
    person = next((h for h in hits if h.entry.kind == "person"), None)
    if person is None or person.end - 1 not in possessive:
        return None
    owns = any(h.start >= person.end and h.end == length and h.entry.kind in
               ("organization", "party", "acronym") for h in hits)
    return person.entry.person if owns else None


def _serving_organization(hits: list[_Hit]) -> Organization | None:
    """The intergovernmental body an official's title names ("U.N. mediator", "NATO
    Secretary-General"), when the phrase has both."""
    if not _names_an_official(hits):
        return None
    for hit in hits:
        org = hit.entry.organization
        if org is not None and org.code == "IGO":
            return org
    return None


def _names_an_official(hits: list[_Hit]) -> bool:
    """Whether the phrase has a title or person noun ("mediator", "envoy"), so that
    capitalised words the knowledge base cannot explain are a person's name."""
    return any(h.entry.role is not None and h.entry.role.kind in ("title", "person")
               for h in hits)


def _names_agree(person: Person, name: str) -> bool:
    """Could ``name`` be ``person``? A lone surname can; a longer name must be one of the
    person's names, start with the same given name or end with a full name of theirs
    after a title ("Lt Gen Prosper Avril")."""
    words = normalize_name(name).split()
    if len(words) <= 1:
        return True
    known = [normalize_name(n).split() for n in (person.name, *person.variants)]
    return any(k == words or (len(k) > 1 and k[0] == words[0]) for k in known) or \
        any(len(k) > 1 and words[-len(k):] == k for k in known) or \
        name_skeleton(name) in {name_skeleton(n) for n in (person.name, *person.variants)}


def _usable(entry: Entry, phrase: str) -> bool:
    """Acronyms only when written in capitals ("WHO said", not "who said"); capitalised
    words only count as names when capitalised in the text; role nouns that are mostly
    words of names when capitalised ("National Security Committee", "the Soviet Union")
    only in lower case."""
    name = phrase[4:] if phrase.lower().startswith("the ") else phrase
    if entry.role is not None and entry.role.term in _NAME_WORD_ROLES:
        return not name[:1].isupper()
    if entry.kind == "acronym":
        return phrase.replace(".", "").isupper()
    if entry.kind in ("country", "adjective", "capital", "region", "person", "organization",
                      "party", "metonym"):
        return name[:1].isupper() or name[:1].isdigit() or bool(_PARTICLE_NAME.match(name))
    return True


# Role nouns that, capitalised, are part of a name rather than the role.
_NAME_WORD_ROLES = frozenset({"national", "union"})
# Arabic and European name particles written in lower case before a capitalised name:
# "al-Qaeda", "al-Shabaab", "de Klerk", "van der Bellen".
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|as|ash|at|az|ath|bin|ibn|de|da|di|du|van|von|"
                            r"der|la|le) [A-Z]")
_PLACE_KINDS = ("country", "adjective", "capital", "region")
# Words after a nation that make it a sponsor, not the actor's own country
# ("Russian-backed separatists", "Iran-backed militias", "a UN-backed government").
_SPONSORED = {"backed", "sponsored", "supported", "funded", "financed", "trained", "aligned",
              "allied", "installed", "leaning", "made", "built", "designed", "supplied",
              "manufactured"}
# Words before a nation that make it a cause, not the actor ("pro-Russian separatists",
# "anti-American protesters").
_STANCE = {"pro", "anti"}


def _without_sponsors(hits: list[_Hit], words: list[str]) -> list[_Hit]:
    """Drop nations and organisations named as sponsors or causes of the actor, and
    people named as a base: "the Hague-based court" is no William Hague."""
    lowered = [w.lower() for w in words]
    return [h for h in hits if h.entry.kind == "role" or not (
        (h.end < len(words) and lowered[h.end] in _SPONSORED)
        or (h.start > 0 and lowered[h.start - 1] in _STANCE)
        or (h.entry.kind == "person" and h.end < len(words) and lowered[h.end] == "based"))]


# Words that make a news outlet the state's voice: "state media", "official newspaper",
# "state-run television", "government daily".
_STATE_OUTLET = {"state", "official", "government", "regime", "state-run", "state-owned",
                 "state-controlled", "government-run", "government-controlled"}


def _state_media(words: list[str], sector: str | None) -> str | None:
    if sector == "JRN" and any(w.lower() in _STATE_OUTLET for w in words):
        return "GOV"
    return sector


_KIND_ORDER = {"person": 0, "organization": 1, "party": 1, "acronym": 1, "metonym": 2,
               "country": 3, "capital": 4, "adjective": 5, "role": 6}


def _ranked(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: _KIND_ORDER.get(e.kind, 9))


# Words that start a phrase's post-modifier: the head noun comes before them
# ("newspaper based in Christian east Beirut", "rebels in Darfur", "Red Cross operating
# in Iraq"). "of" is not one: "leader of the rebels" is the rebels' leader.
_POSTMODIFIERS = {"in", "from", "near", "at", "based", "operating", "loyal", "inside",
                  "outside", "across", "throughout", "fleeing", "ordered", "who", "which",
                  "that", "with", "against"}


def _before_postmodifiers(hits: list[_Hit], words: list[str]) -> list[_Hit]:
    """The hits before the first post-modifier word, when a role noun is among them. A
    title before "of" is the head too ("Minister of Justice" is a minister, "Secretary of
    Defense" a secretary), unless it is a generic noun that takes its sector from what
    follows ("leader of the rebels")."""
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _POSTMODIFIERS),
               len(words))
    cut = min([cut] + [h.end for h in hits if h.end < len(words) and
                       words[h.end].lower() == "of" and h.entry.role is not None and
                       h.entry.role.kind in ("title", "person") and
                       h.entry.role.term not in _GENERIC_GOV_NOUNS])
    head = [h for h in hits if h.end <= cut]
    return head if any(h.entry.role is not None for h in head) else hits


def _head_role(hits: list[_Hit]) -> Role | None:
    roles = [h.entry.role for h in hits if h.entry.role is not None]
    return roles[-1] if roles else None


def _members_sector(own: str, hits: list[_Hit]) -> str:
    """The sector of a named body's people. A generic person noun ("a Hamas official",
    "Pentagon officials", "a Taliban spokesman") speaks for the body, so it takes the
    body's sector; an armed group's commanders, forces and dissidents stay the group's
    ("an al-Shabaab commander", "FARC dissidents": REB). Other roles decide ("Hamas
    government" GOV, "Hezbollah lawmakers" LEG), and so do the nouns of its leadership,
    which the PLOVER annotators code GOV ("al-Qaeda leaders")."""
    head = _head_role(hits)
    sector = _role_sector(hits)
    if head is None or sector is None or head.kind == "member":
        return own  # "Syrian Kurdish YPG": a people's name does not make the body civilian
    if head.term in _GENERIC_GOV_NOUNS and head.term not in _GOVERNING_NOUNS | _LEADING_NOUNS:
        return own
    if own == "REB" and sector in ("MIL", "OPP"):
        return own
    return sector


def _role_sector(hits: list[_Hit]) -> str | None:
    """The sector of the phrase's head role, the last role noun ("Kazakh foreign minister"),
    except that an institution named before a generic GOV person noun decides
    ("army spokesman" -> MIL, "police chief" -> COP); members of a faith or people do
    not ("Shiite-led government" is still the government)."""
    role_hits = [h for h in hits if h.entry.role is not None]
    roles = [h.entry.role for h in role_hits if h.entry.role is not None]
    if not roles:
        return None
    qualifiers = [h.entry.role for h in role_hits[:-1] if h.entry.role is not None
                  and h.entry.role.sector != "GOV" and h.entry.role.kind != "member"]
    if qualifiers and roles[-1].term in _GENERIC_GOV_NOUNS:
        return qualifiers[-1].sector  # "army spokesman", "rebel leaders", "police chief"
    if roles[-1].sector == "MIL" and qualifiers and qualifiers[-1].sector == "REB":
        return "REB"  # "a rebel commander", "militia troops": not the state's forces
    return roles[-1].sector


# Person and body nouns that take the sector of the institution named before them
# ("military rulers", "rebel government", "police authorities").
_GENERIC_GOV_NOUNS = {"leader", "spokesman", "spokeswoman", "spokesperson", "official",
                      "senior official", "chief", "head", "representative", "member",
                      "envoy", "delegation", "negotiator", "adviser", "advisor", "ruler",
                      "politician", "regime", "government", "leadership", "authority",
                      "authorities", "administration"}
# Generic nouns for a body's leadership: they keep their own sector (GOV) after a named
# body, as in the PLOVER gold ("al-Qaeda leaders" GOV).
_LEADING_NOUNS = {"leader", "leadership", "chief", "head"}
# Generic nouns that name the government itself: "a Labour government" is GOV even in a
# year Labour was out of power (the text speaks of one); the other generic nouns are a
# party's people and take its standing ("Lib Dem leader", "a Likud spokesman").
_GOVERNING_NOUNS = {"government", "administration", "regime", "ruler", "authority",
                    "authorities"}


def _chosen_parties(hits: list[_Hit], context: str | None) -> list[_Hit]:
    """One party for each party name. A name several countries' parties share ("Labour",
    "the Conservatives", "Democratic Party") means the party of the country the phrase
    names ("British Labour", "Australian Labor"), else that of the document's country
    ``context``; with neither it means no party. A phrase that names only other countries
    means none of them ("Pakistan's Law and Justice minister" is no Polish party). Either
    way the capitalised word is a party name, not the role noun it spells: "Labour
    leader" is no trade unionist."""
    spans: dict[tuple[int, int], set[str]] = {}
    for hit in hits:
        if hit.entry.party is not None:
            spans.setdefault((hit.start, hit.end), set()).add(hit.entry.party.country)
    if not spans:
        return hits
    named = {h.entry.iso3 for h in hits if h.entry.kind in _PLACE_KINDS}
    chosen = {span: _one_country(countries, named, context)
              for span, countries in spans.items()}
    return [h for h in hits if (h.start, h.end) not in spans or (
        h.entry.party is not None and h.entry.party.country == chosen[(h.start, h.end)])]


def _chosen_places(hits: list[_Hit], context: str | None) -> list[_Hit]:
    """A place name several countries hold ("Tripoli" in Libya and Lebanon) means the
    place of the document's country ``context`` when that is one of them; otherwise the
    knowledge base's first reading stands (a capital before a provincial town)."""
    spans: dict[tuple[int, int], set[str | None]] = {}
    for hit in hits:
        if hit.entry.kind in ("capital", "region"):
            spans.setdefault((hit.start, hit.end), set()).add(hit.entry.iso3)
    shared = {span for span, countries in spans.items()
              if len(countries) > 1 and context in countries}
    if not shared:
        return hits
    return [h for h in hits if (h.start, h.end) not in shared or h.entry.iso3 == context]


def _one_country(countries: set[str], named: set[str | None],
                 context: str | None) -> str | None:
    if named:
        countries = countries & named
    if len(countries) == 1:
        return next(iter(countries))
    return context if context in countries else None


def _affiliated_sector(hits: list[_Hit], when: date | None) -> str | None:
    """The head role's sector, except that a party's people take the party's standing on
    ``when``: "Lib Dem leader" in 2005 is the opposition, "a Likud spokesman" in 2010 the
    government; an office named decides instead ("Labour MPs" LEG, "Likud minister" GOV,
    "opposition Labour" OPP)."""
    sector = _role_sector(hits)
    party = next((h.entry.party for h in hits if h.entry.party is not None), None)
    if party is None:
        return sector
    head = _head_role(hits)
    if head is None or head.kind == "member" or (
            sector == "GOV" and head.term in _GENERIC_GOV_NOUNS
            and head.term not in _GOVERNING_NOUNS):
        return party.sector_on(when)  # "the pro-Kurdish HDP": a people is no office
    return sector


def _party_resolution(party: Party, hits: list[_Hit], when: date | None,
                      former: bool) -> Resolution:
    """A party or one of its people; "former Likud minister", "ex-Labour leader": ELI."""
    sector = _affiliated_sector(hits, when)
    if former and sector in ("GOV", "OPP"):
        sector = "ELI"
    return Resolution(party.name, party.country, sector, party.id, "organization")


def _people_of(words: list[str], hits: list[_Hit]) -> bool:
    """The phrase ends in a plural nationality noun ("Palestinians", "ethnic Albanians")."""
    last = [h for h in hits if h.end == len(words)]
    return bool(last) and last[-1].entry.kind == "adjective" and words[-1].endswith("s") \
        and words[-1][:1].isupper()


def _person_hit_on(person_hits: list[_Hit], when: date | None) -> _Hit | None:
    """The first person named; when several people share that exact name ("Le Pen"),
    the one in office on ``when`` (Jean-Marie in 2002, Marine in 2022)."""
    if not person_hits:
        return None
    same = [h for h in person_hits if h.start == person_hits[0].start]
    if len(same) == 1:
        return same[0]
    chosen = _prefer_in_office([h.entry.person for h in same if h.entry.person], when)
    return next((h for h in same if h.entry.person is chosen), same[0])


def _prefer_in_office(candidates: list[Person], when: date | None,
                      lone_surname: bool = False) -> Person | None:
    """Of the people a surname may mean, the one in office then, the highest office first
    ("Abbas" in 2023 is the Palestinian president, not Syria's defence minister), else
    the one who left office most recently. Nobody who only took office later: "Brown"
    in 2005 is not a general appointed in 2023. A lone surname means someone out of
    office only if they led a state or government: thousands of former ministers share
    surnames with everyone else in the news ("Collins", "Villa")."""
    in_office = [p for p in candidates if p.in_office(when)]
    if not in_office:
        if when is not None:
            candidates = [p for p in candidates if min(t.start for t in p.terms) <= when]
        if lone_surname:
            candidates = [p for p in candidates
                          if min(OFFICE_RANK.get(t.office, 9) for t in p.terms) <= 1]
        if not candidates:
            return None
        return max(candidates, key=lambda p: max(t.start for t in p.terms))
    return min(in_office, key=lambda p: (_rank_on(p, when),
                                         -max(t.start for t in p.terms).toordinal()))


def _rank_on(person: Person, when: date | None) -> int:
    terms = [t for t in person.terms if (t.covers(when) if when else t.end is None)]
    return min((OFFICE_RANK.get(t.office, 9) for t in terms), default=9)
