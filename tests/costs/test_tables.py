"""Tables for «Kostnadsfordeling»: the cost table and the percentage editor's helpers."""

import re

import pytest

from ikt_model.costs.split import parse_cost_input, split_costs
from ikt_model.costs.tables import cost_table
from ikt_model.municipalities import municipalities_today

SUNNMORE = ["1515", "1511", "1514"]  # Herøy 8934, Vanylven 3258, Sande 2635 (1 Jan 2015); same numbers today


def test_table():
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    rows = cost_table(split)
    assert rows[0]["Kommune"] == "Herøy (Møre og Romsdal)" and rows[0]["Kommunenummer"] == "1515"
    assert "30\u00a0% likt fordelt" in split.method_text


def test_percentage_editor_helpers():
    from ikt_model.costs.tables import default_percentages, percentage_frame, percentage_sum, percentages_from_frame

    assert default_percentages(SUNNMORE) == {"1515": 33.34, "1511": 33.33, "1514": 33.33}
    frame = percentage_frame(SUNNMORE)
    assert list(frame["Kommune"]) == ["Herøy (Møre og Romsdal)", "Vanylven", "Sande"]
    assert list(frame["Prosent"]) == ["33,34", "33,33", "33,33"]  # Norwegian text, as the results show it
    frame.loc[0, "Prosent"] = None
    assert percentages_from_frame(frame) == {"1515": "0", "1511": "33,33", "1514": "33,33"}
    kept = percentage_frame(SUNNMORE, {"1515": "60,5", "1511": "25", "1514": "14,5 %"})
    assert list(kept["Prosent"]) == ["60,5", "25", "14,5 %"]
    assert percentage_sum(percentages_from_frame(kept)) == pytest.approx(100)
    assert percentage_sum({"1515": "60.5"}) is None  # unreadable: no sum shown, the error says why
    assert list(percentage_frame(["1515"], {"1515": "50", "1511": "50"})["Prosent"]) == ["100,00"]
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=1000,
                                         percentages=percentages_from_frame(kept)))
    assert [m.andel_kr for m in split.members] == [605, 250, 145]  # «60,5» is 60,5 %, never 605
    assert sum(default_percentages(sorted(municipalities_today())[:7]).values()) == pytest.approx(100)


def test_display_table_right_aligns_the_numbers():
    """st.table writes «text-align: left» into every text cell: the number columns' own rule must win."""
    from ikt_model.costs.tables import cost_display_rows, cost_display_table

    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    styler = cost_display_table(split)
    assert styler.data.to_dict("records") == cost_display_rows(split)
    html = styler.to_html()
    css = html[html.index("<style"):html.index("</style>")]  # the only rule: the number cells, right-aligned
    assert "text-align: right !important" in css
    assert set(re.findall(r"_row\d+_col(\d+)", css)) == {"1", "2", "3", "4"}  # every column but «Kommune»
