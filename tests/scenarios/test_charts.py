"""The scenario comparison chart."""

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights, preset
from ikt_model.scenarios.charts import comparison_figure
from ikt_model.scenarios.compare import compare
from ikt_model.scenarios.model import scenario_from_state

WORKING_VK = dict(status="existing_working", current_model="ks", current_form="vertskommune")


def test_comparison_figure_escapes_names():
    a = scenario_from_state("<b>Fet</b> & <a href='x'>lenke</a>", Profile(), default_weights())
    b = scenario_from_state("Like", Profile(), preset("like"), "like")
    fig = comparison_figure(compare([a, b]))
    assert fig.data[0].name == "&lt;b&gt;Fet&lt;/b&gt; &amp; &lt;a href=&#x27;x&#x27;&gt;lenke&lt;/a&gt;"
    assert "<b>" not in fig.data[0].hovertext[0]
