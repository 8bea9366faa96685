"""The shared durable store: path from configuration, versioned schema per component, transactions."""

import threading

import duckdb
import pytest

from ikt_model import store


def test_connect_store_uses_configured_path_and_creates_folder(tmp_path, monkeypatch):
    target = tmp_path / "nested" / "deeper" / "store.duckdb"
    monkeypatch.setenv("IKT_STORE_PATH", str(target))
    con = store.connect_store()
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    assert target.exists()


def test_ensure_schema_applies_only_new_migrations(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    v1 = ["CREATE TABLE t (a INTEGER PRIMARY KEY)"]
    store.ensure_schema(con, "demo", v1)
    store.ensure_schema(con, "demo", v1)  # idempotent: would fail if re-applied
    assert store.schema_version(con, "demo") == 1
    store.ensure_schema(con, "demo", v1 + ["ALTER TABLE t ADD COLUMN b VARCHAR"])
    assert store.schema_version(con, "demo") == 2
    con.execute("INSERT INTO t VALUES (1, 'x')")
    assert con.execute("SELECT b FROM t").fetchone() == ("x",)


def test_components_are_versioned_independently(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    store.ensure_schema(con, "workshop", ["CREATE TABLE w (a INTEGER)"])
    store.ensure_schema(con, "scenarios", ["CREATE TABLE s (a INTEGER)", "ALTER TABLE s ADD COLUMN b INTEGER"])
    assert store.schema_version(con, "workshop") == 1
    assert store.schema_version(con, "scenarios") == 2


def test_failed_migration_rolls_back_and_keeps_version(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    store.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])
    with pytest.raises(duckdb.Error):
        store.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)", "CREATE TABLE u (a INTEGER)",
                                          "THIS IS NOT SQL"])
    assert store.schema_version(con, "demo") == 1
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "u" not in tables


def test_newer_schema_than_code_is_refused(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    store.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)", "CREATE TABLE u (a INTEGER)"])
    with pytest.raises(RuntimeError):
        store.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])


def test_schema_survives_reopen(tmp_path):
    path = tmp_path / "s.duckdb"
    con = store.connect_store(path)
    store.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])
    con.close()
    con = store.connect_store(path)
    assert store.schema_version(con, "demo") == 1


def test_ensure_schema_from_many_threads_applies_once(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    errors = []

    def work():
        try:
            store.ensure_schema(con, "demo", ["CREATE TABLE t (a INTEGER)"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.schema_version(con, "demo") == 1


def test_run_write_retries_conflicts_and_loses_no_increment(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    con.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, n INTEGER)")
    con.execute("INSERT INTO c VALUES (1, 0)")

    def bump(cur):
        cur.execute("UPDATE c SET n = n + 1 WHERE id = 1")

    threads = [threading.Thread(target=store.run_write, args=(con, bump, 200)) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert con.execute("SELECT n FROM c").fetchone() == (10,)


def test_transaction_rolls_back_on_error(tmp_path):
    con = store.connect_store(tmp_path / "s.duckdb")
    con.execute("CREATE TABLE t (a INTEGER)")
    cur = con.cursor()
    with pytest.raises(ValueError):
        with store.transaction(cur):
            cur.execute("INSERT INTO t VALUES (1)")
            raise ValueError("stop")
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
