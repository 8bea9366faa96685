"""The store's health (ikt_model.store.health): the check finds a damaged or cut-short file and counts the rows
of a healthy one; a damaged store is read back through a read-only open, never written. Real damage, not mocks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.store.faults import StoreUnavailable
from ikt_model.store.health import check, recover, wal_path
from ikt_model.workshop import access
from ikt_model.workshop.repository import WorkshopRepository


def _store_with_votes(path: Path, n: int) -> None:
    repo = WorkshopRepository(connect_store(path))
    workshop, _ = repo.create("Skadet", "poeng", Profile())
    for i in range(n):
        repo.submit_vote(workshop.code, access.new_participant_token(), f"P{i}", points={1: 1 + i % 10, 2: 3})
    repo.con.execute("CHECKPOINT")
    repo.con.close()


def test_damaged_header_is_named_and_not_repaired(tmp_path):
    path = tmp_path / "store.duckdb"
    _store_with_votes(path, 5)
    data = bytearray(path.read_bytes())
    data[:4096] = os.urandom(4096)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreUnavailable) as info:
        connect_store(path)
    assert info.value.kind == "damaged"
    assert check(path).kind == "damaged"
    with pytest.raises(StoreUnavailable):
        recover(path, tmp_path / "ny.duckdb")


def test_damaged_write_ahead_log_read_back_with_a_read_only_open(tmp_path):
    """Server killed, its write-ahead log damaged: the normal open refuses; recover reads every
    checkpointed row back through a read-only open of the file and says the log was skipped."""
    path = tmp_path / "store.duckdb"
    _store_with_votes(path, 30)
    # the server's last writes (in the log only), then a damaged log
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO workshop_votes SELECT workshop_id, participant_hash || 'x', display_name, points_json, "
                "ranking_json, revisions, created_at, updated_at FROM workshop_votes LIMIT 3")
    snapshot, log = tmp_path / "kill.duckdb", tmp_path / "kill.duckdb.wal"
    shutil.copyfile(path, snapshot)
    shutil.copyfile(wal_path(path), log)  # what a SIGKILL leaves behind
    con.close()
    wal = bytearray(log.read_bytes())
    wal[len(wal) // 3: len(wal) // 3 + 32] = os.urandom(32)
    log.write_bytes(bytes(wal))

    with pytest.raises(StoreUnavailable) as info:
        connect_store(snapshot)
    assert info.value.kind == "damaged"
    result = recover(snapshot, tmp_path / "gjenopprettet.duckdb")
    assert result.wal_skipped and not result.failed
    assert result.copied["workshop_votes"] == 30 and result.copied["workshops"] == 1
    assert log.read_bytes() == bytes(wal)  # the damaged files are never written
    # the recovered file is a working store with its keys
    repo = WorkshopRepository(connect_store(tmp_path / "gjenopprettet.duckdb"))
    assert repo.answer_count(repo._read("SELECT id FROM workshops", [])[0][0]) == 30
    assert check(tmp_path / "gjenopprettet.duckdb").ok


def test_truncated_file_is_found_by_the_check(tmp_path):
    path = tmp_path / "store.duckdb"
    repo = WorkshopRepository(connect_store(path))  # schema only, then many rows in one checkpoint
    repo.con.execute("INSERT INTO workshop_votes SELECT 'w', md5(range::VARCHAR), md5((range * 7)::VARCHAR), '{}', "
                     "NULL, 1, now(), now() FROM range(100000)")
    repo.con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 10])  # cut short (the disk filled during a copy, say)
    status = check(path)
    assert not status.ok and status.kind == "damaged"


def test_check_of_a_healthy_store_counts_rows_and_names_no_path(tmp_path):
    path = tmp_path / "store.duckdb"
    _store_with_votes(path, 4)
    status = check(path)
    assert status.ok and status.rows["workshop_votes"] == 4 and status.rows["workshops"] == 1
    assert str(tmp_path) not in status.message and "workshop_votes: 4" in status.message

