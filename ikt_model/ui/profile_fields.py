"""The keys the profile form's widgets on «Samarbeidet» are drawn under, and the values they hold.

Every field of the profile (`profile_form.FIELDS`) has a widget keyed `pf_<field>`, drawn under
`widgets.server_value_key`'s key for it: the key stays while the widget holds what the page wrote, and a new
one (`pf_<field>_v1`, ...) is taken whenever the server sets another value — a member added by the search, a
downloaded profile taken into use, the profile changed on another page. Why: a rerun the browser sends
before the server's answer has reached it carries the value the browser still shows. Under the same key
Streamlit takes that value for the user's change: «1508» + Enter and then «1580» + Enter within one round
trip (a loaded laptop, a slow network in a meeting room) sent the member list without Ålesund, and Ålesund
was dropped. Under a new key the old value belongs to a widget the run does not draw, and is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from ..decision.profile import Profile
from .profile_form import FIELDS
from .widgets import server_value_key, widget_key

PREFIX = "pf_"


def field_key(state: Mapping[str, Any], field: str) -> str:
    """The session-state key the widget of profile field `field` is drawn under now («pf_members»,
    «pf_members_v2», ...)."""
    return widget_key(state, PREFIX + field)


def form_values(state: Mapping[str, Any]) -> dict[str, Any]:
    """{field: the value its widget holds now, or None} for every profile field: the raw input of
    `profile_form.build_profile`."""
    return {field: state.get(field_key(state, field)) for field in FIELDS}


def form_draft(state: Mapping[str, Any]) -> dict[str, Any]:
    """{field: value} of every field whose widget holds a value: what `session.keep_profile_draft` keeps of a
    refused edit, to be shown again by `refill_form` after a page switch."""
    return {field: state[key] for field in FIELDS if (key := field_key(state, field)) in state}


def profile_values(profile: Profile) -> dict[str, Any]:
    """{field: the value its widget shows} for `profile`: members as a list (never None), and the number of
    municipalities as text (its field is a text field, see pages/profile.py)."""
    values = profile.model_dump()
    values["members"] = values["members"] or []
    values["municipalities"] = str(profile.municipalities)
    return values


def refill_form(state: MutableMapping[str, Any], profile: Profile, *, pending: bool,
                draft: Mapping[str, Any] | None = None) -> None:
    """Write the value of every profile field for this run's widgets, each under its `server_value_key`:
    a widget that holds another value gets a new key; one not drawn on the last run keeps its key (the browser
    has no such widget that could send an old value). Call it on every run of «Samarbeidet», before any of its
    widgets is drawn.

    The value is `profile`'s, unless a refused edit is `pending`: then the form keeps what the user typed —
    `draft`'s value ({field: value}, from `form_draft`; given when coming back from another page, where what
    the session still holds for a widget is not the user's), else the value the widget holds now.
    """
    for field, value in profile_values(profile).items():
        key = field_key(state, field)
        if draft is not None and field in draft:
            value = draft[field]
        elif pending and key in state:
            value = state[key]
        if key not in state:  # not drawn on the last run (another page, a closed part): no widget to outrun
            state[key] = value
        server_value_key(state, PREFIX + field, value)


def set_members(state: MutableMapping[str, Any], members: list[str]) -> None:
    """Put `members` (municipality numbers) into the member list as the server's value (a member added by the
    search): a new key, so a rerun sent with the list the browser still shows cannot take the member away."""
    server_value_key(state, PREFIX + "members", list(members))
