"""fitWidth (ikt_model.ui.chart_fit) run in Chromium on the comparison charts' real specs, at three widths."""

import json

import pytest

from ikt_model.decision.charts import factor_difference, factor_heatmap, model_form_heatmap, ranking_bar
from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.ui.chart_fit import FIT_WIDTH_JS, NARROW_PX
from tests.e2e.conftest import browser_type_launch_args  # noqa: F401  (Debian's chromium, as in tests/e2e)

pytestmark = pytest.mark.e2e


@pytest.fixture
def fit(page):
    """fit(spec, width) -> the spec as fitWidth leaves it (a blank page with only the function; the browser is
    pytest-playwright's, launched as the browser tests launch it)."""
    page.set_content(f"<script>{FIT_WIDTH_JS}</script>")
    return lambda spec, width: page.evaluate("([s, w]) => { fitWidth(s, w); return s; }",
                                             [json.loads(json.dumps(spec)), width])


@pytest.fixture(scope="module")
def specs():
    kb = default_knowledge_base()
    result = evaluate(Profile(), default_weights(), kb)
    return {"ranking": ranking_bar(result, kb), "heatmap": model_form_heatmap(result, kb),
            "factors": factor_heatmap(result, kb),
            "difference": factor_difference(result, kb, result.best.alternative, result.ranking[1].alternative)}


def test_a_phone_breaks_the_alternatives_labels_and_gives_the_rows_their_height(fit, specs):
    spec = specs["ranking"]
    out = fit(spec, 370)
    ticktext = out["layout"]["yaxis"]["ticktext"]
    assert out["layout"]["yaxis"]["tickvals"] == list(dict.fromkeys(spec["data"][0]["y"]))  # data untouched
    longest_line = max(len(line) for text in ticktext for line in text.split("<br>"))
    assert longest_line <= int(370 * 0.45 / 6.4) and any("<br>" in t for t in ticktext)
    assert out["layout"]["margin"]["l"] <= int(370 * 0.45 + 0.5) + 14 < spec["layout"]["margin"]["l"]  # JS rounding
    assert out["layout"]["height"] > spec["layout"]["height"]
    assert "<br>" in out["layout"]["title"]["text"]  # the title broken to the width, starting inside
    assert out["layout"]["title"]["yanchor"] == "top" and out["layout"]["margin"]["t"] >= 30 + 2 * 22


def test_a_desktop_column_keeps_the_labels_on_one_line(fit, specs):
    spec = specs["ranking"]
    out = fit(spec, 1100)
    assert "ticktext" not in out["layout"]["yaxis"] and out["layout"]["margin"]["l"] == spec["layout"]["margin"]["l"]
    assert out["layout"]["title"]["text"] == spec["layout"]["title"]["text"]


def test_the_heatmap_drops_its_colour_bar_only_when_narrow(fit, specs):
    narrow, wide = fit(specs["heatmap"], NARROW_PX - 1), fit(specs["heatmap"], 1100)
    assert narrow["data"][0]["showscale"] is False and narrow["data"][0]["textfont"]["size"] == 12
    assert "showscale" not in wide["data"][0]


def test_a_heatmap_whose_cells_are_too_narrow_for_its_values_shows_colours_and_the_colour_bar(fit, specs):
    """12 columns of «−1,5» on a phone ran together: there the cells show colours, with the colour bar; where the
    cells hold their values (a desk, and the 4 columns of the model x form heatmap on a phone) they stay."""
    phone, desk = fit(specs["factors"], 370), fit(specs["factors"], 1100)
    assert "texttemplate" not in phone["data"][0] and phone["data"][0]["showscale"] is True
    assert desk["data"][0]["texttemplate"] == "%{text}" and "showscale" not in desk["data"][0]
    four = fit(specs["heatmap"], 370)["data"][0]
    assert four["texttemplate"] == "%{text}" and four["showscale"] is False


def test_a_tablet_breaks_the_form_labels_under_the_heatmap(fit, specs):
    out = fit(specs["heatmap"], 736)
    xaxis = out["layout"]["xaxis"]
    assert xaxis["tickangle"] == 0 and any("<br>" in t for t in xaxis["ticktext"])
    assert out["layout"]["margin"]["b"] > specs["heatmap"]["layout"]["margin"]["b"]


def test_the_value_after_the_longest_bar_keeps_its_room(fit, specs):
    assert specs["difference"]["layout"]["margin"]["r"] < 48
    assert fit(specs["difference"], 1100)["layout"]["margin"]["r"] == 48


def test_panels_one_above_the_other_each_get_their_labels_broken_and_their_rows_height(fit):
    """The cost chart's two panels each name the members: on a phone both label columns are broken, and the plot
    grows until the smaller panel has the height its rows' lines need."""
    from ikt_model.costs.charts import cost_figure
    from ikt_model.costs.inputs import parse_cost_input
    from ikt_model.costs.split import split_costs

    members = ["1515", "1818", "1514", "1511", "1520", "1508", "1516", "1517"]  # long names: Herøy (Nordland, 1818)
    spec = cost_figure(split_costs(parse_cost_input(members=members, budget_kr=12_000_000)))
    out = fit(spec, 370)
    layout = out["layout"]
    assert layout["yaxis"]["ticktext"] == layout["yaxis2"]["ticktext"] and any("<br>" in t for t in
                                                                              layout["yaxis"]["ticktext"])
    lines = max(t.count("<br>") + 1 for t in layout["yaxis"]["ticktext"])
    plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    for axis in ("yaxis", "yaxis2"):
        low, high = layout[axis]["domain"]
        assert plot * (high - low) >= len(members) * (lines * 14 + 8) - 1, axis
    assert fit(spec, 1100)["layout"]["height"] == spec["layout"]["height"]  # a desktop's column: as built
