"""`python -m ikt_model store check|recover`: the operator's view of the store (real processes)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.store.health import wal_path
from ikt_model.workshop import access
from ikt_model.workshop.repository import WorkshopRepository

REPO = Path(__file__).resolve().parents[2]


def cli(*args, store: Path):
    env = {**os.environ, "IKT_STORE_PATH": str(store)}
    return subprocess.run([sys.executable, "-m", "ikt_model", "store", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)


def make_store(path: Path, votes: int) -> None:
    repo = WorkshopRepository(connect_store(path))
    workshop, _ = repo.create("CLI", "poeng", Profile())
    for i in range(votes):
        repo.submit_vote(workshop.code, access.new_participant_token(), f"P{i}", points={1: 1 + i % 9, 3: 2})
    repo.con.close()


def test_check_healthy_and_json(tmp_path):
    store = tmp_path / "store.duckdb"
    make_store(store, 3)
    done = cli("check", store=store)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Lageret er i orden (") and "workshop_votes: 3" in done.stdout
    data = json.loads(cli("check", "--format", "json", store=store).stdout)
    assert data["ok"] is True and data["rows"]["workshops"] == 1


def test_check_locked_store_one_norwegian_line(tmp_path):
    store = tmp_path / "store.duckdb"
    make_store(store, 1)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); time.sleep(60)", str(store)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        done = cli("check", store=store)
        assert done.returncode == 2
        assert done.stderr.startswith("feil: Lageret er i bruk av en annen serverprosess")
        assert done.stderr.count("\n") == 1 and "PID" not in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()


def test_recover_a_store_whose_write_ahead_log_is_damaged(tmp_path):
    live = tmp_path / "live.duckdb"
    make_store(live, 12)
    con = duckdb.connect(str(live))  # a last write that lives only in the write-ahead log, then a kill
    con.execute("UPDATE workshops SET title = 'Sist endret'")
    store = tmp_path / "store.duckdb"
    shutil.copyfile(live, store)
    log = bytearray(wal_path(live).read_bytes())
    con.close()
    log[len(log) // 3: len(log) // 3 + 16] = b"\xff" * 16  # damaged in the middle: cannot be replayed
    wal_path(store).write_bytes(bytes(log))
    assert cli("check", store=store).returncode == 2
    target = tmp_path / "ny.duckdb"
    done = cli("recover", "--to", str(target), store=store)
    assert done.returncode == 0, done.stderr
    assert "workshop_votes: 12 rader lest tilbake" in done.stdout and "Skriveloggen (.wal) var skadet" in done.stdout
    assert cli("check", store=target).returncode == 0
    again = cli("recover", "--to", str(target), store=store)
    assert again.returncode == 2 and again.stderr.startswith("feil: ") and "finnes fra før" in again.stderr
