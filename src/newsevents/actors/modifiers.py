"""Nations and institutions named inside other phrases: "an Indian proposal", "Haiti's
efforts", "Senior Hungarian and Romanian officials".

These modifiers are not actor phrases of their own, but they say whose proposal, whose
efforts, which officials; the events stage uses them when a clause has no better actor or
recipient, and to split coordinated nationalities into separate actors.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from newsevents.actors.resolver import ActorResolver
from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "conj"}
_NATIONAL_KINDS = {"country", "metonym", "organization"}


def modifier_mentions(doc: Doc, resolver: ActorResolver,
                      when: date | None = None) -> dict[int, ActorMention]:
    """Token index -> the nation or institution a modifier token names."""
    found: dict[int, ActorMention] = {}
    for token in doc:
        if token.dep_ not in _MODIFIER_DEPS or not token.text[:1].isupper():
            continue
        if token.dep_ == "compound" and token.head.dep_ == "compound":
            continue  # inside a longer name; its last part carries it
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token:
            start -= 1
        span = doc[start:token.i + 1]
        resolution = resolver.resolve(span.text, when)
        if resolution is None or resolution.kind not in _NATIONAL_KINDS:
            continue
        if any(e.kind == "capital" for e in resolver.kb.lookup(span.text)):
            continue  # "Stockholm's meeting", "Kabul's airport": mostly the city itself
        found[token.i] = ActorMention(span.text, span.start_char, span.end_char,
                                      resolution.name, resolution.country,
                                      resolution.sector, resolution.id, kind="modifier")
    return found


def coordinated_nationalities(head: Token,
                              modifiers: dict[int, ActorMention]) -> list[ActorMention]:
    """The nations of "Hungarian and Romanian officials", in order; empty if not
    coordinated."""
    for child in head.children:
        if child.dep_ != "amod" or child.i not in modifiers:
            continue
        chain = [child, *(c for c in child.subtree if c.dep_ == "conj")]
        nations = [modifiers[t.i] for t in chain if t.i in modifiers]
        if len(nations) > 1:
            return nations
    return []
