"""The durable store of uploaded versions of the national overview: saving, listing, reading, publishing.

Data model (durable store, component "overview", see ikt_model.store):
  overview_versions(id, created_at, source, comment, numbering, collaborations, memberships)
  overview_collaborations(version_id, position, id, navn, formelt_navn, organisasjonsform, etablert_aar,
                          ansatte, merknad)                         -- one row per collaboration
  overview_members(version_id, samarbeid_id, position, kommunenummer)  -- today's numbers
Version 1 is never in the store: it is the report's Vedlegg 5 (ikt_model.overview.versions). Uploaded
versions get ids 2, 3, ... and are never changed.

Every read and write goes through `OverviewRepository` (one class). Workspaces (schema 4-6): an upload
made on «Nasjonal oversikt» belongs to the uploader's workspace (ikt_model.workspaces) and only that
workspace sees it, until it is published with the server operator's key (IKT_OPERATOR_KEY); then every
municipality sees it. Versions stored before workspaces existed, and imports by the operator on the
command line (who owns the store file), are published.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from functools import lru_cache

import duckdb
import pandas as pd

from ..config import get_settings
from ..store.connection import read, run_write, shared_store
from ..store.faults import classify, translated_errors
from ..store.schema import ensure_schema
from ..workspaces import Workspace
from ..workspaces.access import OperatorRefused, check_operator_key
from .upload_rows import OverviewUpload
from .versions import (
    REPORT_VERSION,
    Collaboration,
    VersionData,
    VersionError,
    VersionInfo,
    report_version_info,
    report_version_today_terms,
)

LOG = logging.getLogger(__name__)

COMPONENT = "overview"
MIGRATIONS = [
    """CREATE TABLE overview_versions (
        id INTEGER PRIMARY KEY,
        created_at TIMESTAMP NOT NULL,
        source VARCHAR NOT NULL,
        comment VARCHAR,
        numbering VARCHAR NOT NULL,
        collaborations INTEGER NOT NULL,
        memberships INTEGER NOT NULL)""",
    """CREATE TABLE overview_collaborations (
        version_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        id VARCHAR NOT NULL,
        navn VARCHAR NOT NULL,
        formelt_navn VARCHAR,
        organisasjonsform VARCHAR NOT NULL,
        etablert_aar INTEGER,
        ansatte INTEGER,
        merknad VARCHAR,
        PRIMARY KEY (version_id, id))""",
    """CREATE TABLE overview_members (
        version_id INTEGER NOT NULL,
        samarbeid_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        kommunenummer VARCHAR NOT NULL,
        PRIMARY KEY (version_id, samarbeid_id, kommunenummer))""",
    # 4-6: workspaces. Versions stored before were shown to everyone: they stay published.
    "ALTER TABLE overview_versions ADD COLUMN workspace VARCHAR",
    "ALTER TABLE overview_versions ADD COLUMN published BOOLEAN",
    "UPDATE overview_versions SET published = TRUE WHERE published IS NULL",
]
COMMENT_MAX = 500
SOURCE_MAX = 200
_WRITE_LOCK = threading.Lock()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class OverviewRepository:
    """All reads and writes of uploaded overview versions; `con` is the store connection (cursors taken here)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        ensure_schema(con, COMPONENT, MIGRATIONS)

    def _read(self, sql: str, params: list | None = None) -> list[tuple]:
        return read(self.con, sql, params or [])  # StoreUnavailable on a store fault

    def save(self, upload: OverviewUpload, source: str, comment: str | None = None,
             workspace: Workspace | None = None, operator: bool = False) -> VersionInfo:
        """Store a validated upload as a new version (one transaction; committed when it returns).

        With `workspace` (an upload on the page): private to that workspace until published. `operator`
        (the command line import, run by whoever owns the store file): published at once. One of the two
        is required (VersionError otherwise)."""
        if not operator and not isinstance(workspace, Workspace):
            raise VersionError("Åpne saken først: en opplastet oversikt hører til en sak.")
        owner = None if operator else workspace.id
        if not isinstance(upload, OverviewUpload):
            raise VersionError("Bare en godkjent opplasting kan lagres.")
        source = (source or "").strip()[:SOURCE_MAX] or upload.file_name
        comment = (comment or "").strip() or None
        if comment and len(comment) > COMMENT_MAX:
            raise VersionError(f"Kommentaren er for lang (høyst {COMMENT_MAX} tegn).")
        collaborations = pd.DataFrame({
            "position": [i for i, _ in enumerate(upload.rows, start=1)],
            "id": [r.key for r in upload.rows],
            "navn": [r.samarbeid for r in upload.rows],
            "formelt_navn": [r.formelt_navn for r in upload.rows],
            "organisasjonsform": [r.organisasjonsform for r in upload.rows],
            "etablert_aar": pd.array([r.etablert_aar for r in upload.rows], dtype="Int64"),
            "ansatte": pd.array([r.ansatte for r in upload.rows], dtype="Int64"),
            "merknad": [r.merknad for r in upload.rows],
        }).astype({"formelt_navn": object, "merknad": object})
        members = pd.DataFrame(
            [(r.key, i, number) for r in upload.rows for i, number in enumerate(r.medlemmer, start=1)],
            columns=["samarbeid_id", "position", "kommunenummer"])

        def write(cur):
            version_id = cur.execute(
                "SELECT greatest(coalesce(max(id), 0), ?) + 1 FROM overview_versions", [REPORT_VERSION]).fetchone()[0]
            cur.execute("INSERT INTO overview_versions (id, created_at, source, comment, numbering, collaborations, "
                        "memberships, workspace, published) VALUES (?, ?, ?, ?, '2024', ?, ?, ?, ?)",
                        [version_id, _now(), source, comment, len(upload.rows), upload.memberships, owner,
                         owner is None])
            cur.register("_ov_collaborations", collaborations)
            cur.register("_ov_members", members)
            try:
                cur.execute("INSERT INTO overview_collaborations SELECT ?, position, id, navn, formelt_navn, "
                            "organisasjonsform, etablert_aar, ansatte, merknad FROM _ov_collaborations", [version_id])
                cur.execute("INSERT INTO overview_members SELECT ?, samarbeid_id, position, kommunenummer "
                            "FROM _ov_members", [version_id])
            finally:
                cur.unregister("_ov_collaborations")
                cur.unregister("_ov_members")
            return version_id

        with _WRITE_LOCK:
            version_id = run_write(self.con, write)
        return self.info(version_id, workspace=workspace, everything=operator)

    @staticmethod
    def _visible(workspace: Workspace | None, everything: bool) -> tuple[str, list]:
        """SQL condition + params: the published versions and the workspace's own (all: the operator)."""
        if everything:
            return "TRUE", []
        if workspace is not None and not isinstance(workspace, Workspace):
            raise VersionError("Åpne saken først.")
        return "(published OR workspace = ?)", [workspace.id if workspace is not None else None]

    def versions(self, workspace: Workspace | None = None, everything: bool = False) -> list[VersionInfo]:
        """The versions `workspace` may see, oldest first: the report's (1), the published uploads and the
        workspace's own unpublished ones. `everything`: all of them (the operator's command line)."""
        condition, params = self._visible(workspace, everything)
        rows = self._read(f"SELECT {_COLUMNS} FROM overview_versions WHERE {condition} ORDER BY id", params)
        return [report_version_info(), *(_info(r) for r in rows)]

    def newest(self, workspace: Workspace | None = None) -> VersionInfo:
        """The most recent version `workspace` may see (the report's when nothing has been uploaded)."""
        return self.versions(workspace)[-1]

    def info(self, version_id: int, workspace: Workspace | None = None, everything: bool = False) -> VersionInfo:
        """The version `version_id` if `workspace` may see it; VersionError otherwise (the same message
        whether it does not exist or belongs to another workspace)."""
        if version_id == REPORT_VERSION:
            return report_version_info()
        condition, params = self._visible(workspace, everything)
        rows = self._read(f"SELECT {_COLUMNS} FROM overview_versions WHERE id = ? AND {condition}",
                          [int(version_id), *params])
        if not rows:
            raise VersionError(f"Fant ingen versjon {version_id} av oversikten.")
        return _info(rows[0])

    def publish(self, version_id: int, workspace: Workspace, operator_key: object,
                configured=None) -> VersionInfo:
        """Make the workspace's uploaded version the one everyone can see. Needs the operator's key
        (IKT_OPERATOR_KEY; `configured` overrides it for tests): VersionError (Norwegian) otherwise."""
        info = self.info(version_id, workspace)
        if info.id == REPORT_VERSION or info.published:
            raise VersionError(f"Versjon {info.id} er allerede synlig for alle.")
        try:
            check_operator_key(operator_key, configured if configured is not None else get_settings().operator_key)
        except OperatorRefused as exc:
            LOG.warning("overview: publishing version %s refused (operator key wrong or not set)", info.id)
            raise VersionError(str(exc)) from None

        def write(cur):
            cur.execute("UPDATE overview_versions SET published = TRUE WHERE id = ? AND workspace = ?",
                        [info.id, workspace.id])

        run_write(self.con, write)
        LOG.info("overview: version %s published for everyone with the operator key", info.id)
        return self.info(version_id, workspace)

    def frames(self, version_id: int, workspace: Workspace | None = None,
               everything: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(collaborations, members) of an uploaded version as stored, in upload order (VersionError if
        `workspace` may not see it)."""
        self.info(version_id, workspace, everything)
        with translated_errors():
            cur = self.con.cursor()
        try:
            collaborations = cur.execute(
                "SELECT id, navn, formelt_navn, organisasjonsform, etablert_aar, ansatte, merknad, position "
                "FROM overview_collaborations WHERE version_id = ? ORDER BY position", [version_id]).df()
            members = cur.execute(
                "SELECT samarbeid_id, kommunenummer, position FROM overview_members WHERE version_id = ? "
                "ORDER BY samarbeid_id, position", [version_id]).df()
        except duckdb.Error as exc:
            raise classify(exc) from exc
        finally:
            cur.close()
        return collaborations, members

    def load(self, version_id: int, workspace: Workspace | None = None, everything: bool = False) -> VersionData:
        """A version in comparable terms (version 1: the report mapped to today's terms)."""
        if version_id == REPORT_VERSION:
            return report_version_today_terms()
        info = self.info(version_id, workspace, everything)
        collaborations, members = self.frames(version_id, workspace, everything)
        by_collaboration: dict[str, list[str]] = {}
        for key, number in zip(members["samarbeid_id"], members["kommunenummer"], strict=False):
            by_collaboration.setdefault(key, []).append(number)
        rows = tuple(
            Collaboration(key=r["id"], navn=r["navn"], formelt_navn=_opt(r["formelt_navn"]),
                          organisasjonsform=r["organisasjonsform"], etablert_aar=_opt_int(r["etablert_aar"]),
                          ansatte=_opt_int(r["ansatte"]), merknad=_opt(r["merknad"]),
                          medlemmer=tuple(by_collaboration.get(r["id"], ())))
            for r in collaborations.to_dict("records"))
        return VersionData(info=info, collaborations=rows)


def _opt(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


def _opt_int(value):
    value = _opt(value)
    return None if value is None else int(value)


_COLUMNS = "id, created_at, source, comment, numbering, collaborations, memberships, published"


def _info(row) -> VersionInfo:
    return VersionInfo(id=row[0], created_at=row[1], source=row[2], comment=row[3], numbering=row[4],
                       collaborations=row[5], memberships=row[6], published=bool(row[7]))


def shared_repository() -> OverviewRepository:
    """The overview repository over the process-wide store connection (schema checked once)."""
    return _shared_repository(shared_store())


@lru_cache(maxsize=4)
def _shared_repository(con: duckdb.DuckDBPyConnection) -> OverviewRepository:
    return OverviewRepository(con)

