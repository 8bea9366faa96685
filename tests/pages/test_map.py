"""AppTest for the «Kart» and «Lignende samarbeid» pages (clicks on the map are covered in tests/e2e/test_map.py)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from ikt_model.decision.profile import Profile
from ikt_model.municipalities import municipalities_2015
from ikt_model.ui import session
from tests.markdown_text import shown

ATTRIBUTION = "Kart: © Kartverket (CC BY 4.0). Folketall: Statistisk sentralbyrå."


def _open(page: str) -> AppTest:
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def kart() -> AppTest:
    return _open("pages/map_view.py")


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return shown("\n".join(parts))


def test_kart_shows_map_settings_attribution_and_hint(kart):
    assert kart.title[0].value == "Kart over IKT-samarbeid"
    assert kart.radio(key="kart_grenser").value == "today"  # today's borders by default
    assert kart.radio(key="kart_farge").value == "form"
    assert not [t for t in kart.toggle if t.key == "kart_2024"]  # the successor toggle belongs to 2015 borders
    text = _texts(kart)
    assert ATTRIBUTION in text and "Vedlegg 5" in text
    assert "Klikk på en kommune" in text and "Folketall 1.1.2026, SSB" in text


def test_kart_chart_is_offline_clickable_and_has_an_alt_text(kart):
    (chart,) = kart.get("plotly_chart")
    proto = chart.proto
    assert json.loads(proto.config)["topojsonURL"] == "/app/static/"  # no request to cdn.plot.ly
    assert list(proto.selection_mode) == [0]  # points
    assert proto.alt.startswith("Kart over Norges kommuner i dag")
    spec = json.loads(proto.spec)
    assert {t["geojson"] for t in spec["data"]} == {"/app/static/kommuner_2024.geojson"}
    assert sum(len(t["locations"]) for t in spec["data"]) == 357
    assert spec["layout"]["geo"]["fitbounds"] == "locations" and spec["layout"]["geo"]["visible"] is False
    hover = "\n".join(text for trace in spec["data"] for text in trace["text"])
    assert "<b>Herøy (Nordland)</b> (1818)" in hover and "Folketall 1.1.2026" in hover


def test_kart_text_alternative_lists_all_municipalities_and_filters_by_county(kart):
    table = kart.dataframe[0].value
    assert len(table) == 357 and "Kommuner i 2015" in table.columns and "Folketall 1.1.2026" in table.columns
    kart.selectbox(key="kart_tabell_fylke").set_value("Oslo").run()
    assert not kart.exception
    assert list(kart.dataframe[0].value["Kommune"]) == ["Oslo"]
    kart.selectbox(key="kart_tabell_fylke").set_value("Alle fylker").run()
    assert len(kart.dataframe[0].value) == 357


def test_kart_on_2015_borders_with_colour_and_successor_settings(kart):
    kart.selectbox(key="kart_tabell_fylke").set_value("Troms").run()
    kart.radio(key="kart_grenser").set_value("2015").run()
    assert not kart.exception
    assert kart.selectbox(key="kart_tabell_fylke").value == "Troms"  # a county of both structures stays
    spec = json.loads(kart.get("plotly_chart")[0].proto.spec)
    assert {t["geojson"] for t in spec["data"]} == {"/app/static/kommuner_2015.geojson"}
    assert sum(len(t["locations"]) for t in spec["data"]) == 428
    troms_2015 = [m for m in municipalities_2015().values() if m.fylke == "Troms"]
    assert len(kart.dataframe[0].value) == len(troms_2015) == 24
    kart.selectbox(key="kart_tabell_fylke").set_value("Sogn og Fjordane").run()
    kart.radio(key="kart_farge").set_value("collaboration").run()
    assert not kart.exception
    kart.toggle(key="kart_2024").set_value(True).run()
    assert not kart.exception
    assert "hver farge er ett samarbeid" in _texts(kart)  # the legend explanation follows the colouring
    assert "Folketall 1.1.2015, SSB" in _texts(kart)
    spec = json.loads(kart.get("plotly_chart")[0].proto.spec)
    assert len(spec["data"]) == 43 and spec["layout"]["legend"]["title"]["text"] == "Samarbeid"
    hover = "\n".join(text for trace in spec["data"] for text in trace["text"])
    assert "I dag: Sandefjord (3907)" in hover  # Andebu (0719) merged into Sandefjord
    assert "I dag: delt: Narvik (1806) og Hamarøy (1875)" in hover  # Tysfjord was split
    assert "Kommune i dag" in kart.dataframe[0].value.columns
    kart.radio(key="kart_grenser").set_value("today").run()  # a 2015-only county: the filter resets
    assert not kart.exception
    assert kart.selectbox(key="kart_tabell_fylke").value == "Alle fylker"
    kart.radio(key="kart_farge").set_value("form").run()
    assert not kart.exception


def test_kart_shows_a_click_injected_as_selection_state():
    at = _open("pages/map_view.py")
    # AppTest cannot click a chart; a selection injected into the widget state reaches the script once.
    at.session_state["kart"] = {"selection": {"points": [{"location": "4218"}], "point_indices": [0],
                                              "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    text = _texts(at)
    assert "Iveland (4218, Agder)" in text and "innbyggere 1.1.2026" in text and "Med i 2 IKT-samarbeid" in text
    assert "**KR-IKT**" in text and "**Setesdal IKT**" in text and "Medlemmer (5)" in text
    assert "Klikk på en kommune" not in text


def test_kart_2015_click_names_the_2015_municipality():
    at = _open("pages/map_view.py")
    at.radio(key="kart_grenser").set_value("2015").run()
    at.session_state["kart"] = {"selection": {"points": [{"location": "0935"}], "point_indices": [0],
                                              "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    text = _texts(at)
    assert "Iveland (0935, Aust-Agder)" in text and "innbyggere 1.1.2015" in text


# --- Lignende samarbeid ---------------------------------------------------------------------------

def test_lignende_without_members_ranks_by_size_and_links_to_the_profile():
    at = _open("pages/similar.py")
    assert at.title[0].value == "Lignende samarbeid"
    assert "Samarbeidet deres: ingen medlemmer valgt (regnet som 5 kommuner)." in [i.value for i in at.info]
    assert [s.value for s in at.subheader] == ["Samarbeid av lignende størrelse, region og form"]
    table = at.dataframe[0].value
    assert len(table) == 10 and set(table["Kommuner"]) == {5}
    assert "Sammenlignet på størrelse (regnet som 5 kommuner; ingen medlemmer valgt)." in [c.value for c in at.caption]
    at.selectbox(key="lignende_region").set_value("Vest").run()
    assert not at.exception
    assert set(at.dataframe[0].value["KS-region"].head(3)) == {"Vest"}
    assert "De 3 mest like av 10 treff; alle 10 står i tabellen under:" in [m.value for m in at.markdown]
    at.slider(key="lignende_antall").set_value(41).run()
    assert len(at.dataframe[0].value) == 41
    assert "De 3 mest like av 41 treff; alle 41 står i tabellen under:" in [m.value for m in at.markdown]


def test_lignende_with_members_shows_overlap_first():
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.run()
    # today's Kristiansand, Iveland, Birkenes (the report lists KR-IKT with their 2015 predecessors)
    at.session_state[session.PROFILE] = Profile(name="Sørlandet", municipalities=3, members=["4204", "4218", "4216"])
    at.switch_page("pages/similar.py").run()
    assert not at.exception, at.exception
    assert [s.value for s in at.subheader] == ["Samarbeid med felles medlemskommuner",
                                               "Samarbeid av lignende størrelse, region og form"]
    overlap = at.dataframe[0].value
    assert overlap["Samarbeid"].tolist() == ["KR-IKT", "Setesdal IKT"]
    assert overlap["Likhet"].tolist() == [75, 14]  # Jaccard 3/4 and 1/7 in today's structure, whole percent
    cards = shown("\n".join(m.value for m in at.markdown))
    assert "**1. KR-IKT**" in cards and "3 av deres 3 kommuner er med" in cards


def test_lignende_with_members_outside_every_collaboration_explains_the_fallback():
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.run()
    at.session_state[session.PROFILE] = Profile(municipalities=1, members=["0301"])
    at.switch_page("pages/similar.py").run()
    assert not at.exception, at.exception
    assert any("Ingen av kommunene deres" in w.value for w in at.warning)
