"""Plotly figures (graph_objects only) for «Nasjonal oversikt», from a v_samarbeid_oversikt frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .source import FORM_IDS, FORM_LABELS

FORM_COLORS = {
    "par27": "#1f77b4", "vertskommune": "#ff7f0e", "iks": "#2ca02c",
    "as": "#d62728", "samkommune": "#9467bd", "samarbeidsavtaler": "#8c564b",
}
SOURCE_NOTE = "Kilde: Vedlegg 5, PwC for KS (2015)"


def _layout(fig: go.Figure, title: str, x: str, y: str, height: int = 360) -> go.Figure:
    fig.update_layout(title={"text": title}, xaxis_title=x, yaxis_title=y, height=height,
                      separators=", ", margin={"l": 10, "r": 10, "t": 50, "b": 40},
                      legend={"orientation": "h", "y": -0.2})
    return fig


def forms_bar(frame: pd.DataFrame) -> go.Figure:
    """Number of collaborations per main organisation form (all forms shown, zero included)."""
    counts = frame["organisasjonsform"].value_counts()
    ids = list(FORM_IDS)
    values = [int(counts.get(f, 0)) for f in ids]
    fig = go.Figure(go.Bar(
        x=values, y=[FORM_LABELS[f] for f in ids], orientation="h", marker_color=[FORM_COLORS[f] for f in ids],
        text=values, textposition="auto", hovertemplate="%{y}: %{x} samarbeid<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, "Organisasjonsform (hovedform)", "Antall samarbeid", "")


def timeline(frame: pd.DataFrame) -> go.Figure:
    """Collaborations established per year (stacked by form) and the cumulative number."""
    dated = frame.dropna(subset=["etablert_aar"])
    fig = go.Figure()
    if dated.empty:
        return _layout(fig, "Etablert per år (ingen med år i utvalget)", "År", "Antall")
    years = np.arange(int(dated["etablert_aar"].min()), int(dated["etablert_aar"].max()) + 1)
    table = pd.crosstab(dated["etablert_aar"].astype(int), dated["organisasjonsform"]).reindex(years, fill_value=0)
    for form in FORM_IDS:
        if form in table.columns:
            fig.add_trace(go.Bar(x=years, y=table[form].to_numpy(), name=FORM_LABELS[form],
                                 marker_color=FORM_COLORS[form],
                                 hovertemplate=f"{FORM_LABELS[form]} %{{x}}: %{{y}}<extra></extra>"))
    fig.add_trace(go.Scatter(x=years, y=table.sum(axis=1).cumsum().to_numpy(), name="Totalt (kumulativt)",
                             mode="lines+markers", yaxis="y2", line={"color": "#444"},
                             hovertemplate="Til og med %{x}: %{y}<extra></extra>"))
    fig.update_layout(barmode="stack", yaxis2={"overlaying": "y", "side": "right", "title": "Kumulativt",
                                               "rangemode": "tozero"})
    missing = len(frame) - len(dated)
    title = "Etablert per år" + (f" ({missing} uten år er ikke med)" if missing else "")
    return _layout(fig, title, "Etableringsår", "Nye samarbeid")


def municipalities_histogram(frame: pd.DataFrame) -> go.Figure:
    """How many collaborations have 2, 3, ... member municipalities."""
    counts = frame["antall_kommuner"].value_counts().sort_index()
    fig = go.Figure(go.Bar(x=counts.index.to_numpy(), y=counts.to_numpy(), marker_color="#1f77b4",
                           hovertemplate="%{x} kommuner: %{y} samarbeid<extra></extra>"))
    fig.update_xaxes(dtick=1)
    return _layout(fig, "Kommuner per samarbeid", "Antall kommuner", "Antall samarbeid")


def population_bar(frame: pd.DataFrame, top: int = 41) -> go.Figure:
    """Population served (sum of members' 2015 population) per collaboration, largest first."""
    data = frame.sort_values("folketall", ascending=False).head(top)
    fig = go.Figure()
    for form in FORM_IDS:
        part = data[data["organisasjonsform"] == form]
        if not part.empty:
            fig.add_trace(go.Bar(
                x=part["folketall"].to_numpy(), y=part["navn"].to_numpy(), orientation="h", name=FORM_LABELS[form],
                marker_color=FORM_COLORS[form], customdata=part["antall_kommuner"].to_numpy(),
                hovertemplate="%{y}: %{x:,} innbyggere, %{customdata} kommuner<extra></extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=data["navn"].tolist()[::-1])
    height = max(300, 22 * len(data) + 120)
    return _layout(fig, "Innbyggere i medlemskommunene (1.1.2015)", "Innbyggere", "", height=height)
