"""The cost chart: one bar per member and part of the key, members named with their county and number."""

import plotly.graph_objects as go
import pytest

from ikt_model.costs.charts import MAX_INTERVALS, axis_ticks, cost_figure
from ikt_model.costs.inputs import parse_cost_input
from ikt_model.costs.split import split_costs

SUNNMORE = ["1515", "1511", "1514"]  # Herøy, Vanylven, Sande
NBSP = "\u00a0"


def test_figure():
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    fig = go.Figure(cost_figure(split))  # a plain spec, valid for plotly (go.Figure raises on a wrong property)
    assert "Herøy (Møre og Romsdal, 1515)" in fig.data[0].y
    assert len(fig.data) == 2
    assert sorted(fig.data[0].x) == sorted(m.andel_kr for m in split.members)


def test_the_panels_are_stacked_with_upright_short_ticks_and_amounts_never_clipped():
    """Side by side, a phone left each panel about 100 px: amounts after short bars were cut and the tick labels
    («2 000 000») turned. One panel above the other, every row named in both; few, short, upright ticks."""
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    spec = cost_figure(split)
    layout = spec["layout"]
    upper, lower = layout["yaxis"]["domain"], layout["yaxis2"]["domain"]
    assert lower[1] < upper[0] and layout["xaxis"]["domain"] == layout["xaxis2"]["domain"] == [0.0, 1.0]
    assert layout["yaxis2"].get("showticklabels", True)  # each panel names its rows
    for trace in spec["data"]:
        assert trace["cliponaxis"] is False and trace["textposition"] == "auto"
        assert all(t.endswith(f"{NBSP}kr") for t in trace["text"])
    for axis in ("xaxis", "xaxis2"):
        assert layout[axis]["tickangle"] == 0 and len(layout[axis]["tickvals"]) <= MAX_INTERVALS + 1
    assert layout["xaxis"]["ticktext"] == ["0", f"2,5{NBSP}mill.", f"5{NBSP}mill."]  # the largest share: 6,4 mill.
    titles = [a["y"] for a in layout["annotations"]]
    assert titles == [1.0, pytest.approx(lower[1])]  # each title above its panel


@pytest.mark.parametrize("top, millions, values, texts", [
    (6_426_705, True, [0, 2_500_000, 5_000_000], ["0", f"2,5{NBSP}mill.", f"5{NBSP}mill."]),
    (3_000_000, True, [0, 1_000_000, 2_000_000, 3_000_000], ["0", f"1{NBSP}mill.", f"2{NBSP}mill.", f"3{NBSP}mill."]),
    (150_000, True, [0, 50_000, 100_000, 150_000], ["0", f"50{NBSP}000", f"100{NBSP}000", f"150{NBSP}000"]),
    (1_073, False, [0, 500, 1_000], ["0", "500", f"1{NBSP}000"]),
    (2.3, False, [0, 1, 2], ["0", "1", "2"]),
    (0.9, False, [0, 0.5], ["0", "0,5"]),
    (0.6, False, [0, 0.2, 0.4, 0.6], ["0", "0,2", "0,4", "0,6"]),
    (0, False, [0, 0.5, 1], ["0", "0,5", "1"]),  # no values above 0: the ticks of 1
])
def test_axis_ticks(top, millions, values, texts):
    got_values, got_texts = axis_ticks(top, millions=millions)
    assert got_values == pytest.approx(values) and got_texts == texts
