"""AppTest for the workshop pages: facilitator (create, live numbers, carry weights) and participant."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.ui import session
from ikt_model.workshop import access
from ikt_model.workshop.repository import WorkshopRepository
from tests.markdown_text import shown


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    monkeypatch.setenv("IKT_STORE_PATH", str(path))
    st.cache_resource.clear()
    yield path
    st.cache_resource.clear()


def app(page: str) -> AppTest:
    at = AppTest.from_file("../../app.py", default_timeout=30)
    at.run()
    return at.switch_page(page)


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader]
    parts += [e.value for e in at.info] + [e.value for e in at.success] + [e.value for e in at.error]
    parts += [e.value for e in at.warning] + [c.value for c in at.code] + [t.value for t in at.title]
    return shown("\n".join(str(p) for p in parts))  # as the reader sees it (backslash escapes resolved)


def create_workshop(at: AppTest, title: str) -> AppTest:
    at.run()
    at.text_input[0].set_value(title)
    at.button[0].click()  # form submit
    return at.run()


def test_facilitator_creates_workshop_and_sees_code_url_and_qr(store_path):
    at = create_workshop(app("pages/workshop_facilitator.py"), "Rådmannsmøte <b>Fosen</b>")
    assert not at.exception
    body = texts(at)
    assert "Rådmannsmøte" in body
    assert "<b>" not in at.header[0].value.replace("\\<b\\>", "")  # escaped, not HTML
    assert "/delta?kode=" in body and "Kode for å delta" in body
    assert "Hold denne lenken privat" in body
    assert any("workshop=" in c.value and "key=" in c.value for c in at.code)
    assert "Venter på de første svarene" in body
    assert at.session_state["ws_facilitator_id"]


def test_facilitator_sees_votes_and_carries_group_weights(store_path):
    at = create_workshop(app("pages/workshop_facilitator.py"), "Vekting")
    repo = WorkshopRepository(connect_store(store_path))
    workshop_id, key = at.session_state["ws_facilitator_id"], at.session_state["ws_facilitator_key"]
    code = repo.workshop(workshop_id, key).code
    repo.submit_vote(code, access.new_participant_token(), "Kari", points={1: 10, 5: 2})
    repo.submit_vote(code, access.new_participant_token(), "", points={5: 10, 1: 2})
    at.run()
    assert not at.exception
    assert any(m.value == "2" for m in at.metric)
    assert "Dagsorden – mest uenighet om" in texts(at)
    [use] = [b for b in at.button if b.label == "Bruk gruppens vekter"]
    use.click().run()
    assert at.session_state[session.WEIGHTS_SOURCE] == "workshop"
    weights = at.session_state[session.WEIGHTS]
    assert weights.points[1] == pytest.approx(weights.points[5]) and weights.points[1] > weights.points[2]
    result = at.session_state[session.WORKSHOP_RESULT]
    assert result["participants"] == 2 and result["title"] == "Vekting" and result["method"] == "poeng"
    assert {result["dissent"][0][0], result["dissent"][1][0]} == {1, 5}
    # the confirmation stays while these are the weights in use (the live view redraws every few seconds)
    confirmed = "Gruppens vekter (2 svar) brukes nå på Sammenligning og Robusthet."
    assert confirmed in [s.value for s in at.success]
    at.run()
    assert confirmed in [s.value for s in at.success]
    # closing from the page stops voting
    [close] = [b for b in at.button if b.label == "Steng avstemningen"]
    close.click().run()
    assert repo.find_by_code(code).voting_open is False
    assert "Avstemningen er stengt" in texts(at)


def test_facilitator_link_signs_in_and_is_removed_from_url(store_path):
    repo = WorkshopRepository(connect_store(store_path))
    workshop, key = repo.create("Fra lenke", "rangering", Profile())
    at = app("pages/workshop_facilitator.py")
    at.query_params["workshop"] = workshop.id
    at.query_params["key"] = key.get_secret_value()
    at.run()
    assert not at.exception
    assert "Fra lenke" in texts(at)
    assert "key" not in at.query_params


def test_wrong_facilitator_key_shows_nothing(store_path):
    repo = WorkshopRepository(connect_store(store_path))
    workshop, _ = repo.create("Hemmelig", "poeng", Profile())
    repo.submit_vote(workshop.code, access.new_participant_token(), "Kari", points={1: 1})
    at = app("pages/workshop_facilitator.py")
    at.query_params["workshop"] = workshop.id
    at.query_params["key"] = "feil-nøkkel-" + "x" * 40
    at.run()
    assert not at.exception
    body = texts(at)
    assert "fasilitatorlenken" in body and "Hemmelig" not in body and "Kari" not in body
    assert "ws_facilitator_id" not in at.session_state


def test_create_refuses_empty_title_in_norwegian(store_path):
    at = create_workshop(app("pages/workshop_facilitator.py"), "   ")
    assert not at.exception
    assert "Tittelen kan ikke være tom" in texts(at)


def test_participant_joins_by_code_votes_and_revises(store_path):
    repo = WorkshopRepository(connect_store(store_path))
    workshop, key = repo.create("Mobilstemme", "poeng", Profile())
    at = app("pages/workshop_participant.py")
    at.run()
    at.text_input[0].set_value(access.format_code(workshop.code).lower())
    at.button[0].click().run()
    assert not at.exception
    assert "Mobilstemme" in texts(at)
    assert len(at.slider) == 12
    at.text_input[0].set_value("<i>Kari</i>")
    at.slider(key="delta_points_3").set_value(10)
    [send] = [b for b in at.button if b.label == "Send inn stemmen"]
    send.click().run()
    assert not at.exception
    assert "Stemmen din er lagret" in texts(at)
    [vote] = repo.votes(workshop.id, key)
    assert vote.points[3] == 10 and vote.points[1] == 5 and vote.display_name == "<i>Kari</i>"
    at.slider(key="delta_points_3").set_value(0)
    [send] = [b for b in at.button if b.label == "Lagre endret stemme"]
    send.click().run()
    [vote] = repo.votes(workshop.id, key)
    assert vote.points[3] == 0 and vote.revisions == 2
    assert "Gruppens resultat vises her når fasilitatoren" in texts(at)
    repo.set_revealed(workshop.id, key, True)
    at.run()
    assert "Gruppens resultat (1 svar)" in texts(at)
    repo.set_voting_open(workshop.id, key, False)
    at.run()
    assert "Avstemningen er stengt" in texts(at)
    [send] = [b for b in at.button if b.label == "Lagre endret stemme"]
    assert send.disabled  # the run knows the vote is closed: nothing to press
    assert repo.votes(workshop.id, key)[0].revisions == 2


def test_a_press_refused_after_closing_says_so_once_and_the_button_goes(store_path):
    """The phone's page was drawn while the vote was open; the facilitator closes it; the participant
    revises and presses «Lagre endret stemme»: one message (refused, the earlier vote stands), no green
    «lagret» beside it, and the button is disabled from then on. Reopened, the refusal is gone."""
    repo = WorkshopRepository(connect_store(store_path))
    workshop, key = repo.create("Stengt", "poeng", Profile())
    at = app("pages/workshop_participant.py")
    at.query_params["kode"] = workshop.code
    at.run()
    [send] = [b for b in at.button if b.label == "Send inn stemmen"]
    send.click().run()
    assert "Takk! Stemmen din er lagret (sendt inn 1 gang)." in texts(at)
    repo.set_voting_open(workshop.id, key, False)  # behind the phone's back
    at.slider(key="delta_points_3").set_value(9)
    [send] = [b for b in at.button if b.label == "Lagre endret stemme"]
    assert not send.disabled
    send.click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Avstemningen er stengt. Stemmen din ble ikke lagret. "
                                           "Den forrige stemmen din gjelder fortsatt (sendt inn 1 gang)."]
    assert not at.success and not at.warning
    assert "lagret (sendt" not in texts(at)
    [send] = [b for b in at.button if b.label == "Lagre endret stemme"]
    assert send.disabled
    assert repo.votes(workshop.id, key)[0].revisions == 1
    repo.set_voting_open(workshop.id, key, True)
    at.run()
    assert not at.error and "Avstemningen er åpen" in texts(at)
    assert not [b for b in at.button if b.label == "Lagre endret stemme"][0].disabled


def test_participant_ranking_method(store_path):
    repo = WorkshopRepository(connect_store(store_path))
    workshop, key = repo.create("Rangering", "rangering", Profile())
    at = app("pages/workshop_participant.py")
    at.query_params["kode"] = workshop.code
    at.run()
    assert not at.exception
    at.multiselect(key="delta_ranking").set_value([4, 1, 2])
    [send] = [b for b in at.button if b.label == "Send inn stemmen"]
    send.click().run()
    assert "Du har rangert 3 av 12 faktorer" in texts(at)
    at.multiselect(key="delta_ranking").set_value([4, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
    [send] = [b for b in at.button if b.label == "Send inn stemmen"]
    send.click().run()
    [vote] = repo.votes(workshop.id, key)
    assert vote.ranking[0] == 4


def test_wrong_codes_are_refused_then_throttled(store_path):
    at = app("pages/workshop_participant.py")
    at.run()
    for _ in range(access.MAX_FAILED_CODES):
        at.text_input[0].set_value(access.new_join_code())
        at.button[0].click().run()
        assert "Fant ingen workshop" in texts(at)
    at.text_input[0].set_value(access.new_join_code())
    at.button[0].click().run()
    assert not at.exception
    assert "For mange feil koder" in texts(at)


def test_individual_votes_show_names_as_text_for_the_facilitator_only(store_path):
    at = create_workshop(app("pages/workshop_facilitator.py"), "Navn")
    repo = WorkshopRepository(connect_store(store_path))
    workshop = repo.workshop(at.session_state["ws_facilitator_id"], at.session_state["ws_facilitator_key"])
    repo.submit_vote(workshop.code, access.new_participant_token(), "<img src=x onerror=alert(1)>", points={1: 3})
    at.run()
    assert len(at.dataframe) == 0  # hidden by default (the projector shows aggregates only)
    at.toggle(key="ws_show_votes").set_value(True).run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["Navn"]) == ["<img src=x onerror=alert(1)>"]  # a table cell: plain text
    assert frame["F1"].dtype.kind == "f" and frame["F1"].iloc[0] > 0  # a share, sorted as a number (shown «… %»)
    import json
    columns = json.loads(at.dataframe[0].proto.columns)
    assert columns["F1"]["help"].startswith("1. ") and len(columns) >= 12  # each factor named on hover


def test_wrong_codes_in_the_url_are_throttled_per_client_across_sessions(store_path, caplog):
    """?kode= in the URL, a new session each time (as a script would): after 10 wrong codes the
    client must wait, even with a new session, and the log names no code."""
    import logging

    from ikt_model.workshop.access import JOIN_THROTTLE

    JOIN_THROTTLE._failures.clear()
    caplog.set_level(logging.WARNING, logger="ikt_model.workshop")
    try:
        for i in range(10):
            at = app("pages/workshop_participant.py")  # a new session every time
            at.query_params["kode"] = f"ZZZZ-ZZ{'ABCDEFGHJK'[i]}Z"
            at.run()
            assert any("Fant ingen workshop med koden i lenken" in e.value for e in at.error)
        at = app("pages/workshop_participant.py")
        at.query_params["kode"] = "ZZZZ-ZZZZ"
        at.run()
        assert any("For mange feil koder fra denne enheten" in e.value for e in at.error)
        logged = " ".join(r.getMessage() for r in caplog.records)
        assert "wrong code" in logged and "ZZZZ" not in logged
    finally:
        JOIN_THROTTLE._failures.clear()


def test_projector_mode_shows_code_and_live_result_and_hides_the_controls(store_path):
    at = create_workshop(app("pages/workshop_facilitator.py"), "Projektor")
    repo = WorkshopRepository(connect_store(store_path))
    workshop = repo.workshop(at.session_state["ws_facilitator_id"], at.session_state["ws_facilitator_key"])
    for points in ({1: 10, 5: 2}, {5: 10, 1: 2}, {12: 10}):
        repo.submit_vote(workshop.code, access.new_participant_token(), "", points=points)
    at.toggle(key="ws_projector").set_value(True).run()
    assert not at.exception
    body = texts(at)
    assert access.format_code(workshop.code) in body and "3 svar" in body and "Best med gruppens vekter" in body
    assert not at.button  # no controls on the projector (no open/close, export, delete, private link)
    assert "Hold denne lenken privat" not in body and not at.code
    assert len(at.get("plotly_chart")) == 1 and len(at.get("image")) == 1
    at.toggle(key="ws_projector").set_value(False).run()
    assert any(b.label == "Steng avstemningen" for b in at.button)


def test_a_stored_vote_is_confirmed_from_the_store_even_when_its_own_run_was_cut_short(store_path):
    """The phone's status under the button reads the stored vote (not a one-time message of the run that
    stored it): a vote committed while that run was lost (here: stored behind the page with the phone's
    own token) is confirmed on the next refresh."""
    repo = WorkshopRepository(connect_store(store_path))
    workshop, _ = repo.create("Avbrutt", "poeng", Profile())
    at = app("pages/workshop_participant.py")
    at.query_params["kode"] = workshop.code
    at.run()
    token = at.query_params["t"]
    token = token[0] if isinstance(token, list) else token
    assert "Stemmen din er lagret" not in texts(at)
    repo.submit_vote(workshop.code, token, points={1: 5})
    repo.submit_vote(workshop.code, token, points={2: 5})
    at.run()
    assert not at.exception
    assert "Stemmen din er lagret (sendt inn 2 ganger)" in texts(at)
    assert [b.label for b in at.button if b.label.startswith(("Send", "Lagre"))] == ["Lagre endret stemme"]
