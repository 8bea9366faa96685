"""The share link in the address bar (ikt_model.ui.address_bar): what the browser is handed and told to do."""

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import preset
from ikt_model.ui import address_bar
from ikt_model.ui.share import QUERY_PARAM, decode_state, encode_state


def test_payload_is_the_share_value_as_ascii_bytes_and_reads_back():
    value = encode_state(Profile(), preset("rangsum"), {"ff.par27.2": -1})
    data = address_bar.payload(value)
    assert isinstance(data, bytes) and data.decode("ascii") == value
    back = decode_state(data.decode("ascii"))
    assert back.weights == preset("rangsum") and back.overrides == {"ff.par27.2": -1} and back.notice is None


def test_payload_refuses_text_that_is_no_share_value():
    with pytest.raises(UnicodeEncodeError):
        address_bar.payload("vekt=ø")


def test_the_browser_replaces_the_query_in_the_current_history_entry():
    """replaceState, never pushState: a weight change must not add a Back step (the reason for the module)."""
    assert "history.replaceState" in address_bar.JS and "pushState" not in address_bar.JS
    assert f'searchParams.set("{QUERY_PARAM}", value)' in address_bar.JS
    assert f'searchParams.get("{QUERY_PARAM}") === value' in address_bar.JS  # unchanged: nothing written


def test_hidden_style_hides_every_key_starting_with_the_prefix():
    """app.py mounts one under KEY (end of a full run) and one under KEY + "_weights" (the sidebar panel)."""
    assert address_bar.CSS_HIDDEN == '[class*="st-key-address_bar"] { display: none; }'
