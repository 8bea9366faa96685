"""The store's versioned schema (ikt_model.store.schema): migrations per component, applied once, in one
transaction."""

import threading

import duckdb
import pytest

from ikt_model.store import schema
from ikt_model.store.connection import connect_store


def test_ensure_schema_applies_only_new_migrations(tmp_path):
    con = connect_store(tmp_path / "s.duckdb")
    v1 = ["CREATE TABLE t (a INTEGER PRIMARY KEY)"]
    schema.ensure_schema(con, "demo", v1)
    schema.ensure_schema(con, "demo", v1)  # idempotent: would fail if re-applied
    assert schema.schema_version(con, "demo") == 1
    schema.ensure_schema(con, "demo", v1 + ["ALTER TABLE t ADD COLUMN b VARCHAR"])
    assert schema.schema_version(con, "demo") == 2
    con.execute("INSERT INTO t VALUES (1, 'x')")
    assert con.execute("SELECT b FROM t").fetchone() == ("x",)


def test_components_are_versioned_independently(tmp_path):
    con = connect_store(tmp_path / "s.duckdb")
    schema.ensure_schema(con, "workshop", ["CREATE TABLE w (a INTEGER)"])
    schema.ensure_schema(con, "scenarios", ["CREATE TABLE s (a INTEGER)", "ALTER TABLE s ADD COLUMN b INTEGER"])
    assert schema.schema_version(con, "workshop") == 1
    assert schema.schema_version(con, "scenarios") == 2


def test_failed_migration_rolls_back_and_keeps_version(tmp_path):
    con = connect_store(tmp_path / "s.duckdb")
    schema.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])
    with pytest.raises(duckdb.Error):
        schema.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)", "CREATE TABLE u (a INTEGER)",
                                           "THIS IS NOT SQL"])
    assert schema.schema_version(con, "demo") == 1
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "u" not in tables


def test_newer_schema_than_code_is_refused(tmp_path):
    con = connect_store(tmp_path / "s.duckdb")
    schema.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)", "CREATE TABLE u (a INTEGER)"])
    with pytest.raises(RuntimeError):
        schema.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])


def test_schema_survives_reopen(tmp_path):
    path = tmp_path / "s.duckdb"
    con = connect_store(path)
    schema.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])
    con.close()
    con = connect_store(path)
    assert schema.schema_version(con, "demo") == 1


def test_ensure_schema_from_many_threads_applies_once(tmp_path):
    con = connect_store(tmp_path / "s.duckdb")
    errors = []

    def work():
        try:
            schema.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert schema.schema_version(con, "demo") == 1

