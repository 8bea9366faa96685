"""AppTest for «Nasjonal oversikt» and «SQL»."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def app():
    return AppTest.from_file("../../app.py", default_timeout=60)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_renders_key_figures_tables_and_sources(app):
    at = app.switch_page("pages/overview.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Nasjonal oversikt"]
    figures = metrics(at)
    assert figures["Samarbeid"] == "41" and figures["Kommuner med"] == "224"
    assert figures["Gjennomsnittlig alder i 2015"] == "6,8 år"
    assert len(at.dataframe) == 3  # collaborations, 2.6.1 comparison, data quality
    assert at.dataframe[0].value.shape[0] == 41
    assert at.dataframe[1].value.shape[0] == 6
    assert at.dataframe[2].value.shape[0] >= 38
    text = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "Samarbeidsavtaler" in text and "Aust-Agder fylkeskommune" in text
    assert "Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015)" in text
    assert "Vedlegg 5, PwC for KS (2015)" in text


def test_filter_change_updates_figures_and_table(app):
    at = app.switch_page("pages/overview.py").run()
    at.multiselect(key="ov_forms").set_value(["iks"]).run()
    assert not at.exception
    assert metrics(at)["Samarbeid"] == "5"
    assert set(at.dataframe[0].value["organisasjonsform"]) == {"iks"}
    at.multiselect(key="ov_regions").set_value(["Midt"]).run()
    assert metrics(at)["Samarbeid"] == "1"
    at.slider(key="ov_years").set_value((2014, 2015)).run()
    assert metrics(at)["Samarbeid"] == "0"
    assert any("Ingen samarbeid passer" in i.value for i in at.info)


def test_size_filter_and_members(app):
    at = app.switch_page("pages/overview.py").run()
    at.slider(key="ov_size").set_value((10, 13)).run()
    assert set(at.dataframe[0].value["navn"]) == {"IKT ORKidé", "SYS-IKT"}
    at.selectbox(key="ov_members").set_value("ikt-orkide").run()
    assert not at.exception
    assert at.dataframe[1].value.shape[0] == 13


def test_data_quality_category_filter(app):
    at = app.switch_page("pages/overview.py").run()
    at.multiselect(key="ov_quality_categories").set_value(["Linjeskift i tabellen"]).run()
    assert set(at.dataframe[-1].value["trykt"]) == {"Rissa", "Osterøy"}


def test_sql_page_runs_example_and_documents_schema(app):
    at = app.switch_page("pages/sql_console.py").run()
    assert not at.exception and not at.error
    assert at.dataframe[0].value.shape[0] == 6  # first example: one row per form
    assert [b.label for b in at.get("download_button")] == ["Last ned for Excel (CSV)", "Last ned som Excel (.xlsx)"]
    tables = at.dataframe[1].value["tabell"].tolist()
    assert {"samarbeid", "medlemskap", "kommuner", "kommune_etterfolgere", "v_kommune_samarbeid"} <= set(tables)
    at.selectbox(key="sql_example").set_value("Kommuner i mer enn ett samarbeid").run()
    at.button[0].click().run()
    assert at.dataframe[0].value["navn"].tolist() == ["Iveland"]


@pytest.mark.parametrize("query, expected", [
    ("DROP TABLE samarbeid", "Bare lesing"),
    ("SELECT * FROM read_csv('/etc/passwd')", "Ingen tilgang"),
    ("SELECT 1; SELECT 2", "én spørring"),
    ("SELECT count(*) FROM range(100000000) a, range(100000000) b", "tidsgrensen"),
])
def test_sql_page_refuses_with_norwegian_message(app, query, expected):
    at = app.switch_page("pages/sql_console.py").run()
    at.text_area(key="sql_query").set_value(query)
    at.button[0].click().run()
    assert not at.exception
    assert len(at.error) == 1 and expected in at.error[0].value
