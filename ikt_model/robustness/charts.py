"""Figures for the robustness pages (plotly.graph_objects only; each has a text/table alternative on the page)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from .. import format as fmt
from .reading import FactorInterval

BLUE, GREY, ORANGE = "#1f5f99", "#b8c2cc", "#d9822b"
FONT = {"family": "Source Sans Pro, sans-serif", "size": 13}


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0}, height=height, margin={"l": 10, "r": 10, "t": 50, "b": 40},
                      font=FONT, plot_bgcolor="white", separators=", ")
    return fig


def stability_chart(intervals: Sequence[FactorInterval], title: str = "Stabilitetsintervaller") -> go.Figure:
    """One horizontal bar per factor from lower to upper (% weight) with a marker at the current weight."""
    labels = [f"{i.factor_id}. {i.label}" for i in intervals][::-1]
    rows = list(intervals)[::-1]

    def hover(i: FactorInterval) -> str:
        below = f"under {fmt.percent(i.lower)}: {i.takeover_below_label}" if i.takeover_below else "ingen under"
        above = f"over {fmt.percent(i.upper)}: {i.takeover_above_label}" if i.takeover_above else "ingen over"
        return f"{i.label}<br>står seg {fmt.percent(i.lower)}–{fmt.percent(i.upper)}<br>overtar {below}; {above}"

    fig = go.Figure()
    fig.add_trace(go.Bar(
        y=labels, x=[100 * (i.upper - i.lower) for i in rows], base=[100 * i.lower for i in rows],
        orientation="h", marker={"color": [BLUE if not (i.takeover_below or i.takeover_above) else "#6a9fd4"
                                           for i in rows]},
        name="Anbefalingen står seg", hovertext=[hover(i) for i in rows], hoverinfo="text"))
    fig.add_trace(go.Scatter(
        y=labels, x=[100 * i.current for i in rows], mode="markers", name="Din vekt",
        marker={"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": ORANGE}},
        hovertext=[f"Din vekt: {fmt.percent(i.current, 1)}" for i in rows], hoverinfo="text"))
    fig.update_xaxes(range=[0, 100], ticksuffix=" %", title="Vekt på faktoren (de andre skaleres forholdsmessig)",
                     gridcolor="#eee")
    fig.update_layout(legend={"orientation": "h", "y": -0.15})
    return _layout(fig, title, 80 + 32 * len(rows))


def acceptability_heatmap(labels: Sequence[str], rank_acceptability: Sequence[Sequence[float]],
                          title: str = "Rangaksept (SMAA-2): andel av trekkene med hver rang") -> go.Figure:
    """Rows = alternatives (lowest expected rank on top), columns = ranks, cells in %."""
    b = np.asarray(rank_acceptability, dtype=float) * 100
    expected_rank = b @ np.arange(1, b.shape[1] + 1)
    order = sorted(range(len(labels)), key=lambda i: (expected_rank[i], -b[i, 0]))[::-1]
    z = b[order]
    text = [[fmt.number(v, 0) if v >= 0.5 else ("<1" if v > 0 else "") for v in row] for row in z]
    fig = go.Figure(go.Heatmap(
        z=z, x=[str(r) for r in range(1, b.shape[1] + 1)], y=[labels[i] for i in order],
        text=text, texttemplate="%{text}", colorscale="Blues", zmin=0, zmax=100,
        colorbar={"title": "%", "ticksuffix": " %"},
        hovertemplate="%{y}<br>rang %{x}: %{z:.1f} %<extra></extra>"))
    fig.update_xaxes(title="Rang", side="top", type="category")
    return _layout(fig, title, 140 + 30 * len(labels))


def central_weights_chart(factor_labels: Sequence[str], user: Sequence[float], central: Sequence[float] | None,
                          winner_label: str) -> go.Figure:
    """The user's weights beside the central weights (mean weights that make the alternative best)."""
    names = list(factor_labels)[::-1]
    fig = go.Figure()
    if central is not None:
        fig.add_trace(go.Bar(y=names, x=[100 * w for w in central][::-1], orientation="h",
                             name=f"Sentrale vekter for {winner_label}", marker_color=BLUE))
    fig.add_trace(go.Bar(y=names, x=[100 * w for w in user][::-1], orientation="h", name="Dine vekter",
                         marker_color=ORANGE))
    fig.update_xaxes(ticksuffix=" %", title="Vekt")
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.12, "traceorder": "reversed"})
    return _layout(fig, "Dine vekter og de sentrale vektene (SMAA-2)", 140 + 44 * len(names))


def walking_chart(grid: np.ndarray, totals: np.ndarray, labels: Sequence[str], current: float, position: float,
                  factor_label: str, best_now: int, leader: int) -> go.Figure:
    """Totals of every alternative as one factor's weight moves; lines at the current weight and the slider.

    `best_now` (first with the user's weights) is drawn blue, `leader` (first at the slider) orange, the rest grey."""
    fig = go.Figure()
    strong = {best_now: BLUE} if leader == best_now else {best_now: BLUE, leader: ORANGE}
    for i, label in enumerate(labels):
        if i in strong:
            continue
        fig.add_trace(go.Scatter(x=100 * grid, y=totals[:, i], mode="lines", name=label, showlegend=False,
                                 line={"width": 1.2, "color": GREY},
                                 hovertemplate=f"{label}<br>vekt %{{x:.0f}} %: %{{y:.2f}}<extra></extra>"))
    for i, colour in strong.items():  # drawn last, on top
        fig.add_trace(go.Scatter(x=100 * grid, y=totals[:, i], mode="lines", name=labels[i],
                                 line={"width": 3.5, "color": colour},
                                 hovertemplate=f"{labels[i]}<br>vekt %{{x:.0f}} %: %{{y:.2f}}<extra></extra>"))
    fig.add_vline(x=100 * current, line={"color": "#555", "dash": "dot"}, annotation_text="din vekt",
                  annotation_position="top right" if current < 0.5 else "top left")
    fig.add_vline(x=100 * position, line={"color": ORANGE, "width": 2}, annotation_text="her",
                  annotation_position="bottom right" if position < 0.5 else "bottom left")
    fig.update_xaxes(range=[-1, 101], dtick=20, ticksuffix=" %", title=f"Vekt på {factor_label}")
    fig.update_yaxes(title="Totalskår (vektet sum)")
    fig.update_layout(legend={"orientation": "h", "y": -0.3})
    _layout(fig, "Totalskår når vekten flyttes", 440)
    fig.update_layout(margin={"r": 40})
    return fig


def ranking_bars(labels: Sequence[str], scores: Sequence[float], title: str) -> go.Figure:
    """Horizontal bars, best on top."""
    fig = go.Figure(go.Bar(y=list(labels)[::-1], x=list(scores)[::-1], orientation="h", marker_color=BLUE,
                           text=[fmt.signed(s) for s in scores][::-1], textposition="auto",
                           hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    low, high = min(0.0, *scores), max(0.0, *scores)
    pad = 0.25 * max(high - low, 0.5)
    fig.update_xaxes(title="Totalskår", zeroline=True, zerolinecolor="#888", range=[low - pad, high + pad])
    return _layout(fig, title, 80 + 28 * len(labels))


def ahp_weights_chart(labels: Sequence[str], weights: Sequence[float], current: Sequence[float]) -> go.Figure:
    """AHP weights beside the weights in use now."""
    names = list(labels)[::-1]
    fig = go.Figure()
    fig.add_trace(go.Bar(y=names, x=[100 * w for w in weights][::-1], orientation="h",
                         name="Fra parvise sammenligninger", marker_color=BLUE))
    fig.add_trace(go.Bar(y=names, x=[100 * w for w in current][::-1], orientation="h",
                         name="Vektene som brukes nå", marker_color=GREY))
    fig.update_xaxes(ticksuffix=" %", title="Vekt")
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.12, "traceorder": "reversed"})
    return _layout(fig, "Vekter fra parvise sammenligninger (AHP, egenvektormetoden)", 140 + 40 * len(names))
