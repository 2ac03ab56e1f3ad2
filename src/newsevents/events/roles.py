"""Who did it and to whom: actor and recipient of a trigger, read from the parse.

Verbs: the subject is the actor (the "by" agent in a passive, whose subject is then the
recipient); the direct object or the object of "with"/"to"/"against"/"on"/"at" is the
recipient. A verb without a subject borrows the subject of the clause it hangs from
("agreed to meet", "said ..., meeting with"). Nouns: possessor or "by" phrase is the actor,
"with"/"to"/"against" the recipient, "between X and Y" both; a noun that is the object of a
light verb ("held talks", "imposed sanctions") takes the light verb's subject.
Coordinated arguments are all kept ("Putin and Nazarbayev").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsevents.actors.mentions import DocumentActors
from newsevents.actors.modifiers import coordinated_nationalities
from newsevents.events.home_country import home_country, is_ethnic
from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Passive forms that describe the subject's own stance, not something done to it.
_STATIVE_PASSIVES = {"commit", "prepare", "determine", "dedicate", "resolve", "devote"}
_RECIPIENT_PREPS = ("with", "against", "to", "on", "at", "toward", "towards", "from", "for",
                    "of", "into", "over")
_SUBJECT_BORROWING_DEPS = {"xcomp", "advcl", "conj", "acl", "pcomp"}


@dataclass
class Roles:
    actor: list[ActorMention] = field(default_factory=list)
    recipient: list[ActorMention] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    passive: bool = False
    inferred_recipient: bool = False  # from the content or place, not an argument

    @property
    def empty(self) -> bool:
        return not self.actor and not self.recipient


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Putin and Nazarbayev")."""
    result = [token]
    for child in token.children:
        if child.dep_ == "conj":
            result.extend(_with_conjuncts(child))
    return result


def _actors_at(tokens: list[Token], actors: DocumentActors) -> list[ActorMention]:
    found: list[ActorMention] = []
    for token in tokens:
        group: list[ActorMention] = []
        for head in _with_conjuncts(token):
            mention = actors.at(head)
            if mention is None:
                # "President of Kazakhstan X": the person is inside the phrase
                mention = (_nested_person(head, actors) or _of_chain(head, actors)
                           or _subject_of_participle(head, actors))
            if mention is not None and mention.country is None and mention.sector and group:
                # "Israeli helicopters and tanks": the nationality covers both
                mention = replace(mention, country=group[0].country,
                                  id=f"{group[0].country}-{mention.sector}")
            elif mention is not None and mention.sector and (
                    mention.country is None or is_ethnic(mention)):
                # "prisoners rioted at a jail in Dili": placed by the text around it
                country = home_country(head, mention, actors)
                if country is not None:
                    mention = replace(mention, country=country,
                                      id=f"{country}-{mention.sector}")
            if mention is not None and mention.country is not None:
                group.append(mention)
                group.extend(_coordinated_variants(head, mention, actors))
        found.extend(group)
    return _unique(found)


def _coordinated_variants(head: Token, mention: ActorMention,
                          actors: DocumentActors) -> list[ActorMention]:
    """"Hungarian and Romanian officials" -> HUN GOV and ROU GOV."""
    nations = coordinated_nationalities(head, actors.modifiers)
    return [replace(mention, country=nation.country,
                    id=f"{nation.country}-{mention.sector or 'STATE'}")
            for nation in nations if nation.country != mention.country]


def _modifier_actors(noun: Token, actors: DocumentActors) -> list[ActorMention]:
    """Whose proposal, whose efforts: "an Indian proposal", "Haiti's efforts",
    "an admission by Moscow"."""
    found = [m for child in noun.children if child.dep_ in ("poss", "amod", "compound", "nmod")
             if (m := actors.modifier_at(child)) is not None]
    for _, obj in _prep_objects(noun, ("by", "from", "of")):
        found.extend(_actors_at([obj], actors))
    return _unique([m for m in found if m.country])


def _of_chain(head: Token, actors: DocumentActors, depth: int = 2) -> ActorMention | None:
    """"the summit of heads of state of the CIS" -> the CIS."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = actors.at(obj)
                    if found is None and depth > 1:
                        found = _of_chain(obj, actors, depth - 1)
                    if found is not None:
                        return found
    return None


def _subject_of_participle(head: Token, actors: DocumentActors) -> ActorMention | None:
    """"The Red Cross operating in Iraq said": the parser may make the participle the
    subject and hang the real subject under it."""
    if head.pos_ != "VERB" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for child in _children(head, "nsubj"):
        mention = actors.at(child)
        if mention is not None:
            return mention
    return None


def _nested_person(head: Token, actors: DocumentActors) -> ActorMention | None:
    for child in head.children:
        if child.dep_ in ("appos", "prep"):
            for grandchild in [child, *child.children]:
                mention = actors.at(grandchild)
                if mention is not None and mention.kind in ("person", "coreference"):
                    return mention
    return None


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor; an unnamed role ("his Russian counterpart") that a named
    person of the same country and sector in the same list already covers is dropped."""
    named = {(m.country, m.sector) for m in mentions if m.kind in ("person", "coreference")}
    seen: set[str] = set()
    result = []
    for mention in mentions:
        key = mention.id or mention.text
        if key in seen or (mention.kind == "role" and (mention.country, mention.sector)
                           in named):
            continue
        seen.add(key)
        result.append(mention)
    return result


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of ``token``, also under a particle ("kidnapped up to
    16 advisers": the parser hangs "to" on "up")."""
    result = []
    heads = [token, *_children(token, "prt")]
    for prep in [p for head in heads for p in _children(head, "prep", "dative", "agent")]:
        if prep.lower_ in preps or prep.dep_ == "dative":
            result.extend((prep.lower_, obj) for obj in _children(prep, "pobj", "pcomp"))
            if prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN", "PRON"):
                result.append(("dative", prep))
    return result


def verb_roles(verb: Token, actors: DocumentActors) -> Roles:
    """Actor and recipient of a verbal trigger."""
    passive = bool(_children(verb, "nsubjpass", "auxpass"))
    roles = Roles(passive=passive)
    subjects = _children(verb, "nsubj", "nsubjpass")
    agents = [obj for prep in _children(verb, "agent") for obj in _children(prep, "pobj")]
    if passive and not agents and verb.lemma_.lower() in _STATIVE_PASSIVES:
        passive = roles.passive = False  # "Vietnam is committed to opening up": it acts
    if passive:
        roles.actor = _actors_at(agents, actors)
        roles.recipient = _actors_at(_children(verb, "nsubjpass"), actors) or [
            # "a camp for Congolese refugees was attacked"
            m for subject in _children(verb, "nsubjpass")
            for m in _directed_at(subject, roles, actors)]
        if roles.actor:
            roles.evidence.append("passive 'by' agent")
    else:
        roles.actor = _actors_at(subjects, actors)
        if roles.actor:
            roles.evidence.append("nsubj")
    if not roles.actor and not passive:
        borrowed = _borrowed_subject(verb, actors)
        if borrowed:
            roles.actor = borrowed
            roles.evidence.append(f"subject of governing '{verb.head.lemma_}'")
    if not roles.recipient:
        roles.recipient = _actors_at(_children(verb, "dobj", "dative"), actors)
        if roles.recipient:
            roles.evidence.append("dobj")
    if not roles.recipient:
        for prep, obj in _prep_objects(verb, _RECIPIENT_PREPS):
            found = _actors_at([obj], actors) or (
                _modifier_actors(obj, actors) if prep == "against" else [])
            if found:
                roles.recipient = found
                roles.evidence.append(f"prep '{prep}'")
                break
    if not roles.recipient:
        _recipient_from_content(verb, roles, actors)
    return roles


def aim_of_own_forces(verb: Token, roles: Roles, actors: DocumentActors) -> None:
    """"Britain mobilized army reservists for a war against Iraq": what a mobilization
    moves is the actor's own force, not its recipient; the recipient is whom the force is
    aimed at, read from the rest of the clause (or nobody)."""
    home = {a.country for a in roles.actor if a.country}
    if not roles.recipient or roles.inferred_recipient or not home or any(
            r.country not in home for r in roles.recipient):
        return
    roles.recipient = []
    roles.evidence.append("object is the actor's own force")
    _recipient_from_content(verb, roles, actors)
    own = {r.id for r in roles.recipient if r.country in home}
    roles.recipient = [r for r in roles.recipient if r.id not in own]


def _recipient_from_content(verb: Token, roles: Roles, actors: DocumentActors) -> None:
    """When no argument names the recipient: the subject of a "that" clause ("demanded
    that the US cancel"), the recipient of an infinitive ("threatened to break relations
    with Russia"), the owner of the object ("rejected an Indian proposal"), and last the
    country where the action takes place ("deployed peacekeepers in Iraq")."""
    acting = {a.id for a in roles.actor}
    candidates: list[tuple[str, list[ActorMention]]] = []
    for clause in _children(verb, "ccomp"):
        candidates.append(("subject of reported clause",
                           _actors_at(_children(clause, "nsubj", "nsubjpass"), actors)))
    for clause in _children(verb, "xcomp"):
        candidates.append((f"recipient of '{clause.lemma_}'",
                           verb_roles(clause, actors).recipient))
    for clause in _children(verb, "advcl"):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            # "will travel to Burabai to attend the CIS summit": whom the trip is for
            candidates.append((f"recipient of the purpose '{clause.lemma_}'",
                               verb_roles(clause, actors).recipient))
    if verb.lemma_.lower() in _WARNING_VERBS:
        candidates.append(("subject of the condition", _condition_subjects(verb, actors)))
    for obj in _children(verb, "dobj"):
        candidates.append(("object's direction", _directed_at(obj, Roles(), actors)))
        candidates.append(("owner of the object", _modifier_actors(obj, actors)))
    for prep, obj in _prep_objects(verb, _RECIPIENT_PREPS):
        # "reneged on his commitment to the Zambian people", "mobilized reservists for a
        # war against Iraq"
        candidates.append((f"direction of the '{prep}' object",
                           _directed_at(obj, Roles(), actors)))
    candidates.append(("destination of the governing verb", _destination(verb, actors)))
    for place in _places_of(verb):
        located = actors.location_at(place) or actors.at(place)
        if located is not None:
            candidates.append(("country where it happens", [located]))
    for reason, found in candidates:
        found = [m for m in found if m.id not in acting]
        if found:
            roles.recipient = found
            roles.evidence.append(reason)
            roles.inferred_recipient = True
            return


_WARNING_VERBS = {"threaten", "warn", "vow", "swear"}
_CONDITION_MARKS = {"if", "unless"}


def _condition_subjects(verb: Token, actors: DocumentActors) -> list[ActorMention]:
    """"Russia threatened to stop negotiations if the United States goes ahead": a threat
    is aimed at whoever must meet its condition."""
    for head in [verb, *_children(verb, "xcomp")]:
        for clause in _children(head, "advcl"):
            if any(m.lower_ in _CONDITION_MARKS for m in _children(clause, "mark")):
                found = _actors_at(_children(clause, "nsubj", "nsubjpass"), actors)
                if found:
                    return found
    return []


_PLACE_PREPS = ("in", "into", "inside", "within")
_ORIGIN_PREPS = ("from", "out")
# Verbs whose "from" place is the party affected ("withdraw from Lebanon"); for others it
# is only where the actor set out ("from Astana, the president will travel to ...").
_LEAVING_LEMMAS = {"withdraw", "pull", "evacuate", "retreat", "expel", "deport", "remove",
                   "oust", "drive", "force", "recall", "repatriate", "flee", "exclude"}


def _destination(verb: Token, actors: DocumentActors) -> list[ActorMention]:
    """"sent personnel to Bosnia to investigate": a purpose clause acts where its
    governing verb sent someone."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.pos_ != "VERB":
        return []
    for _, obj in _prep_objects(verb.head, ("to", "into", "in")):
        found = actors.at(obj) or actors.location_at(obj)
        if found is not None and found.country:
            return [found]
    return []


def _places_of(verb: Token) -> list[Token]:
    """Where the action happens or what it leaves, as the last-resort recipient: the
    verb's own place phrase ("deployed peacekeepers in Iraq", "withdraw from Lebanon"),
    else its object's ("lifted a state of emergency in Sudan", "evacuate settlements in
    the Gaza Strip"). A country is the target of what is done on its soil, including
    by its own government (the coders write Sudan -> Sudan)."""
    leaving = verb.lemma_.lower() in _LEAVING_LEMMAS
    preps = _PLACE_PREPS + _ORIGIN_PREPS if leaving else _PLACE_PREPS
    places = [obj for _, obj in _prep_objects(verb, preps)]
    for _, obj in _prep_objects(verb, ("at", "on", "against", "near")):
        # "rioted at this jail in northern Israel", "fired at targets in Jericho"
        places.extend(inner for _, inner in _prep_objects(obj, _PLACE_PREPS))
    for obj in _children(verb, "dobj"):
        # "power lines leading into Kabul": one level down through a participle
        for owner in [obj, *_children(obj, "acl")]:
            places.extend(inner for _, inner in _prep_objects(owner, preps))
    return places


def subject_actors(verb: Token, actors: DocumentActors) -> list[ActorMention]:
    """The actors of a verb's subject (its own, else borrowed from the governing clause)."""
    return _actors_at(_children(verb, "nsubj"), actors) or _borrowed_subject(verb, actors)


def _borrowed_subject(verb: Token, actors: DocumentActors) -> list[ActorMention]:
    node = verb
    for _ in range(3):
        if node.dep_ not in _SUBJECT_BORROWING_DEPS or node.head.i == node.i:
            return []
        governor = node.head
        if governor.pos_ in ("NOUN", "PROPN") and node.dep_ in ("acl", "relcl"):
            found = _actors_at([governor], actors)
            if found or governor.dep_ != "dobj":
                return found
            # "took steps to enhance freedoms", "issued a declaration demanding": the
            # noun is what the subject of its verb did
            node = governor
            continue
        found = _actors_at(_children(governor, "nsubj"), actors)
        if found:
            return found
        node = governor
    return []


def happening_place(verb: Token, roles: Roles, actors: DocumentActors) -> None:
    """"A roadside bombing near Samarra killed a soldier": an unclaimed attack is coded
    to the country where it happened."""
    owners = [verb, *(c for c in verb.children if c.dep_ == "nsubj")]
    for owner in owners:
        for _, place in _prep_objects(owner, (*_PLACE_PREPS, "near", "at", "outside")):
            # "near the town of Samarra": the place may sit one "of" down
            located = actors.location_at(place) or next(iter(_actors_at([place], actors)),
                                                        None)
            if located is not None and located.country:
                roles.actor = [replace(located, kind="location", sector=None,
                                       id=f"{located.country}-STATE")]
                roles.evidence.append("country where the unclaimed attack happened")
                return


def place_authorities(verb: Token, roles: Roles, actors: DocumentActors) -> None:
    """"A missionary was arrested in Lebanon": an arrest or charge with no agent is the
    act of the authorities of the country where it happened."""
    for _, place in _prep_objects(verb, _PLACE_PREPS):
        located = actors.location_at(place)
        if located is not None:
            roles.actor = [located]
            roles.evidence.append("authorities of the place")
            return


def _placed_under(noun: Token, verb: Token, roles: Roles, actors: DocumentActors) -> None:
    """"A US national was put under investigation in Italy", "placed X under house
    arrest": the person placed is the recipient; the actor is the agent, else the state
    where it happened (its authorities act there)."""
    placed = _actors_at(_children(verb, "nsubjpass", "dobj"), actors)
    agents = [obj for prep in _children(verb, "agent") for obj in _children(prep, "pobj")]
    acting = _actors_at(agents, actors) or _actors_at(_children(verb, "nsubj"), actors)
    if not acting:
        acting = [m for owner in (verb, noun) for _, place in _prep_objects(owner, _PLACE_PREPS)
                  if (m := actors.location_at(place)) is not None][:1]
    if placed:
        roles.recipient = placed
        roles.evidence.append(f"placed under by '{verb.lemma_}'")
    if acting and not roles.actor:
        roles.actor = acting
        roles.evidence.append("authorities of the place")


def _light_verb(noun: Token) -> Token | None:
    """The verb a nominal event is the object of: "held talks", and through a measure
    phrase, "launched 10 days of war games"; also the verb of "went on strike"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if (noun.dep_ == "pobj" and noun.head.lower_ == "on"
            and noun.head.head.lemma_.lower() in _ONGOING_VERBS):
        return noun.head.head  # "workers went on strike", "remain on hunger strike"
    return None


_ONGOING_VERBS = {"go", "be", "remain", "stay", "continue"}


def noun_roles(noun: Token, actors: DocumentActors) -> Roles:
    """Actor and recipient of a nominal trigger ("talks", "visit", "sanctions").

    The actor is the possessor or a nationality modifier ("Putin's visit", "Palestinian
    riots"), else the subject of the light verb ("held talks", "launched a mediation
    effort"), else a "by" phrase; "between X and Y" names the parties, who are the
    recipients when someone else acts (a mediator) and the actors otherwise."""
    roles = Roles()
    owners = _children(noun, "poss", "compound", "amod", "nmod")
    roles.actor = _actors_at(owners, actors) or _unique(
        [m for o in owners if (m := actors.modifier_at(o)) is not None])
    if roles.actor:
        roles.evidence.append("possessor/modifier of noun")
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ == "VERB":
        _placed_under(noun, noun.head.head, roles, actors)
    light = _light_verb(noun)
    if light is not None and not roles.actor:
        roles.actor = verb_roles(light, actors).actor
        if roles.actor:
            roles.evidence.append(f"subject of light verb '{light.lemma_}'")
        for prep, obj in _prep_objects(light, ("with", "to", "against", "on", "for")):
            found = _actors_at([obj], actors)
            if found:
                roles.recipient = found
                roles.evidence.append(f"light verb prep '{prep}'")
                break
    for prep, obj in _prep_objects(noun, ("by", "between", "among", "from")):
        found = _actors_at([obj], actors)
        if not found:
            continue
        if not roles.actor:
            roles.actor = found
            roles.evidence.append(f"noun prep '{prep}'")
        elif prep in ("between", "among") and not roles.recipient:
            roles.recipient = found
            roles.evidence.append(f"parties '{prep}'")
    if not roles.recipient:
        roles.recipient = _directed_at(noun, roles, actors)
    if not roles.recipient:
        acting = {a.id for a in roles.actor}
        clauses = _children(noun, "acl", "ccomp")
        if noun.dep_ == "dobj":
            clauses += _children(noun.head, "ccomp")  # "reiterated its demand that ..."
        for clause in clauses:
            # "its demand that Israel ease restrictions": whoever the demand is made of
            found = [m for m in _actors_at(_children(clause, "nsubj"), actors)
                     if m.id not in acting]
            if found:
                roles.recipient = found
                roles.evidence.append("subject of the noun's clause")
                break
    return roles


_DIRECTION_PREPS = ("with", "to", "against", "on", "for", "of", "into", "over", "toward",
                    "towards")


def _directed_at(noun: Token, roles: Roles, actors: DocumentActors) -> list[ActorMention]:
    """Whom a noun's action is directed at: "sanctions on Russia", "action against
    Russia", "contact with the United States", "a blockade on Palestinian lorries",
    "suspension of air links with Serbia" (one level down through "of")."""
    acting = {a.id for a in roles.actor}
    for prep, obj in _prep_objects(noun, _DIRECTION_PREPS):
        found = _actors_at([obj], actors) or (
            _modifier_actors(obj, actors) if prep in ("against", "on", "for") else [])
        if not found and prep == "of":
            found = [m for _, inner in _prep_objects(obj, ("with", "against", "on", "for"))
                     for m in _actors_at([inner], actors)]
        found = [m for m in found if m.id not in acting]
        if found:
            roles.evidence.append(f"noun prep '{prep}'")
            return found
    return []


def adjective_roles(adjective: Token, actors: DocumentActors) -> Roles:
    """"Syria is willing to withdraw its troops from Lebanon": the copula's subject acts;
    the recipient is whoever the intended action is directed at."""
    roles = Roles()
    roles.actor = subject_actors(adjective.head, actors) if adjective.dep_ == "acomp" else []
    if roles.actor:
        roles.evidence.append(f"subject of '{adjective.head.lemma_}'")
    for action in _children(adjective, "xcomp"):
        roles.recipient = verb_roles(action, actors).recipient
        if roles.recipient:
            roles.evidence.append(f"recipient of '{action.lemma_}'")
            break
    return roles
