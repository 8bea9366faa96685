"""Robustness charts carry the numbers they show."""

import base64

import numpy as np
import plotly.graph_objects as go
import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import ALTERNATIVES
from ikt_model.decision.scoring import score_matrix
from ikt_model.decision.weights import default_weights
from ikt_model.robustness import charts
from ikt_model.robustness.reading import factor_intervals
from ikt_model.robustness.sensitivity import walk
from ikt_model.robustness.smaa import smaa
from ikt_model.ui import live_chart

KB = default_knowledge_base()
VALUES = score_matrix(Profile(), KB).values


def real_matrix():
    return score_matrix(Profile(), default_knowledge_base()).values


def test_charts_carry_the_numbers():
    kb = default_knowledge_base()
    intervals = factor_intervals(real_matrix(), default_weights(), kb)
    fig = go.Figure(charts.stability_chart(intervals))
    bar = fig.data[0]
    assert len(bar.y) == 12 and bar.y[-1].startswith("1. ")  # factor 1 on top
    assert bar.base[-1] == 0 and bar.x[-1] == 100
    grid, totals = walk(real_matrix(), np.asarray(default_weights().vector()), 5)
    walking = go.Figure(charts.walking_chart(grid, totals, [a.key for a in ALTERNATIVES], 0.07, 0.3, "Ledelse", 7, 11))
    assert len(walking.data) == 12  # one line per alternative, the 10 others grey and under the two strong ones
    assert walking.data[0].name == "ks/as" and "ks/as" in walking.data[0].hovertemplate
    assert [t.name for t in walking.data[-2:]] == ["alternativ/par27", "hybrid/par27"]
    assert walking.data[-1].line.color == charts.ORANGE and walking.data[0].showlegend is False
    assert walking.data[0].line.color == charts.GREY and (walking.data[0].x0, walking.data[0].dx) == (0, 1)
    sent_y = np.frombuffer(base64.b64decode(walking.data[-2].y["bdata"]), dtype=np.float32)  # plotly's typed array
    assert list(sent_y) == pytest.approx(list(totals[:, 7]), abs=1e-6)
    sent = charts.walking_chart(grid, totals, [a.key for a in ALTERNATIVES], 0.07, 0.3, "Ledelse", 7, 11)
    assert len(live_chart.payload(sent)) < 12_000  # sent on every weight change (was 40 KiB)
    assert [s.x0 for s in walking.layout.shapes] == pytest.approx([7, 30])


def test_heatmap_central_and_ahp_charts():
    result = smaa(VALUES, "around", default_weights().vector(), samples=2000)
    labels = [str(i) for i in range(12)]
    heat = go.Figure(charts.acceptability_heatmap(labels, result.rank_acceptability))
    assert heat.data[0].y[-1] == "7"  # the first choice (alternativ/par27) on top
    assert heat.data[0].z.shape == (12, 12) or len(heat.data[0].z) == 12
    central = go.Figure(charts.central_weights_chart(labels, default_weights().vector(), result.central_weights[7],
                                                     "X"))
    assert [t.name for t in central.data] == ["Sentrale vekter for X", "Dine vekter"]
    alone = go.Figure(charts.central_weights_chart(labels, default_weights().vector(), None, "X"))
    assert alone.data[0].name == "Dine vekter"
    ahp_fig = go.Figure(charts.ahp_weights_chart(labels, [1 / 12] * 12, default_weights().vector()))
    assert len(ahp_fig.data) == 2 and ahp_fig.data[0].x[0] == ahp_fig.data[0].x[-1]
    bars = go.Figure(charts.ranking_bars(["A", "B"], [0.5, -0.25], "T"))
    assert list(bars.data[0].y) == ["B", "A"] and bars.layout.xaxis.range[0] < -0.25
