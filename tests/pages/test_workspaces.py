"""AppTest: «Scenarier» in private workspaces. Two sessions save into their own workspaces and see only
their own; the link (shown once, with the warning) opens the workspace in a third session and is removed
from the URL; a truncated link is refused in Norwegian; a renewed link replaces the old one."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ikt_model.ui import workspace as sak

APP = str(Path(__file__).resolve().parents[2] / "app.py")
SCENARIOS = "pages/scenarios.py"


@pytest.fixture
def store_env(tmp_path, monkeypatch):
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))


def new_session(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    return at


def save(at: AppTest, name: str) -> None:
    at.text_input(key="scen_name").set_value(name)
    next(b for b in at.button if b.label == "Lagre scenario").click().run()
    assert not at.exception


def shown_link(at: AppTest) -> str | None:
    codes = [c.value for c in at.code if "?sak=" in c.value]
    return codes[0] if codes else None


def listed(at: AppTest) -> list[str]:
    boxes = [s for s in at.selectbox if s.key == "scen_chosen"]
    return list(boxes[0].options) if boxes else []


def test_two_sessions_two_workspaces_and_the_link_opens_one_in_a_third(store_env):
    heroy, valer = new_session(), new_session()
    heroy.switch_page(SCENARIOS).run()
    assert any("privat sak" in i.value for i in heroy.info) and shown_link(heroy) is None
    save(heroy, "Herøy utkast")
    link = shown_link(heroy)
    assert link and any(sak.WARNING in w.value for w in heroy.warning)
    valer.switch_page(SCENARIOS).run()
    assert listed(valer) == []  # a fresh session lists nothing of anyone's
    save(valer, "Våler utkast")
    assert listed(valer) == ["Våler utkast"] and listed(heroy) == ["Herøy utkast"]
    heroy.run()
    assert shown_link(heroy) == link  # another rerun (a widget's own) does not take the link from the user
    heroy.button(key="sak_link_kept").click().run()
    assert shown_link(heroy) is None  # kept: never shown again
    heroy.run()
    assert shown_link(heroy) is None and listed(heroy) == ["Herøy utkast"]

    colleague = new_session({"sak": link.split("sak=", 1)[1]})
    assert "sak" not in colleague.query_params  # the secret left the URL at once
    colleague.switch_page(SCENARIOS).run()
    assert listed(colleague) == ["Herøy utkast"]
    save(colleague, "Herøy variant")
    heroy.run()
    assert sorted(listed(heroy)) == ["Herøy utkast", "Herøy variant"]
    assert listed(valer) == ["Våler utkast"]


def test_a_refused_first_save_makes_no_sak_and_the_next_save_shows_the_link(store_env):
    owner = new_session()
    owner.switch_page(SCENARIOS).run()
    owner.button(key="scen_save").click().run()  # no name yet
    assert any("navn" in e.value for e in owner.error)
    assert shown_link(owner) is None and sak.current(owner.session_state) is None  # nothing made on refusal
    owner.run()  # the rerun a browser sends when the name field is left
    save(owner, "Herøy utkast")
    owner.run()
    link = shown_link(owner)
    assert link and listed(owner) == ["Herøy utkast"]


def test_truncated_link_is_refused_in_norwegian(store_env):
    owner = new_session()
    owner.switch_page(SCENARIOS).run()
    save(owner, "Hemmelig")
    value = shown_link(owner).split("sak=", 1)[1]
    stranger = new_session({"sak": value[:-3]})
    assert "sak" not in stranger.query_params
    toasts = " ".join(t.value for t in stranger.toast)  # opened on «Start»: the refusal is a toast
    assert "Lenken åpner ingen sak" in toasts and value[:-3] not in toasts
    stranger.switch_page(SCENARIOS).run()
    assert listed(stranger) == []
    # pasted into the form, also refused
    stranger.text_input(key="sak_paste").set_value(value[:20])
    stranger.button(key="sak_open").click().run()
    assert any("Lenken åpner ingen sak" in e.value for e in stranger.error) and listed(stranger) == []


def test_renewed_link_replaces_the_old_one_and_leaving_hides_the_list(store_env):
    owner = new_session()
    owner.switch_page(SCENARIOS).run()
    save(owner, "A")
    old = shown_link(owner)
    owner.button(key="sak_renew").click().run()
    new = shown_link(owner)
    assert new and new != old and any("Den gamle virker ikke lenger" in s.value for s in owner.success)
    late = new_session({"sak": old.split("sak=", 1)[1]})
    assert any("Lenken åpner ingen sak" in t.value for t in late.toast)
    late.switch_page(SCENARIOS).run()
    assert listed(late) == []
    late.text_input(key="sak_paste").set_value(new)
    late.button(key="sak_open").click().run()
    assert listed(late) == ["A"]
    late.button(key="sak_leave").click().run()
    assert listed(late) == []


def test_exports_carry_no_secret(store_env):
    from ikt_model.scenarios.model import export_json
    from ikt_model.scenarios.store import shared_scenario_store

    owner = new_session()
    owner.switch_page(SCENARIOS).run()
    save(owner, "Eksport")
    link = shown_link(owner)
    workspace_id, secret = link.split("sak=", 1)[1].split(".", 1)
    exported = export_json(shared_scenario_store(owner.session_state[sak.WORKSPACE]).get("Eksport"))
    assert secret not in exported and workspace_id not in exported
    owner.button(key="sak_link_kept").click().run()
    codes = " ".join(c.value for c in owner.code)  # the view's share links (?s=) that stay on the page
    assert "?s=" in codes and secret not in codes and workspace_id not in codes
