import math

from hypothesis import given
from hypothesis import strategies as st

from newsevents.amounts import currency_of, parse_number


def test_scaled_and_compound_numbers():
    assert parse_number("21 billion 100 million dollars") == 21.1e9
    assert parse_number("$27 billion") == 27e9
    assert parse_number("$27B") == 27e9
    assert parse_number("€3.5bn") == 3.5e9
    assert parse_number("1.2 trillion rubles") == 1.2e12
    assert parse_number("10.5 percent") == 10.5
    assert parse_number("1,200") == 1200
    assert parse_number("forty") == 40
    assert parse_number("two hundred") == 200
    assert parse_number("no number here") is None


def test_continental_and_mixed_separators():
    """A continental figure once crashed a whole document's extraction."""
    assert parse_number("10.385,48 euros") == 10385.48
    assert parse_number("1.234.567") == 1234567
    assert parse_number("3,5 Mrd") == 3.5
    assert parse_number("$1,250,000.50") == 1250000.5
    assert parse_number("version 1.2.3,4,5") is None


def test_currencies():
    assert currency_of("$27 billion") == "USD"
    assert currency_of("21 billion 100 million dollars") == "USD"
    assert currency_of("1.2 trillion rubles") == "RUB"
    assert currency_of("€3.5bn") == "EUR"
    assert currency_of("40 agreements") is None


@given(st.text(max_size=80))
def test_parser_never_crashes(text):
    result = parse_number(text)
    assert result is None or not math.isnan(result)
