"""Saved scenarios in the durable store (ikt_model.store, component "scenarios").

One row per scenario: a stable id, the workspace it belongs to, the name (unique within the workspace
after NFC normalisation and case folding, ikt_model.names.name_key), and the scenario's JSON.
A ScenarioStore is bound to one opened workspace (ikt_model.workspaces.Workspace): every query filters
on it, so a store without the workspace's link cannot list, read, rename or delete its scenarios.
Every write runs in its own committed transaction (`run_write`); reads take their own cursor.

Schema versions: 1 = one global list (before workspaces); 2 = `workspace` column, and every scenario
stored before it moved into the legacy workspace (workspaces.LEGACY_ID), which opens only with the
link the operator prints (`python -m ikt_model workspace legacy-link`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

import duckdb
from pydantic import BaseModel, ValidationError

from ..names import name_key
from ..store.connection import read, run_write, shared_store
from ..store.faults import translated_errors
from ..store.schema import ensure_schema
from ..workspaces import LEGACY_ID, Workspace, WorkspaceError
from .model import Scenario, ScenarioError, clean_name, now_utc

COMPONENT = "scenarios"
MIGRATIONS: tuple[str, ...] = (
    """CREATE TABLE scenarios (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        payload VARCHAR NOT NULL,
        created TIMESTAMPTZ NOT NULL,
        updated TIMESTAMPTZ NOT NULL
    )""",
    # 2: workspaces. Rows stored before belong to the legacy workspace (no secret until the operator asks).
    "ALTER TABLE scenarios ADD COLUMN workspace VARCHAR",
    f"UPDATE scenarios SET workspace = '{LEGACY_ID}' WHERE workspace IS NULL",
)
MAX_SCENARIOS = 500  # per workspace


class ScenarioInfo(BaseModel, frozen=True):
    """A saved scenario in the list: id, name and timestamps (UTC)."""

    id: str
    name: str
    created: datetime
    updated: datetime


class ScenarioStore:
    """Save, list, load, rename and delete the scenarios of one workspace. Errors are ScenarioError
    (Norwegian); WorkspaceError when no opened workspace is given."""

    def __init__(self, con: duckdb.DuckDBPyConnection, workspace: Workspace):
        if not isinstance(workspace, Workspace):
            raise WorkspaceError("Åpne saken med lenken først: scenarier hører til en sak.")
        self.con = con
        self.workspace = workspace
        ensure_schema(con, COMPONENT, MIGRATIONS)

    def _find_id(self, cur, name: str) -> str | None:
        """The id of the scenario whose name matches `name` after NFC + case folding. Compared in Python,
        so names stored before names were normalised (e.g. decomposed «Å») are found too."""
        key = name_key(name)
        return next((row_id for row_id, stored in cur.execute("SELECT id, name FROM scenarios WHERE workspace = ?",
                                                               [self.workspace.id]).fetchall()
                     if name_key(stored) == key), None)

    def save(self, scenario: Scenario, overwrite: bool = False) -> Scenario:
        """Store a scenario under its name. An existing name is an error unless `overwrite`,
        which keeps the original creation time."""
        def write(cur):
            existing = self._find_id(cur, scenario.name)
            if existing and not overwrite:
                raise ScenarioError(f"Et scenario med navnet «{scenario.name}» finnes allerede: "
                                    "velg et annet navn eller overskriv det")
            if existing:
                created = cur.execute("SELECT created FROM scenarios WHERE id = ?", [existing]).fetchone()[0]
                stored = scenario.model_copy(update={"created": created, "updated": now_utc()})
                cur.execute("UPDATE scenarios SET name = ?, payload = ?, updated = ? WHERE id = ? AND workspace = ?",
                            [stored.name, stored.model_dump_json(), stored.updated, existing, self.workspace.id])
                return stored
            count = cur.execute("SELECT count(*) FROM scenarios WHERE workspace = ?",
                                [self.workspace.id]).fetchone()[0]
            if count >= MAX_SCENARIOS:
                raise ScenarioError(f"Det er lagret {MAX_SCENARIOS} scenarier i saken; slett noen før du lagrer flere")
            cur.execute("INSERT INTO scenarios (id, name, payload, created, updated, workspace) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [uuid.uuid4().hex, scenario.name, scenario.model_dump_json(), scenario.created,
                         scenario.updated, self.workspace.id])
            return scenario

        return run_write(self.con, write)

    def list(self) -> list[ScenarioInfo]:
        """The workspace's scenarios, most recently changed first."""
        rows = read(self.con, "SELECT id, name, created, updated FROM scenarios WHERE workspace = ? "
                    "ORDER BY updated DESC, lower(name)", [self.workspace.id])
        return [ScenarioInfo(id=r[0], name=r[1], created=r[2], updated=r[3]) for r in rows]

    def get(self, name: str) -> Scenario:
        """The saved scenario with this name (case-insensitive); ScenarioError when missing or unreadable."""
        with translated_errors():
            cur = self.con.cursor()
            try:
                found = self._find_id(cur, name)
                row = cur.execute("SELECT payload FROM scenarios WHERE id = ? AND workspace = ?",
                                  [found, self.workspace.id]).fetchone() if found else None
            finally:
                cur.close()
        if row is None:
            raise ScenarioError(f"Fant ikke scenarioet «{name}»")
        try:
            return Scenario.model_validate_json(row[0])
        except (ValidationError, ValueError) as exc:
            raise ScenarioError(f"Scenarioet «{name}» kan ikke leses lenger (kunnskapsgrunnlaget eller "
                                f"formatet er endret): {str(exc).splitlines()[0]}") from None

    def rename(self, old: str, new: str) -> Scenario:
        """Rename a saved scenario; ScenarioError when it is missing or the new name is taken."""
        new = clean_name(new)

        def write(cur):
            current = self._find_id(cur, old)
            if current is None:
                raise ScenarioError(f"Fant ikke scenarioet «{old}»")
            other = self._find_id(cur, new)
            if other and other != current:
                raise ScenarioError(f"Et scenario med navnet «{new}» finnes allerede")
            payload = cur.execute("SELECT payload FROM scenarios WHERE id = ? AND workspace = ?",
                                  [current, self.workspace.id]).fetchone()[0]
            scenario = Scenario.model_validate_json(payload).model_copy(update={"name": new, "updated": now_utc()})
            cur.execute("UPDATE scenarios SET name = ?, payload = ?, updated = ? WHERE id = ? AND workspace = ?",
                        [new, scenario.model_dump_json(), scenario.updated, current, self.workspace.id])
            return scenario

        return run_write(self.con, write)

    def delete(self, name: str) -> None:
        """Delete a saved scenario; ScenarioError when it is missing."""
        def write(cur):
            current = self._find_id(cur, name)
            if current is None:
                raise ScenarioError(f"Fant ikke scenarioet «{name}»")
            cur.execute("DELETE FROM scenarios WHERE id = ? AND workspace = ?", [current, self.workspace.id])

        run_write(self.con, write)


def shared_scenario_store(workspace: Workspace) -> ScenarioStore:
    """The scenario store of `workspace` over the process-wide store connection (the schema check is one
    cheap SELECT when up to date)."""
    return ScenarioStore(shared_store(), workspace)
