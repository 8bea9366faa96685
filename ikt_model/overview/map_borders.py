"""The two sets of municipality borders the map («Kart») is drawn on, and rows in their structure.

`Borders`: today's 357 municipalities (since 1.1.2024, the default) and the 428 of 2015 (the report's time).
Their boundaries are GeoJSON files in data/reference/, served byte-identical from static/ so that plotly.js
fetches them once (`geojson_url`); plotly.js's world topojson is served from the same folder
(`topojson_url`, `plotly_config`), so the map works offline.

Input rows are shaped like `map_data.map_rows()` (one row per 2015 municipality and collaboration, the
columns of the view `v_kommune_samarbeid` plus the collaboration's printed form and year; municipalities in
no collaboration appear once with NULLs). `rows_for_borders` turns them into rows of the chosen structure:
on today's borders every 2015 member is shown in the municipality that has taken it over (SSB's successor
table; a split 2015 municipality in every part), with today's population. Everything here is pure.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Literal

import pandas as pd

from ..config import get_settings, static_url
from ..municipalities import (
    DEFAULT_POPULATION_YEAR,
    municipalities_2015,
    municipalities_today,
    numbered,
    population,
    successors_2024,
)

Borders = Literal["today", "2015"]

BORDERS_LABELS: dict[str, str] = {  # the counts: the reference data's (a test holds them to it)
    "today": "Dagens kommuner (357)",
    "2015": "Kommunene i 2015 (428, rapportens tid)",
}
# Each a byte-identical copy of data/reference/<name>, served by Streamlit at /app/static/<name>.
BORDER_FILES: dict[str, str] = {"today": "kommuner_2024.geojson", "2015": "kommuner_2015.geojson"}

# Served by Streamlit at /app/static/: plotly.js fetches the boundaries once and the figure carries only
# the URL (~0.12 MB instead of ~1.2-1.6 MB to serialise on every run and send on every change of colouring).
STATIC_GEOJSON = BORDER_FILES["2015"]


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
            label = numbered(old[number].visningsnavn, number)  # «Sande (Vestfold, 0713)», one bracket
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
