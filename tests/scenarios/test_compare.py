"""Two or three scenarios side by side: changes, winners, row labels."""

import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights, preset
from ikt_model.scenarios.charts import comparison_figure
from ikt_model.scenarios.compare import compare, row_label
from ikt_model.scenarios.model import Scenario, ScenarioError, scenario_from_state

WORKING_VK = dict(status="existing_working", current_model="ks", current_form="vertskommune")


@pytest.fixture
def scenario() -> Scenario:
    return scenario_from_state("Med ROBEK <b>", Profile(host_on_robek=True, members=["1515", "1511", "1514"],
                                                        municipalities=3),
                               preset("like"), "like", {"ff.as.1": 1, "ff.iks.2": -2})


def test_compare_two_scenarios_finds_changes_and_winners():
    a = scenario_from_state("Uten ROBEK", Profile(**WORKING_VK), default_weights())
    b = scenario_from_state("Med ROBEK", Profile(**WORKING_VK, host_on_robek=True, transition_weight=0.0),
                            default_weights(), "rapport", {"ff.as.1": 2})
    result = compare([a, b])
    assert [r.name for r in result.results] == ["Uten ROBEK", "Med ROBEK"]
    assert result.results[0].winner_key == "alternativ/vertskommune"
    assert result.results[1].winner_key != "alternativ/vertskommune"
    assert not result.same_winner and "skifter" in result.summary()
    kinds = {(c.kind, c.what) for c in result.changes}
    assert ("Profil", "Vertskommunen er på ROBEK") in kinds
    assert any(k == "Overstyring" and "Aksjeselskap (AS) × 1. Kvalitet" in w and "ff.as.1" not in w for k, w in kinds)
    assert not any(k == "Vekt" for k, _ in kinds)
    rows = result.rank_rows()
    assert len(rows) == 12 and rows[0]["Uten ROBEK: rang"] == 1
    overridden = next(c for c in result.changes if c.kind == "Overstyring")
    assert overridden.values[1] == "+2 (overstyrt)" and "-" not in "".join(overridden.values)  # real minus, a sign
    table = result.rank_table()  # shown the Norwegian way, numbers underneath (sorted as numbers)
    body = table._translate(False, False)["body"]
    shown = {c["display_value"] for row in body for c in row[1:]}
    assert not any("." in v for v in shown) and any(v.startswith(("+", "\u2212")) and "," in v for v in shown)
    assert table.data["Uten ROBEK: sum"].dtype.kind == "f"
    fig = comparison_figure(result)
    assert [t.name for t in fig.data] == ["Uten ROBEK", "Med ROBEK"]


def test_compare_weights_and_limits():
    a = scenario_from_state("Rapportens vekter", Profile(), default_weights())
    b = scenario_from_state("Like vekter", Profile(), preset("like"), "like")
    c = scenario_from_state("Rangsum", Profile(), preset("rangsum"), "rangsum")
    result = compare([a, b, c])
    assert result.same_winner and len(result.results) == 3
    assert sum(1 for ch in result.changes if ch.kind == "Vekt") == 13  # 12 factors + the source
    with pytest.raises(ScenarioError, match="to eller tre"):
        compare([a])
    with pytest.raises(ScenarioError, match="to eller tre"):
        compare([a, b, c, a])
    with pytest.raises(ScenarioError, match="forskjellige"):
        compare([a, a])


def test_row_label():
    assert row_label(default_knowledge_base(), "ff.as.1") == "Aksjeselskap (AS) × 1. Kvalitet og tilgjengelighet"
