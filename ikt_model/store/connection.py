"""Opening the durable store and using it: the file, the process's shared connection, transactions, writes
that retry on conflicts, and reads.

Process model (DuckDB allows ONE read-write process per file):
  * The Streamlit server process owns the file. Pages cache the connection once with
    `st.cache_resource` (`connect_store()`), and every script run / fragment / thread takes
    its own `con.cursor()`; a shared connection used from several threads raises
    `ResourceInUseException`. Never use module-level `duckdb.sql()`.
  * A second process (a CLI, a second server) cannot open the file while the server runs
    ("Could not set lock on file"); stop the server first, or give it another IKT_STORE_PATH.
  * Durability: every write runs in its own transaction and is committed (WAL written) before a
    caller acknowledges it; after a crash (SIGKILL) DuckDB replays the WAL on the next open.

Every store fault on the way becomes `faults.StoreUnavailable`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

from ..config import get_settings
from .faults import is_fault, translated_errors, unavailable

_RETRIES = 20


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
                if not is_fault(exc):
                    raise
                raise unavailable(exc) from exc
            last = exc
        except (duckdb.Error, OSError) as exc:
            if not is_fault(exc):
                raise
            raise unavailable(exc) from exc
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
