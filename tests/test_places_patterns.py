"""Text patterns that name places the model misses: datelines, party home towns, streets."""

from __future__ import annotations

from newsevents.places.patterns import county_spans, dateline_spans, party_home_spans
from newsevents.places.streets import locate_streets, street_spans
from newsevents.records import Place


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_datelines_at_a_line_start_after_a_headline_or_a_date():
    text = ("Council backs budget. TORRINGTON — The council voted.\n"
            "Reporter March 30, 2009 NEWARK -- Officials said.\n"
            "COLUMBUS, Ohio (AP) — The governor spoke.")
    assert texts(text, dateline_spans(text)) == ["TORRINGTON", "NEWARK", "COLUMBUS", "Ohio"]
    assert texts("The NATO - led force left.", dateline_spans("The NATO - led force left.")) \
        == []


def test_party_home_towns():
    text = ("Rep. Torrey Westrom, R-Elbow Lake, said so; Rep. Nick Rahall, D-W. Va., agreed "
            "with State Rep. Jay Roberts (R-Ocilla), and Clif Moore, D-McDowell. Later, "
            "B-52 bombers flew.")
    assert texts(text, party_home_spans(text)) == ["Elbow Lake", "W. Va.", "Ocilla",
                                                   "McDowell"]


def test_street_names_without_openers_or_longer_names():
    text = ("Keith Warden, of 2517 Memphis St., Alexandria, was stopped on Highway 19. "
            "The Wall Street Journal said. On Darby Street in Dublin it was quiet.")
    assert texts(text, street_spans(text)) == ["Memphis St.", "Highway 19", "Darby Street"]


def test_streets_take_the_town_after_them_else_the_main_town():
    text = "Newmarket Road, Cambridge and Mill Road and more in Ely and Ely."
    cambridge = Place("Cambridge", 15, 24, "Cambridge", "GBR", 52.2, 0.12, 1, "city")
    ely = [Place("Ely", 50, 53, "Ely", "GBR", 52.4, 0.26, 2, "city"),
           Place("Ely", 58, 61, "Ely", "GBR", 52.4, 0.26, 2, "city")]
    streets = locate_streets(text, street_spans(text), [cambridge, *ely])
    assert [(p.text, p.name, p.feature, p.lat) for p in streets] == [
        ("Newmarket Road", "Newmarket Road", "street", 52.2),
        ("Mill Road", "Mill Road", "street", 52.4)]
    assert locate_streets(text, street_spans(text), []) == []


def test_county_spans_longest_first_inside_longer_names():
    text = "said the Pike-Ogle County Fair board and the Tensas Parish Sheriff’s Office"
    spans = [[text[s:e] for s, e in group] for group in county_spans(text)]
    assert spans == [["Pike-Ogle County", "Ogle County"], ["Tensas Parish"]]
    assert list(county_spans("the county board met")) == []
