"""The store's health: `check()` (the start-up and CLI health check) reads every row of every table, and
`recover()` reads a damaged file back through a read-only open (which reads the blocks that are still
intact) into a new file. Neither ever writes the store it examines, beyond `check()`'s checkpoint.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from pydantic import BaseModel

from ..config import get_settings
from .connection import connect_store, read
from .faults import LOG, FaultKind, StoreUnavailable, translated_errors, unavailable


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
                    raise unavailable(exc) from exc
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
