"""Plotly charts that are updated in place when only their data changes (issue 14: what-if speed).

Streamlit 1.67's `st.plotly_chart` gives a chart an identity that includes its figure, so every weight
change makes a new chart: the browser throws the old one away and lays out a new one from scratch
(`Plotly.newPlot`), about 100 ms a chart here. The charts that follow the weights are drawn instead
through a small `st.components.v2` component (`JS`) whose identity is its key: a new figure reaches the
same chart, which plotly.js updates with `Plotly.react` (only what changed is redrawn).

The component loads plotly.js from the app's own static folder, never from a CDN: `PLOTLY_FILE` is
plotly.js's «cartesian» partial bundle (`TRACE_TYPES`; 1,5 MB, a third of the full bundle's time to read
and run in the browser) in the version the pinned plotly package ships (checked by a test; provenance in
static/vendor/). The page
registers the component (`st.components.v2.component(NAME, js=JS, css=CSS, isolate_styles=False)`: plotly.js
puts its style sheet in the document head, which a shadow root would not see) and mounts it with
`payload(...)` as data. Only this module's figures and config travel; nothing runs on the server per
draw beyond serialising the figure. Each chart has the full-screen button Streamlit's own charts have
(«Vis diagrammet i fullskjerm»; `CSS`).

The figures are laid out for a desk or a projector; the component fits them to the width of their column
in the browser (ui.chart_fit), and lays a chart out again when that width changes.

A chart more than 200 px (`NEAR_PX` in `JS`) below or above the window, or in a folded part of the page,
is not drawn until it comes near: a weight change then redraws only the charts the user can see (on
«Robusthet», one of five at 1400 x 1000), and a chart scrolled to later is drawn with the figure it got last.
Until then it keeps its height and its accessible name; printing draws every chart.

A chart is kept in the browser when its page is left (one per key, `payload(key=...)`): back on the page, the
same drawing is put in place, and redrawn only if its figure or its column's width changed. A page switch
to «Sammenligning» then skips laying out its charts anew (~100 ms each on this kind of machine).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io

from ..config import static_url
from .chart_fit import FIT_WIDTH_JS

NAME = "ikt_live_chart"
PLOTLY_FILE = "vendor/plotly-cartesian.min.js"  # under static/, served at /app/static/ (provenance beside it)
# What that partial bundle draws (its README): a live chart of any other trace type would stay empty
TRACE_TYPES = frozenset({"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour",
                         "image", "pie", "scatter", "scatterternary", "violin"})

# One plotly.js per page: the first caller (the launcher's early script or the first chart) loads it, the
# others wait for the same promise.
LOAD_PLOTLY_JS = """function plotlyFrom(src) {
  if (!window.__iktPlotly) {
    window.__iktPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { window.__iktPlotly = null; reject(new Error("plotly.js: " + src)); };
      document.head.appendChild(script);
    });
  }
  return window.__iktPlotly;
}
"""
# The component's module: live_chart.js, after the loader and ui.chart_fit's fitWidth (which it calls)
JS = LOAD_PLOTLY_JS + FIT_WIDTH_JS + Path(__file__).with_name("live_chart.js").read_text(encoding="utf-8")
# The full-screen button (what Streamlit's own chart toolbar offers): shown when the chart is hovered or the
# button has keyboard focus, always on touch screens; the chart fills the screen on a white background.
CSS = """
.ikt-chart { position: relative; }
.ikt-chart:fullscreen { background: #ffffff; padding: 12px; overflow: auto; }
.ikt-chart-fullscreen {
  position: absolute; top: 0; right: 0; z-index: 2; display: flex; padding: 4px; cursor: pointer;
  color: #0b0f14; background: #ffffff; border: 1px solid #c3c8d0; border-radius: 4px; opacity: 0;
}
.ikt-chart:hover .ikt-chart-fullscreen, .ikt-chart-fullscreen:focus-visible,
.ikt-chart:fullscreen .ikt-chart-fullscreen { opacity: 1; }
@media (hover: none) { .ikt-chart-fullscreen { opacity: 1; } }
"""


# The pages that draw live charts, by URL path (app.py), and what their HTML page gets from the launcher
LIVE_CHART_PATHS = ("sammenligning", "robusthet")


def with_early_plotly(page: bytes, path: str, base_url_path: str | None = "") -> bytes:
    """The app's HTML page (bytes) for a request to `path`, with a script before </head> that starts loading
    plotly.js once the page has been read and Streamlit's own scripts have run (DOMContentLoaded; the
    window's load event comes only after every font and image), when `path` opens a page with live charts
    (LIVE_CHART_PATHS); any other page, or a page without </head>, is returned as it is.

    Why: the chart component would otherwise ask for plotly.js only once the server's first run has sent
    it, and then wait for the 4,8 MB file to load and run (over a second on a 2-core machine). Started with
    the page, that overlaps with the server's first run. The launcher (scripts/serve.py) applies it."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    end = page.find(b"</head>")
    if name not in LIVE_CHART_PATHS or end < 0:
        return page
    src = json.dumps(static_url(base_url_path) + PLOTLY_FILE)
    script = f"<script>{LOAD_PLOTLY_JS}document.addEventListener('DOMContentLoaded', () => plotlyFrom({src}));</script>"
    return page[:end] + script.encode() + page[end:]


# Axes and hover labels in the app's colours (the role Streamlit's chart theme has for st.plotly_chart), as a
# plotly template: a figure's own settings win over it.
# Axes take the room their labels and titles need unless a figure sets its margins itself (automargin, as
# Streamlit's chart theme does; the comparison charts turn it off and set margins from their labels, which
# saves the browser a second layout per weight change).
_AXIS = {"gridcolor": "#e6e9ef", "linecolor": "#c3c8d0", "zerolinecolor": "#c3c8d0", "ticks": "", "automargin": True}
APP_FONT = "\"Source Sans\", \"Source Sans Pro\", sans-serif"  # Streamlit 1.67's text font
TEMPLATE = {"layout": {
    "font": {"color": "#0b0f14", "family": APP_FONT},
    "title": {"font": {"weight": 600}},
    "colorway": ["#1f5f8b", "#c9a227", "#6b8e23", "#b5523b", "#7fa7c9", "#8c6d31"],
    "xaxis": _AXIS, "yaxis": _AXIS,
    "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#c3c8d0", "font": {"color": "#0b0f14", "family": APP_FONT}},
    "legend": {"bgcolor": "rgba(0,0,0,0)"}}}


def _plain(value: Any) -> Any:
    """JSON for the numpy values a figure spec may hold (arrays as lists, scalars as numbers)."""
    if isinstance(value, np.ndarray | np.generic):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON")


def payload(figure: dict[str, Any] | go.Figure, config: dict[str, Any] | None = None, *, label: str = "",
            key: str = "", base_url_path: str | None = "") -> bytes:
    """The component's data for one chart, as UTF-8 JSON bytes: {"figure": the plotly figure, with `TEMPLATE`
    unless it names its own; "config": plotly.js config (responsive added: the chart follows its column's
    width); "label": an accessible name (read by screen readers in place of the SVG; the figure's title when
    not given); "key": the chart's key on its page (`key`: the browser keeps the drawn chart when the page is
    left and puts it back when the page is opened again, redrawn only if its figure changed; "" keeps
    nothing); "src": where plotly.js is served}.

    Bytes, not a dict: Streamlit hands bytes to the browser as they are, while a dict is first searched for
    dataframes (which imports pandas, half a second on a server's first run) and then encoded again.

    `figure` is a plotly figure spec ({"data": [...], "layout": {...}}, as the chart modules build them:
    serialised as it is, in well under a millisecond; numpy arrays as lists, so a long one is better given
    as plotly's typed-array spec) or a `go.Figure` (serialised by plotly without validating again). Raises
    TypeError for values JSON cannot hold."""
    if isinstance(figure, go.Figure):
        figure = json.loads(plotly.io.to_json(figure, validate=False))
    layout = figure.get("layout") or {}
    title = layout.get("title")
    label = label or (title.get("text", "") if isinstance(title, dict) else str(title or ""))
    if "template" not in layout:
        figure = {**figure, "layout": {**layout, "template": TEMPLATE}}
    data = {"figure": figure, "config": {"responsive": True, **(config or {})}, "label": label, "key": key,
            "src": static_url(base_url_path) + PLOTLY_FILE}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_plain).encode()
