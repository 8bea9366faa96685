"""The version of the national overview a session looks at, shared by the overview pages, without Streamlit.

«Nasjonal oversikt», «Kart», «Lignende samarbeid» and «SQL» each have a select box of their own (its widget
key is `box_key` below) over the versions the session may see (ids oldest first, see
ikt_model.overview.versions); the choice is kept under VERSION so that it survives a page switch.

Session keys:
  VERSION  the chosen version id, shared by the overview pages (the newest by default)
  PENDING  a version just stored from an upload on «Nasjonal oversikt»: shown on the next run, then dropped
"""

from __future__ import annotations

from collections.abc import Collection, MutableMapping, Sequence
from typing import Any

VERSION = "oversikt_versjon"
PENDING = "ov_pending_version"


def show_pending(state: MutableMapping[str, Any], ids: Collection[int], box_key: str) -> None:
    """Take the version just stored (PENDING, dropped from `state`) and choose it, in VERSION and in the select
    box `box_key`, when it is among `ids`."""
    if (pending := state.pop(PENDING, None)) in ids:
        state[VERSION] = state[box_key] = pending  # just saved: show it


def settle(state: MutableMapping[str, Any], ids: Sequence[int], box_key: str) -> None:
    """Before the select box `box_key` over the versions `ids` (oldest first) is drawn: VERSION becomes the
    newest when it is not among `ids`; the box follows VERSION when it does not hold one of `ids`."""
    if state.get(VERSION) not in ids:
        state[VERSION] = ids[-1]  # newest by default
    if state.get(box_key) not in ids:
        state[box_key] = state[VERSION]


def box_changed(state: MutableMapping[str, Any], box_key: str) -> None:
    """The select box's on_change: the version chosen in `box_key` becomes the one the overview pages show."""
    state[VERSION] = state[box_key]
