"""Norwegian number format: non-breaking thousands space, decimal comma, true minus sign."""

from ikt_model import format as fmt

NB = fmt.NBSP


def test_number_groups_thousands_and_uses_decimal_comma():
    assert fmt.number(1234567.891) == f"1{NB}234{NB}568"
    assert fmt.number(1234567.891, 2) == f"1{NB}234{NB}567,89"
    assert fmt.number(-1234.5, 1) == f"−1{NB}234,5"
    assert fmt.number(-0.001, 2) == "0,00"  # no minus on a number that rounds to zero


def test_signed_percent_and_kroner():
    assert fmt.signed(0.891) == "+0,89" and fmt.signed(-0.234) == "−0,23" and fmt.signed(0.0) == "0,00"
    assert fmt.percent(0.2586) == f"26{NB}%" and fmt.percent(0.2586, 1) == f"25,9{NB}%"
    assert fmt.kroner(12_000_000) == f"12{NB}000{NB}000{NB}kr"
