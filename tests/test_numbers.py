"""Norwegian number input: what people type is read as they mean it, or refused with an example."""

import re
from decimal import Decimal

import pytest

from ikt_model.numbers import (
    WHOLE_NUMBER_PATTERN,
    NumberInputError,
    has_minus_sign,
    parse_number,
    parse_whole,
    parse_whole_between,
    whole_number_hint,
)


@pytest.mark.parametrize("text, expected", [
    ("250.000", 250_000),
    ("1.200.000", 1_200_000),
    ("12 000 000", 12_000_000),
    ("12\u00a0000\u00a0000", 12_000_000),        # non-breaking space (what fmt.kroner writes)
    ("12\u202f000\u202f000", 12_000_000),        # narrow non-breaking space (pasted from Word/macOS)
    ("12,5 mill", 12_500_000),
    ("12,5 mill.", 12_500_000),
    ("12,5mill", 12_500_000),
    ("12,5 millioner", 12_500_000),
    ("12,5 MNOK", 12_500_000),
    ("1,2 mrd", 1_200_000_000),
    ("2 milliarder", 2_000_000_000),
    ("kr 12 000 000", 12_000_000),
    ("12 000 000 kr", 12_000_000),
    ("12 000 000,-", 12_000_000),
    ("kr 12 000 000,-", 12_000_000),
    ("12,5 mill. kr", 12_500_000),
    ("1.234.567,5", Decimal("1234567.5")),
    ("1 234 567,5", Decimal("1234567.5")),
    ("  42  ", 42),
    ("0,125", Decimal("0.125")),
    ("−5", -5),
    ("-5", -5),
    ("+5", 5),
    ("60,5", Decimal("60.5")),
])
def test_norwegian_forms_are_read_as_meant(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text, hint", [
    ("1.5", "komma som desimaltegn"),
    ("60.50", "komma som desimaltegn"),
    ("1.2345", "komma som desimaltegn"),
    ("1,200", "både 1,2 og"),
    ("12,500 mill", "både 12,5 og"),
    ("1,200,000", "flere komma"),
    ("1 200.000", "blander"),
    ("12 00", "gruppering"),
    ("1e6", "er ikke et tall"),
    ("tolv", "er ikke et tall"),
    ("12 mill 3", "er ikke et tall"),
    ("", "mangler"),
    ("   ", "mangler"),
    ("kr", "ikke et tall"),
    ("mill", "ikke noe tall"),
    ("50 %", "prosenttegn"),
])
def test_ambiguous_or_foreign_forms_are_refused_with_an_example(text, hint):
    with pytest.raises(NumberInputError) as info:
        parse_number(text, what="Budsjettet", example="12 000 000 eller 12,5 mill")
    message = str(info.value)
    assert hint in message
    assert "Skriv for eksempel" in message
    assert message.startswith("Budsjettet")


def test_decimal_point_message_offers_the_comma():
    with pytest.raises(NumberInputError, match=r"Skriv for eksempel 1,5 \(eller"):
        parse_number("1.5")


def test_ambiguous_comma_message_offers_both_readings():
    with pytest.raises(NumberInputError, match=r"Skriv for eksempel 1,2 eller 1 200\."):
        parse_number("1,200")


def test_percent_sign_only_where_allowed():
    assert parse_number("60,5 %", allow_percent=True) == Decimal("60.5")
    assert parse_number("60,5%", allow_percent=True) == Decimal("60.5")
    with pytest.raises(NumberInputError, match="mill"):
        parse_number("1 mill %", allow_percent=True)


def test_values_from_code_pass_through_and_bad_ones_are_refused():
    assert parse_number(12_000_000) == 12_000_000
    assert parse_number(0.3) == Decimal("0.3")
    assert parse_number(Decimal("1.5")) == Decimal("1.5")
    for bad in (True, float("nan"), float("inf"), None, [1]):
        with pytest.raises(NumberInputError):
            parse_number(bad)


def test_whole_numbers():
    assert parse_whole("12,5 mill") == 12_500_000
    with pytest.raises(NumberInputError, match="helt tall"):
        parse_whole("12,5")


def test_a_decimal_with_a_dot_is_refused_as_not_whole_not_told_to_use_a_comma():
    for text in ("2.5", "60.50", "-1.25", "2.5000"):
        with pytest.raises(NumberInputError, match=f"må være et helt tall \\(du skrev «{re.escape(text)}»\\)"):
            parse_whole(text, what="Antall", example="5")
    assert parse_whole("250.000") == 250_000  # a thousands dot stays a thousands dot


def test_a_whole_number_between_bounds():
    assert parse_whole_between(" 12 ", 1, 500, what="Antall kommuner") == 12
    assert parse_whole_between("1 000", 0, 2**31 - 1, what="Frø") == 1000
    assert parse_whole_between(500, 1, 500, what="Antall kommuner") == 500
    for text in ("0", "501", "-5", "3,7", "2.5", "", "tre", "1e3"):  # one message, whatever the mistake
        with pytest.raises(NumberInputError) as info:
            parse_whole_between(text, 1, 500, what="Antall kommuner")
        assert str(info.value) == "Antall kommuner må være et helt tall fra 1 til 500."
    with pytest.raises(NumberInputError, match="Frø må være et helt tall fra 0 til 2\u00a0147\u00a0483\u00a0647"):
        parse_whole_between("2147483648", 0, 2**31 - 1, what="Frø")
    for text in ("-0", "\u22120", " -0 "):  # a minus sign was dropped without a word: «−0» read as the seed 0
        with pytest.raises(NumberInputError, match="Frø må være et helt tall fra 0"):
            parse_whole_between(text, 0, 2**31 - 1, what="Frø")


def test_the_browser_pattern_takes_digits_only_and_the_hint_says_so():
    """WHOLE_NUMBER_PATTERN is given to the browser (st.text_input(validate=...), a JavaScript regular
    expression); this one reads the same in Python's `re`. Whatever it lets through, parse_whole reads."""
    taken = ("7", " 12 ", "500", "1 000", "1\u00a0000", "2147483647", "0")
    refused = ("3,7", "2.5", "1.000", "-5", "+5", "1e3", "tre", "12 00", "1  000", "7 kommuner")
    assert all(re.match(WHOLE_NUMBER_PATTERN, t) for t in taken)
    assert not any(re.match(WHOLE_NUMBER_PATTERN, t) for t in refused)
    assert [parse_whole(t) for t in taken] == [7, 12, 500, 1000, 1000, 2147483647, 0]
    assert whole_number_hint(0, 2**31 - 1) == ("Skriv et helt tall fra 0 til 2\u00a0147\u00a0483\u00a0647, uten komma "
                                               "eller punktum.")


@pytest.mark.parametrize("raw, signed", [
    ("-0", True), (" \u22120", True), ("\u20135", True), ("-10 %", True), (-0.0, True), (-1, True),
    (Decimal("-0"), True), (Decimal("-0.00"), True),
    ("0", False), ("+0", False), (" 5", False), ("", False), (0, False), (0.0, False), (Decimal("0"), False),
    (3, False), (False, False), (None, False),
])
def test_a_minus_sign_is_seen_on_zero_too(raw, signed):
    assert has_minus_sign(raw) is signed


def test_a_percentage_is_told_only_what_a_percentage_accepts():
    with pytest.raises(NumberInputError) as percent:
        parse_number("abc", what="Prosenten", example="60,5", allow_percent=True, allow_multiplier=False)
    message = str(percent.value)
    assert "«%»" in message and "mill" not in message and "mrd" not in message and "«kr»" not in message
    with pytest.raises(NumberInputError) as amount:
        parse_number("abc", what="Budsjettet")
    assert "«mill», «mrd» og «kr»" in str(amount.value) and "%" not in str(amount.value)
    for text in ("50 kr", "kr 50", "50 kr %"):  # what the message does not offer is not read either
        with pytest.raises(NumberInputError, match="er ikke et tall"):
            parse_number(text, allow_percent=True, allow_multiplier=False)


def test_cost_percentages_refuse_a_multiplier():
    from ikt_model.costs.inputs import CostInputError, parse_cost_input

    with pytest.raises(CostInputError, match="kan ikke ha «mill» eller «mrd»"):
        parse_cost_input(members=["1515", "1511"], budget_kr=1_000_000, percentages={"1515": "1 mill", "1511": "0"})
