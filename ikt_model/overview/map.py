"""The offline map of Norway's municipalities («Kart»), coloured by organisation form or collaboration.

The figure is a plotly geo choropleth (`go.Choropleth`, no tiles): one trace per category so the legend
shows discrete colours, each trace carrying only its own features, so every boundary is sent once.
Plotly.js still loads a world topojson: the page serves it from static/ (config `topojsonURL`).
Everything here is pure: the page caches the figure.

Beside it: `map_borders` (the two sets of borders, their files and URLs, rows in their structure),
`map_legend` (categories and colours), `map_summary` (each municipality in words: hover label, table),
`map_data` (what the page asks the database) and `map_click` (a click -> the municipality).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..ui.text import plotly_escape
from .map_borders import Borders, load_geojson
from .map_legend import COLOR_BY_LABELS, ColorBy, category_colors, category_of, category_order
from .map_summary import hover_text, municipality_summary

BORDER_COLOR = "#ffffff"

ATTRIBUTION = "Kart: © Kartverket (CC BY 4.0). Folketall: Statistisk sentralbyrå."


def _ring_arrays(geometry: dict[str, Any]) -> dict[str, Any]:
    """The same geometry with every ring as a numpy array: plotly deep-copies traces and figures on every
    build and every st.plotly_chart call, and copying ~2,000 arrays is ~15x cheaper than ~120,000 lists."""
    if geometry["type"] == "Polygon":
        coordinates: list[Any] = [np.asarray(ring) for ring in geometry["coordinates"]]
    else:
        coordinates = [[np.asarray(ring) for ring in polygon] for polygon in geometry["coordinates"]]
    return {"type": geometry["type"], "coordinates": coordinates}


@lru_cache(maxsize=2)
def _features_by_number(borders: Borders = "2015") -> dict[str, dict[str, Any]]:
    """kommunenummer -> GeoJSON feature with numpy rings (built once per set of borders; never mutated)."""
    return {
        f["properties"]["kommunenummer"]: {**f, "geometry": _ring_arrays(f["geometry"])}
        for f in load_geojson(borders)["features"]
    }


def map_figure(rows: pd.DataFrame, color_by: ColorBy = "form", show_successors: bool = False,
               height: int = 720, boundaries_url: str | None = None, borders: Borders = "2015",
               uploaded: bool = False) -> go.Figure:
    """The choropleth: one trace per legend category, hover text per municipality.

    `rows` must be in the structure of `borders` (see `rows_for_borders`). Boundaries: embedded per trace
    (each feature once; self-contained figure) or, with `boundaries_url` (see `geojson_url`, same `borders`),
    a URL every trace shares that the browser fetches once. `uploaded`: an uploaded version (2026 forms;
    rows from `rows_for_version`, borders "today"). `height` (px) is the map's; the figure adds room for
    the legend below it (`legend_height`)."""
    if color_by not in COLOR_BY_LABELS:
        raise ValueError(f"Ukjent fargelegging: {color_by!r}")
    summary = municipality_summary(rows)
    records = summary.to_dict("records")
    summary["kategori"] = [category_of(r, color_by, uploaded) for r in records]
    summary["hover"] = [hover_text(r, show_successors, uploaded) for r in records]
    colors = category_colors(summary["kategori"].tolist(), color_by, uploaded)
    features = _features_by_number(borders)
    fig = go.Figure()
    categories = category_order(summary["kategori"].tolist(), color_by, uploaded)
    for category in categories:
        part = summary[summary["kategori"] == category]
        numbers = part["kommunenummer"].tolist()
        geojson = boundaries_url or {
            "type": "FeatureCollection", "features": [features[n] for n in numbers if n in features]}
        fig.add_trace(go.Choropleth(
            geojson=geojson, featureidkey="properties.kommunenummer", locations=numbers,
            z=[1] * len(numbers), colorscale=[[0, colors[category]], [1, colors[category]]],
            showscale=False, showlegend=True, name=plotly_escape(category), legendgroup=category,
            text=part["hover"].tolist(), hovertemplate="%{text}<extra></extra>",
            marker={"line": {"color": BORDER_COLOR, "width": 0.4}},
            selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 0.55}},
        ))
    # Conic conformal with standard parallels across Norway keeps its shape; plotly's fitbounds breaks
    # with a rotated projection (transverse mercator rotated to 15°E drew Norway as a speck), so no rotation.
    fig.update_geos(
        fitbounds="locations", visible=False,
        projection={"type": "conic conformal", "parallels": [60, 68]},
    )
    fig.update_layout(
        height=height + legend_height(len(categories)), margin={"l": 0, "r": 0, "t": 32, "b": 0},
        uirevision="kart", dragmode="zoom",
        separators=", ",  # Norwegian decimal comma and thousands space in hover and legend
        # Legend below the map, across its width: beside it (as until 2026-12) it left a phone's map 174 px
        # wide; 43 collaboration entries over the map would cover Western Norway. A horizontal legend takes
        # at most half the figure (plotly's legend.maxheight) and scrolls beyond that.
        legend={"title": {"text": COLOR_BY_LABELS[color_by], "side": "top"}, "itemsizing": "constant",
                "orientation": "h", "yanchor": "top", "y": 0, "x": 0, "xanchor": "left"},
        hoverlabel={"bgcolor": "white", "font": {"size": 13}},
    )
    return fig


LEGEND_ROW_PX, LEGEND_PER_ROW = 29, 5  # one legend row; entries a row holds in a desktop page's main column


def legend_height(categories: int) -> int:
    """Height in px the legend below the map takes for `categories` entries (title included) in a desktop
    page's main column (about 820 px: five entries a row); a narrower screen wraps into more rows, and plotly
    lets the legend scroll past half the figure."""
    return LEGEND_ROW_PX * (1 + math.ceil(categories / LEGEND_PER_ROW))


def trace_locations(fig: go.Figure) -> list[list[str]]:
    """The kommunenummer of every trace, in trace order (for map_click when a point has only point_index)."""
    return [list(trace.locations) for trace in fig.data]
