"""Each municipality on the map in words (ikt_model.overview.map_summary): summary, hover label, table."""

from __future__ import annotations

from ikt_model.format import NBSP
from ikt_model.overview import map_summary
from tests.overview.map_rows import small_rows


def test_summary_has_one_row_per_municipality_with_all_its_collaborations():
    summary = map_summary.municipality_summary(small_rows()).set_index("kommunenummer")
    assert len(summary) == 6
    assert summary.loc["0935", "samarbeid"] == ["KR-IKT", "Setesdal IKT"]
    assert summary.loc["0935", "former"] == ["par27"]
    assert summary.loc["0301", "samarbeid"] == [] and summary.loc["0301", "former"] == []
    assert summary.loc["1001", "samarbeid_tekst"] == ["KR-IKT (§ 27, etablert 2014)"]


def test_hover_has_norwegian_population_and_successor_only_when_asked():
    summary = {r["kommunenummer"]: r for r in map_summary.municipality_summary(small_rows()).to_dict("records")}
    plain = map_summary.hover_text(summary["0301"], show_successors=False)
    assert f"647{NBSP}676" in plain and "Oslo" in plain and "Ikke med i et IKT-samarbeid" in plain
    assert "I dag" not in plain and "Folketall 1.1.2015" in plain
    iveland = map_summary.hover_text(summary["0935"], show_successors=True)
    assert "KR-IKT (§ 27, etablert 2014)" in iveland and "Setesdal IKT" in iveland
    assert "I dag: Iveland (4218)" in iveland


def test_table_is_the_text_alternative_with_county_filter():
    table = map_summary.map_table(small_rows(), show_successors=True)
    assert list(table.columns) == ["Kommunenr.", "Kommune", "Fylke", "Folketall 1.1.2015", "Samarbeid",
                                   "Organisasjonsform", "Kommune i dag"]
    assert len(table) == 6
    iveland = table[table["Kommune"] == "Iveland"].iloc[0]
    assert iveland["Samarbeid"] == "KR-IKT; Setesdal IKT" and iveland["Organisasjonsform"] == "§ 27-samarbeid"
    assert set(map_summary.map_table(small_rows(), fylke="Aust-Agder")["Kommune"]) == {"Iveland", "Bygland", "Arendal"}
    assert "Kommune i dag" not in map_summary.map_table(small_rows()).columns
    assert table.set_index("Kommunenr.").loc["1001", "Kommune i dag"] == "Kristiansand (4204)"
    assert map_summary.counties(small_rows())[0] == "Aust-Agder"



def test_a_successor_with_a_county_in_its_name_has_one_bracket():
    from ikt_model.overview.map_summary import successor_text

    assert successor_text("1818") == "Herøy (Nordland, 1818)"  # not «Herøy (Nordland) (1818)»
    assert successor_text("1850") == "delt: Narvik (1806) og Hamarøy (1875)"
