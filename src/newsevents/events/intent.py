"""Statements of intent and events inside other events.

CAMEO and PLOVER code what an actor *says it will do* as the commitment, not the action:
"Finland will give Tanzania a grant" is an expression of intent to provide aid (CAMEO 033,
PLOVER AGREE), "farmers said they would blockade Paris" a threat (CAMEO 133, THREATEN).
The underlying action stays visible in ``mode`` and ``why``.

An event whose trigger sits inside the clause of another event's trigger ("offered to hand
over", "urged X to support", "refused to meet") is the content of that event: it did not
(yet) happen, so its status follows the governing event and its confidence drops, which
makes the governing event the sentence's main event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.ontology import cameo_code
from newsevents.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# PLOVER type of a future action -> (new type, CAMEO code of the intent).
INTENT_CODES: dict[str, tuple[str, str]] = {
    "CONSULT": ("AGREE", "036"),
    "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"),
    "SUPPORT": ("AGREE", "032"),
    "CONCEDE": ("AGREE", "035"),
    "RETREAT": ("AGREE", "035"),
    "PROTEST": ("THREATEN", "133"),
    "SANCTION": ("THREATEN", "1312"),
    "COERCE": ("THREATEN", "137"),
    "ASSAULT": ("THREATEN", "138"),
    "MOBILIZE": ("THREATEN", "138"),
}

# A future reduction of relations threatens that specific reduction (CAMEO 131x-136).
_SPECIFIC_THREATS = {"161": "1313", "162": "1311", "164": "134", "165": "135", "166": "136",
                     "172": "132", "191": "1381", "192": "1382"}

# Status an embedded event takes from the type of the event that governs it.
_EMBEDDED_STATUS = {"AGREE": "future", "REQUEST": "hypothetical", "THREATEN": "hypothetical",
                    "REJECT": "negated"}
_EMBEDDED_PENALTY = 0.3
_RALLY_CODE = "113"


# A refusal expressed by negating a cooperative verb ("will not accept refugees", "failed
# to reach agreement") is a rejection (CAMEO 120), which did happen.
REFUSABLE = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}
REJECT_CODE = "120"
_CONDITIONS = {"unless", "if"}


def recode_intent(event: Event, trigger: Token) -> None:
    """A future action becomes the intent to do it (a conditional one, a threat); a negated
    cooperative action becomes a rejection."""
    if event.status == "negated" and event.event_type in REFUSABLE and trigger.pos_ != "NOUN":
        _recode(event, "REJECT", REJECT_CODE, "asserted",
                f"negated {event.event_type} coded as a rejection")
        return
    if event.status != "future" or event.event_type not in INTENT_CODES:
        return
    if event.event_type in _FORCE_TYPES and _preparation(trigger) is not None:
        _recode(event, "MOBILIZE", _POSTURE_CODE, "asserted",
                f"preparing to {event.event_type.lower()} coded as a show of force")
        return
    new_type, code = INTENT_CODES[event.event_type]
    if event.event_type == "RETREAT" and _conditional(trigger):
        new_type, code = "THREATEN", "130"  # "will withdraw its force unless ..."
    elif new_type == "THREATEN":
        code = _SPECIFIC_THREATS.get(event.cameo[:3], code)
    _recode(event, new_type, code, "future",
            f"future {event.event_type} coded as intent {new_type}/{code} "
            "(CAMEO/PLOVER code stated intentions as the commitment)")


# "The army prepared to resume shelling": readying force is itself a material act, a show
# of military or police power (CAMEO 150, PLOVER MOBILIZE), not a statement of intent.
PREPARATION_LEMMAS = {"prepare", "ready", "poise", "gear", "brace"}
_FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
_POSTURE_CODE = "150"
# Verbs of phase that pass the action through: "prepared to resume shelling".
_PHASE_LEMMAS = {"resume", "begin", "start", "continue", "launch", "renew", "step"}


def _preparation(trigger: Token) -> Token | None:
    """The "prepare"/"ready" that governs ``trigger``'s clause, through phase verbs."""
    node = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    for _ in range(3):
        if node.dep_ not in ("xcomp", "advcl", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in PREPARATION_LEMMAS:
            return node
        if node.lemma_.lower() not in _PHASE_LEMMAS:
            return None
    return None


def _recode(event: Event, new_type: str, code: str, status: str, reason: str) -> None:
    cameo = cameo_code(code)
    event.why += f"; {reason}"
    event.mode = event.event_type.lower()
    event.event_type, event.cameo, event.status = new_type, code, status
    event.quad_class, event.goldstein = cameo.quad_class, cameo.goldstein


def _conditional(trigger: Token) -> bool:
    """"will withdraw its force unless ...": an advcl introduced by unless/if."""
    head = trigger.head if trigger.pos_ == "NOUN" else trigger
    return any(child.dep_ == "advcl" and any(m.lower_ in _CONDITIONS for m in child.children
                                             if m.dep_ == "mark")
               for child in head.children)


# Commitment verbs whose meaning follows the action committed to: "vowed to retaliate",
# "swore to fight" are threats; "pledged to support" stays an agreement.
COMMITMENT_LEMMAS = {"vow", "swear", "pledge", "promise", "commit", "undertake"}
_THREAT_TYPES = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN"}


def commitment_to_conflict(events: list[tuple[Token, Event]],
                           action_types: dict[int, str]) -> None:
    """A commitment whose committed action is conflictual is a threat (CAMEO 130/138).

    ``action_types`` maps every trigger token of the sentence to its lexicon type, whether
    or not an event was built for it ("swore to fight" has no separate fight event)."""
    by_token = {token.i: event for token, event in events}
    for token, event in events:
        lemma = token.lemma_.lower()
        if event.event_type != "AGREE" or lemma not in COMMITMENT_LEMMAS | PREPARATION_LEMMAS:
            continue
        for child in token.children:
            action = action_types.get(child.i)
            if not _infinitive_complement(child) or action not in _THREAT_TYPES:
                continue
            if lemma in PREPARATION_LEMMAS and action in _FORCE_TYPES:
                _recode(event, "MOBILIZE", _POSTURE_CODE, event.status,
                        f"readiness to {action.lower()} coded as a show of force")
            else:
                code = "138" if action in ("ASSAULT", "MOBILIZE") else "130"
                _recode(event, "THREATEN", code, event.status,
                        f"commitment to {action.lower()} coded as a threat")
            embedded = by_token.get(child.i)
            if embedded is not None and not event.recipient:
                event.recipient = list(embedded.recipient)
            break


def _infinitive_complement(token: Token) -> bool:
    """"vowed to fight": an xcomp, or a "to" clause the parser took for an advcl."""
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def settle_embedded(events: list[tuple[Token, Event]]) -> None:
    """Lower embedded events below the event whose clause contains them. A nominal event
    sits where its light verb is ("staged demonstrations to demand": the demand is the
    protest's purpose)."""
    by_token: dict[int, Event] = {}
    for token, event in events:
        if event.trigger.start != token.idx:
            # a reported obligation comes with the demanded clause's verb; it governs that
            # clause from the reporting verb ("announced that X must agree")
            by_token[token.head.i] = event
            continue
        by_token.setdefault(token.i, event)
    for token, event in events:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
            by_token.setdefault(token.head.i, event)
    for token, event in events:
        governor = _governing_event(token, event, by_token)
        if governor is None:
            continue
        if event.status == "asserted":
            event.status = _EMBEDDED_STATUS.get(governor.event_type, event.status)
        event.confidence = round(max(0.05, event.confidence - _EMBEDDED_PENALTY), 2)
        event.why += f"; inside {governor.event_type} '{governor.trigger.text}'"
        _rallying_call(governor, event)


def _rallying_call(appeal: Event, action: Event) -> None:
    """"called on Arabs to unite and mobilize against Sharon": an appeal with no
    identifiable addressee (or only the appealing country's own people) for action
    against a target rallies opposition against that target (CAMEO 113, PLOVER ACCUSE)."""
    if (appeal.event_type != "REQUEST" or not action.recipient
            or action.event_type not in _THREAT_TYPES):
        return
    own = {a.country for a in appeal.actor}
    addressees = {r.id for r in appeal.recipient
                  if not (r.country in own and r.sector == "CVL")}  # "its people"
    if addressees - {r.id for r in action.recipient}:
        return  # the appeal names its own addressee: a request to that party
    _recode(appeal, "ACCUSE", _RALLY_CODE, appeal.status,
            f"appeal for {action.event_type.lower()} against a target rallies opposition")
    appeal.mode = "disapprove"
    appeal.recipient = list(action.recipient)


def _governing_event(token: Token, event: Event, by_token: dict[int, Event]) -> Event | None:
    """The nearest event up the tree whose clause contains ``token``. A conjunct's head is
    a sibling, not a governor: "urged Arabs to unite and mobilize" puts "mobilize" inside
    "urged" through its sibling "unite", while "met X and signed Y" leaves both free."""
    node = token
    for _ in range(6):
        if node.head.i == node.i or node.dep_ == "ROOT":
            return None
        sibling = node.dep_ == "conj"
        node = node.head
        if sibling:
            continue
        governor = by_token.get(node.i)
        if governor is not None and governor is not event:
            return governor
    return None
