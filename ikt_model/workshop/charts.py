"""Projector figures for the workshop (plotly graph_objects; large fonts, readable from the back)."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from ..format import number, percent
from .aggregation import AGGREGATE_LABELS, GroupResult

FONT = dict(size=18)  # at least 18 px: readable from the back of a room on a projector
BAR = "#1f5f8b"
CONTESTED = "#b4441c"
WIN = "#2e7d32"


# A category label longer than this is broken into lines (at spaces): the live result's charts stand two side by
# side, and at 1280 px a factor's or an alternative's name in one line at 18 px took more than plotly leaves for
# labels, which cut their first letters («igitalisering og teknologisk utvikling»)
LABEL_CHARS = 22
LINE_PX = 22  # one more line of an 18 px label


def wrap_label(label: str, width: int = LABEL_CHARS) -> str:
    """`label` broken at spaces into lines of at most `width` characters (a longer word stays whole), joined
    with plotly's «<br>»."""
    return "<br>".join(textwrap.wrap(label, width=width, break_long_words=False)) or label


def _layout(fig: go.Figure, title: str, rows: int, x_title: str) -> go.Figure:
    # explicit tick and title fonts: Streamlit's chart theme would otherwise set smaller tick labels; a row holds
    # its label's lines
    lines = max((str(y).count("<br>") + 1 for trace in fig.data for y in (trace.y or ())), default=1)
    fig.update_layout(title=dict(text=title, font=dict(size=22)), font=FONT,
                      height=120 + (34 + LINE_PX * (lines - 1)) * rows,
                      margin=dict(l=10, r=70, t=60, b=40), showlegend=False,
                      xaxis=dict(title=dict(text=x_title, font=FONT), rangemode="tozero", tickfont=FONT),
                      yaxis=dict(autorange="reversed", automargin=True, tickfont=FONT),
                      hoverlabel=dict(font=FONT), separators=", ")
    return fig


def group_weights_figure(result: GroupResult) -> go.Figure:
    """Group weights per factor in the report's priority order (3.1, 4.3)."""
    rows = sorted(result.spreads, key=lambda s: s.factor_id)
    fig = go.Figure(go.Bar(
        x=[s.group_weight * 100 for s in rows], y=[wrap_label(f"{s.factor_id}. {s.label}") for s in rows],
        orientation="h", marker_color=BAR, text=[percent(s.group_weight, 1) for s in rows],
        textposition="outside", cliponaxis=False, textfont=FONT,
        hovertemplate="%{y}: %{text}<extra></extra>"))
    label = AGGREGATE_LABELS[result.aggregate].lower()
    return _layout(fig, f"Gruppens vekter ({label} av {result.participants} svar)", len(rows), "Vekt (%)")


def disagreement_figure(result: GroupResult) -> go.Figure:
    """Spread per factor (standard deviation, percentage points), most contested on top; range on hover."""
    rows = list(result.spreads)
    fig = go.Figure(go.Bar(
        x=[s.std * 100 for s in rows], y=[wrap_label(s.label) for s in rows], orientation="h",
        marker_color=[CONTESTED if i < 3 else "#c9a27e" for i in range(len(rows))],
        text=[f"{number(s.std * 100, 1)} p.p." for s in rows], textposition="outside", cliponaxis=False,
        customdata=[[percent(s.low, 0), percent(s.high, 0), number(s.iqr * 100, 1)] for s in rows],
        hovertemplate=("%{y}<br>standardavvik %{text}<br>lavest %{customdata[0]}, høyest %{customdata[1]}"
                       "<br>kvartilbredde %{customdata[2]} p.p.<extra></extra>")))
    return _layout(fig, "Uenighet per faktor – mest omstridt først (dagsorden)", len(rows),
                   "Standardavvik i vekt (prosentpoeng)")


def ranking_figure(result: GroupResult, height: int | None = None) -> go.Figure:
    """The 12 alternatives ranked with the group weights; a shared place says «(delt)». `height` in px
    (default: from the number of rows)."""
    rows = list(result.ranking)
    shared = {r.rank for r in rows if sum(1 for x in rows if x.rank == r.rank) > 1}
    fig = go.Figure(go.Bar(
        x=[r.score for r in rows],
        # the projector's chart (a set height, the whole width) keeps its labels in one line
        y=[(wrap_label if height is None else str)(f"{r.rank}. {'(delt) ' if r.rank in shared else ''}{r.label}")
           for r in rows],
        orientation="h",
        marker_color=[WIN if r.rank == 1 else BAR for r in rows],
        text=[number(r.score, 2) for r in rows], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>"))
    fig = _layout(fig, "Rangering med gruppens vekter", len(rows), "Vektet poengsum")
    # room for the value labels outside both ends, so negative labels do not cover the names
    low, high = min(0.0, *(r.score for r in rows)), max(0.0, *(r.score for r in rows))
    pad = 0.3 * ((high - low) or 1.0)
    fig.update_xaxes(rangemode="normal", range=[low - (pad if low < 0 else 0), high + pad])
    if height:
        fig.update_layout(height=height, margin=dict(l=10, r=70, t=50, b=40))
    return fig


def winners_figure(result: GroupResult) -> go.Figure:
    """Who wins with each participant's own weights: every participant counted once (the bars sum to the
    number of participants); a participant whose weights give a shared first place counts under that tie,
    labelled «A og B (likt)»."""
    rows = list(result.winner_groups)
    fig = go.Figure(go.Bar(
        x=[g.count for g in rows], y=[wrap_label(g.label) for g in rows],
        orientation="h", marker_color=[CONTESTED if g.tied else WIN for g in rows],
        text=[number(g.count) for g in rows], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x} deltakere<extra></extra>"))
    fig = _layout(fig, f"Vinner med deltakernes egne vekter ({result.participants} deltakere, hver telt én gang)",
                  len(rows), "Antall deltakere")
    fig.update_xaxes(dtick=1 if result.participants <= 10 else None)
    return fig
