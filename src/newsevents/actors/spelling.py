"""Misspelled names: "Ethopia", "Quatar", "Bouteflicka" are one edit away from a known name.

Only single capitalised words of six letters or more are tried, only against names that
start with the same letter, and only a unique match is accepted, so that ordinary words
and short names ("Mali"/"Bali") are never bent into something else.
"""

from __future__ import annotations

MIN_LENGTH = 6  # words tried; known names of MIN_LENGTH - 1 ("Qatar") can be found


def within_one_edit(a: str, b: str) -> bool:
    """True if ``a`` becomes ``b`` by one insertion, deletion or substitution (or none)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return edits + (len(b) - j) <= 1


class SpellingIndex:
    """Known single-word names by first letter, for one-edit lookups."""

    def __init__(self, min_length: int = MIN_LENGTH) -> None:
        self._by_initial: dict[str, list[str]] = {}
        self._answers: dict[str, str | None] = {}
        self.min_length = min_length

    def add(self, key: str) -> None:
        if len(key) >= self.min_length - 1 and " " not in key:
            self._by_initial.setdefault(key[0], []).append(key)
            self._answers.clear()

    def closest(self, key: str) -> str | None:
        """The unique known key one edit away from ``key``, if there is exactly one.
        Answers are kept: the scan is linear in the keys sharing an initial, and the
        same unknown words come back document after document."""
        if len(key) < self.min_length or " " in key:
            return None
        if key in self._answers:
            return self._answers[key]
        matches = {k for k in self._by_initial.get(key[:1], []) if within_one_edit(key, k)}
        if len(self._answers) >= 200_000:
            self._answers.clear()
        self._answers[key] = found = matches.pop() if len(matches) == 1 else None
        return found
