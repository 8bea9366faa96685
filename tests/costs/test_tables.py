"""Tables for «Kostnadsfordeling»: the cost table and the percentage editor's helpers."""

import re

import pandas as pd
import pytest

from ikt_model import format as fmt
from ikt_model.costs.inputs import parse_cost_input
from ikt_model.costs.split import split_costs
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
    frame.loc["1515", "Prosent"] = None  # a value deleted: blank, refused by the key as missing (never read as 0)
    assert percentages_from_frame(frame) == {"1515": "", "1511": "33,33", "1514": "33,33"}
    assert percentage_sum(percentages_from_frame(frame)) is None
    typed = frame.astype({"Prosent": "string"})  # a nullable text column: a deleted cell is pandas' NA
    typed.loc["1515", "Prosent"] = pd.NA
    assert percentages_from_frame(typed) == {"1515": "", "1511": "33,33", "1514": "33,33"}
    kept = percentage_frame(SUNNMORE, {"1515": "60,5", "1511": "25", "1514": "14,5 %"})
    assert list(kept["Prosent"]) == ["60,5", "25", "14,5 %"]
    assert percentage_sum(percentages_from_frame(kept)) == pytest.approx(100)
    assert percentage_sum({"1515": "60.5"}) is None  # unreadable: no sum shown, the error says why
    assert list(percentage_frame(["1515"], {"1515": "50", "1511": "50"})["Prosent"]) == ["50"]  # kept as typed
    assert list(percentage_frame(["1515"], {"1515": "50,00", "1511": "50,00"})["Prosent"]) == ["100,00"]
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=1000,
                                         percentages=percentages_from_frame(kept)))
    assert [m.andel_kr for m in split.members] == [605, 250, 145]  # «60,5» is 60,5 %, never 605
    assert sum(default_percentages(sorted(municipalities_today())[:7]).values()) == pytest.approx(100)


def test_percentage_texts_keep_what_was_typed_when_the_members_change():
    """A member list changed: typed texts stay for the members who stay (a refused one too), a new member
    starts blank, one who left takes its text along; an untouched equal split is split again."""
    from ikt_model.costs.tables import equal_split_texts, percentage_frame, percentage_texts

    typed = {"1515": "60,5", "1511": "-0"}
    assert percentage_texts(SUNNMORE, typed) == {"1515": "60,5", "1511": "-0", "1514": ""}
    assert percentage_texts(["1511"], typed) == {"1511": "-0"}
    assert percentage_texts(["1514", "1515"], typed) == {"1514": "", "1515": "60,5"}  # the new order
    assert percentage_texts(["1511", "1515"], typed) == {"1511": "-0", "1515": "60,5"}
    assert percentage_texts(SUNNMORE, equal_split_texts(["1515", "1511"])) == equal_split_texts(SUNNMORE)
    assert percentage_texts(SUNNMORE, None) == {"1515": "33,34", "1511": "33,33", "1514": "33,33"}
    # the editor is named by its members (the frame's index): another list is another editor
    assert list(percentage_frame(SUNNMORE, typed).index) == SUNNMORE


@pytest.mark.parametrize("texts, note", [
    ({"1515": "60,5", "1511": "39,5"}, "Sum: 100,00\u00a0%"),
    ({"1515": "60", "1511": "20"},
     "Prosentene summerer til 80,00\u00a0%; de må bli 100\u00a0% (20,00\u00a0% mangler)."),
    ({"1515": "60", "1511": "50 %"},
     "Prosentene summerer til 110,00\u00a0%; de må bli 100\u00a0% (10,00\u00a0% for mye)."),
    ({"1515": "60,5", "1511": "39,5", "1514": ""},
     "Prosentene summerer til 100,00\u00a0% uten Sande (1514), som ikke har fått noen prosent ennå; "
     "alle til sammen må bli 100\u00a0%."),
    ({"1515": "60", "1511": " ", "1514": ""},
     "Prosentene summerer til 60,00\u00a0% uten Vanylven (1511), Sande (1514), som ikke har fått noen prosent "
     "ennå; alle til sammen må bli 100\u00a0% (40,00\u00a0% gjenstår)."),
    ({"1515": "60", "1511": "39,99"}, "Sum: 99,99\u00a0%"),  # within the key's tolerance: accepted there too
    ({"1515": "60", "1511": "39,98"},
     "Prosentene summerer til 99,98\u00a0%; de må bli 100\u00a0% (0,02\u00a0% mangler)."),
    ({"1515": "60.5", "1511": "39,5"},  # unreadable: never summed; the key's error says why
     "Summen kan ikke regnes ut før prosenten for Herøy (Møre og Romsdal, 1515) er rettet."),
    ({"1515": "80", "1511": "-10", "1514": "−0"},  # refused as negative: not summed («Sum: 70,00 %» before)
     "Summen kan ikke regnes ut før prosenten for Vanylven (1511), Sande (1514) er rettet."),
    ({"1515": "abc", "1511": "-10", "1514": ""},
     "Summen kan ikke regnes ut før prosenten for Herøy (Møre og Romsdal, 1515), Vanylven (1511) er rettet."),
    ({"1515": "", "1511": ""}, None),
])
def test_percentage_sum_note(texts, note):
    from ikt_model.costs.tables import percentage_sum

    if note is not None and note.startswith("Summen kan ikke"):
        assert percentage_sum(texts) is None  # a refused value is not summed here either
    from ikt_model.costs.tables import percentage_sum_note

    assert percentage_sum_note(texts) == note


def test_display_table_right_aligns_the_numbers_and_their_headings():
    """st.table writes «text-align: left» into every text cell: the number columns' own rule must win, and their
    headings («inherit») stand over them."""
    from ikt_model.costs.tables import cost_display_rows
    from ikt_model.ui.text import markdown_cells

    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    styler = markdown_cells(cost_display_rows(split))
    assert len(styler.data) == len(cost_display_rows(split))
    html = styler.to_html()
    css = html[html.index("<style"):html.index("</style>")]
    assert css.count("text-align: right !important") == 8  # one rule per number column for its heading and cells
    assert set(re.findall(r"td\.col(\d+)", css)) == {"1", "2", "3", "4"}  # every column but «Kommune»
    assert set(re.findall(r"th\.col_heading\.col(\d+)", css)) == {"1", "2", "3", "4"}


def test_the_kroner_columns_say_kr_in_the_heading_and_the_cells_hold_the_exact_numbers():
    """On a 390 px phone the table was 12 px wider than the screen: «kr» after every amount. The heading carries
    the unit; the cells are the amounts, and the sum row is the budget, to the krone."""
    from ikt_model.costs.tables import cost_display_rows

    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    rows = cost_display_rows(split)
    assert {"Andel (kr)", "Kr per innbygger"} <= set(rows[0])
    assert not [r for r in rows for c in ("Andel (kr)", "Kr per innbygger") if "kr" in r[c]]
    assert rows[-1]["Kommune"] == "Sum" and rows[-1]["Andel (kr)"] == "12\u00a0000\u00a0000"
    biggest = split.by_share[0]
    assert rows[0]["Andel (kr)"] == fmt.number(biggest.andel_kr)
    assert rows[0]["Kr per innbygger"] == fmt.number(biggest.kr_per_innbygger, 2)
    assert sum(int(r["Andel (kr)"].replace("\u00a0", "")) for r in rows[:-1]) == 12_000_000


def test_the_table_and_the_chart_show_the_members_in_one_order_the_largest_share_first():
    """The table kept the order the members were chosen in while the chart sorted them by amount: both (and the
    export) now list the largest share first, with the sum row last."""
    from ikt_model.costs.charts import cost_figure
    from ikt_model.costs.tables import cost_display_rows

    split = split_costs(parse_cost_input(members=["1514", "1515", "1511"], budget_kr=12_000_000, equal_share=0.3))
    assert [m.kommunenummer for m in split.members] == ["1514", "1515", "1511"]  # the split keeps input order
    shown = [r["Kommune"] for r in cost_display_rows(split)]
    assert shown == ["Herøy (Møre og Romsdal, 1515)", "Vanylven (1511)", "Sande (1514)", "Sum"]
    amounts = [m.andel_kr for m in split.by_share]
    assert amounts == sorted(amounts, reverse=True)
    figure = cost_figure(split)
    for trace in figure["data"]:  # plotly draws the first category at the bottom: top to bottom is reversed
        assert list(reversed(trace["y"])) == shown[:-1]
    assert [r["Kommunenummer"] for r in cost_table(split)] == ["1515", "1511", "1514"]


def test_equal_shares_keep_the_order_the_members_were_chosen_in():
    from ikt_model.costs.charts import cost_figure
    from ikt_model.costs.tables import cost_display_rows

    split = split_costs(parse_cost_input(members=["1514", "1515", "1511"], budget_kr=3_000_000, equal_share=1))
    assert [r["Kommune"] for r in cost_display_rows(split)][:3] == ["Sande (1514)", "Herøy (Møre og Romsdal, 1515)",
                                                                    "Vanylven (1511)"]
    assert list(reversed(cost_figure(split)["data"][0]["y"])) == [m.label for m in split.by_share]
