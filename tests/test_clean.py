from newsevents.clean import clean_text
from newsevents.clean.dateline import find_dateline
from newsevents.clean.debris import find_debris

PAGE = (
    "Leave a commentTajikistan, China pledge road link\n"
    "\n"
    "DUSHANBE. ASIA-PLUS - Tajik President Emomali Rahmon received the Chinese envoy.\n"
    "\n"
    "Share this article\n"
    "Now reading\n"
    "ab/cd/efg\n"
    "XY-07/QRS\n"
    "(Reporting by A. Writer; Editing by B. Desk)\n"
    "© 2021 Example Agency. All rights reserved.\n"
)


def test_debris_kinds_and_spans_are_exact():
    spans = find_debris(PAGE)
    found = {(PAGE[s.start:s.end], s.kind) for s in spans}
    assert ("Leave a comment", "comment-prompt") in found
    assert ("Share this article", "share") in found
    assert ("Now reading", "reading-marker") in found
    assert ("ab/cd/efg", "desk-code") in found
    assert ("XY-07/QRS", "desk-code") in found
    assert ("(Reporting by A. Writer; Editing by B. Desk)", "credit") in found
    assert any(kind == "copyright" for _, kind in found)


def test_headline_glued_to_prompt_survives():
    cleaned = clean_text(PAGE)
    assert cleaned.text.splitlines()[0].strip() == "Tajikistan, China pledge road link"


def test_masking_keeps_every_offset():
    cleaned = clean_text(PAGE)
    assert len(cleaned.text) == len(PAGE)
    assert [i for i, c in enumerate(PAGE) if c == "\n"] == [
        i for i, c in enumerate(cleaned.text) if c == "\n"]
    index = PAGE.index("Emomali Rahmon")
    assert cleaned.text[index:index + 14] == "Emomali Rahmon"
    for debris in cleaned.boilerplate:
        assert PAGE[debris.start:debris.end] == debris.text
        assert not cleaned.text[debris.start:debris.end].strip()


def test_dateline_place_and_agency():
    dateline = clean_text(PAGE).dateline
    assert dateline is not None
    assert (dateline.place, dateline.agency) == ("Dushanbe", "ASIA-PLUS")
    assert "dateline" in {b.kind for b in clean_text(PAGE).boilerplate}


def test_dateline_forms():
    cases = {
        "LIMA, June 3 (Andina) -- Peru said.": ("Lima", "Andina", "June 3"),
        "ADDIS ABABA (AFP) - Ethiopia said.": ("Addis Ababa", "AFP", None),
        "HANOI — Vietnam said.": ("Hanoi", None, None),
        "ST. PETERSBURG, May 1 (TASS) - Talks.": ("St. Petersburg", "TASS", "May 1"),
    }
    for text, (place, agency, when) in cases.items():
        dateline = find_dateline(text)
        assert dateline is not None, text
        assert (dateline.place, dateline.agency, dateline.date) == (place, agency, when)


def test_no_dateline_in_ordinary_sentences():
    for text in ("The UN - and its agencies - responded.", "US - Russia talks resume",
                 "President Rahmon said - in a speech - that"):
        assert find_dateline(text) is None, text


def test_plain_text_has_no_debris():
    text = "Leaders met in Riga on Monday.\n\nThey signed a trade pact."
    assert find_debris(text) == []
    assert clean_text(text).text == text
