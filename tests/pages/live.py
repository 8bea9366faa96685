"""Reading what a page drew: the charts drawn through ikt_model.ui.live_chart (AppTest sees them as components),
the address bar's values, and the key a profile field's widget is drawn under now."""

import json

from ikt_model.ui import address_bar, live_chart
from ikt_model.ui.profile_fields import field_key


def live_charts(at) -> list[dict]:
    """The figures (plotly specs: {"data": [...], "layout": {...}}) of the page's live charts, in page order."""
    return [json.loads(e.proto.bytes)["figure"] for e in at.get("bidi_component")
            if e.proto.component_name == live_chart.NAME]


def address_bar_values(at) -> list[str]:
    """The ?s= values the run handed to the browser's address bar (ikt_model.ui.address_bar), in page order."""
    return [e.proto.bytes.decode("ascii") for e in at.get("bidi_component")
            if e.proto.component_name == address_bar.NAME]


def table_text(element):
    """What a reader sees in an st.table (`at.table[i]`): its data with Markdown's backslash escapes resolved
    (the page escapes every text cell: ikt_model.ui.text.markdown_cells)."""
    import re

    return element.value.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)


def pf(at, field: str) -> str:
    """The key the widget of profile field `field` is drawn under now on «Samarbeidet» («pf_members», or
    «pf_members_v1» after the server set its value: ikt_model.ui.profile_fields)."""
    return field_key(at.session_state, field)
