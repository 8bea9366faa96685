"""AppTest: the map, similar and SQL pages follow the chosen overview version (newest by default), and the
report's 2015 list is one choice away. The upload flow itself: tests/pages/test_overview.py."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from ikt_model.decision.profile import Profile
from ikt_model.overview import version_repository
from ikt_model.overview.upload import read_upload
from ikt_model.overview.upload_rows import default_lookup
from ikt_model.overview.upload_template import template_csv
from ikt_model.ui import session
from tests.markdown_text import shown

ROWS = [
    {"samarbeid": "IKT Sunnmøre", "organisasjonsform": "ko", "medlemmer": ["1508", "1580", "1577"],
     "etablert_aar": 2020},
    {"samarbeid": "Valdres IKT", "organisasjonsform": "iks", "medlemmer": ["3449", "3450", "3451"],
     "etablert_aar": 2010},
]


@pytest.fixture
def stored(tmp_path, monkeypatch):
    """A store with one uploaded version (2)."""
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    report = read_upload("oversikt_2026.csv", template_csv(ROWS), default_lookup())
    return version_repository.shared_repository().save(report.upload, source="oversikt_2026.csv", comment="Test",
                                              operator=True)  # the operator's import: published


def _open(page: str) -> AppTest:
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_map_shows_the_newest_version_on_todays_borders_and_the_report_on_request(stored):
    at = _open("pages/map_view.py")
    assert at.selectbox(key="kart_versjon").value == stored.id
    assert not at.get("radio") or "kart_grenser" not in [r.key for r in at.radio]  # today's borders only
    spec = _spec(at)
    assert {t["geojson"] for t in spec["data"]} == {"/app/static/kommuner_2024.geojson"}
    assert sum(len(t["locations"]) for t in spec["data"]) == 357
    assert {t["name"] for t in spec["data"]} == {"Kommunalt oppgavefellesskap (KO)", "Interkommunalt selskap (IKS)",
                                                  "Ikke i oversikten"}
    hover = "\n".join(text for t in spec["data"] for text in t["text"])
    assert "<b>Haram</b> (1580)" in hover and "Folketall 1.1.2026" in hover
    assert "Samarbeid: IKT Sunnmøre (Kommunalt oppgavefellesskap (KO), etablert 2020)" in hover
    assert "Ikke med i et IKT-samarbeid i versjonen" in hover
    assert not at.get("toggle")  # no successor toggle: the members are today's municipalities
    table = at.dataframe[0].value
    assert len(table) == 357 and "Folketall 1.1.2026" in table.columns
    assert "Kommuner i 2015" not in table.columns
    caption = " ".join(shown(c.value) for c in at.caption)
    assert "Versjon 2: lastet opp" in caption and "«Ikke i oversikten»" in caption
    # the report's list: on today's borders by default, on 2015 borders one click further
    at.selectbox(key="kart_versjon").set_value(1).run()
    assert not at.exception
    spec = _spec(at)
    assert "Ikke i oversikten (Vedlegg 5)" in {t["name"] for t in spec["data"]}
    at.radio(key="kart_grenser").set_value("2015").run()
    assert not at.exception
    spec = _spec(at)
    assert {t["geojson"] for t in spec["data"]} == {"/app/static/kommuner_2015.geojson"}
    assert sum(len(t["locations"]) for t in spec["data"]) == 428


def test_the_choice_is_shared_between_the_overview_pages(stored):
    at = _open("pages/overview.py")
    assert at.selectbox(key="ov_version").value == stored.id
    at.selectbox(key="ov_version").set_value(1).run()
    at.switch_page("pages/map_view.py").run()
    assert at.selectbox(key="kart_versjon").value == 1
    at.switch_page("pages/sql_console.py").run()
    assert at.selectbox(key="sql_versjon").value == 1


def test_similar_compares_the_profile_with_the_chosen_version(stored):
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.run()
    at.session_state[session.PROFILE] = Profile(status="existing_working", current_model="ks", current_form="par27",
                                                municipalities=2, members=["1508", "1580"])
    at.switch_page("pages/similar.py").run()
    assert not at.exception
    assert at.selectbox(key="lignende_versjon").value == stored.id
    first = at.dataframe[0].value
    assert first["Samarbeid"].tolist()[0] == "IKT Sunnmøre"
    assert "2 av deres 2 kommuner er med (Haram, Ålesund)" in first["Hvorfor likt"][0]
    assert "samme organisasjonsform som dere (Kommunalt oppgavefellesskap (KO))" in first["Hvorfor likt"][0]
    at.selectbox(key="lignende_versjon").set_value(1).run()
    assert not at.exception
    assert "eKommune Sunnmøre" in at.dataframe[0].value["Samarbeid"].tolist()


def test_sql_runs_against_the_chosen_version(stored):
    at = _open("pages/sql_console.py")
    assert at.selectbox(key="sql_versjon").value == stored.id
    at.text_area(key="sql_query").input("SELECT navn, organisasjonsform, antall_kommuner FROM v_samarbeid_oversikt "
                                        "ORDER BY navn")
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.dataframe[0].value.values.tolist() == [["IKT Sunnmøre", "ko", 3], ["Valdres IKT", "iks", 3]]
    at.selectbox(key="sql_versjon").set_value(1).run()
    assert not at.exception and not at.error
    assert len(at.dataframe[0].value) == 41
