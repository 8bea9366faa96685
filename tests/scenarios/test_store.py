"""Scenarios in the durable DuckDB store: save, list, load, rename, delete, survive a reopen."""

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights, preset
from ikt_model.scenarios.model import ScenarioError, scenario_from_state
from ikt_model.scenarios.store import COMPONENT, MIGRATIONS, ScenarioStore
from ikt_model.store.connection import connect_store
from ikt_model.store.schema import schema_version
from ikt_model.workspaces import WorkspaceRepository


@pytest.fixture
def store(tmp_path):
    con = connect_store(tmp_path / "store.duckdb")
    yield ScenarioStore(con, WorkspaceRepository(con).create()[0])
    con.close()


def test_save_list_get(store):
    a = store.save(scenario_from_state("Uten ROBEK", Profile(), default_weights()))
    store.save(scenario_from_state("Med ROBEK", Profile(host_on_robek=True), preset("like"), "like", {"ff.as.1": 2}))
    assert {i.name for i in store.list()} == {"Uten ROBEK", "Med ROBEK"}
    got = store.get("med robek")
    assert got.profile.host_on_robek and got.overrides == {"ff.as.1": 2} and got.weights == preset("like")
    assert store.get("Uten ROBEK") == a
    assert schema_version(store.con, COMPONENT) == len(MIGRATIONS)


def test_duplicate_name_and_overwrite(store):
    first = store.save(scenario_from_state("A", Profile(), default_weights()))
    with pytest.raises(ScenarioError, match="finnes allerede"):
        store.save(scenario_from_state("a", Profile(host_on_robek=True), default_weights()))
    assert store.get("A").profile.host_on_robek is False  # nothing changed
    saved = store.save(scenario_from_state("A", Profile(host_on_robek=True), default_weights()), overwrite=True)
    assert saved.created == first.created and store.get("A").profile.host_on_robek is True
    assert len(store.list()) == 1


def test_rename_and_delete(store):
    store.save(scenario_from_state("A", Profile(), default_weights()))
    store.save(scenario_from_state("B", Profile(), default_weights()))
    with pytest.raises(ScenarioError, match="finnes allerede"):
        store.rename("A", "b")
    with pytest.raises(ScenarioError, match="navn"):
        store.rename("A", "  ")
    renamed = store.rename("A", "  Ny   A ")
    assert renamed.name == "Ny A" and store.get("Ny A").name == "Ny A"
    store.rename("B", "b")  # case change of the same scenario is fine
    with pytest.raises(ScenarioError, match="Fant ikke"):
        store.get("A")
    store.delete("Ny A")
    assert [i.name for i in store.list()] == ["b"]
    with pytest.raises(ScenarioError, match="Fant ikke"):
        store.delete("Ny A")


def test_survives_reopen(tmp_path):
    path = tmp_path / "s.duckdb"
    con = connect_store(path)
    workspace = WorkspaceRepository(con).create()[0]
    ScenarioStore(con, workspace).save(scenario_from_state("Varig", Profile(), default_weights()))
    con.close()
    con = connect_store(path)
    assert ScenarioStore(con, workspace).get("Varig").name == "Varig"
    con.close()


def test_stale_row_gives_clear_message(store):
    store.save(scenario_from_state("Gammel", Profile(), default_weights()))
    cur = store.con.cursor()
    cur.execute("UPDATE scenarios SET payload = replace(payload, '\"schema_version\":1', '\"schema_version\":9')")
    with pytest.raises(ScenarioError, match="kan ikke leses lenger"):
        store.get("Gammel")
