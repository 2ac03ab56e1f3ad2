"""Finding toponyms in a parsed document: which spans name places, and which only hint.

The small English model labels most place names GPE/LOC/FAC, but also files many under
ORG or PERSON ("Akorda", "Ohio", "Gainesville", "Dombarovsky district"). An ORG/PERSON span
is taken as a place only with evidence: a locative preposition before it ("in the Akorda
residence"), a place noun after it ("Dombarovsky district"), a containing place after a
comma ("Charleston, W.Va."), the same name used as a place elsewhere in the document, or
(for ORG) being a country or state name. Nationality adjectives (NORP) are never places;
they are returned as context countries.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.places.gazetteer import Gazetteer, GazetteerEntry
from newsevents.places.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_GUARDED_LABELS = {"ORG", "PERSON"}
LOCATIVE = {"in", "at", "near", "from", "outside", "across", "into", "throughout", "around",
            "toward", "towards", "inside", "via", "through"}
PLACE_NOUNS = {"region", "province", "district", "oblast", "state", "city", "town",
               "village", "area", "municipality", "prefecture", "governorate", "county",
               "parish", "territory", "republic", "island", "valley", "residence"}
# Words that open organisation names and are also the names of small towns.
INSTITUTION_WORDS = {"university", "supreme", "police", "naval", "commerce", "national",
                     "federal", "state", "city", "county", "central", "united", "royal",
                     "general", "public", "community", "first", "union", "independent",
                     "democratic", "republican", "liberty", "freedom", "victory", "unity",
                     "progress", "hope", "justice", "security", "defense", "energy", "health",
                     "mercy", "providence", "trinity", "christian", "catholic", "baptist",
                     "methodist", "islamic", "college", "school", "academy", "institute",
                     "bank", "farmers", "citizens", "peoples", "people", "home", "family"}
# Nouns whose "of" phrase names a place ("the beaches of", "the mayor of").
PLACE_PARTS = {"beach", "street", "outskirts", "resident", "people", "city", "town", "village",
               "suburb", "center", "centre", "mayor", "governor", "province", "region",
               "district", "port", "capital", "north", "south", "east", "west", "part",
               "area", "heart", "edge", "citizen", "population", "neighbourhood",
               "neighborhood", "coast", "shore", "border"}
_LEADING = re.compile(r"^(?:the |(?:city|town|village|region|province|state|republic) of )+",
                      re.IGNORECASE)
_TRAILING = re.compile(r"(?: (?:region|province|district|oblast|area|municipality|"
                       r"governorate|prefecture|territory|city|town|village|presidential "
                       r"residence|residence))+$", re.IGNORECASE)


@dataclass
class Toponym:
    """A place name in the text with its gazetteer candidates. ``container`` is the index
    of a toponym right after it that contains it ("Charleston" <- "W.Va.")."""

    text: str
    start: int
    end: int
    candidates: list[GazetteerEntry]
    container: int | None = None

    @property
    def key(self) -> str:
        return name_key(self.text)


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Toponym], list[str]]:
    """Toponyms of ``doc`` in text order, and the countries its demonyms point to."""
    demonyms: list[str] = []
    found: list[Toponym] = []
    guarded: list[tuple[Span, Toponym]] = []
    for ent in doc.ents:
        if ent.label_ == "NORP" or ent.label_ in _GUARDED_LABELS:
            country = gazetteer.demonym(ent.text)
            if country:
                demonyms.append(country)
                continue
        if ent.label_ in PLACE_LABELS:
            found += _pieces(ent, gazetteer, loose=ent.label_ != "FAC")
        elif ent.label_ in _GUARDED_LABELS:
            pieces = _pieces(ent, gazetteer, loose=False)
            guarded += [(ent, t) for t in pieces]
            if not pieces and ent.label_ == "ORG":
                found += _inside_name(ent, gazetteer)
    found += _datelines(doc.text, gazetteer, found)
    place_keys = {t.key for t in found}
    areas = {t.candidates[0].admin1 for t in found if t.candidates[0].admin1}
    text = doc.text
    for ent, toponym in guarded:
        if toponym.key in place_keys or _place_evidence(ent, toponym, text, gazetteer) or (
                _near_other_places(ent, toponym, areas)):
            found.append(toponym)
    found.sort(key=lambda t: t.start)
    _link_containers(found, text)
    return found, demonyms


def _near_other_places(ent: Span, toponym: Toponym, areas: set[str]) -> bool:
    """A town in a state the document already names ("Gainesville" among Georgia places),
    unless the span acts like a person (a subject, an owner, an apposition)."""
    if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos"):
        return False
    return any(c.feature == "city" and c.main_name and c.admin1 in areas
               for c in toponym.candidates)


def _inside_name(ent: Span, gazetteer: Gazetteer) -> list[Toponym]:
    """The place an organisation is named after: its opening words ("Gainesville Police
    Department", "the Ohio Department of Development") or the words after "of"/"in"
    ("University of Rochester", "Lutheran School in Lombard")."""
    tokens = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
    starts = [0] + [i + 1 for i, t in enumerate(tokens) if t.lower_ in ("of", "in")]
    found = []
    for start in starts:
        for length in (3, 2, 1):
            words = tokens[start:start + length]
            if len(words) < length or not all(w.is_title or w.is_upper for w in words):
                continue
            phrase = ent.doc[words[0].i:words[-1].i + 1]
            if ((phrase.end == ent.end and start == 0) or gazetteer.demonym(phrase.text)
                    or phrase.text.lower() in INSTITUTION_WORDS):
                continue  # the whole name, a nationality, a word like "Supreme" or "Naval"
            candidates = [c for c in gazetteer.candidates(phrase.text) if c.feature != "city"
                          or (c.main_name and c.population >= 1000)]
            if candidates:
                found.append(Toponym(phrase.text, phrase.start_char, phrase.end_char,
                                     candidates))
                break
    return found


_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})"
                       r"(?:, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?\s*(?:\(|—|–|--?\s|:)",
                       re.MULTILINE)


def _datelines(text: str, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """Wire datelines ("MANSFIELD —", "CHARLESTON, W.Va. (AP) -") that the model, reading
    capitals, did not label."""
    taken = [(t.start, t.end) for t in found]
    datelines = []
    for match in _DATELINE.finditer(text):
        for group in (1, 2):
            if match[group] and not any(s < match.end(group) and match.start(group) < e
                                        for s, e in taken):
                toponym = lookup(match[group], match.start(group), gazetteer, loose=False)
                if toponym is not None:
                    datelines.append(toponym)
    return datelines


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
    forms = [re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)]
    core = _TRAILING.sub("", _LEADING.sub("", forms[0]))
    if core and core != forms[0]:
        forms.append(core)
    for form in forms:
        candidates = gazetteer.candidates(form)
        if candidates:
            at = start + text.find(form)
            return Toponym(form, at, at + len(form), candidates)
    if loose:
        candidates = gazetteer.loose_candidates(forms[-1])
        if candidates:
            at = start + text.find(forms[-1])
            return Toponym(forms[-1], at, at + len(forms[-1]), candidates)
    return None


def _place_evidence(ent: Span, toponym: Toponym, text: str, gazetteer: Gazetteer) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "DET" and ent.start > 1:
        before = doc[ent.start - 2]
    if before is not None and (before.lower_ in LOCATIVE or (
            before.lower_ == "to" and before.head.pos_ == "VERB") or (
            before.lower_ == "of" and before.head.lemma_.lower() in PLACE_PARTS)):
        return True  # "in Sochi", "flew to Sochi", "the outskirts of Sochi"
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True
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
