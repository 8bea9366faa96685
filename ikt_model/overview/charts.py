"""Plotly figures (graph_objects only) for «Nasjonal oversikt», from a v_samarbeid_oversikt frame.

Each figure is one dict spec handed to go.Figure (see ikt_model/decision/charts.py for why: plotly
parses every update_*/magic-underscore path, ~10x slower).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..ui.text import plotly_escape
from .forms import FORM_LABELS_2026, FORMS_2026
from .source import FORM_IDS, FORM_LABELS

FORM_COLORS = {
    "par27": "#1f77b4", "vertskommune": "#ff7f0e", "iks": "#2ca02c",
    "as": "#d62728", "samkommune": "#9467bd", "samarbeidsavtaler": "#8c564b",
    "ko": "#1f77b4", "vertskommune_adm": "#ff7f0e", "vertskommune_nemnd": "#e377c2", "sa": "#17becf",
    "avtale": "#8c564b",
}
SOURCE_NOTE = "Kilde: Vedlegg 5, PwC for KS (2015)"
# numbering of a version -> (its forms in order, their labels, the population year of its `kommuner`)
FORM_SETS: dict[str, tuple[tuple[str, ...], dict[str, str], int]] = {
    "2015": (FORM_IDS, FORM_LABELS, 2015), "2024": (FORMS_2026, FORM_LABELS_2026, 2026)}


def _figure(traces: list[dict], title: str, x: str, y: str, height: int = 360, **layout) -> go.Figure:
    xaxis = {"title": {"text": x}, **layout.pop("xaxis", {})}
    yaxis = {"title": {"text": y}, **layout.pop("yaxis", {})}
    return go.Figure(data=traces, layout={
        "title": {"text": title}, "xaxis": xaxis, "yaxis": yaxis, "height": height, "separators": ", ",
        "margin": {"l": 10, "r": 10, "t": 50, "b": 40}, "legend": {"orientation": "h", "y": -0.2}, **layout})


def forms_bar(frame: pd.DataFrame, numbering: str = "2015") -> go.Figure:
    """Number of collaborations per main organisation form (all forms shown, zero included).
    `numbering`: "2015" for the report's version (its forms), "2024" for uploaded versions (2026 forms)."""
    FORM_IDS, FORM_LABELS, _ = FORM_SETS[numbering]
    counts = frame["organisasjonsform"].value_counts()
    values = [int(counts.get(f, 0)) for f in FORM_IDS]
    traces = [{"type": "bar", "orientation": "h", "x": values, "y": [FORM_LABELS[f] for f in FORM_IDS],
               "text": values, "textposition": "auto", "marker": {"color": [FORM_COLORS[f] for f in FORM_IDS]},
               "hovertemplate": "%{y}: %{x} samarbeid<extra></extra>"}]
    return _figure(traces, "Organisasjonsform (hovedform)", "Antall samarbeid", "", yaxis={"autorange": "reversed"})


def timeline(frame: pd.DataFrame, numbering: str = "2015") -> go.Figure:
    """Collaborations established per year (stacked by form) and the cumulative number."""
    FORM_IDS, FORM_LABELS, _ = FORM_SETS[numbering]
    dated = frame.dropna(subset=["etablert_aar"])
    if dated.empty:
        return _figure([], "Etablert per år (ingen med år i utvalget)", "År", "Antall")
    years = np.arange(int(dated["etablert_aar"].min()), int(dated["etablert_aar"].max()) + 1)
    table = pd.crosstab(dated["etablert_aar"].astype(int), dated["organisasjonsform"]).reindex(years, fill_value=0)
    traces = [{"type": "bar", "x": years, "y": table[form].to_numpy(), "name": FORM_LABELS[form],
               "marker": {"color": FORM_COLORS[form]},
               "hovertemplate": f"{FORM_LABELS[form]} %{{x}}: %{{y}}<extra></extra>"}
              for form in FORM_IDS if form in table.columns]
    traces.append({"type": "scatter", "x": years, "y": table.sum(axis=1).cumsum().to_numpy(),
                   "name": "Totalt (kumulativt)", "mode": "lines+markers", "yaxis": "y2",
                   "line": {"color": "#444"}, "hovertemplate": "Til og med %{x}: %{y}<extra></extra>"})
    missing = len(frame) - len(dated)
    title = "Etablert per år" + (f" ({missing} uten år er ikke med)" if missing else "")
    return _figure(traces, title, "Etableringsår", "Nye samarbeid", barmode="stack",
                   yaxis2={"overlaying": "y", "side": "right", "title": {"text": "Kumulativt"},
                           "rangemode": "tozero"})


def municipalities_histogram(frame: pd.DataFrame) -> go.Figure:
    """How many collaborations have 2, 3, ... member municipalities."""
    counts = frame["antall_kommuner"].value_counts().sort_index()
    traces = [{"type": "bar", "x": counts.index.to_numpy(), "y": counts.to_numpy(), "marker": {"color": "#1f77b4"},
               "hovertemplate": "%{x} kommuner: %{y} samarbeid<extra></extra>"}]
    return _figure(traces, "Kommuner per samarbeid", "Antall kommuner", "Antall samarbeid", xaxis={"dtick": 1})


def population_bar(frame: pd.DataFrame, top: int = 41, numbering: str = "2015") -> go.Figure:
    """Population served (sum of members' population: 1.1.2015 for the report, 1.1.2026 for uploaded
    versions) per collaboration, the `top` largest, largest first."""
    FORM_IDS, FORM_LABELS, year = FORM_SETS[numbering]
    data = frame.sort_values("folketall", ascending=False).head(top)
    traces = []
    for form in FORM_IDS:
        part = data[data["organisasjonsform"] == form]
        if not part.empty:
            traces.append({"type": "bar", "orientation": "h", "x": part["folketall"].to_numpy(),
                           "y": [plotly_escape(n) for n in part["navn"]], "name": FORM_LABELS[form],
                           "marker": {"color": FORM_COLORS[form]}, "customdata": part["antall_kommuner"].to_numpy(),
                           "hovertemplate": "%{y}: %{x:,} innbyggere, %{customdata} kommuner<extra></extra>"})
    height = max(300, 22 * len(data) + 120)
    return _figure(traces, f"Innbyggere i medlemskommunene (1.1.{year})", "Innbyggere", "", height=height,
                   yaxis={"categoryorder": "array", "categoryarray": [plotly_escape(n) for n in data["navn"]][::-1]})
