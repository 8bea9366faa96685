"""Nothing is lost: 100 simultaneous submissions, and a SIGKILL mid-workshop then reopen."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.workshop import access
from ikt_model.workshop.repository import WorkshopRepository

REPO = Path(__file__).resolve().parents[2]


def test_100_concurrent_submissions_lose_none(tmp_path):
    repo = WorkshopRepository(connect_store(tmp_path / "store.duckdb"))
    workshop, key = repo.create("Samtidighet", "poeng", Profile())
    tokens = [access.new_participant_token() for _ in range(100)]
    barrier = threading.Barrier(len(tokens))
    acked, errors = [], []

    def participant(i, token):
        barrier.wait()
        try:
            repo.submit_vote(workshop.code, token, f"Deltaker {i}", points={1 + i % 12: 1 + i % 10})
            acked.append(token)
        except Exception as exc:  # reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=participant, args=(i, t)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(acked) == 100
    votes = repo.votes(workshop.id, key)
    assert len(votes) == 100
    assert {v.display_name for v in votes} == {f"Deltaker {i}" for i in range(100)}
    # revisions at once from the same 100 participants: still one row each, all revised
    threads = [threading.Thread(target=repo.submit_vote, args=(workshop.code, t, "R"),
                                kwargs={"points": {2: 7}}) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    votes = repo.votes(workshop.id, key)
    assert len(votes) == 100 and all(v.revisions == 2 and v.points[2] == 7 for v in votes)


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from ikt_model.decision.profile import Profile
    from ikt_model.store.connection import connect_store
    from ikt_model.workshop import access
    from ikt_model.workshop.repository import WorkshopRepository

    repo = WorkshopRepository(connect_store(Path(sys.argv[1])))
    workshop, key = repo.create("Krasj", "poeng", Profile())
    print("WORKSHOP", workshop.id, workshop.code, key.get_secret_value(), flush=True)
    i = 0
    while True:  # until killed
        token = access.new_participant_token()
        repo.submit_vote(workshop.code, token, f"P{i}", points={1 + i % 12: 5})
        print("ACK", token, flush=True)  # acknowledged only after submit_vote returned
        i += 1
""")


def test_sigkill_mid_workshop_keeps_every_acknowledged_vote(tmp_path):
    path = tmp_path / "store.duckdb"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    proc = subprocess.Popen([sys.executable, str(script), str(path)], cwd=REPO, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    header = proc.stdout.readline().split()
    assert header[0] == "WORKSHOP", header
    workshop_id, key = header[1], header[3]
    acked = []
    for line in proc.stdout:
        acked.append(line.split()[1])
        if len(acked) >= 150:
            break
    proc.send_signal(signal.SIGKILL)  # mid-write: the writer never stops on its own
    rest, _ = proc.communicate(timeout=10)
    acked += [line.split()[1] for line in rest.splitlines() if line.startswith("ACK ")]
    assert proc.returncode == -signal.SIGKILL

    repo = WorkshopRepository(connect_store(path))  # reopen: DuckDB replays the WAL
    for token in acked:
        assert repo.own_vote(workshop_id, token) is not None, token
    assert len(repo.votes(workshop_id, key)) >= len(acked)
