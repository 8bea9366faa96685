"""Figures for «Sammenligning»: ranked totals, model x form heatmap, per-factor contributions."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import format as fmt
from ..evaluation import Evaluation
from ..knowledge import KnowledgeBase
from ..registry import FACTOR_IDS, FORM_IDS, MODEL_IDS, Alternative

MODEL_COLOURS = {"ks": "#8c6d31", "alternativ": "#1f5f8b", "hybrid": "#6b8e23"}
AXIS_MIN_HALF_RANGE = 1.5  # the x axis spans at least ±1.5 so moves stay visible (the scale itself is fixed)
FONT = dict(family="Source Sans Pro, sans-serif", size=13)


def _layout(fig: go.Figure, height: int, **kwargs) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=20, t=30, b=30), font=FONT,
                      paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", **kwargs)
    return fig


def ranking_bar(result: Evaluation, kb: KnowledgeBase) -> go.Figure:
    """All 12 alternatives, best at the top, coloured by governance model, current arrangement marked."""
    rows = list(reversed(result.ranking))
    labels = [f"{r.rank}. {r.label}{' ◀ dagens' if r.is_current else ''}" for r in rows]
    half = max(AXIS_MIN_HALF_RANGE, *(abs(r.score) + 0.2 for r in rows))
    fig = go.Figure(go.Bar(
        x=[r.score for r in rows], y=labels, orientation="h",
        marker=dict(color=[MODEL_COLOURS[r.alternative.model] for r in rows],
                    line=dict(color=["#000" if r.is_current else "rgba(0,0,0,0)" for r in rows], width=2)),
        text=[fmt.signed(r.score) for r in rows], textposition="outside", cliponaxis=False,
        customdata=[kb.model(r.alternative.model).label for r in rows],
        hovertemplate="%{y}<br>Sum: %{text}<br>Styringsmodell: %{customdata}<extra></extra>",
    ))
    fig.update_xaxes(range=[-half, half], zeroline=True, zerolinecolor="#555", title="Vektet sum (0 = ingen forskjell)")
    fig.update_yaxes(automargin=True)
    return _layout(fig, 40 + 30 * len(rows), title=dict(text="Rangering av de 12 alternativene", x=0))


def model_form_heatmap(result: Evaluation, kb: KnowledgeBase) -> go.Figure:
    """3 x 4 grid: governance model (rows) x organisation form (columns), cell = weighted total."""
    score = {r.alternative: r.score for r in result.ranking}
    z = [[score[Alternative(model=m, form=f)] for f in FORM_IDS] for m in MODEL_IDS]
    text = [[fmt.signed(v) for v in row] for row in z]
    half = max(AXIS_MIN_HALF_RANGE, *(abs(v) for row in z for v in row))
    fig = go.Figure(go.Heatmap(
        z=z, x=[kb.form(f).label for f in FORM_IDS], y=[kb.model(m).label for m in MODEL_IDS],
        text=text, texttemplate="%{text}", textfont=dict(size=16), zmin=-half, zmax=half, zmid=0,
        colorscale="RdBu", colorbar=dict(title="Sum"), hovertemplate="%{y} + %{x}: %{text}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, 300, title=dict(text="Styringsmodell × organisasjonsform", x=0))


def factor_difference(result: Evaluation, kb: KnowledgeBase, first: Alternative, other: Alternative) -> go.Figure:
    """Per factor: weighted contribution of `first` minus `other` — where the gap comes from."""
    a, b = result.find(first), result.find(other)
    diffs = [(kb.factor(f).label, a.contributions[f] - b.contributions[f]) for f in FACTOR_IDS]
    diffs = [d for d in diffs if abs(d[1]) > 1e-12] or [("Ingen forskjell", 0.0)]
    diffs.sort(key=lambda d: d[1])
    fig = go.Figure(go.Bar(
        x=[d[1] for d in diffs], y=[d[0] for d in diffs], orientation="h",
        marker_color=["#1f5f8b" if d[1] > 0 else "#b5523b" for d in diffs],
        text=[fmt.signed(d[1]) for d in diffs], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_xaxes(zeroline=True, zerolinecolor="#555", title=f"Fordel for {a.label} (vektet)")
    fig.update_yaxes(automargin=True)
    return _layout(fig, 60 + 28 * len(diffs), title=dict(text=f"Hvorfor {a.label} – {b.label}", x=0))


def factor_heatmap(result: Evaluation, kb: KnowledgeBase) -> go.Figure:
    """12 x 12: per-factor ordinal scores (before weighting) for every alternative."""
    rows = result.ranking
    z = [[r.factor_scores[f] for f in FACTOR_IDS] for r in rows]
    fig = go.Figure(go.Heatmap(
        z=z, x=[f"{f}. {kb.factor(f).label}" for f in FACTOR_IDS], y=[r.label for r in rows],
        zmin=-3, zmax=3, zmid=0, colorscale="RdBu", text=[[fmt.signed(v, 0) for v in row] for row in z],
        texttemplate="%{text}", colorbar=dict(title="Poeng"),
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=-35, automargin=True)
    return _layout(fig, 520, title=dict(text="Poeng per faktor (før vekting)", x=0))
