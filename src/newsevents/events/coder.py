"""The event coder: triggers in a parsed document -> PLOVER/CAMEO events with provenance.

For each sentence, each verb or noun whose lemma is in the trigger lexicon is a candidate;
its actor and recipient come from the parse (:mod:`newsevents.events.roles`), its status
from auxiliaries and embedding clauses (:mod:`newsevents.events.status`). A candidate
without any resolved participant is dropped: an event is "who did what to whom", and that
requirement is also what keeps sports and entertainment text from producing events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.actors.mentions import DocumentActors
from newsevents.events.demands import obligation_demands
from newsevents.events.directives import is_command, orders_an_action, retype_order
from newsevents.events.intent import commitment_to_conflict, recode_intent, settle_embedded
from newsevents.events.lexicon import Lexicon, TriggerRule
from newsevents.events.object_types import retype_by_object
from newsevents.events.ontology import cameo_code, is_state_code
from newsevents.events.roles import (
    Roles,
    adjective_roles,
    aim_of_own_forces,
    happening_place,
    noun_roles,
    place_authorities,
    verb_roles,
)
from newsevents.events.status import event_status
from newsevents.records import ActorMention, Event, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PARTICLE_DEPS = {"prt", "prep", "dobj", "advmod", "dative", "acomp", "compound"}
_FRAME_NOUNS = {"effort", "process", "bid", "mission", "plan", "campaign", "operation",
                "attempt", "initiative", "drive", "programme", "program", "deal", "team"}
_VIOLENCE = {"ASSAULT"}
# Actions only a state's authorities take: "was arrested in Lebanon" names its actor by place.
_STATE_ACTIONS = {"COERCE", "ACCUSE"}
_IMPLICIT_TARGET_SECTOR = {"PROTEST": "GOV", "COERCE": "CVL", "ASSAULT": "CVL"}
_BACKGROUND_PREPS = {"during", "before", "after", "since", "at", "ahead", "following",
                     "amid", "until"}
_HAPPENING_NOUNS = {"bombing", "explosion", "blast", "attack", "bomb", "shelling", "raid",
                    "airstrike", "strike", "fire", "clash", "fighting", "ambush", "mine"}
_STATE_VERBS = {"be", "base", "remain", "seem", "become", "rest", "stay"}
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "on"}
_MOVEMENT_LEMMAS = {"travel", "go", "fly", "come", "arrive", "return", "head", "deploy",
                    "send", "dispatch"}
# Actors specific enough to make an ambiguous trigger ("strike", "rally") political.
_SPECIFIC_KINDS = {"person", "coreference", "group", "organization", "metonym"}


def code_events(doc: Doc, actors: DocumentActors, lexicon: Lexicon, doc_id: str) -> list[Event]:
    """All events of ``doc``, in text order."""
    events: list[Event] = []
    for index, sentence in enumerate(_content_sentences(doc)):
        found: list[tuple[Token, Event]] = []
        rules = {token.i: match_trigger(token, lexicon) for token in sentence}
        action_types = {i: rule.event_type for i, rule in rules.items() if rule is not None}
        is_trigger = {i: rule is not None for i, rule in rules.items()}
        for token in sentence:
            rule = rules[token.i]
            if (rule is None or _covered_by_governing_trigger(token, lexicon)
                    or _describes_a_state(token) or orders_an_action(token, is_trigger)):
                continue
            event = _build_event(doc_id, index, sentence, token, rule,
                                 _roles(token, rule, actors))
            if event is not None:
                retype_by_object(event, token)
                retype_order(event, token)
                _add_implicit_target(event)
                recode_intent(event, token)
                found.append((token, event))
        commitment_to_conflict(found, action_types)
        found.extend(obligation_demands(doc_id, index, sentence, actors, _stripped(sentence)))
        settle_embedded(found)
        events.extend(event for _, event in found)
    return sorted(events, key=lambda e: e.trigger.start)


def _roles(token: Token, rule: TriggerRule, actors: DocumentActors) -> Roles:
    if rule.pos == "VERB":
        roles = verb_roles(token, actors)
        if rule.event_type == "MOBILIZE":
            aim_of_own_forces(token, roles, actors)
        if roles.passive and not roles.actor and rule.event_type in _STATE_ACTIONS:
            place_authorities(token, roles, actors)
        if not roles.actor and rule.event_type in _VIOLENCE and _event_noun_subject(token):
            happening_place(token, roles, actors)
        return roles
    if rule.pos == "ADJ":
        return adjective_roles(token, actors)
    if token.dep_ == "compound" and token.head.lemma_.lower() in _FRAME_NOUNS:
        return noun_roles(token.head, actors)  # "a mediation effort between X and Y"
    return noun_roles(token, actors)


def _content_sentences(doc: Doc) -> list[Span]:
    """Sentences with words in them (masked debris leaves whitespace-only sentences)."""
    return [s for s in doc.sents if any(not t.is_space and not t.is_punct for t in s)]


def match_trigger(token: Token, lexicon: Lexicon) -> TriggerRule | None:
    """The lexicon rule ``token`` fires, if any; particle rules win over bare ones."""
    pos = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}.get(token.pos_)
    if pos is None:
        return None
    if pos == "ADJ" and not any(c.dep_ == "xcomp" for c in token.children):
        return None  # "willing to withdraw", not "a willing partner"
    lemma = token.lemma_.lower()
    candidates = lexicon.candidates(lemma, pos) or (
        lexicon.candidates(token.lower_, pos) if token.lower_ != lemma else ())
    if not candidates:
        return None
    particles = {c.lemma_.lower() for c in token.children if c.dep_ in _PARTICLE_DEPS}
    particles |= _object_words(token)
    for rule in candidates:
        if rule.particle is None or rule.particle in particles:
            return rule
    return None


def _object_words(token: Token) -> set[str]:
    """What a fixed verb+object rule may match besides the object's head: its noun
    modifiers and "of" complement ("ended mediation efforts", "lifted a state of
    emergency", "gave 5 million dollars of aid"), and the complement after "for" or "as"
    ("returned to Geneva for talks", "held refugees as human shields")."""
    words = {g.lemma_.lower() for c in token.children
             if c.dep_ == "prep" and c.lower_ in ("for", "as")
             for g in c.children if g.dep_ == "pobj"}
    for obj in token.children:
        if obj.dep_ != "dobj":
            continue
        words.update(c.lemma_.lower() for c in obj.children if c.dep_ == "compound")
        words.update(g.lemma_.lower() for c in obj.children if c.dep_ == "prep"
                     and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
    return words


def _covered_by_governing_trigger(token: Token, lexicon: Lexicon) -> bool:
    """A noun trigger that is the object of a verb trigger ("signed an agreement") is the
    same event as the verb; code it once, on the verb."""
    if (token.dep_ == "compound" and token.head.lemma_.lower() in _FRAME_NOUNS
            and token.head.dep_ in ("dobj", "nsubjpass")):
        token = token.head  # "ended mediation efforts": the frame noun is the object
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if is_command(token.head):
        return False  # "ordered the arrest": the arrest is the event
    return match_trigger(token.head, lexicon) is not None


def _event_noun_subject(token: Token) -> bool:
    """"A roadside bombing killed a soldier": the subject is a happening, not an actor."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _HAPPENING_NOUNS
               for c in token.children)


def _describes_a_state(token: Token) -> bool:
    """"Cooperation between X and Y is based on trust" describes relations, not an event."""
    return (token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
            and token.head.lemma_.lower() in _STATE_VERBS)


def _clause_head(token: Token) -> Token:
    """The verb that carries tense and modality for a trigger: the light verb for a
    nominal object ("will hold talks"), else the trigger itself."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
        return token.head
    return token


def _place_hints(token: Token) -> list[tuple[int, int]]:
    """Spans that say where the event happens: its place phrases, and for a journey its
    destination ("will travel to the town of Burabai", also for what the journey is for:
    "... to attend the summit")."""
    hints = []
    head = _clause_head(token)
    owners = {token, head}
    if head.dep_ in ("advcl", "xcomp") and head.head.lemma_.lower() in _MOVEMENT_LEMMAS:
        owners.add(head.head)
    for owner in owners:
        journey = owner.lemma_.lower() in _MOVEMENT_LEMMAS
        for prep in owner.children:
            if prep.dep_ == "prep" and (prep.lower_ in _PLACE_PREPS
                                        or (journey and prep.lower_ == "to")):
                hints.extend((obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
                             for obj in prep.children if obj.dep_ == "pobj")
    return hints


def _build_event(doc_id: str, index: int, sentence: Span, token: Token, rule: TriggerRule,
                 roles: Roles) -> Event | None:
    if not roles.actor and (rule.ambiguous or not (roles.recipient and (
            roles.passive or rule.event_type in _VIOLENCE or _event_noun_subject(token)))):
        return None  # who did it? (violence and passives may leave the perpetrator unsaid)
    if rule.ambiguous and not (roles.recipient or any(
            a.sector or a.kind in _SPECIFIC_KINDS for a in roles.actor)):
        return None  # "beat", "strike", "rally": sports and business use them too
    actor_ids = {a.id for a in roles.actor}
    recipient = [r for r in roles.recipient if r.id not in actor_ids]
    if not recipient and rule.event_type in _IMPLICIT_TARGET_SECTOR and roles.actor:
        recipient = _implicit_recipient(roles.actor[0], rule.event_type)
        if recipient:
            roles.evidence.append("implicit domestic target")
    reciprocal = False
    if len(roles.actor) >= 2 and roles.inferred_recipient and {
            r.country for r in recipient} <= {a.country for a in roles.actor}:
        recipient = []  # "X and Y failed to agree on Palestinian offices": just the parties
    if not recipient and len(roles.actor) >= 2:
        reciprocal = True  # "Putin and Nazarbayev met": each is the other's recipient
        recipient = list(reversed(roles.actor))
    code = cameo_code(rule.cameo)
    status = event_status(_clause_head(token))
    text, start, end = _stripped(sentence)
    confidence = _confidence(rule, roles.actor, recipient, token)
    why = (f"{rule.description} -> {rule.event_type}/{rule.cameo}; "
           f"roles from {', '.join(roles.evidence) or 'none'}; status {status}")
    return Event(
        doc_id=doc_id, event_type=rule.event_type, mode=rule.mode,
        context=[rule.context] if rule.context else [], cameo=rule.cameo,
        quad_class=code.quad_class, goldstein=code.goldstein, status=status,
        actor=list(roles.actor), recipient=recipient, text=text, sentence_index=index,
        start=start, end=end,
        trigger=Trigger(token.text, token.idx, token.idx + len(token.text), rule.lemma),
        confidence=confidence, why=why, reciprocal=reciprocal,
        place_hints=_place_hints(token),
    )


def _clause_depth(token: Token) -> int:
    """How many clauses down from the sentence root the trigger's clause sits."""
    depth = 0
    node = token
    while node.head.i != node.i and depth < 10:
        if node.dep_ in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj"):
            depth += 2 if node.dep_ == "relcl" else 1  # "whom they had taken": background
        node = node.head
    return depth


def _add_implicit_target(event: Event) -> None:
    """A retyped event ("ordered the paper to suspend publication" -> COERCE) gets the
    implicit domestic target its new type implies."""
    if event.recipient or not event.actor or event.event_type not in _IMPLICIT_TARGET_SECTOR:
        return
    event.recipient = _implicit_recipient(event.actor[0], event.event_type)
    if event.recipient:
        event.why += "; implicit domestic target"


def _implicit_recipient(actor: ActorMention, event_type: str) -> list[ActorMention]:
    """CAMEO/PLOVER practice for domestic events that name no target: a protest is
    directed at the government of the protesters' country, repression by a government at
    its population. The implicit actor points at the characters of the actor it is
    inferred from, and says so in ``kind``. Police violence without a named target is
    against the population too."""
    sector = _IMPLICIT_TARGET_SECTOR[event_type]
    if not is_state_code(actor.country):
        return []
    if event_type == "COERCE" and actor.sector not in ("GOV", "COP", "MIL", "JUD"):
        return []
    if event_type == "ASSAULT" and actor.sector != "COP":
        return []  # police firing on a crowd; armies and rebels fight across borders
    if event_type == "PROTEST" and actor.sector == "GOV":
        return []
    return [ActorMention(actor.text, actor.start, actor.end, None, actor.country, sector,
                         f"{actor.country}-{sector}", kind="implicit")]


def _stripped(sentence: Span) -> tuple[str, int, int]:
    raw = sentence.text
    left = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sentence.start_char + left
    return " ".join(text.split()), start, start + len(text)


def _confidence(rule: TriggerRule, actor: list, recipient: list, token: Token) -> float:
    """Certainty and prominence in one number: the sentence's main event is the most
    confident one, so the clause depth weighs as much as a participant does (an event in
    the main clause outranks a subordinate one that happens to name its target, and an
    inferred target adds no evidence)."""
    score = 0.45
    score += 0.25 if actor else 0.0
    score += 0.1 if any(r.kind != "implicit" for r in recipient) else 0.0
    score += 0.05 if rule.pos == "VERB" else 0.0
    score += 0.05 if rule.particle else 0.0
    score -= 0.2 if rule.ambiguous else 0.0
    score -= min(_clause_depth(_clause_head(token)), 3) * 0.08  # main clause first
    if token.dep_ == "pobj":
        # "during a G8 summit": a nominal event in a time or place phrase is background
        score -= 0.25 if token.head.lower_ in _BACKGROUND_PREPS else 0.1
    return round(max(0.05, min(score, 0.95)), 2)
