"""The store's versioned schema.

Each component ("workshop", "scenarios", ...) owns an ordered list of migrations
(SQL strings). `ensure_schema(con, component, migrations)` applies the ones not yet applied, in
one transaction, and records the component's version in `schema_version`. Append new migrations
to the end of a list; never edit or reorder one that has shipped.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import duckdb

from .connection import transaction
from .faults import translated_errors

_SCHEMA_LOCK = threading.Lock()


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
