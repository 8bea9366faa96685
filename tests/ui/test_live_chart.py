"""The live-chart component: what it sends, and that plotly.js is served from the app (issue 14)."""

import hashlib
import json
from pathlib import Path

import numpy as np
import plotly
import plotly.graph_objects as go
import pytest

from ikt_model.config import REPO_ROOT
from ikt_model.ui import live_chart


def test_plotly_js_is_the_pinned_packages_own_copy_served_from_static():
    """Bumping plotly in requirements.txt must bring its plotly.js along: the copy under static/ is the one the
    installed package ships (figures are written for that version), and nothing is fetched from a CDN."""
    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    served = REPO_ROOT / "static" / live_chart.PLOTLY_FILE
    assert hashlib.sha256(served.read_bytes()).digest() == hashlib.sha256(shipped.read_bytes()).digest(), (
        f"cp {shipped} {served}")
    assert "http" not in live_chart.JS  # loads only what payload() names: the app's own static URL


def test_payload_sends_the_spec_as_it_is_with_the_template_and_the_app_url():
    spec = {"data": [{"type": "bar", "x": [1.5, -2.0], "y": ["a", "b"]}], "layout": {"height": 300}}
    data = live_chart.payload(spec, {"displayModeBar": False}, label="Søyler", base_url_path="/ikt/")
    figure = json.loads(data["figure"])
    assert figure["data"] == spec["data"] and figure["layout"]["height"] == 300
    assert figure["layout"]["template"] == live_chart.TEMPLATE and "template" not in spec["layout"]  # not mutated
    assert data["config"] == {"responsive": True, "displayModeBar": False} and data["label"] == "Søyler"
    assert data["src"] == "/ikt/app/static/vendor/plotly.min.js"
    assert live_chart.payload(spec)["src"] == "/app/static/vendor/plotly.min.js"
    json.dumps(data)  # what Streamlit sends must be plain JSON


def test_payload_keeps_a_figures_own_template_and_takes_numpy_and_go_figures():
    own = {"data": [{"type": "heatmap", "z": np.arange(4.0).reshape(2, 2)}], "layout": {"template": {"layout": {}}}}
    figure = json.loads(live_chart.payload(own)["figure"])
    assert figure["data"][0]["z"] == [[0.0, 1.0], [2.0, 3.0]] and figure["layout"]["template"] == {"layout": {}}
    from_go = json.loads(live_chart.payload(go.Figure({"data": [{"type": "bar", "y": [1, 2]}]}))["figure"])
    assert from_go["data"][0]["type"] == "bar" and "template" in from_go["layout"]
    with pytest.raises(TypeError):
        live_chart.payload({"data": [{"type": "bar", "y": {1, 2}}]})

