"""The report's conclusions (4.2) are the golden tests, with the default (report) weights."""

import pytest

from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import FORM_IDS, Alternative
from ikt_model.decision.weights import default_weights

BEST = Alternative(model="alternativ", form="par27")


def test_new_collaboration_ranks_alternativ_par27_first():
    result = evaluate(Profile(status="new", board_of_chief_executives=True), default_weights())
    assert result.best.alternative == BEST
    assert result.best.rank == 1 and result.ranking[1].rank == 2  # a strict winner, not a tie
    assert result.recommendation.alternative == BEST
    assert result.recommendation.agrees_with_ranking


@pytest.mark.parametrize("form", FORM_IDS)
def test_existing_working_keeps_form_and_changes_model(form):
    profile = Profile(status="existing_working", current_model="ks", current_form=form)
    result = evaluate(profile, default_weights())
    assert result.best.alternative.form == form
    assert result.best.alternative.model != "ks"
    assert result.recommendation.alternative == result.best.alternative


@pytest.mark.parametrize("form", FORM_IDS)
@pytest.mark.parametrize("model", ["ks", "hybrid"])
def test_existing_struggling_ranks_alternativ_par27_first(model, form):
    profile = Profile(status="existing_struggling", current_model=model, current_form=form)
    result = evaluate(profile, default_weights())
    assert result.best.alternative == BEST
    assert "liten effekt" in result.recommendation.quote


def test_existing_struggling_changing_form_alone_helps_little():
    """Changing only the form (keeping the failing model) must not beat changing the model (4.2)."""
    profile = Profile(status="existing_struggling", current_model="ks", current_form="vertskommune")
    result = evaluate(profile, default_weights())
    form_only = result.find(Alternative(model="ks", form="par27")).score
    model_only = result.find(Alternative(model="alternativ", form="vertskommune")).score
    both = result.find(BEST).score
    assert both > form_only
    assert both > model_only


def test_current_arrangement_is_marked():
    profile = Profile(status="existing_working", current_model="ks", current_form="iks")
    result = evaluate(profile, default_weights())
    marked = [r.alternative for r in result.ranking if r.is_current]
    assert marked == [Alternative(model="ks", form="iks")]
