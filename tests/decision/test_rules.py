"""Every context rule moves the scores in the direction the report describes."""

import pytest

from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import Alternative
from ikt_model.decision.weights import default_weights

W = default_weights()


def score(profile: Profile, model: str, form: str) -> float:
    return evaluate(profile, W).find(Alternative(model=model, form=form)).score


def codes(profile: Profile) -> set[str]:
    return {w.code for w in evaluate(profile, W).warnings}


def test_robek_lowers_vertskommune_only():
    base, robek = Profile(), Profile(host_on_robek=True)
    assert score(robek, "alternativ", "vertskommune") < score(base, "alternativ", "vertskommune")
    assert score(robek, "alternativ", "par27") == score(base, "alternativ", "par27")


def test_board_not_of_chief_executives_lowers_par27_most_and_warns():
    """3.4.4: the board of rådmenn is «en forutsetning» for § 27 (KO); 4.1 recommends it for the model."""
    base, random_board = Profile(), Profile(board_of_chief_executives=False)
    par27_drop = score(base, "alternativ", "par27") - score(random_board, "alternativ", "par27")
    iks_drop = score(base, "alternativ", "iks") - score(random_board, "alternativ", "iks")
    assert par27_drop > iks_drop > 0  # mf.alternativ.5 needs the board whatever the form
    assert score(random_board, "ks", "iks") == score(base, "ks", "iks")
    assert "styre_direktorer" in codes(random_board)
    assert "forutsetning" in evaluate(random_board, W).recommendation.text


def test_iks_council_of_chief_executives_raises_iks():
    assert score(Profile(iks_council_of_chief_executives=True), "ks", "iks") > score(Profile(), "ks", "iks")


def test_selling_services_raises_as_and_advises_on_quality():
    p = Profile(sells_services_to_others=True)
    assert score(p, "ks", "as") > score(Profile(), "ks", "as")
    assert "salg_kvalitet" in codes(p)


def test_operations_scope_favours_as_and_iks_and_advises_lifting_tasks():
    """4.2 table: AS/IKS give «God styringsmulighet for oppgaver som på sikt blir mindre viktig» (drift);
    3.4.1/3.4.2: both suit a pure operations company, so both lose on factor 4 when the scope is wider."""
    ops, dev = Profile(scope="operations"), Profile(scope="operations_and_development")
    assert score(ops, "ks", "iks") > score(dev, "ks", "iks")
    assert score(ops, "alternativ", "as") > score(dev, "alternativ", "as")
    assert score(ops, "ks", "par27") == score(dev, "ks", "par27")  # drift_ks was dropped: 2.4.1 is no evaluation
    assert score(ops, "alternativ", "par27") == score(dev, "alternativ", "par27")
    assert "loft_fra_drift" in codes(ops) and "loft_fra_drift" not in codes(dev)


def test_large_size_differences_advise_but_do_not_score():
    """3.2 advises on size; 2.5.1 finds no extra vertskommune effect, so storrelse_vertskommune was dropped."""
    p = Profile(large_size_differences=True)
    assert score(p, "alternativ", "vertskommune") == score(Profile(), "alternativ", "vertskommune")
    assert "ulik_storrelse" in codes(p)


def test_changing_form_costs_through_the_transition_component_only():
    """4.2's advice by status is a rule about change: it lives in the transition part, not in quality or economy."""
    working = Profile(status="existing_working", current_model="ks", current_form="iks")
    struggling = Profile(status="existing_struggling", current_model="ks", current_form="iks")
    w_alt = evaluate(working, W).find(Alternative(model="alternativ", form="par27"))
    s_alt = evaluate(struggling, W).find(Alternative(model="alternativ", form="par27"))
    new_alt = evaluate(Profile(), W).find(Alternative(model="alternativ", form="par27"))
    assert w_alt.factor_scores == s_alt.factor_scores == new_alt.factor_scores
    assert w_alt.components["transition"] < s_alt.components["transition"] < 0
    assert evaluate(working, W).find(Alternative(model="ks", form="iks")).components["transition"] == 0


def test_transition_weight_zero_removes_the_cost():
    p = Profile(status="existing_working", current_model="ks", current_form="iks", transition_weight=0)
    assert all(r.components["transition"] == 0 for r in evaluate(p, W).ranking)


EXISTING = {"status": "existing_working", "current_model": "ks", "current_form": "iks"}


@pytest.mark.parametrize("profile,code,severity", [
    (Profile(stable_operations=False, **EXISTING), "stabil_drift", "error"),
    (Profile(host_on_robek=True), "robek_advarsel", "warning"),
    (Profile(status="existing_struggling", current_model="alternativ", current_form="iks"), "kultur_ledelse",
     "warning"),
    (Profile(status="existing_working", current_model="hybrid", current_form="par27"), "hybrid_fungerer", "info"),
    (Profile.model_validate({"status": "existing_working", "current_model": "ks", "current_form": "par27"}),
     "par27_omdannet", "warning"),
    (Profile(municipalities=2), "faa_kommuner", "warning"),
    (Profile(can_borrow=False), "ikke_laan", "info"),
])
def test_advice_rules(profile, code, severity):
    warnings = {w.code: w for w in evaluate(profile, W).warnings}
    assert warnings[code].severity == severity
    assert warnings[code].section and warnings[code].quote


def test_no_stable_operations_is_the_first_warning_and_gates_the_advice():
    result = evaluate(Profile(stable_operations=False, municipalities=2, **EXISTING), W)
    assert result.warnings[0].code == "stabil_drift"
    assert result.recommendation.gate and result.recommendation.text.startswith("Få stabil drift")


def test_stable_operations_never_gates_a_new_collaboration():
    result = evaluate(Profile(status="new", stable_operations=False, scope="operations"), W)
    assert "stabil_drift" not in {w.code for w in result.warnings}
    assert not result.recommendation.gate


def test_default_profile_has_only_information():
    assert {w.severity for w in evaluate(Profile(), W).warnings} == {"info"}


def test_every_score_rule_is_exercised_by_a_test_above():
    """Guard: a new score rule in the data needs a direction test here."""
    tested = {"robek_vertskommune", "styre_ikke_radmenn", "styre_tilfeldig", "iks_representantskap", "salg_as",
              "drift_as", "drift_iks", "utvikling_as", "utvikling_iks"}
    rules = {r.id for r in default_knowledge_base().rules if r.kind == "score"}
    assert rules == tested


def test_members_given_in_the_old_structure_get_the_kommunereform_advice():
    """5.1: collaborations stay sensible after mergers; a profile with 2015 members is told they were mapped."""
    old = Profile.model_validate({"status": "new", "members": ["1504", "1523", "1529"], "municipalities": 3})
    assert old.member_notices
    assert {w.code: w.severity for w in evaluate(old, W).warnings}["kommunereform"] == "warning"
    today = Profile.model_validate({"status": "new", "members": ["1508", "1580", "1577"], "municipalities": 3})
    assert "kommunereform" not in {w.code for w in evaluate(today, W).warnings}
