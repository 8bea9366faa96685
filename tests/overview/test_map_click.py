"""A click on the map -> the municipality and its collaborations (ikt_model.overview.map_click)."""

from __future__ import annotations

import pytest

from ikt_model.format import NBSP
from ikt_model.overview import map_click
from tests.markdown_text import shown
from tests.overview.map_rows import small_collaborations, small_rows


def shown_summary(*args, **kwargs):
    return shown(map_click.summary_text(*args, **kwargs))


def shown_collab(*args, **kwargs):
    return shown(map_click.collaboration_markdown(*args, **kwargs))


@pytest.mark.parametrize("event", [
    None, {}, {"selection": None}, {"selection": {}}, {"selection": {"points": []}},
    {"selection": {"points": "0301"}}, {"selection": {"points": [None, 3, "x"]}},
    {"selection": {"points": [{"location": "Oslo"}, {"location": 301}, {"properties": {"kommunenummer": "31"}}]}},
    {"selection": {"points": [{"point_index": 0}]}},  # no locations to look the index up in
])
def test_empty_or_invalid_selections_give_nothing(event):
    assert map_click.selected_numbers(event) == []
    assert map_click.describe_selection(event, small_rows(), small_collaborations()) == []


def test_selection_by_location_properties_or_point_index():
    event = {"selection": {"points": [
        {"location": "0935", "curve_number": 0, "point_index": 1},
        {"properties": {"kommunenummer": "0301", "navn": "Oslo"}},
        {"curve_number": 1, "point_index": 0},
        {"location": "0935"},  # duplicate
        {"curve_number": 5, "point_index": 0},  # out of range
    ]}}
    by_curve = [["0906", "0935"], ["1719"]]
    assert map_click.selected_numbers(event, by_curve) == ["0935", "0301", "1719"]


def test_selection_accepts_streamlit_attribute_dicts():
    from streamlit.elements.plotly_chart import PlotlySelectionState, PlotlyState

    event = PlotlyState({"selection": PlotlySelectionState({"points": [{"location": "1001"}], "point_indices": [0]})})
    assert map_click.selected_numbers(event) == ["1001"]


def test_click_describes_municipality_and_collaborations():
    event = {"selection": {"points": [{"location": "0935"}, {"location": "0301"}, {"location": "9999"}]}}
    iveland, oslo = map_click.describe_selection(event, small_rows(), small_collaborations())
    assert (iveland.navn, iveland.folketall, iveland.navn_2024) == ("Iveland", 1315, "Iveland")
    assert [c.navn for c in iveland.samarbeid] == ["KR-IKT", "Setesdal IKT"]
    kr = iveland.samarbeid[0]
    assert (kr.organisasjonsform, kr.etablert_aar, kr.antall_kommuner) == ("par27", 2014, 5)
    assert kr.medlemmer == ["Kristiansand", "Songdalen", "Lillesand", "Iveland", "Birkenes"]
    assert oslo.samarbeid == []
    assert "ikke med i noe IKT-samarbeid" in shown_summary(oslo)
    text = shown_summary(iveland, show_successor=True)
    assert f"1{NBSP}315 innbyggere 1.1.2015" in text and "Med i 2 IKT-samarbeid" in text
    assert "kommune i dag: Iveland (4218)" in text
    assert "4218" not in shown_summary(iveland)


def test_collaboration_markdown_explains_form_year_and_members():
    event = {"selection": {"points": [{"location": "0906"}]}}
    (arendal,) = map_click.describe_selection(event, small_rows(), small_collaborations())
    agder = arendal.samarbeid[0]
    assert agder.etablert is None and agder.etablert_aar is None and agder.formelt_navn is None
    text = shown_collab(agder)
    assert "**IKT Agder**" in text and "Organisasjonsform: IKS" in text
    assert "Etablert: ikke oppgitt" in text
    assert "Medlemmer (4): Arendal, Grimstad, Froland, Aust-Agder fylkeskommune" in text
    (kristiansand,) = map_click.describe_numbers(["1001"], small_rows(), small_collaborations())
    kr = shown_collab(kristiansand.samarbeid[0])
    assert "Organisasjonsform: § 27 (normalisert: § 27-samarbeid)" in kr and "Etablert: 2014" in kr

