"""The size spread of a member list (report 3.2): largest and smallest member by population, the project's
threshold of ten times, and the sentence that says both."""

import pytest

from ikt_model.municipalities.reference import population
from ikt_model.municipalities.size import SIZE_RATIO_THRESHOLD, size_difference


def test_spread_names_the_largest_and_the_smallest_with_the_threshold_and_the_source():
    spread = size_difference(["1514", "1508", "1514"])  # Sande (Møre og Romsdal), Ålesund; a member given twice
    assert (spread.year, spread.largest, spread.smallest) == (2026, "1508", "1514")
    assert spread.ratio == pytest.approx(population("1508") / population("1514"))
    assert spread.ratio >= SIZE_RATIO_THRESHOLD and spread.large is True
    assert spread.text.startswith("Store størrelsesforskjeller: den største kommunen, Ålesund (1508), har ")
    assert "folketall 1.1.2026, SSB" in spread.text and "Terskelen er 10 ganger" in spread.text


def test_similar_sizes_are_not_large_and_the_year_is_the_one_asked_for():
    spread = size_difference(["1577", "1520"], 2015)
    assert spread.year == 2015 and spread.ratio < 2 and spread.large is False
    assert spread.ratio == pytest.approx(max(population("1577", 2015), population("1520", 2015))
                                         / min(population("1577", 2015), population("1520", 2015)))
    assert spread.text.startswith("Ikke store størrelsesforskjeller") and "folketall 1.1.2015, SSB" in spread.text


def test_fewer_than_two_members_have_no_spread_and_an_unknown_number_raises():
    assert size_difference([]) is None and size_difference(["1508"]) is None
    assert size_difference(["1508", "1508"]) is None  # the same member twice is one member
    with pytest.raises(KeyError):
        size_difference(["1508", "1504"])  # 1504 is a 2015 number, not today's


def test_the_size_text_has_one_bracket_after_a_name_with_a_county():
    """Found by a fresh tester: «Herøy (Nordland, 1818) (18 840 mot 1 874, …)», two brackets in a row."""
    text = size_difference(["1577", "1818"], 2026).text
    assert "Herøy (Nordland, 1818): " in text and ") (" not in text
