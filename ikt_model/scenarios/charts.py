"""Figures for the scenario comparison (plotly.graph_objects)."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import format as fmt
from ..ui.text import plotly_escape as escape
from .compare import Comparison

COLOURS = ("#1f5f8b", "#c77c0e", "#4f8a3a")


def comparison_figure(comparison: Comparison) -> go.Figure:
    """Dot plot: every alternative's total per scenario, winners marked; best at the top.
    Scenario names are user text: escaped, because plotly renders tags such as <b> and <a>."""
    first = comparison.results[0]
    keys = sorted(first.ranks, key=lambda k: (first.ranks[k], -first.scores[k]))
    labels = [first.labels[k] for k in keys]
    fig = go.Figure()
    for result, colour in zip(comparison.results, COLOURS, strict=False):
        fig.add_trace(go.Scatter(
            x=[result.scores[k] for k in keys], y=labels, mode="markers", name=escape(result.name),
            marker=dict(size=[16 if k in (result.winner_keys or (result.winner_key,)) else 10 for k in keys],
                        color=colour,
                        symbol=["star" if k in (result.winner_keys or (result.winner_key,)) else "circle"
                                for k in keys]),
            hovertext=[f"{escape(result.name)}: rang {result.ranks[k]}, sum {fmt.signed(result.scores[k])}"
                       for k in keys],
            hoverinfo="text"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=120 + 30 * len(keys), margin=dict(l=10, r=10, t=30, b=10), separators=", ",
                      xaxis_title="Vektet sum (stjerne = vinner)", legend=dict(orientation="h", y=1.08))
    return fig
