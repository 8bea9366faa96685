"""Workshops and votes in the durable store (DuckDB). Every write is committed before it returns.

Concurrency: the server process owns the store file (see `ikt_model.store`). Writes take a
process-wide lock (so limits such as participants per workshop hold under 100 simultaneous
submissions) and run in one transaction on their own cursor; reads take their own cursor and
no lock (DuckDB MVCC). A method that returns normally has committed: the caller may acknowledge.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache

import duckdb
from pydantic import SecretStr

from ..decision.profile import Profile
from ..store.connection import read, run_write, shared_store
from ..store.schema import ensure_schema
from . import access
from .access import AccessDenied
from .models import LIMITS, Method, Vote, Workshop, WorkshopError, clean_text, points_from_input
from .storage import COMPONENT, MIGRATIONS, WORKSHOP_COLUMNS, vote_from_row, workshop_from_row

_WRITE_LOCK = threading.Lock()
_CHANGES: dict[str, dict[str, int]] = {}  # database file -> workshop id -> committed changes

NOT_FOUND = "Fant ingen workshop med den koden. Sjekk koden og prøv igjen."
KEY_REFUSED = "Dette krever fasilitatorlenken (nøkkelen) for workshopen."


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class WorkshopRepository:
    """All workshop reads and writes; `con` is the cached store connection (cursors are taken here)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        ensure_schema(con, COMPONENT, MIGRATIONS)
        # Change counters are shared by every repository on the same database file in this process
        # (a page's and a test's repository alike); an in-memory database gets its own.
        row = self._read("SELECT path FROM duckdb_databases() WHERE database_name = current_database()", [])
        self._changes = _CHANGES.setdefault(row[0][0] if row and row[0][0] else f"memory:{id(con)}", {})

    # -- internals -------------------------------------------------------------------------
    def _read(self, sql: str, params: list) -> list[tuple]:
        return read(self.con, sql, params)  # StoreUnavailable on a store fault

    def _write(self, fn, changed: str | Callable[[object], str] | None = None):
        """Run `fn(cursor)` in one committed transaction; then bump the change counter of the
        workshop `changed` names (an id, or a function of fn's result giving it)."""
        with _WRITE_LOCK:
            result = run_write(self.con, fn)
            workshop_id = changed(result) if callable(changed) else changed
            if workshop_id is not None:
                self._changes[workshop_id] = self._changes.get(workshop_id, 0) + 1
            return result

    def changes(self, workshop_id: str) -> int:
        """How many committed changes this repository has made to the workshop since the process
        started (votes, open/close, reveal, delete): equal numbers mean nothing has changed.

        Cheap (no store access), for pages that poll: the server process owns the store file,
        so every change goes through here (see `ikt_model.workshop.live`).
        """
        return self._changes.get(workshop_id, 0)

    def _key_hash(self, workshop_id: str) -> str | None:
        rows = self._read("SELECT key_hash FROM workshops WHERE id = ?", [workshop_id])
        return rows[0][0] if rows else None

    def _require_key(self, workshop_id: object, key: str | SecretStr | None) -> str:
        if not isinstance(workshop_id, str) or len(workshop_id) > 64:
            raise AccessDenied(KEY_REFUSED)
        stored = self._key_hash(workshop_id)
        if stored is None or not access.key_matches(key, stored):
            raise AccessDenied(KEY_REFUSED)
        return workshop_id

    # -- public, no key --------------------------------------------------------------------
    def find_by_code(self, raw_code: object) -> Workshop | None:
        """The workshop with this join code (as typed: case, spaces and dashes ignored), or None."""
        code = access.normalise_code(raw_code)
        if code is None:
            return None
        rows = self._read(f"SELECT {WORKSHOP_COLUMNS} FROM workshops WHERE code = ?", [code])
        return workshop_from_row(rows[0]) if rows else None

    def own_vote(self, workshop_id: str, token: object) -> Vote | None:
        """The vote this participant token has submitted (nobody else's)."""
        if not access.valid_token(token):
            return None
        rows = self._read(
            "SELECT participant_hash, display_name, points_json, ranking_json, revisions, updated_at "
            "FROM workshop_votes WHERE workshop_id = ? AND participant_hash = ?",
            [workshop_id, access.digest(token)])
        return vote_from_row(rows[0]) if rows else None

    def revisions_by_participant(self, workshop_id: str) -> dict[str, int]:
        """participant hash (access.digest of the token) -> how many times that participant's vote has been
        stored, for every vote in the workshop. Internal: a phone looks up only its own token's digest
        (ikt_model.workshop.live.LiveViews.stored_revisions); nothing here is shown to anyone."""
        return dict(self._read("SELECT participant_hash, revisions FROM workshop_votes WHERE workshop_id = ?",
                               [workshop_id]))

    def workshop_by_id(self, workshop_id: str) -> Workshop | None:
        """The workshop's public fields (what its join code shows anyone), or None. No key needed:
        `Workshop` holds no secret and no vote."""
        rows = self._read(f"SELECT {WORKSHOP_COLUMNS} FROM workshops WHERE id = ?", [workshop_id])
        return workshop_from_row(rows[0]) if rows else None

    def answer_count(self, workshop_id: str) -> int:
        """How many participants have voted (a number participants may see)."""
        return self._read("SELECT count(*) FROM workshop_votes WHERE workshop_id = ?", [workshop_id])[0][0]

    def revealed_votes(self, workshop_id: str) -> list[Vote] | None:
        """Votes for computing the GROUP result a participant may see, or None if not revealed.

        Callers show aggregates only (aggregation.group_result), never the individual rows.
        """
        rows = self._read("SELECT revealed FROM workshops WHERE id = ?", [workshop_id])
        if not rows or not rows[0][0]:
            return None
        return self._votes(workshop_id)

    def submit_vote(self, raw_code: object, token: object, display_name: object = "", *,
                    points: dict | None = None, ranking: list[int] | None = None) -> Vote:
        """Create or revise this participant's vote. Committed when it returns."""
        if not access.valid_token(token):
            raise AccessDenied("Ugyldig deltakerlenke. Åpne workshopen på nytt med koden.")
        name = clean_text(display_name, LIMITS.name_max, "Visningsnavnet", required=False)
        token_hash = access.digest(token)
        code = access.normalise_code(raw_code)
        if code is None:
            raise WorkshopError(NOT_FOUND)

        def write(cur):
            row = cur.execute("SELECT id, method, voting_open FROM workshops WHERE code = ?", [code]).fetchone()
            if row is None:
                raise WorkshopError(NOT_FOUND)
            workshop_id, method, voting_open = row
            if not voting_open:
                raise WorkshopError("Avstemningen er stengt. Stemmen din ble ikke lagret.")
            pts, rank = points_from_input(method, points=points, ranking=ranking)
            existing = cur.execute(
                "SELECT revisions FROM workshop_votes WHERE workshop_id = ? AND participant_hash = ?",
                [workshop_id, token_hash]).fetchone()
            now = _now()
            payload = [name, json.dumps(pts), json.dumps(rank) if rank else None]
            if existing is None:
                count = cur.execute("SELECT count(*) FROM workshop_votes WHERE workshop_id = ?",
                                    [workshop_id]).fetchone()[0]
                if count >= LIMITS.participants_max:
                    raise WorkshopError(f"Workshopen er full: høyst {LIMITS.participants_max} deltakere.")
                cur.execute("INSERT INTO workshop_votes VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                            [workshop_id, token_hash, *payload, now, now])
            else:
                if existing[0] >= LIMITS.revisions_max:
                    raise WorkshopError(
                        f"Du har endret stemmen {LIMITS.revisions_max} ganger, som er grensen. "
                        "Den siste lagrede stemmen gjelder.")
                cur.execute("UPDATE workshop_votes SET display_name = ?, points_json = ?, ranking_json = ?, "
                            "revisions = revisions + 1, updated_at = ? "
                            "WHERE workshop_id = ? AND participant_hash = ?",
                            [*payload, now, workshop_id, token_hash])
            return workshop_id

        workshop_id = self._write(write, changed=lambda workshop_id: workshop_id)
        vote = self.own_vote(workshop_id, token)
        assert vote is not None
        return vote

    # -- facilitator ------------------------------------------------------------------------
    def create(self, title: object, method: Method, profile: Profile) -> tuple[Workshop, SecretStr]:
        """A new workshop with voting open; returns it and the facilitator key (shown once)."""
        title = clean_text(title, LIMITS.title_max, "Tittelen", required=True)
        if method not in ("poeng", "rangering"):
            raise WorkshopError(f"Ukjent metode «{method}»: bruk poeng eller rangering")
        if not isinstance(profile, Profile):
            raise WorkshopError("Samarbeidets profil mangler")
        key = access.new_facilitator_key()
        workshop_id = access.new_workshop_id()

        def write(cur):
            if cur.execute("SELECT count(*) FROM workshops").fetchone()[0] >= LIMITS.workshops_max:
                raise WorkshopError("Lageret er fullt av workshops. Slett gamle workshops først.")
            for _ in range(10):
                code = access.new_join_code()
                if cur.execute("SELECT 1 FROM workshops WHERE code = ?", [code]).fetchone() is None:
                    break
            now = _now()
            cur.execute("INSERT INTO workshops VALUES (?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?)",
                        [workshop_id, code, title, method, profile.model_dump_json(),
                         access.digest(key.get_secret_value()), now, now])

        self._write(write)
        return self.workshop(workshop_id, key), key

    def workshop(self, workshop_id: object, key: str | SecretStr | None) -> Workshop:
        """The workshop for its facilitator; AccessDenied without the right key."""
        self._require_key(workshop_id, key)
        rows = self._read(f"SELECT {WORKSHOP_COLUMNS} FROM workshops WHERE id = ?", [workshop_id])
        return workshop_from_row(rows[0])

    def votes(self, workshop_id: object, key: str | SecretStr | None) -> list[Vote]:
        """Individual votes: facilitator only."""
        return self._votes(self._require_key(workshop_id, key))

    def _votes(self, workshop_id: str) -> list[Vote]:
        rows = self._read(
            "SELECT participant_hash, display_name, points_json, ranking_json, revisions, updated_at "
            "FROM workshop_votes WHERE workshop_id = ? ORDER BY created_at, participant_hash", [workshop_id])
        return [vote_from_row(r) for r in rows]

    def _set(self, workshop_id: object, key, column: str, value: bool) -> Workshop:
        workshop_id = self._require_key(workshop_id, key)
        self._write(lambda cur: cur.execute(
            f"UPDATE workshops SET {column} = ?, updated_at = ? WHERE id = ?", [value, _now(), workshop_id]),
            changed=workshop_id)
        return self.workshop(workshop_id, key)

    def set_voting_open(self, workshop_id: object, key, is_open: bool) -> Workshop:
        """Open or close voting (facilitator only); returns the updated workshop."""
        return self._set(workshop_id, key, "voting_open", bool(is_open))

    def set_revealed(self, workshop_id: object, key, revealed: bool) -> Workshop:
        """Show or hide the group result for participants (facilitator only)."""
        return self._set(workshop_id, key, "revealed", bool(revealed))

    def delete(self, workshop_id: object, key) -> None:
        """Delete the workshop and every vote in it (facilitator only)."""
        workshop_id = self._require_key(workshop_id, key)

        def write(cur):
            cur.execute("DELETE FROM workshop_votes WHERE workshop_id = ?", [workshop_id])
            cur.execute("DELETE FROM workshops WHERE id = ?", [workshop_id])

        self._write(write, changed=workshop_id)


def shared_repository() -> WorkshopRepository:
    """The workshop repository over the process-wide store connection (schema checked once)."""
    return _shared_repository(shared_store())


@lru_cache(maxsize=4)
def _shared_repository(con: duckdb.DuckDBPyConnection) -> WorkshopRepository:
    return WorkshopRepository(con)
