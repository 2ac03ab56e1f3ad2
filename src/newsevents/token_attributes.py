"""The model's attribute rules and lemmatizer, answered once per kind of token.

In ``en_core_web_sm`` the ``attribute_ruler`` (fine tag -> coarse POS and morphology, and
a few word-specific fixes: about 180 Matcher patterns) and the rule ``lemmatizer`` cost
more CPU than the tagger and the parser together on news text: the Matcher walks its
patterns for every token and the lemmatizer builds a Python ``Token`` for every word.
Yet both are pure functions of a handful of token attributes: a pattern can only read
what its keys name (TAG, LOWER, DEP, ...), and a lemma depends only on the word, its POS
and its morphology. So this component evaluates the very same patterns, and calls the
very same lemmatizer, once per distinct combination of those attributes, and reads and
writes whole documents as arrays. The annotations are identical to the stock components'
(``tests/test_token_attributes.py`` compares them token by token); only the time differs.

Patterns reaching across tokens (``"gon" "na"``, an expletive followed by "is") are
checked on their neighbours for the few tokens that could be their target. A model
whose rules use anything this evaluator does not understand (other keys, operators,
attributes to set) keeps its stock components: :func:`install_token_attributes` then
changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc

COMPONENT = "newsevents_token_attributes"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
# Lemmatizer modes whose answer depends only on the word, its POS and its morphology.
_PURE_LEMMA_MODES = frozenset({"rule", "lookup"})
# Bound on each lookup table (an entry is about 500 bytes): distinct tokens grow with the
# corpus, memory must not. 1,200 news articles fill about 50,000; emptied when full, the
# table refills from the frequent tokens within a few batches (~25 MB per process at most).
CACHE_LIMIT = 50_000

# The token attributes a pattern may test, in the order of a token's signature.
_READ = ("LOWER", "TAG", "DEP", "IS_SPACE", "ORTH")
_READ_ALIASES = {"TEXT": "ORTH"}
# The attributes a rule may set, in the order of a token's result.
_WRITE = ("TAG", "POS", "MORPH", "LEMMA", "DEP")
_ORTH_COLUMN = _READ.index("ORTH")
_POS_COLUMN, _MORPH_COLUMN = _WRITE.index("POS"), _WRITE.index("MORPH")

Predicate = Callable[[Any], bool]


class NotCompilable(Exception):
    """The model's rules use something this evaluator does not reproduce exactly."""


@dataclass
class _Tests:
    """Every test the rules make on one attribute, so that a value's *class* (the tests
    it passes) is found once per distinct value: equality and ``IN`` tests by one dict
    lookup, the rare ``NOT_IN`` and ``REGEX`` ones by running them."""

    by_value: dict[Any, set[int]]
    other: list[tuple[int, Predicate]]

    def add(self, test_id: int, value: Any) -> None:
        if not isinstance(value, dict):
            self.by_value.setdefault(value, set()).add(test_id)
            return
        if len(value) != 1:
            raise NotCompilable(f"several operators in {value!r}")
        ((operator, argument),) = value.items()
        if operator == "IN":
            for allowed in argument:
                self.by_value.setdefault(allowed, set()).add(test_id)
        elif operator == "NOT_IN":
            refused = frozenset(argument)
            self.other.append((test_id, lambda actual: actual not in refused))
        elif operator == "REGEX":
            pattern = re.compile(argument)
            self.other.append((test_id, lambda actual: bool(pattern.search(actual))))
        else:
            raise NotCompilable(f"operator {operator!r}")

    def passed(self, value: Any) -> frozenset[int]:
        return frozenset(self.by_value.get(value, ())).union(
            test_id for test_id, test in self.other if test(value))


# One token of a pattern: the (attribute position in _READ, test id) pairs it requires.
TokenSpec = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Rule:
    """One attribute-ruler entry: alternative token sequences, the target position in a
    matched sequence, and the attribute values (ids) it sets there."""

    order: int
    alternatives: tuple[tuple[TokenSpec, ...], ...]
    index: int
    values: Mapping[int, int]  # attribute id -> value

    def target_positions(self) -> list[tuple[tuple[TokenSpec, ...], int]]:
        """Each alternative with the target's position in it (a negative index counts
        from the end, as ``Span.__getitem__`` does)."""
        found = []
        for sequence in self.alternatives:
            position = self.index if self.index >= 0 else len(sequence) + self.index
            if not 0 <= position < len(sequence):
                raise NotCompilable(f"index {self.index} outside a pattern")
            found.append((sequence, position))
        return found


# A token's classes: per attribute of _READ, the tests its value passes.
Classes = tuple[frozenset[int], ...]


def _matches(spec: TokenSpec, classes: Classes) -> bool:
    return all(test_id in classes[attribute] for attribute, test_id in spec)


class TokenAttributes:
    """A spaCy component doing the work of ``attribute_ruler`` + ``lemmatizer`` by lookup.

    Three levels of lookup keep the first sight of a token cheap too: a raw token (its
    attribute ids) -> its classes (the tests each attribute value passes, found once per
    distinct value) -> the result of the rules (evaluated once per distinct set of
    classes, of which news text has a few hundred)."""

    def __init__(self, nlp: Language, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        self.vocab = nlp.vocab
        self.lemmatizer = lemmatizer
        if lemmatizer.mode not in _PURE_LEMMA_MODES:
            raise NotCompilable(f"lemmatizer mode {lemmatizer.mode!r}")
        ids = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH,
               "POS": POS, "MORPH": MORPH, "LEMMA": LEMMA}
        self._read_ids = [ids[name] for name in _READ]
        self._write_ids = [ids[name] for name in _WRITE]
        self._lemma_column = _WRITE.index("LEMMA")
        self._tests = [_Tests({}, []) for _ in _READ]
        self._test_count = 0
        self._rules = self._compile(ruler)
        # rules whose pattern spans several tokens: their target needs its neighbours
        self._wide = [(rule, sequence, position) for rule in self._rules
                      for sequence, position in rule.target_positions() if len(sequence) > 1]
        self._by_token: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[Any, ...], bool]] = {}
        self._by_classes: dict[tuple[Classes, tuple[int, ...]],
                               tuple[tuple[int, ...], tuple[Any, ...]]] = {}
        self._value_classes: list[dict[int, frozenset[int]]] = [{} for _ in _READ]
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _compile(self, ruler: AttributeRuler) -> list[_Rule]:
        allowed = set(self._write_ids)
        rules = []
        for order, (entry, values, index) in enumerate(
                zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)):
            if not set(values) <= allowed:
                raise NotCompilable(f"rule {order} sets {sorted(values)}")
            alternatives = tuple(tuple(self._token_spec(token) for token in sequence)
                                 for sequence in entry["patterns"])
            if any(not sequence for sequence in alternatives):
                raise NotCompilable(f"rule {order} has an empty pattern")
            rules.append(_Rule(order, alternatives, index, dict(values)))
        return rules

    def _token_spec(self, token_pattern: Mapping[str, Any]) -> TokenSpec:
        spec = []
        for key, value in token_pattern.items():
            name = _READ_ALIASES.get(key.upper(), key.upper())
            if name not in _READ:
                raise NotCompilable(f"pattern key {key!r}")
            attribute = _READ.index(name)
            test_id = self._test_count
            self._test_count += 1
            self._tests[attribute].add(test_id, value)
            spec.append((attribute, test_id))
        return tuple(spec)

    # -- per document ------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Set TAG, POS, MORPH, LEMMA and DEP as the ruler and the lemmatizer would.

        A token seen before in the same surroundings (its attribute ids) costs one dict
        lookup; its lemma is found on first sight, once the other attributes are set."""
        import numpy

        if not len(doc):
            return doc
        read = doc.to_array(self._read_ids + self._write_ids).tolist()
        known = self._by_token
        lemma_column, overwrite = self._lemma_column, self.lemmatizer.overwrite
        results: list[tuple[int, ...]] = []
        fresh: list[int] = []  # tokens whose lemma is still to find
        for i, row in enumerate(read):
            cached = known.get(tuple(row))
            if cached is None:
                cached = self._first_sight(row)
            result, wide, lemma_known = cached
            if wide:
                result = self._with_neighbours(read, i, wide)
                lemma_known = result[lemma_column] != 0 and not overwrite
            if not lemma_known:
                fresh.append(i)
            results.append(result)
        out = numpy.array(results, dtype="uint64")
        doc.from_array(self._write_ids, out)
        if fresh:
            self._find_lemmas(doc, read, results, fresh, out)
        return doc

    def _first_sight(self, row: list[int]) -> tuple[tuple[int, ...], tuple[Any, ...], bool]:
        result, wide = self._evaluate(row)
        lemma_set = result[self._lemma_column] != 0 and not self.lemmatizer.overwrite
        if len(self._by_token) >= CACHE_LIMIT:
            self._by_token.clear()
        cached = self._by_token[tuple(row)] = (result, wide, lemma_set)
        return cached

    def _find_lemmas(self, doc: Doc, read: list[list[int]], results: list[tuple[int, ...]],
                     fresh: list[int], out: Any) -> None:
        """Lemmatize the tokens that need it, remember the lemma with the token's other
        attributes (unless its neighbours decided them), and write the column."""
        column = self._lemma_column
        for i in fresh:
            result = results[i]
            lemma = self._lemma(doc, read[i][_ORTH_COLUMN], i, result)
            out[i, column] = lemma
            cached = self._by_token.get(tuple(read[i]))
            if cached is not None and not cached[1]:
                self._by_token[tuple(read[i])] = (
                    (*result[:column], lemma, *result[column + 1:]), (), True)
        doc.from_array([self._write_ids[column]], out[:, column:column + 1])

    def _classes(self, row: Sequence[int]) -> Classes:
        """Per read attribute, the tests the token's value passes."""
        found = []
        for attribute, value in enumerate(row[:len(_READ)]):
            known = self._value_classes[attribute]
            passed = known.get(value)
            if passed is None:
                passed = known[value] = self._tests[attribute].passed(self._as_matched(
                    _READ[attribute], value))
                if len(known) > CACHE_LIMIT:
                    known.clear()
            found.append(passed)
        return tuple(found)

    def _as_matched(self, name: str, value: int) -> Any:
        """An attribute value as the Matcher compares it: a string, a boolean for flags."""
        if name == "IS_SPACE":
            return bool(value)
        return self.vocab.strings[value] if value else ""

    def _evaluate(self, row: Sequence[int]) -> tuple[tuple[int, ...], tuple[Any, ...]]:
        """The token's attributes after every one-token rule, and the multi-token rules
        it could be the target of (checked per occurrence, on its neighbours)."""
        classes = self._classes(row)
        key = (classes, tuple(row[len(_READ):]))
        cached = self._by_classes.get(key)
        if cached is None:
            single = [rule for rule in self._rules if any(
                len(sequence) == 1 and _matches(sequence[0], classes)
                for sequence in rule.alternatives)]
            wide = tuple((rule, sequence, position)
                         for rule, sequence, position in self._wide
                         if _matches(sequence[position], classes))
            cached = self._by_classes[key] = (
                self._apply(row, single), tuple(single) + wide if wide else ())
        return cached

    def _with_neighbours(self, read: Sequence[Sequence[int]], i: int,
                         candidates: tuple[Any, ...]) -> tuple[int, ...]:
        """Slow path for a possible target of a multi-token rule: keep its one-token
        rules and the multi-token ones whose whole sequence matches here."""
        applied: dict[int, _Rule] = {}
        for candidate in candidates:
            if isinstance(candidate, _Rule):
                applied[candidate.order] = candidate
                continue
            rule, sequence, position = candidate
            start = i - position
            if start < 0 or start + len(sequence) > len(read):
                continue
            if all(_matches(spec, self._classes(read[start + offset]))
                   for offset, spec in enumerate(sequence)):
                applied[rule.order] = rule
        return self._apply(read[i], [applied[order] for order in sorted(applied)])

    def _apply(self, row: Sequence[int], rules: Sequence[_Rule]) -> tuple[int, ...]:
        """The values of the written attributes once ``rules`` are applied in order, as
        the ruler does: later rules win."""
        values = dict(zip(self._write_ids, row[len(_READ):], strict=True))
        for rule in rules:
            values.update(rule.values)
        return tuple(values[attribute] for attribute in self._write_ids)

    def _lemma(self, doc: Doc, orth: int, i: int, result: Sequence[int]) -> int:
        """The lemma's id for token ``i``, from the stock lemmatizer on first sight of
        its word, POS and morphology (all a rule or lookup lemma depends on)."""
        key = (orth, result[_POS_COLUMN], result[_MORPH_COLUMN])
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self._lemmas[key] = self.vocab.strings.add(
                self.lemmatizer.lemmatize(doc[i])[0])
            if len(self._lemmas) > CACHE_LIMIT:
                self._lemmas.clear()
        return lemma


def install_token_attributes(nlp: Language) -> bool:
    """Put :class:`TokenAttributes` where the model's attribute ruler runs and disable
    the ruler and the lemmatizer (they stay loaded: their tables are read elsewhere).
    Returns False, changing nothing, if the model lacks them or its rules cannot be
    reproduced exactly."""
    from spacy.language import Language

    if not {RULER, LEMMATIZER} <= set(nlp.pipe_names) or COMPONENT in nlp.component_names:
        return False
    if nlp.pipe_names.index(LEMMATIZER) != nlp.pipe_names.index(RULER) + 1:
        return False  # something runs between them and may read what the ruler set
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=_make_token_attributes)
    try:
        nlp.add_pipe(COMPONENT, before=RULER)
    except NotCompilable:
        return False
    nlp.disable_pipe(RULER)
    nlp.disable_pipe(LEMMATIZER)
    return True


def _make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    """spaCy's factory for the component: it is built from the model's own rules."""
    return TokenAttributes(nlp, nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))
