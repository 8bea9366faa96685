"""Tables people download: CSV that Norwegian Excel opens correctly, and Excel (.xlsx).

Norwegian Excel reads a CSV file with the list separator and decimal mark of the Norwegian locale:
semicolon between cells and decimal comma; without a byte-order mark it reads UTF-8 as Windows-1252
and shows «Ã˜stfold» for «Østfold». `excel_csv` therefore writes UTF-8 with BOM, «;», decimal comma,
CRLF line ends, SANN/USANN for booleans, ISO dates, and no digit grouping (so numbers stay numbers).
`xlsx` writes the same table as a workbook (openpyxl), numbers as numbers, so any Excel shows them
in its own locale. Both guard against spreadsheet formula injection: text that starts with = + - @
(or a tab/CR) is written with a leading apostrophe in CSV and as a plain string cell in .xlsx
(OWASP, «CSV Injection»).

CSV for machines (the command line's `--format csv`) is not made here: it stays standard RFC 4180
(comma, decimal point, no BOM).

A table is a pandas DataFrame or a list of dicts (column order from the first row).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, NamedTuple

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _columns_and_rows(table: Any, columns: Sequence[str] | None = None) -> tuple[list[str], list[list[Any]]]:
    if hasattr(table, "to_dict") and hasattr(table, "columns"):  # pandas DataFrame
        frame = table if columns is None else table[list(columns)]
        return [str(c) for c in frame.columns], [list(r) for r in frame.itertuples(index=False, name=None)]
    rows = list(table)
    if rows and not isinstance(rows[0], Mapping):
        raise TypeError("a table is a DataFrame or a list of dicts")
    names = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    return [str(c) for c in names], [[r.get(c) for c in names] for r in rows]


def _missing(value: Any) -> bool:
    """None, NaN, NaT and pandas' NA (whose comparisons give NA again, never True or False)."""
    if value is None or type(value).__name__ == "NAType":
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return False


def safe_text(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _plain_number(value: float | int | Decimal) -> str:
    """Shortest exact decimal text, never in exponent form: 0.1 -> '0,1', 1e-7 -> '0,0000001'."""
    text = format(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _python(value: Any) -> Any:
    """numpy scalars and pandas timestamps as plain Python values."""
    if type(value).__module__.startswith("numpy") and hasattr(value, "item"):
        return value.item()
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    return value


def excel_cell(value: Any) -> str:
    """One value as Norwegian Excel reads it from a CSV cell."""
    if _missing(value):
        return ""
    value = _python(value)
    if isinstance(value, bool):
        return "SANN" if value else "USANN"
    if isinstance(value, (int, Decimal)):
        return _plain_number(value)
    if isinstance(value, float):
        return _plain_number(value) if math.isfinite(value) else ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return safe_text(", ".join(str(v) for v in value))
    return safe_text(str(value))


def excel_csv(table: Any, columns: Sequence[str] | None = None) -> bytes:
    """The table as CSV for Norwegian Excel: UTF-8 with BOM, «;», decimal comma, CRLF. Bytes.
    `columns` picks and orders the columns (and gives the header of an empty table)."""
    columns, rows = _columns_and_rows(table, columns)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([safe_text(c) for c in columns])
    for row in rows:
        writer.writerow([excel_cell(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def _xlsx_value(value: Any) -> Any:
    if _missing(value):
        return None
    value = _python(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime) and value.tzinfo is not None:  # Excel has no time zones
        return value.replace(tzinfo=None)
    if isinstance(value, (bool, int, float, Decimal, datetime, date, time)):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def xlsx(table: Any, sheet: str = "Tabell", columns: Sequence[str] | None = None) -> bytes:
    """The table as an Excel workbook (one sheet, bold frozen header, fitted column widths). Bytes.
    Text is always stored as text (never as a formula). `columns` as for `excel_csv`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns, rows = _columns_and_rows(table, columns)
    book = Workbook()
    ws = book.active
    ws.title = "".join(c for c in sheet if c not in "[]:*?/\\")[:31] or "Tabell"
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_xlsx_value(v) for v in row])
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":  # openpyxl reads «=…» as a formula
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    for index, name in enumerate(columns, start=1):
        longest = max([len(str(name))] + [len(str(r[index - 1])) for r in rows[:500] if not _missing(r[index - 1])])
        ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width = min(60, max(8, longest + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def file_stem(text: str, fallback: str = "tabell") -> str:
    """A safe file-name stem from a title: letters and digits (æøå kept), others as «-», ≤ 60 chars."""
    stem = "".join(c if c.isalnum() else "-" for c in text.strip().lower())
    stem = "-".join(p for p in stem.split("-") if p)[:60]
    return stem or fallback


class Download(NamedTuple):
    """One download button: label, a callable that makes the bytes (run only when clicked), file name,
    MIME type and a widget key suffix."""

    label: str
    data: Callable[[], bytes]
    file_name: str
    mime: str
    kind: str


def downloads(table: Any, stem: str, sheet: str = "Tabell",
              columns: Sequence[str] | None = None) -> tuple[Download, Download]:
    """The two download buttons a page shows under a table a person may want in Excel: CSV for
    Norwegian Excel and .xlsx. The files are made only when a button is clicked."""
    return (Download("Last ned for Excel (CSV)", lambda: excel_csv(table, columns), f"{stem}.csv", CSV_MIME, "csv"),
            Download("Last ned som Excel (.xlsx)", lambda: xlsx(table, sheet, columns), f"{stem}.xlsx", XLSX_MIME,
                     "xlsx"))
