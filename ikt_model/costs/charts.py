"""Chart of a cost split (fordelingsnøkkel, 2.8): share in kroner and per inhabitant, per member.

A plain plotly figure spec ({"data": [...], "layout": {...}}), not a `go.Figure`: «Kostnadsfordeling» sends it to
the browser as it is (ikt_model.ui.live_chart, updated in place when the key changes), where building the same
figure with `make_subplots` took about 20 ms on every change. The tests build a `go.Figure` from it, which raises
on a wrong property.

The two panels are stacked, each as wide as the column: side by side, a phone left each panel about 100 px, so
an amount written after a short bar («2 958 491 kr») ran past the panel's edge and was cut, and plotly turned
the axis's tick labels to make them fit. The axis ticks are few and short («2 mill.»), drawn upright.
"""

from __future__ import annotations

import math
from typing import Any

from .. import format as fmt
from .split import CostSplit

PANEL_TITLES = ("Andel av budsjettet (kr)", "Kroner per innbygger")
ROW_PX = 34  # a member's row in each panel
MIN_PANEL_PX = 90
TOP_PX, BETWEEN_PX, BOTTOM_PX = 40, 76, 30  # the first title; the first panel's ticks and the second title; ticks
MAX_INTERVALS = 3  # at most four ticks (0 included) on an axis: they stay upright in a phone's column


def axis_ticks(top: float, *, millions: bool) -> tuple[list[float], list[str]]:
    """Ticks for a value axis from 0 to `top`: steps of 1, 2, 2,5 or 5 x 10^k, at most `MAX_INTERVALS` of them,
    with their Norwegian text; with `millions` and `top` from 1 000 000 kr, the text is in millions («2 mill.»,
    «2,5 mill.»), else the whole number («500», «1 000»). `top` <= 0 gives the ticks of 1."""
    top = top if top > 0 else 1
    raw = top / MAX_INTERVALS
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    values = [i * step for i in range(int(top / step + 1e-9) + 1)]  # 0,6 // 0,2 is 2 in floats

    def short(value: float) -> str:  # at most two decimals, none that are zero: «2,5», «2», «0,25»
        text = fmt.number(value, 2)
        return text.rstrip("0").rstrip(",") if "," in text else text

    def text(value: float) -> str:
        if millions and top >= 1_000_000 and value:
            return f"{short(value / 1_000_000)}{fmt.NBSP}mill."
        return short(value)

    return values, [text(v) for v in values]


def cost_figure(split: CostSplit) -> dict[str, Any]:
    """Two horizontal bar panels, one above the other, each with the members' names: the share in kr, and kr per
    inhabitant. Members in the table's order (CostSplit.by_share: the largest share at the top); named with
    their county where the name occurs twice and their number («Herøy (Nordland, 1818)»). Each amount is
    written in its bar when it fits there, else after it (not cut at the panel's edge)."""
    members = list(reversed(split.by_share))  # plotly draws the first category at the bottom
    names = [m.label for m in members]
    panel = max(MIN_PANEL_PX, ROW_PX * len(members))
    plot = 2 * panel + BETWEEN_PX
    lower_top = panel / plot  # the lower panel (kr per innbygger) takes [0, lower_top]
    upper_bottom = (panel + BETWEEN_PX) / plot
    bar = {"type": "bar", "orientation": "h", "y": names, "textposition": "auto", "cliponaxis": False,
           "hoverinfo": "y+text"}
    share = {**bar, "x": [m.andel_kr for m in members], "name": "Andel (kr)", "marker": {"color": "#1f5f8b"},
             "text": [fmt.kroner(m.andel_kr) for m in members],
             "hovertext": [f"{fmt.kroner(m.andel_kr)} ({fmt.percent(m.prosent / 100, 1)})" for m in members],
             "xaxis": "x", "yaxis": "y"}
    per_head = {**bar, "x": [m.kr_per_innbygger for m in members], "name": "Kr per innbygger",
                "marker": {"color": "#c77c0e"}, "text": [fmt.kroner(m.kr_per_innbygger) for m in members],
                "hovertext": [f"{fmt.kroner(m.kr_per_innbygger, 2)} per innbygger, "
                              f"{fmt.number(m.folketall)} innbyggere ({split.population_label})" for m in members],
                "xaxis": "x2", "yaxis": "y2"}
    titles = [{"text": text, "x": 0.5, "y": y, "xref": "paper", "yref": "paper", "xanchor": "center",
               "yanchor": "bottom", "showarrow": False, "font": {"size": 16}}
              for text, y in zip(PANEL_TITLES, (1.0, lower_top), strict=True)]

    def value_axis(values: list[float], anchor: str, millions: bool) -> dict[str, Any]:
        ticks, texts = axis_ticks(max(values), millions=millions)
        return {"anchor": anchor, "domain": [0.0, 1.0], "tickmode": "array", "tickvals": ticks, "ticktext": texts,
                "tickangle": 0}

    return {"data": [share, per_head], "layout": {
        "xaxis": value_axis(share["x"], "y", True),
        "yaxis": {"anchor": "x", "domain": [upper_bottom, 1.0]},
        "xaxis2": value_axis(per_head["x"], "y2", False),
        "yaxis2": {"anchor": "x2", "domain": [0.0, lower_top], "matches": "y"},
        "annotations": titles, "showlegend": False, "height": plot + TOP_PX + BOTTOM_PX,
        "margin": {"l": 10, "r": 16, "t": TOP_PX, "b": BOTTOM_PX}, "separators": ", ", "bargap": 0.25}}
