"""Reading the charts a page drew through ikt_model.ui.live_chart (AppTest sees them as components)."""

import json

from ikt_model.ui import live_chart


def live_charts(at) -> list[dict]:
    """The figures (plotly specs: {"data": [...], "layout": {...}}) of the page's live charts, in page order."""
    return [json.loads(e.proto.bytes)["figure"] for e in at.get("bidi_component")
            if e.proto.component_name == live_chart.NAME]
