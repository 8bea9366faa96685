"""The cost chart: one bar per member and part of the key, members named with their county and number."""

import plotly.graph_objects as go

from ikt_model.costs.charts import cost_figure
from ikt_model.costs.split import parse_cost_input, split_costs

SUNNMORE = ["1515", "1511", "1514"]  # Herøy, Vanylven, Sande


def test_figure():
    split = split_costs(parse_cost_input(members=SUNNMORE, budget_kr=12_000_000, equal_share=0.3))
    fig = go.Figure(cost_figure(split))  # a plain spec, valid for plotly (go.Figure raises on a wrong property)
    assert "Herøy (Møre og Romsdal, 1515)" in fig.data[0].y
    assert len(fig.data) == 2
    assert sorted(fig.data[0].x) == sorted(m.andel_kr for m in split.members)
