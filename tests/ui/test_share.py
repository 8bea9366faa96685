"""Share links: the state round-trips; bad or stale values -> defaults + notice, never an exception."""

import base64
import json
import zlib

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import Weights, default_weights, preset
from ikt_model.ui.share import MAX_CHARS, decode_state, encode_state, share_url


def _pack(payload) -> str:
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(payload).encode())).decode().rstrip("=")


def test_default_state_is_tiny_and_round_trips():
    text = encode_state(Profile(), default_weights(), {})
    assert len(text) < 30
    state = decode_state(text)
    assert state.profile == Profile() and state.weights == default_weights() and state.overrides == {}
    assert state.notice is None


def test_full_state_round_trips_url_safe():
    profile = Profile(status="existing_working", current_model="ks", current_form="iks", host_on_robek=True,
                      members=["1515", "1511", "1514"], municipalities=3, name="Søre Sunnmøre IKT & co")
    weights = Weights(points={1: 12.3456, 2: 0, 3: 40, 7: 3.3})
    overrides = {"ff.as.1": 2, "ff.iks.3": -1}
    text = encode_state(profile, weights, overrides)
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert len(text) < 400
    state = decode_state(text)
    assert (state.profile, state.weights, state.overrides, state.notice) == (profile, weights, overrides, None)


@pytest.mark.parametrize("text", ["!!!", "a" * (MAX_CHARS + 1), "abc", "eNqrVipTsjKsBQAIkwI",
                                  _pack([1, 2]), _pack({"v": 99}), "%3Cscript%3E"])
def test_garbage_falls_back_to_defaults_with_notice(text):
    state = decode_state(text)
    assert state.profile == Profile() and state.weights == default_weights() and state.overrides == {}
    assert state.notice and state.notice.startswith("Lenken kunne ikke leses")


def test_stale_parts_are_dropped_individually():
    text = _pack({"v": 1, "p": {"host_on_robek": True}, "w": [1] * 12,
                  "o": {"ff.as.1": 2, "ff.gone.9": 1, "ff.iks.1": 7}})
    state = decode_state(text)
    assert state.profile.host_on_robek is True
    assert state.weights == Weights(points={i: 1 for i in range(1, 13)})
    assert state.overrides == {"ff.as.1": 2}
    assert "2 av overstyringene" in state.notice


def test_invalid_profile_and_weights_fall_back():
    state = decode_state(_pack({"v": 1, "p": {"current_model": "matrise", "status": "existing_working"},
                                "w": [1, 2]}))
    assert state.profile == Profile() and state.weights == default_weights()
    assert "profilen og vektene" in state.notice
    assert decode_state(_pack({"v": 1, "w": [0] * 12})).notice  # all-zero weights are invalid
    assert decode_state(_pack({"v": 1, "p": "x"})).notice


def test_truncated_link_is_refused():
    text = encode_state(Profile(host_on_robek=True), preset("like"), {"ff.as.1": 2})
    for cut in range(1, 6):
        assert decode_state(text[:-cut]).notice


def test_empty_is_defaults_without_notice():
    assert decode_state("").notice is None and decode_state(None).notice is None


def test_share_url():
    assert share_url("http://h:1/", "/sammenligning", "abc") == "http://h:1/sammenligning?s=abc"


def test_apply_share_value_sets_session_keys():
    from ikt_model.ui import session
    from ikt_model.ui.share import apply_share_value, weights_source_for

    state = {}
    assert apply_share_value(state, None) is None and state == {}
    notice = apply_share_value(state, encode_state(Profile(host_on_robek=True), preset("like"), {"ff.as.1": 2}))
    assert notice is None
    assert state[session.PROFILE].host_on_robek and state[session.WEIGHTS] == preset("like")
    assert state[session.WEIGHTS_SOURCE] == "like" and state[session.OVERRIDES] == {"ff.as.1": 2}
    assert apply_share_value(state, "garbage!") .startswith("Lenken kunne ikke leses")
    assert state[session.PROFILE] == Profile() and state[session.WEIGHTS_SOURCE] == "rapport"
    assert weights_source_for(Weights(points={1: 1})) == "egendefinert"


def test_app_base_url():
    from ikt_model.ui.share import app_base_url

    assert app_base_url("http://h:1/scenarier", "scenarier") == "http://h:1"
    assert app_base_url("https://h/app/scenarier/?x=1", "scenarier") == "https://h/app"
    assert app_base_url(None, "scenarier") == "" and app_base_url("", "x") == ""
