"""Private workspaces («saker»): what a user saves belongs to a workspace that only its secret link opens."""

from .access import LINK_PARAM, WorkspaceDenied, WorkspaceError
from .repository import LEGACY_ID, Workspace, WorkspaceRepository, shared_workspaces

__all__ = ["LEGACY_ID", "LINK_PARAM", "Workspace", "WorkspaceDenied", "WorkspaceError", "WorkspaceRepository",
           "shared_workspaces"]
