"""The offline map of Norway's municipalities («Kart»), coloured by organisation form or collaboration.

Two sets of borders (`Borders`): today's 357 municipalities (since 1.1.2024, the default) and the 428 of 2015
(the report's time). Input is a frame shaped like `map_data.map_rows()` (one row per 2015 municipality and
collaboration, the columns of the view `v_kommune_samarbeid` plus the collaboration's printed form and year;
municipalities in no collaboration appear once with NULLs). `rows_for_borders` turns it into rows of the
chosen structure: on today's borders every 2015 member is shown in the municipality that has taken it over
(SSB's successor table; a split 2015 municipality in every part), with today's population. Everything here
is pure: the page caches the figure.

The figure is a plotly geo choropleth (`go.Choropleth`, no tiles): one trace per category so the legend
shows discrete colours, each trace carrying only its own features, so every boundary is sent once.
Plotly.js still loads a world topojson: the page serves it from static/ (config `topojsonURL`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from ..config import get_settings, static_url
from ..municipalities import (
    DEFAULT_POPULATION_YEAR,
    municipalities_2015,
    municipalities_today,
    population,
    successors_2024,
)
from ..ui.text import plotly_escape
from .forms import FORM_LABELS_2026, FORMS_2026
from .source import FORM_IDS, FORM_LABELS

ColorBy = Literal["form", "collaboration"]
Borders = Literal["today", "2015"]

BORDERS_LABELS: dict[str, str] = {
    "today": "Dagens kommuner (357)",
    "2015": "Kommunene i 2015 (428, rapportens tid)",
}
# Each a byte-identical copy of data/reference/<name>, served by Streamlit at /app/static/<name>.
BORDER_FILES: dict[str, str] = {"today": "kommuner_2024.geojson", "2015": "kommuner_2015.geojson"}

COLOR_BY_LABELS: dict[str, str] = {"form": "Organisasjonsform", "collaboration": "Samarbeid"}

FORM_COLORS: dict[str, str] = {
    "par27": "#1f5f8b",
    "vertskommune": "#e07b39",
    "iks": "#2e8b57",
    "as": "#8e44ad",
    "samkommune": "#c0392b",
    "samarbeidsavtaler": "#b7950b",
    # 2026 forms (uploaded versions of the overview); the report's colour where the form continues
    "ko": "#1f5f8b",
    "vertskommune_adm": "#e07b39",
    "vertskommune_nemnd": "#a04000",
    "sa": "#17a589",
    "avtale": "#b7950b",
}
SEVERAL_FORMS = "Flere organisasjonsformer"
SEVERAL_COLLABORATIONS = "Flere samarbeid"
NONE_LABEL = "Ikke i oversikten (Vedlegg 5)"
NONE_LABEL_UPLOADED = "Ikke i oversikten"  # uploaded versions (`uploaded=True` below)
SEVERAL_COLOR = "#2c3e50"
NONE_COLOR = "#e3e7ec"
BORDER_COLOR = "#ffffff"

# 41 collaborations need many distinct colours: plotly's qualitative "Alphabet" and "Dark24" palettes.
COLLABORATION_PALETTE: tuple[str, ...] = (
    "#AA0DFE", "#3283FE", "#85660D", "#782AB6", "#1C8356", "#16FF32", "#F7E1A0",
    "#1CBE4F", "#C4451C", "#DEA0FD", "#FE00FA", "#325A9B", "#FEAF16", "#F8A19F", "#90AD1C", "#F6222E",
    "#1CFFCE", "#2ED9FF", "#B10DA1", "#C075A6", "#FC1CBF", "#B00068", "#FBE426", "#FA0087",
    "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#B68100", "#750D86", "#EB663B",
    "#511CFB", "#00A08B", "#FB00D1", "#FC0080", "#B2828D", "#6C7C32", "#778AAE", "#862A16", "#A777F1",
    "#620042", "#1616A7", "#DA60CA", "#6C4516", "#0D2A63", "#AF0038",
)

# Served by Streamlit at /app/static/: plotly.js fetches the boundaries once and the figure carries only
# the URL (~0.12 MB instead of ~1.2-1.6 MB to serialise on every run and send on every change of colouring).
STATIC_GEOJSON = BORDER_FILES["2015"]

ATTRIBUTION = "Kart: © Kartverket (CC BY 4.0). Folketall: Statistisk sentralbyrå."


def topojson_url(base_url_path: str | None = "") -> str:
    """Where plotly.js finds world_110m.json: the app's own static folder (static/ -> /app/static/),
    below `server.baseUrlPath` when the app is served under a prefix."""
    return static_url(base_url_path)


def geojson_url(base_url_path: str | None = "", borders: Borders = "today") -> str:
    """URL of the borders in static/ (static/kommuner_2024.geojson for today, static/kommuner_2015.geojson for
    2015; byte-identical copies of the files in data/reference/)."""
    if borders not in BORDER_FILES:
        raise ValueError(f"Ukjente kommunegrenser: {borders!r}")
    return topojson_url(base_url_path) + BORDER_FILES[borders]


def plotly_config(base_url_path: str | None = "") -> dict[str, Any]:
    """The `config` for st.plotly_chart: local topojson (works offline), no plotly logo."""
    return {"topojsonURL": topojson_url(base_url_path), "displaylogo": False, "scrollZoom": False}


@lru_cache(maxsize=2)
def load_geojson(borders: Borders = "2015") -> dict[str, Any]:
    """The municipality boundaries (data/reference/kommuner_2015.geojson or kommuner_2024.geojson), parsed
    once. Do not mutate."""
    path = get_settings().data_dir / "reference" / BORDER_FILES[borders]
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _ring_arrays(geometry: dict[str, Any]) -> dict[str, Any]:
    """The same geometry with every ring as a numpy array: plotly deep-copies traces and figures on every
    build and every st.plotly_chart call, and copying ~2,000 arrays is ~15x cheaper than ~120,000 lists."""
    if geometry["type"] == "Polygon":
        coordinates: list[Any] = [np.asarray(ring) for ring in geometry["coordinates"]]
    else:
        coordinates = [[np.asarray(ring) for ring in polygon] for polygon in geometry["coordinates"]]
    return {"type": geometry["type"], "coordinates": coordinates}


@lru_cache(maxsize=2)
def _features_by_number(borders: Borders = "2015") -> dict[str, dict[str, Any]]:
    """kommunenummer -> GeoJSON feature with numpy rings (built once per set of borders; never mutated)."""
    return {
        f["properties"]["kommunenummer"]: {**f, "geometry": _ring_arrays(f["geometry"])}
        for f in load_geojson(borders)["features"]
    }


def rows_for_borders(rows: pd.DataFrame, borders: Borders = "today",
                     year: int = DEFAULT_POPULATION_YEAR) -> pd.DataFrame:
    """`rows` (2015 municipalities, shaped like map_data.map_rows()) in the structure of `borders`.

    "2015": the same rows; `navn` becomes the display name (county added to names that occurred twice,
    «Sande (Vestfold)»), `folketall_aar` = 2015. "today": one row per today's municipality and collaboration
    (municipalities in none: once, with NULLs): a collaboration's 2015 members are mapped to their 2024
    successors (kommune_successors.csv, SSB); a 2015 municipality split between several of today's
    (Snillfjord, Tysfjord) counts for every part. `navn` is today's display name («Herøy (Nordland)»),
    `fylke` today's county, `folketall` the population on 1 January `year` (SSB), `kommuner_2015` the 2015
    municipalities it covers («Ålesund (1504), Ørskog (1523), …»); `navn_2024`/`kommunenummer_2024` are
    empty (they are today's). Raises ValueError for unknown borders."""
    old = municipalities_2015()
    if borders == "2015":
        out = rows.copy()
        out["navn"] = [old[n].visningsnavn if n in old else name
                       for n, name in zip(out["kommunenummer"], out["navn"], strict=False)]
        out["folketall_aar"] = 2015
        return out
    if borders != "today":
        raise ValueError(f"Ukjente kommunegrenser: {borders!r}")
    today, succ = municipalities_today(), successors_2024()
    parts: dict[str, list[str]] = {k: [] for k in today}
    for number, s in sorted(succ.items()):
        for new in s.alle:
            label = f"{old[number].visningsnavn} ({number})"
            parts[new].append(label if len(s.alle) == 1 else f"del av {label}")
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, Any]] = set()
    collab_columns = [c for c in rows.columns if c not in
                      ("kommunenummer", "navn", "fylke", "folketall", "navn_2024", "kommunenummer_2024")]
    for r in rows.to_dict("records"):
        collab = r.get("samarbeid_id")
        if not isinstance(collab, str):
            continue
        successor = succ.get(r["kommunenummer"])
        for new in successor.alle if successor else ():
            if (new, collab) not in seen:
                seen.add((new, collab))
                records.append({"kommunenummer": new, **{c: r.get(c) for c in collab_columns}})
    covered = {n for n, _ in seen}
    records += [{"kommunenummer": n} for n in today if n not in covered]
    out = pd.DataFrame(records, columns=["kommunenummer", *collab_columns])
    out["navn"] = [today[n].visningsnavn for n in out["kommunenummer"]]
    out["fylke"] = [today[n].fylke for n in out["kommunenummer"]]
    out["folketall"] = [population(n, year) for n in out["kommunenummer"]]
    out["folketall_aar"] = year
    out["kommuner_2015"] = [", ".join(parts[n]) for n in out["kommunenummer"]]
    out["navn_2024"] = None
    out["kommunenummer_2024"] = None
    return out.sort_values(["kommunenummer", "samarbeid_navn"], na_position="last").reset_index(drop=True)


def rows_for_version(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of an uploaded version (map_data.map_rows() on its database: today's municipalities already,
    population 1.1.2026 in `folketall`) in the shape `map_figure` takes on today's borders."""
    return rows.assign(folketall_aar=DEFAULT_POPULATION_YEAR)


def _none_label(uploaded: bool) -> str:
    return NONE_LABEL_UPLOADED if uploaded else NONE_LABEL


def legend_text(color_by: ColorBy, uploaded: bool = False) -> str:
    """The explanation under the map (Norwegian); `uploaded`: an uploaded version of the overview."""
    if uploaded:
        head = ("Forklaring: hver farge er én organisasjonsform (slik den er oppgitt i versjonen). "
                if color_by == "form" else "Forklaring: hver farge er ett samarbeid. ")
        several = SEVERAL_FORMS if color_by == "form" else SEVERAL_COLLABORATIONS
        return (f"{head}«{several}»: kommunen er med i flere. Lys grå: «{NONE_LABEL_UPLOADED}». Klikk i "
                "tegnforklaringen for å skjule eller vise en kategori.")
    if color_by == "form":
        head = (f"Forklaring: hver farge er én organisasjonsform (som normalisert fra Vedlegg 5). "
                f"«{SEVERAL_FORMS}»: kommunen er med i flere samarbeid med ulik form.")
    else:
        head = f"Forklaring: hver farge er ett samarbeid. «{SEVERAL_COLLABORATIONS}»: kommunen er med i mer enn ett."
    return (f"{head} Lys grå: «{NONE_LABEL}». Klikk i tegnforklaringen for å skjule eller vise en kategori. "
            "Fylkeskommuner (Aust-Agder i IKT Agder) vises ikke i kartet.")


def form_label(form: str | None, uploaded: bool = False) -> str:
    """Label of a form id: the report's labels, or the 2026 labels for an uploaded version."""
    first, second = (FORM_LABELS_2026, FORM_LABELS) if uploaded else (FORM_LABELS, FORM_LABELS_2026)
    return first.get(form or "") or second.get(form or "", form or "")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def collaboration_line(name: str, form: str | None, printed_form: Any = None, printed_year: Any = None) -> str:
    """'IKT Valdres (IKS, etablert 2010)': the printed form when there is one, else the normalised label."""
    form_text = _text(printed_form) or form_label(form)
    year = _text(printed_year)
    return f"{name} ({form_text}{', etablert ' + year if year else ''})"


def municipality_summary(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per municipality: kommunenummer, navn, fylke, folketall, folketall_aar (default 2015),
    kommuner_2015 (text, on today's borders), navn_2024, kommunenummer_2024, samarbeid (list of names), former
    (sorted list of form ids), samarbeid_tekst (one line per collaboration)."""
    by_number: dict[str, dict[str, Any]] = {}
    records = rows.sort_values(["kommunenummer", "samarbeid_navn"], na_position="last").to_dict("records")
    for r in records:
        entry = by_number.setdefault(r["kommunenummer"], {
            "kommunenummer": r["kommunenummer"], "navn": r["navn"], "fylke": r["fylke"],
            "folketall": r["folketall"], "folketall_aar": int(r.get("folketall_aar") or 2015),
            "kommuner_2015": _text(r.get("kommuner_2015")) or None, "navn_2024": r.get("navn_2024"),
            "kommunenummer_2024": r.get("kommunenummer_2024"),
            "samarbeid": [], "former": [], "samarbeid_tekst": [],
        })
        if not _text(r.get("samarbeid_id")) or r["samarbeid_navn"] in entry["samarbeid"]:
            continue
        entry["samarbeid"].append(r["samarbeid_navn"])
        if r["organisasjonsform"] not in entry["former"]:
            entry["former"] = sorted([*entry["former"], r["organisasjonsform"]])
        entry["samarbeid_tekst"].append(collaboration_line(
            r["samarbeid_navn"], r["organisasjonsform"], r.get("organisasjonsform_trykt"), r.get("etablert_trykt")))
    columns = ["kommunenummer", "navn", "fylke", "folketall", "folketall_aar", "kommuner_2015", "navn_2024",
               "kommunenummer_2024", "samarbeid", "former", "samarbeid_tekst"]
    return pd.DataFrame(list(by_number.values()), columns=columns)


def category_of(summary_row: Mapping[str, Any], color_by: ColorBy, uploaded: bool = False) -> str:
    """The legend category of one municipality."""
    if color_by == "form":
        forms = summary_row["former"]
        if not forms:
            return _none_label(uploaded)
        return form_label(forms[0], uploaded) if len(forms) == 1 else SEVERAL_FORMS
    names = summary_row["samarbeid"]
    if not names:
        return _none_label(uploaded)
    return names[0] if len(names) == 1 else SEVERAL_COLLABORATIONS


def category_colors(categories: list[str], color_by: ColorBy, uploaded: bool = False) -> dict[str, str]:
    """A stable colour for every category (forms: fixed colours; collaborations: palette in name order)."""
    fixed = {_none_label(uploaded): NONE_COLOR, SEVERAL_FORMS: SEVERAL_COLOR, SEVERAL_COLLABORATIONS: SEVERAL_COLOR}
    if color_by == "form":
        ids = FORMS_2026 if uploaded else FORM_IDS
        fixed |= {form_label(k, uploaded): FORM_COLORS[k] for k in ids}
    colors: dict[str, str] = {}
    others = sorted(c for c in set(categories) if c not in fixed)
    for i, name in enumerate(others):
        colors[name] = COLLABORATION_PALETTE[i % len(COLLABORATION_PALETTE)]
    return colors | {c: fixed[c] for c in set(categories) if c in fixed}


def category_order(categories: list[str], color_by: ColorBy, uploaded: bool = False) -> list[str]:
    """Legend order: forms in the report's order (2026 forms for an uploaded version; or collaborations by
    name), then «several», then «none»."""
    present = set(categories)
    none = _none_label(uploaded)
    if color_by == "form":
        head = [form_label(k, uploaded) for k in (FORMS_2026 if uploaded else FORM_IDS)
                if form_label(k, uploaded) in present]
    else:
        head = sorted(c for c in present if c not in (SEVERAL_COLLABORATIONS, none, SEVERAL_FORMS))
    tail = [c for c in (SEVERAL_FORMS, SEVERAL_COLLABORATIONS, none) if c in present]
    return head + [c for c in sorted(present) if c not in head and c not in tail] + tail


def hover_text(summary_row: Mapping[str, Any], show_successors: bool, uploaded: bool = False) -> str:
    """Hover label: municipality, county, population with its date (Norwegian format), collaboration(s), and
    today's successor (2015 borders, `show_successors`) or the 2015 municipalities it covers (today's)."""
    year = summary_row.get("folketall_aar") or 2015
    esc = plotly_escape  # collaboration names can come from an uploaded overview: text, never markup
    parts = [
        f"<b>{esc(summary_row['navn'])}</b> ({esc(summary_row['kommunenummer'])}), {esc(summary_row['fylke'])}",
        f"Folketall 1.1.{year}: {fmt.number(summary_row['folketall'])}",
    ]
    lines = summary_row["samarbeid_tekst"]
    none = "Ikke med i et IKT-samarbeid i versjonen" if uploaded else "Ikke med i et IKT-samarbeid i Vedlegg 5"
    parts += [f"Samarbeid: {esc(line)}" for line in lines] or [none]
    if _text(summary_row.get("kommuner_2015")):
        parts.append(f"I 2015: {esc(summary_row['kommuner_2015'])}")
    if show_successors and _text(summary_row.get("kommunenummer_2024")):
        parts.append(f"I dag: {esc(successor_text(summary_row['kommunenummer']))}")
    return "<br>".join(parts)


def successor_text(kommunenummer_2015: str) -> str:
    """Today's municipality of a 2015 one: «Sandefjord (3907)»; a split one: «delt: Narvik (1806) og Hamarøy
    (1875)». Names are today's display names (county added to Herøy, Våler)."""
    today, s = municipalities_today(), successors_2024().get(kommunenummer_2015)
    if s is None:
        return ""
    labels = [f"{today[k].visningsnavn} ({k})" for k in sorted(s.alle)]
    if len(labels) == 1:
        return labels[0]
    return "delt: " + ", ".join(labels[:-1]) + " og " + labels[-1]


def map_figure(rows: pd.DataFrame, color_by: ColorBy = "form", show_successors: bool = False,
               height: int = 720, boundaries_url: str | None = None, borders: Borders = "2015",
               uploaded: bool = False) -> go.Figure:
    """The choropleth: one trace per legend category, hover text per municipality.

    `rows` must be in the structure of `borders` (see `rows_for_borders`). Boundaries: embedded per trace
    (each feature once; self-contained figure) or, with `boundaries_url` (see `geojson_url`, same `borders`),
    a URL every trace shares that the browser fetches once. `uploaded`: an uploaded version (2026 forms;
    rows from `rows_for_version`, borders "today")."""
    if color_by not in COLOR_BY_LABELS:
        raise ValueError(f"Ukjent fargelegging: {color_by!r}")
    summary = municipality_summary(rows)
    records = summary.to_dict("records")
    summary["kategori"] = [category_of(r, color_by, uploaded) for r in records]
    summary["hover"] = [hover_text(r, show_successors, uploaded) for r in records]
    colors = category_colors(summary["kategori"].tolist(), color_by, uploaded)
    features = _features_by_number(borders)
    fig = go.Figure()
    for category in category_order(summary["kategori"].tolist(), color_by, uploaded):
        part = summary[summary["kategori"] == category]
        numbers = part["kommunenummer"].tolist()
        geojson = boundaries_url or {
            "type": "FeatureCollection", "features": [features[n] for n in numbers if n in features]}
        fig.add_trace(go.Choropleth(
            geojson=geojson, featureidkey="properties.kommunenummer", locations=numbers,
            z=[1] * len(numbers), colorscale=[[0, colors[category]], [1, colors[category]]],
            showscale=False, showlegend=True, name=plotly_escape(category), legendgroup=category,
            text=part["hover"].tolist(), hovertemplate="%{text}<extra></extra>",
            marker={"line": {"color": BORDER_COLOR, "width": 0.4}},
            selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 0.55}},
        ))
    # Conic conformal with standard parallels across Norway keeps its shape; plotly's fitbounds breaks
    # with a rotated projection (transverse mercator rotated to 15°E drew Norway as a speck), so no rotation.
    fig.update_geos(
        fitbounds="locations", visible=False,
        projection={"type": "conic conformal", "parallels": [60, 68]},
    )
    fig.update_layout(
        height=height, margin={"l": 0, "r": 0, "t": 32, "b": 0}, uirevision="kart", dragmode="zoom",
        separators=", ",  # Norwegian decimal comma and thousands space in hover and legend
        # Legend outside the map, on the right: 43 collaboration entries would cover Western Norway;
        # the top margin keeps the modebar off the legend title.
        legend={"title": {"text": COLOR_BY_LABELS[color_by]}, "itemsizing": "constant",
                "yanchor": "top", "y": 1, "x": 1.0, "xanchor": "left"},
        hoverlabel={"bgcolor": "white", "font": {"size": 13}},
    )
    return fig


def trace_locations(fig: go.Figure) -> list[list[str]]:
    """The kommunenummer of every trace, in trace order (for map_click when a point has only point_index)."""
    return [list(trace.locations) for trace in fig.data]


def counties(rows: pd.DataFrame) -> list[str]:
    """The counties present in `rows` (2015 or today's, as the rows), sorted (for the table filter)."""
    return sorted(rows["fylke"].dropna().unique().tolist())


def map_table(rows: pd.DataFrame, show_successors: bool = False, fylke: str | None = None,
              uploaded: bool = False) -> pd.DataFrame:
    """The map as a table (text alternative): one row per municipality, Norwegian column names (population
    with its date, «Folketall 1.1.2026»; on today's borders the 2015 municipalities covered, on 2015 borders
    with `show_successors` today's municipality); only the county `fylke` when given."""
    if fylke is not None:
        rows = rows[rows["fylke"] == fylke]
    summary = municipality_summary(rows)
    year = int(summary["folketall_aar"].iloc[0]) if len(summary) else 2015
    table = pd.DataFrame({
        "Kommunenr.": summary["kommunenummer"],
        "Kommune": summary["navn"],
        "Fylke": summary["fylke"],
        population_column(year): summary["folketall"].astype("int64"),
        "Samarbeid": summary["samarbeid"].apply(lambda v: "; ".join(v)),
        "Organisasjonsform": summary["former"].apply(lambda v: "; ".join(form_label(f, uploaded) for f in v)),
    })
    if summary["kommuner_2015"].notna().any():
        table["Kommuner i 2015"] = summary["kommuner_2015"].fillna("")
    elif show_successors:
        table["Kommune i dag"] = [successor_text(n) for n in summary["kommunenummer"]]
    return table.sort_values("Kommunenr.").reset_index(drop=True)


def population_column(year: int) -> str:
    """The table column for population on 1 January `year`: «Folketall 1.1.2026»."""
    return f"Folketall 1.1.{year}"
