"""`python -m ikt_model workspace ...`: the operator prints the legacy workspace's link; it opens the
scenarios stored before workspaces existed, and printing again makes the old link stop working."""

import subprocess
import sys
from pathlib import Path

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.scenarios.model import scenario_from_state
from ikt_model.scenarios.store import COMPONENT, MIGRATIONS, ScenarioStore
from ikt_model.store.connection import connect_store
from ikt_model.store.schema import ensure_schema
from ikt_model.workspaces import LEGACY_ID, WorkspaceDenied, WorkspaceRepository

REPO = Path(__file__).resolve().parents[2]


def cli(*args, store: Path):
    env = {"IKT_STORE_PATH": str(store), "PATH": "/usr/bin:/bin", "HOME": str(store.parent)}
    return subprocess.run([sys.executable, "-m", "ikt_model", "workspace", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=120)


def _old_store(path: Path) -> None:
    con = connect_store(path)
    ensure_schema(con, COMPONENT, MIGRATIONS[:1])  # the schema before workspaces
    s = scenario_from_state("Fra før", Profile(), default_weights())
    con.execute("INSERT INTO scenarios VALUES ('old', ?, ?, ?, ?)", [s.name, s.model_dump_json(), s.created, s.updated])
    con.close()


def test_legacy_link_opens_the_old_scenarios_and_renews(tmp_path):
    store = tmp_path / "store.duckdb"
    _old_store(store)
    first = cli("legacy-link", "--base-url", "https://ikt.example.no", store=store)
    assert first.returncode == 0, first.stderr
    link, summary = first.stdout.strip().splitlines()
    assert link.startswith(f"https://ikt.example.no/scenarier?sak={LEGACY_ID}.")
    assert "1 scenarier" in summary
    second = cli("legacy-link", "--base-url", "https://ikt.example.no", store=store)
    new_link = second.stdout.splitlines()[0]
    assert new_link != link
    con = connect_store(store)
    try:
        repo = WorkspaceRepository(con)
        try:
            repo.open(link)
            raise AssertionError("the first link still opens the workspace")
        except WorkspaceDenied:
            pass
        legacy = repo.open(new_link)
        assert [i.name for i in ScenarioStore(con, legacy).list()] == ["Fra før"]
        secret = new_link.split(".", 1)[1]
        assert all(secret not in (h or "") for _, h in repo.stored_hashes())
    finally:
        con.close()
    count = cli("count", store=store)
    assert count.returncode == 0 and count.stdout.strip() == "1 saker, 1 scenarier (1 av dem lagret før sakene kom)"


def test_bad_base_url_is_one_norwegian_line(tmp_path):
    done = cli("legacy-link", "--base-url", "ftp://x", store=tmp_path / "store.duckdb")
    assert done.returncode == 2 and done.stderr.strip().startswith("feil: --base-url må begynne med")
    assert len(done.stderr.strip().splitlines()) == 1
