"""Reading an uploaded national overview: CSV or Excel file -> rows checked one by one -> a report.

`read_upload(name, data, lookup)` reads the file and validates every row (ikt_model.overview.upload_rows);
it never stores anything: the caller stores `report.upload` only when `report.ok`
(ikt_model.overview.version_repository.OverviewRepository.save).

Accepted files: CSV (semicolon or comma, UTF-8 with or without BOM; Windows-1252 as Excel's plain
«CSV (semikolondelt)» writes it) and Excel workbooks (.xlsx, read with openpyxl). Headings may be
Norwegian or English (HEADING_ALIASES). Row numbers in messages are the spreadsheet's row numbers
(the heading row is row 1).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, ValidationError

from .upload_rows import (
    MAX_ROWS,
    TEMPLATE_COLUMNS,
    MunicipalityLookup,
    OverviewRow,
    OverviewUpload,
    clean_cell,
    collaboration_key,
)

MAX_BYTES = 10 * 1024 * 1024
REQUIRED = ("samarbeid", "organisasjonsform", "medlemmer", "etablert_aar")
HEADING_ALIASES: dict[str, str] = {
    **{a: "samarbeid" for a in ("samarbeid", "navn", "samarbeidets navn", "navn på samarbeidet", "collaboration",
                                "name", "collaboration name")},
    **{a: "formelt_navn" for a in ("formelt navn", "formelt_navn", "juridisk navn", "formal name", "legal name")},
    **{a: "organisasjonsform" for a in ("organisasjonsform", "form", "selskapsform", "organisation form",
                                        "organization form", "organisational form", "organizational form")},
    **{a: "medlemmer" for a in ("medlemmer", "medlemskommuner", "kommuner", "kommunenummer", "members",
                                "member municipalities", "municipalities")},
    **{a: "etablert_aar" for a in ("etablert", "etablert år", "etablert_aar", "etableringsår", "år", "established",
                                   "year established", "year", "established year")},
    **{a: "ansatte" for a in ("ansatte", "antall ansatte", "årsverk", "employees", "staff",
                              "number of employees")},
    **{a: "merknad" for a in ("merknad", "merknader", "kommentar", "note", "notes", "comment", "remarks")},
}


class RowError(BaseModel, frozen=True):
    """One problem: `row` is the spreadsheet row (1 = headings) or None for the whole file."""

    row: int | None
    column: str | None = None
    message: str


class ValidationReport(BaseModel, frozen=True):
    """What `read_upload` found: errors (row, column, Norwegian message), notices, and the upload when valid."""

    file_name: str
    rows_read: int
    digest: str = ""  # sha256 of the file's bytes (a page stores one file once)
    errors: tuple[RowError, ...] = ()
    notices: tuple[str, ...] = ()
    upload: OverviewUpload | None = None

    @property
    def ok(self) -> bool:
        """True when the file had no errors and produced an upload that can be saved."""
        return not self.errors and self.upload is not None


class UploadRefused(ValueError):
    """The file as a whole cannot be read (type, size, encoding, headings): one Norwegian message."""


# -- reading ---------------------------------------------------------------------------------------------

def _heading_key(text: Any) -> str:
    text = clean_cell(text) or ""
    text = re.sub(r"\(.*?\)", " ", text.casefold()).replace("*", " ")
    return re.sub(r"[\s_\-.]+", " ", text).strip()


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UploadRefused("Filen ser ikke ut som en tekstfil (CSV). Last opp CSV eller Excel (.xlsx).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel's «CSV (semikolondelt)» on Windows


def _csv_rows(data: bytes) -> list[list[Any]]:
    text = _decode(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook  # imported here: only uploads of Excel files need it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UploadRefused(f"Kunne ikke lese Excel-filen ({type(exc).__name__}). Lagre den på nytt som .xlsx.") \
            from None
    try:
        sheet = book["Oversikt"] if "Oversikt" in book.sheetnames else book.worksheets[0]
        rows: list[list[Any]] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(list(values))
            if len(rows) > MAX_ROWS + 1000:  # formatted empty rows count too; stop reading early
                break
        return rows
    finally:
        book.close()


def _table(file_name: str, data: bytes) -> list[list[Any]]:
    suffix = PurePath(file_name).suffix.casefold()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        hint = " Lagre den som Excel-arbeidsbok (.xlsx) eller CSV." if suffix in (".xls", ".ods", ".numbers") else ""
        raise UploadRefused(f"Feil filtype «{suffix or file_name}»: last opp en CSV-fil eller en Excel-fil (.xlsx)."
                            + hint)
    if not data or not data.strip():
        raise UploadRefused("Filen er tom.")
    if len(data) > MAX_BYTES:
        raise UploadRefused(f"Filen er for stor ({len(data) / 1024 / 1024:.1f} MB; høyst "
                            f"{MAX_BYTES // 1024 // 1024} MB).".replace(".", ",", 1))
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _xlsx_rows(data)
    if suffix in (".xlsx", ".xlsm"):
        raise UploadRefused("Filen er ikke en gyldig Excel-fil (.xlsx).")
    return _csv_rows(data)


def _columns(heading: list[Any]) -> tuple[dict[int, str], list[str]]:
    """Column index -> field, and notices about ignored columns. Raises UploadRefused for missing/double."""
    mapping: dict[int, str] = {}
    ignored: list[str] = []
    for i, cell in enumerate(heading):
        key = _heading_key(cell)
        if not key:
            continue
        field = HEADING_ALIASES.get(key)
        if field is None:
            ignored.append(str(cell).strip())
        elif field in mapping.values():
            raise UploadRefused(f"Kolonnen «{TEMPLATE_COLUMNS[field][0]}» finnes to ganger i overskriftsraden.")
        else:
            mapping[i] = field
    missing = [f for f in REQUIRED if f not in mapping.values()]
    if missing:
        names = ", ".join(f"«{TEMPLATE_COLUMNS[f][0]}» («{TEMPLATE_COLUMNS[f][1]}»)" for f in missing)
        raise UploadRefused(f"Overskriftsraden mangler {names}. Bruk malen.")
    notices = [f"Kolonnen «{c}» er ukjent og ble ikke lest." for c in ignored]
    return mapping, notices


def _message(error: dict) -> str:
    msg = str(error.get("msg", ""))
    return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def validate_rows(raw: list[tuple[int, dict[str, Any]]], lookup: MunicipalityLookup, file_name: str
                  ) -> ValidationReport:
    """Validate (row number, {field: cell}) pairs; every problem of every row is reported."""
    errors: list[RowError] = []
    rows: list[OverviewRow] = []
    first_row_of: dict[str, int] = {}
    for number, values in raw:
        name = clean_cell(values.get("samarbeid"))
        key = collaboration_key(name) if name else None
        if key is not None and key in first_row_of:
            errors.append(RowError(row=number, column=TEMPLATE_COLUMNS["samarbeid"][0], message=(
                f"Samarbeidet «{name}» er allerede ført opp i rad {first_row_of[key]}")))
        elif key is not None:
            first_row_of[key] = number
        try:
            row = OverviewRow.model_validate({"row": number, **values}, context={"lookup": lookup})
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else None
                column = TEMPLATE_COLUMNS[field][0] if field in TEMPLATE_COLUMNS else None
                errors.append(RowError(row=number, column=column, message=_message(err)))
            continue
        rows.append(row)
    upload = OverviewUpload(file_name=file_name, rows=tuple(rows)) if not errors and rows else None
    return ValidationReport(file_name=file_name, rows_read=len(raw), errors=tuple(errors), upload=upload)


def read_upload(file_name: str, data: bytes, lookup: MunicipalityLookup) -> ValidationReport:
    """Read and validate an uploaded overview file; never raises for bad input (errors are in the report).

    Returns a report with `ok` True and `upload` set only when every row is valid. Nothing is stored here.
    """
    file_name = PurePath(file_name or "").name or "opplasting"
    digest = hashlib.sha256(data or b"").hexdigest()
    try:
        table = _table(file_name, data)
        numbered = [(i, r) for i, r in enumerate(table, start=1) if any(clean_cell(c) is not None for c in r)]
        if not numbered:
            raise UploadRefused("Filen er tom.")
        (_head_no, heading), body = numbered[0], numbered[1:]
        if len(body) > MAX_ROWS:
            raise UploadRefused(f"Filen har for mange rader ({len(body):,} samarbeid; høyst {MAX_ROWS:,})."
                                .replace(",", " "))
        mapping, notices = _columns(heading)
        if not body:
            raise UploadRefused("Filen har overskrifter, men ingen rader med samarbeid.")
    except UploadRefused as exc:
        return ValidationReport(file_name=file_name, rows_read=0, digest=digest,
                                errors=(RowError(row=None, message=str(exc)),))
    raw = [(number, {field: (cells[i] if i < len(cells) else None) for i, field in mapping.items()})
           for number, cells in body]
    report = validate_rows(raw, lookup, file_name)
    return report.model_copy(update={"notices": tuple(notices), "digest": digest})


def error_table(report: ValidationReport) -> list[dict[str, str]]:
    """The errors as rows for a table: Rad («fil» for the whole file), Kolonne, Feil."""
    return [{"Rad": "fil" if e.row is None else str(e.row), "Kolonne": e.column or "", "Feil": e.message}
            for e in report.errors]
