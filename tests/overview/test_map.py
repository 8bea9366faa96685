"""The map's figure (ikt_model.overview.map): one trace per category, boundaries embedded or by URL; on the real
overview, on both sets of borders, with what a click on it says."""

from __future__ import annotations

import json

import plotly.io
import pytest

from ikt_model.overview import map as kart
from ikt_model.overview import map_borders, map_click, map_legend, map_summary
from tests.markdown_text import shown
from tests.overview.map_rows import small_rows


@pytest.mark.parametrize("color_by", ["form", "collaboration"])
def test_figure_draws_every_municipality_once_with_its_own_boundary(color_by):
    fig = kart.map_figure(small_rows(), color_by)
    locations = [n for trace in fig.data for n in trace.locations]
    assert sorted(locations) == sorted(small_rows()["kommunenummer"].unique())
    for trace in fig.data:
        assert trace.type == "choropleth" and trace.featureidkey == "properties.kommunenummer"
        assert [f["properties"]["kommunenummer"] for f in trace.geojson["features"]] == list(trace.locations)
        assert trace.showlegend and not trace.showscale
    assert fig.layout.geo.fitbounds == "locations" and fig.layout.geo.visible is False
    names = [t.name for t in fig.data]
    assert names[-1] == map_legend.NONE_LABEL
    if color_by == "collaboration":
        assert map_legend.SEVERAL_COLLABORATIONS in names and "KR-IKT" in names


@pytest.mark.parametrize("color_by", ["form", "collaboration"])
def test_legend_is_below_the_map_and_the_figure_grows_to_hold_it(color_by):
    """Beside the map the legend left a phone's map 174 px wide (of 358); below it, across the width, the map
    keeps the width and the figure grows with the number of entries, so the map keeps its 720 px."""
    fig = kart.map_figure(small_rows(), color_by, height=720)
    legend = fig.layout.legend
    assert legend.orientation == "h" and legend.y <= 0 and legend.yanchor == "top" and legend.x == 0
    entries = len(fig.data)
    assert fig.layout.height == 720 + kart.legend_height(entries)
    assert kart.legend_height(8) == 29 * 3 and kart.legend_height(45) == 29 * 10
    assert kart.legend_height(entries + 5) > kart.legend_height(entries)


def test_trace_locations_let_a_point_index_find_its_municipality():
    fig = kart.map_figure(small_rows(), "form")
    by_curve = kart.trace_locations(fig)
    assert [len(x) for x in by_curve] == [len(t.locations) for t in fig.data]
    curve = next(i for i, t in enumerate(fig.data) if t.name == "IKS")
    event = {"selection": {"points": [{"curve_number": curve, "point_index": 0}]}}
    assert map_click.selected_numbers(event, by_curve) == ["0906"]


def test_figure_serialises_to_plain_json_without_any_cdn_url():
    text = plotly.io.to_json(kart.map_figure(small_rows(), "form", True), validate=False)
    spec = json.loads(text)
    ring = spec["data"][0]["geojson"]["features"][0]["geometry"]["coordinates"][0]
    assert isinstance(ring, list) and isinstance(ring[0], list) and len(ring[0]) == 2
    assert "cdn.plot.ly" not in text
    assert "I dag:" in text


@pytest.mark.parametrize("color_by", ["form", "collaboration"])
def test_figure_can_refer_to_the_boundaries_by_url(color_by):
    url = map_borders.geojson_url("", "2015")
    fig = kart.map_figure(small_rows(), color_by, True, boundaries_url=url)
    assert all(trace.geojson == url and trace.featureidkey == "properties.kommunenummer" for trace in fig.data)
    embedded = kart.map_figure(small_rows(), color_by, True)
    assert [list(t.locations) for t in fig.data] == [list(t.locations) for t in embedded.data]
    text = plotly.io.to_json(fig, validate=False)
    assert "coordinates" not in text and "coordinates" in plotly.io.to_json(embedded, validate=False)


def test_figure_rejects_an_unknown_colouring():
    with pytest.raises(ValueError, match="Ukjent fargelegging"):
        kart.map_figure(small_rows(), "fylke")  # type: ignore[arg-type]


def test_figure_leaves_the_cached_geojson_untouched():
    before = json.dumps(map_borders.load_geojson()["features"][0])
    kart.map_figure(small_rows(), "collaboration", True).to_dict()
    assert json.dumps(map_borders.load_geojson()["features"][0]) == before


def test_real_figure_and_click(real_map):
    rows, collaborations = real_map
    for color_by in ("form", "collaboration"):
        fig = kart.map_figure(rows, color_by)
        assert sum(len(t.locations) for t in fig.data) == 428
        with_url = plotly.io.to_json(kart.map_figure(rows, color_by, True, boundaries_url="/app/static/x"))
        assert len(with_url) < 250_000  # what the page sends: hover texts and locations, no boundaries
    (oslo,) = map_click.describe_selection({"selection": {"points": [{"location": "0301"}]}}, rows, collaborations)
    assert oslo.navn == "Oslo" and oslo.folketall == 647676
    (hamar,) = map_click.describe_numbers(["0403"], rows, collaborations)
    assert [c.navn for c in hamar.samarbeid] == ["Hedmark IKT"]
    assert hamar.samarbeid[0].organisasjonsform == "par27" and hamar.samarbeid[0].etablert_aar == 2006


def test_figure_on_today_borders(real_map):
    rows, collaborations = real_map
    today = map_borders.rows_for_borders(rows, "today")
    fig = kart.map_figure(today, "form", boundaries_url=map_borders.geojson_url("", "today"), borders="today")
    assert sum(len(t.locations) for t in fig.data) == 357
    assert {t.geojson for t in fig.data} == {"/app/static/kommuner_2024.geojson"}
    text = plotly.io.to_json(fig, validate=False)
    hover = "\n".join(h for t in json.loads(text)["data"] for h in t["text"])
    assert len(text) < 250_000 and "Folketall 1.1.2026" in hover and "I 2015: Ålesund (1504), Ørskog" in hover
    embedded = kart.map_figure(today, "form", borders="today")
    assert sorted(f["properties"]["kommunenummer"] for t in embedded.data for f in t.geojson["features"]) == \
        sorted(today["kommunenummer"].unique())
    table = map_summary.map_table(today)
    assert len(table) == 357 and "Folketall 1.1.2026" in table.columns and "Kommuner i 2015" in table.columns
    (alesund,) = map_click.describe_numbers(["1508"], today, collaborations)
    text = shown(map_click.summary_text(alesund))
    assert "Ålesund (1508, Møre og Romsdal)" in text and "innbyggere 1.1.2026" in text
    assert "i 2015: Ålesund (1504)" in text

