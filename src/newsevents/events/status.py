"""Event status: did it happen (asserted), will it (future), might it (hypothetical), or
did it explicitly not happen (negated)?

Read from the trigger's own auxiliaries and negation, then up the chain of clauses that
embed it ("is expected to sign", "agreements scheduled to be signed", "if they meet").
"Refused to meet" is not a negation: "refuse" is itself a REJECT trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should", "can", "must"}
_FUTURE_GOVERNORS = {"expect", "schedule", "plan", "intend", "due", "set", "prepare", "aim",
                     "hope", "want", "agree", "promise", "pledge", "vow", "go"}
# "decided to allow": a decision is coded as the act it decides (the coders' practice).
# "said they would boycott": future in the past, not a hypothetical.
_REPORTING_VERBS = {"say", "tell", "announce", "state", "declare", "add", "warn", "insist",
                    "promise", "vow", "pledge", "indicate", "confirm"}
_HYPOTHETICAL_GOVERNORS = {"propose", "consider", "suggest", "threaten", "offer", "urge",
                           "ask", "call", "demand", "discuss", "mull", "weigh"}
_FUTURE_MODIFIERS = {"upcoming", "planned", "scheduled", "forthcoming", "proposed",
                     "future", "next", "expected", "possible", "potential", "prospective"}
_NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}
_FAIL_GOVERNORS = {"fail", "refrain", "decline", "cancel", "postpone", "avoid"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_EMBEDDING_DEPS = {"xcomp", "ccomp", "acl", "relcl", "advcl", "conj", "dobj", "pobj",
                   "nsubjpass", "nsubj", "attr", "oprd", "pcomp"}


def event_status(trigger: Token) -> str:
    """Return "negated", "hypothetical", "future" or "asserted" for ``trigger``."""
    own = _own_status(trigger)
    if own is not None:
        return own
    node = trigger
    for _ in range(4):  # walk up a few embedding clauses
        if node.dep_ not in _EMBEDDING_DEPS or node.head.i == node.i:
            break
        governor = node.head
        lemma = governor.lemma_.lower()
        if node.dep_ == "advcl" and any(c.lower_ in _CONDITIONAL_MARKS for c in node.children):
            return "hypothetical"
        if lemma in _FAIL_GOVERNORS and node.dep_ == "xcomp":
            return "negated"
        if lemma in _FUTURE_GOVERNORS and node.dep_ in ("xcomp", "acl", "ccomp"):
            return _own_status(governor) or "future"
        if lemma in _HYPOTHETICAL_GOVERNORS and node.dep_ in ("xcomp", "ccomp"):
            return "hypothetical"
        governor_status = _own_status(governor)
        if governor_status in ("future", "hypothetical") and node.dep_ in ("xcomp", "conj",
                                                                            "advcl"):
            return governor_status
        if node.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj", "attr"):
            break
        node = governor
    return "asserted"


def _own_status(token: Token) -> str | None:
    children = list(token.children)
    if any(c.dep_ == "neg" or (c.lower_ in _NEGATORS and c.dep_ in ("det", "advmod"))
           for c in children):
        return "negated"
    if any(c.lower_ in _CONDITIONAL_MARKS and c.dep_ == "mark" for c in children):
        return "hypothetical"
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & _FUTURE_AUX:
        return "future"
    if "would" in auxiliaries and token.dep_ == "ccomp" and (
            token.head.lemma_.lower() in _REPORTING_VERBS):
        return "future"
    if auxiliaries & _HYPOTHETICAL_AUX:
        return "hypothetical"
    if token.pos_ == "NOUN" and any(c.lower_ in _FUTURE_MODIFIERS for c in children):
        return "future"
    if auxiliaries & {"to"} and token.dep_ in ("acl", "relcl"):
        return "future"  # "a communiqué to be released", "agreements to sign"
    return None
