"""User-written SQL on a locked-down, read-only DuckDB connection (SQL page and `sql` CLI).

Layers (DuckDB's own docs: configuration alone is not a sandbox, so we stack them):
1. `check_statement`: exactly one statement and it must be a SELECT (duckdb.extract_statements);
   everything else (writes, ATTACH, COPY, INSTALL/LOAD, SET/RESET, PRAGMA, CALL, ...) is refused.
2. The connection: a separate snapshot file of the overview opened READ_ONLY with external access
   (files, URLs, Python replacement scans) off, extension autoinstall/autoload and community
   extensions off, memory and thread limits, then `lock_configuration` (no SET can undo it).
3. A time limit: a threading.Timer calls `interrupt()` on the cursor that runs the query.
4. A row limit: only the first `max_rows` rows are fetched (the result streams), and a size limit:
   a result of more than `max_bytes` (one `repeat('x', 100000000)` is 100 MB) is refused before it
   is sent to the page, where it would exceed Streamlit's message limit with an English error.
Every refusal is an `SqlRefused` with one clear Norwegian sentence, never a traceback.
"""

from __future__ import annotations

import atexit
import datetime as dt
import decimal
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from pydantic import BaseModel

from .db import build_overview_database
from .sqlmessages import explain_error, first_line, norwegian_detail, too_large_message

_REFUSED_TYPES = {
    "INSERT": "Bare lesing er tillatt: INSERT endrer data.",
    "UPDATE": "Bare lesing er tillatt: UPDATE endrer data.",
    "DELETE": "Bare lesing er tillatt: DELETE endrer data.",
    "MERGE_INTO": "Bare lesing er tillatt: MERGE endrer data.",
    "CREATE": "Bare lesing er tillatt: CREATE lager nye objekter.",
    "CREATE_FUNC": "Bare lesing er tillatt: CREATE lager nye objekter.",
    "DROP": "Bare lesing er tillatt: DROP sletter objekter.",
    "ALTER": "Bare lesing er tillatt: ALTER endrer tabeller.",
    "ATTACH": "ATTACH er ikke tillatt: spørringer kan bare lese oversiktens egne tabeller.",
    "DETACH": "DETACH er ikke tillatt.",
    "COPY": "COPY er ikke tillatt: spørringer kan ikke lese eller skrive filer.",
    "COPY_DATABASE": "COPY er ikke tillatt: spørringer kan ikke lese eller skrive filer.",
    "EXPORT": "EXPORT er ikke tillatt: spørringer kan ikke skrive filer.",
    "LOAD": "INSTALL og LOAD er ikke tillatt: utvidelser kan ikke installeres eller lastes.",
    "EXTENSION": "Utvidelser kan ikke installeres eller lastes.",
    "SET": "SET, RESET og USE er ikke tillatt: innstillingene er låst.",
    "VARIABLE_SET": "SET VARIABLE er ikke tillatt: innstillingene er låst.",
    "PRAGMA": "PRAGMA er ikke tillatt: innstillingene er låst.",
    "CALL": "CALL er ikke tillatt; bruk SELECT (for eksempel SELECT * FROM duckdb_tables()).",
    "TRANSACTION": "Transaksjoner (BEGIN/COMMIT) er ikke tillatt; skriv én SELECT-spørring.",
    "EXPLAIN": "EXPLAIN er ikke tillatt her; skriv én SELECT-spørring.",
}


class SqlRefused(ValueError):
    """The query was refused or failed; the message is one clear Norwegian sentence."""


class SqlLimits(BaseModel, frozen=True):
    """Limits for one SQL query: time (seconds), rows returned, DuckDB memory limit and threads."""

    timeout_s: float = 5.0
    max_rows: int = 10_000
    max_bytes: int = 10_000_000  # the result's approximate size (text length, 8 bytes per other value)
    memory_limit: str = "256MB"
    threads: int = 2


class SqlResult(BaseModel, frozen=True):
    """A query's result: column names, rows (at most `max_rows`; `truncated` if more), run and wait time in ms."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool
    max_rows: int
    elapsed_ms: float  # running the query
    waited_ms: float = 0.0  # waiting for a free SQL worker before it could run (sqlworker.SqlPool)

    def to_frame(self) -> pd.DataFrame:
        """The rows as a DataFrame with the result's column names."""
        return pd.DataFrame(self.rows, columns=self.columns)

    def to_json_obj(self) -> dict[str, Any]:
        """{"columns": [...], "rows": [{column: value}, ...]} with JSON-safe values."""
        return {"columns": self.columns,
                "rows": [{c: _json_value(v) for c, v in zip(self.columns, row, strict=False)} for row in self.rows]}

    def to_csv(self) -> str:
        """The rows as CSV text (comma-separated, header line, no index)."""
        return self.to_frame().to_csv(index=False)


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return str(value)


def check_statement(sql: str) -> str:
    """The single SELECT statement in `sql` (without trailing ';'), or SqlRefused."""
    if not sql or not sql.strip():
        raise SqlRefused("Skriv en SELECT-spørring.")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        detail = first_line(exc)
        raise SqlRefused(norwegian_detail(detail) or f"Syntaksfeil i SQL. (Databasens melding: {detail})") from None
    if not statements:
        raise SqlRefused("Skriv en SELECT-spørring (teksten inneholder bare kommentarer).")
    if len(statements) > 1:
        raise SqlRefused(f"Bare én spørring om gangen er tillatt (fant {len(statements)} setninger adskilt med «;»).")
    kind = statements[0].type.name
    if kind != "SELECT":
        raise SqlRefused(_REFUSED_TYPES.get(kind, f"Bare SELECT-spørringer er tillatt (fikk {kind})."))
    return statements[0].query.strip().rstrip(";").strip()


_SNAPSHOT_LOCK = threading.Lock()
_snapshot: Path | None = None


def overview_snapshot() -> Path:
    """A read-only copy of the overview database in a private temp file, built once per process.

    A separate file because a read-only connection needs a file, and DuckDB refuses to open one
    file twice in a process with different configurations (the overview may itself be a file).
    """
    global _snapshot
    with _SNAPSHOT_LOCK:
        if _snapshot is None or not _snapshot.exists():
            folder = Path(tempfile.mkdtemp(prefix="ikt-oversikt-sql-"))
            atexit.register(shutil.rmtree, folder, True)
            path = folder / "oversikt.duckdb"
            with duckdb.connect(str(path)) as con:
                build_overview_database(con)
            _snapshot = path
        return _snapshot


_version_snapshots: dict[tuple[str, int], Path] = {}


def version_snapshot(version_id: int, workspace=None) -> Path:
    """A read-only copy of overview version `version_id` in a private temp file, built once per process and
    store (version 1: the same as `overview_snapshot`). Versions never change once stored. `workspace`
    (ikt_model.workspaces.Workspace or None): whose unpublished upload may be opened; checked on every call,
    versions.VersionError otherwise."""
    from ..config import get_settings
    from .version_db import write_version_file
    from .version_repository import shared_repository
    from .versions import REPORT_VERSION

    if int(version_id) == REPORT_VERSION:
        return overview_snapshot()
    shared_repository().info(int(version_id), workspace)  # the access check, also for a copy made earlier
    key = (str(get_settings().store_path), int(version_id))
    with _SNAPSHOT_LOCK:
        path = _version_snapshots.get(key)
        if path is None or not path.exists():
            folder = Path(tempfile.mkdtemp(prefix="ikt-oversikt-sql-"))
            atexit.register(shutil.rmtree, folder, True)
            path = folder / f"oversikt_v{int(version_id)}.duckdb"
            write_version_file(int(version_id), path, workspace)
            _version_snapshots[key] = path
        return path


def locked_connection(path: Path | None = None, limits: SqlLimits | None = None) -> duckdb.DuckDBPyConnection:
    """Read-only, no external access, no extensions, limited, configuration locked."""
    limits = limits or SqlLimits()
    return duckdb.connect(str(path or overview_snapshot()), read_only=True, config={
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "allow_community_extensions": False,
        "memory_limit": limits.memory_limit,
        "threads": limits.threads,
        "lock_configuration": True,
    })


def run_user_sql(sql: str, con: duckdb.DuckDBPyConnection, limits: SqlLimits | None = None) -> SqlResult:
    """Run one user SELECT on a cursor of the locked connection `con`, with time and row limits."""
    limits = limits or SqlLimits()
    statement = check_statement(sql)
    cur = con.cursor()
    timer = threading.Timer(limits.timeout_s, cur.interrupt)
    start = time.perf_counter()
    timer.start()
    try:
        cur.execute(statement)
        names = [d[0] for d in cur.description or []]
        rows = cur.fetchmany(limits.max_rows + 1)
    except duckdb.Error as exc:
        raise SqlRefused(explain_error(exc, limits)) from None
    finally:
        timer.cancel()
        cur.close()
    size = result_bytes(rows[:limits.max_rows])
    if size > limits.max_bytes:
        del rows  # a big text is freed at once, so the worker does not keep the memory
        raise SqlRefused(too_large_message(size, limits))
    return SqlResult(columns=_unique(names), rows=rows[:limits.max_rows], truncated=len(rows) > limits.max_rows,
                     max_rows=limits.max_rows, elapsed_ms=(time.perf_counter() - start) * 1000)


def result_bytes(rows: list[tuple[Any, ...]]) -> int:
    """Approximate size of `rows` in bytes: the length of every text or bytes value (lists and maps as
    their text), 8 for every other value. Cheap enough for `max_rows` rows; an estimate, not an exact count."""
    total = 0
    for row in rows:
        for value in row:
            if isinstance(value, (str, bytes)):
                total += len(value)
            elif isinstance(value, (list, tuple, dict)):
                total += len(str(value))
            else:
                total += 8
    return total


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out
