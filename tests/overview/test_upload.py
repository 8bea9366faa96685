"""Reading an upload: every kind of bad file is refused with a Norwegian message, every problem of every row is
reported with its row number, and good files in every accepted shape (headings, separators, encodings, Excel)
are read the same. The rules for one row are in test_upload_rows.py."""

import pytest

from ikt_model.overview import upload_template
from ikt_model.overview.upload import read_upload
from ikt_model.overview.upload_rows import MAX_ROWS

from .upload_files import EN_HEAD, LOOKUP, NO_HEAD, csv_bytes, errors, only_error, xlsx


def test_good_norwegian_semicolon_csv_with_bom():
    report = read_upload("oversikt.csv", csv_bytes(NO_HEAD, "IKT Sunnmøre;KO;1508, 1580, 1577;2020",
                                                   "Oslo-samarbeid;vertskommune administrativt;0301;1818;2010"
                                                   .replace(";1818;", ",1818;"), bom=True), LOOKUP)
    assert report.ok, report.errors
    first, second = report.upload.rows
    assert (first.samarbeid, first.organisasjonsform, first.medlemmer, first.etablert_aar, first.row) == (
        "IKT Sunnmøre", "ko", ("1508", "1580", "1577"), 2020, 2)
    assert second.organisasjonsform == "vertskommune_adm" and second.medlemmer == ("0301", "1818")


@pytest.mark.parametrize("data", [
    csv_bytes(EN_HEAD, 'IKT Sunnmøre,KO,"1508, 1580",2020'),                       # English, comma, no BOM
    csv_bytes(EN_HEAD, 'IKT Sunnmøre,KO,"1508, 1580",2020', bom=True),             # English, comma, BOM
    csv_bytes(NO_HEAD, "IKT Sunnmøre;KO;1508, 1580;2020"),                           # Norwegian, semicolon
    csv_bytes(NO_HEAD, "IKT Sunnmøre;KO;1508, 1580;2020", encoding="cp1252"),       # Excel «CSV (semikolondelt)»
    csv_bytes("samarbeid;form;kommuner;etablert", "IKT Sunnmøre;kommunalt oppgavefellesskap;1508 1580;2020"),
])
def test_every_accepted_csv_shape_gives_the_same_row(data):
    report = read_upload("fil.csv", data, LOOKUP)
    assert report.ok, report.errors
    (row,) = report.upload.rows
    assert (row.samarbeid, row.organisasjonsform, row.medlemmer, row.etablert_aar) == (
        "IKT Sunnmøre", "ko", ("1508", "1580"), 2020)


def test_excel_file_with_numbers_as_numbers():
    """Excel turns 0301 into 301 and 2020 into a number; both are read as meant."""
    report = read_upload("oversikt.xlsx", xlsx([["Collaboration", "Form", "Members", "Year established", "Employees"],
                                                ["Oslo-Ålesund", "IKS", "301, 1508", 2020.0, 14],
                                                [None, None, None, None, None]]), LOOKUP)
    assert report.ok, report.errors
    (row,) = report.upload.rows
    assert row.medlemmer == ("0301", "1508") and row.etablert_aar == 2020 and row.ansatte == 14


# -- refusals: one per kind of bad input ----------------------------------------------------------------


def test_duplicate_collaboration_names_the_first_row():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "IKT-Follo;KO;1508, 1580;2020", "Annet;IKS;0301, 1577;2001",
                                            "IKT Follo;IKS;0301, 1577;2001"), LOOKUP)
    assert only_error(report) == (4, "Samarbeidet «IKT Follo» er allerede ført opp i rad 2")


def test_duplicate_is_reported_even_when_the_first_row_has_other_errors():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;9999, 1580;2020", "A;KO;1508, 1580;2020"), LOOKUP)
    assert errors(report) == [(2, "Ukjent kommunenummer 9999"), (3, "Samarbeidet «A» er allerede ført opp i rad 2")]


def test_every_problem_of_every_row_is_reported():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;1508, 1580;2020", ";XX;9999;20",
                                            "C;IKS;1508, 1580;2001"), LOOKUP)
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "Samarbeid"), (3, "Organisasjonsform"), (3, "Medlemmer (kommunenummer)"), (3, "Etablert (år)")]
    assert report.upload is None and report.rows_read == 3


@pytest.mark.parametrize("name", ["oversikt.xls", "oversikt.pdf", "oversikt.json", "oversikt"])
def test_wrong_file_type(name):
    row, message = only_error(read_upload(name, csv_bytes(NO_HEAD, "A;KO;1508, 1580;2020"), LOOKUP))
    assert row is None and message.startswith("Feil filtype")


def test_binary_file_named_csv_and_broken_excel():
    assert only_error(read_upload("f.csv", b"\x00\x01\x02binary", LOOKUP))[1].startswith("Filen ser ikke ut som")
    broken = only_error(read_upload("f.xlsx", b"not a workbook", LOOKUP))
    assert broken[1] == "Filen er ikke en gyldig Excel-fil (.xlsx)."


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", "\ufeff".encode(), b";;;\r\n;;;\r\n"])
def test_empty_file(data):
    assert only_error(read_upload("f.csv", data, LOOKUP)) == (None, "Filen er tom.")


def test_headings_without_rows():
    assert only_error(read_upload("f.csv", csv_bytes(NO_HEAD), LOOKUP)) == (
        None, "Filen har overskrifter, men ingen rader med samarbeid.")
    empty_template = upload_template.template_xlsx()
    assert only_error(read_upload("f.xlsx", empty_template, LOOKUP))[1].startswith("Filen har overskrifter")


def test_more_than_10000_rows_is_refused_before_validating_rows():
    lines = [NO_HEAD] + [f"S{i};KO;1508, 1580;2020" for i in range(MAX_ROWS + 1)]
    row, message = only_error(read_upload("f.csv", csv_bytes(*lines), LOOKUP))
    assert row is None and message == "Filen har for mange rader (10 001 samarbeid; høyst 10 000)."


def test_exactly_10000_rows_is_accepted():
    lines = [NO_HEAD] + [f"S{i};KO;1508, 1580;2020" for i in range(MAX_ROWS)]
    report = read_upload("f.csv", csv_bytes(*lines), LOOKUP)
    assert report.ok and len(report.upload.rows) == MAX_ROWS


def test_missing_required_heading_names_it_in_both_languages():
    row, message = only_error(read_upload("f.csv", csv_bytes("Samarbeid;Organisasjonsform;Etablert",
                                                             "A;KO;2020"), LOOKUP))
    assert row is None and "«Medlemmer (kommunenummer)» («Members»)" in message


def test_unknown_column_is_a_notice_not_an_error():
    report = read_upload("f.csv", csv_bytes(NO_HEAD + ";Fylke", "A;KO;1508, 1580;2020;Møre"), LOOKUP)
    assert report.ok and report.notices == ("Kolonnen «Fylke» er ukjent og ble ikke lest.",)
