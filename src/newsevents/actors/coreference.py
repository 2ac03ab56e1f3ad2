"""In-document coreference for actors: "the Russian leader", "his host", "he".

A first, rule-based pass. A role phrase without a name ("the Kazakh President", "the Head
of State", "the visiting President") is linked to the most recent named person it fits
(same country when the phrase gives one; a government sector when it does not). "His
host" is the leader of the country where the meeting just named took place ("Putin met
Tokayev in Astana. His host said ..." is Tokayev), "his guest" or "visitor" the other side;
with no meeting place, "his host/counterpart" without a nationality is the most recent
person of a country other than the possessor's, the possessor being the latest person who
was a subject. Personal pronouns take the most recent person.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OTHER_PARTY_NOUNS = frozenset({"host", "counterpart", "guest", "visitor", "interlocutor"})
_GUEST_NOUNS = {"guest", "visitor"}
# How far back (in tokens) a meeting place still frames "his host": a sentence or two.
_PLACE_WINDOW = 60
# Titles that, definite and without a name, mean a particular office holder.
_LEADER_TITLES = {"president", "leader", "premier", "chancellor", "king", "queen", "emir",
                  "monarch", "sultan", "state", "minister", "head", "ruler"}
_DEFINITE = {"the", "his", "her", "their", "its", "this", "that"}


def link_coreferent_mentions(
    doc: Doc, found: list[tuple[Token, ActorMention]],
    locations: dict[int, ActorMention] | None = None,
) -> list[tuple[Token, ActorMention]]:
    """Return ``found`` with role phrases and pronouns filled from earlier named people.
    ``locations`` (token index -> place named with "in"/"at") tell where a meeting was,
    and so who hosted it."""
    people: list[ActorMention] = []  # named persons, most recent last
    subjects: list[ActorMention] = []  # people who were grammatical subjects, latest last
    places = _meeting_places(found, locations or {})
    others: list[tuple[Token, ActorMention]] = []  # countries, organisations, groups
    linked: list[tuple[Token, ActorMention]] = []
    sentence_starts: list[int] = []  # filled once, on the first "it"/"they"
    for token, mention in found:
        if mention.kind == "person":
            people.append(mention)
            if token.dep_ in _SUBJECT_DEPS:
                subjects.append(mention)
            linked.append((token, mention))
            continue
        group = mention.kind == "pronoun" and token.lower_ in _NON_PERSONAL
        if group:
            if not sentence_starts:
                sentence_starts = [sentence.start for sentence in doc.sents]
            antecedent = _group_antecedent(token, others, sentence_starts)
        elif token.lemma_.lower() in OTHER_PARTY_NOUNS:
            antecedent = _other_party(token, mention, people, subjects, places)
        else:
            antecedent = _antecedent(token, mention, people)
        if mention.kind != "pronoun" and antecedent is None:
            others.append((token, mention))
        if antecedent is not None:
            mention = replace(mention, name=antecedent.name, country=antecedent.country,
                              sector=antecedent.sector, id=antecedent.id,
                              kind="coreference")
            linked.append((token, mention))
            if not group:
                # the latest mention of a person is the most salient; "it" or "they"
                # standing for a country or group is no candidate for a later "he"
                people.append(mention)
                if token.dep_ in _SUBJECT_DEPS:
                    subjects.append(mention)
        elif mention.kind != "pronoun":
            linked.append((token, mention))
    return linked


def _antecedent(token: Token, mention: ActorMention,
                people: list[ActorMention]) -> ActorMention | None:
    if not people:
        return None
    if mention.kind == "pronoun":
        return people[-1] if token.lower_ in ("he", "she", "him", "her") else None
    lemma = token.lemma_.lower()
    if (mention.kind != "role" or mention.sector != "GOV" or _is_plural(token)
            or not _is_definite(token)
            or lemma not in _LEADER_TITLES):
        return None
    if mention.country is None:
        return people[-1] if lemma != "minister" else None
    for person in reversed(people):
        if person.country == mention.country and person.sector in ("GOV", "ELI"):
            return person
    return None


_NON_PERSONAL = {"it", "they", "them"}
_SENTENCE_WINDOW = 2


def _group_antecedent(token: Token, others: list[tuple[Token, ActorMention]],
                      sentence_starts: list[int]) -> ActorMention | None:
    """"it" -> the latest country or organisation; "they" -> the latest plural or
    coordinated group, within the last two sentences. ``sentence_starts`` are the first
    token indices of the document's sentences (``doc.sents`` walks the whole document,
    so it is read once per document, not once per pronoun)."""
    plural = token.lower_ != "it"
    here = bisect.bisect_right(sentence_starts, token.i) - 1
    window_start = sentence_starts[max(0, here - _SENTENCE_WINDOW + 1)]
    for candidate, mention in reversed(others):
        if candidate.i < window_start or candidate.i >= token.i:
            continue
        is_plural = candidate.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "conj" for c in candidate.children)
        if plural == is_plural and (plural or mention.kind in (
                "country", "organization", "metonym")):
            return mention
    return None


def _is_definite(token: Token) -> bool:
    return any(child.lower_ in _DEFINITE for child in token.children
               if child.dep_ in ("det", "poss"))


def _is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _other_party(token: Token, mention: ActorMention, people: list[ActorMention],
                 subjects: list[ActorMention],
                 places: list[tuple[int, str]]) -> ActorMention | None:
    """Who "his host", "the guest" or "his counterpart" is. The host of a meeting is the
    person of the country it took place in; the guest is the other side. Without a
    meeting place, or for a counterpart, it is the latest person of another country than
    the possessor's (or of the country the phrase names: "his Kazakh counterpart")."""
    if not people or mention.kind != "role" or _is_plural(token) or not _is_definite(token):
        return None
    if mention.country is not None:
        return next((p for p in reversed(people) if p.country == mention.country), None)
    lemma = token.lemma_.lower()
    venue = _venue_before(token, places) if lemma in _GUEST_NOUNS | {"host"} else None
    if venue is not None and any(p.country == venue for p in people):
        guest = lemma in _GUEST_NOUNS
        return next((p for p in reversed(people) if (p.country != venue) == guest), None)
    possessor = _possessor_country(token, people, subjects)
    return next((p for p in reversed(people) if p.country != possessor), None)


def _meeting_places(found: list[tuple[Token, ActorMention]],
                    locations: dict[int, ActorMention]) -> list[tuple[int, str]]:
    """(token index, country) of the places the document says things happen in ("in
    Astana") or are visited ("visited Kazakhstan", "a trip to Moscow"), in order."""
    places = {i: m.country for i, m in locations.items() if m.country}
    for token, mention in found:
        if mention.kind in ("country", "metonym") and mention.country and _visited(token):
            places[token.i] = mention.country
    return sorted(places.items())


_VISIT_LEMMAS = {"visit", "tour", "trip", "travel", "arrive", "fly", "come", "go"}


def _visited(token: Token) -> bool:
    """The object of a visit ("visited Kazakhstan") or its destination ("trip to Moscow")."""
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in _VISIT_LEMMAS
    return (token.dep_ == "pobj" and head.lower_ == "to"
            and head.head.lemma_.lower() in _VISIT_LEMMAS)


def _venue_before(token: Token, places: list[tuple[int, str]]) -> str | None:
    """The country of the latest meeting place named shortly before ``token``."""
    index = bisect.bisect_left(places, (token.i, ""))
    if index == 0:
        return None
    where, country = places[index - 1]
    return country if token.i - where <= _PLACE_WINDOW else None


def _possessor_country(token: Token, people: list[ActorMention],
                       subjects: list[ActorMention]) -> str | None:
    """Country of whoever "his"/"her" refers to: the latest person who was a subject (a
    new sentence's "his" is mostly the last sentence's subject), else the latest person."""
    if not any(child.dep_ == "poss" for child in token.children):
        return None
    return (subjects or people)[-1].country
