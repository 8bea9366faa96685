"""Workspaces in the store: isolation, hash-only storage, renewal, deletion needs the workspace, migration."""

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.scenarios.model import ScenarioError, scenario_from_state
from ikt_model.scenarios.store import COMPONENT, MIGRATIONS, ScenarioStore
from ikt_model.store.connection import connect_store
from ikt_model.store.schema import ensure_schema, schema_version
from ikt_model.workspaces import LEGACY_ID, WorkspaceDenied, WorkspaceError, WorkspaceRepository
from ikt_model.workspaces.access import link_value


@pytest.fixture
def con(tmp_path):
    con = connect_store(tmp_path / "store.duckdb")
    yield con
    con.close()


def _scenario(name: str):
    return scenario_from_state(name, Profile(), default_weights())


def test_two_workspaces_see_only_their_own(con):
    repo = WorkspaceRepository(con)
    (heroy, _), (valer, _) = repo.create(), repo.create()
    a, b = ScenarioStore(con, heroy), ScenarioStore(con, valer)
    a.save(_scenario("Herøy utkast"))
    b.save(_scenario("Våler utkast"))
    b.save(_scenario("Felles navn"))
    a.save(_scenario("Felles navn"))  # the same name in two workspaces is two scenarios
    assert [i.name for i in a.list()] == ["Felles navn", "Herøy utkast"]
    assert sorted(i.name for i in b.list()) == ["Felles navn", "Våler utkast"]
    for action in (lambda: a.get("Våler utkast"), lambda: a.rename("Våler utkast", "Mitt"),
                   lambda: a.delete("Våler utkast")):
        with pytest.raises(ScenarioError, match="Fant ikke"):
            action()
    assert sorted(i.name for i in b.list()) == ["Felles navn", "Våler utkast"]  # nothing touched
    a.delete("Felles navn")  # deletes Herøy's, not Våler's
    assert [i.name for i in a.list()] == ["Herøy utkast"]
    assert sorted(i.name for i in b.list()) == ["Felles navn", "Våler utkast"]


def test_a_store_needs_an_opened_workspace(con):
    with pytest.raises(WorkspaceError, match="Åpne saken"):
        ScenarioStore(con, None)  # type: ignore[arg-type]
    with pytest.raises(WorkspaceError):
        ScenarioStore(con, LEGACY_ID)  # type: ignore[arg-type]  an id alone is not a workspace


def test_only_the_hash_is_stored(con, tmp_path):
    repo = WorkspaceRepository(con)
    workspace, secret = repo.create()
    raw = secret.get_secret_value()
    rows = repo.stored_hashes()
    assert rows == [(workspace.id, rows[0][1])] and len(rows[0][1]) == 64 and raw not in rows[0][1]
    con.execute("CHECKPOINT")
    assert raw.encode() not in (tmp_path / "store.duckdb").read_bytes()


def test_link_opens_the_workspace_and_wrong_ones_are_refused(con):
    repo = WorkspaceRepository(con)
    workspace, secret = repo.create()
    value = link_value(workspace.id, secret)
    assert repo.open(value).id == workspace.id
    assert repo.open(f"http://127.0.0.1:8501/scenarier?sak={value}").id == workspace.id
    raw = secret.get_secret_value()
    guessed = raw[:-1] + ("A" if raw[-1] != "A" else "B")
    for bad in (value[:-1], link_value(workspace.id, guessed), link_value("f" * 16, raw), value + "x", ""):
        with pytest.raises(WorkspaceDenied, match="Lenken åpner ingen sak"):
            repo.open(bad)


def test_renewal_stops_the_old_link(con):
    repo = WorkspaceRepository(con)
    workspace, old = repo.create()
    new = repo.renew(workspace)
    assert new.get_secret_value() != old.get_secret_value()
    with pytest.raises(WorkspaceDenied):
        repo.open(link_value(workspace.id, old))
    opened = repo.open(link_value(workspace.id, new))
    assert opened.id == workspace.id and opened.renewed is not None


def test_wrong_id_wrong_secret_and_malformed_link_take_the_same_work(con, monkeypatch):
    """No timing difference worth measuring: every refusal does one lookup by id and one SHA-256 +
    constant-time compare (against a dummy hash when there is no row). The times themselves are printed
    by scripts/bench_saksbehandling.py (timed assertions do not belong in tests on a shared machine)."""
    from ikt_model.workspaces import access

    repo = WorkspaceRepository(con)
    workspace, secret = repo.create()
    raw = secret.get_secret_value()
    calls: list[tuple[str, str | None]] = []
    real = access.secret_matches

    def spy(presented, stored):
        calls.append((presented, stored))
        return real(presented, stored)

    monkeypatch.setattr(access, "secret_matches", spy)
    cases = {"wrong secret": link_value(workspace.id, raw[::-1]), "unknown id": link_value("a" * 16, raw),
             "truncated": link_value(workspace.id, raw)[:-3]}
    for label, link in cases.items():
        calls.clear()
        with pytest.raises(WorkspaceDenied) as refused:
            repo.open(link)
        assert len(calls) == 1, label
        assert str(refused.value) == access.REFUSED  # the same sentence, whatever was wrong
    calls.clear()
    assert repo.open(link_value(workspace.id, raw)).id == workspace.id and len(calls) == 1


def test_migration_from_the_previous_schema_moves_scenarios_to_the_legacy_workspace(con):
    # the store as the previous version left it: scenarios schema version 1, no workspaces
    ensure_schema(con, COMPONENT, MIGRATIONS[:1])
    old = [_scenario("Gammel A"), _scenario("Gammel B")]
    for i, s in enumerate(old):
        con.execute("INSERT INTO scenarios VALUES (?, ?, ?, ?, ?)",
                    [f"id{i}", s.name, s.model_dump_json(), s.created, s.updated])
    assert schema_version(con, COMPONENT) == 1
    repo = WorkspaceRepository(con)
    fresh, _ = repo.create()
    assert ScenarioStore(con, fresh).list() == []  # migrates; a new workspace sees none of the old ones
    assert schema_version(con, COMPONENT) == len(MIGRATIONS) == 3
    rows = con.execute("SELECT id, name, workspace FROM scenarios ORDER BY id").fetchall()
    assert rows == [("id0", "Gammel A", LEGACY_ID), ("id1", "Gammel B", LEGACY_ID)]  # nothing lost
    # the legacy workspace has no secret: nothing opens it until the operator asks for its link
    with pytest.raises(WorkspaceDenied):
        repo.open(link_value(LEGACY_ID, "A" * 43))
    secret = repo.legacy_secret()
    legacy = repo.open(link_value(LEGACY_ID, secret))
    assert legacy.is_legacy
    assert sorted(i.name for i in ScenarioStore(con, legacy).list()) == ["Gammel A", "Gammel B"]
    again = repo.legacy_secret()  # printing the link again renews it
    with pytest.raises(WorkspaceDenied):
        repo.open(link_value(LEGACY_ID, secret))
    assert repo.open(link_value(LEGACY_ID, again)).is_legacy


def test_renew_needs_an_opened_workspace(con):
    with pytest.raises(WorkspaceError):
        WorkspaceRepository(con).renew("0" * 16)  # type: ignore[arg-type]

