"""Versions of the national overview: the report's 2015 list (version 1, read-only) and uploaded updates.

Data model (durable store, component "overview", see ikt_model.store):
  overview_versions(id, created_at, source, comment, numbering, collaborations, memberships)
  overview_collaborations(version_id, position, id, navn, formelt_navn, organisasjonsform, etablert_aar,
                          ansatte, merknad)                         -- one row per collaboration
  overview_members(version_id, samarbeid_id, position, kommunenummer)  -- today's numbers
Version 1 is never in the store: it is the report's Vedlegg 5 as cleaned in data/overview/ (2015 numbers
and forms), so it cannot be overwritten. Uploaded versions get ids 2, 3, ... and are never changed.

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
from typing import Literal

import duckdb
import pandas as pd
from pydantic import BaseModel, Field

from .. import format as fmt
from .. import store
from ..config import get_settings
from ..municipalities import successors_2024
from ..workspaces import Workspace
from ..workspaces.access import OperatorRefused, check_operator_key
from .forms import FROM_2015, form_label
from .source import cached_overview
from .upload_rows import OverviewUpload, collaboration_key

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
REPORT_VERSION = 1
REPORT_SOURCE = "Rapporten (PwC for KS 2015), Vedlegg 5 – renset"
COMMENT_MAX = 500
SOURCE_MAX = 200
_WRITE_LOCK = threading.Lock()

Numbering = Literal["2015", "2024"]


class VersionInfo(BaseModel, frozen=True):
    """One version: id, when and from what it was stored, and its size. numbering: which municipality
    numbers its members use ("2015" for the report, "2024" = today's numbers for uploads)."""

    id: int
    created_at: datetime | None = None
    source: str
    comment: str | None = None
    numbering: Numbering
    collaborations: int
    memberships: int
    published: bool = True

    @property
    def label(self) -> str:
        """The version as a user reads it: «Versjon N – date, source (count samarbeid)», Norwegian format."""
        if self.id == REPORT_VERSION:
            return f"Versjon 1 – rapporten 2015 (Vedlegg 5, {self.collaborations} samarbeid)"
        when = self.created_at.strftime("%d.%m.%Y %H:%M") if self.created_at else ""
        private = "" if self.published else " – bare i saken, ikke publisert"
        return f"Versjon {self.id} – {when}, {self.source} ({fmt.number(self.collaborations)} samarbeid){private}"

    @property
    def reference_year(self) -> int:
        """The year ages are counted to: 2015 for the report, the upload year otherwise."""
        return 2015 if self.id == REPORT_VERSION or self.created_at is None else self.created_at.year


class Collaboration(BaseModel, frozen=True):
    """One collaboration of a version in comparable terms (key from the name, 2026 form, today's numbers)."""

    key: str
    navn: str
    formelt_navn: str | None = None
    organisasjonsform: str | None  # None: a 2015 form without a 2026 successor (samkommune)
    etablert_aar: int | None = None
    ansatte: int | None = None
    merknad: str | None = None
    medlemmer: tuple[str, ...]


class VersionData(BaseModel, frozen=True):
    """One version's metadata and its collaborations in comparable (2026) terms."""

    info: VersionInfo
    collaborations: tuple[Collaboration, ...]


class VersionError(ValueError):
    """Unknown version, or a refused save: the message is Norwegian and meant for the user."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@lru_cache(maxsize=1)
def report_version_info() -> VersionInfo:
    """Version 1: the report's 2015 list (Vedlegg 5), read-only, counted from data/overview."""
    data = cached_overview()
    return VersionInfo(id=REPORT_VERSION, source=REPORT_SOURCE, numbering="2015",
                       collaborations=len(data.samarbeid), memberships=len(data.medlemskap),
                       comment="Rapportens liste fra 2015; kan ikke endres. Nye versjoner lastes opp.")


@lru_cache(maxsize=1)
def report_version_today_terms() -> VersionData:
    """Version 1 in today's terms for comparing: 2026 forms (forms.FROM_2015) and members mapped to their
    main 2024 successor (merged members count once; county members left out)."""
    data = cached_overview()
    successors = successors_2024()
    members: dict[str, list[str]] = {}
    for m in data.medlemskap:
        if m.medlemstype != "kommune":
            continue
        number = successors[m.kommunenummer].kommunenummer if m.kommunenummer in successors else m.kommunenummer
        listed = members.setdefault(m.samarbeid_id, [])
        if number not in listed:
            listed.append(number)
    collaborations = tuple(
        Collaboration(key=collaboration_key(s.navn), navn=s.navn, formelt_navn=s.formelt_navn,
                      organisasjonsform=FROM_2015[s.organisasjonsform], etablert_aar=s.etablert_aar,
                      merknad=s.merknad, medlemmer=tuple(members.get(s.id, ())))
        for s in data.samarbeid)
    return VersionData(info=report_version_info(), collaborations=collaborations)


class OverviewRepository:
    """All reads and writes of uploaded overview versions; `con` is the store connection (cursors taken here)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        store.ensure_schema(con, COMPONENT, MIGRATIONS)

    def _read(self, sql: str, params: list | None = None) -> list[tuple]:
        return store.read(self.con, sql, params or [])  # StoreUnavailable on a store fault

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
            version_id = store.run_write(self.con, write)
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

        store.run_write(self.con, write)
        LOG.info("overview: version %s published for everyone with the operator key", info.id)
        return self.info(version_id, workspace)

    def frames(self, version_id: int, workspace: Workspace | None = None,
               everything: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(collaborations, members) of an uploaded version as stored, in upload order (VersionError if
        `workspace` may not see it)."""
        self.info(version_id, workspace, everything)
        with store.translated_errors():
            cur = self.con.cursor()
        try:
            collaborations = cur.execute(
                "SELECT id, navn, formelt_navn, organisasjonsform, etablert_aar, ansatte, merknad, position "
                "FROM overview_collaborations WHERE version_id = ? ORDER BY position", [version_id]).df()
            members = cur.execute(
                "SELECT samarbeid_id, kommunenummer, position FROM overview_members WHERE version_id = ? "
                "ORDER BY samarbeid_id, position", [version_id]).df()
        except duckdb.Error as exc:
            raise store.classify(exc) from exc
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
    return _shared_repository(store.shared_store())


@lru_cache(maxsize=4)
def _shared_repository(con: duckdb.DuckDBPyConnection) -> OverviewRepository:
    return OverviewRepository(con)


# -- comparing two versions ------------------------------------------------------------------------------

class FormChange(BaseModel, frozen=True):
    """A collaboration whose organisation form differs between two versions (labels before and after)."""

    key: str
    navn: str
    before: str | None
    after: str | None


class MemberChange(BaseModel, frozen=True):
    """A collaboration whose members differ between two versions (municipality names joined and left)."""

    key: str
    navn: str
    joined: tuple[str, ...] = ()
    left: tuple[str, ...] = ()


class VersionDiff(BaseModel, frozen=True):
    """What changed from version `old` to version `new` (collaborations matched by name key)."""

    old: int
    new: int
    added: tuple[str, ...] = Field(default=(), description="names of collaborations only in `new`")
    removed: tuple[str, ...] = Field(default=(), description="names of collaborations only in `old`")
    form_changed: tuple[FormChange, ...] = ()
    members_changed: tuple[MemberChange, ...] = ()

    @property
    def unchanged(self) -> bool:
        """True when nothing was added, removed or changed between the two versions."""
        return not (self.added or self.removed or self.form_changed or self.members_changed)


def diff_versions(old: VersionData, new: VersionData) -> VersionDiff:
    """Collaborations added, removed, with another organisation form, and members that joined or left.

    Pure. Both versions must be in comparable terms (VersionData: 2026 forms, today's numbers).
    """
    before = {c.key: c for c in old.collaborations}
    after = {c.key: c for c in new.collaborations}
    added = tuple(after[k].navn for k in after if k not in before)
    removed = tuple(before[k].navn for k in before if k not in after)
    forms, members = [], []
    for key in sorted(before.keys() & after.keys(), key=lambda k: after[k].navn.casefold()):
        a, b = before[key], after[key]
        if a.organisasjonsform != b.organisasjonsform:
            forms.append(FormChange(key=key, navn=b.navn, before=a.organisasjonsform, after=b.organisasjonsform))
        joined = tuple(m for m in b.medlemmer if m not in a.medlemmer)
        left = tuple(m for m in a.medlemmer if m not in b.medlemmer)
        if joined or left:
            members.append(MemberChange(key=key, navn=b.navn, joined=joined, left=left))
    return VersionDiff(old=old.info.id, new=new.info.id, added=tuple(sorted(added, key=str.casefold)),
                       removed=tuple(sorted(removed, key=str.casefold)), form_changed=tuple(forms),
                       members_changed=tuple(members))


def _member_text(numbers: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(f"{names.get(n, n)} ({n})" for n in numbers)


def diff_lines(diff: VersionDiff, names: dict[str, str]) -> list[str]:
    """The diff as Norwegian lines (one per change), for the CLI and the pages; `names`: number -> name."""
    lines = [f"Nytt samarbeid: {n}" for n in diff.added]
    lines += [f"Fjernet: {n}" for n in diff.removed]
    lines += [f"Ny organisasjonsform: {c.navn}: {form_label(c.before)} → {form_label(c.after)}"
              for c in diff.form_changed]
    for c in diff.members_changed:
        if c.joined:
            lines.append(f"Nye medlemmer i {c.navn}: {_member_text(c.joined, names)}")
        if c.left:
            lines.append(f"Gått ut av {c.navn}: {_member_text(c.left, names)}")
    return lines


def diff_table(diff: VersionDiff, names: dict[str, str]) -> pd.DataFrame:
    """The diff as a table (Endring, Samarbeid, Detaljer) for the pages."""
    rows = [("Nytt samarbeid", n, "") for n in diff.added]
    rows += [("Fjernet", n, "") for n in diff.removed]
    rows += [("Ny organisasjonsform", c.navn, f"{form_label(c.before)} → {form_label(c.after)}")
             for c in diff.form_changed]
    for c in diff.members_changed:
        if c.joined:
            rows.append(("Nye medlemmer", c.navn, _member_text(c.joined, names)))
        if c.left:
            rows.append(("Medlemmer gått ut", c.navn, _member_text(c.left, names)))
    return pd.DataFrame(rows, columns=["Endring", "Samarbeid", "Detaljer"])


def diff_summary(diff: VersionDiff) -> str:
    """One Norwegian sentence with the counts."""
    if diff.unchanged:
        return f"Ingen endringer fra versjon {diff.old} til versjon {diff.new}."
    joined = sum(len(c.joined) for c in diff.members_changed)
    left = sum(len(c.left) for c in diff.members_changed)
    return (f"Fra versjon {diff.old} til versjon {diff.new}: {len(diff.added)} nye samarbeid, {len(diff.removed)} "
            f"fjernet, {len(diff.form_changed)} med ny organisasjonsform, {joined} nye og {left} utgåtte "
            "medlemskap.")


def export_rows(data: VersionData) -> list[dict]:
    """A version as template rows (upload_template.template_csv / template_xlsx), to start an update from it."""
    return [{"samarbeid": c.navn, "formelt_navn": c.formelt_navn, "organisasjonsform": c.organisasjonsform,
             "medlemmer": list(c.medlemmer), "etablert_aar": c.etablert_aar, "ansatte": c.ansatte,
             "merknad": c.merknad} for c in data.collaborations]


def viewer(info: VersionInfo, workspace: Workspace | None) -> Workspace | None:
    """Who opens version `info` for the pages' caches: None for a version everyone sees (one cached copy
    for all sessions), the session's `workspace` for its own unpublished upload (the access check then runs
    in `ikt_model.overview.db.version_database`)."""
    return None if info.published else workspace


def compare_default(ids: list[int], chosen: int) -> int | None:
    """The version to compare `chosen` with by default: the one before it (the newest other when it is the
    oldest), None when there is no other version."""
    others = [i for i in ids if i != chosen]
    if not others:
        return None
    earlier = [i for i in others if i < chosen]
    return earlier[-1] if earlier else others[-1]


def version_caption(info: VersionInfo) -> str:
    """One Norwegian paragraph saying what a version is: source, date, comment, numbering and population."""
    if info.id == REPORT_VERSION:
        return ("Versjon 1: interkommunale IKT-samarbeid i 2015 slik de er listet i rapportens Vedlegg 5, renset og "
                "koblet til kommunene i 2015 (428). Trykt tekst er tatt vare på ved siden av hver rettet verdi "
                "(se «Datakvalitet» nederst). Denne versjonen endres aldri.")
    when = info.created_at.strftime("%d.%m.%Y kl. %H:%M") + " (UTC)" if info.created_at else ""
    text = (f"Versjon {info.id}: lastet opp {when} fra «{info.source}», {fmt.number(info.collaborations)} samarbeid "
            f"og {fmt.number(info.memberships)} medlemskap. Dagens kommuner (357, gyldige fra 1.1.2024), "
            "folketall 1.1.2026 (SSB).")
    text += (f" Kommentar: {info.comment}" if info.comment else "")
    if not info.published:
        text += (" Bare saken som lastet den opp, ser denne versjonen. Den blir synlig for alle kommuner først når "
                 "den publiseres med driftsansvarliges operatørnøkkel.")
    return text
