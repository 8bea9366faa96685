"""Norwegian number format: non-breaking thousands space, decimal comma, true minus sign; plurals; tables."""

from decimal import Decimal

import pandas as pd

from ikt_model import format as fmt

NB = fmt.NBSP


def test_number_groups_thousands_and_uses_decimal_comma():
    assert fmt.number(1234567.891) == f"1{NB}234{NB}568"
    assert fmt.number(1234567.891, 2) == f"1{NB}234{NB}567,89"
    assert fmt.number(-1234.5, 1) == f"−1{NB}234,5"
    assert fmt.number(-0.001, 2) == "0,00"  # no minus on a number that rounds to zero
    # a whole number or a Decimal exactly, however large (a float has 15–17 significant digits)
    assert fmt.number(99_999_999_999_999_999_999_999) == NB.join(["99"] + ["999"] * 7)
    assert fmt.number(-12_345_678_901_234_567_891) == "−" + NB.join(["12", "345", "678", "901", "234", "567", "891"])
    assert fmt.number(Decimal("1075.5"), 2) == f"1{NB}075,50"


def test_signed_percent_and_kroner():
    assert fmt.signed(0.891) == "+0,89" and fmt.signed(-0.234) == "−0,23" and fmt.signed(0.0) == "0,00"
    assert fmt.percent(0.2586) == f"26{NB}%" and fmt.percent(0.2586, 1) == f"25,9{NB}%"
    assert fmt.kroner(12_000_000) == f"12{NB}000{NB}000{NB}kr"


def test_plural_uses_the_singular_only_for_one():
    assert fmt.plural(1, "kommune", "kommuner") == "1 kommune"
    assert fmt.plural(0, "kommune", "kommuner") == "0 kommuner"
    assert fmt.plural(1234, "egen vurdering", "egne vurderinger") == "1\u00a0234 egne vurderinger"


def test_table_shows_numbers_the_norwegian_way_and_keeps_them_numbers():
    frame = pd.DataFrame({"n": [81912, None], "x": [-1.5, 2.25], "t": ["a", None], "år": [2009, None],
                          "s": [0.891, -0.2]})
    styled = fmt.table(frame, signed_columns=("s",), plain_columns=("år",))
    shown = styled._translate(False, False)  # the display values Streamlit sends
    cells = [[c["display_value"] for c in row[1:]] for row in shown["body"]]
    assert cells[0] == ["81\u00a0912", "−1,50", "a", "2009", "+0,89"]
    assert cells[1] == ["–", "2,25", "–", "–", "−0,20"]
    assert styled.data["n"].dtype.kind == "f"  # still numbers underneath: sorting stays numeric
    # a year is text underneath: the grid draws a missing number as «None», whatever the display says
    assert list(styled.data["år"]) == ["2009", "–"] and list(frame["år"].isna()) == [False, True]


def test_table_shows_points_and_percentages_and_keeps_them_numbers():
    """Scores were text («+1», «−2») and percentages too («9 %»): a click on the column heading sorted
    «+1» before «−2» and «10 %» before «9 %»."""
    frame = pd.DataFrame({"poeng": [1, -2, 0, None], "andel": [0.09, 0.1, 0.265, None]})
    styled = fmt.table(frame, points_columns=("poeng",), percent_columns=("andel",), decimals={"andel": 1})
    cells = [[c["display_value"] for c in row[1:]] for row in styled._translate(False, False)["body"]]
    assert cells == [["+1", f"9,0{NB}%"], ["\u22122", f"10,0{NB}%"], ["0", f"26,5{NB}%"], ["–", "–"]]
    assert styled.data["poeng"].dtype.kind == "f" and styled.data["andel"].dtype.kind == "f"
    assert list(styled.data.sort_values("poeng")["poeng"].dropna()) == [-2, 0, 1]  # sorted as numbers


def test_percent_trimmed_as_a_slider_shows_it():
    assert fmt.percent(0.265, 1, trim=True) == "26,5\u00a0%"
    assert fmt.percent(0.27, 1, trim=True) == "27\u00a0%" and fmt.percent(0.0, 1, trim=True) == "0\u00a0%"
    assert fmt.percent(0.1, 1, trim=True) == "10\u00a0%"  # the zero of 10 stays
    assert fmt.percent(0.27, 1) == "27,0\u00a0%"  # without trim, as before


def test_exact_decimals_are_shown_as_norwegian_numbers():
    """DuckDB's DECIMAL reaches pandas as Python Decimals in an object column (the «SQL» page):
    «1234.5» was shown as it is."""
    from decimal import Decimal
    frame = pd.DataFrame({"z": [Decimal("1234.5"), None], "navn": ["a", "b"]})
    shown = fmt.table(frame, decimals=1).to_html()
    assert f"1{NB}234,5" in shown and "1234.5" not in shown and "–" in shown


def test_points_keep_a_half_point():
    """Rounded to whole points, the memo's appendix read +0,5 as 0 and −2,5 as −2 (a fresh tester)."""
    assert [fmt.points(v) for v in (2, 1.5, 0.5, 0, -0.5, -2.5, -2.0)] == [
        "+2", "+1,5", "+0,5", "0", "\u22120,5", "\u22122,5", "\u22122"]
