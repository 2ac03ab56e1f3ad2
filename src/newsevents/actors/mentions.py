"""Actor mentions in a parsed document: noun phrases and names resolved to actor codes.

Mentions are found head-first: every noun, proper noun or personal pronoun that heads a
phrase is a candidate; its phrase is the head with its left modifiers (titles, nationality
adjectives, possessors), an "of" phrase after a role noun ("President of Kazakhstan") and an
apposition ("his Kazakh counterpart, Nursultan Nazarbayev"). The events stage then looks up
the actor of any argument by its head token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from newsevents.actors.coreference import OTHER_PARTY_NOUNS, link_coreferent_mentions
from newsevents.actors.document_context import (
    document_countries,
    relocate_shared_places,
    settle_given_names,
)
from newsevents.actors.knowledge import OFFICE_RANK
from newsevents.actors.modifiers import modifier_mentions
from newsevents.actors.resolver import GIVEN_NAME_HONORIFICS, ActorResolver, Resolution
from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case",
              "punct", "npadvmod", "advmod"}
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it"}
_NUMBER_TAGS = {"NNS", "NNPS"}
_HEAD_POS = {"NOUN", "PROPN"}
_INNER_DEPS = {"compound", "amod", "poss", "nmod"}  # tokens that are part of a larger phrase


@dataclass
class DocumentActors:
    """All actor mentions of a document and an index from head token to mention."""

    mentions: list[ActorMention] = field(default_factory=list)
    by_head: dict[int, ActorMention] = field(default_factory=dict)
    modifiers: dict[int, ActorMention] = field(default_factory=dict)
    locations: dict[int, ActorMention] = field(default_factory=dict)
    context: str | None = None  # the country the document is datelined in, if known

    def at(self, token: Token) -> ActorMention | None:
        return self.by_head.get(token.i)

    def modifier_at(self, token: Token) -> ActorMention | None:
        """The nation or institution a modifier names ("Indian" in "an Indian proposal")."""
        return self.modifiers.get(token.i)

    def location_at(self, token: Token) -> ActorMention | None:
        """The country of a place named with "in"/"at" ("in Iraq"): not an actor, but the
        recipient of last resort for actions done there."""
        return self.locations.get(token.i)


def find_actor_mentions(doc: Doc, resolver: ActorResolver, when: date | None = None,
                        context: str | None = None,
                        locate: Callable[[str], str | None] | None = None,
                        namesakes: Callable[[str], set[str]] | None = None
                        ) -> DocumentActors:
    """Resolve every candidate phrase of ``doc``; link role phrases and pronouns to the
    people they stand for. ``locate`` gives the country of a town or region the knowledge
    base does not know ("in Turin" -> ITA), so that its events can be placed;
    ``namesakes`` the countries with a sizeable town of a given name ("Tripoli": LBY,
    LBN), so that a capital shared with another country's town is read in context."""
    found: list[tuple[Token, ActorMention]] = []
    pending: list[tuple[Token, Span]] = []  # "Sheikh Hamad": for the document to decide
    locations: dict[int, ActorMention] = {}
    for token in doc:
        if _is_locative(token):
            place = _place_country(token, resolver, locate)
            if place is not None:
                locations[token.i] = place
            continue
        mention = _mention_for_head(token, resolver, when, context)
        if mention is not None:
            found.append((token, mention))
        elif _after_honorific(token):
            pending.append((token, phrase_of(token, resolver)))
    modifiers = modifier_mentions(doc, resolver, when)
    found = relocate_shared_places(found, locations, resolver, context, namesakes)
    countries = document_countries(
        [m for _, m in found] + [*locations.values(), *modifiers.values()], context)
    found = settle_given_names(found, pending, resolver, when, countries)
    named = {m.country for m in (*locations.values(), *modifiers.values())} | {context}
    found = _without_stray_ministers(found, resolver, named)
    linked = link_coreferent_mentions(doc, found, locations)
    result = DocumentActors(modifiers=modifiers, locations=locations, context=context)
    for token, mention in linked:
        if mention.kind == "role" and _other_party_phrase(token) and \
                not _known_role(token, resolver):
            continue  # "the host" nobody met: a presenter, not an office holder
        result.by_head[token.i] = mention
        result.mentions.append(mention)
    return result


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "mr.",
                         "mrs.", "ms.", "dr."})


def _without_stray_ministers(found: list[tuple[Token, ActorMention]],
                             resolver: ActorResolver, named: set[str | None]
                             ) -> list[tuple[Token, ActorMention]]:
    """Drop a minister named by surname alone ("Mr Knight") when the document names
    neither the minister's country nor anything of it (``named``: the countries of its
    places, nationality words and dateline): a story about a rapper's arrest is not about
    Jamaica's foreign minister. Heads of state and government are famous enough to be
    meant by surname anywhere."""
    countries = named | {m.country for _, m in found if m.kind != "person"}
    kept = []
    for token, mention in found:
        person = resolver.kb.persons.get(mention.id or "") if mention.kind == "person" else None
        if (person is not None and mention.country not in countries
                and _surname_only(mention.text)
                and min(OFFICE_RANK.get(t.office, 9) for t in person.terms) > 1):
            continue
        kept.append((token, mention))
    return kept


def _after_honorific(token: Token) -> bool:
    """A proper noun right after a ruler's or Gulf honorific ("Sheikh Hamad")."""
    return token.pos_ == "PROPN" and token.i > 0 and \
        token.doc[token.i - 1].lower_ in GIVEN_NAME_HONORIFICS


def _surname_only(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in _HONORIFICS]
    return len(words) == 1


def phrase_of(head: Token, resolver: ActorResolver | None = None) -> Span:
    """The actor phrase headed by ``head`` (see module docstring)."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            end = max(end, _name_end(child))
        elif child.dep_ == "prep" and child.lower_ == "of" and _of_belongs(head, resolver):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "compound" and child.i == end:
            end = child.i + 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def core_of(head: Token) -> Span:
    """The head with its compound modifiers: what the phrase *is* ("Kremlin sources",
    "Vladimir Putin", "trade turnover"), as opposed to what describes it."""
    start = head.i
    for child in head.lefts:
        if child.dep_ == "compound":
            start = min(start, child.left_edge.i)
    return head.doc[start:head.i + 1]


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def core_with_of(head: Token) -> Span | None:
    """"Head of State", "Community of Independent States": a name or role whose head is
    followed by "of" and the rest of the name."""
    obj = _of_object(head)
    if obj is None:
        return None
    return head.doc[core_of(head).start:obj.i + 1]


def _name_end(appos: Token) -> int:
    """End of an apposed name, without a trailing "in Astana" the parser hung on it."""
    end = appos.i + 1
    for child in appos.rights:
        if child.dep_ in ("compound", "flat") or (child.pos_ == "PROPN" and child.i == end):
            end = child.i + 1
    return end


def _of_belongs(head: Token, resolver: ActorResolver | None) -> bool:
    """Does "of ..." belong to the actor phrase? After a role noun ("President of
    Kazakhstan") or when head + "of" + object is itself a known name."""
    if resolver is None:
        return False
    kb = resolver.kb
    if any(e.kind == "role" for e in (*kb.lookup(head.lemma_), *kb.lookup(head.text))):
        return True
    extended = core_with_of(head)
    return extended is not None and bool(kb.lookup(extended.text))


def _mention_for_head(token: Token, resolver: ActorResolver, when: date | None,
                      context: str | None) -> ActorMention | None:
    if token.is_space:
        return None
    if token.pos_ == "PRON" and token.lower_ in _PRONOUNS:
        return ActorMention(token.text, token.idx, token.idx + len(token.text), None, None,
                            None, None, kind="pronoun")
    if token.pos_ not in _HEAD_POS and not (token.pos_ == "ADJ" and token.ent_type_ == "NORP"
                                            and token.dep_ in ("nsubj", "pobj", "dobj")):
        return None
    if token.dep_ in _INNER_DEPS and token.head.pos_ in _HEAD_POS and token.head.i > token.i:
        return None  # part of the phrase its head resolves
    if _other_party_phrase(token):
        return _other_party_mention(token, resolver, when, context)
    cores = [core_of(token), core_with_of(token)]
    if not any((core is not None and resolver.kb.lookup(core.text)) or
               (core is not None and _resolve_span(core, resolver, when, context))
               for core in cores) and not _people_of_a_nation(token, resolver) \
            and not _described_role(token, resolver, when, context):
        return None  # the head itself is no actor ("trade turnover", "importance of ...")
    span = phrase_of(token, resolver)
    resolution = _resolve_span(span, resolver, when, context)
    if resolution is None:
        return None
    if resolution.kind == "country" and token.i == span.end - 1 and _people_of_a_nation(
            token, resolver):
        resolution = replace(resolution, kind="group")  # "Algerian landowners"
    if resolution.country is None and not sent_away(token):
        country = _country_from_place_phrase(token, resolver)
        if country is not None:
            resolution = replace(resolution, country=country,
                                 id=f"{country}-{resolution.sector or 'STATE'}")
    return ActorMention(span.text, span.start_char, span.end_char, resolution.name,
                        resolution.country, resolution.sector, resolution.id,
                        kind=resolution.kind)


def _described_role(token: Token, resolver: ActorResolver, when: date | None,
                    context: str | None) -> bool:
    """A role named by an adjective and its noun, which the parser may read as a
    modifier and a head rather than a compound: "the foreign secretary", "an armed
    group", "a paramilitary group", "a militant group". The pair must be a role of its
    own, or a collective noun ("group", "faction") that the adjective's role describes;
    "a military operation" is no actor."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ in ("amod", "compound") \
            and token.doc[start - 1].head.i == token.i:
        start -= 1
    for first in range(token.i - 1, start - 1, -1):  # "foreign secretary", then longer
        if any(e.kind == "role" for e in resolver.kb.lookup(token.doc[first:token.i + 1].text)):
            return True
    return start < token.i and token.lemma_.lower() in _COLLECTIVE_NOUNS and \
        _resolve_span(token.doc[start:token.i + 1], resolver, when, context) is not None


# Nouns for a body of people that an adjective can make an actor ("a militant group").
_COLLECTIVE_NOUNS = {"group", "faction", "outfit", "movement", "organisation", "organization",
                     "unit", "cell", "network", "wing", "militia", "force"}


def _other_party_phrase(token: Token) -> bool:
    """One definite other party of a meeting ("his host", "the guest", "her Kazakh
    counterpart"), with no noun before it ("the talk show host" presents a programme):
    coreference links it to a person."""
    return (token.pos_ == "NOUN" and token.tag_ not in _NUMBER_TAGS
            and token.lemma_.lower() in OTHER_PARTY_NOUNS
            and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE_WORDS
                    for c in token.children)
            and not any(c.dep_ == "compound" for c in token.children))


def _known_role(token: Token, resolver: ActorResolver) -> bool:
    """Whether the role table itself lists the noun ("counterpart"): such a mention is
    kept even when coreference finds nobody for it, as before."""
    return any(e.kind == "role" for e in resolver.kb.lookup(token.lemma_))


_DEFINITE_WORDS = {"the", "his", "her", "their", "its"}


def _other_party_mention(token: Token, resolver: ActorResolver, when: date | None,
                         context: str | None) -> ActorMention:
    """A government role mention for "his host": the role table need not list "host"
    (as a noun it mostly means a show's presenter or a host country), but the definite
    other party of a meeting is an office holder; a nationality in the phrase is kept."""
    span = phrase_of(token, resolver)
    resolution = _resolve_span(span, resolver, when, context)
    country = resolution.country if resolution is not None else None
    return ActorMention(span.text, span.start_char, span.end_char, span.text, country,
                        "GOV", f"{country or 'UNK'}-GOV", kind="role")


_LOCATIVE_PREPS = {"in", "at", "from", "near", "inside", "across", "within", "throughout",
                   "outside", "around"}


def _place_country(token: Token, resolver: ActorResolver,
                   locate: Callable[[str], str | None] | None) -> ActorMention | None:
    span = core_of(token)
    resolution = resolver.resolve(span.text)
    if resolution is not None and resolution.kind in ("country", "metonym"):
        name, country = resolution.name, resolution.country
    elif resolution is None and locate is not None and token.ent_type_ == "GPE":
        name, country = span.text, locate(span.text)
    else:
        return None
    if country is None:
        return None
    return ActorMention(span.text, span.start_char, span.end_char, name, country, None,
                        f"{country}-STATE", kind="location")


def _people_of_a_nation(token: Token, resolver: ActorResolver) -> bool:
    """"Palestinian prisoners", "Iraqi Kurds": a plural noun of people qualified by a
    nationality is an actor even when the noun itself is not in the role table."""
    if token.tag_ not in _NUMBER_TAGS:
        return False
    return any(child.dep_ in ("amod", "compound") and any(
        e.kind in ("adjective", "country") for e in resolver.kb.lookup(child.text))
        for child in token.children)


# Verbs whose object is moved to a place, so that the place says nothing about where it
# comes from: "deployed peacekeepers in Syria".
_SENDING_LEMMAS = frozenset({"deploy", "send", "dispatch", "station", "post", "fly", "move",
                             "transfer", "airlift", "evacuate", "withdraw", "pull"})


def sent_away(token: Token) -> bool:
    """Whether ``token`` is the object of a verb that sends it somewhere."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _SENDING_LEMMAS


def _country_from_place_phrase(token: Token, resolver: ActorResolver) -> str | None:
    """"students throughout Indonesia", "police in Kenya": a role's country from a place
    phrase hanging on it."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in _ROLE_PLACE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "NORP"):
                resolved = resolver.resolve(core_of(obj).text)
                if resolved is not None and resolved.country:
                    return resolved.country
    return None


_ROLE_PLACE_PREPS = {"in", "from", "of", "throughout", "across"}


def _is_locative(token: Token) -> bool:
    """A place name governed by a locative preposition ("talks in Astana")."""
    return (token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj"
            and token.head.lower_ in _LOCATIVE_PREPS)


def _last_person_name(span: Span) -> str | None:
    """The last PERSON entity inside ``span``, read from token tags (``span.ents`` rebuilds
    the document's entity list on every call, which made long documents quadratic)."""
    current: list[Token] = []
    last: list[Token] = []
    for token in span:
        if token.ent_type_ != "PERSON":
            current = []
            continue
        current = [token] if token.ent_iob_ == "B" or not current else [*current, token]
        last = current
    return span.doc[last[0].i:last[-1].i + 1].text if last else None


def _is_possessor(span: Span, person_name: str) -> bool:
    """Whether the person named in ``span`` is the possessor of its head ("Merkel's CDU"):
    then the phrase is what the person has, not the person."""
    end = span.text.rfind(person_name)
    if end < 0:
        return False
    rest = span.text[end + len(person_name):].lstrip()
    after = _POSSESSIVE_MARK.sub("", rest, count=1)
    return after != rest and bool(after.strip())


_POSSESSIVE_MARK = re.compile(r"^(?:'s|’s|'|’)")


def _resolve_span(span: Span, resolver: ActorResolver, when: date | None,
                  context: str | None) -> Resolution | None:
    person_name = _last_person_name(span)
    resolution = resolver.resolve(span.text, when, context, person_name=person_name)
    if resolution is not None and resolution.kind != "person" and person_name and \
            not _is_possessor(span, person_name):
        # "Nazarbaev" tagged ORG by the model, or a name we know only by surname
        named = resolver.person_by_name(person_name, when)
        if named is not None:
            return resolver.resolve(named.name, when, context)
    return resolution
