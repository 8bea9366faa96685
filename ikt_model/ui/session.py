"""The session state every page shares, in one place (no Streamlit import here).

app.py calls `init(st.session_state)` on every run; pages read the state through `current(state)` and
change the weights only through `set_weights(state, weights, source)`. The keys:
  PROFILE         Profile          the collaboration as described on «Samarbeidet»
  WEIGHTS         Weights          current factor weights (points; validated by the pydantic model)
  WEIGHTS_SOURCE  str              where the weights came from: a key of WEIGHT_SOURCES (a scenario file
                                   may carry another text; it is shown as it is)
  OVERRIDES       dict[str, int]   what-if score overrides: assessment row id -> score (-2..2)
  WORKSHOP_RESULT dict | None      set by the workshop page when the facilitator carries the group result on:
                                   {"title", "participants", "method", "dissent": [(factor_id, spread), ...]}
The sidebar weight sliders (rendered by app.py) have the factor label and base keys `weight_slider_<factor id>`
(drawn under `ui.widgets.widget_key(state, base)`: a new key each time the server sets the slider's value).

A weight's way from the sidebar slider to the ranking chart: app.py (slider callback) -> `set_weights`
(validated once, by `Weights`) -> `current` (normalised once: `Weights.fraction_vector` is computed once
per Weights object, and `current` is computed once per rerun) -> decision.evaluation -> decision.scoring
(`totals(values, fractions)`) -> decision.charts.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlparse

import numpy as np
from pydantic import ValidationError

from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import Profile
from ..decision.weights import (  # noqa: F401  (the weight sources: read by the pages as session.X)
    AHP,
    CUSTOM,
    SCENARIO,
    SHARED_LINK,
    WEIGHT_SOURCES,
    WORKSHOP,
    Weights,
    default_weights,
    make_weights,
    source_label,
)
from .messages import norwegian_errors

PROFILE = "profile"
WEIGHTS = "weights"
WEIGHTS_SOURCE = "weights_source"
OVERRIDES = "overrides"
WORKSHOP_RESULT = "workshop_result"
PROFILE_ERRORS = "profile_errors"  # list[str]: why the last edit on «Samarbeidet» was not applied (empty: it was)
PROFILE_DRAFT = "profile_draft"  # the refused edit's form values (`keep_profile_draft`), kept across page switches
_CURRENT = "current_view"  # the rerun's Current, reused while its inputs are unchanged

def init(state: MutableMapping[str, Any]) -> None:
    """Put defaults in place for keys that are missing; never overwrite what the user set."""
    # the defaults are built only when missing: this runs several times per rerun (session.current)
    defaults = {PROFILE: Profile, WEIGHTS: default_weights, WEIGHTS_SOURCE: lambda: "rapport", OVERRIDES: dict,
                WORKSHOP_RESULT: lambda: None}
    for key, make in defaults.items():
        if key not in state:
            state[key] = make()


def set_weights(state: MutableMapping[str, Any], weights: Weights | Mapping[int, float], source: str) -> Weights:
    """The one way to change the weights in use: store validated weights and where they came from.

    `weights`: a Weights, or raw points per factor id (1-12, each 0-100, not all zero), which are validated
    here. `source`: a key of WEIGHT_SOURCES, or a scenario's own text. Returns the stored Weights.
    Raises WeightsError (one Norwegian sentence) for bad points and ValueError for an empty source;
    nothing is changed then.
    """
    if not source:
        raise ValueError("A weight source is required")
    checked = weights if isinstance(weights, Weights) else make_weights(dict(weights))
    state[WEIGHTS] = checked
    state[WEIGHTS_SOURCE] = source
    return checked


@dataclass(frozen=True)
class Current:
    """What a page needs from the session, read once per rerun.

    `fractions`: the weights normalised to sum 1, shape (12,), in factor order 1..12 (read-only array).
    `kb`: the knowledge base with the user's overrides applied; when the overrides cannot be applied,
    the report's own knowledge base and `problem` (a Norwegian message for the page to show).
    """

    profile: Profile
    weights: Weights
    weights_source: str
    overrides: dict[str, int]
    kb: KnowledgeBase
    problem: str | None = None
    _key: tuple = field(default=(), repr=False, compare=False)

    @property
    def fractions(self) -> np.ndarray:
        """The weights normalised to sum 1: shape (12,), factor order 1..12, read-only."""
        return self.weights.fraction_vector

    @property
    def key(self) -> tuple:
        """What the view was computed from (profile, weights, their source, overrides): views with equal keys
        show the same."""
        return self._key

    @property
    def source_label(self) -> str:
        """The Norwegian label of where the weights came from."""
        return source_label(self.weights_source)

    @cached_property
    def evaluation(self):
        """The ranked, explained comparison (decision.evaluation.Evaluation), computed on first use."""
        from ..decision.evaluation import evaluate

        return evaluate(self.profile, self.weights, self.kb)


def _same_inputs(state: Mapping[str, Any], view: Current) -> bool:
    """True when `view` was computed from the very objects in `state` now (identity for the frozen profile and
    weights, equality for the source and the overrides, a plain dict that may be changed in place)."""
    try:
        return (state[PROFILE] is view.profile and state[WEIGHTS] is view.weights
                and state[WEIGHTS_SOURCE] == view.weights_source and state[OVERRIDES] == view.overrides)
    except KeyError:  # a key dropped since (a new session's defaults come from init)
        return False


def current(state: MutableMapping[str, Any]) -> Current:
    """The page's profile, weights (normalised once) and knowledge base with overrides, as one frozen object.

    Computed once per rerun: the sidebar and the page share it while profile, weights, source and
    overrides are unchanged. Never raises for bad overrides (see `Current.problem`).
    """
    cached = state.get(_CURRENT)
    if isinstance(cached, Current) and _same_inputs(state, cached):
        return cached  # the common case, several times a run: a few lookups, no hashing of the profile
    init(state)
    profile, weights, source = state[PROFILE], state[WEIGHTS], state[WEIGHTS_SOURCE]
    overrides = dict(state[OVERRIDES])
    key = (profile, weights, source, tuple(sorted(overrides.items())))
    if isinstance(cached, Current) and cached._key == key:
        return cached
    base = default_knowledge_base()
    problem = None
    try:
        kb = base.with_overrides(overrides)
    except ValueError as exc:
        kb = base
        problem = f"Egne vurderinger kunne ikke brukes: {user_message(exc)} Analysen bruker rapportens vurderinger."
    view = Current(profile=profile, weights=weights, weights_source=source, overrides=overrides, kb=kb,
                   problem=problem, _key=key)
    state[_CURRENT] = view
    return view


def keep_profile_draft(state: MutableMapping[str, Any], values: Mapping[str, Any]) -> None:
    """Keep the form values of an edit on «Samarbeidet» that was refused ({profile field: value}), with the
    profile in use when it was refused. Widget state does not survive a page switch: without this, the
    half-finished entry (a status «eksisterende» still missing its form) was gone on return."""
    state[PROFILE_DRAFT] = {"values": dict(values), "against": state.get(PROFILE)}


def drop_profile_draft(state: MutableMapping[str, Any]) -> None:
    """Forget the refused edit (an edit was applied, or another profile was loaded)."""
    state.pop(PROFILE_DRAFT, None)


def profile_draft(state: Mapping[str, Any]) -> dict[str, Any] | None:
    """The refused edit's form values to show again ({profile field: value}), or None: no edit is pending, or the
    profile in use has been replaced since (a scenario or a shared link loaded), so the draft no longer fits."""
    draft = state.get(PROFILE_DRAFT)
    if not draft or not state.get(PROFILE_ERRORS) or draft["against"] != state.get(PROFILE):
        return None
    return dict(draft["values"])


def stale_profile_notice(state: Mapping[str, Any]) -> str | None:
    """The notice other pages show while the last edit on «Samarbeidet» was invalid and not applied: the page
    then uses the last valid profile. None when the last edit was applied. Markdown-safe raw text is the
    caller's job (the reasons may quote what the user typed)."""
    errors = state.get(PROFILE_ERRORS) or []
    if not errors:
        return None
    reasons = "; ".join(e.rstrip().removesuffix(".") for e in errors)  # «… 500.).» read as a slip (a tester)
    return (f"Siste endring på «Samarbeidet» er ikke tatt i bruk ({reasons}). Denne siden bruker den siste gyldige "
            "profilen.")


def user_message(exc: BaseException) -> str:
    """One Norwegian message for a domain error, to show to the user as it is: a sentence (capital first
    letter, full stop at the end).

    pydantic ValidationError: the field-level messages of ui.messages, joined with «; ». The domain's own
    errors (WeightsError, ScenarioError, CostInputError, WorkshopError, AhpError, SmaaError, SqlRefused,
    DataFileError, OverrideError — all ValueError subclasses) already carry one Norwegian sentence.
    Raises TypeError for anything else: that is a programming error, not a message for the user.
    """
    if isinstance(exc, ValidationError):
        return _sentence("; ".join(norwegian_errors(exc)))
    from ..costs.inputs import CostInputError
    from ..csvload import DataFileError
    from ..decision.knowledge import OverrideError
    from ..decision.weights import WeightsError
    from ..overview.sqlsafe import SqlRefused
    from ..robustness.ahp import AhpError
    from ..robustness.smaa import SmaaError
    from ..scenarios.model import ScenarioError
    from ..workshop.models import WorkshopError

    domain = (WeightsError, ScenarioError, CostInputError, WorkshopError, AhpError, SmaaError, SqlRefused,
              DataFileError, OverrideError)
    if isinstance(exc, domain):
        return _sentence(str(exc))
    raise TypeError(f"not a domain error: {type(exc).__name__}: {exc}") from exc


def _sentence(text: str) -> str:
    """`text` as a sentence for the user: first letter capital, a full stop at the end unless it ends in one
    («.», «!», «?», «:» before a list) — domain messages are often written as fragments («Gi scenarioet et navn»)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?:…" else text + "."


PARTICIPANT_URL_PATH = "delta"


def is_participant_url(url: str | None) -> bool:
    """True for the workshop participants' phone view, which shows no app navigation."""
    path = urlparse(url or "").path.rstrip("/")
    return path.rsplit("/", 1)[-1] == PARTICIPANT_URL_PATH
