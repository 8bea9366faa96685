"""The profile form's widget keys: a value the server sets gets a new key, the user's own keeps it."""

from ikt_model.decision.profile import Profile
from ikt_model.ui.profile_fields import field_key, form_draft, form_values, refill_form, set_members
from ikt_model.ui.profile_form import FIELDS


def test_a_first_run_writes_the_profile_under_the_fields_own_keys():
    state: dict = {}
    profile = Profile(name="Sunnmøre IKT", municipalities=4)
    refill_form(state, profile, pending=False)
    assert field_key(state, "name") == "pf_name" and state["pf_name"] == "Sunnmøre IKT"
    assert state["pf_municipalities"] == "4" and state["pf_members"] == []  # a text field; never None
    values = form_values(state)
    assert set(values) == set(FIELDS) and values["name"] == "Sunnmøre IKT"


def test_a_member_added_by_the_server_gets_a_new_key_and_the_users_own_change_keeps_it():
    state: dict = {}
    refill_form(state, Profile(), pending=False)
    set_members(state, ["1508"])  # the search added Ålesund
    assert field_key(state, "members") == "pf_members_v1" and state["pf_members_v1"] == ["1508"]
    refill_form(state, Profile(members=["1508"], municipalities=1), pending=False)  # taken: no new key
    assert field_key(state, "members") == "pf_members_v1"
    state["pf_members_v1"] = ["1508", "1580"]  # the user's own change in the widget
    refill_form(state, Profile(members=["1508", "1580"], municipalities=2), pending=False)
    assert field_key(state, "members") == "pf_members_v1"
    set_members(state, ["1508", "1580"])  # the same value again: the same widget
    assert field_key(state, "members") == "pf_members_v1"


def test_a_profile_taken_into_use_gives_new_keys_only_to_the_fields_that_changed():
    state: dict = {}
    refill_form(state, Profile(), pending=False)
    refill_form(state, Profile(name="Vestlandsnett", host_on_robek=True), pending=False)
    assert field_key(state, "name") == "pf_name_v1" and state["pf_name_v1"] == "Vestlandsnett"
    assert field_key(state, "host_on_robek") == "pf_host_on_robek_v1"
    assert field_key(state, "status") == "pf_status"


def test_a_widget_not_drawn_on_the_last_run_keeps_its_key():
    state: dict = {}
    refill_form(state, Profile(), pending=False)
    del state["pf_name"]  # another page was shown: Streamlit forgot the widget
    refill_form(state, Profile(name="Vestlandsnett"), pending=False)
    assert field_key(state, "name") == "pf_name" and state["pf_name"] == "Vestlandsnett"


def test_a_pending_edit_keeps_what_was_typed_and_a_draft_comes_back_over_leftovers():
    state: dict = {}
    refill_form(state, Profile(), pending=False)
    state["pf_status"], state["pf_current_model"] = "existing_struggling", "ks"  # refused: no form yet
    refill_form(state, Profile(), pending=True)
    assert state["pf_status"] == "existing_struggling" and field_key(state, "status") == "pf_status"
    draft = form_draft(state)
    assert draft["status"] == "existing_struggling" and draft["current_model"] == "ks"
    del state["pf_status"]  # away and back: the status widget was forgotten,
    state["pf_current_model"] = None  # and the session holds an empty value for the model's
    refill_form(state, Profile(), pending=True, draft=draft)
    assert state[field_key(state, "status")] == "existing_struggling"
    assert state[field_key(state, "current_model")] == "ks"
