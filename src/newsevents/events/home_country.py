"""The country of an actor the text names only by its role: "prisoners", "Islamic
fundamentalists", "a terror group", "workers".

Event coders, and the analysts who count events per country, place such an actor where
the text places it. Dropping it instead loses the protests, strikes and riots that name no
nationality. The sources, in order of how directly they speak about the actor:

1. its own phrase: "a terror group based in Trinidad", "workers affiliated with the
   Serbian Workers' Union";
2. where its clause happens: "prisoners rioted at a jail in East Timor's capital Dili";
3. the one country its sentence names, leaving out what the sentence is against:
   "fundamentalists ... demand the resignation of Algerian President Ben Bella" (but not
   "students marched against the Israeli offensive");
4. the country of the dateline.

An ethnic group is placed the same way ("ethnic Albanians demonstrated in Serbia" are
coded SRB, as CAMEO and PLOVER code residents by their country).

With none of these (or two countries in the sentence and no dateline) the actor stays
unplaced, and an event that needs it is dropped as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.actors.mentions import DocumentActors, sent_away
from newsevents.events.ontology import is_state_code
from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

_BORROWED_KINDS = frozenset({"pronoun", "coreference", "implicit"})
_PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})
_PARTICIPLES = frozenset({"base", "station", "headquarter", "locate", "affiliate", "operate",
                          "link", "active"})
_AFFILIATION_PREPS = frozenset({"with", "to"})


def home_country(head: Token, phrase: ActorMention, actors: DocumentActors) -> str | None:
    """The country of ``phrase``, the role phrase headed by ``head``, or None (see module
    docstring)."""
    return (_from_own_phrase(head, actors) or _from_clause_place(head, actors)
            or _sole_country_of_sentence(head, phrase, actors) or actors.context)


def is_ethnic(phrase: ActorMention) -> bool:
    """"Ethnic Albanians", "ethnic Serb civilians": coded to the country they live in, which
    the text around them says, not to the nation their name comes from."""
    return "ethnic" in phrase.text.lower().split()


def _country_at(token: Token, actors: DocumentActors) -> str | None:
    """The country a place or actor token names ("Dili", "Trinidad", "the Union"); not
    one a pronoun or role phrase only borrowed from an earlier mention."""
    for found in (actors.location_at(token), actors.at(token), actors.modifier_at(token)):
        if (found is not None and is_state_code(found.country)
                and found.kind not in _BORROWED_KINDS):
            return found.country
    return None


def _place_objects(token: Token, depth: int = 2) -> list[Token]:
    """Objects of ``token``'s place phrases, and of place phrases inside those ("at a
    jail in Dili")."""
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                found.append(obj)
                if depth > 1:
                    found.extend(_place_objects(obj, depth - 1))
    return found


def _from_own_phrase(head: Token, actors: DocumentActors) -> str | None:
    for participle in head.children:
        if participle.dep_ not in ("acl", "amod") or participle.lemma_.lower() not in _PARTICIPLES:
            continue
        for prep in participle.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ in _PLACE_PREPS or prep.lower_ in _AFFILIATION_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (country := _country_at(obj, actors)):
                        return country
    if sent_away(head):
        return None  # "deployed peacekeepers in Syria": they come from elsewhere
    for obj in _place_objects(head, depth=1):
        if country := _country_at(obj, actors):
            return country  # "students in Jakarta"
    return None


def _from_clause_place(head: Token, actors: DocumentActors) -> str | None:
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if sent_away(head):
        return None
    for obj in _place_objects(verb):
        if country := _country_at(obj, actors):
            return country
    return None


def _sole_country_of_sentence(head: Token, phrase: ActorMention,
                              actors: DocumentActors) -> str | None:
    countries: set[str] = set()
    for token in head.sent:
        if phrase.start <= token.idx < phrase.end or _under_against(token):
            continue
        if country := _country_at(token, actors):
            countries.add(country)
    return countries.pop() if len(countries) == 1 else None


def _under_against(token: Token) -> bool:
    """Whether ``token`` sits inside an "against ..." phrase: what a protest or an attack
    is aimed at says nothing about who carries it out."""
    node = token
    for _ in range(6):
        if node.dep_ == "prep" and node.lower_ == "against":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
