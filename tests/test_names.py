"""Names that look the same are the same: NFC, trimmed, control characters removed, everywhere."""

import unicodedata
from datetime import date

import pytest
from pydantic import BaseModel

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.memo import build_memo
from ikt_model.names import CleanText, clean_text, name_key
from ikt_model.scenarios.model import ScenarioError, clean_name, export_json, import_json, scenario_from_state
from ikt_model.scenarios.store import ScenarioStore
from ikt_model.store.connection import connect_store
from ikt_model.workshop import access
from ikt_model.workshop.repository import WorkshopRepository
from ikt_model.workspaces import WorkspaceRepository

NFC = unicodedata.normalize("NFC", "Ålesund med ROBEK")
NFD = unicodedata.normalize("NFD", "Ålesund med ROBEK")


def test_the_two_forms_differ_as_code_points_but_not_after_cleaning():
    assert NFC != NFD and len(NFD) == len(NFC) + 1
    assert clean_text(NFD) == NFC
    assert clean_text(f" \t{NFD}\u200b\n ") == NFC
    assert clean_text("Med\u202e  ROBEK\x00") == "Med ROBEK"
    assert name_key(NFD) == name_key(NFC.upper()) == name_key("ålesund MED robek")


def test_clean_text_type_at_a_pydantic_boundary():
    class Named(BaseModel):
        name: CleanText

    assert Named(name=f"  {NFD} ").name == NFC


@pytest.fixture
def con(tmp_path):
    con = connect_store(tmp_path / "store.duckdb")
    yield con
    con.close()


def test_scenario_saved_composed_and_decomposed_is_one_scenario(con):
    store = ScenarioStore(con, WorkspaceRepository(con).create()[0])
    store.save(scenario_from_state(NFC, Profile(), default_weights()))
    with pytest.raises(ScenarioError, match="finnes allerede"):
        store.save(scenario_from_state(f" {NFD} ", Profile(), default_weights()))
    assert [i.name for i in store.list()] == [NFC]
    assert store.get(NFD).name == NFC
    renamed = store.rename(NFD, unicodedata.normalize("NFD", "Ålesund uten ROBEK"))
    assert renamed.name == "Ålesund uten ROBEK"
    store.delete(unicodedata.normalize("NFD", "ålesund UTEN robek"))
    assert store.list() == []


def test_a_name_stored_decomposed_before_normalisation_is_still_found(con):
    store = ScenarioStore(con, WorkspaceRepository(con).create()[0])
    legacy = scenario_from_state("x", Profile(), default_weights())
    con.execute("INSERT INTO scenarios VALUES ('old', ?, ?, ?, ?, ?)",
                [NFD, legacy.model_dump_json(), legacy.created, legacy.updated, store.workspace.id])
    with pytest.raises(ScenarioError, match="finnes allerede"):
        store.save(scenario_from_state(NFC, Profile(), default_weights()))
    assert store.get(NFC).name == "x"


def test_imported_scenario_name_is_normalised():
    scenario = scenario_from_state("x", Profile(name=NFD), default_weights())
    imported = import_json(export_json(scenario).replace('"name": "x"', f'"name": "{NFD}"'))
    assert imported.name == NFC and imported.profile.name == NFC
    assert clean_name(NFD) == NFC


def test_profile_name_is_normalised():
    assert Profile(name=f"  {NFD}\u0007 ").name == NFC
    assert Profile.model_validate_json(Profile(name=NFD).model_dump_json()).name == NFC


def test_workshop_title_and_participant_name_are_normalised(tmp_path):
    repo = WorkshopRepository(connect_store(tmp_path / "ws.duckdb"))
    workshop, _ = repo.create(f" {NFD} ", "poeng", Profile())
    assert workshop.title == NFC
    vote = repo.submit_vote(workshop.code, access.new_participant_token(), unicodedata.normalize("NFD", " Åse "),
                            points={1: 5})
    assert vote.display_name == "Åse"


def test_memo_title_is_normalised():
    memo = build_memo(Profile(), default_weights(), robustness=None, today=date(2026, 1, 1), title=f" {NFD}\n")
    assert memo.title == NFC
