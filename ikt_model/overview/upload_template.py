"""The template for an updated national overview: CSV for Norwegian Excel and an Excel workbook.

Headings are the Norwegian ones of TEMPLATE_COLUMNS (ikt_model.overview.upload_rows); the organisation
form is written in words that ikt_model.overview.forms.parse_form accepts, so a filled-in template reads
back through ikt_model.overview.upload.read_upload unchanged.
"""

from __future__ import annotations

import io
from typing import Any

from ..spreadsheet import excel_csv
from .forms import FORM_LABELS_2026
from .upload_rows import MAX_ROWS, TEMPLATE_COLUMNS, YEAR_MIN


def template_rows(rows: list[dict[str, Any]] | None = None) -> list[list[Any]]:
    """Heading row (Norwegian) plus `rows` ({field: value}, members as a list of numbers)."""
    out: list[list[Any]] = [[TEMPLATE_COLUMNS[f][0] for f in TEMPLATE_COLUMNS]]
    for r in rows or []:
        line = []
        for field in TEMPLATE_COLUMNS:
            value = r.get(field)
            if field == "medlemmer":
                value = ", ".join(value or [])
            elif field == "organisasjonsform" and value in FORM_LABELS_2026:
                value = _TEMPLATE_FORM_WORDS[value]
            line.append("" if value is None else value)
        out.append(line)
    return out


# What the template writes and the Excel drop-down offers (each is accepted by forms.parse_form).
_TEMPLATE_FORM_WORDS: dict[str, str] = {
    "ko": "KO", "iks": "IKS", "vertskommune_adm": "vertskommune administrativt",
    "vertskommune_nemnd": "vertskommune med felles folkevalgt nemnd", "as": "AS", "sa": "SA", "avtale": "avtale",
}


def template_csv(rows: list[dict[str, Any]] | None = None) -> bytes:
    """The template as CSV for Norwegian Excel (ikt_model.spreadsheet: UTF-8 with BOM, semicolon, CRLF,
    text that Excel would run as a formula written as text)."""
    heading, *body = template_rows(rows)
    return excel_csv([dict(zip(heading, line, strict=False)) for line in body], columns=heading)


GUIDE: tuple[tuple[str, str], ...] = (
    ("Samarbeid", "Kortnavnet på samarbeidet (må være unikt i filen). Påkrevd."),
    ("Formelt navn", "Juridisk navn, for eksempel «Digitale Gardermoen IKS». Valgfritt."),
    ("Organisasjonsform", "KO, IKS, vertskommune administrativt, vertskommune med felles folkevalgt nemnd, AS, SA "
                          "eller avtale (kommuneloven 2018 § 17-1, kap. 19 og 20). Påkrevd."),
    ("Medlemmer (kommunenummer)", "Dagens kommunenummer (gyldige fra 1.1.2024), skilt med komma, for eksempel "
                                  "«1508, 1580, 1577». Minst to. Påkrevd."),
    ("Etablert (år)", f"Året samarbeidet ble etablert, {YEAR_MIN}–i år. Påkrevd."),
    ("Ansatte", "Antall ansatte i samarbeidet (helt tall). Valgfritt."),
    ("Merknad", "Fritekst. Valgfritt."),
)


def template_xlsx(rows: list[dict[str, Any]] | None = None) -> bytes:
    """The template as an Excel workbook: sheet «Oversikt» (headings, members as text, a drop-down for
    the organisation form) and sheet «Veiledning» (what each column takes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Oversikt"
    for line in template_rows(rows):
        sheet.append(line)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":  # «=…» from a name is text, not a formula
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (30, 36, 38, 36, 14, 10, 40), strict=False):
        sheet.column_dimensions[column].width = width
    last = max(MAX_ROWS + 1, sheet.max_row)
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row, min_col=4, max_col=4):
        for cell in row:
            cell.number_format = "@"
    forms = DataValidation(type="list", formula1='"' + ",".join(_TEMPLATE_FORM_WORDS.values()) + '"',
                           allow_blank=True, showErrorMessage=True, errorTitle="Ukjent organisasjonsform",
                           error="Velg en organisasjonsform fra listen.")
    forms.add(f"C2:C{last}")
    sheet.add_data_validation(forms)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("Veiledning")
    guide.append(["Kolonne", "Hva du fyller inn"])
    for line in GUIDE:
        guide.append(list(line))
    guide.append([])
    guide.append(["Kilde", "Kommunenummer: Statistisk sentralbyrå (kommuner fra 1.1.2024). Organisasjonsformer: "
                           "kommuneloven 2018 § 17-1; regjeringen.no, Veileder om interkommunalt samarbeid."])
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 100
    for cell in guide[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
