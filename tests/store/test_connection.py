"""Opening and using the durable store (ikt_model.store.connection): path from configuration, transactions,
writes that retry on conflicts."""

import threading

import pytest

from ikt_model.store import connection


def test_connect_store_uses_configured_path_and_creates_folder(tmp_path, monkeypatch):
    target = tmp_path / "nested" / "deeper" / "store.duckdb"
    monkeypatch.setenv("IKT_STORE_PATH", str(target))
    con = connection.connect_store()
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    assert target.exists()


def test_run_write_retries_conflicts_and_loses_no_increment(tmp_path):
    con = connection.connect_store(tmp_path / "s.duckdb")
    con.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, n INTEGER)")
    con.execute("INSERT INTO c VALUES (1, 0)")

    def bump(cur):
        cur.execute("UPDATE c SET n = n + 1 WHERE id = 1")

    threads = [threading.Thread(target=connection.run_write, args=(con, bump, 200)) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert con.execute("SELECT n FROM c").fetchone() == (10,)


def test_transaction_rolls_back_on_error(tmp_path):
    con = connection.connect_store(tmp_path / "s.duckdb")
    con.execute("CREATE TABLE t (a INTEGER)")
    cur = con.cursor()
    with pytest.raises(ValueError):
        with connection.transaction(cur):
            cur.execute("INSERT INTO t VALUES (1)")
            raise ValueError("stop")
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)

