"""Properties of the cleaners on any input: they never crash, masking keeps every offset
(same length, same newlines, text outside the masked spans untouched), every span is
exactly the text it names, and cleaning is idempotent (cleaned text has no debris left, and
without a dateline a second cleaning changes nothing).

Arbitrary text rarely contains debris, so besides ``st.text()`` the tests draw pages glued
together from debris phrases, datelines, desk codes and prose, with and without spaces."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.clean import clean_text
from newsevents.clean.dateline import find_dateline
from newsevents.clean.debris import find_debris

PIECES = [
    "Your Comment", "Leave a comment", "Comments (3)", "12 comments", "Currently reading",
    "Read more:", "Related stories:", "Share this article", "Follow us on Twitter",
    "Advertisement", "Scroll to continue", "ef/lam/jpm", "PL-18/MNA", "(Reporting by A. B.)",
    "© 2021 Agency", "All rights reserved.", "Copyright", "ASTANA. KAZINFORM -",
    "LIMA, June 3 (Andina) --", "HANOI —", "ST. PETERSBURG (TASS) -", "Kazakhstan",
    "Putin met Nazarbayev in Astana.", "Most readers", "Your Commentary", "the talks",
    "US - Russia", "(c)", "Read more", "Now reading", "2015", "—", "-", ".", "(", ")",
]
SEPARATORS = ["", " ", "  ", "\n", "\n\n", "\t", " - ", "\r\n"]

pages = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)),
                 max_size=25).map(lambda parts: "".join(p + s for p, s in parts))
texts = st.one_of(st.text(), pages, st.text(alphabet=st.sampled_from(
    list("AaZz .,-—()/\n\t©:0123456789'’")), max_size=200))


def _newlines(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c == "\n"]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_clean_text_masks_without_moving_anything(text):
    cleaned = clean_text(text)
    assert len(cleaned.text) == len(text)
    assert _newlines(cleaned.text) == _newlines(text)
    masked = [False] * len(text)
    for span in cleaned.boilerplate:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert not cleaned.text[span.start:span.end].strip()
        for i in range(span.start, span.end):
            masked[i] = True
    for i, (before, after) in enumerate(zip(text, cleaned.text, strict=True)):
        if not masked[i]:
            assert before == after


@settings(max_examples=200, deadline=None)
@given(texts)
def test_cleaning_is_idempotent(text):
    cleaned = clean_text(text)
    assert find_debris(cleaned.text) == []
    if cleaned.dateline is None:  # else the next paragraph may hold a dateline of its own
        again = clean_text(cleaned.text)
        assert (again.text, again.boilerplate) == (cleaned.text, [])


@settings(max_examples=200, deadline=None)
@given(texts)
def test_debris_spans_are_ordered_disjoint_and_trimmed(text):
    spans = find_debris(text)
    for span in spans:
        piece = text[span.start:span.end]
        assert piece and piece == piece.strip() and "\n" not in piece
    for first, second in pairwise(spans):
        assert first.end <= second.start


@settings(max_examples=200, deadline=None)
@given(texts)
def test_dateline_span_is_the_text_it_names(text):
    dateline = find_dateline(text)
    if dateline is not None:
        assert text[dateline.start:dateline.end] == dateline.text
        assert dateline.place and dateline.text.strip() == dateline.text
