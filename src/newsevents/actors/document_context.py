"""Document-level decisions a phrase alone cannot make: which "Sheikh Hamad", which
"Tripoli".

A phrase is resolved on its own first (see ``resolver``). Two kinds of names need the rest
of the document: an honorific with a lone given name that several known people share
("Sheikh Hamad": Bahrain's king, Qatar's emir and Qatar's prime minister), which means the
one the document names in full elsewhere, else the one of the country the document is
about; and a capital that is also a sizeable town of another country ("Tripoli" in Libya
and in Lebanon), which in a story about only that other country is the town, not the
government of the capital's country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Protocol

from newsevents.actors.knowledge import Person, normalize_name
from newsevents.actors.resolver import ActorResolver
from newsevents.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Mention kinds whose country is evidence of what the document is about.
_EVIDENCE_KINDS = {"country", "metonym", "group", "role", "organization", "location",
                   "modifier"}
_PLACE_KINDS = {"country", "metonym", "location"}


def document_countries(mentions: Iterable[ActorMention], context: str | None,
                       skip: str = "") -> Counter[str]:
    """How often each country is named by the document's places, nationality words,
    institutions and roles (the dateline's country counts twice); mentions whose text is
    ``skip`` (normalised) are left out, so that a name is not its own evidence."""
    counts: Counter[str] = Counter()
    if context:
        counts[context] += 2
    for mention in mentions:
        if (mention.kind in _EVIDENCE_KINDS and mention.country and len(mention.country) == 3
                and (not skip or normalize_name(mention.text) != skip)):
            counts[mention.country] += 1
    return counts


def settle_given_names(found: list[tuple[Token, ActorMention]],
                       pending: list[tuple[Token, Span]],
                       resolver: ActorResolver, when: date | None,
                       countries: Counter[str]) -> list[tuple[Token, ActorMention]]:
    """Resolve honorific + given name phrases ("Sheikh Hamad") by the document: the one
    candidate named in full elsewhere in it, else the one of the document's country. A
    resolved phrase the rest of the document contradicts is corrected; a phrase nobody
    in the document explains stays unresolved. ``pending`` are the heads and phrases of
    such names the resolver could not settle alone. Returns the mentions in token order."""
    full_names = {m.id for t, m in found if m.kind == "person"
                  and resolver.given_name_candidates(m.text, when) is None}
    settled = []
    for token, mention in found:
        candidates = resolver.given_name_candidates(mention.text, when) \
            if mention.kind == "person" else None
        person = _named_in_full(candidates, full_names) if candidates and \
            _named_by_phrase(mention.text, resolver, when) is None else None
        settled.append((token, _as_person(mention, person, resolver, when)))
    for token, span in pending:
        candidates = resolver.given_name_candidates(span.text, when) or []
        person = _named_by_phrase(span.text, resolver, when) or _named_in_full(
            candidates, full_names) or _by_country(candidates, resolver, when, countries)
        if person is not None:
            mention = ActorMention(span.text, span.start_char, span.end_char, None, None,
                                   None, None, kind="person")
            settled.append((token, _as_person(mention, person, resolver, when)))
    return sorted(settled, key=lambda pair: pair[0].i)


def _named_by_phrase(text: str, resolver: ActorResolver, when: date | None) -> Person | None:
    """The person the whole phrase names by itself ("Bahrain's Sheikh Hamad"): its own
    nationality outranks the rest of the document."""
    resolved = resolver.resolve(text, when)
    if resolved is None or resolved.kind != "person":
        return None
    return resolver.kb.persons.get(resolved.id)


def _named_in_full(candidates: list[Person], full_names: set[str | None]) -> Person | None:
    """The one candidate whose full name the document gives, if exactly one."""
    named = [p for p in candidates if p.id in full_names]
    return named[0] if len(named) == 1 else None


def _by_country(candidates: list[Person], resolver: ActorResolver, when: date | None,
                countries: Counter[str]) -> Person | None:
    """The candidate of the most-named country among the candidates' countries; none
    when two such countries are named equally often."""
    theirs = {p.code_at(when)[0] for p in candidates}
    ranked = [(c, n) for c, n in countries.most_common() if c in theirs]
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return resolver.pick_by_country(candidates, when, ranked[0][0])


def _as_person(mention: ActorMention, person: Person | None, resolver: ActorResolver,
               when: date | None) -> ActorMention:
    """``mention`` as ``person`` (unchanged when ``person`` is None)."""
    if person is None:
        return mention
    resolved = resolver.resolve(person.name, when)
    if resolved is None:
        return mention
    return replace(mention, name=resolved.name, country=resolved.country,
                   sector=resolved.sector, id=resolved.id, kind="person")


# A namesake town must be this large, and at least this share of the capital's size
# ("London", Ontario is no rival to London; Lebanon's Tripoli is to Libya's).
NAMESAKE_MIN_POPULATION = 100_000
NAMESAKE_MIN_SHARE = 0.1


class _Town(Protocol):
    country: str | None
    feature: str
    population: int


def namesakes_from(candidates: Callable[[str], Sequence[_Town]]) -> Callable[[str], set[str]]:
    """A ``namesakes`` function over a gazetteer's ``candidates`` (places called a name):
    the countries with a town of that name large enough to rival the largest one. The
    actors stage takes it as a function so that it needs no gazetteer of its own."""

    def namesakes(name: str) -> set[str]:
        towns = [t for t in candidates(name) if t.feature == "city" and t.country]
        largest = max((t.population for t in towns), default=0)
        return {t.country for t in towns if t.country and t.population >= max(
            NAMESAKE_MIN_POPULATION, NAMESAKE_MIN_SHARE * largest)}

    return namesakes


def relocate_shared_places(found: list[tuple[Token, ActorMention]],
                           locations: dict[int, ActorMention], resolver: ActorResolver,
                           context: str | None,
                           namesakes: Callable[[str], set[str]] | None
                           ) -> list[tuple[Token, ActorMention]]:
    """A capital or region that other countries also have a town of (``namesakes``, or
    the knowledge base listing the name for several countries) is the town of the one
    such country the document is set in (by its places, nationality words and roles, not
    by that country's government named as a party), when it never names the capital's own
    country: "Tripoli" in a story about Lebanon is Lebanon's Tripoli, a place, not Libya's
    government. ``locations`` are corrected in place."""
    everything = [m for _, m in found] + list(locations.values())
    relocated = []
    for token, mention in found:
        other = _other_country(mention, everything, resolver, context, namesakes)
        relocated.append((token, mention if other is None else _place_of(mention, other)))
    for index, mention in list(locations.items()):
        other = _other_country(mention, everything, resolver, context, namesakes)
        if other is not None:
            locations[index] = replace(_place_of(mention, other), kind="location")
    return relocated


def _other_country(mention: ActorMention, everything: list[ActorMention],
                   resolver: ActorResolver, context: str | None,
                   namesakes: Callable[[str], set[str]] | None) -> str | None:
    if mention.kind not in _PLACE_KINDS or not mention.country:
        return None
    holders = _holders(mention.text, resolver, namesakes)
    if len(holders) < 2 or mention.country not in holders:
        return None
    counts = document_countries(everything, context, skip=normalize_name(mention.text))
    if counts[mention.country]:
        return None  # the document is (also) about the capital's country
    # a government named by its capital ("talks with Beirut") is another party, no sign
    # that the story is set there
    setting = document_countries([m for m in everything if m.kind != "metonym"], context,
                                 skip=normalize_name(mention.text))
    named = [c for c in holders if setting[c]]
    return named[0] if len(named) == 1 else None


def _holders(name: str, resolver: ActorResolver,
             namesakes: Callable[[str], set[str]] | None) -> set[str]:
    """Countries that have a capital, region or sizeable town called ``name``."""
    known = {e.iso3 for e in resolver.kb.lookup(name)
             if e.kind in ("capital", "region") and e.iso3}
    if not known:
        return set()
    return known | (namesakes(name) if namesakes is not None else set())


def _place_of(mention: ActorMention, country: str) -> ActorMention:
    """The town itself: a place of ``country``, not its government."""
    return replace(mention, country=country, sector=None, id=f"{country}-STATE",
                   kind="country")
