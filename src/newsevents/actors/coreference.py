"""In-document coreference for actors: "the Russian leader", "his host", "he".

A first, rule-based pass. A role phrase without a name ("the Kazakh President", "the Head
of State", "the visiting President") is linked to the most recent named person it fits
(same country when the phrase gives one; a government sector when it does not). "His
host" and "his counterpart" without a nationality mean the most recent person of a country
other than the possessor's. Personal pronouns take the most recent person.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OTHER_PARTY_NOUNS = {"host", "counterpart", "guest", "visitor", "interlocutor"}
# Titles that, definite and without a name, mean a particular office holder.
_LEADER_TITLES = {"president", "leader", "premier", "chancellor", "king", "queen", "emir",
                  "monarch", "sultan", "state", "minister", "head", "ruler"}
_DEFINITE = {"the", "his", "her", "their", "its", "this", "that"}


def link_coreferent_mentions(
    doc: Doc, found: list[tuple[Token, ActorMention]]
) -> list[tuple[Token, ActorMention]]:
    """Return ``found`` with role phrases and pronouns filled from earlier named people."""
    people: list[ActorMention] = []  # named persons, most recent last
    others: list[tuple[Token, ActorMention]] = []  # countries, organisations, groups
    linked: list[tuple[Token, ActorMention]] = []
    sentence_starts: list[int] = []  # filled once, on the first "it"/"they"
    for token, mention in found:
        if mention.kind == "person":
            people.append(mention)
            linked.append((token, mention))
            continue
        group = mention.kind == "pronoun" and token.lower_ in _NON_PERSONAL
        if group:
            if not sentence_starts:
                sentence_starts = [sentence.start for sentence in doc.sents]
            antecedent = _group_antecedent(token, others, sentence_starts)
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
            or lemma not in _LEADER_TITLES | _OTHER_PARTY_NOUNS):
        return None
    if lemma in _OTHER_PARTY_NOUNS and mention.country is None:
        possessor = _possessor_country(token, people)
        for person in reversed(people):
            if person.country != possessor:
                return person
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


def _possessor_country(token: Token, people: list[ActorMention]) -> str | None:
    """Country of whoever "his"/"her" refers to: the latest person before this phrase."""
    has_possessive = any(child.dep_ == "poss" for child in token.children)
    return people[-1].country if has_possessive and people else None
