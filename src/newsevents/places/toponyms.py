"""Finding toponyms in a parsed document: which spans name places, and which only hint.

The small English model labels most place names GPE/LOC/FAC, but also files many under
ORG or PERSON ("Akorda", "Ohio", "Gainesville", "Dombarovsky district"). An ORG/PERSON span
is taken as a place only with evidence: a locative preposition before it ("in the Akorda
residence"), a place noun after it ("Dombarovsky district"), a resident noun after it
("an Alexandria woman", "Joliet police"), an address before it ("of 420 Augusta St.,
Alexandria"), a containing place after a comma ("Charleston, W.Va."), the same name used
as a place elsewhere in the document, or (for ORG) being a country or state name; a
possessive ("Henry’s") marks a person or firm. Capitalised names the model left unlabelled
need the same evidence; datelines and party tags are found by :mod:`patterns`.
Nationality adjectives (NORP) are never places; they are returned as context countries.

A name is looked up whole, then without "the", a possessive, "city of" or a trailing place
noun ("Hamilton Township"), then as the town or state under a compass word ("Northeast
Georgia"). A place's name is never broken up when it ends in a street, water or park word
("Darby Street" is not in Darby).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.language_model import document_text
from newsevents.places.gazetteer import Gazetteer, GazetteerEntry
from newsevents.places.hints import set_feature_hints
from newsevents.places.names import name_key
from newsevents.places.patterns import county_spans, dateline_spans, party_home_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_GUARDED_LABELS = {"ORG", "PERSON"}
LOCATIVE = {"in", "at", "near", "from", "outside", "across", "into", "throughout", "around",
            "toward", "towards", "inside", "via", "through"}
PLACE_NOUNS = {"region", "province", "district", "oblast", "state", "city", "town",
               "village", "area", "municipality", "prefecture", "governorate", "county",
               "parish", "territory", "republic", "island", "valley", "residence"}
# Nouns after a town's name that make it a place: its people and its services.
RESIDENT_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "teen",
                  "teenager", "boy", "girl", "couple", "family", "parents", "mayor", "police",
                  "firefighters", "officials", "voters", "schools", "homeowners"}
_AFTER_ADDRESS = re.compile(r"\b(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Lane|Ln|Blvd|"
                            r"Boulevard|Way|Court|Ct)\.?,\s*$")
# Verbs whose subject is a person: "Hopkins said" is the mayor, not the town.
SPEECH_VERBS = {"say", "tell", "add", "note", "explain", "ask", "state", "write", "recall"}
# Words that open organisation names and are also the names of small towns.
INSTITUTION_WORDS = {"university", "supreme", "police", "naval", "commerce", "national",
                     "federal", "state", "city", "county", "central", "united", "royal",
                     "general", "public", "community", "first", "union", "independent",
                     "democratic", "republican", "liberty", "freedom", "victory", "unity",
                     "progress", "hope", "justice", "security", "defense", "energy", "health",
                     "mercy", "providence", "trinity", "christian", "catholic", "baptist",
                     "methodist", "islamic", "college", "school", "academy", "institute",
                     "bank", "farmers", "citizens", "peoples", "people", "home", "family"}
# Last words of names of streets, waters, parks and buildings: "Darby Street" is not in
# the town of Darby, so such a name is never broken up to find a place inside it.
FEATURE_TAILS = {"street", "st.", "road", "rd.", "avenue", "ave.", "drive", "dr.", "boulevard",
                 "blvd.", "lane", "way", "highway", "parkway", "pkwy.", "trail", "route", "pike",
                 "river", "creek", "lake", "pond", "bay", "sea", "valley", "park", "forest",
                 "wilderness", "mountain", "mountains", "hill", "hills", "island", "islands",
                 "farm", "farms", "stadium", "conference", "airport", "bridge", "dam", "canyon",
                 "beach", "preserve", "memorial", "cemetery", "mall", "plaza", "square",
                 "center", "centre", "arena", "circle", "place", "terrace",
                 "sound", "gulf", "strait", "falls", "springs", "heights", "station", "freeway",
                 "expressway", "harbor", "harbour", "woods", "field", "ranch"}
# Nouns whose "of" phrase names a place ("the beaches of", "the mayor of").
PLACE_PARTS = {"beach", "street", "outskirts", "resident", "people", "city", "town", "village",
               "suburb", "center", "centre", "mayor", "governor", "province", "region",
               "district", "port", "capital", "north", "south", "east", "west", "part",
               "area", "heart", "edge", "citizen", "population", "neighbourhood",
               "neighborhood", "coast", "shore", "border"}
_LEADING = re.compile(r"^(?:the |(?:city|town|village|region|province|state|republic) of )+",
                      re.IGNORECASE)
# A part of a town or state ("Northeast Georgia", "South Los Angeles"). Only a town or
# state is taken from under it: "West Midlands" and "Western Europe" are regions of their
# own, not parts of the hamlet Midlands or of Europe.
_DIRECTION = re.compile(r"^(?:(?:north|south|east|west|north-?east|north-?west|south-?east|"
                        r"south-?west|central|northern|southern|eastern|western|downtown|"
                        r"historic|greater|upstate|downstate|rural|metro) )+", re.IGNORECASE)
_PART_OF = {"city", "admin1", "admin2"}
_BROAD = {"region", "water", "landmark"}
_PART_OF_TOWN_POPULATION = 10_000
_POSSESSIVE = re.compile(r"[’']s?$")
_TRAILING = re.compile(r"(?: (?:region|province|district|oblast|area|municipality|"
                       r"governorate|prefecture|territory|city|town|township|twp\.?|"
                       r"village|presidential residence|residence))+$", re.IGNORECASE)


@dataclass
class Toponym:
    """A place name in the text with its gazetteer candidates. ``container`` is the index
    of a toponym right after it that contains it ("Charleston" <- "W.Va.")."""

    text: str
    start: int
    end: int
    candidates: list[GazetteerEntry]
    container: int | None = None
    feature_hint: str | None = None  # "admin1" for "Washington state" (see ``hints``)

    @property
    def key(self) -> str:
        return name_key(self.text)


@dataclass(frozen=True)
class Demonym:
    """A nationality word in the text ("Russian", "Palestinians") and its country."""

    text: str
    start: int
    end: int
    country: str  # ISO3


def _adjectival(ent: Span) -> bool:
    """A place-labelled word used as an adjective before a common noun ("the Kazakh
    capital", "Iraqi forces"): a demonym, which gives context but is not a place."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (len(ent) == 1 and following is not None and following.is_lower
            and following.pos_ in ("NOUN", "ADJ"))


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Toponym], list[Demonym]]:
    """Toponyms of ``doc`` in text order, and its nationality words with their countries."""
    demonyms: list[Demonym] = []
    found: list[Toponym] = []
    guarded: list[tuple[Span, Toponym]] = []
    for ent in doc.ents:
        if ent.label_ == "NORP" or ent.label_ in _GUARDED_LABELS or _adjectival(ent):
            country = gazetteer.demonym(ent.text)
            if country:
                demonyms.append(Demonym(ent.text, ent.start_char, ent.end_char, country))
                continue
        if ent.label_ in PLACE_LABELS:
            pieces = _pieces(ent, gazetteer, loose=ent.label_ != "FAC")
            found += pieces or _inside_name(ent, gazetteer, towns_only=True)
        elif ent.label_ in _GUARDED_LABELS and not _POSSESSIVE.search(ent.text):
            # "Henry’s arrest": a person's or a firm's possessive, not a place
            pieces = _pieces(ent, gazetteer, loose=False)
            guarded += [(ent, t) for t in pieces]
            if not pieces and ent.label_ == "ORG":
                found += _inside_name(ent, gazetteer)
    text = document_text(doc)
    found += _patterned(text, gazetteer, found)
    found = _with_counties(text, gazetteer, found)
    place_keys = {t.key for t in found}
    found += _unlabelled(doc, gazetteer, found, place_keys)
    areas = {t.candidates[0].admin1 for t in found if t.candidates[0].admin1}
    for ent, toponym in guarded:
        if any(t.start < toponym.end and toponym.start < t.end for t in found):
            continue  # inside a county already found ("Boone County Sheriff")
        if toponym.key in place_keys or _place_evidence(ent, toponym, text, gazetteer) or (
                _near_other_places(ent, toponym, areas)):
            found.append(toponym)
    found.sort(key=lambda t: t.start)
    _link_containers(found, text)
    set_feature_hints(found, text)
    return found, demonyms


def _near_other_places(ent: Span, toponym: Toponym, areas: set[str]) -> bool:
    """A town in a state the document already names ("Gainesville" among Georgia places),
    unless the span acts like a person (a subject, an owner, an apposition)."""
    if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos"):
        return False
    return any(c.feature == "city" and c.main_name and c.admin1 in areas
               for c in toponym.candidates)


def _inside_name(ent: Span, gazetteer: Gazetteer, towns_only: bool = False) -> list[Toponym]:
    """The place an organisation is named after: its opening words ("Gainesville Police
    Department", "the Ohio Department of Development") or the words after "of"/"in"
    ("University of Rochester", "Lutheran School in Lombard"). Inside a place's own name
    (``towns_only``) an opening region or sea is part of a bigger name ("Pacific
    Northwest"), so only towns, states and counties count there."""
    tokens = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
    if not tokens or tokens[-1].lower_ in FEATURE_TAILS:
        return []
    starts = [0] + [i + 1 for i, t in enumerate(tokens) if t.lower_ in ("of", "in")]
    found = []
    for start in starts:
        for length in (3, 2, 1):
            words = tokens[start:start + length]
            # "McLean", "DeKalb": capitalised though not title-case
            if len(words) < length or not all(w.text[:1].isupper() for w in words):
                continue
            phrase = ent.doc[words[0].i:words[-1].i + 1]
            if ((phrase.end == ent.end and start == 0) or gazetteer.demonym(phrase.text)
                    or phrase.text.lower() in INSTITUTION_WORDS
                    or _DIRECTION.fullmatch(phrase.text + " ")):
                continue  # the whole name, a nationality, "Supreme", "Naval" or "West"
            candidates = [c for c in gazetteer.candidates(phrase.text) if (
                c.feature != "city" or (c.main_name and c.population >= 1000)) and not (
                towns_only and c.feature in _BROAD)]
            if candidates:
                found.append(Toponym(phrase.text, phrase.start_char, phrase.end_char,
                                     candidates))
                break
    return found


def _unlabelled(doc: Doc, gazetteer: Gazetteer, found: list[Toponym],
                place_keys: set[str]) -> list[Toponym]:
    """Capitalised names outside every entity that read as places: after a locative
    preposition ("in Fargo") or before a place or resident noun ("Hounslow resident",
    "Grand Prairie police") — the model leaves many local town names unlabelled."""
    taken = [(t.start, t.end) for t in found]
    runs: list[list] = []
    for token in doc:
        if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    places = []
    for run in runs:
        span = doc[run[0].i:run[-1].i + 1]
        if len(run) > 3 or any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if not (before in LOCATIVE or after in PLACE_NOUNS or after in RESIDENT_NOUNS
                or (name_key(span.text) in place_keys and _standalone(span))):
            continue
        candidates = [c for c in gazetteer.candidates(span.text) if c.main_name and (
            c.feature != "city" or c.population >= 1000)]
        if candidates:
            places.append(Toponym(span.text, span.start_char, span.end_char, candidates))
    return places


def _standalone(span: Span) -> bool:
    """A name standing on its own as a place: not glued into a compound ("Ebola-Reston",
    "$US"), not quoted as a title ("the \"Thomas\" brand"), not the start of a longer
    name ("Goshen Elementary"), not a speaker ("Hopkins said")."""
    text = document_text(span.doc)
    before = text[span.start_char - 1:span.start_char]
    after = text[span.end_char:span.end_char + 1]
    if before in ('-', '$', '"', '“', '‘', "'") or after in ('-', '"', '”', '’'):
        return False
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.text[:1].isupper():
        return False
    return not (span.root.dep_ in ("nsubj", "compound")
                and span.root.head.lemma_.lower() in SPEECH_VERBS)


def _patterned(text: str, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """Datelines ("MANSFIELD —", "CHARLESTON, W.Va. (AP) -") and party home towns
    ("D-Oakland") that the model, reading capitals and tags, did not label."""
    taken = [(t.start, t.end) for t in found]
    patterned = []
    for start, end in itertools.chain(dateline_spans(text), party_home_spans(text)):
        if not any(s < end and start < e for s, e in taken):
            toponym = lookup(text[start:end], start, gazetteer, loose=False)
            if toponym is not None:
                patterned.append(toponym)
                taken.append((start, end))
    return patterned


def _with_counties(text: str, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """``found`` with every "X County"/"X Parish" the gazetteer knows, wherever the model
    put it (a town toponym inside it gives way: "Madison" in "Madison County")."""
    for spans in county_spans(text):
        for start, end in spans:
            candidates = [c for c in gazetteer.candidates(text[start:end])
                          if c.feature == "admin2" and c.main_name]
            if not candidates:
                continue
            inside = [t for t in found if start <= t.start and t.end <= end]
            if not any(t.start < end and start < t.end and t not in inside for t in found):
                found = [t for t in found if t not in inside]
                found.append(Toponym(text[start:end], start, end, candidates))
            break
    return found


def _pieces(ent: Span, gazetteer: Gazetteer, loose: bool) -> list[Toponym]:
    """An entity may list a place and its container ("Charleston, W.Va."): each part is a
    toponym, looked up whole, then without "the", "city of" or a trailing place noun."""
    pieces = []
    offset = ent.start_char
    for part in re.split(r"(,\s*)", ent.text):
        if part.strip() and not part.startswith(","):
            toponym = lookup(part, offset, gazetteer, loose)
            if toponym is not None:
                pieces.append(toponym)
        offset += len(part)
    return pieces


def lookup(text: str, start: int, gazetteer: Gazetteer, loose: bool = True) -> Toponym | None:
    """The toponym in ``text`` (at ``start``) with its candidates, or None if no form of
    the name is in the gazetteer."""
    forms = [_POSSESSIVE.sub("", re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE))]
    if forms[0].islower():
        return None  # "the metro": a common noun
    core = _TRAILING.sub("", _LEADING.sub("", forms[0]))
    if core and core != forms[0] and core.split()[-1].lower() not in FEATURE_TAILS:
        forms.append(core)
    for form in forms:
        candidates = gazetteer.candidates(form)
        if candidates:
            at = start + text.find(form)
            return Toponym(form, at, at + len(form), candidates)
    part = _DIRECTION.sub("", forms[-1])
    candidates = [c for c in gazetteer.candidates(part) if c.main_name and c.feature in _PART_OF
                  and (c.feature != "city" or c.population >= _PART_OF_TOWN_POPULATION)]
    if part != forms[-1] and candidates:
        at = start + text.find(part)
        return Toponym(part, at, at + len(part), candidates)
    if loose:
        candidates = gazetteer.loose_candidates(forms[-1])
        if candidates:
            at = start + text.find(forms[-1])
            return Toponym(forms[-1], at, at + len(forms[-1]), candidates)
    return None


def _place_evidence(ent: Span, toponym: Toponym, text: str, gazetteer: Gazetteer) -> bool:
    doc = ent.doc
    own_name = any(c.main_name for c in toponym.candidates)
    if not own_name and ent.text.isupper() and len(ent.text) <= 4:
        return False  # "DOH officials": an acronym that is only some town's alias
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "DET" and ent.start > 1:
        before = doc[ent.start - 2]
    if before is not None and (before.lower_ in LOCATIVE or (
            before.lower_ == "to" and before.head.pos_ == "VERB") or (
            before.lower_ == "of" and before.head.lemma_.lower() in PLACE_PARTS)):
        return True  # "in Sochi", "flew to Sochi", "the outskirts of Sochi"
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True  # "Dombarovsky district"
    if own_name and ((after is not None and after.lower_ in RESIDENT_NOUNS) or
                     _AFTER_ADDRESS.search(text[max(0, ent.start_char - 30):ent.start_char])):
        return True  # "an Alexandria woman", "Joliet police", "of 420 Augusta St., Alexandria"
    if re.match(r",\s*[A-Z]", text[ent.end_char:ent.end_char + 3]):
        following = text[ent.end_char:].lstrip(", ").split(",")[0].split("\n")[0]
        if any(c.feature in ("admin1", "country") for c in
               gazetteer.candidates(" ".join(following.split()[:2]))):
            return True
    top = toponym.candidates[0]
    if top.feature == "admin2":  # a whole "Rapides Parish" or "Laurel County"
        return True
    # the model often files a bare country or state name as an organisation ("U.S.")
    return ent.label_ == "ORG" and top.feature in ("country", "admin1")


def _link_containers(toponyms: list[Toponym], text: str) -> None:
    for index, (inner, outer) in enumerate(itertools.pairwise(toponyms)):
        between = text[inner.end:outer.start]
        if between.strip() == "," and any(c.feature in ("admin1", "country")
                                          for c in outer.candidates):
            inner.container = index + 1
