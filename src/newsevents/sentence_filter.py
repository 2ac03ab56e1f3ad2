"""A cheap lexical prefilter: which sentences of an article the NLP stages must see.

Most sentences of a news story hold no event: parsing them costs as much as parsing the
ones that do. This filter decides from words alone, before any model runs, which stretches
of text to keep; the rest are masked (characters become spaces, newlines stay, as cleaning
does), so the text keeps its length, every offset still points into the article, and the
model and the extraction stages spend almost nothing on them.

A stretch is kept if it could

- hold a trigger: a word whose lemma could be in the trigger lexicon for that part of
  speech (with, for rules that require a particle or a fixed object, "call" + "for",
  "open" + "fire", that word somewhere in the stretch too), or a reported obligation
  ("must", "should", "ought"). Candidate lemmas come from the model's own lemmatizer
  tables: every exception and every suffix rule of the part of speech is tried, so they
  include whatever lemma the lemmatizer will later choose;
- feed in-document coreference, which links "the president", "his host", "he" to the
  most recent fitting named person (a linked role phrase then counts as the most recent
  person). Stretches with a word of a known person's name (also by transliteration
  skeleton or a one-edit misspelling, as the resolver accepts them: a misspelled surname
  only right after a known given name, "Laurent Gbago") or a linking title are kept. A
  stretch whose only such words are "he"/"she" can go: it links to the latest person,
  which changes no later choice. "It"/"they" link to a country or group of the same or
  the sentence before, and that link feeds nothing later: the stretch before one that
  could hold an event and says "it"/"they"/"them" is kept.

Stretches are cut only where a cut is certain (a line break, or sentence-final punctuation
followed by a capital that does not end an abbreviation); when in doubt text stays
together, which costs only speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.actors.knowledge import KnowledgeBase, name_skeleton, normalize_name
from newsevents.actors.spelling import MIN_LENGTH as SPELLING_MIN
from newsevents.clean.masking import mask

if TYPE_CHECKING:
    from spacy.language import Language

# Words that open a reported obligation (events/demands) besides the trigger lexicon.
OBLIGATION_WORDS = frozenset({"must", "should", "ought"})
# Head nouns a definite role phrase links through to a named person ("the president",
# "his host"): the coreference linker's titles, kept in step by the fast-path tests.
LINKING_NOUNS = frozenset({
    "president", "leader", "premier", "chancellor", "king", "queen", "emir", "monarch",
    "sultan", "state", "minister", "head", "ruler", "host", "counterpart", "guest",
    "visitor", "interlocutor"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
# Distinct words remembered: news reaches about 25,000 in 1,200 articles. Emptied when
# full, so that a long run's worker stays flat (an entry is a few hundred bytes).
WORD_CACHE_LIMIT = 50_000

_WORD = re.compile(r"[^\W\d_]+")
# A certain sentence end: [.!?], optional closing quotes/brackets, spaces, then an optional
# opening quote or bracket and a capital letter or digit.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u2019\u201d)\]]*[ \t]+(?=[\"'\u2018\u201c(\[]?[A-Z0-9])")
# What may precede a full stop that does not end a sentence ("Mr. Putin", "U.S. troops").
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Cmdr|"
    r"Rev|Hon|Pres|Jr|Sr|Co|Corp|Inc|Ltd|No|Nos|Vol|Fig|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|Blvd|Rd|Dept|Univ|Assn|Bros)|"
    r"[A-Za-z]\.[A-Za-z]|\.\.)$")


# Universal parts of speech, as the lemmatizer names its tables.
_PARTS_OF_SPEECH = ("adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num",
                    "part", "pron", "propn", "punct", "sconj", "sym", "verb", "x")
# The lemmatizer's tables for the parts of speech the trigger lexicon uses.
TRIGGER_PARTS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj"}


@dataclass(frozen=True)
class LemmaTables:
    """The lemmatizer's suffix rules and exceptions, per part of speech ("noun", "verb",
    "adj", ...): a word can only take a verb lemma by a verb rule, so "according" can be
    "accord" only as a verb, and the lexicon has "accord" only as a noun."""

    rules: Mapping[str, Sequence[tuple[str, str]]]
    exceptions: Mapping[str, Mapping[str, Sequence[str]]]

    @classmethod
    def from_language(cls, nlp: Language) -> LemmaTables:
        """Read the tables of ``nlp``'s rule lemmatizer (none if it has no lemmatizer)."""
        if "lemmatizer" not in nlp.component_names:  # disabled when answered by lookup
            return cls({}, {})
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
        exceptions = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        # the tables are keyed by string hashes: ask for each part of speech by name
        return cls({part: tuple((str(old), str(new)) for old, new in rules[part])
                    for part in _PARTS_OF_SPEECH if part in rules},
                   {part: dict(exceptions[part])
                    for part in _PARTS_OF_SPEECH if part in exceptions})

    def candidates(self, lower: str, part: str | None = None) -> set[str]:
        """Every lemma the lemmatizer could give the lower-case word ``lower`` as ``part``
        of speech (as any part of speech if None). The word itself is always one: base
        forms and proper nouns keep their text."""
        found = {lower}
        parts = [part] if part else set(self.rules) | set(self.exceptions)
        for name in parts:
            found.update(self.exceptions.get(name, {}).get(lower, ()))
            for old, new in self.rules.get(name, ()):
                if lower.endswith(old):
                    found.add(lower[:len(lower) - len(old)] + new)
        return found


@dataclass(frozen=True, slots=True)
class _Word:
    lemmas: frozenset[str]
    event: bool  # a bare trigger or an obligation: the stretch could hold an event
    link: bool  # a person's name or a linking title: the stretch feeds coreference
    particles: frozenset[str]  # what would make it a trigger if also in the stretch
    given_name: bool = False  # the first word of a known person's name
    near_surname: bool = False  # one edit from a known surname: a name after a given name


@dataclass
class SentenceFilter:
    """Decides, from words alone, which stretches of a text the NLP stages need."""

    # (trigger lemma, part of speech) -> the particles or objects its rules require
    # (None: a bare rule)
    trigger_particles: Mapping[tuple[str, str], frozenset[str | None]]
    tables: LemmaTables
    knowledge: KnowledgeBase
    _surnames: frozenset[str] = field(init=False, repr=False)
    _given_names: frozenset[str] = field(init=False, repr=False)
    _near_single_names: frozenset[str] = field(init=False, repr=False)
    _near_surnames: frozenset[str] = field(init=False, repr=False)
    _words: dict[str, _Word] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # A person is named by a surname or a full name, both ending in the surname.
        names = [key.split(" ") for key, entries in self.knowledge.entries.items()
                 if any(e.kind == "person" for e in entries)]
        self._surnames = frozenset(words[-1] for words in names)
        self._given_names = frozenset(words[0] for words in names if len(words) > 1)
        # The resolver corrects a lone word only towards a one-word name ("Lula"), and a
        # surname only after its person's given name ("Laurent Gbago"; surnames of five
        # letters or more). Each set holds such names with their deletions after the
        # initial (the resolver compares words with the same initial): a word is one
        # edit from one of the names exactly when it, or one of its own such deletions,
        # is in the set.
        self._near_single_names = _within_one_deletion(
            words[0] for words in names if len(words) == 1 and len(words[0]) >= SPELLING_MIN - 1)
        self._near_surnames = _within_one_deletion(
            words[-1] for words in names if len(words) > 1 and len(words[-1]) >= 5)

    def mask_unneeded(self, text: str) -> str:
        """``text`` with every stretch that can neither hold an event nor feed
        coreference masked. A stretch that could hold an event and says "it", "they"
        or "them" also keeps the stretch before it, where those pronouns look."""
        spans = list(sentence_spans(text))
        events = [self._could_hold_an_event(text[start:end]) for start, end in spans]
        keep = [event or self._feeds_coreference(text[start:end])
                for event, (start, end) in zip(events, spans, strict=True)]
        for index, (start, end) in enumerate(spans):
            if index and events[index] and _mentions_group_pronoun(text[start:end]):
                keep[index - 1] = True
        masked = [span for span, kept in zip(spans, keep, strict=True) if not kept]
        return mask(text, masked) if masked else text

    def _could_hold_an_event(self, stretch: str) -> bool:
        words = [self._word(match.group()) for match in _WORD.finditer(stretch)]
        if any(word.event for word in words):
            return True
        required = {p for word in words for p in word.particles}
        if not required:
            return False
        present = {lemma for word in words for lemma in word.lemmas}
        return not present.isdisjoint(required)

    def _feeds_coreference(self, stretch: str) -> bool:
        previous: _Word | None = None
        for match in _WORD.finditer(stretch):
            word = self._word(match.group())
            if word.link or (word.near_surname and previous is not None
                             and previous.given_name):
                return True
            previous = word
        return False

    def _word(self, text: str) -> _Word:
        """What ``text`` can do for a stretch, from the word alone. Cached: words repeat."""
        word = self._words.get(text)
        if word is None:
            lower = text.lower()
            lemmas = frozenset(self.tables.candidates(lower))
            rules = [self.trigger_particles[(lemma, pos)]
                     for pos, part in TRIGGER_PARTS.items()
                     for lemma in self.tables.candidates(lower, part)
                     if (lemma, pos) in self.trigger_particles]
            event = lower in OBLIGATION_WORDS or any(None in r for r in rules)
            link = not LINKING_NOUNS.isdisjoint(lemmas) or self._could_name_a_person(text)
            particles = frozenset() if event else frozenset(
                p for r in rules for p in r if p is not None)
            capitalised = text[:1].isupper()
            key = normalize_name(text) if capitalised else ""
            if len(self._words) >= WORD_CACHE_LIMIT:
                self._words.clear()  # bounded: memory stays flat however long the stream
            word = self._words[text] = _Word(
                lemmas, event, link, particles, capitalised and key in self._given_names,
                capitalised and _one_edit_from(key, self._near_surnames))
        return word

    def _could_name_a_person(self, word: str) -> bool:
        """A capitalised word of a known person's name, also by transliteration skeleton
        or a one-edit misspelling of a one-word name, as the resolver accepts them; or a
        misspelled title."""
        if len(word) < 3:
            return False
        if not word[:1].isupper():
            return any(not LINKING_NOUNS.isdisjoint(e.role.term.split(" ")) for e in
                       self.knowledge.lookup_misspelled_role(word) if e.role is not None)
        key = normalize_name(word)
        if key in self._surnames or name_skeleton(word) in self.knowledge.skeletons:
            return True
        return len(key) >= SPELLING_MIN and _one_edit_from(key, self._near_single_names)


def _deletions(word: str) -> set[str]:
    """``word`` without one of its letters, the initial always kept."""
    return {word[:i] + word[i + 1:] for i in range(1, len(word))}


def _within_one_deletion(names: Iterable[str]) -> frozenset[str]:
    """``names`` and their deletions after the initial, for :func:`_one_edit_from`."""
    found: set[str] = set()
    for name in names:
        found.add(name)
        found.update(_deletions(name))
    return frozenset(found)


def _one_edit_from(key: str, near: frozenset[str]) -> bool:
    """Whether ``key`` is at most one edit (after its initial) from a name whose
    :func:`_within_one_deletion` set is ``near``."""
    return bool(key) and (key in near or not near.isdisjoint(_deletions(key)))


def _mentions_group_pronoun(stretch: str) -> bool:
    return any(m.group().lower() in GROUP_PRONOUNS for m in _WORD.finditer(stretch))


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each stretch between certain sentence ends and line breaks."""
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        start = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            if _ABBREVIATION.search(text, max(line_start, match.start() - 12), match.start()):
                continue
            yield start, match.end()
            start = match.end()
        if start < line_end:
            yield start, line_end
        line_start = line_end + 1
