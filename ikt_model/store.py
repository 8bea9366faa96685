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

Schema: each component ("workshop", "scenarios", ...) owns an ordered list of migrations
(SQL strings). `ensure_schema(con, component, migrations)` applies the ones not yet applied, in
one transaction, and records the component's version in `schema_version`. Append new migrations
to the end of a list; never edit or reorder one that has shipped.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

from .config import get_settings

_SCHEMA_LOCK = threading.Lock()
_RETRIES = 20


def connect_store(path: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """Open (or create) the durable store file; the parent folder is created if missing."""
    path = Path(path) if path is not None else get_settings().store_path
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path))


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
        cur = con.cursor()
        try:
            with transaction(cur):
                result = fn(cur)
            return result
        except duckdb.TransactionException as exc:
            last = exc
        finally:
            cur.close()
    assert last is not None
    raise last


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
    with _SCHEMA_LOCK:
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
