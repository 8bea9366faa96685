"""AppTest for «Nasjonal oversikt» and «SQL»."""

from __future__ import annotations

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from tests.markdown_text import shown


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))  # uploaded versions live here
    return AppTest.from_file("../../app.py", default_timeout=60)


def frame_with(at, column: str):
    """The (first) dataframe that has `column` (AppTest does not expose dataframe keys)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def error_table(at):
    """The upload's error table as the reader sees it: a plain table (st.table), every cell whole and unescaped."""
    frame = next(t.value for t in at.table if "Feil" in t.value.columns)
    return frame.map(lambda v: shown(v) if isinstance(v, str) else v)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_renders_key_figures_tables_and_sources(app):
    at = app.switch_page("pages/overview.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Nasjonal oversikt"]
    figures = metrics(at)
    assert figures["Samarbeid"] == "41" and figures["Kommuner med"] == "224"
    assert figures["Gjennomsnittlig alder i 2015"] == "6,8 år"
    # the shares under two figures are shares, not changes: no arrow (an up-arrow read as growth), gray
    shares = {m.label: m.proto for m in at.metric if m.proto.delta}
    assert {label: p.delta for label, p in shares.items()} == {"Kommuner med": "52\u00a0% av 428",
                                                             "Innbyggere dekket": "37\u00a0% av befolkningen"}
    assert all(p.direction == MetricProto.MetricDirection.NONE for p in shares.values())
    assert all(p.color == MetricProto.MetricColor.GRAY for p in shares.values())
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


# -- versions: upload, choose, compare -----------------------------------------------------------------------

GOOD_2026 = ("\ufeffSamarbeid;Organisasjonsform;Medlemmer (kommunenummer);Etablert (år);Ansatte\r\n"
             "IKT Sunnmøre;KO;1508, 1580, 1577;2020;25\r\n"
             "IKT Valdres;IKS;3450, 3451, 3452, 3453, 3454;2010;14\r\n").encode()
BAD_2026 = ("Collaboration,Organisation form,Members,Year established\r\n"
            "IKT Sunnmøre,KO,\"1508, 9999\",2020\r\n"
            "IKT Sunnmøre,§ 27,\"1508, 1508\",1800\r\n").encode()


def test_refused_upload_shows_every_problem_by_row_and_stores_nothing(app):
    at = app.switch_page("pages/overview.py").run()
    at.file_uploader(key="ov_upload").set_value(("oversikt.csv", BAD_2026, "text/csv")).run()
    assert not at.exception
    assert any("ble ikke lagret: 5 feil" in e.value for e in at.error)
    errors = error_table(at)
    assert errors["Rad"].tolist() == ["2", "3", "3", "3", "3"]
    assert "Ukjent kommunenummer 9999" in errors["Feil"].tolist()
    assert not at.get("form_submit_button")
    assert at.selectbox(key="ov_version").options == ["Versjon 1 – rapporten 2015 (Vedlegg 5, 41 samarbeid)"]


def test_long_error_messages_are_shown_whole_and_many_errors_wrap_in_a_grid(app):
    """At 1400 px the grid cut «Ukjent organisasjonsform «Samkommune»: samkommuner ble avviklet innen 1.1.20…»:
    a refused file's errors are now a plain table (st.table wraps the text; nothing is cut). More than
    PLAIN_TABLE_ERRORS errors go in a grid whose rows are over 4rem, where Streamlit wraps the text."""
    from ikt_model.ui.overview_upload import PLAIN_TABLE_ERRORS, WRAPPED_ROW_HEIGHT

    head = "Samarbeid;Organisasjonsform;Medlemmer (kommunenummer);Etablert (år)\r\n"
    at = app.switch_page("pages/overview.py").run()
    bad = (head + "IKT Innherred;Samkommune;5037, 5038;2004\r\n").encode()
    at.file_uploader(key="ov_upload").set_value(("oversikt.csv", bad, "text/csv")).run()
    assert not at.exception and not [d for d in at.dataframe if "Feil" in d.value.columns]
    message = error_table(at)["Feil"].tolist()[0]
    assert message.startswith("Ukjent organisasjonsform «Samkommune»: samkommuner ble avviklet innen 1.1.2020")
    many = (head + "".join(f"IKT {i};KO;9999;2004\r\n" for i in range(PLAIN_TABLE_ERRORS + 1))).encode()
    at.file_uploader(key="ov_upload").set_value(("mange.csv", many, "text/csv")).run()
    assert not at.exception
    grid = next(d for d in at.dataframe if "Feil" in d.value.columns)
    assert len(grid.value) == PLAIN_TABLE_ERRORS + 1 and grid.proto.row_height == WRAPPED_ROW_HEIGHT > 64


def test_wrong_file_type_is_a_norwegian_message(app):
    at = app.switch_page("pages/overview.py").run()
    at.file_uploader(key="ov_upload").set_value(("oversikt.pdf", b"%PDF-1.4", "application/pdf")).run()
    table = error_table(at)
    assert table["Rad"].tolist() == ["fil"] and table["Feil"][0].startswith("Feil filtype «.pdf»")


def test_valid_upload_becomes_the_newest_version_with_diff_and_1_is_one_click_away(app):
    at = app.switch_page("pages/overview.py").run()
    at.file_uploader(key="ov_upload").set_value(("oversikt.csv", GOOD_2026, "text/csv")).run()
    assert not at.exception
    assert any("Alle 2 rader" in s.value and "Ingenting er lagret ennå" in s.value for s in at.success)
    at.text_area(key="ov_comment").input("Oppdatert etter kartlegging 2026")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert at.selectbox(key="ov_version").value == 2
    caption = " ".join(shown(c.value) for c in at.caption)
    assert "Versjon 2: lastet opp" in caption and "Kommentar: Oppdatert etter kartlegging 2026" in caption
    assert "Bare saken som lastet den opp, ser denne versjonen" in caption
    figures = metrics(at)
    assert figures["Samarbeid"] == "2" and figures["Kommuner med"] == "8"
    assert at.dataframe[0].value["navn"].tolist() == ["IKT Sunnmøre", "IKT Valdres"]
    assert "Tabell 2.6.1: trykt og beregnet" not in [h.value for h in at.header]
    # what changed against version 1 (in today's terms): IKT Valdres matched (2015 members mapped to today's)
    summary = " ".join(m.value for m in at.markdown)
    assert "Fra versjon 1 til versjon 2: 1 nytt samarbeid, 40 fjernet" in summary
    diff = frame_with(at, "Endring")
    assert ("Nytt samarbeid", "IKT Sunnmøre") in set(zip(diff["Endring"], diff["Samarbeid"], strict=False))
    assert "IKT Valdres" not in set(diff.loc[diff["Endring"] == "Fjernet", "Samarbeid"])
    left = diff[(diff["Endring"] == "Medlemmer gått ut") & (diff["Samarbeid"] == "IKT Valdres")]
    assert left["Detaljer"].tolist() == ["Sør-Aurdal (3449)"]
    # the same file again is not stored twice
    assert any("lagret som versjon 2" in s.value for s in at.success)
    # back to the report's 2015 list
    at.selectbox(key="ov_version").set_value(1).run()
    assert metrics(at)["Samarbeid"] == "41" and metrics(at)["Kommuner med"] == "224"
    assert "Tabell 2.6.1: trykt og beregnet" in [h.value for h in at.header]
