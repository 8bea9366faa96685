"""The overview in DuckDB: schema contract, views, file databases and the synthetic scale-up."""

from __future__ import annotations

import duckdb
import pytest

from ikt_model.overview.db import TABLES, build_overview_database, open_overview_database, synthetic_scale


@pytest.fixture(scope="module")
def con():
    connection = open_overview_database(":memory:")
    yield connection
    connection.close()


def columns(con, name):
    return [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]


def test_contract_columns(con):
    assert columns(con, "samarbeid")[:2] == ["id", "navn"]
    for table, cols in {
        "samarbeid": ["id", "navn", "formelt_navn", "ks_region", "organisasjonsform_trykt", "organisasjonsform",
                      "organisasjonsformer", "etablert_trykt", "etablert_aar", "antall_medlemmer", "merknad"],
        "medlemskap": ["samarbeid_id", "kommunenummer", "navn_i_rapporten", "medlemstype", "merknad"],
        "kommuner": ["kommunenummer", "navn", "navn_ssb", "fylkesnummer", "fylke", "folketall", "folketall_2016",
                     "areal_km2"],
        "v_kommune_samarbeid": ["kommunenummer", "navn", "fylke", "folketall", "samarbeid_id", "samarbeid_navn",
                                "organisasjonsform", "navn_2024", "kommunenummer_2024"],
    }.items():
        assert set(cols) <= set(columns(con, table)), table
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'samarbeid'").fetchall())
    assert types["organisasjonsformer"] == "VARCHAR[]" and types["etablert_aar"] == "INTEGER"


def test_row_counts(con):
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert counts["samarbeid"] == 41 and counts["medlemskap"] == 226 and counts["kommuner"] == 428
    assert counts["kommune_etterfolgere"] == 428
    assert con.execute("SELECT sum(folketall) FROM kommuner").fetchone()[0] == 5_165_802


def test_kommunenummer_kept_as_text(con):
    first = con.execute("SELECT kommunenummer, navn FROM kommuner ORDER BY kommunenummer LIMIT 1").fetchone()
    assert first == ("0101", "Halden")


def test_every_member_municipality_exists_in_2015(con):
    assert con.execute("""SELECT count(*) FROM medlemskap m LEFT JOIN kommuner k USING (kommunenummer)
                          WHERE m.medlemstype = 'kommune' AND k.kommunenummer IS NULL""").fetchone()[0] == 0


def test_v_kommune_samarbeid_left_join(con):
    total, with_collab, distinct = con.execute(
        "SELECT count(*), count(samarbeid_id), count(DISTINCT kommunenummer) FROM v_kommune_samarbeid").fetchone()
    assert distinct == 428 and with_collab == 225
    assert total == 428 - 224 + 225  # 224 distinct member municipalities, Iveland twice
    oslo = con.execute(
        "SELECT samarbeid_id, navn_2024 FROM v_kommune_samarbeid WHERE kommunenummer = '0301'").fetchall()
    assert oslo == [(None, "Oslo")]
    iveland = con.execute(
        "SELECT samarbeid_id FROM v_kommune_samarbeid WHERE kommunenummer = '0935' ORDER BY 1").fetchall()
    assert iveland == [("kr-ikt",), ("setesdal-ikt",)]


def test_v_samarbeid_oversikt(con):
    row = con.execute("SELECT antall_kommuner, antall_fylkeskommuner, alder_2015, folketall "
                      "FROM v_samarbeid_oversikt WHERE id = 'ikt-agder'").fetchone()
    arendal_grimstad_froland = con.execute(
        "SELECT sum(folketall) FROM kommuner WHERE kommunenummer IN ('0906', '0904', '0919')").fetchone()[0]
    assert row == (3, 1, 13, arendal_grimstad_froland)
    assert con.execute("SELECT count(*) FROM v_samarbeid_oversikt").fetchone()[0] == 41


def test_v_tabell_261(con):
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT organisasjonsform, antall, antall_trykt, alder, kommuner FROM v_tabell_261").fetchall()}
    assert sum(r[0] for r in rows.values()) == 41
    assert rows["as"] == (1, 1, 12.0, 3.0)
    assert rows["par27"][:2] == (19, 18)
    assert rows["samarbeidsavtaler"][1] is None


def test_file_database_is_built_once_and_reopened(tmp_path):
    path = str(tmp_path / "oversikt.duckdb")
    open_overview_database(path).close()
    con = open_overview_database(path)
    assert con.execute("SELECT count(*) FROM samarbeid").fetchone()[0] == 41
    con.close()


def test_default_database_from_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("IKT_OVERVIEW_DB", str(tmp_path / "x" / "o.duckdb"))
    con = open_overview_database()
    assert con.execute("SELECT count(*) FROM medlemskap").fetchone()[0] == 226
    con.close()
    assert (tmp_path / "x" / "o.duckdb").exists()


def test_build_is_atomic_on_error(tmp_path, monkeypatch):
    monkeypatch.setenv("IKT_DATA_DIR", str(tmp_path))
    con = duckdb.connect()
    with pytest.raises(Exception):  # noqa: B017 - whatever fails, no table may be left behind
        build_overview_database(con)
    assert con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0] == 0


def test_synthetic_scale():
    con = open_overview_database(":memory:")
    synthetic_scale(con, 100)
    assert con.execute("SELECT count(*) FROM samarbeid").fetchone()[0] == 4100
    assert con.execute("SELECT count(*) FROM medlemskap").fetchone()[0] == 22600
    assert con.execute("SELECT sum(antall) FROM v_tabell_261").fetchone()[0] == 4100
    con.close()


def test_cursor_per_thread(con):
    import threading
    errors = []

    def work():
        cur = con.cursor()
        try:
            for _ in range(20):
                assert cur.execute("SELECT count(*) FROM v_samarbeid_oversikt").fetchone()[0] == 41
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            cur.close()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# --- queries, table 2.6.1 and charts (the page's domain functions) ---

from ikt_model.overview import charts, queries, table261  # noqa: E402


def test_filter_options_and_validation(con):
    options = queries.filter_options(con.cursor())
    assert (options.year_min, options.year_max, options.kommuner_min, options.kommuner_max) == (1997, 2015, 2, 13)
    assert "Midt" in options.regions and options.forms[0] == "par27"
    with pytest.raises(ValueError):
        queries.OverviewFilter(regions=("Oslo",))
    with pytest.raises(ValueError):
        queries.OverviewFilter(year_from=2015, year_to=2010)


def test_collaborations_filter(con):
    cur = con.cursor()
    assert len(queries.collaborations(cur, queries.OverviewFilter())) == 41
    both = queries.collaborations(cur, queries.OverviewFilter(forms=("vertskommune",)))
    assert "eKommune Sunnmøre" in set(both["navn"]) and len(both) == 13  # any of the forms matches
    no_unknown = queries.collaborations(cur, queries.OverviewFilter(include_unknown_year=False))
    assert len(no_unknown) == 36
    recent = queries.collaborations(cur, queries.OverviewFilter(year_from=2014, include_unknown_year=False))
    assert set(recent["etablert_aar"]) == {2014, 2015}


def test_key_figures_count_each_municipality_once(con):
    cur = con.cursor()
    f = queries.key_figures(cur, queries.OverviewFilter())
    assert (f.samarbeid, f.kommuner, f.fylkeskommuner) == (41, 224, 1)
    assert f.folketall == con.execute(
        "SELECT sum(folketall) FROM kommuner "
        "WHERE kommunenummer IN (SELECT kommunenummer FROM medlemskap)").fetchone()[0]
    assert 0.36 < f.andel_folketall < 0.38 and f.andel_kommuner == pytest.approx(224 / 428)
    # the page writes «av N» with versions.municipality_count: the share is of the same municipalities
    from ikt_model.overview import versions
    assert f.andel_kommuner * versions.municipality_count(versions.report_version_info()) == pytest.approx(224)
    empty = queries.key_figures(cur, queries.OverviewFilter(kommuner_min=100, kommuner_max=200))
    assert empty.samarbeid == 0 and empty.alder_snitt is None and empty.folketall == 0


def test_members_and_data_quality(con):
    cur = con.cursor()
    agder = queries.members(cur, "ikt-agder")
    assert agder["medlemstype"].tolist().count("fylkeskommune") == 1 and len(agder) == 4
    assert len(queries.data_quality(cur)) == con.execute("SELECT count(*) FROM datakvalitet").fetchone()[0]
    assert set(queries.data_quality(cur, ("Tvetydig navn",))["trykt"]) == {"Nes", "Herøy", "Sande", "Bø"}
    assert "Linjeskift i tabellen" in queries.data_quality_categories(cur)


def test_schema_documents_every_column(con):
    doc = queries.schema_documentation(con.cursor())
    assert (doc["betydning"] != "").all(), doc[doc["betydning"] == ""]
    assert set(queries.schema_tables()["tabell"]) == set(doc["tabell"])
    assert set(queries.schema_documentation(con.cursor(), "kommuner")["tabell"]) == {"kommuner"}


def test_sql_examples_run_on_the_locked_connection():
    from ikt_model.overview.sqlsafe import locked_connection, run_user_sql
    locked = locked_connection()
    for label, sql in queries.SQL_EXAMPLES.items():
        assert run_user_sql(sql, locked).rows, label
    locked.close()


def test_table261_comparison_and_explanations(con):
    cur = con.cursor()
    table = table261.comparison(cur)
    assert table["Antall (beregnet)"].tolist() == ["19", "12", "5", "1", "2", "2"]
    assert table["Antall (2.6.1)"].tolist() == ["18", "14", "6", "1", "2", "–"]
    assert table.loc[2, "Kommuner (2.6.1)"] == "5,4"
    text = " ".join(table261.explanations(cur))
    assert "eKommune Sunnmøre" in text and "blir det 18" in text
    assert "blir snittet 5,4" in text  # IKS incl. Aust-Agder fylkeskommune reproduces the printed 5.4
    assert "Samarbeidsavtaler" in text and "ansatte" in text.lower()


def test_charts(con):
    frame = queries.collaborations(con.cursor(), queries.OverviewFilter())
    forms = charts.forms_bar(frame)
    assert sum(forms.data[0].x) == 41 and len(forms.data[0].y) == 6
    timeline = charts.timeline(frame)
    assert timeline.data[-1].y[-1] == 36  # cumulative count of collaborations with a year
    assert "5 uten år" in timeline.layout.title.text
    hist = charts.municipalities_histogram(frame)
    assert sum(hist.data[0].y) == 41
    pop = charts.population_bar(frame)
    assert sum(len(t.y) for t in pop.data) == 41
    assert charts.timeline(frame.iloc[0:0]).layout.title.text.startswith("Etablert per år (ingen")
    assert forms.layout.separators == ", "


def test_names_that_occurred_twice_carry_their_county(con):
    twice = con.execute("SELECT kommunenummer, navn FROM kommuner WHERE navn LIKE '%(%' ORDER BY 1").fetchall()
    assert len(twice) == 12  # Våler, Nes, Os, Sande, Bø, Herøy: each twice in 2015
    assert ("1818", "Herøy (Nordland)") in twice and ("0713", "Sande (Vestfold)") in twice
    members = con.execute("SELECT medlemmer FROM v_samarbeid_oversikt WHERE navn = 'HALD-IKT'").fetchone()[0]
    assert members.startswith("Herøy (Nordland), ")
