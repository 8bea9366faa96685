"""Nothing a user entered is lost on a page switch: enter values, visit «Start», come back, values intact.

One test per page with inputs. Widget state dies when its page is left (Streamlit); pages keep it with
`persist_state="session"` or with durable session keys that re-seed the widgets.
"""

import pytest

from ikt_model.costs import tables as cost_tables
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import ALTERNATIVES
from ikt_model.ui import session
from tests.pages.live import pf

HOME = "pages/home.py"


def away_and_back(at, page: str) -> None:
    at.switch_page(HOME).run()
    assert not at.exception
    assert "kost_budget" not in [w.key for w in at.text_input]  # really on «Start»
    at.switch_page(page).run()
    assert not at.exception


def test_costs_members_budget_and_key_survive(at):
    page = "pages/costs.py"
    at.switch_page(page).run()
    at.multiselect(key="kost_members").set_value(["1515", "1511", "1514"]).run()
    at.text_input(key="kost_budget").set_value("250.000").run()
    at.slider(key="kost_equal").set_value(50).run()
    assert at.session_state[cost_tables.SESSION_KEY].budget == 250_000  # «250.000» is 250 000 kr, not 250
    at.radio(key="kost_method").set_value("faste_prosenter").run()
    typed = {"1515": "60,5", "1511": "25", "1514": "14,5"}  # AppTest cannot type into a data editor:
    at.session_state["kost_pct_texts"] = at.session_state["kost_pct_base"] = typed  # the texts it would hold
    at.run()
    assert at.session_state["kost_pct_texts"] == typed
    away_and_back(at, page)
    assert at.multiselect(key="kost_members").value == ["1515", "1511", "1514"]
    assert at.text_input(key="kost_budget").value == "250.000"
    assert at.radio(key="kost_method").value == "faste_prosenter"
    split = at.session_state[cost_tables.SESSION_KEY]
    assert [m.andel_kr for m in split.members] == [151_250, 62_500, 36_250]
    at.radio(key="kost_method").set_value("likedeling_og_folketall").run()
    assert at.slider(key="kost_equal").value == 50


def test_memo_choices_survive(at):
    at.session_state[session.PROFILE] = Profile(members=["1515", "1511"], municipalities=2)
    at.switch_page("pages/costs.py").run()
    assert cost_tables.SESSION_KEY in at.session_state
    page = "pages/memo.py"
    at.switch_page(page).run()
    assert at.checkbox(key="notat_costs").value is True
    at.text_input(key="notat_title").set_value("Notat til kommunestyret").run()
    at.checkbox(key="notat_robust").uncheck().run()
    away_and_back(at, page)
    assert at.text_input(key="notat_title").value == "Notat til kommunestyret"
    assert at.checkbox(key="notat_robust").value is False
    assert at.checkbox(key="notat_costs").value is True
    at.checkbox(key="notat_costs").uncheck().run()
    away_and_back(at, page)
    assert at.checkbox(key="notat_costs").value is False


def test_robustness_smaa_settings_survive(at):
    page = "pages/robustness.py"
    at.switch_page(page).run()
    at.text_input(key="smaa_seed").set_value("42").run()
    at.selectbox(key="smaa_samples").set_value(1_000).run()
    at.radio(key="smaa_weight_mode").set_value("ordinal").run()
    at.selectbox(key="walk_factor").set_value(3).run()
    away_and_back(at, page)
    assert at.text_input(key="smaa_seed").value == "42"
    assert at.selectbox(key="smaa_samples").value == 1_000
    assert at.radio(key="smaa_weight_mode").value == "ordinal"
    assert at.selectbox(key="walk_factor").value == 3


def test_ahp_answers_survive(at):
    page = "pages/pairwise.py"
    at.switch_page(page).run()
    slider = at.select_slider[0]
    slider.set_value(-5).run()
    key = slider.key
    away_and_back(at, page)
    assert at.select_slider(key=key).value == -5


def _opened_earlier(at, key: str) -> None:
    """An expander drawn only while open (`key`), opened by the user earlier: its state and the copy the page
    keeps for the next visit (ui.widgets.keep_open)."""
    at.session_state[key] = at.session_state[f"{key}_kept"] = True


def test_comparison_choices_survive(at):
    page = "pages/comparison.py"
    _opened_earlier(at, "cmp_why_open")
    at.switch_page(page).run()
    chosen = ALTERNATIVES[-1].key
    at.selectbox(key="explain_alternative").set_value(chosen).run()
    at.run()  # the pick reran only the explanation below it
    at.toggle(key="show_details").set_value(True).run()
    away_and_back(at, page)
    assert at.selectbox(key="explain_alternative").value == chosen
    assert at.toggle(key="show_details").value is True


def test_overview_filters_survive(at):
    page = "pages/overview.py"
    at.switch_page(page).run()
    region = at.multiselect(key="ov_regions").options[0]
    at.multiselect(key="ov_regions").set_value([region]).run()
    at.checkbox(key="ov_unknown_year").uncheck().run()
    category = at.multiselect(key="ov_quality_categories").options[0]
    at.multiselect(key="ov_quality_categories").set_value([category]).run()
    away_and_back(at, page)
    assert at.multiselect(key="ov_regions").value == [region]
    assert at.checkbox(key="ov_unknown_year").value is False
    assert at.multiselect(key="ov_quality_categories").value == [category]


def test_sql_text_survives(at):
    page = "pages/sql_console.py"
    at.switch_page(page).run()
    query = "SELECT navn FROM samarbeid WHERE navn LIKE 'I%' ORDER BY navn"
    at.text_area(key="sql_query").set_value(query).run()  # typed, not yet run
    away_and_back(at, page)
    assert at.text_area(key="sql_query").value == query


def test_scenario_inputs_survive(at):
    page = "pages/scenarios.py"
    at.switch_page(page).run()
    at.text_input(key="scen_name").set_value("Med ROBEK").run()
    at.checkbox(key="scen_overwrite").check().run()
    away_and_back(at, page)
    assert at.text_input(key="scen_name").value == "Med ROBEK"
    assert at.checkbox(key="scen_overwrite").value is True


def test_similar_and_map_settings_survive(at):
    at.switch_page("pages/similar.py").run()
    at.slider(key="lignende_antall").set_value(5).run()
    away_and_back(at, "pages/similar.py")
    assert at.slider(key="lignende_antall").value == 5
    at.switch_page("pages/map_view.py").run()
    county = at.selectbox(key="kart_tabell_fylke").options[2]
    at.selectbox(key="kart_tabell_fylke").set_value(county).run()
    away_and_back(at, "pages/map_view.py")
    assert at.selectbox(key="kart_tabell_fylke").value == county


def test_workshop_draft_survives(at):
    page = "pages/workshop_facilitator.py"
    at.switch_page(page).run()
    at.text_input(key="ws_title").set_value("Rådmannsmøte").run()
    at.radio(key="ws_method").set_value("rangering").run()
    away_and_back(at, page)
    assert at.text_input(key="ws_title").value == "Rådmannsmøte"
    assert at.radio(key="ws_method").value == "rangering"


def test_profile_survives(at):
    page = "pages/profile.py"
    _opened_earlier(at, "pf_conditions_open")
    at.switch_page(page).run()
    at.text_input(key=pf(at, "name")).set_value("Sunnmøre IKT").run()
    at.toggle(key=pf(at, "host_on_robek")).set_value(True).run()
    away_and_back(at, page)
    assert at.text_input(key=pf(at, "name")).value == "Sunnmøre IKT"
    assert at.toggle(key=pf(at, "host_on_robek")).value is True


@pytest.mark.parametrize("page", ["pages/knowledge_base.py", "pages/about.py", "pages/home.py"])
def test_pages_without_widget_inputs_run(at, page):
    """Knowledge base edits live in the durable overrides (see its own tests); the others have no inputs."""
    at.switch_page(page).run()
    assert not at.exception
