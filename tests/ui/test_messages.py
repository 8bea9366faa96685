"""pydantic's errors in Norwegian, one sentence each; our own validators' messages pass through."""

import pytest
from pydantic import ValidationError

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import Weights
from ikt_model.ui.messages import norwegian_errors


def _errors(model, data):
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return norwegian_errors(info.value)


def test_field_errors_get_a_norwegian_label_and_text():
    assert _errors(Profile, {"municipalities": "mange"}) == ["Antall kommuner: må være et heltall"]
    assert _errors(Profile, {"status": "kanskje"}) == [
        "Status: ugyldig valg (velg blant 'new', 'existing_working' eller 'existing_struggling')"]
    assert _errors(Profile, {"colour": "red"}) == ["colour: er ikke et kjent felt"]


def test_own_validators_speak_norwegian_already():
    assert _errors(Weights, {"points": {1: -1}}) == ["Vekten for faktor 1 kan ikke være negativ"]
