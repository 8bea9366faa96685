"""Names and defaults of the session state every page shares (no Streamlit import here).

app.py calls `init(st.session_state)` on every run; pages read and write these keys:
  PROFILE         Profile          the collaboration as described on «Samarbeidet»
  WEIGHTS         Weights          current factor weights (points)
  WEIGHTS_SOURCE  str              where the weights came from (preset name, "egendefinert", "AHP", "workshop" …)
  OVERRIDES       dict[str, int]   what-if score overrides: assessment row id -> score
  WORKSHOP_RESULT dict | None      set by the workshop page when the facilitator carries the group result on:
                                   {"title", "participants", "method", "dissent": [(factor_id, spread), ...]}
The sidebar weight sliders (rendered by app.py) have keys `weight_slider_<factor id>` and the factor label.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from ..decision.profile import Profile
from ..decision.weights import default_weights

PROFILE = "profile"
WEIGHTS = "weights"
WEIGHTS_SOURCE = "weights_source"
OVERRIDES = "overrides"
WORKSHOP_RESULT = "workshop_result"


def init(state: MutableMapping[str, Any]) -> None:
    """Put defaults in place for keys that are missing; never overwrite what the user set."""
    state.setdefault(PROFILE, Profile())
    state.setdefault(WEIGHTS, default_weights())
    state.setdefault(WEIGHTS_SOURCE, "rapport")
    state.setdefault(OVERRIDES, {})
    state.setdefault(WORKSHOP_RESULT, None)


PARTICIPANT_URL_PATH = "delta"


def is_participant_url(url: str | None) -> bool:
    """True for the workshop participants' phone view, which shows no app navigation."""
    from urllib.parse import urlparse

    path = urlparse(url or "").path.rstrip("/")
    return path.rsplit("/", 1)[-1] == PARTICIPANT_URL_PATH
