"""Each municipality on the map («Kart») in words: its summary, its hover label and the map as a table.

`municipality_summary` folds rows shaped like `map_data.map_rows()` (in the structure of either set of
borders, see `map_borders.rows_for_borders`) into one row per municipality with its collaborations and
forms; `hover_text` is the label the figure shows for it, and `map_table` the text alternative to the map
(one row per municipality, Norwegian column names). Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import format as fmt
from ..municipalities import member_label, successors_2024
from ..ui.text import plotly_escape
from .map_legend import form_label


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
    (1875)». Names as `member_label` writes them (one bracket: «Herøy (Nordland, 1818)»)."""
    s = successors_2024().get(kommunenummer_2015)
    if s is None:
        return ""
    labels = [member_label(k) for k in sorted(s.alle)]
    if len(labels) == 1:
        return labels[0]
    return "delt: " + ", ".join(labels[:-1]) + " og " + labels[-1]


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
