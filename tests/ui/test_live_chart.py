"""The live-chart component: what it sends, and that plotly.js is served from the app (issue 14)."""

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import plotly
import plotly.graph_objects as go
import pytest

from ikt_model.config import REPO_ROOT
from ikt_model.ui import live_chart


def test_plotly_js_is_the_recorded_bundle_in_the_pinned_packages_version_served_from_static():
    """The bundle under static/ is the file its provenance names (sha256), of the plotly.js version the pinned
    plotly package ships (figures are written for that version: a new pin needs the same version of the
    bundle), and nothing is fetched from a CDN."""
    served = REPO_ROOT / "static" / live_chart.PLOTLY_FILE
    provenance = (served.parent / "LICENSE-plotly-cartesian.txt").read_text(encoding="utf-8")
    assert f"sha256 of the file: {hashlib.sha256(served.read_bytes()).hexdigest()}" in provenance

    def version(path: Path) -> str:
        return re.search(rb"plotly\.js (?:\(cartesian - minified\) )?v(\d+\.\d+\.\d+)", path.read_bytes()[:300]
                         ).group(1).decode()

    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert version(served) == version(shipped)
    assert "http" not in live_chart.JS  # loads only what payload() names: the app's own static URL


def test_every_live_chart_uses_trace_types_the_bundle_draws():
    from ikt_model.decision import charts as decision_charts
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.knowledge import default_knowledge_base
    from ikt_model.decision.profile import Profile
    from ikt_model.decision.weights import default_weights
    from ikt_model.robustness import charts as robustness_charts
    from ikt_model.robustness.reading import factor_intervals

    kb = default_knowledge_base()
    result = evaluate(Profile(), default_weights(), kb)
    a, b = result.ranking[0].alternative, result.ranking[1].alternative
    totals = np.zeros((3, 12))
    specs = [decision_charts.ranking_bar(result, kb), decision_charts.model_form_heatmap(result, kb),
             decision_charts.factor_difference(result, kb, a, b), decision_charts.factor_heatmap(result, kb),
             robustness_charts.walking_chart(np.array([0, 0.5, 1]), totals, [str(i) for i in range(12)], 0.1, 0.2,
                                             "x", 0, 1),
             robustness_charts.ranking_bars(["A", "B"], [0.1, 0.2], "t"),
             robustness_charts.acceptability_heatmap(["A", "B"], [[1, 0], [0, 1]]),
             robustness_charts.central_weights_chart(["1", "2"], [0.5, 0.5], [0.4, 0.6], "A")]
    specs.append(robustness_charts.stability_chart(factor_intervals(np.zeros((12, 12)), default_weights(), kb)))
    used = {trace.get("type", "scatter") for spec in specs for trace in spec["data"]}
    assert used <= live_chart.TRACE_TYPES, used - live_chart.TRACE_TYPES


def test_payload_sends_the_spec_as_it_is_with_the_template_and_the_app_url():
    spec = {"data": [{"type": "bar", "x": [1.5, -2.0], "y": ["a", "b"]}], "layout": {"height": 300}}
    data = json.loads(live_chart.payload(spec, {"displayModeBar": False}, label="Søyler", base_url_path="/ikt/"))
    figure = data["figure"]
    assert figure["data"] == spec["data"] and figure["layout"]["height"] == 300
    assert figure["layout"]["template"] == live_chart.TEMPLATE and "template" not in spec["layout"]  # not mutated
    assert data["config"] == {"responsive": True, "displayModeBar": False} and data["label"] == "Søyler"
    titled = {**spec, "layout": {"title": {"text": "Rangering"}}}
    assert json.loads(live_chart.payload(titled))["label"] == "Rangering"  # screen readers hear the title
    assert data["src"] == "/ikt/app/static/vendor/plotly-cartesian.min.js"
    assert json.loads(live_chart.payload(spec))["src"] == "/app/static/vendor/plotly-cartesian.min.js"
    assert data["key"] == "" and json.loads(live_chart.payload(spec, key="ranking_chart"))["key"] == "ranking_chart"


def test_payload_keeps_a_figures_own_template_and_takes_numpy_and_go_figures():
    own = {"data": [{"type": "heatmap", "z": np.arange(4.0).reshape(2, 2)}], "layout": {"template": {"layout": {}}}}
    figure = json.loads(live_chart.payload(own))["figure"]
    assert figure["data"][0]["z"] == [[0.0, 1.0], [2.0, 3.0]] and figure["layout"]["template"] == {"layout": {}}
    from_go = json.loads(live_chart.payload(go.Figure({"data": [{"type": "bar", "y": [1, 2]}]})))["figure"]
    assert from_go["data"][0]["type"] == "bar" and "template" in from_go["layout"]
    with pytest.raises(TypeError):
        live_chart.payload({"data": [{"type": "bar", "y": {1, 2}}]})



def test_the_early_script_and_the_component_share_one_loader():
    """The launcher's early script defines the loader the component's module also defines: both set the
    same promise, so plotly.js is loaded once whoever asks first."""
    page = b"<html><head><title>x</title></head><body></body></html>"
    early = live_chart.with_early_plotly(page, "/ikt/robusthet", "/ikt")
    assert early.count(b"function plotlyFrom(src)") == 1
    assert b'plotlyFrom("/ikt/app/static/vendor/plotly-cartesian.min.js")' in early
    assert live_chart.JS.startswith(live_chart.LOAD_PLOTLY_JS) and "window.__iktPlotly = new Promise" in live_chart.JS
    assert live_chart.with_early_plotly(page, "/kart") == page
