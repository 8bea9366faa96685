"""AppTest for Scenarier, Beslutningsnotat and Kostnadsfordeling."""

import io
import json
import re
from pathlib import Path

import pytest
from docx import Document

from ikt_model import format as fmt
from ikt_model.costs import inputs, split
from ikt_model.costs import tables as cost_tables
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import preset
from ikt_model.scenarios.model import export_json, scenario_from_state
from ikt_model.ui import session
from ikt_model.ui.share import decode_state
from tests.pages.live import live_charts, table_text

REPO = Path(__file__).resolve().parents[2]


SCENARIOS = "pages/scenarios.py"
MEMO = "pages/memo.py"
COSTS = "pages/costs.py"


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [c.value for c in at.code]
    parts += [e.value for e in at.success] + [e.value for e in at.info] + [e.value for e in at.warning]
    return "\n".join(str(p) for p in parts)


def _unescaped(markdown: str) -> str:
    """A message as the reader sees it (the page escapes Markdown: «\\-10» is «-10»)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _save(at, name: str) -> None:
    at.text_input(key="scen_name").set_value(name)
    next(b for b in at.button if b.label == "Lagre scenario").click().run()


def test_scenarios_save_list_rename_delete(at):
    at.switch_page(SCENARIOS).run()
    assert not at.exception and "Ingen scenarier er lagret" in _texts(at)
    _save(at, "Med **ROBEK** <b>")
    assert not at.exception
    assert any("Med \\*\\*ROBEK\\*\\* \\<b\\>" in s.value for s in at.success)  # shown as text
    assert at.selectbox(key="scen_chosen").value == "Med **ROBEK** <b>"
    _save(at, "Med **ROBEK** <b>")
    assert any("finnes allerede" in e.value for e in at.error)
    at.text_input(key="scen_new_name").set_value("Uten ROBEK")
    at.button(key="scen_rename").click().run()
    assert at.selectbox(key="scen_chosen").options == ["Uten ROBEK"]
    at.button(key="scen_delete").click().run()
    assert any("for godt" in w.value for w in at.warning)
    at.button(key="scen_delete_no").click().run()
    assert at.selectbox(key="scen_chosen").options == ["Uten ROBEK"]
    at.button(key="scen_delete").click().run()
    at.button(key="scen_delete_yes").click().run()
    assert not at.exception and "Ingen scenarier er lagret" in _texts(at)


def test_scenarios_load_compare_and_share(at):
    at.switch_page(SCENARIOS).run()
    _save(at, "Uten ROBEK")
    at.session_state[session.PROFILE] = Profile(host_on_robek=True)
    at.session_state[session.WEIGHTS] = preset("like")
    at.session_state[session.WEIGHTS_SOURCE] = "like"
    at.run()
    _save(at, "Med ROBEK")
    assert not at.exception
    assert at.selectbox(key="scen_chosen").value == "Med ROBEK"  # the saved one is selected
    assert at.multiselect(key="scen_compare").value == ["Med ROBEK", "Uten ROBEK"]
    assert sum("Vinner · vektet sum" in c.value for c in at.caption) == 2
    assert "Vertskommunen er på ROBEK" in list(at.dataframe[-1].value["Hva"])
    ranking = at.dataframe[-2].proto.arrow_data  # the ranking per scenario: Norwegian numbers, numbers underneath
    assert ranking.HasField("styler") and at.dataframe[-2].value["Med ROBEK: sum"].dtype.kind == "f"
    link = at.code[-1].value
    assert "sammenligning?s=" in link
    state = decode_state(link.split("?s=")[1])
    assert state.profile.host_on_robek and state.weights == preset("like") and state.notice is None
    at.selectbox(key="scen_chosen").set_value("Uten ROBEK").run()
    at.button(key="scen_load").click().run()
    assert at.session_state[session.PROFILE].host_on_robek is False
    assert at.session_state[session.WEIGHTS] == preset("rapport")


def test_scenarios_import_refuses_and_accepts(at):
    at.switch_page(SCENARIOS).run()
    uploader = at.get("file_uploader")
    if not uploader:
        pytest.skip("this Streamlit's AppTest has no file_uploader support")
    good = export_json(scenario_from_state("Importert", Profile(), preset("like"), "like"))
    uploader[0].set_value([("s.json", json.dumps({**json.loads(good), "schema_version": 7}).encode(),
                            "application/json")]).run()
    assert any("ingenting er endret" in e.value and "skjemaversjon 7" in e.value for e in at.error)
    uploader = at.get("file_uploader")
    uploader[0].set_value([("s.json", good.encode(), "application/json")]).run()
    at.button(key="scen_import").click().run()
    assert at.selectbox(key="scen_chosen").options == ["Importert"]


def test_costs_page_from_profile(at):
    at.session_state[session.PROFILE] = Profile(members=["1515", "1511", "1514"], municipalities=3)
    at.switch_page(COSTS).run()
    assert not at.exception
    assert at.multiselect(key="kost_members").value == ["1515", "1511", "1514"]
    table = table_text(at.table[0])
    assert at.selectbox(key="kost_year").value == 2026  # the newest population by default
    expected = split.split_costs(inputs.parse_cost_input(members=["1515", "1511", "1514"], budget_kr=12_000_000))
    assert list(table["Andel (kr)"])[:3] == [fmt.number(m.andel_kr) for m in expected.members]
    assert list(table["Andel (kr)"])[-1] == "12\u00a0000\u00a0000"
    assert list(table["Kommune"])[0] == "Herøy (Møre og Romsdal, 1515)" and "Folketall 1.1.2026" in table.columns
    assert any("folketall 1.1.2026, SSB" in c.value for c in at.caption)
    at.selectbox(key="kost_year").set_value(2015).run()  # the report's figures, computed by hand in 2.8 terms
    assert list(table_text(at.table[0])["Andel (kr)"])[:3] == ["6\u00a0261\u00a0415",
                                                           "3\u00a0045\u00a0768",
                                                           "2\u00a0692\u00a0817"]
    assert "Folketall 1.1.2015" in table_text(at.table[0]).columns
    assert at.session_state[cost_tables.SESSION_KEY].budget == 12_000_000
    [chart] = live_charts(at)  # the chart follows the key in place (the live-chart component), as do the table
    at.slider(key="kost_equal").set_value(100).run()  # and its figures: drawn with the page (st.table, not a grid)
    assert list(table_text(at.table[0])["Andel (kr)"])[:3] == ["4\u00a0000\u00a0000"] * 3
    assert not at.get("plotly_chart") and not at.dataframe
    [after] = live_charts(at)
    assert after["data"][0]["x"] == [4_000_000] * 3 and after["data"][0]["x"] != chart["data"][0]["x"]


def test_costs_page_merges_members_of_an_old_profile_with_a_notice(at):
    # a profile loaded from an old file: Ålesund, Ørskog, Skodje (2015) are one municipality today
    at.session_state[session.PROFILE] = Profile.model_validate(
        {"municipalities": 4, "members": ["1504", "1523", "1529", "1577"]})
    at.switch_page(COSTS).run()
    assert not at.exception
    assert at.multiselect(key="kost_members").value == ["1508", "1577"]
    table = table_text(at.table[0])
    assert list(table["Kommune"])[:2] == ["Ålesund (1508)", "Volda (1577)"]  # one share for Ålesund, not three


@pytest.mark.parametrize("budget, message", [("-5", "negativt"), ("6 mrd", "høyst"), ("1e12", "ikke et tall"),
                                             ("tolv", "et tall"), ("1,200", "både 1,2 og 1 200")])
def test_costs_page_budget_errors(at, budget, message):
    at.session_state[session.PROFILE] = Profile(members=["1515", "1511"], municipalities=2)
    at.switch_page(COSTS).run()
    at.text_input(key="kost_budget").set_value(budget).run()
    assert not at.exception and any(message in e.value for e in at.error)
    assert cost_tables.SESSION_KEY not in at.session_state


def test_costs_page_empty_members_and_percentages(at):
    at.switch_page(COSTS).run()
    assert not at.error and any("minst én medlemskommune" in i.value for i in at.info)  # a prompt, not an error
    at.multiselect(key="kost_members").set_value(["1515", "1511"]).run()
    at.radio(key="kost_method").set_value("faste_prosenter").run()
    assert not at.exception
    assert list(table_text(at.table[0])["Andel"])[:2] == ["50,00\u00a0%", "50,00\u00a0%"]


def test_memo_page_one_click(at):
    at.session_state[session.PROFILE] = Profile(name="Test <IKT>", members=["1515", "1511", "1514"],
                                                 municipalities=3)
    at.session_state[session.WORKSHOP_RESULT] = {"title": "WS", "participants": 5, "method": "Gjennomsnitt",
                                                  "dissent": [(1, 0.1)]}
    at.switch_page(COSTS).run()
    at.switch_page(MEMO).run()
    assert not at.exception and any("Lag beslutningsnotat" in i.value for i in at.info)
    assert at.checkbox(key="notat_costs").value and at.checkbox(key="notat_workshop").value
    at.button(key="notat_make").click().run()
    assert not at.exception
    assert any("er laget" in s.value for s in at.success)
    title, _, html_text, docx_bytes = at.session_state["notat_result"]
    assert "Test &lt;IKT&gt;" in html_text and "Workshop og uenighet" in html_text
    expected = split.split_costs(inputs.parse_cost_input(members=["1515", "1511", "1514"], budget_kr=12_000_000))
    assert fmt.kroner(expected.members[0].andel_kr) in html_text and "Herøy (Møre og Romsdal, 1515)" in html_text
    doc = Document(io.BytesIO(docx_bytes))
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        "Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering", "Alternativer", "Anbefaling",
        "Vedlegg"]


def test_memo_page_warns_when_stale_and_costs_follow_profile(at):
    at.switch_page(MEMO).run()
    at.button(key="notat_make").click().run()
    assert not at.warning
    at.session_state[session.PROFILE] = Profile(host_on_robek=True, members=["1515", "1511"], municipalities=2)
    at.run()
    assert any("endret siden notatet ble laget" in w.value for w in at.warning)
    at.switch_page(COSTS).run()
    assert at.multiselect(key="kost_members").value == ["1515", "1511"]
    at.multiselect(key="kost_members").set_value(["1515"]).run()
    at.button(key="kost_from_profile").click().run()  # the server sets the list: a new key (server_value_key)
    assert at.multiselect(key="kost_members_v1").value == ["1515", "1511"]


@pytest.mark.parametrize("content, expected", [
    (b"[" * 100_000 + b"]" * 100_000, "ikke gyldig JSON"),
    (None, "Ukjent metode «magi»"),
    ("source", "Ukjent kilde for vektene «magisk»"),
])
def test_scenarios_import_refuses_hostile_files_with_a_message(at, content, expected):
    at.switch_page(SCENARIOS).run()
    uploader = at.get("file_uploader")
    if not uploader:
        pytest.skip("this Streamlit's AppTest has no file_uploader support")
    good = json.loads(export_json(scenario_from_state("Fiendtlig", Profile(), preset("like"), "like")))
    if content is None:
        content = json.dumps({**good, "method": "magi"}).encode()
    elif content == "source":
        content = json.dumps({**good, "weights_source": "magisk"}).encode()
    uploader[0].set_value([("s.json", content, "application/json")]).run()
    assert not at.exception
    assert any(expected in e.value for e in at.error), [e.value for e in at.error]


def test_costs_page_table_and_chart_list_the_members_in_one_order(at):
    """The table kept the members' input order while the chart sorted them by amount: both show the largest
    share first now (the chart's first category is its bottom row), the sum row last."""
    at.session_state[session.PROFILE] = Profile(members=["1514", "1511", "1515"], municipalities=3)
    at.switch_page(COSTS).run()
    assert not at.exception
    shown = list(table_text(at.table[0])["Kommune"])
    assert shown == ["Herøy (Møre og Romsdal, 1515)", "Vanylven (1511)", "Sande (1514)", "Sum"]
    [chart] = live_charts(at)
    assert [list(reversed(trace["y"])) for trace in chart["data"]] == [shown[:-1]] * 2


@pytest.mark.parametrize("typed, message", [
    ({"1515": "-10", "1511": "110"},
     "Prosenten for Herøy (Møre og Romsdal, 1515) kan ikke være negativ (skrevet: «-10»)"),
    ({"1515": "100", "1511": "-0"}, "Prosenten for Vanylven (1511) kan ikke være negativ (skrevet: «-0»)"),
    ({"1515": "100", "1511": ""}, "Prosenten for Vanylven (1511) mangler"),
])
def test_costs_page_refuses_a_negative_or_missing_percentage_and_keeps_what_was_typed(at, typed, message):
    """Faste prosenter: a negative percentage, «−0» or a deleted one is refused with a Norwegian message naming the
    member; the editor keeps what was typed (on this page and after a visit to another), and no split is kept
    for the memo."""
    at.session_state[session.PROFILE] = Profile(members=["1515", "1511"], municipalities=2)
    at.switch_page(COSTS).run()
    at.radio(key="kost_method").set_value("faste_prosenter").run()
    assert cost_tables.SESSION_KEY in at.session_state  # the equal split it starts from is valid
    at.session_state["kost_pct_texts"] = at.session_state["kost_pct_base"] = typed  # AppTest cannot type into
    at.run()  # a data editor: the texts it would hold
    assert not at.exception and len(at.error) == 1 and _unescaped(at.error[0].value).startswith(message)
    assert cost_tables.SESSION_KEY not in at.session_state and not at.table and not live_charts(at)
    assert at.session_state["kost_pct_texts"] == typed
    at.switch_page("pages/home.py").run()
    at.switch_page(COSTS).run()
    assert at.session_state["kost_pct_texts"] == typed and _unescaped(at.error[0].value).startswith(message)


def _type_percentages(at, texts: list[str]) -> None:
    """Type `texts` into the fixed-percentage editor's «Prosent» cells, row by row, as the browser sends
    them: the editor's edit state (AppTest cannot type into a data editor's cells)."""
    at.session_state["kost_pct"] = {"edited_rows": {i: {"Prosent": t} for i, t in enumerate(texts)},
                                    "added_rows": [], "deleted_rows": []}
    at.run()


def _editor_texts(at) -> dict[str, str]:
    frame = at.data_editor(key="kost_pct").value
    return dict(zip(frame["Kommunenummer"], frame["Prosent"], strict=True))


def test_costs_page_keeps_typed_percentages_when_the_member_list_changes(at):
    """Faste prosenter: adding a member kept none of the typed percentages (every member got an equal split
    again). Now the members who stay keep what was typed, a refused text too; the new member starts blank, and
    the sum says what is left; removing a member takes its percentage away and changes nothing else."""
    at.session_state[session.PROFILE] = Profile(members=["1515", "1511"], municipalities=2)
    at.switch_page(COSTS).run()
    at.radio(key="kost_method").set_value("faste_prosenter").run()
    assert _editor_texts(at) == {"1515": "50,00", "1511": "50,00"}  # nothing typed yet: an equal split
    _type_percentages(at, ["60,5", "39,5"])
    assert not at.error and cost_tables.SESSION_KEY in at.session_state

    at.multiselect(key="kost_members").set_value(["1515", "1511", "1514"]).run()
    assert not at.exception
    assert _editor_texts(at) == {"1515": "60,5", "1511": "39,5", "1514": ""}
    assert at.session_state["kost_pct_texts"] == {"1515": "60,5", "1511": "39,5", "1514": ""}
    assert [_unescaped(e.value) for e in at.error] == ["Prosenten for Sande (1514) mangler. Skriv for eksempel 60,5."]
    assert ("Prosentene summerer til 100,00\u00a0% uten Sande (1514), som ikke har fått noen prosent ennå; "
            "alle til sammen må bli 100\u00a0%.") in [c.value for c in at.caption]
    assert cost_tables.SESSION_KEY not in at.session_state  # no split for the memo until the key is whole

    _type_percentages(at, ["50", "-0", "30"])  # the new editor: one text refused, the new member filled
    assert _unescaped(at.error[0].value).startswith("Prosenten for Vanylven (1511) kan ikke være negativ")
    at.multiselect(key="kost_members").set_value(["1515", "1511"]).run()  # Sande leaves
    assert _editor_texts(at) == {"1515": "50", "1511": "-0"}  # the refused text stays as typed
    assert _unescaped(at.error[0].value).startswith("Prosenten for Vanylven (1511) kan ikke være negativ")
    _type_percentages(at, ["1.000,5", "40"])  # one share over the whole: named at its member, the text echoed
    assert [_unescaped(e.value) for e in at.error] == [
        "Prosenten for Herøy (Møre og Romsdal, 1515) kan ikke være over 100\u00a0% (skrevet: «1.000,5»). "
        "Skriv et tall fra 0 til 100, for eksempel 60,5."]
    _type_percentages(at, ["50", "40"])
    assert ("Prosentene summerer til 90,00\u00a0%; de må bli 100\u00a0% (10,00\u00a0% mangler)."
            in [c.value for c in at.caption])
    assert [_unescaped(e.value) for e in at.error] == ["Prosentene må summere til 100\u00a0% (nå 90,00\u00a0%)."]
    _type_percentages(at, ["50", "50"])
    assert not at.error and "Sum: 100,00\u00a0%" in [c.value for c in at.caption]
    assert cost_tables.SESSION_KEY in at.session_state
    at.radio(key="kost_method").set_value("likedeling_og_folketall").run()  # the other key and back: kept too
    at.multiselect(key="kost_members").set_value(["1515", "1511", "1514"]).run()
    at.radio(key="kost_method").set_value("faste_prosenter").run()
    assert _editor_texts(at) == {"1515": "50", "1511": "50", "1514": ""}
