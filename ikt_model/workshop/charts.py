"""Projector figures for the workshop (plotly graph_objects; large fonts, readable from the back)."""

from __future__ import annotations

import plotly.graph_objects as go

from ..format import number, percent
from .aggregation import AGGREGATE_LABELS, GroupResult

FONT = dict(size=16)
BAR = "#1f5f8b"
CONTESTED = "#b4441c"
WIN = "#2e7d32"


def _layout(fig: go.Figure, title: str, rows: int, x_title: str) -> go.Figure:
    fig.update_layout(title=dict(text=title), font=FONT, height=120 + 34 * rows,
                      margin=dict(l=10, r=70, t=60, b=40), showlegend=False,
                      xaxis=dict(title=x_title, rangemode="tozero"),
                      yaxis=dict(autorange="reversed", automargin=True),
                      separators=", ")
    return fig


def group_weights_figure(result: GroupResult) -> go.Figure:
    """Group weights per factor in the report's priority order (3.1, 4.3)."""
    rows = sorted(result.spreads, key=lambda s: s.factor_id)
    fig = go.Figure(go.Bar(
        x=[s.group_weight * 100 for s in rows], y=[f"{s.factor_id}. {s.label}" for s in rows],
        orientation="h", marker_color=BAR, text=[percent(s.group_weight, 1) for s in rows],
        textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>"))
    label = AGGREGATE_LABELS[result.aggregate].lower()
    return _layout(fig, f"Gruppens vekter ({label} av {result.participants} svar)", len(rows), "Vekt (%)")


def disagreement_figure(result: GroupResult) -> go.Figure:
    """Spread per factor (standard deviation, percentage points), most contested on top; range on hover."""
    rows = list(result.spreads)
    fig = go.Figure(go.Bar(
        x=[s.std * 100 for s in rows], y=[s.label for s in rows], orientation="h",
        marker_color=[CONTESTED if i < 3 else "#c9a27e" for i in range(len(rows))],
        text=[f"{number(s.std * 100, 1)} p.p." for s in rows], textposition="outside", cliponaxis=False,
        customdata=[[percent(s.low, 0), percent(s.high, 0), number(s.iqr * 100, 1)] for s in rows],
        hovertemplate=("%{y}<br>standardavvik %{text}<br>lavest %{customdata[0]}, høyest %{customdata[1]}"
                       "<br>kvartilbredde %{customdata[2]} p.p.<extra></extra>")))
    return _layout(fig, "Uenighet per faktor – mest omstridt først (dagsorden)", len(rows),
                   "Standardavvik i vekt (prosentpoeng)")


def ranking_figure(result: GroupResult) -> go.Figure:
    """The 12 alternatives ranked with the group weights."""
    rows = list(result.ranking)
    fig = go.Figure(go.Bar(
        x=[r.score for r in rows], y=[f"{r.rank}. {r.label}" for r in rows], orientation="h",
        marker_color=[WIN if r.rank == 1 else BAR for r in rows],
        text=[number(r.score, 2) for r in rows], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>"))
    fig = _layout(fig, "Rangering med gruppens vekter", len(rows), "Vektet poengsum")
    # room for the value labels outside both ends, so negative labels do not cover the names
    low, high = min(0.0, *(r.score for r in rows)), max(0.0, *(r.score for r in rows))
    pad = 0.3 * ((high - low) or 1.0)
    fig.update_xaxes(rangemode="normal", range=[low - (pad if low < 0 else 0), high + pad])
    return fig


def winners_figure(result: GroupResult) -> go.Figure:
    """How many participants' own weights make each alternative the winner (ties count for each)."""
    rows = sorted(result.ranking, key=lambda r: (-r.winners, r.rank))
    fig = go.Figure(go.Bar(
        x=[r.winners for r in rows], y=[r.label for r in rows], orientation="h", marker_color=WIN,
        text=[str(r.winners) for r in rows], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x} deltakere<extra></extra>"))
    fig = _layout(fig, "Vinner med deltakernes egne vekter (antall deltakere)", len(rows), "Antall deltakere")
    fig.update_xaxes(dtick=1 if result.participants <= 10 else None)
    return fig
