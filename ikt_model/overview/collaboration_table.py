"""The table of collaborations on «Nasjonal oversikt»: the columns a version shows, in order, and the table and
file name of its download (Norwegian headings, for Excel through ikt_model.spreadsheet).

`frame` below is the page's `queries.collaborations(...)` for one version; `is_report`: the version is the
report's (version 1, with KS regions and data-quality notes), else an uploaded one (with employees).
"""

from __future__ import annotations

import pandas as pd

DOWNLOAD_COLUMNS = {"navn": "Samarbeid", "ks_region": "KS-region", "organisasjonsform_navn": "Form",
                    "etablert_aar": "Etablert", "antall_kommuner": "Kommuner", "ansatte": "Ansatte",
                    "folketall": "Innbyggere", "medlemmer": "Medlemmer", "formelt_navn": "Formelt navn"}


def shown_columns(is_report: bool) -> list[str]:
    """The columns of `frame` the table shows, in order: KS region for the report's version; employees
    («ansatte») instead for an uploaded one, which has no regions."""
    columns = ["navn", "ks_region", "organisasjonsform_navn", "etablert_aar", "alder", "antall_kommuner",
               "folketall", "medlemmer", "formelt_navn", "merknad"]
    if not is_report:
        columns = [c for c in columns if c != "ks_region"]
        columns.insert(6, "ansatte")
    return columns


def download_table(frame: pd.DataFrame, columns: list[str], reference_year: int, is_report: bool) -> pd.DataFrame:
    """The shown `columns` of `frame` (those with a heading) under Norwegian headings: age as «Alder
    <reference_year>», the note as «Merknad (datakvalitet)» for the report's version."""
    names = {**DOWNLOAD_COLUMNS, "alder": f"Alder {reference_year}",
             "merknad": "Merknad (datakvalitet)" if is_report else "Merknad"}
    return frame[[c for c in columns if c in names]].rename(columns=names)


def download_stem(version_id: int, is_report: bool) -> str:
    """The download's file name without extension: «samarbeid-2015», or «samarbeid-versjon-<id>»."""
    return "samarbeid-2015" if is_report else f"samarbeid-versjon-{version_id}"
