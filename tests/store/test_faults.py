"""The durable store under faults (ikt_model.store.faults): a second process on the file, a read-only folder,
a full disk (a damaged file or write-ahead log: test_health.py). Real faults (a second process, tmpfs mounts
when allowed), not mocks; every message is one Norwegian sentence without a path or a process id."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.store.faults import FAULT_MESSAGES, StoreUnavailable, classify
from ikt_model.store.health import check
from ikt_model.workshop import access
from ikt_model.workshop.repository import WorkshopRepository

PID_OR_PATH = re.compile(r"(PID|pid|/tmp|/root|/home|\.duckdb|Error|Exception)")


def assert_plain_norwegian(message: str) -> None:
    assert not PID_OR_PATH.search(message), message
    assert message.count(".") <= 1 and message.endswith("."), "one sentence"
    assert "driftsansvarlig" in message or "den som drifter løsningen" in message  # who must act


class Holder:
    """Another process that opens the store read-write and keeps it (a second server)."""

    def __init__(self, path: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
             "print('held', flush=True); time.sleep(120)", str(path)], stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "held"

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture
def held_store(tmp_path):
    path = tmp_path / "store.duckdb"
    WorkshopRepository(connect_store(path)).con.close()
    holder = Holder(path)
    yield path
    holder.stop()


def mount_tmpfs(where: Path, options: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs (read-only / full disk)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")


def unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], check=False)


def test_every_message_is_one_norwegian_sentence_for_the_operator():
    for message in FAULT_MESSAGES.values():
        assert_plain_norwegian(message)
    assert "IKT_STORE_PATH" in FAULT_MESSAGES["locked"]
    assert "store recover" in FAULT_MESSAGES["damaged"]


@pytest.mark.parametrize("text, kind", [
    ('IO Error: Could not set lock on file "/x/store.duckdb": Conflicting lock is held in python (PID 42)', "locked"),
    ('IO Error: Cannot open file "/x/store.duckdb": Read-only file system', "read_only"),
    ('IO Error: Cannot open file "/x/store.duckdb": Permission denied', "read_only"),
    ('TransactionContext Error: Failed to commit: Could not write file "/x/store.duckdb.wal": No space left on device',
     "disk_full"),
    ('IO Error: The file "/x/store.duckdb" exists, but it is not a valid DuckDB database file!', "damaged"),
    ("Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 12288",
     "damaged"),
    ('Failure while replaying WAL file "/x/store.duckdb.wal": WAL does not match database file.', "damaged"),
    ("Something else entirely", "unknown"),
])
def test_classify_duckdb_messages(text, kind):
    fault = classify(duckdb.IOException(text))
    assert fault.kind == kind
    assert fault.message == FAULT_MESSAGES[kind]
    assert text in fault.detail  # the operator's log keeps the original


def test_second_process_on_the_same_file_gets_the_lock_message(held_store, caplog):
    with pytest.raises(StoreUnavailable) as info:
        connect_store(held_store)
    assert info.value.kind == "locked"
    assert_plain_norwegian(info.value.message)
    assert str(held_store) in info.value.detail and "PID" in info.value.detail  # for the log only
    assert any("locked" in r.getMessage() for r in caplog.records)  # logged server-side
    status = check(held_store)
    assert not status.ok and status.kind == "locked" and status.message == FAULT_MESSAGES["locked"]


def test_read_only_folder(tmp_path):
    ro = tmp_path / "ro"
    if os.geteuid() == 0:
        mount_tmpfs(ro, "ro,size=1m")
    else:
        ro.mkdir()
        ro.chmod(0o555)
    try:
        with pytest.raises(StoreUnavailable) as info:
            connect_store(ro / "lager" / "store.duckdb")
        assert info.value.kind == "read_only"
        assert not check(ro / "store.duckdb").ok
    finally:
        if os.geteuid() == 0:
            unmount(ro)
        else:
            ro.chmod(0o755)


def test_full_disk_refuses_the_write_and_keeps_what_was_stored(tmp_path):
    disk = tmp_path / "small"
    mount_tmpfs(disk, "size=320k")
    try:
        path = disk / "store.duckdb"
        repo = WorkshopRepository(connect_store(path))
        committed = 0
        with pytest.raises(StoreUnavailable) as info:
            for i in range(20000):
                if i % 150 == 0:
                    workshop, _ = repo.create(f"Full disk {i}", "poeng", Profile())
                repo.submit_vote(workshop.code, access.new_participant_token(), "x" * 40,
                                 points={1 + i % 12: 3, 2: 5})
                committed += 1
        assert info.value.kind == "disk_full"
        assert committed > 0
        # nothing acknowledged is missing
        assert repo._read("SELECT count(*) FROM workshop_votes", [])[0][0] == committed
        repo.con.close()
        reopened = duckdb.connect(str(path), read_only=True)
        assert reopened.execute("SELECT count(*) FROM workshop_votes").fetchone()[0] == committed
        reopened.close()
    finally:
        unmount(disk)

def test_the_lock_is_released_when_the_other_process_stops(tmp_path):
    path = tmp_path / "store.duckdb"
    WorkshopRepository(connect_store(path)).con.close()
    holder = Holder(path)
    assert check(path).kind == "locked"
    holder.stop()
    time.sleep(0.2)
    assert check(path).ok
