"""Downloads for people open correctly in Norwegian Excel (CSV) and in any Excel (.xlsx)."""

import io
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from ikt_model.spreadsheet import downloads, excel_csv, file_stem, xlsx

ROWS = [{"Fylke": "Østfold", "Andel": 0.125, "Folketall": 291_000, "Med": True, "Fra": date(2015, 1, 1),
         "Navn": "=HYPERLINK(\"x\")"},
        {"Fylke": "Sør-Trøndelag", "Andel": None, "Folketall": np.int64(5), "Med": np.bool_(False),
         "Fra": None, "Navn": "Ålesund; «med» \"ROBEK\""}]


def test_excel_csv_is_bom_semicolon_decimal_comma():
    data = excel_csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads Ø as Ø, not «Ã˜»
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Fylke;Andel;Folketall;Med;Fra;Navn"
    assert lines[1] == 'Østfold;0,125;291000;SANN;2015-01-01;"\'=HYPERLINK(""x"")"'  # formula injection defused
    assert lines[2] == 'Sør-Trøndelag;;5;USANN;;"Ålesund; «med» ""ROBEK"""'


def test_excel_csv_numbers_never_in_exponent_form_and_frames_work():
    frame = pd.DataFrame({"x": [1e-7, 1234567.5, float("nan")], "d": [Decimal("2.50"), Decimal("3"), None]})
    lines = excel_csv(frame).decode("utf-8-sig").split("\r\n")
    assert lines[1:4] == ["0,0000001;2,5", "1234567,5;3", ";"]


def test_xlsx_keeps_numbers_as_numbers_and_text_as_text():
    book = load_workbook(io.BytesIO(xlsx(ROWS, "SQL: resultat")))
    ws = book.active
    assert ws.title == "SQL resultat"
    assert [c.value for c in ws[1]] == ["Fylke", "Andel", "Folketall", "Med", "Fra", "Navn"]
    row = [c.value for c in ws[2]]
    assert row[:4] == ["Østfold", 0.125, 291000, True]
    assert ws["F2"].data_type == "s" and ws["F2"].value == "=HYPERLINK(\"x\")"  # stored as text, never run
    assert [c.value for c in ws[3]][:4] == ["Sør-Trøndelag", None, 5, False]
    assert ws.freeze_panes == "A2"


def test_downloads_offer_both_and_file_stems_are_safe():
    (csv_label, csv_data, csv_name, csv_mime, _), (x_label, x_data, x_name, x_mime, _) = downloads(
        ROWS, file_stem("Sør/Trøndelag: «IKT»"))
    assert csv_data() == excel_csv(ROWS) and load_workbook(io.BytesIO(x_data())).active["A2"].value == "Østfold"
    assert csv_name == "sør-trøndelag-ikt.csv" and x_name == "sør-trøndelag-ikt.xlsx"
    assert csv_mime == "text/csv" and x_mime.endswith("spreadsheetml.sheet")
    assert "Excel" in csv_label and ".xlsx" in x_label
    assert excel_csv([], columns=["a", "b"]) == b"\xef\xbb\xbfa;b\r\n"  # an empty table keeps its header
    assert excel_csv(ROWS, columns=["Navn", "Fylke"]).decode("utf-8-sig").split("\r\n")[0] == "Navn;Fylke"


def test_missing_values_of_every_kind_are_empty_cells():
    # pandas nullable columns (Int64, string) give pd.NA, which came out as the text «<NA>»
    frame = pd.DataFrame({"Etablert": pd.array([2004, None], dtype="Int64"),
                          "Navn": pd.array(["x", None], dtype="string"),
                          "Fra": [pd.NaT, pd.Timestamp("2020-01-01")],
                          "Andel": [float("nan"), 0.5], "Merk": [None, "y"]})
    lines = excel_csv(frame).decode("utf-8-sig").split("\r\n")
    assert lines[1:3] == ["2004;x;;;", ";;2020-01-01 00:00:00;0,5;y"]
    assert excel_csv([{"a": pd.NA, "b": None}]).decode("utf-8-sig").split("\r\n")[1] == ";"
    ws = load_workbook(io.BytesIO(xlsx(frame))).active
    assert [c.value for c in ws[2]] == [2004, "x", None, None, None]
    assert [c.value for c in ws[3]][:2] == [None, None]
