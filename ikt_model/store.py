"""The durable store: one DuckDB file for workshops and scenarios, with a versioned schema.

Path: `get_settings().store_path` (env IKT_STORE_PATH; default outside the source tree).

Process model (DuckDB allows ONE read-write process per file):
  * The Streamlit server process owns the file. Pages cache the connection once with
    `st.cache_resource` (`connect_store()`), and every script run / fragment / thread takes
    its own `con.cursor()`; a shared connection used from several threads raises
    `ResourceInUseException`. Never use module-level `duckdb.sql()`.
  * A second process (a CLI, a second server) cannot open the file while the server runs
    ("Could not set lock on file"); stop the server first, or give it another IKT_STORE_PATH.
  * Durability: every write runs in its own transaction and is committed (WAL written) before a
    caller acknowledges it; after a crash (SIGKILL) DuckDB replays the WAL on the next open.

Faults (a second server on the file, a read-only folder, a full disk, a damaged file): every
DuckDB/OS error on the way in or out becomes `StoreUnavailable`, whose `message` is one Norwegian
sentence for a browser user naming what is wrong and what the operator should do (no path, no
process id); the original error goes to the server log only (logger "ikt_model.store").
`check()` is the start-up and CLI health check; `recover()` reads a damaged file back through a
read-only open (which reads the blocks that are still intact) into a new file.

Schema: each component ("workshop", "scenarios", ...) owns an ordered list of migrations
(SQL strings). `ensure_schema(con, component, migrations)` applies the ones not yet applied, in
one transaction, and records the component's version in `schema_version`. Append new migrations
to the end of a list; never edit or reorder one that has shipped.
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Literal

import duckdb
from pydantic import BaseModel

from .config import get_settings

_SCHEMA_LOCK = threading.Lock()
_RETRIES = 20
LOG = logging.getLogger("ikt_model.store")

FaultKind = Literal["locked", "read_only", "disk_full", "damaged", "unknown"]
FAULT_MESSAGES: dict[str, str] = {
    "locked": "Lageret er i bruk av en annen serverprosess på samme lagerfil, så ingenting kan lagres eller "
              "leses her – den som drifter løsningen, må stoppe den andre serveren eller gi denne sin egen "
              "IKT_STORE_PATH.",
    "read_only": "Lageret kan ikke skrives fordi mappen eller filen er skrivebeskyttet – den som drifter "
                 "løsningen, må gi serveren skrivetilgang til lagermappen eller velge en annen IKT_STORE_PATH.",
    "disk_full": "Disken der lageret ligger, er full, så dette ble ikke lagret (det som alt var lagret, er i "
                 "behold) – den som drifter løsningen, må frigjøre plass før du prøver igjen.",
    "damaged": "Lagerfilen er skadet og kan ikke brukes – den som drifter løsningen, må stoppe serveren, ta "
               "kopi av lagerfilen og lese dataene tilbake med «python -m ikt_model store recover» (se README).",
    "unknown": "Lageret kan ikke brukes akkurat nå – den som drifter løsningen, finner årsaken i serverloggen.",
}


class StoreUnavailable(RuntimeError):
    """The durable store cannot be used. `kind` names the fault, `message` is the one Norwegian
    sentence a user may see (no path, no process id); `detail` (the original error) is for the
    server log only and never shown in a browser."""

    def __init__(self, kind: FaultKind, detail: str = ""):
        super().__init__(FAULT_MESSAGES[kind])
        self.kind: FaultKind = kind
        self.message = FAULT_MESSAGES[kind]
        self.detail = detail


def classify(exc: BaseException) -> StoreUnavailable:
    """Map a DuckDB or OS error from opening, reading or writing the store to StoreUnavailable.

    Rules (DuckDB 2.0 messages, checked by tests/test_store_faults.py against real faults):
    «Could not set lock» -> locked; EROFS/EACCES/EPERM, «Read-only file system», «Permission
    denied» -> read_only; ENOSPC, «No space left» -> disk_full; «not a valid DuckDB database»,
    «Corrupt database», checksum, «Could not read enough bytes», FATAL/invalidated -> damaged.
    """
    if isinstance(exc, StoreUnavailable):
        return exc
    text = str(exc)
    low = text.lower()
    code = getattr(exc, "errno", None)
    if "could not set lock" in low or "conflicting lock" in low:
        kind: FaultKind = "locked"
    elif code == errno.ENOSPC or "no space left" in low or "disk full" in low:
        kind = "disk_full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM) or "read-only file system" in low \
            or "permission denied" in low or "operation not permitted" in low:
        kind = "read_only"
    elif any(s in low for s in ("not a valid duckdb database", "corrupt", "checksum", "could not read enough bytes",
                                "fatal", "invalidated", "serialization error", "failed to read", "replaying wal",
                                "wal does not match")):
        kind = "damaged"
    else:
        kind = "unknown"
    return StoreUnavailable(kind, f"{type(exc).__name__}: {text}")


_last_logged: dict[str, float] = {}


def _is_fault(exc: BaseException) -> bool:
    """A fault of the store itself (file, lock, disk), as opposed to a bug in a query (parser,
    catalog or constraint errors pass through unchanged)."""
    return isinstance(exc, (duckdb.IOException, duckdb.FatalException, OSError)) or classify(exc).kind != "unknown"


def _unavailable(exc: BaseException) -> StoreUnavailable:
    """Classify and log (server side, with the original text; the same fault at most once a minute)."""
    fault = classify(exc)
    now = time.monotonic()
    if now - _last_logged.get(fault.detail, -1e9) > 60:
        _last_logged[fault.detail] = now
        LOG.error("store unavailable (%s): %s", fault.kind, fault.detail or exc)
    return fault


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn DuckDB/OS errors raised inside the block into StoreUnavailable (logged server-side)."""
    try:
        yield
    except StoreUnavailable:
        raise
    except (duckdb.Error, OSError) as exc:
        if not _is_fault(exc):
            raise
        raise _unavailable(exc) from exc


def connect_store(path: Path | str | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (or create) the durable store file; the parent folder is created if missing.

    Raises StoreUnavailable (locked by another process, read-only folder, full disk, damaged file).
    """
    path = Path(path) if path is not None else get_settings().store_path
    with translated_errors():
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only)


def shared_store() -> duckdb.DuckDBPyConnection:
    """The process-wide store connection (configured path) that workshops and scenarios share;
    callers take a cursor per call/thread. One connection per process is DuckDB's intended use."""
    return _shared_store(str(get_settings().store_path))


@lru_cache(maxsize=4)
def _shared_store(path: str) -> duckdb.DuckDBPyConnection:
    return connect_store(path)


@contextmanager
def transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT on a cursor; ROLLBACK and re-raise on any error.

    When the block exits normally the data is committed (durable), so the caller may acknowledge it.
    """
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")


def run_write(con: duckdb.DuckDBPyConnection, fn, retries: int = _RETRIES):
    """Run `fn(cursor)` in a transaction on a fresh cursor, retrying on write-write conflicts.

    DuckDB uses optimistic concurrency: two threads updating the same row get a
    TransactionException for one of them; retrying is safe because the transaction rolled back.
    """
    last: Exception | None = None
    for _ in range(retries):
        with translated_errors():
            cur = con.cursor()
        try:
            with transaction(cur):
                result = fn(cur)
            return result
        except duckdb.TransactionException as exc:
            if "conflict" not in str(exc).lower():  # e.g. «Failed to commit: ... No space left on device»
                if not _is_fault(exc):
                    raise
                raise _unavailable(exc) from exc
            last = exc
        except (duckdb.Error, OSError) as exc:
            if not _is_fault(exc):
                raise
            raise _unavailable(exc) from exc
        finally:
            cur.close()
    assert last is not None
    raise last


def read(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None) -> list[tuple]:
    """All rows of one query on its own cursor; DuckDB/OS errors become StoreUnavailable."""
    with translated_errors():
        cur = con.cursor()
        try:
            return cur.execute(sql, list(params or [])).fetchall()
        finally:
            cur.close()


def schema_version(con: duckdb.DuckDBPyConnection, component: str) -> int:
    """The schema version a component's migrations have reached in the store (0 for none yet)."""
    cur = con.cursor()
    try:
        cur.execute("CREATE TABLE IF NOT EXISTS schema_version (component VARCHAR PRIMARY KEY, version INTEGER)")
        row = cur.execute("SELECT version FROM schema_version WHERE component = ?", [component]).fetchone()
        return int(row[0]) if row else 0
    finally:
        cur.close()


def ensure_schema(con: duckdb.DuckDBPyConnection, component: str, migrations: Sequence[str]) -> None:
    """Apply `migrations[version:]` for `component` in one transaction and record the new version.

    Idempotent and safe to call on every page run (a cheap SELECT when up to date). A version
    newer than the code knows (a downgrade) raises RuntimeError rather than guessing.
    """
    with _SCHEMA_LOCK, translated_errors():
        current = schema_version(con, component)
        if current == len(migrations):
            return
        if current > len(migrations):
            raise RuntimeError(
                f"store schema for {component!r} is version {current}, this code knows {len(migrations)}"
            )
        cur = con.cursor()
        try:
            with transaction(cur):
                for sql in migrations[current:]:
                    cur.execute(sql)
                cur.execute(
                    "INSERT INTO schema_version VALUES (?, ?) "
                    "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                    [component, len(migrations)],
                )
        finally:
            cur.close()


class StoreStatus(BaseModel):
    """Result of `check()`. `message` is Norwegian for people; `path`, `detail` are for the operator
    (CLI, server log), never for a browser. `rows`: table -> row count; `wal_bytes`: size of the
    write-ahead log beside the store (recent writes live there until a checkpoint)."""

    ok: bool
    kind: FaultKind | None = None
    message: str
    path: str
    detail: str = ""
    rows: dict[str, int] = {}
    wal_bytes: int = 0


def wal_path(path: Path) -> Path:
    """The write-ahead log DuckDB keeps beside the store file (back it up together with the file)."""
    return path.with_name(path.name + ".wal")


def check(path: Path | str | None = None, con: duckdb.DuckDBPyConnection | None = None) -> StoreStatus:
    """Open the store (or use `con`), read every column of every row of every table (a damaged or
    cut-short file fails here; indexes are not read) and write a checkpoint. Never raises for a
    store fault: the returned status says what is wrong.
    """
    path = Path(path) if path is not None else get_settings().store_path
    wal = wal_path(path)
    own = con is None
    try:
        con = con if con is not None else connect_store(path)
        with translated_errors():
            tables = [r[0] for r in read(con, "SELECT table_name FROM duckdb_tables() "
                                               "WHERE database_name = current_database() ORDER BY 1")]
            # every column of every row: a count alone can be answered from metadata
            rows = {t: read(con, f'SELECT count(*), sum(hash(x)) FROM "{t}" AS x')[0][0] for t in tables}
            wal_bytes = wal.stat().st_size if wal.exists() else 0
            cur = con.cursor()
            try:
                cur.execute("CHECKPOINT")
            finally:
                cur.close()
    except StoreUnavailable as fault:
        return StoreStatus(ok=False, kind=fault.kind, message=fault.message, path=str(path), detail=fault.detail)
    finally:
        if own and con is not None:
            con.close()
    summary = ", ".join(f"{t}: {n}" for t, n in rows.items()) or "tomt"
    return StoreStatus(ok=True, message=f"Lageret er i orden ({summary}).", path=str(path), rows=rows,
                       wal_bytes=wal_bytes)


class Recovery(BaseModel):
    """What `recover()` copied: table -> rows copied; tables it could not read (with the reason);
    `wal_skipped`: the write-ahead log beside the file was unreadable, so the writes made since the
    last checkpoint (the most recent ones) could not be read back."""

    copied: dict[str, int]
    failed: dict[str, str]
    wal_skipped: bool = False


def recover(source: Path | str, target: Path | str) -> Recovery:
    """Read a (damaged) store back through a READ-ONLY open and write every readable table, with its
    definition (keys included), into the new file `target` (must not exist). The source and its
    write-ahead log are never written. If the write-ahead log cannot be replayed, the file is read
    without it (from a temporary copy) and `wal_skipped` says so.

    Raises StoreUnavailable if the source cannot be read at all (or another process holds it),
    FileExistsError if `target` exists.
    """
    import shutil
    import tempfile

    source, target = Path(source), Path(target)
    if target.exists() or wal_path(target).exists():
        raise FileExistsError(str(target))
    if not source.exists():
        raise StoreUnavailable("unknown", f"no store file at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    dst = duckdb.connect(str(target))
    copied: dict[str, int] = {}
    failed: dict[str, str] = {}
    wal_skipped = False
    with tempfile.TemporaryDirectory() as tmp:
        try:
            try:
                dst.execute("ATTACH ? AS damaged (READ_ONLY)", [str(source)])
            except duckdb.Error as exc:
                if "wal" not in str(exc).lower() or not wal_path(source).exists():
                    raise _unavailable(exc) from exc
                LOG.warning("store recover: write-ahead log unreadable, reading the file without it: %s", exc)
                copy = Path(tmp) / source.name
                shutil.copyfile(source, copy)
                wal_skipped = True
                with translated_errors():
                    dst.execute("ATTACH ? AS damaged (READ_ONLY)", [str(copy)])
            with translated_errors():
                tables = dst.execute("SELECT table_name, sql FROM duckdb_tables() "
                                     "WHERE database_name = 'damaged' ORDER BY 1").fetchall()
            for name, ddl in tables:
                try:
                    dst.execute("BEGIN TRANSACTION")
                    dst.execute(ddl)
                    dst.execute(f'INSERT INTO main."{name}" SELECT * FROM damaged.main."{name}"')
                    copied[name] = dst.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0]
                    dst.execute("COMMIT")
                except duckdb.Error as exc:
                    dst.execute("ROLLBACK")
                    failed[name] = f"{type(exc).__name__}: {exc}"
            dst.execute("DETACH damaged")
            dst.execute("CHECKPOINT")
        finally:
            dst.close()
    return Recovery(copied=copied, failed=failed, wal_skipped=wal_skipped)
