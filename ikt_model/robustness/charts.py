"""Figures for the robustness pages (plotly.graph_objects only; each has a text/table alternative on the page).

Each figure is a plain plotly figure spec ({"data": [...], "layout": {...}}, numpy arrays allowed), not a
`go.Figure`: «Robusthet» and «Parvise vekter» send their charts to the browser as they are (ikt_model.ui.live_chart,
updated in place on every weight change or judgment), where building and validating a `go.Figure` cost 5 ms a
chart. The tests build a `go.Figure` from each spec, which raises on a wrong property.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import numpy as np
from plotly.colors import make_colorscale, sequential

from .. import format as fmt
from .reading import FactorInterval

BLUE, GREY, ORANGE = "#1f5f99", "#b8c2cc", "#d9822b"
# explicit stops, never a name: plotly.js's «Blues» runs dark to light, plotly's light to dark (light = 0 %)
BLUES = make_colorscale(sequential.Blues)
FONT = {"family": "\"Source Sans\", \"Source Sans Pro\", sans-serif", "size": 13}  # the app's font (Streamlit 1.67)


FigureSpec = dict[str, Any]  # {"data": [...], "layout": {...}}: what go.Figure(spec) and plotly.js accept
# A legend at the foot of the whole figure (container), under the axis title whatever the plot's height; the
# bottom margin leaves room for ticks, the axis title and one or two legend rows.
LEGEND_BELOW = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0}


def typed_array(values: np.ndarray) -> dict[str, str]:
    """A 1-D float array as plotly's typed-array spec ({"dtype": "f4", "bdata": base64 of float32}): about a
    third of the JSON of the same numbers written out, and what both plotly.js and go.Figure accept."""
    return {"dtype": "f4", "bdata": base64.b64encode(np.ascontiguousarray(values, dtype=np.float32).tobytes()).decode()}


def _figure(data: list[dict], title: str, height: int, **layout) -> FigureSpec:
    base = {"title": {"text": title, "x": 0}, "height": height, "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
            "font": FONT, "plot_bgcolor": "white", "separators": ", "}
    return {"data": data, "layout": {**base, **layout}}


def _hover(i: FactorInterval) -> str:
    below = f"under {fmt.percent(i.lower)}: {i.takeover_below_label}" if i.takeover_below else "ingen under"
    above = f"over {fmt.percent(i.upper)}: {i.takeover_above_label}" if i.takeover_above else "ingen over"
    return f"{i.label}<br>står seg {fmt.percent(i.lower)}–{fmt.percent(i.upper)}<br>overtar {below}; {above}"


def stability_chart(intervals: Sequence[FactorInterval], title: str = "Stabilitetsintervaller") -> FigureSpec:
    """One horizontal bar per factor from lower to upper (% weight) with a marker at the current weight."""
    rows = list(intervals)[::-1]
    labels = [f"{i.factor_id}. {i.label}" for i in rows]
    bars = {"type": "bar", "orientation": "h", "y": labels, "x": [100 * (i.upper - i.lower) for i in rows],
            "base": [100 * i.lower for i in rows],
            # the legend shows one colour: its name says what the lighter bars mean
            "name": "Anbefalingen står seg (lysere søyle: et annet alternativ tar over utenfor)",
            "marker": {"color": [BLUE if not (i.takeover_below or i.takeover_above) else "#6a9fd4" for i in rows]},
            "hovertext": [_hover(i) for i in rows], "hoverinfo": "text"}
    marks = {"type": "scatter", "mode": "markers", "y": labels, "x": [100 * i.current for i in rows],
             "name": "Din vekt", "marker": {"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": ORANGE}},
             "hovertext": [f"Din vekt: {fmt.percent(i.current, 1)}" for i in rows], "hoverinfo": "text"}
    return _figure([bars, marks], title, 80 + 32 * len(rows),
                   xaxis={"range": [0, 101], "dtick": 20, "ticksuffix": " %", "gridcolor": "#eee",
                          "title": {"text": "Vekt på faktoren (de andre skaleres forholdsmessig)"}},
                   legend=LEGEND_BELOW, margin={"l": 10, "r": 30, "t": 50, "b": 100})


def acceptability_heatmap(labels: Sequence[str], rank_acceptability: Sequence[Sequence[float]],
                          title: str = "Rangaksept (SMAA-2): andel av trekkene med hver rang") -> FigureSpec:
    """Rows = alternatives (lowest expected rank on top), columns = ranks, cells in %."""
    b = np.asarray(rank_acceptability, dtype=float) * 100
    expected_rank = b @ np.arange(1, b.shape[1] + 1)
    order = sorted(range(len(labels)), key=lambda i: (expected_rank[i], -b[i, 0]))[::-1]
    z = b[order]
    text = [[fmt.number(v, 0) if v >= 0.5 else ("<1" if v > 0 else "") for v in row] for row in z]
    heat = {"type": "heatmap", "z": z, "x": [str(r) for r in range(1, b.shape[1] + 1)],
            "y": [labels[i] for i in order], "text": text, "texttemplate": "%{text}", "colorscale": BLUES,
            "zmin": 0, "zmax": 100, "colorbar": {"title": {"text": "%"}, "ticksuffix": " %"},
            "hovertemplate": "%{y}<br>rang %{x}: %{z:.1f} %<extra></extra>"}
    return _figure([heat], title, 140 + 30 * len(labels),
                   xaxis={"title": {"text": "Rang"}, "side": "top", "type": "category"})


def central_weights_chart(factor_labels: Sequence[str], user: Sequence[float], central: Sequence[float] | None,
                          winner_label: str) -> FigureSpec:
    """The user's weights beside the central weights (mean weights that make the alternative best)."""
    names = list(factor_labels)[::-1]
    data = []
    if central is not None:
        data.append({"type": "bar", "orientation": "h", "y": names, "x": [100 * w for w in central][::-1],
                     "name": f"Sentrale vekter for {winner_label}", "marker": {"color": BLUE},
                     "hovertemplate": "%{y}<br>Sentrale vekter: %{x:.1f} %<extra></extra>"})
    data.append({"type": "bar", "orientation": "h", "y": names, "x": [100 * w for w in user][::-1],
                 "name": "Dine vekter", "marker": {"color": ORANGE},
                 "hovertemplate": "%{y}<br>Din vekt: %{x:.1f} %<extra></extra>"})
    return _figure(data, "Dine vekter og de sentrale vektene (SMAA-2)", 160 + 44 * len(names), barmode="group",
                   xaxis={"ticksuffix": " %", "title": {"text": "Vekt"}}, margin={"l": 10, "r": 10, "t": 50, "b": 120},
                   legend={**LEGEND_BELOW, "traceorder": "reversed"})


def _vline(x: float, colour: str, text: str, dash: str, top: bool) -> tuple[dict, dict]:
    shape = {"type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
             "line": {"color": colour, "width": 2, "dash": dash}}
    note = {"x": x, "y": 1 if top else 0, "xref": "x", "yref": "paper", "text": text, "showarrow": False,
            "xanchor": "left" if x < 50 else "right", "yanchor": "top" if top else "bottom",
            "font": {"color": colour}}
    return shape, note


def walking_chart(grid: np.ndarray, totals: np.ndarray, labels: Sequence[str], current: float, position: float,
                  factor_label: str, best_now: int, leader: int) -> FigureSpec:
    """Totals of every alternative as one factor's weight moves; lines at the current weight and the slider.

    `grid`: the factor's weights, evenly spaced fractions (shape (g,), as `sensitivity.walk` gives them);
    `totals`: shape (g, alternatives). `best_now` (first with the user's weights) is drawn blue, `leader`
    (first at the slider) orange, the rest grey. The figure is sent on every weight change, so it is kept
    small: one trace per alternative, x given by its start and step (no array), totals as a float32 typed
    array (the hover shows 2 decimals). A text array per point made it 40 KiB; now about 9 KiB.
    """
    grid = np.asarray(grid, dtype=float)
    x0 = round(100 * float(grid[0]), 9)
    dx = round(100 * float(grid[1] - grid[0]), 9) if len(grid) > 1 else 1.0
    strong = {best_now: BLUE} if leader == best_now else {best_now: BLUE, leader: ORANGE}

    def line(i: int, colour: str, width: float, legend: bool) -> dict:
        return {"type": "scatter", "mode": "lines", "x0": x0, "dx": dx, "y": typed_array(totals[:, i]),
                "name": labels[i],
                "showlegend": legend, "line": {"width": width, "color": colour},
                "hovertemplate": f"{labels[i]}<br>vekt %{{x:.0f}} %: %{{y:.2f}}<extra></extra>"}

    others = [i for i in range(len(labels)) if i not in strong]
    data = [*(line(i, GREY, 1.2, False) for i in others),
            *(line(i, colour, 3.5, True) for i, colour in strong.items())]  # strong lines on top
    mine = _vline(100 * current, "#555", "din vekt", "dot", True)
    here = _vline(100 * position, ORANGE, "her", "solid", False)
    return _figure(data, "Totalskår når vekten flyttes", 440, shapes=[mine[0], here[0]],
                   annotations=[mine[1], here[1]], margin={"l": 10, "r": 40, "t": 50, "b": 120},
                   xaxis={"range": [-1, 101], "dtick": 20, "ticksuffix": " %",
                          "title": {"text": f"Vekt på {factor_label}"}},
                   yaxis={"title": {"text": "Totalskår (vektet sum)"}}, legend=LEGEND_BELOW)


def ranking_bars(labels: Sequence[str], scores: Sequence[float], title: str) -> FigureSpec:
    """Horizontal bars, best on top."""
    low, high = min(0.0, *scores), max(0.0, *scores)
    pad = 0.25 * max(high - low, 0.5)
    bars = {"type": "bar", "orientation": "h", "y": list(labels)[::-1], "x": list(scores)[::-1],
            "marker": {"color": BLUE}, "text": [fmt.signed(s) for s in scores][::-1], "textposition": "auto",
            "hovertemplate": "%{y}: %{x:.2f}<extra></extra>"}
    return _figure([bars], title, 80 + 28 * len(labels),
                   xaxis={"title": {"text": "Totalskår"}, "zeroline": True, "zerolinecolor": "#888",
                          "range": [low - pad, high + pad]})


def ahp_weights_chart(labels: Sequence[str], weights: Sequence[float], current: Sequence[float]) -> FigureSpec:
    """AHP weights beside the weights in use now."""
    names = list(labels)[::-1]
    data = [{"type": "bar", "orientation": "h", "y": names, "x": [100 * w for w in weights][::-1],
             "name": "Fra parvise sammenligninger", "marker": {"color": BLUE}},
            {"type": "bar", "orientation": "h", "y": names, "x": [100 * w for w in current][::-1],
             "name": "Vektene som brukes nå", "marker": {"color": GREY}}]
    return _figure(data, "Vekter fra parvise sammenligninger (AHP, egenvektormetoden)", 140 + 40 * len(names),
                   barmode="group", xaxis={"ticksuffix": " %", "title": {"text": "Vekt"}},
                   legend={**LEGEND_BELOW, "traceorder": "reversed"}, margin={"l": 10, "r": 10, "t": 50, "b": 100})
