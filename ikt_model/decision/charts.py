"""Figures for «Sammenligning»: ranked totals, model x form heatmap, per-factor contributions.

Each figure is a plain plotly figure spec (`FigureSpec`: {"data": [trace dicts], "layout": {...}}, plotly's
JSON schema), not a `go.Figure`: the page sends it to the browser as it is (ikt_model.ui.live_chart), where
plotly.js draws it. Building and validating a `go.Figure` cost 5 ms a chart and serialising it 2 ms more,
on every weight change; the specs are checked against plotly's schema by the tests instead
(tests/decision/test_charts.py builds a `go.Figure` from each, which raises on a wrong property).
"""

from __future__ import annotations

from typing import Any

from plotly.colors import diverging, make_colorscale

from .. import format as fmt
from .evaluation import COMPONENT_LABELS, Evaluation
from .knowledge import KnowledgeBase
from .registry import FACTOR_IDS, FORM_IDS, MODEL_IDS, Alternative

MODEL_COLOURS = {"ks": "#8c6d31", "alternativ": "#1f5f8b", "hybrid": "#6b8e23"}
# Colour by model through a discrete colourscale over model indices: plotly validates a list of colour
# strings one regex at a time (~5 ms for 24 colours), a list of numbers in microseconds.
_MODEL_INDEX = {m: i for i, m in enumerate(MODEL_COLOURS)}
_MODEL_SCALE = [[0.0, MODEL_COLOURS["ks"]], [0.33, MODEL_COLOURS["ks"]], [0.34, MODEL_COLOURS["alternativ"]],
                [0.66, MODEL_COLOURS["alternativ"]], [0.67, MODEL_COLOURS["hybrid"]], [1.0, MODEL_COLOURS["hybrid"]]]
AXIS_MIN_HALF_RANGE = 1.5  # the x axis spans at least ±1.5 so moves stay visible (the scale itself is fixed)
FONT = {"family": "\"Source Sans\", \"Source Sans Pro\", sans-serif", "size": 13}  # the app's font (Streamlit 1.67)
SEPARATORS = ", "  # Norwegian: decimal comma, (non-breaking) space between thousands; plotly draws a real minus
FigureSpec = dict[str, Any]  # {"data": [...], "layout": {...}}: what go.Figure(spec) and plotly.js accept
# Colour scales as explicit stops, never by name: plotly.js's «RdBu» runs the other way round from plotly's
# (a named scale in a spec is read by plotly.js, so «RdBu» would draw a good score red). Red low, blue high.
RED_BLUE = make_colorscale(diverging.RdBu)


# Margins for the category labels are set here and automargin is off (plotly.js and Streamlit's chart theme
# turn it on for every axis): automargin makes the browser lay a chart out twice (measure the labels, then
# redraw) on each weight change. Width per character: Source Sans Pro at 13 px is 6-7 px wide
# on average (capitals and digits wider, spaces narrower).
CHAR_PX = 6.6


def label_margin(labels, size: int = FONT["size"], pad: int = 14) -> int:
    """Pixels a column of axis labels needs beside the plot: the longest label at CHAR_PX per character of
    a 13 px font (scaled to `size`), plus `pad` for the ticks."""
    longest = max((len(str(label)) for label in labels), default=0)
    return pad + round(CHAR_PX * size / 13 * longest)


def _figure(trace: dict, height: int, title: str, **layout) -> FigureSpec:
    return {"data": [trace], "layout": {
        "height": height, "margin": {"l": 10, "r": 20, "t": 30, "b": 30}, "font": FONT, "separators": SEPARATORS,
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "title": {"text": title, "x": 0}, **layout}}


COMPONENT_COLOURS = {"model": "#1f5f8b", "form": "#7fa7c9", "fit": "#9bbf85", "context": "#c9a227",
                     "transition": "#b5523b"}


def rank_labels(ranking) -> list[str]:
    """«1. X», and for a shared place «1. (delt) X» on every alternative sharing it; «◀ dagens» marks today's."""
    counts: dict[int, int] = {}
    for r in ranking:
        counts[r.rank] = counts.get(r.rank, 0) + 1
    return [f"{r.rank}. {'(delt) ' if counts[r.rank] > 1 else ''}{r.label}{' ◀ dagens' if r.is_current else ''}"
            for r in ranking]


def ranking_bar(result: Evaluation, kb: KnowledgeBase) -> FigureSpec:
    """All 12 alternatives, best at the top, each bar split into the total's parts, total as a marker.

    Parts (stacked, negative to the left): governance model, organisation form, model/form fit, context,
    transition — they sum to the total (scoring.py). Ties share a rank number and say «(delt)»; the current
    arrangement is marked «◀ dagens».
    """
    rows = list(reversed(result.ranking))
    labels = list(reversed(rank_labels(result.ranking)))
    decimals = result.sum_decimals  # totals of different rank never print alike
    extent = max(max(sum(v for v in r.components.values() if v > 0), -sum(v for v in r.components.values() if v < 0),
                     abs(r.score)) for r in rows)
    half = max(AXIS_MIN_HALF_RANGE, extent + 0.3)
    traces = [{
        "type": "bar", "orientation": "h", "name": COMPONENT_LABELS[c], "x": [r.components[c] for r in rows],
        "y": labels, "marker": {"color": COMPONENT_COLOURS[c]},
        "customdata": [fmt.signed(r.components[c]) for r in rows],
        "hovertemplate": f"%{{y}}<br>{COMPONENT_LABELS[c]}: %{{customdata}}<extra></extra>",
    } for c in COMPONENT_LABELS if any(abs(r.components[c]) > 1e-12 for r in rows) or c == "model"]
    traces.append({
        "type": "scatter", "mode": "markers", "name": "Sum", "x": [r.score for r in rows], "y": labels,
        "marker": {"symbol": "diamond", "size": 11, "color": "#0b0f14",
                   "line": {"color": "#fff", "width": [3 if r.is_current else 1 for r in rows]}},
        "customdata": [fmt.signed(r.score, decimals) for r in rows],
        "hovertemplate": "%{y}<br>Sum: %{customdata}<extra></extra>",
    })
    # The total as text right of the whole bar, so it never sits on a segment
    traces.append({
        "type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "y": labels,
        "x": [max(r.score, sum(v for v in r.components.values() if v > 0)) + 0.04 * half for r in rows],
        "text": [fmt.signed(r.score, decimals) for r in rows], "textposition": "middle right", "cliponaxis": False,
    })
    return {"data": traces, "layout": {
        "height": 150 + 30 * len(rows), "margin": {"l": label_margin(labels), "r": 20, "t": 40, "b": 130}, "font": FONT,
        "separators": SEPARATORS,
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "barmode": "relative",
        "title": {"text": "Rangering av de 12 alternativene, med summens deler", "x": 0},
        # the legend at the foot of the figure (container), under the axis title whatever the plot's height;
        # the bottom margin holds the ticks, the axis title and up to three legend rows (a 1280 px projector)
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        "xaxis": {"range": [-half, half], "zeroline": True, "zerolinecolor": "#555", "automargin": False,
                  "title": {"text": "Vektet sum (0 = ingen forskjell)"}},
        "yaxis": {"automargin": False}}}


def model_form_heatmap(result: Evaluation, kb: KnowledgeBase) -> FigureSpec:
    """3 x 4 grid: governance model (rows) x organisation form (columns), cell = weighted total."""
    score = {r.alternative: r.score for r in result.ranking}
    z = [[score[Alternative(model=m, form=f)] for f in FORM_IDS] for m in MODEL_IDS]
    half = max(AXIS_MIN_HALF_RANGE, *(abs(v) for row in z for v in row))
    trace = {
        "type": "heatmap", "z": z, "x": [kb.form(f).label for f in FORM_IDS],
        "y": [kb.model(m).label for m in MODEL_IDS], "text": [[fmt.signed(v) for v in row] for row in z],
        "texttemplate": "%{text}", "textfont": {"size": 16}, "zmin": -half, "zmax": half, "zmid": 0,
        "colorscale": RED_BLUE, "colorbar": {"title": {"text": "Sum"}},
        "hovertemplate": "%{y} + %{x}: %{text}<extra></extra>",
    }
    return _figure(trace, 300, "Styringsmodell × organisasjonsform",
                   yaxis={"autorange": "reversed", "automargin": False}, xaxis={"automargin": False},
                   margin={"l": label_margin(trace["y"]), "r": 100, "t": 30, "b": 30})  # r: the colour bar


def difference_title(a, b) -> str:
    """The difference chart's title in words, not «A – B» (read as a minus): «Hvorfor A foran B» when `a`'s total
    is the higher, «Hva skiller A og B» when they are level (`a`, `b`: RankedAlternative)."""
    if a.score > b.score + 1e-12:
        return f"Hvorfor {a.label} foran {b.label}"
    return f"Hva skiller {a.label} og {b.label}"


def factor_difference(result: Evaluation, kb: KnowledgeBase, first: Alternative, other: Alternative) -> FigureSpec:
    """Per factor (and the transition cost): `first` minus `other`, weighted — the bars sum to the total gap.
    Without any difference (e.g. one factor weighted, on which both score alike): no bars, the figure says so."""
    a, b = result.find(first), result.find(other)
    diffs = [(kb.factor(f).label, a.contributions[f] - b.contributions[f]) for f in FACTOR_IDS]
    diffs.append((COMPONENT_LABELS["transition"], a.components["transition"] - b.components["transition"]))
    diffs = sorted((d for d in diffs if abs(d[1]) > 1e-12), key=lambda d: d[1])
    if not diffs:  # a zero-length bar on an empty axis read as «Ingen forskjell» on the −1 tick
        hidden = {"visible": False, "range": [-1, 1]}
        return _figure({"type": "bar", "orientation": "h", "x": [], "y": []}, 110, difference_title(a, b),
                       xaxis=hidden, yaxis=hidden, annotations=[{
                           "text": "Ingen forskjell: de to får like mye<br>på hver faktor med disse vektene.",
                           "xref": "paper", "yref": "paper", "x": 0, "y": 0.5, "xanchor": "left", "align": "left",
                           "showarrow": False, "font": {"size": 14}}])  # two lines: fits a phone
    trace = {
        "type": "bar", "orientation": "h", "x": [d[1] for d in diffs], "y": [d[0] for d in diffs],
        # colour strings (two colours, under 1 ms to validate): plotly.js 4 reads a number as the outside text's
        # colour too and warns («Invalid color specifier»)
        "marker": {"color": ["#1f5f8b" if d[1] > 0 else "#b5523b" for d in diffs]},
        "text": [fmt.signed(d[1]) for d in diffs], "textposition": "outside", "cliponaxis": False,
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    return _figure(trace, 60 + 28 * len(diffs), difference_title(a, b),
                   xaxis={"zeroline": True, "zerolinecolor": "#555", "automargin": False,
                          "title": {"text": "Fordel for det første alternativet i tittelen (vektet)"}},
                   yaxis={"automargin": False}, margin={"l": label_margin(trace["y"]), "r": 20, "t": 30, "b": 50})


FACTOR_HEATMAP_TITLE = "Poeng per suksessfaktor (nr. 1–12), før vekting"


def factor_heatmap(result: Evaluation, kb: KnowledgeBase) -> FigureSpec:
    """12 x 12: per-factor ordinal scores (before weighting) for every alternative, in ranked order.

    The columns are headed by the factors' numbers (the sidebar's sliders carry the same numbers; `factor_key`
    is the key to them): twelve names under twelve narrow columns ran into each other even on a desk. A cell's
    hover names its factor in full."""
    rows = result.ranking
    z = [[r.factor_scores[f] for f in FACTOR_IDS] for r in rows]
    names = [f"{f}. {kb.factor(f).label}" for f in FACTOR_IDS]
    trace = {
        "type": "heatmap", "z": z, "x": [str(f) for f in FACTOR_IDS],
        "y": [r.label for r in rows], "zmin": -3, "zmax": 3, "zmid": 0, "colorscale": RED_BLUE,
        # whole points as «+2», a half point as «+1,5» (rounded to a whole, −2,5 read as −2)
        "text": [[fmt.points(v) for v in row] for row in z],
        "texttemplate": "%{text}", "customdata": [names for _ in rows],
        "colorbar": {"title": {"text": "Poeng"}}, "hovertemplate": "%{y}<br>%{customdata}: %{text}<extra></extra>",
    }
    return _figure(trace, 520, FACTOR_HEATMAP_TITLE, yaxis={"autorange": "reversed", "automargin": True},
                   xaxis={"type": "category", "side": "top", "tickangle": 0, "dtick": 1, "automargin": True},
                   margin={"l": 10, "r": 20, "t": 64, "b": 10})  # t: the title, then the numbers above the columns


def factor_key(kb: KnowledgeBase) -> str:
    """The key to `factor_heatmap`'s columns, one line of text: «1 Kvalitet og tilgjengelighet · 2 …» (the
    twelve factors of the report's chapter 3.1, by number)."""
    return "Kolonnene: " + " · ".join(f"{f.id} {f.label}" for f in kb.factors)
