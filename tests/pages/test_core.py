"""AppTest for the core pages: profile, comparison, knowledge base, about."""

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from ikt_model.decision.profile import Profile
from ikt_model.ui import session
from ikt_model.ui.share import decode_state, encode_state
from ikt_model.ui.widgets import widget_key
from tests.markdown_text import shown as shown_markdown
from tests.pages.live import address_bar_values, live_charts, pf, table_text


def _weight_slider(at, factor_id: int):
    """The sidebar slider of a factor, under the key it is drawn with now (a new one after the server set it)."""
    return at.slider(key=widget_key(at.session_state, f"weight_slider_{factor_id}"))


def _weight_set(at):
    return at.selectbox(key=widget_key(at.session_state, "weight_preset"))


def _texts(at) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)


def _open(at, *keys: str) -> None:
    """Open the expanders `keys` (drawn only while open) as a user did earlier: their state and the copy kept
    for the next visit (ui.widgets.reopen)."""
    for key in keys:
        at.session_state[key] = at.session_state[f"{key}_kept"] = True


MEMBERS, CONDITIONS, WHY = "pf_members_open", "pf_conditions_open", "cmp_why_open"


def test_profile_page_updates_profile_and_survives_page_switch(at):
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    at.radio(key=pf(at, "status")).set_value("existing_working").run()
    # not yet valid: current model/form missing -> profile unchanged, Norwegian warning
    assert at.session_state[session.PROFILE].status == "new"
    assert any("nåværende styringsmodell" in w.value for w in at.warning)
    at.selectbox(key=pf(at, "current_model")).set_value("ks").run()
    at.selectbox(key=pf(at, "current_form")).set_value("iks").run()
    profile = at.session_state[session.PROFILE]
    assert (profile.status, profile.current_model, profile.current_form) == ("existing_working", "ks", "iks")
    at.switch_page("pages/comparison.py").run()
    at.switch_page("pages/profile.py").run()
    assert at.radio(key=pf(at, "status")).value == "existing_working"
    assert at.selectbox(key=pf(at, "current_form")).value == "iks"


def test_members_set_the_municipality_count(at):
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    at.multiselect(key=pf(at, "members")).set_value(["0301", "3201", "3203"]).run()  # Oslo, Bærum, Asker today
    assert at.session_state[session.PROFILE].municipalities == 3
    assert at.session_state[session.PROFILE].members == ["0301", "3201", "3203"]


def test_a_municipality_count_that_cannot_be_read_is_refused_at_its_field_and_nothing_is_lost(at):
    """«Antall kommuner» is a text field (Streamlit's number field read «3,7» as 37 and «2.5» as 2): what is not
    a whole number from 1 to 500 is refused in Norwegian under the field, the typed text stays, and the
    profile keeps its last count; a good count is taken and the message goes. Members decide the count in a
    field of their own; back from another page, a refusal of what was typed there is gone with it."""
    said = "Profilen er ikke oppdatert: Antall kommuner må være et helt tall fra 1 til 500."
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    assert at.text_input(key=pf(at, "municipalities")).value == "5"
    at.text_input(key=pf(at, "municipalities")).set_value("7").run()
    assert at.session_state[session.PROFILE].municipalities == 7
    for bad in ("3,7", "0", "2.5", ""):
        at.text_input(key=pf(at, "municipalities")).set_value(bad).run()
        assert not at.exception
        assert [w.value.replace("\\", "") for w in at.warning] == [said]  # the message is Markdown-escaped
        assert at.text_input(key=pf(at, "municipalities")).value == bad
        assert at.session_state[session.PROFILE].municipalities == 7
    at.text_input(key=pf(at, "municipalities")).set_value(" 12 ").run()
    assert at.session_state[session.PROFILE].municipalities == 12
    assert at.text_input(key=pf(at, "municipalities")).value == "12"  # refilled from the profile
    assert not [w for w in at.warning if "Antall kommuner" in w.value]
    at.text_input(key=pf(at, "municipalities")).set_value("0").run()
    at.switch_page("pages/comparison.py").run()
    assert any("Siste endring på «Samarbeidet» er ikke tatt i bruk" in w.value for w in at.warning)
    at.switch_page("pages/profile.py").run()  # what was typed comes back, with its refusal, to be corrected
    assert at.text_input(key=pf(at, "municipalities")).value == "0"
    assert [w.value.replace("\\", "") for w in at.warning] == [said]
    assert at.session_state[session.PROFILE].municipalities == 12
    at.multiselect(key=pf(at, "members")).set_value(["0301", "3201"]).run()  # the count follows the members
    assert not [t for t in at.text_input if t.key == pf(at, "municipalities")]
    members_count = at.text_input(key="pf_municipalities_of_members")
    assert members_count.value == "2" and members_count.disabled
    at.multiselect(key=pf(at, "members")).set_value([]).run()
    assert at.text_input(key=pf(at, "municipalities")).value == "2"
    assert at.session_state[session.PROFILE].municipalities == 2


def test_member_picker_offers_todays_municipalities_without_select_all(at):
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    picker = at.multiselect(key=pf(at, "members"))
    assert len(picker.options) == 357
    assert "Herøy (Nordland) – 1818" in picker.options and "Ålesund – 1508" in picker.options
    assert picker.proto.DESCRIPTOR.fields_by_name["filter_mode"].enum_type.values_by_number[
        picker.proto.filter_mode].name == "FILTER_MODE_PREFIX"  # «åle»: Ålesund, not Holtålen or Våler
    assert not picker.proto.select_all  # no English «Select N matches» that adds every match on Enter


def test_member_search_adds_one_member_by_name_prefix_or_number(at):
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    at.text_input(key="pf_member_search").set_value("åle").run()  # one match: Enter adds it
    assert not at.exception
    assert at.session_state[session.PROFILE].members == ["1508"]
    assert at.text_input(key="pf_member_search").value == ""
    at.text_input(key="pf_member_search").set_value("1580").run()
    assert at.session_state[session.PROFILE].members == ["1508", "1580"]
    at.text_input(key="pf_member_search").set_value("her").run()  # two matches: shown, nothing added
    hits = at.pills(key="pf_member_hits")
    assert hits.options == ["Herøy (Møre og Romsdal, 1515)", "Herøy (Nordland, 1818)"]
    assert at.session_state[session.PROFILE].members == ["1508", "1580"]
    hits.set_value("1818").run()
    assert at.session_state[session.PROFILE].members == ["1508", "1580", "1818"]
    assert at.session_state[session.PROFILE].municipalities == 3
    at.text_input(key="pf_member_search").set_value("xyz").run()
    assert any("Ingen av dagens kommuner" in c.value for c in at.caption)


def test_size_difference_is_derived_and_explained(at):
    _open(at, MEMBERS, CONDITIONS)
    at.switch_page("pages/profile.py").run()
    assert [t for t in at.toggle if t.key == pf(at, "large_size_differences")]  # no members: the user's answer
    at.multiselect(key=pf(at, "members")).set_value(["1508", "1514"]).run()  # Ålesund and Sande
    assert not at.exception
    assert not [t for t in at.toggle if t.key == pf(at, "large_size_differences")]
    assert at.session_state[session.PROFILE].large_size_differences is True
    caption = " ".join(c.value for c in at.caption)
    assert "Store størrelsesforskjeller" in caption and "Terskelen er 10 ganger" in caption and "(3.2)" in caption
    assert any("innbyggere** (folketall 1.1.2026, SSB)" in m.value for m in at.markdown)  # the summary line
    at.selectbox(key=pf(at, "population_year")).set_value(2015).run()
    assert at.session_state[session.PROFILE].population_year == 2015
    assert any("innbyggere** (folketall 1.1.2015, SSB)" in m.value for m in at.markdown)


def test_profile_from_2015_numbers_shows_todays_members_and_the_merge(at):
    at.session_state[session.PROFILE] = Profile.model_validate(
        {"municipalities": 3, "members": ["1504", "1523", "1577"]})
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    assert at.multiselect(key=pf(at, "members")).value == ["1508", "1577"]
    assert any("Ålesund (1504, 2015) og Ørskog (1523, 2015) er i dag én kommune, Ålesund (1508)" in i.value
               for i in at.info)


def test_profile_upload_field_is_drawn_only_while_open_and_loads_a_file(at):
    """The file field is not laid out on every visit (issue 14); opened, a downloaded profile loads as before."""
    at.switch_page("pages/profile.py").run()
    assert not at.get("file_uploader")
    at.session_state["pf_upload_open"] = True
    at.run()
    uploader = at.get("file_uploader")
    assert len(uploader) == 1
    saved = Profile(municipalities=2, members=["1508", "1577"]).model_dump_json()
    uploader[0].set_value([("profil.json", saved.encode(), "application/json")]).run()
    at.button(key="pf_use_upload").click().run()
    assert at.session_state[session.PROFILE].members == ["1508", "1577"]
    # said, and the part closed with its file (a fresh tester saw the file still listed and no word)
    assert [t.value for t in at.toast] == ["Profilen er lastet inn og brukes nå på alle sidene."]
    assert not at.get("file_uploader")
    at.run()
    assert not at.toast and not at.get("file_uploader")


def test_comparison_shows_report_winner_and_moves_with_a_weight(at):
    at.switch_page("pages/comparison.py").run()
    assert not at.exception
    assert "Alternativ modell + Kommunalt oppgavefellesskap (KO)" in _texts(at)
    # the default profile's adjustments take a point below the report's scale: the sentence says so
    assert "Med profilens justeringer går poengene i denne saken fra −2,5 til +2." in _texts(at)
    # economy only: no governance model has an edge (2026 review), the forms without the vertskommune
    # economy challenge (4.2) share first place, and the headline names them all as a tie
    for i in range(1, 13):
        if i != 3:
            _weight_slider(at, i).set_value(0.0).run()
            at.run()  # a weight change reruns only the weighted fragments; a full run shows every slider again
    assert at.session_state[session.WEIGHTS_SOURCE] == "egendefinert"
    headline = " ".join(m.value for m in at.markdown if "Høyest rangert" in m.value)
    # more than three sharing first place are counted (the chart names them, «1. (delt)»)
    assert "(likt)" in headline and "**9 alternativer**" in headline


def test_all_zero_weights_are_refused_and_nothing_is_lost(at):
    at.switch_page("pages/comparison.py").run()
    for i in range(1, 13):
        _weight_slider(at, i).set_value(0.0).run()
        assert not at.exception
        at.run()
    _weight_slider(at, 12).set_value(0.0).run()  # the refused change: its message
    assert any("Minst én faktor" in e.value for e in at.error)
    assert at.session_state[session.WEIGHTS].points[12] > 0  # the last valid weights are kept
    _weight_slider(at, 1).set_value(10.0).run()  # a valid change: the sliders are redrawn without the message
    assert not any("Minst én faktor" in e.value for e in at.error)
    at.run()
    assert _weight_set(at).value == "egendefinert"
    assert not any("Minst én faktor" in e.value for e in at.error)
    revealed = at.session_state["weights_refusal_revealed"]  # the refusals scrolled into view so far
    _weight_slider(at, 12).set_value(0.0).run()  # valid: factor 1 has weight now
    at.run()
    _weight_slider(at, 1).set_value(0.0).run()  # refused again, after a valid change: scrolled into view again
    assert any("Minst én faktor" in e.value for e in at.error)
    assert at.session_state["weights_refusal_revealed"] == revealed + 1


def _sidebar_sequence(at) -> list[str]:
    """The sidebar's sliders and errors in the order they are drawn: «slider:<label>», «error:<text>»."""
    out: list[str] = []

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        if kind == "slider":
            out.append(f"slider:{node.label}")
        elif kind == "error":
            out.append(f"error:{shown_markdown(node.value)}")
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.sidebar)
    return out


@pytest.mark.parametrize("last", [12, 1])
def test_a_refused_weight_change_is_said_under_the_slider_that_was_moved(at, last):
    """At the top of the panel the refusal was out of view when slider 12 was the last one moved (a fresh
    tester): it is drawn under the slider moved, and only while the weights it kept are in use."""
    at.switch_page("pages/comparison.py").run()
    for i in [f for f in range(1, 13) if f != last]:
        _weight_slider(at, i).set_value(0.0).run()
        at.run()
    _weight_slider(at, last).set_value(0.0).run()
    at.run()  # a full run draws it as well
    sequence = _sidebar_sequence(at)
    moved = next(i for i, item in enumerate(sequence) if item.startswith(f"slider:{last}. "))
    assert sequence[moved + 1] == "error:Vektene ble ikke endret: Minst én faktor må ha vekt større enn null."
    assert sum(item.startswith("error:") for item in sequence) == 1
    at.switch_page("pages/robustness.py").run()  # still said on another weighted page: the weights are kept
    assert any("Minst én faktor" in e.value for e in at.error)
    session.set_weights(at.session_state, {1: 10}, session.CUSTOM)  # weights from elsewhere (a scenario): gone
    at.run()
    assert not any("Minst én faktor" in e.value for e in at.error)


def test_a_weight_change_reruns_only_what_depends_on_the_weights(at):
    """The sidebar's weight set and shares and the page's weighted fragments rerun; the title, the what-if
    switches, the sliders and the texts on the organisation forms are left as they are (not sent again)."""
    _open(at, WHY)
    at.switch_page("pages/comparison.py").run()
    assert at.title and len(at.slider) == 12 and len(at.expander) >= 3
    _weight_slider(at, 6).set_value(100.0).run()  # Gjennomføringsevne: another alternative leads
    assert not at.exception
    assert not at.title and not at.slider  # not rerun: the title, the sliders, the what-if switches
    assert not at.toggle  # nor «Vis alle poeng» (what it opens is a fragment of its own)
    keys = [b.key for b in at.selectbox]  # the weight set box (now «Egendefinert») and, the ranks changed, the
    assert "explain_alternative" in keys and any(k.startswith("weight_preset") for k in keys) and len(keys) == 2
    assert "Høyest rangert med disse vektene: **Hybridmodell + Kommunalt oppgavefellesskap (KO)**" in _texts(at)
    assert len(live_charts(at)) == 3 and _weight_set(at).value == "egendefinert"
    state = at.session_state  # the share link follows, written by the browser (ui.address_bar)
    assert address_bar_values(at) == [encode_state(state[session.PROFILE], state[session.WEIGHTS],
                                                   state[session.OVERRIDES])]
    assert decode_state(address_bar_values(at)[0]).weights.points[6] == 100.0
    at.run()  # the sliders are drawn by a full run only
    _weight_slider(at, 6).set_value(90.0).run()  # again under «Egendefinert»: the set box stays as it is
    assert [b.key for b in at.selectbox] == ["explain_alternative"]  # the ranks changed again
    assert at.session_state[session.WEIGHTS].points[6] == 90.0 and len(live_charts(at)) == 3
    at.run()
    _weight_slider(at, 6).set_value(89.0).run()  # the ranks stay: «Forklar alternativ» is not drawn again
    assert not at.selectbox and "Hybridmodell + Kommunalt oppgavefellesskap (KO)" in _texts(at)
    assert len(live_charts(at)) == 3
    at.run()  # a full run draws the same state
    assert at.title and _weight_slider(at, 6).value == 89.0
    assert "Høyest rangert med disse vektene: **Hybridmodell + Kommunalt oppgavefellesskap (KO)**" in _texts(at)


def test_the_weight_panel_on_samarbeidet_reruns_itself_only(at):
    """«Samarbeidet» has the sidebar's weight panel (it stays in the browser on the way to «Sammenligning»), and
    shows nothing that depends on the weights: a weight change there reruns the panel, not the page."""
    at.switch_page("pages/profile.py").run()
    assert at.title and len(at.slider) == 12 and _weight_set(at).value == "rapport"
    at.text_input(key=pf(at, "name")).set_value("Vestlandsnett").run()
    _weight_slider(at, 6).set_value(100.0).run()
    assert not at.exception
    assert not at.title and not at.text_input and not at.slider  # the page and the sliders are not rerun
    assert _weight_set(at).value == "egendefinert" and any("6: " in c.value for c in at.caption)  # the panel is
    state = at.session_state
    assert state[session.WEIGHTS].points[6] == 100.0 and state[session.PROFILE].name == "Vestlandsnett"
    at.run()  # (AppTest draws the sidebar again on a full run of the same page only)
    assert at.text_input(key=pf(at, "name")).value == "Vestlandsnett" and _weight_slider(at, 6).value == 100.0
    at.switch_page("pages/comparison.py").run()
    assert "Høyest rangert med disse vektene: **Hybridmodell + Kommunalt oppgavefellesskap (KO)**" in _texts(at)
    assert _weight_slider(at, 6).value == 100.0


def test_preset_selection(at):
    at.switch_page("pages/comparison.py").run()
    _weight_set(at).set_value("like").run()
    fractions = at.session_state[session.WEIGHTS].fractions().values()
    assert all(abs(f - 1 / 12) < 1e-12 for f in fractions)
    assert at.session_state[session.WEIGHTS_SOURCE] == "like"


def _hold_shown_values(node) -> None:
    """Set every widget under `node` to the value it shows, so its element tree keeps them after later runs."""
    if isinstance(node, Widget):
        node.set_value(node.value)
    for child in getattr(node, "children", {}).values():
        _hold_shown_values(child)


@pytest.mark.parametrize("page", ["pages/robustness.py", "pages/comparison.py", "pages/profile.py"])
def test_a_rerun_with_the_values_the_browser_showed_before_a_weight_set_changes_nothing(at, page):
    """Back right after choosing a weight set: the page switch is sent before the weight set's answer reached
    the browser, so it carries the sliders' and the box's old values. They are not the user's moves: the
    weights stay the chosen set (the twelve slider callbacks put the old weights back as «Egendefinert»)."""
    at.switch_page(page).run()
    shown_before = at.slider(key="weight_slider_1")  # the browser's widgets as they were before the answer
    _hold_shown_values(at.sidebar)  # (AppTest reads a widget's value from the session unless it was set)
    _hold_shown_values(at.main)
    _weight_set(at).set_value("like").run()
    at.run()
    shown_before.run()  # a rerun with the widgets as the browser showed them: the old slider values
    assert not at.exception
    assert at.session_state[session.WEIGHTS_SOURCE] == "like"
    assert all(abs(f - 1 / 12) < 1e-12 for f in at.session_state[session.WEIGHTS].fractions().values())
    assert _weight_slider(at, 1).value == at.session_state[session.WEIGHTS].points[1]
    _weight_slider(at, 1).set_value(20.0).run()  # a move on the slider drawn now still counts
    assert at.session_state[session.WEIGHTS].points[1] == 20.0
    assert at.session_state[session.WEIGHTS_SOURCE] == "egendefinert"


def test_whatif_robek_changes_profile(at):
    at.session_state[session.PROFILE] = Profile(status="existing_working", current_model="ks",
                                                 current_form="vertskommune")
    _open(at, "cmp_whatif_open")
    at.switch_page("pages/comparison.py").run()
    at.switch_page("pages/profile.py").run()  # «Samarbeidet» shows the toggle as it is
    at.session_state["pf_conditions_open"] = at.session_state["pf_conditions_open_kept"] = True
    at.run()
    assert at.toggle(key=pf(at, "host_on_robek")).value is False
    at.switch_page("pages/comparison.py").run()
    at.toggle(key="whatif_host_on_robek").set_value(True).run()
    assert at.session_state[session.PROFILE].host_on_robek
    assert not at.exception
    at.switch_page("pages/profile.py").run()  # the what-if change is what «Samarbeidet» shows (ui.profile_fields)
    assert at.toggle(key=pf(at, "host_on_robek")).value is True


def test_no_stable_operations_warns_first(at):
    at.session_state[session.PROFILE] = Profile(status="existing_working", current_model="ks", current_form="iks",
                                                 stable_operations=False)
    at.switch_page("pages/comparison.py").run()
    assert "stabil drift" in at.error[0].value
    assert "Få stabil drift på plass først" in " ".join(m.value for m in at.markdown)


def test_new_collaboration_is_not_told_about_stable_operations(at):
    at.session_state[session.PROFILE] = Profile(stable_operations=False)
    at.switch_page("pages/comparison.py").run()
    assert not at.error


def test_knowledge_page_override_marks_changes_and_resets(at):
    at.switch_page("pages/knowledge_base.py").run()
    assert not at.exception
    # the line over the tables is there before any edit too (it came with the first edit and pushed the table
    # down), and «Tilbakestill alle» waits, disabled
    assert [i.value for i in at.info] == ["Ingen vurderinger er endret: alle poeng er rapportens."] and not at.warning
    assert at.button[0].label == "Tilbakestill alle" and at.button[0].disabled
    import json
    columns = json.loads(at.dataframe[0].proto.columns)  # the grid sized «Endret» to «✎ endre» (a fresh tester)
    assert columns["Endret"]["width"] >= 90
    at.session_state[session.OVERRIDES] = {"ff.par27.2": -2}
    at.run()
    assert [w.value for w in at.warning] == [
        "1 vurdering er endret fra rapportens (merket ✎ endret; listen står under tabellene)."] and not at.info
    listed = " ".join(c.value for c in at.caption)
    assert "Endret fra rapportens: Kommunalt oppgavefellesskap (KO) · 2. Omstillingsevne." in listed
    assert "ff.par27.2" not in listed  # no internal id
    assert not at.button[0].disabled
    at.switch_page("pages/comparison.py").run()
    captions = " ".join(c.value for c in at.caption)
    assert "1 egen vurdering (✎)" in captions and "1 egne" not in captions
    at.switch_page("pages/knowledge_base.py").run()
    at.button[0].click().run()
    assert at.session_state[session.OVERRIDES] == {}


def test_about_page_credits_sources(at):
    at.switch_page("pages/about.py").run()
    text = " ".join(m.value for m in at.markdown)
    assert "© Kartverket" in text and "Statistisk sentralbyrå" in text and "144016" in text


def test_start_page_shows_current_winner(at):
    assert not at.exception
    assert "Alternativ modell + Kommunalt oppgavefellesskap (KO)" in " ".join(m.value for m in at.markdown)


def test_share_link_reproduces_state_and_bad_link_falls_back(tmp_path, monkeypatch):
    from ikt_model.decision.weights import preset
    from ikt_model.ui.share import encode_state
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    profile = Profile(status="existing_working", current_model="ks", current_form="iks")
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.query_params["s"] = encode_state(profile, preset("like"), {"ff.par27.2": -1})
    at.run()
    assert at.session_state[session.PROFILE] == profile
    assert at.session_state[session.OVERRIDES] == {"ff.par27.2": -1}
    assert at.session_state[session.WEIGHTS] == preset("like")

    bad = AppTest.from_file("../../app.py", default_timeout=60)
    bad.query_params["s"] = "not-a-real-link"
    bad.run()
    assert not bad.exception
    assert bad.session_state[session.PROFILE] == Profile()


def test_comparison_names_the_2018_successors_with_sources(at):
    at.switch_page("pages/comparison.py").run()
    assert [e.label for e in at.expander if "Organisasjonsformene i 2026" in e.label]  # there, folded
    at.session_state["cmp_forms_open"] = True  # opened: drawn (only while open)
    at.run()
    text = " ".join(m.value for m in at.markdown)
    assert "Kommunalt oppgavefellesskap (KO)** (Samarbeid etter kommunelovens § 27)" in text
    assert "kapittel 20" in text and "endret 2023 og 2024" in text and "regjeringen.no" in text
    assert "Interkommunalt politisk råd (IPR)" in text  # information, not an alternative


def test_transition_weight_slider_moves_the_working_collaborations_ranking(at):
    at.session_state[session.PROFILE] = Profile(status="existing_working", current_model="ks", current_form="iks")
    at.switch_page("pages/comparison.py").run()
    at.slider(key="whatif_transition_weight").set_value(0).run()
    assert at.session_state[session.PROFILE].transition_weight == 0
    assert not at.exception


def test_a_stale_share_value_later_in_the_session_does_not_undo_changes(tmp_path, monkeypatch):
    from ikt_model.decision.weights import preset
    from ikt_model.ui.share import encode_state
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.query_params["s"] = encode_state(Profile(), preset("like"), {})
    at.run()
    assert at.session_state[session.WEIGHTS] == preset("like")
    at.session_state[session.WEIGHTS] = preset("rangsum")  # the user changes the weights,
    at.run()                                                 # the app writes the new ?s= …
    at.query_params["s"] = encode_state(Profile(), preset("like"), {})  # … but a quick page switch sends the old one
    at.run()
    assert at.session_state[session.WEIGHTS] == preset("rangsum")


def test_an_edit_not_applied_on_samarbeidet_is_named_on_the_other_pages(at):
    """An invalid edit keeps the last valid profile: every other page says so (not a silent stale profile)."""
    at.switch_page("pages/profile.py").run()
    at.radio(key=pf(at, "status")).set_value("existing_working").run()  # no current model/form yet: invalid
    assert at.session_state[session.PROFILE].status == "new"
    for page in ("pages/comparison.py", "pages/robustness.py", "pages/memo.py", "pages/costs.py", "pages/home.py"):
        at.switch_page(page).run()
        notice = [w.value for w in at.warning if "ikke tatt i bruk" in w.value]
        assert notice and "siste gyldige profilen" in notice[0] and "nåværende styringsmodell" in notice[0], page
    at.switch_page("pages/profile.py").run()
    assert not [w.value for w in at.warning if "ikke tatt i bruk" in w.value]  # the page says it its own way
    at.radio(key=pf(at, "status")).set_value("existing_working").run()
    at.selectbox(key=pf(at, "current_model")).set_value("ks").run()
    at.selectbox(key=pf(at, "current_form")).set_value("iks").run()
    assert at.session_state[session.PROFILE].status == "existing_working"
    at.switch_page("pages/comparison.py").run()
    assert not [w.value for w in at.warning if "ikke tatt i bruk" in w.value]



def test_a_half_finished_existing_collaboration_is_kept_across_a_page_switch(at):
    """Status «eksisterende, fungerer ikke godt» with only the current model chosen is refused (no form yet);
    the notice on «Sammenligning» sends the user back, where the status and model are as chosen, with the
    refusal, so the entry can be completed. Once another profile is loaded meanwhile, the draft is dropped."""
    at.switch_page("pages/profile.py").run()
    at.radio(key=pf(at, "status")).set_value("existing_struggling").run()
    at.selectbox(key=pf(at, "current_model")).set_value("ks").run()
    assert at.session_state[session.PROFILE].status == "new"
    at.switch_page("pages/comparison.py").run()
    assert any("ikke tatt i bruk" in w.value for w in at.warning)
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    assert at.radio(key=pf(at, "status")).value == "existing_struggling"
    assert at.selectbox(key=pf(at, "current_model")).value == "ks"
    assert at.selectbox(key=pf(at, "current_form")).value is None
    assert any("Profilen er ikke oppdatert" in w.value and "organisasjonsform" in w.value for w in at.warning)
    at.selectbox(key=pf(at, "current_form")).set_value("iks").run()
    profile = at.session_state[session.PROFILE]
    assert (profile.status, profile.current_model, profile.current_form) == ("existing_struggling", "ks", "iks")
    assert not [w for w in at.warning if "Profilen er ikke oppdatert" in w.value]
    at.switch_page("pages/comparison.py").run()
    at.switch_page("pages/profile.py").run()
    assert at.selectbox(key=pf(at, "current_form")).value == "iks" and not at.warning


def test_a_pasted_long_name_is_cut_to_120_characters_with_a_note(at):
    """The browser dropped a paste longer than the field's character limit without a word: the field has no
    limit now, the server cuts the name to 120 characters and says so."""
    long_name = ("Interkommunalt samarbeid om digitalisering " * 6)[:234]
    at.switch_page("pages/profile.py").run()
    assert not at.text_input(key=pf(at, "name")).max_chars
    at.text_input(key=pf(at, "name")).set_value(long_name).run()
    name = at.session_state[session.PROFILE].name
    assert name == long_name[:120].rstrip() and at.text_input(key=pf(at, "name")).value == name
    assert [i.value for i in at.info if "Navnet er kortet til 120 tegn" in i.value]
    at.text_input(key=pf(at, "name")).set_value("Kort").run()
    assert at.session_state[session.PROFILE].name == "Kort" and not [i for i in at.info if "kortet" in i.value]


def test_a_refused_edit_is_not_brought_back_over_a_profile_loaded_meanwhile(at):
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    at.radio(key=pf(at, "status")).set_value("existing_working").run()  # refused: no model/form yet
    at.switch_page("pages/comparison.py").run()
    at.session_state[session.PROFILE] = Profile(municipalities=9)  # e.g. a scenario loaded on «Scenarier»
    at.switch_page("pages/profile.py").run()
    assert at.radio(key=pf(at, "status")).value == "new"
    assert at.text_input(key=pf(at, "municipalities")).value == "9" and not at.warning


def test_the_report_advice_is_drawn_when_opened(at):
    """Issue 14: the report's advice for the profile is drawn only while its expander is open (not on every
    weight change); opened, it lists the advice with its section."""
    at.switch_page("pages/comparison.py").run()
    (folded,) = [e for e in at.expander if e.label.startswith("Råd fra rapporten for denne profilen")]
    bullets = sum(m.value.startswith("- ") for m in at.markdown)
    at.session_state["cmp_advice_open"] = True
    at.run()
    shown = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert len(shown) - bullets == int(folded.label.rsplit("(", 1)[1].rstrip(")")) and all("(kap. " in t for t in shown)


def test_explain_follows_the_best_until_the_user_picks_and_shows_todays_rank(at):
    """«Forklar alternativ» explains today's best after a weight change, with today's rank in its label; a pick
    of the user's stays picked and its label follows the new rank."""
    _open(at, WHY)
    at.switch_page("pages/comparison.py").run()
    box = at.selectbox(key="explain_alternative")
    assert box.value == "alternativ/par27" and box.options[0].startswith("1. Alternativ modell")
    _weight_slider(at, 6).set_value(100.0).run()  # Gjennomføringsevne: Hybridmodell + KO leads
    at.run()
    box = at.selectbox(key="explain_alternative")
    assert box.value == "hybrid/par27" and box.options[box.index].startswith("1. Hybridmodell")
    box.set_value("ks/vertskommune").run()  # a pick reruns the explanation below it, not the sidebar
    (difference,) = live_charts(at)  # «Hvorfor <best> foran KS-modellen + Vertskommune»
    assert not at.slider and "KS-modellen + Vertskommune" in difference["layout"]["title"]["text"]
    at.run()
    _weight_slider(at, 6).set_value(10.0).run()
    at.run()
    box = at.selectbox(key="explain_alternative")
    assert box.value == "ks/vertskommune" and "KS-modellen + Vertskommune" in box.options[box.index]


def test_why_cards_explain_the_chosen_alternative_with_the_reports_words(at):
    """«Hvorfor?»: the cards (one st.html block) hold the chosen alternative's reasons for and against, each with
    its quote and section; another choice shows that alternative's reasons."""
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.knowledge import default_knowledge_base

    _open(at, WHY)
    at.switch_page("pages/comparison.py").run()
    result = evaluate(at.session_state[session.PROFILE], at.session_state[session.WEIGHTS], default_knowledge_base())
    (cards,) = [h.value for h in at.html if '<div class="ikt-why">' in h.value]
    best = result.best
    assert all(f"kap. {r.part.section})" in cards for r in (*best.reasons_for, *best.reasons_against))
    assert cards.count('class="ikt-why-card"') == len(best.reasons_for) + len(best.reasons_against)
    last = result.ranking[-1]
    at.selectbox(key="explain_alternative").set_value(last.alternative.key).run()
    (cards,) = [h.value for h in at.html if '<div class="ikt-why">' in h.value]
    assert cards.count('class="ikt-why-card"') == len(last.reasons_for) + len(last.reasons_against)
    assert all(r.factor_label in cards for r in last.reasons_against) and last.reasons_against


def test_the_ranking_table_on_demand_is_a_plain_table_in_norwegian(at):
    """Issue 14: the table that follows the weights is drawn with the page (st.table), not as a data grid that
    lays its cells out again after every weight change."""
    at.switch_page("pages/comparison.py").run()
    at.toggle(key="show_details").set_value(True).run()
    assert not at.dataframe and len(at.table) == 1
    shown = table_text(at.table[0])
    assert list(shown.columns) == ["Rang", "Alternativ", "Sum", "Dagens", "Sterkeste grunn for", "Sterkeste grunn mot"]
    assert len(shown) == 12
    # the key to the factor heatmap's numbered columns, beneath it
    assert any(shown_markdown(c.value).startswith("Kolonnene: 1 Kvalitet og tilgjengelighet · 2 Omstillingsevne")
               for c in at.caption)
    # each factor on one side only (its parts added), and the page says so: «KS-modellen + KO» named
    # «Omstillingsevne» on both sides (form part for, model part against)
    assert not any(row["Sterkeste grunn for"] and row["Sterkeste grunn for"] == row["Sterkeste grunn mot"]
                   for row in shown.to_dict("records"))
    assert any("alle delene av faktoren lagt sammen" in c.value for c in at.caption)
    _weight_slider(at, 6).set_value(100.0).run()  # a weight change redraws it, still a plain table
    assert not at.exception and not at.dataframe and len(at.table) == 1
    assert table_text(at.table[0]).iloc[0]["Alternativ"] == "Hybridmodell + Kommunalt oppgavefellesskap (KO)"


def test_a_weight_change_leaves_the_closed_details_part_alone(at):
    """«Vis alle poeng …» off: the part it opens draws nothing, and a weight change does not rerun it (one
    fragment less to run and send); on, it follows every change."""
    from ikt_model.ui import fragments

    at.switch_page("pages/comparison.py").run()
    state = at.session_state

    def targets_after_a_change(points6: float) -> list[str]:
        weights = state[session.WEIGHTS]
        session.set_weights(state, {**weights.points, 6: points6}, session.CUSTOM)
        return fragments.rerun_targets(state, page=state[fragments.DRAWN_PAGE], sliders=False)

    assert "cmp_ranking" in targets_after_a_change(100.0) and "cmp_details" not in targets_after_a_change(90.0)
    at.toggle(key="show_details").set_value(True).run()
    assert "cmp_details" in targets_after_a_change(80.0)


def test_the_profile_parts_are_drawn_only_while_open_and_keep_their_values_closed(at):
    """Issue 14: «Medlemmer» and «Forhold som påvirker vurderingen» are drawn only while open (a page switch does
    not lay out the whole form). Closed, their values stay in the profile through an edit at the top, and the
    summary line says what is used; opened earlier, a part is open again on the next visit."""
    at.session_state[session.PROFILE] = Profile(members=["1508", "1577"], municipalities=2, host_on_robek=True,
                                                 stable_operations=False)
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    assert {e.label for e in at.expander} >= {"Medlemmer", "Forhold som påvirker vurderingen"}
    assert not at.multiselect and not at.toggle  # neither part is drawn
    assert any(m.value.startswith("**Nytt samarbeid** · **2 kommuner** · **") for m in at.markdown)
    at.text_input(key=pf(at, "name")).set_value("Sunnmøre IKT").run()
    profile = at.session_state[session.PROFILE]
    assert (profile.name, profile.members, profile.host_on_robek, profile.stable_operations) == (
        "Sunnmøre IKT", ["1508", "1577"], True, False)
    assert any(m.value.startswith("Sunnmøre IKT: **Nytt samarbeid** · **2 kommuner**") for m in at.markdown)
    _open(at, CONDITIONS)
    at.switch_page("pages/comparison.py").run()
    at.switch_page("pages/profile.py").run()
    assert at.toggle(key=pf(at, "host_on_robek")).value is True and not at.multiselect


def test_why_is_drawn_only_while_open(at):
    """Issue 14: «Hvorfor?» (the select box, the reason cards and the difference chart) is drawn only while its
    expander is open; closed, a weight change redraws the ranking and the grid only."""
    at.switch_page("pages/comparison.py").run()
    assert any(e.label == "Hvorfor? De sterkeste grunnene, med rapportens ord" for e in at.expander)
    assert not [b for b in at.selectbox if b.key == "explain_alternative"]
    assert not [h for h in at.html if '<div class="ikt-why">' in h.value] and len(live_charts(at)) == 2
    _weight_slider(at, 6).set_value(100.0).run()
    assert not at.exception and len(live_charts(at)) == 2
    assert "Høyest rangert med disse vektene: **Hybridmodell + Kommunalt oppgavefellesskap (KO)**" in _texts(at)


def test_a_refused_count_is_said_under_the_form_while_its_part_is_closed(at):
    """The refused «Antall kommuner» stands at its field; with «Medlemmer» closed it is said under the form, so
    a refusal is never out of sight."""
    said = "Profilen er ikke oppdatert: Antall kommuner må være et helt tall fra 1 til 500."
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    at.text_input(key=pf(at, "municipalities")).set_value("0").run()
    assert [w.value.replace("\\", "") for w in at.warning] == [said]
    at.session_state[MEMBERS] = False  # the user closes «Medlemmer»
    at.run()
    assert not at.text_input(key=pf(at, "name")).value
    assert not [t for t in at.text_input if t.key == pf(at, "municipalities")]
    assert [w.value.replace("\\", "") for w in at.warning] == [said]
    assert at.session_state[session.PROFILE].municipalities == 5


def test_member_search_takes_a_former_number_or_name_to_todays_municipality(at):
    """Found by a fresh tester: «1507» (Ålesund 2020–2023) got «Ingen av dagens kommuner …», though a loaded
    profile file with the same number is understood. The search now offers today's successor, or the
    municipalities a split one became, and says so; Enter adds a single successor."""
    _open(at, MEMBERS)
    at.switch_page("pages/profile.py").run()
    at.text_input(key="pf_member_search").set_value("1507").run()  # split in 2024: both offered, nothing added
    assert at.pills(key="pf_member_hits").options == ["Ålesund (1508)", "Haram (1580)"]
    shown = [c.value.replace("\\", "") for c in at.caption]  # markdown-escaped: the text may hold what was typed
    assert any("Kommunenummer 1507 (2020–2023) er i dag delt: velg Ålesund (1508) eller Haram (1580)." in c
               for c in shown), shown
    assert not at.session_state[session.PROFILE].members
    at.text_input(key="pf_member_search").set_value("Nøtterøy").run()  # 2015's, in Færder today: Enter adds it
    assert not at.exception
    assert at.session_state[session.PROFILE].members == ["3911"]
    toasts = [t.value.replace("\\", "") for t in at.toast]  # said, as the search field is emptied
    assert "Nøtterøy (0722, 2015) er i dag Færder (3911)." in toasts, toasts
    at.text_input(key="pf_member_search").set_value("0722").run()  # the same again: said, not added twice
    assert at.session_state[session.PROFILE].members == ["3911"]
    assert "Færder (3911) er allerede med." in [t.value.replace("\\", "") for t in at.toast]
