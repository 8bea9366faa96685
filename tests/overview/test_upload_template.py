"""The template to fill in: CSV and Excel read back through the validator unchanged, and names never become
spreadsheet formulas."""

import io

from openpyxl import load_workbook

from ikt_model.overview import upload_template
from ikt_model.overview.upload import read_upload

from .upload_files import LOOKUP


def test_template_files_round_trip_through_the_validator():
    rows = [{"samarbeid": "IKT Sunnmøre", "formelt_navn": "IKT Sunnmøre KO", "organisasjonsform": form,
             "medlemmer": ["1508", "1580"], "etablert_aar": 2020, "ansatte": 3, "merknad": "ny"}
            for form in ("vertskommune_nemnd",)]
    for name, data in (("m.csv", upload_template.template_csv(rows)), ("m.xlsx", upload_template.template_xlsx(rows))):
        report = read_upload(name, data, LOOKUP)
        assert report.ok, (name, report.errors)
        row = report.upload.rows[0]
        assert (row.organisasjonsform, row.formelt_navn, row.ansatte, row.merknad) == (
            "vertskommune_nemnd", "IKT Sunnmøre KO", 3, "ny")
    assert upload_template.template_csv().startswith("\ufeffSamarbeid;".encode())
    book = load_workbook(io.BytesIO(upload_template.template_xlsx()))
    assert book.sheetnames == ["Oversikt", "Veiledning"]
    assert book["Oversikt"].data_validations.dataValidation[0].formula1.startswith('"KO,IKS,')


def test_exported_names_never_become_spreadsheet_formulas():
    rows = [{"samarbeid": "=HYPERLINK(\"x\")", "organisasjonsform": "ko", "medlemmer": ["1508", "1580"],
             "etablert_aar": 2020}]
    assert b"'=HYPERLINK" in upload_template.template_csv(rows)
    book = load_workbook(io.BytesIO(upload_template.template_xlsx(rows)))
    cell = book["Oversikt"]["A2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"
