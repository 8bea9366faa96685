"""A click on the map -> the municipality and its collaboration(s) (pure; the page renders the result).

Streamlit returns `st.plotly_chart(..., on_select="rerun")` events as a dict:
`{"selection": {"points": [{"location": "0301", "properties": {...}, "point_index": 3,
"curve_number": 1, ...}], ...}}`. A point names the municipality by `location` (the choropleth's
`locations` value), else by `properties.kommunenummer` (the GeoJSON feature), else by its
`point_index` in the trace `curve_number` (needs the locations of every trace). Anything else is
ignored, so an empty, stale or malformed event gives an empty result, never an exception.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from pydantic import BaseModel

from .. import format as fmt
from ..ui.text import markdown_escape as md
from .map_legend import form_label
from .map_summary import successor_text

_NUMBER = re.compile(r"^\d{4}$")


class ClickedCollaboration(BaseModel, frozen=True):
    """A collaboration as the map's detail panel shows it after a click (member names, form as printed)."""

    id: str
    navn: str
    formelt_navn: str | None = None
    organisasjonsform: str
    organisasjonsform_tekst: str  # as printed in Vedlegg 5 when printed, else the normalised label
    etablert: str | None = None  # as printed, e.g. "1997 (IKS 2008)"
    etablert_aar: int | None = None
    ks_region: str | None = None
    antall_kommuner: int
    medlemmer: list[str]


class ClickedMunicipality(BaseModel, frozen=True):
    """A municipality clicked on the map: number, name, county, population (1 January of `folketall_aar`),
    the 2015 municipalities it covers or its 2024 successor, and the collaborations it is a member of.
    """

    kommunenummer: str
    navn: str
    fylke: str
    folketall: int
    folketall_aar: int = 2015  # population on 1 January of this year
    kommuner_2015: str | None = None  # on today's borders: the 2015 municipalities it covers
    navn_2024: str | None = None
    kommunenummer_2024: str | None = None
    samarbeid: list[ClickedCollaboration]


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _number_of(point: Any, locations_by_curve: Sequence[Sequence[str]] | None) -> str | None:
    location = _get(point, "location")
    if isinstance(location, str) and _NUMBER.match(location):
        return location
    props = _get(point, "properties")
    number = _get(props, "kommunenummer") if props is not None else None
    if isinstance(number, str) and _NUMBER.match(number):
        return number
    index, curve = _get(point, "point_index"), _get(point, "curve_number") or 0
    if locations_by_curve is None or not isinstance(index, int) or not isinstance(curve, int):
        return None
    if 0 <= curve < len(locations_by_curve) and 0 <= index < len(locations_by_curve[curve]):
        return locations_by_curve[curve][index]
    return None


def selected_numbers(event: Any, locations_by_curve: Sequence[Sequence[str]] | None = None) -> list[str]:
    """The kommunenummer of every selected point, in click order, without duplicates."""
    selection = _get(event, "selection") if event is not None else None
    points = _get(selection, "points") if selection is not None else None
    if not isinstance(points, Sequence) or isinstance(points, str):
        return []
    numbers: list[str] = []
    for point in points:
        number = _number_of(point, locations_by_curve)
        if number and number not in numbers:
            numbers.append(number)
    return numbers


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return int(value)


def _collaboration(row: Mapping[str, Any]) -> ClickedCollaboration:
    members = _text(row.get("medlemmer"))
    return ClickedCollaboration(
        id=row["id"], navn=row["navn"], formelt_navn=_text(row.get("formelt_navn")),
        organisasjonsform=row["organisasjonsform"],
        organisasjonsform_tekst=_text(row.get("organisasjonsform_trykt")) or form_label(row["organisasjonsform"]),
        etablert=_text(row.get("etablert_trykt")), etablert_aar=_int(row.get("etablert_aar")),
        ks_region=_text(row.get("ks_region")), antall_kommuner=_int(row.get("antall_kommuner")) or 0,
        medlemmer=members.split(", ") if members else [],
    )


def describe_numbers(numbers: Sequence[str], rows: pd.DataFrame,
                     collaborations: pd.DataFrame) -> list[ClickedMunicipality]:
    """Municipalities (known in `rows`, see map_data.map_rows) with their collaborations
    (from `collaborations`, see map_data.collaborations). Unknown numbers are skipped."""
    by_id = {r["id"]: r for r in collaborations.to_dict("records")}
    result = []
    for number in numbers:
        mine = rows[rows["kommunenummer"] == number]
        if mine.empty:
            continue
        first = mine.iloc[0]
        ids = [i for i in mine["samarbeid_id"].tolist() if isinstance(i, str) and i in by_id]
        result.append(ClickedMunicipality(
            kommunenummer=number, navn=first["navn"], fylke=first["fylke"], folketall=int(first["folketall"]),
            folketall_aar=_int(first.get("folketall_aar")) or 2015, kommuner_2015=_text(first.get("kommuner_2015")),
            navn_2024=_text(first.get("navn_2024")), kommunenummer_2024=_text(first.get("kommunenummer_2024")),
            samarbeid=[_collaboration(by_id[i]) for i in ids],
        ))
    return result


def describe_selection(event: Any, rows: pd.DataFrame, collaborations: pd.DataFrame,
                       locations_by_curve: Sequence[Sequence[str]] | None = None) -> list[ClickedMunicipality]:
    """A Streamlit plotly selection event -> the selected municipalities with their collaborations."""
    return describe_numbers(selected_numbers(event, locations_by_curve), rows, collaborations)


def summary_text(municipality: ClickedMunicipality, show_successor: bool = False, uploaded: bool = False) -> str:
    """One Norwegian sentence for the heading below the map (`uploaded`: an uploaded version of the overview)."""
    head = f"{md(municipality.navn)} ({md(municipality.kommunenummer)}, {md(municipality.fylke)}), " \
           f"{fmt.number(municipality.folketall)} innbyggere 1.1.{municipality.folketall_aar}"
    if municipality.kommuner_2015:
        head += f"; i 2015: {md(municipality.kommuner_2015)}"
    if show_successor and municipality.kommunenummer_2024:
        head += f"; kommune i dag: {md(successor_text(municipality.kommunenummer))}"
    count = len(municipality.samarbeid)
    if count == 0:
        return head + f". Kommunen er ikke med i noe IKT-samarbeid i {'versjonen' if uploaded else 'Vedlegg 5'}."
    return head + (". Med i ett IKT-samarbeid:" if count == 1 else f". Med i {count} IKT-samarbeid:")


def collaboration_markdown(collaboration: ClickedCollaboration) -> str:
    """A short Markdown block: name, formal name, form (as printed), year, KS region, members."""
    title = f"**{md(collaboration.navn)}**"
    if collaboration.formelt_navn and collaboration.formelt_navn != collaboration.navn:
        title += f" – {md(collaboration.formelt_navn)}"
    form = collaboration.organisasjonsform_tekst
    label = form_label(collaboration.organisasjonsform)
    form_text = md(form) if form == label else f"{md(form)} (normalisert: {label})"
    members = ", ".join(md(m) for m in collaboration.medlemmer) or "ingen oppgitt"
    return "\n".join([
        title,
        f"- Organisasjonsform: {form_text}",
        f"- Etablert: {md(collaboration.etablert or 'ikke oppgitt i Vedlegg 5')}",
        f"- KS-region: {md(collaboration.ks_region or 'ikke oppgitt')}",
        f"- Medlemmer ({len(collaboration.medlemmer)}): {members}",
    ])
