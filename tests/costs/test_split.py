"""Cost-sharing key (2.8): exact to the krone, sums to the budget (the validation: test_inputs.py)."""

from fractions import Fraction

import pytest

from ikt_model.costs.inputs import MAX_BUDGET_KR, CostInputError, parse_cost_input
from ikt_model.costs.split import largest_remainder, split_costs
from ikt_model.costs.tables import cost_display_rows, cost_table
from ikt_model.municipalities import municipalities_2015, municipalities_today

SUNNMORE = ["1515", "1511", "1514"]  # Herøy 8934, Vanylven 3258, Sande 2635 (1 Jan 2015); same numbers today


def test_equal_and_population_split_by_hand():
    # on the report's population (1.1.2015), to compare with figures computed by hand
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3,
                                         population_year=2015))
    # exact: 12e6 * (0.3/3 + 0.7 * pop/14827)
    exact = {m: Fraction(12_000_000) * (Fraction(1, 10) + Fraction(7, 10) * Fraction(p, 14_827))
             for m, p in zip(SUNNMORE, (8934, 3258, 2635), strict=False)}
    shares = {m.kommunenummer: m.andel_kr for m in split.members}
    assert shares == {"1515": 6_261_415, "1511": 3_045_768, "1514": 2_692_817}
    for m, kr in shares.items():
        assert abs(kr - exact[m]) < 1
    assert sum(shares.values()) == 12_000_000
    herøy = split.members[0]
    assert herøy.folketall == 8934 and herøy.kr_per_innbygger == round(6_261_415 / 8934, 2)
    assert herøy.navn == "Herøy (Møre og Romsdal)" and herøy.label == "Herøy (Møre og Romsdal, 1515)"
    assert split.population_label == "folketall 1.1.2015, SSB"


def test_newest_population_is_the_default_and_says_its_date():
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    today = municipalities_today()
    assert split.population_year == 2026
    assert [m.folketall for m in split.members] == [today[k].folketall[2026] for k in SUNNMORE]
    assert "(folketall 1.1.2026, SSB)" in split.method_text
    assert "Folketall 1.1.2026" in cost_table(split)[0] and "Folketall 1.1.2026" in cost_display_rows(split)[0]
    for year in (2025, 2024):
        earlier = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=1000, population_year=year))
        assert [m.folketall for m in earlier.members] == [today[k].folketall[year] for k in SUNNMORE]


def test_old_members_that_are_one_municipality_today_are_merged_with_a_notice():
    # Ålesund, Ørskog, Skodje (2015) have been one municipality since 2020: one member, not three
    split = split_costs(parse_cost_input(members=["1504", "1523", "1529", "1577"], budget_kr=1_000_000))
    assert [m.kommunenummer for m in split.members] == ["1508", "1577"]
    assert split.notices == ("Ålesund (1504, 2015), Ørskog (1523, 2015) og Skodje (1529, 2015) er i dag én "
                             "kommune, Ålesund (1508): regnet som ett medlem.",)
    assert sum(m.andel_kr for m in split.members) == 1_000_000
    by_name = split_costs(parse_cost_input(members="Ålesund, Haram, volda", budget_kr=1000))
    assert [m.kommunenummer for m in by_name.members] == ["1508", "1580", "1577"] and by_name.notices == ()
    old = split_costs(parse_cost_input(members=["0719"], budget_kr=1000))  # Andebu -> Sandefjord
    assert old.members[0].kommunenummer == "3907" and "Andebu (0719, 2015) er i dag Sandefjord (3907)." in old.notices
    pct = parse_cost_input(members=["1504", "1577"], budget_kr=1000, percentages={"1504": 70, "1577": 30})
    assert pct.percentages == {"1508": 70, "1577": 30}
    with pytest.raises(CostInputError, match="to ganger for Ålesund"):
        parse_cost_input(members=["1504", "1523"], budget_kr=1000, percentages={"1504": 50, "1523": 50})


def test_pure_equal_and_pure_population():
    equal = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=100, equal_share=1))
    assert [m.andel_kr for m in equal.members] == [34, 33, 33]  # largest remainder, ties by position
    pop = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=14_827, equal_share=0, population_year=2015))
    assert [m.andel_kr for m in pop.members] == [8934, 3258, 2635]
    assert all(m.kr_per_innbygger == 1.0 for m in pop.members)


@pytest.mark.parametrize("budget", [1, 7, 999_999, 12_345_679, MAX_BUDGET_KR])
@pytest.mark.parametrize("equal", [0, 0.3, 0.5, 1])
def test_shares_always_sum_to_budget(budget, equal):
    members = sorted(municipalities_today())[:37]
    split = split_costs(parse_cost_input(members=members, budget_kr=budget, equal_share=equal))
    assert sum(m.andel_kr for m in split.members) == budget
    assert all(m.andel_kr >= 0 for m in split.members)


def test_largest_remainder_gives_leftover_to_largest_fractions():
    assert largest_remainder(10, [Fraction(33, 10), Fraction(33, 10), Fraction(34, 10)]) == [3, 3, 4]
    assert largest_remainder(3, [Fraction(1), Fraction(1), Fraction(1)]) == [1, 1, 1]


def test_fixed_percentages():
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=1_000_001,
                                         percentages={"1515": "33,33", "1511": 33.33, "1514": "33,34 %"}))
    assert split.method == "faste_prosenter" and split.equal_share is None
    assert sum(m.andel_kr for m in split.members) == 1_000_001
    assert [m.andel_kr for m in split.members] == [333_300, 333_300, 333_401]


def test_whole_country_sums_exactly():
    split = split_costs(parse_cost_input(members=list(municipalities_today()), budget_kr=1_000_000_007,
                                         equal_share=0.37))
    assert sum(m.andel_kr for m in split.members) == 1_000_000_007
    assert split.folketall == 5_627_400  # SSB, 1.1.2026
    # the 428 municipalities of 2015 are today's 357, except the split Snillfjord and Tysfjord, which must be chosen
    with pytest.raises(CostInputError, match="Snillfjord"):
        parse_cost_input(members=list(municipalities_2015()), budget_kr=1000)
    old = [k for k in municipalities_2015() if k not in ("1613", "1850")]
    merged = split_costs(parse_cost_input(members=old, budget_kr=1000, population_year=2015))
    assert len(merged.members) == 357 and merged.folketall == 5_165_802
