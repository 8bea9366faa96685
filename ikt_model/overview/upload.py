"""Uploading an updated national overview: template, reading CSV/Excel, row-by-row validation.

A KS adviser fills in one row per collaboration (see TEMPLATE_COLUMNS) with members given by today's
municipality numbers (the 357 valid since 1.1.2024, data/reference/kommuner_2024.csv, SSB) and the
organisation form in 2026 terms (ikt_model.overview.forms). `read_upload(name, data, lookup)` reads the
file and validates every row; it never stores anything: the caller stores `report.upload` only when
`report.ok` (ikt_model.overview.versions.OverviewRepository.save).

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
import unicodedata
import zipfile
from datetime import date
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, Field, ValidationError, ValidationInfo, field_validator, model_validator

from ..numbers import NumberInputError, parse_whole
from ..spreadsheet import excel_csv
from .forms import FORM_LABELS_2026, FORMS_2026, parse_form

MAX_ROWS = 10_000
MAX_BYTES = 10 * 1024 * 1024
YEAR_MIN = 1950
NAME_MAX = 200
NOTE_MAX = 1000
EMPLOYEES_MAX = 100_000

# field -> (Norwegian template heading, English heading)
TEMPLATE_COLUMNS: dict[str, tuple[str, str]] = {
    "samarbeid": ("Samarbeid", "Collaboration"),
    "formelt_navn": ("Formelt navn", "Formal name"),
    "organisasjonsform": ("Organisasjonsform", "Organisation form"),
    "medlemmer": ("Medlemmer (kommunenummer)", "Members"),
    "etablert_aar": ("Etablert (år)", "Year established"),
    "ansatte": ("Ansatte", "Employees"),
    "merknad": ("Merknad", "Note"),
}
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


class MunicipalityLookup(BaseModel, frozen=True):
    """Valid member numbers -> names (today's municipalities) and former numbers -> (today's number, name),
    used to explain a 2015 number. Injected so that validation is testable with small data."""

    names: dict[str, str]
    former: dict[str, str] = {}  # older number -> «1508 Ålesund» (or «1508 Ålesund eller 1580 Haram»)


class RowError(BaseModel, frozen=True):
    """One problem: `row` is the spreadsheet row (1 = headings) or None for the whole file."""

    row: int | None
    column: str | None = None
    message: str


def _clean(value: Any) -> str | None:
    """Cell -> stripped text or None (Excel gives int/float; 2019.0 -> '2019')."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()
    return text or None


def collaboration_key(name: str) -> str:
    """A stable id from a name: lower case ASCII words joined by '-' (DDØ -> ddo, IKT-Follo -> ikt-follo).
    Two names with the same key are the same collaboration (duplicates are refused)."""
    text = name.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "samarbeid"


def _member_parts(text: str) -> list[str]:
    parts: list[str] = []
    for part in re.split(r"[,;/\n]+", text):
        part = part.strip()
        if not part:
            continue
        tokens = part.split()
        parts.extend(tokens if all(t.isdigit() for t in tokens) else [part])
    return parts


def _parse_member(part: str, lookup: MunicipalityLookup) -> str:
    match = re.fullmatch(r"(\d{3,4})(?:\s+(.+))?", part)
    if not match:
        raise ValueError(f"«{part}» er ikke et kommunenummer (fire sifre, for eksempel 0301 eller 1508)")
    number = match.group(1).zfill(4)
    if number not in lookup.names:
        if number in lookup.former:
            raise ValueError(f"Kommunenummer {number} gjelder ikke lenger; i dag: {lookup.former[number]}. "
                             "Bruk dagens nummer")
        raise ValueError(f"Ukjent kommunenummer {number}")
    written = match.group(2)
    if written and written.casefold() not in lookup.names[number].casefold():
        raise ValueError(f"Kommunenummer {number} er {lookup.names[number]}, ikke «{written}»")
    return number


class OverviewRow(BaseModel, frozen=True):
    """One collaboration of an uploaded overview (validated; members are today's numbers, unique).

    Validate with `context={"lookup": MunicipalityLookup}`. Errors carry Norwegian messages.
    """

    row: int = Field(ge=2)
    samarbeid: str
    formelt_navn: str | None = None
    organisasjonsform: str
    medlemmer: tuple[str, ...]
    etablert_aar: int
    ansatte: int | None = None
    merknad: str | None = None

    @property
    def key(self) -> str:
        """The collaboration's matching key (normalised name), used to compare versions."""
        return collaboration_key(self.samarbeid)

    @field_validator("samarbeid", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        text = _clean(value)
        if text is None:
            raise ValueError("Samarbeidets navn mangler")
        if len(text) > NAME_MAX:
            raise ValueError(f"Navnet er for langt (høyst {NAME_MAX} tegn)")
        return text

    @field_validator("formelt_navn", "merknad", mode="before")
    @classmethod
    def _optional_text(cls, value: Any) -> str | None:
        text = _clean(value)
        if text is not None and len(text) > NOTE_MAX:
            raise ValueError(f"Teksten er for lang (høyst {NOTE_MAX} tegn)")
        return text

    @field_validator("organisasjonsform", mode="before")
    @classmethod
    def _form(cls, value: Any) -> str:
        text = _clean(value)
        if text is None:
            raise ValueError("Organisasjonsform mangler")
        return parse_form(text)

    @field_validator("medlemmer", mode="before")
    @classmethod
    def _members(cls, value: Any, info: ValidationInfo) -> tuple[str, ...]:
        if isinstance(value, (tuple, list)):
            value = ", ".join(str(v) for v in value)
        text = _clean(value)
        if text is None:
            raise ValueError("Medlemmer mangler (kommunenummer, skilt med komma)")
        lookup: MunicipalityLookup = (info.context or {})["lookup"]
        numbers: list[str] = []
        problems: list[str] = []
        for part in _member_parts(text):
            try:
                number = _parse_member(part, lookup)
            except ValueError as exc:
                problems.append(str(exc))
                continue
            if number in numbers:
                problems.append(f"Kommune {number} {lookup.names[number]} er ført opp to ganger")
            else:
                numbers.append(number)
        if problems:
            raise ValueError("; ".join(problems))
        if len(numbers) < 2:
            raise ValueError("Et interkommunalt samarbeid må ha minst to medlemskommuner")
        return tuple(numbers)

    @field_validator("etablert_aar", mode="before")
    @classmethod
    def _year(cls, value: Any) -> int:
        text = _clean(value)
        if text is None:
            raise ValueError("Etableringsår mangler")
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"Etableringsår «{text}» er ikke et årstall (fire sifre)")
        year, latest = int(text), date.today().year
        if not YEAR_MIN <= year <= latest:
            raise ValueError(f"Etableringsår {year} er utenfor gyldig område ({YEAR_MIN}–{latest})")
        return year

    @field_validator("ansatte", mode="before")
    @classmethod
    def _employees(cls, value: Any) -> int | None:
        text = _clean(value)
        if text is None:
            return None
        try:  # Norwegian forms: «1 200», «1.200»; «12,5» or «1,200» are refused (ikt_model.numbers)
            number = parse_whole(text, what=f"Ansatte «{text}»", example="1 200")
        except NumberInputError:
            number = -1
        if not 0 <= number <= EMPLOYEES_MAX:
            raise ValueError(f"Ansatte «{text}» må være et helt tall fra 0 til {EMPLOYEES_MAX}, "
                             "for eksempel 1 200")
        return number

    @field_validator("organisasjonsform")
    @classmethod
    def _known(cls, value: str) -> str:
        assert value in FORMS_2026
        return value


class OverviewUpload(BaseModel, frozen=True):
    """A whole valid upload: 1..MAX_ROWS collaborations with unique keys (names)."""

    file_name: str
    rows: tuple[OverviewRow, ...] = Field(min_length=1, max_length=MAX_ROWS)

    @model_validator(mode="after")
    def _unique(self):
        keys = [r.key for r in self.rows]
        if len(set(keys)) != len(keys):
            raise ValueError("Samme samarbeid er ført opp flere ganger")
        return self

    @property
    def memberships(self) -> int:
        """Number of memberships in the upload (sum of members over all rows)."""
        return sum(len(r.medlemmer) for r in self.rows)


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
    text = _clean(text) or ""
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
        name = _clean(values.get("samarbeid"))
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
        numbered = [(i, r) for i, r in enumerate(table, start=1) if any(_clean(c) is not None for c in r)]
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


# -- templates -------------------------------------------------------------------------------------------

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


def default_lookup() -> MunicipalityLookup:
    """Today's municipalities (ikt_model.municipalities.municipalities_today, SSB; display names with the
    county where a name occurs twice) and every older number (2015, 2020–2023) with today's successor(s)."""
    from ..municipalities import municipalities_today, successors_2024, successors_from_2020

    today = municipalities_today()
    names = {n: m.visningsnavn for n, m in today.items()}
    former: dict[str, str] = {}
    for old, successor in successors_2024().items():
        if old not in names:
            candidates = [c for c in (successor.alle or (successor.kommunenummer,)) if c in today]
            former[old] = " eller ".join(f"{c} {names[c]}" for c in candidates) or successor.kommunenummer
    for old, successors in successors_from_2020().items():
        former.setdefault(old, " eller ".join(f"{c} {names[c]}" for c in successors if c in names))
    return MunicipalityLookup(names=names, former=former)
