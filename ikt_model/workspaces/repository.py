"""Workspaces in the durable store (ikt_model.store, component "workspaces").

  workspaces(id, secret_hash, created, renewed)

A `Workspace` is a capability: the only ways to get one are `create()` (a new, empty workspace and its
secret, shown once) and `open(link)` (the secret checked in constant time). Everything a user saves
(scenarios: ikt_model.scenarios.store; uploaded overview versions: ikt_model.overview.version_repository) is read
and written through a Workspace, so without the link nothing of it can be listed, read, renamed or
deleted.

Legacy: scenarios stored before workspaces existed were moved (scenario schema migration 2) into the
workspace LEGACY_ID. That workspace has no secret until the server's operator asks for its link
(`python -m ikt_model workspace legacy-link`), so the migration exposes nothing; asking again makes a
new link and the previous one stops working.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

import duckdb
from pydantic import BaseModel, SecretStr

from ..store.connection import run_write, shared_store
from ..store.schema import ensure_schema
from . import access
from .access import WorkspaceDenied, WorkspaceError

COMPONENT = "workspaces"
MIGRATIONS: tuple[str, ...] = (
    """CREATE TABLE workspaces (
        id VARCHAR PRIMARY KEY,
        secret_hash VARCHAR,
        created TIMESTAMPTZ NOT NULL,
        renewed TIMESTAMPTZ
    )""",
)
LEGACY_ID = "0" * access.ID_LENGTH


class Workspace(BaseModel, frozen=True):
    """An opened workspace: its id (not secret by itself) and when it was made / its link renewed."""

    id: str
    created: datetime
    renewed: datetime | None = None

    @property
    def is_legacy(self) -> bool:
        """True for the workspace that holds the scenarios stored before workspaces existed."""
        return self.id == LEGACY_ID


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class WorkspaceRepository:
    """Create, open, renew and delete workspaces. Errors are WorkspaceError / WorkspaceDenied (Norwegian)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        ensure_schema(con, COMPONENT, MIGRATIONS)

    def create(self) -> tuple[Workspace, SecretStr]:
        """A new, empty workspace and its secret (not stored; show it once)."""
        secret = access.new_secret()
        workspace = Workspace(id=access.new_workspace_id(), created=_now())

        def write(cur):
            cur.execute("INSERT INTO workspaces VALUES (?, ?, ?, NULL)",
                        [workspace.id, access.digest(secret.get_secret_value()), workspace.created])

        run_write(self.con, write)
        return workspace, secret

    def open(self, link: str) -> Workspace:
        """The workspace a link (full URL, `?sak=` query or bare value) opens; WorkspaceDenied otherwise.

        A malformed (e.g. truncated) link, an unknown id and a wrong secret cost the same work (one lookup,
        one SHA-256 and one constant-time compare) and get the same message.
        """
        try:
            workspace_id, secret = access.parse_link(link)
        except WorkspaceDenied:  # malformed (e.g. truncated): the same lookup and compare, then refuse
            workspace_id, secret, malformed = "-", "-", True
        else:
            malformed = False
        cur = self.con.cursor()
        try:
            # the same small query whether or not the id exists; the rest only after the secret matched
            row = cur.execute("SELECT secret_hash FROM workspaces WHERE id = ?", [workspace_id]).fetchone()
            if not access.secret_matches(secret, row[0] if row else None) or malformed:
                raise WorkspaceDenied()
            found = cur.execute("SELECT id, created, renewed FROM workspaces WHERE id = ?", [workspace_id]).fetchone()
        finally:
            cur.close()
        return Workspace(id=found[0], created=found[1], renewed=found[2])

    def renew(self, workspace: Workspace) -> SecretStr:
        """A new secret for the workspace; the previous link stops working at once."""
        if not isinstance(workspace, Workspace):
            raise WorkspaceError("Bare en åpnet sak kan få ny lenke.")
        secret = access.new_secret()

        def write(cur):
            found = cur.execute("SELECT count(*) FROM workspaces WHERE id = ?", [workspace.id]).fetchone()[0]
            if not found:
                raise WorkspaceError("Saken finnes ikke lenger.")
            cur.execute("UPDATE workspaces SET secret_hash = ?, renewed = ? WHERE id = ?",
                        [access.digest(secret.get_secret_value()), _now(), workspace.id])

        run_write(self.con, write)
        return secret

    def legacy_secret(self) -> SecretStr:
        """Operator only (CLI): a new secret for the workspace holding scenarios stored before workspaces
        existed, creating its row if needed. Any earlier legacy link stops working."""
        secret = access.new_secret()

        def write(cur):
            cur.execute("INSERT INTO workspaces VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        "secret_hash = excluded.secret_hash, renewed = excluded.renewed",
                        [LEGACY_ID, access.digest(secret.get_secret_value()), _now(), _now()])

        run_write(self.con, write)
        return secret

    def stored_hashes(self) -> list[tuple[str, str | None]]:
        """(id, secret hash) of every workspace — for the operator's checks and the tests; never secrets."""
        cur = self.con.cursor()
        try:
            return cur.execute("SELECT id, secret_hash FROM workspaces ORDER BY id").fetchall()
        finally:
            cur.close()


def shared_workspaces() -> WorkspaceRepository:
    """The workspace repository over the process-wide store connection (schema checked once)."""
    return _shared_workspaces(shared_store())


@lru_cache(maxsize=4)
def _shared_workspaces(con: duckdb.DuckDBPyConnection) -> WorkspaceRepository:
    return WorkspaceRepository(con)
