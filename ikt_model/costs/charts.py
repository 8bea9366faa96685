"""Chart of a cost split (fordelingsnøkkel, 2.8): share in kroner and per inhabitant, per member.

A plain plotly figure spec ({"data": [...], "layout": {...}}), not a `go.Figure`: «Kostnadsfordeling» sends it to
the browser as it is (ikt_model.ui.live_chart, updated in place when the key changes), where building the same
figure with `make_subplots` took about 20 ms on every change. The tests build a `go.Figure` from it, which raises
on a wrong property.
"""

from __future__ import annotations

from typing import Any

from .. import format as fmt
from .split import CostSplit

GAP = 0.06  # between the two panels, as a share of the width
PANEL_TITLES = ("Andel av budsjettet (kr)", "Kroner per innbygger")


def cost_figure(split: CostSplit) -> dict[str, Any]:
    """Two horizontal bar panels side by side sharing the members' axis: the share in kr, and kr per inhabitant.
    Members in the table's order (CostSplit.by_share: the largest share at the top); named with their county
    where the name occurs twice and their number («Herøy (Nordland, 1818)»)."""
    members = list(reversed(split.by_share))  # plotly draws the first category at the bottom
    names = [m.label for m in members]
    width = (1 - GAP) / 2
    share = {"type": "bar", "orientation": "h", "x": [m.andel_kr for m in members], "y": names, "name": "Andel (kr)",
             "marker": {"color": "#1f5f8b"}, "text": [fmt.kroner(m.andel_kr) for m in members], "textposition": "auto",
             "hovertext": [f"{fmt.kroner(m.andel_kr)} ({fmt.percent(m.prosent / 100, 1)})" for m in members],
             "hoverinfo": "y+text", "xaxis": "x", "yaxis": "y"}
    per_head = {"type": "bar", "orientation": "h", "x": [m.kr_per_innbygger for m in members], "y": names,
                "name": "Kr per innbygger", "marker": {"color": "#c77c0e"},
                "text": [fmt.kroner(m.kr_per_innbygger) for m in members], "textposition": "auto",
                "hovertext": [f"{fmt.kroner(m.kr_per_innbygger, 2)} per innbygger, "
                              f"{fmt.number(m.folketall)} innbyggere ({split.population_label})" for m in members],
                "hoverinfo": "y+text", "xaxis": "x2", "yaxis": "y2"}
    titles = [{"text": text, "x": x, "y": 1.0, "xref": "paper", "yref": "paper", "xanchor": "center",
               "yanchor": "bottom", "showarrow": False, "font": {"size": 16}}
              for text, x in zip(PANEL_TITLES, (width / 2, 1 - width / 2), strict=True)]
    return {"data": [share, per_head], "layout": {
        "xaxis": {"anchor": "y", "domain": [0.0, width], "tickformat": ",.0f"},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0]},
        "xaxis2": {"anchor": "y2", "domain": [1 - width, 1.0], "tickformat": ",.0f"},
        "yaxis2": {"anchor": "x2", "domain": [0.0, 1.0], "matches": "y", "showticklabels": False},
        "annotations": titles, "showlegend": False, "height": max(260, 60 + 34 * len(members)),
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "separators": ", ", "bargap": 0.25}}
