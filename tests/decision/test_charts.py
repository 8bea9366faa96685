import plotly.graph_objects as go

from ikt_model.decision.charts import factor_difference, factor_heatmap, factor_key, model_form_heatmap, ranking_bar
from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import Alternative
from ikt_model.decision.weights import default_weights, make_weights

KB = default_knowledge_base()


def test_ranking_bar_best_on_top_and_current_marked():
    result = evaluate(Profile(status="existing_working", current_model="ks", current_form="iks"), default_weights())
    fig = go.Figure(ranking_bar(result, KB))  # also checks the spec against plotly's schema
    labels = list(fig.data[0].y)
    assert labels[-1].startswith("1. Alternativ modell + Interkommunalt")  # horizontal bars: last is the top
    assert any(label.endswith("◀ dagens") and "KS-modellen + Interkommunalt" in label for label in labels)
    assert fig.layout.xaxis.range[0] == -fig.layout.xaxis.range[1] >= -10


def test_heatmap_cells_are_the_totals():
    result = evaluate(Profile(), default_weights())
    fig = go.Figure(model_form_heatmap(result, KB))
    z = fig.data[0].z
    assert abs(z[1][3] - result.find(Alternative(model="alternativ", form="par27")).score) < 1e-12


def test_factor_difference_sums_to_total_gap():
    result = evaluate(Profile(), default_weights())
    a, b = result.ranking[0].alternative, result.ranking[5].alternative
    fig = go.Figure(factor_difference(result, KB, a, b))
    assert abs(sum(fig.data[0].x) - (result.find(a).score - result.find(b).score)) < 1e-9


def test_factor_difference_without_a_difference_says_so_and_draws_no_bar():
    """One factor weighted, on which the two alternatives score alike: no zero-length bar on an axis of its own
    (it read as «Ingen forskjell» on the −1 tick), but a sentence."""
    points = {f: 0.0 for f in range(1, 13)}
    points[1] = 100.0  # stable operations: «Ingen forskjeller» for every form (the report's table)
    result = evaluate(Profile(), make_weights(points))
    a, b = result.ranking[0].alternative, result.ranking[1].alternative
    fig = go.Figure(factor_difference(result, KB, a, b))
    assert list(fig.data[0].x) == [] and fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert fig.layout.annotations[0].text.startswith("Ingen forskjell: de to får like mye<br>på hver faktor")
    assert fig.layout.title.text in (f"Hvorfor {result.find(a).label} foran {result.find(b).label}",
                                     f"Hva skiller {result.find(a).label} og {result.find(b).label}")


def test_factor_heatmap_shape():
    fig = go.Figure(factor_heatmap(evaluate(Profile(), default_weights()), KB))
    assert len(fig.data[0].z) == 12 and len(fig.data[0].z[0]) == 12


def test_factor_heatmap_heads_its_columns_by_number_and_names_them_in_the_hover_and_the_key():
    """Twelve factor names under twelve narrow columns ran into each other: the columns carry the factors'
    numbers (every one: dtick 1), a cell's hover and the key under the chart the names."""
    result = evaluate(Profile(), default_weights())
    fig = go.Figure(factor_heatmap(result, KB))
    trace = fig.data[0]
    assert list(trace.x) == [str(n) for n in range(1, 13)] and fig.layout.xaxis.dtick == 1
    assert fig.layout.xaxis.type == "category" and fig.layout.xaxis.tickangle == 0
    names = [f"{f.id}. {f.label}" for f in KB.factors]
    assert all(list(row) == names for row in trace.customdata) and len(trace.customdata) == 12
    assert "%{customdata}" in trace.hovertemplate and "%{y}" in trace.hovertemplate
    assert list(trace.y) == [r.label for r in result.ranking]  # rows in ranked order
    key = factor_key(KB)
    assert key.startswith("Kolonnene: 1 Kvalitet og tilgjengelighet · 2 Omstillingsevne · ")
    assert key.endswith(" · 12 Ledelse") and key.count(" · ") == 11


def test_factor_heatmap_shows_half_points_as_they_are():
    """A half point is written with its decimal (a cell reading «0» was 0,5; «−2» was −2,5)."""
    spec = factor_heatmap(evaluate(Profile(), default_weights()), KB)
    cells = [(v, t) for zrow, trow in zip(spec["data"][0]["z"], spec["data"][0]["text"], strict=True)
             for v, t in zip(zrow, trow, strict=True)]
    halves = [(v, t) for v, t in cells if not float(v).is_integer()]
    assert halves and all("," in t for _, t in halves)
    assert all(t.lstrip("+−") == str(abs(int(v))) for v, t in cells if float(v).is_integer())


def test_label_margins_are_set_not_measured_by_the_browser():
    """automargin lays each chart out twice in the browser on every weight change; the margins come from the
    labels instead, wide enough for the longest one."""
    from ikt_model.decision.charts import CHAR_PX, label_margin

    result = evaluate(Profile(status="existing_working", current_model="ks", current_form="iks"), default_weights())
    a, b = result.ranking[0].alternative, result.ranking[1].alternative
    for spec in (ranking_bar(result, KB), model_form_heatmap(result, KB), factor_difference(result, KB, a, b)):
        fig = go.Figure(spec)
        assert fig.layout.yaxis.automargin is False and fig.layout.xaxis.automargin is False  # not left to defaults
        longest = max(len(str(label)) for label in fig.data[0].y)
        assert fig.layout.margin.l == label_margin(fig.data[0].y) >= CHAR_PX * longest
    assert label_margin(["abc"]) < label_margin(["abcdef"]) and label_margin(["x"], size=26) > label_margin(["x"])


def test_the_difference_chart_says_in_words_which_is_ahead():
    """«Hvorfor A – B» read as a minus sign (a fresh tester): «Hvorfor A foran B», or «Hva skiller A og B» for two
    alternatives level on the total."""
    result = evaluate(Profile(), default_weights())
    first, second = result.ranking[0], result.ranking[1]
    spec = factor_difference(result, KB, first.alternative, second.alternative)
    assert spec["layout"]["title"]["text"] == f"Hvorfor {first.label} foran {second.label}"
    level = next((a, b) for a, b in zip(result.ranking, result.ranking[1:], strict=False) if a.score == b.score)
    spec = factor_difference(result, KB, level[0].alternative, level[1].alternative)
    assert spec["layout"]["title"]["text"] == f"Hva skiller {level[0].label} og {level[1].label}"
