"""Chart of a cost split (fordelingsnøkkel, 2.8): share in kroner and per inhabitant, per member."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import format as fmt
from .split import CostSplit


def cost_figure(split: CostSplit) -> go.Figure:
    """Two horizontal bar panels side by side: the share in kr, and kr per inhabitant."""
    members = sorted(split.members, key=lambda m: m.andel_kr)
    names = [m.label for m in members]  # «Herøy (Nordland, 1818)»: duplicate names with county
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06,
                        subplot_titles=("Andel av budsjettet (kr)", "Kroner per innbygger"))
    fig.add_trace(go.Bar(
        x=[m.andel_kr for m in members], y=names, orientation="h", name="Andel (kr)",
        marker_color="#1f5f8b", text=[fmt.kroner(m.andel_kr) for m in members], textposition="auto",
        hovertext=[f"{fmt.kroner(m.andel_kr)} ({fmt.percent(m.prosent / 100, 1)})" for m in members],
        hoverinfo="y+text"), row=1, col=1)
    fig.add_trace(go.Bar(
        x=[m.kr_per_innbygger for m in members], y=names, orientation="h", name="Kr per innbygger",
        marker_color="#c77c0e", text=[fmt.kroner(m.kr_per_innbygger) for m in members], textposition="auto",
        hovertext=[f"{fmt.kroner(m.kr_per_innbygger, 2)} per innbygger, {fmt.number(m.folketall)} innbyggere "
                   f"({split.population_label})" for m in members], hoverinfo="y+text"), row=1, col=2)
    fig.update_layout(showlegend=False, height=max(260, 60 + 34 * len(members)),
                      margin=dict(l=10, r=10, t=40, b=10), separators=", ",
                      title=None, bargap=0.25)
    fig.update_xaxes(tickformat=",.0f")
    return fig
