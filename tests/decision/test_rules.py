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


def test_board_not_of_chief_executives_lowers_par27():
    base, random_board = Profile(), Profile(board_of_chief_executives=False)
    assert score(random_board, "alternativ", "par27") < score(base, "alternativ", "par27")
    assert score(random_board, "alternativ", "iks") == score(base, "alternativ", "iks")


def test_iks_council_of_chief_executives_raises_iks():
    assert score(Profile(iks_council_of_chief_executives=True), "ks", "iks") > score(Profile(), "ks", "iks")


def test_selling_services_raises_as_and_advises_on_quality():
    p = Profile(sells_services_to_others=True)
    assert score(p, "ks", "as") > score(Profile(), "ks", "as")
    assert "salg_kvalitet" in codes(p)


def test_operations_scope_favours_as_iks_and_ks_model():
    ops, dev = Profile(scope="operations"), Profile(scope="operations_and_development")
    assert score(ops, "ks", "iks") > score(dev, "ks", "iks")
    assert score(ops, "alternativ", "as") > score(dev, "alternativ", "as")
    assert score(ops, "ks", "par27") > score(dev, "ks", "par27")
    assert score(ops, "alternativ", "par27") == score(dev, "alternativ", "par27")


def test_large_size_differences_lower_vertskommune_and_advise():
    p = Profile(large_size_differences=True)
    assert score(p, "alternativ", "vertskommune") < score(Profile(), "alternativ", "vertskommune")
    assert "ulik_storrelse" in codes(p)


def test_changing_form_costs_when_working():
    working = Profile(status="existing_working", current_model="ks", current_form="iks")
    struggling = Profile(status="existing_struggling", current_model="ks", current_form="iks")
    assert score(working, "alternativ", "par27") < score(struggling, "alternativ", "par27")
    assert score(working, "alternativ", "iks") == score(Profile(), "alternativ", "iks")


def test_keeping_model_while_struggling_costs():
    struggling = Profile(status="existing_struggling", current_model="ks", current_form="iks")
    assert score(struggling, "ks", "iks") < score(Profile(), "ks", "iks")


@pytest.mark.parametrize("profile,code,severity", [
    (Profile(stable_operations=False), "stabil_drift", "error"),
    (Profile(municipalities=2), "faa_kommuner", "warning"),
    (Profile(can_borrow=False), "ikke_laan", "info"),
])
def test_advice_rules(profile, code, severity):
    warnings = {w.code: w for w in evaluate(profile, W).warnings}
    assert warnings[code].severity == severity
    assert warnings[code].section and warnings[code].quote


def test_no_stable_operations_is_the_first_warning():
    result = evaluate(Profile(stable_operations=False, municipalities=2), W)
    assert result.warnings[0].code == "stabil_drift"


def test_default_profile_has_no_warnings():
    assert evaluate(Profile(), W).warnings == ()


def test_every_score_rule_is_exercised_by_a_test_above():
    """Guard: a new score rule in the data needs a direction test here."""
    tested = {"robek_vertskommune", "styre_ikke_radmenn", "styre_tilfeldig", "iks_representantskap", "salg_as",
              "drift_as", "drift_iks", "drift_ks", "utvikling_as", "storrelse_vertskommune",
              "bytte_form_fungerer_kvalitet", "bytte_form_fungerer_omstilling", "bytte_form_fungerer_okonomi",
              "bytte_form_fungerer_gjennomforing", "bytte_form_sliter", "beholde_modell_sliter"}
    rules = {r.id for r in default_knowledge_base().rules if r.kind == "score"}
    assert rules == tested
