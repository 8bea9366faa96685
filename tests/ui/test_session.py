"""The session module: one writer of the weights, one reader per rerun, one way to word a domain error."""

import numpy as np
import pytest
from pydantic import ValidationError

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import Weights, WeightsError, default_weights, preset
from ikt_model.ui import session


def test_init_fills_defaults_and_keeps_what_is_there():
    state = {session.WEIGHTS_SOURCE: "like"}
    session.init(state)
    assert state[session.PROFILE] == Profile() and state[session.WEIGHTS] == default_weights()
    assert state[session.WEIGHTS_SOURCE] == "like" and state[session.OVERRIDES] == {}


def test_set_weights_validates_raw_points_and_stores_the_source():
    state: dict = {}
    stored = session.set_weights(state, {1: 30, 2: 10}, session.CUSTOM)
    assert state[session.WEIGHTS] is stored and state[session.WEIGHTS_SOURCE] == "egendefinert"
    assert stored.fractions()[1] == 0.75 and stored.points[12] == 0.0


def test_set_weights_refuses_bad_points_and_changes_nothing():
    state = {session.WEIGHTS: preset("like"), session.WEIGHTS_SOURCE: "like"}
    with pytest.raises(WeightsError, match="Minst én faktor"):
        session.set_weights(state, {i: 0 for i in range(1, 13)}, session.CUSTOM)
    with pytest.raises(WeightsError, match="negativ"):
        session.set_weights(state, {1: -1, 2: 5}, session.CUSTOM)
    assert state == {session.WEIGHTS: preset("like"), session.WEIGHTS_SOURCE: "like"}


def test_current_is_computed_once_while_its_inputs_are_unchanged():
    state: dict = {}
    first = session.current(state)
    assert session.current(state) is first
    assert first.fractions is first.weights.fraction_vector  # normalised once per Weights object
    assert np.isclose(first.fractions.sum(), 1.0) and not first.fractions.flags.writeable
    session.set_weights(state, preset("rangsum"), "rangsum")
    second = session.current(state)
    assert second is not first and second.source_label == "Rapportens rekkefølge, jevnt avtagende"
    assert second.evaluation.weights == preset("rangsum").fractions()


def test_current_follows_every_input_it_reads_including_changes_in_place():
    state: dict = {}
    first = session.current(state)
    state[session.OVERRIDES]["ff.par27.2"] = -2  # the overrides dict changed in place
    changed = session.current(state)
    assert changed is not first and changed.overrides == {"ff.par27.2": -2}
    assert next(a.score for a in changed.kb.assessments() if a.id == "ff.par27.2") == -2
    state[session.PROFILE] = state[session.PROFILE].model_copy(update={"name": "Vestlandsnett"})
    renamed = session.current(state)
    assert renamed is not changed and renamed.profile.name == "Vestlandsnett"
    state[session.WEIGHTS_SOURCE] = session.AHP
    assert session.current(state).weights_source == session.AHP
    # an equal profile under a new object: the same view (nothing is computed again)
    view = session.current(state)
    state[session.PROFILE] = state[session.PROFILE].model_copy()
    assert session.current(state) is view
    del state[session.WEIGHTS]  # a dropped key gets its default again
    assert session.current(state).weights == default_weights()


def test_current_applies_overrides_and_reports_bad_ones_in_norwegian():
    state = {session.OVERRIDES: {"ff.par27.2": -2}}
    view = session.current(state)
    assert view.problem is None
    assert next(a.score for a in view.kb.assessments() if a.id == "ff.par27.2") == -2
    state[session.OVERRIDES] = {"finnes.ikke": 1}
    bad = session.current(state)
    assert bad.problem == ("Egne vurderinger kunne ikke brukes: Ukjent vurdering: finnes.ikke. "
                           "Analysen bruker rapportens vurderinger.")
    assert bad.kb == session.default_knowledge_base()


def test_user_message_for_domain_errors_and_validation_errors():
    from ikt_model.costs.inputs import CostInputError
    from ikt_model.scenarios.model import ScenarioError

    assert session.user_message(WeightsError("Minst én faktor må ha vekt større enn null")) == \
        "Minst én faktor må ha vekt større enn null."  # a sentence: a full stop where the fragment had none
    assert session.user_message(ScenarioError("Velg forskjellige scenarier.")) == "Velg forskjellige scenarier."
    assert session.user_message(CostInputError("velg minst én kommune")) == "Velg minst én kommune."
    assert session.user_message(CostInputError("Hvilken kommune?")) == "Hvilken kommune?"
    with pytest.raises(ValidationError) as info:
        Profile.model_validate({"status": "new", "municipalities": "mange"})
    assert session.user_message(info.value) == "Antall kommuner: må være et heltall."
    with pytest.raises(TypeError):
        session.user_message(KeyError("not for users"))


def test_weights_from_a_share_link_go_through_set_weights():
    from ikt_model.ui.share import apply_share_value, encode_state

    state: dict = {}
    apply_share_value(state, encode_state(Profile(), Weights(points={1: 1, 2: 1}), {}))
    assert state[session.WEIGHTS_SOURCE] == session.CUSTOM and state[session.WEIGHTS].points[1] == 1


def test_a_refused_profile_edit_is_kept_until_applied_or_the_profile_is_replaced():
    """The draft of a refused edit on «Samarbeidet» comes back while it is pending against the same profile."""
    state = {session.PROFILE: Profile(), session.PROFILE_ERRORS: ["mangler organisasjonsform"]}
    assert session.profile_draft(state) is None
    session.keep_profile_draft(state, {"pf_status": "existing_struggling", "pf_current_model": "ks"})
    assert session.profile_draft(state) == {"pf_status": "existing_struggling", "pf_current_model": "ks"}
    state[session.PROFILE] = Profile(municipalities=9)  # another profile loaded meanwhile
    assert session.profile_draft(state) is None
    state[session.PROFILE] = Profile()
    state[session.PROFILE_ERRORS] = []  # the refusal no longer holds
    assert session.profile_draft(state) is None
    state[session.PROFILE_ERRORS] = ["x"]
    session.drop_profile_draft(state)
    assert session.profile_draft(state) is None and session.PROFILE_DRAFT not in state


def test_the_notice_of_an_edit_not_applied_has_no_double_full_stop():
    """A fresh tester read «… fra 1 til 500.). Denne siden …»: each reason's own full stop is left out inside
    the parentheses."""
    state = {session.PROFILE_ERRORS: ["Antall kommuner må være et helt tall fra 1 til 500.", "Velg en form. "]}
    assert session.stale_profile_notice(state) == (
        "Siste endring på «Samarbeidet» er ikke tatt i bruk (Antall kommuner må være et helt tall fra 1 til 500; "
        "Velg en form). Denne siden bruker den siste gyldige profilen.")
    assert session.stale_profile_notice({}) is None
