"""The session's workspace («sak»), without Streamlit: which workspace this browser session has opened,
opening one from a link in the URL, creating one on first save, and the link shown once.

Session keys:
  WORKSPACE  the opened ikt_model.workspaces.Workspace (an id and dates; never the secret)
  LINK_ONCE  '<id>.<secret>' right after the workspace was created or its link renewed; the page shows
             the link until the user says it is kept (`forget_link`), then it is gone for good: a rerun
             between (a widget's own rerun, a click that interrupts one) must not take it from the user
  NOTICE     a Norwegian message about the last attempt to open a link (shown once)
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from ..workspaces import LINK_PARAM, Workspace, WorkspaceDenied, WorkspaceRepository
from ..workspaces.access import link_value, workspace_url

WORKSPACE = "workspace"
LINK_ONCE = "workspace_link_once"
NOTICE = "workspace_notice"
WARNING = "Den som har lenken, kan se og endre sakens scenarier."
PAGE = "scenarier"
KEEP_ADVICE = ("Kopier lenken (knappen til høyre i feltet) og del den bare med dem som skal arbeide med saken. "
               "Den vises her til du bekrefter at du har tatt vare på den, og aldri igjen etter det.")
KEPT_LABEL = "Jeg har tatt vare på lenken"


def current(state: MutableMapping[str, Any]) -> Workspace | None:
    """The session's opened workspace, or None (nothing saved or opened yet in this session)."""
    workspace = state.get(WORKSPACE)
    return workspace if isinstance(workspace, Workspace) else None


def open_from_query(state: MutableMapping[str, Any], query_params: MutableMapping[str, Any],
                    repository: WorkspaceRepository) -> bool:
    """If the URL carries `?sak=`, remove it from the URL first (the secret must not stay in the address
    bar or the history) and open the workspace; the outcome is put in state[NOTICE]. True if a link was
    present. Never raises for a bad link."""
    if LINK_PARAM not in query_params:
        return False
    raw = query_params.get(LINK_PARAM)
    del query_params[LINK_PARAM]
    open_link(state, raw, repository)
    return True


def open_link(state: MutableMapping[str, Any], raw: object, repository: WorkspaceRepository) -> Workspace | None:
    """Open the workspace of a pasted link (or `?sak=` value) for this session; None and a Norwegian
    notice (state[NOTICE]) when refused. The session's previous workspace stays open on refusal."""
    try:
        workspace = repository.open(raw)  # type: ignore[arg-type]
    except WorkspaceDenied as exc:
        state[NOTICE] = ("error", str(exc))
        return None
    state[WORKSPACE] = workspace
    state.pop(LINK_ONCE, None)
    state[NOTICE] = ("success", "Saken er åpnet: du ser og endrer nå sakens scenarier.")
    return workspace


def ensure(state: MutableMapping[str, Any], repository: WorkspaceRepository) -> Workspace:
    """The session's workspace; a new private one (its link kept for showing once) if it has none."""
    workspace = current(state)
    if workspace is None:
        workspace, secret = repository.create()
        state[WORKSPACE] = workspace
        state[LINK_ONCE] = link_value(workspace.id, secret)
    return workspace


def renew(state: MutableMapping[str, Any], repository: WorkspaceRepository) -> None:
    """A new link for the session's workspace (the old one stops working), kept for showing once."""
    workspace = current(state)
    if workspace is None:
        return
    secret = repository.renew(workspace)
    state[LINK_ONCE] = link_value(workspace.id, secret)


def leave(state: MutableMapping[str, Any]) -> None:
    """Close the workspace in this session (it stays in the store; the link opens it again)."""
    state.pop(WORKSPACE, None)
    state.pop(LINK_ONCE, None)


def link_to_show(state: MutableMapping[str, Any], base_url: str | None) -> str | None:
    """The full link of a workspace just created or renewed (`base_url`: the app's base URL), shown until
    `forget_link`; None when there is none to show."""
    value = state.get(LINK_ONCE)
    if not value:
        return None
    workspace_id, secret = value.split(".", 1)
    return workspace_url(base_url, PAGE, workspace_id, secret)


def forget_link(state: MutableMapping[str, Any]) -> None:
    """The user has kept the link: it is not shown again (only a renewal gives a new one)."""
    state.pop(LINK_ONCE, None)
