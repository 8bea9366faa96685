"""The upload validator: every kind of bad input is refused with a row number and a Norwegian message,
and good files in every accepted shape (headings, separators, encodings, Excel) are read the same."""

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from ikt_model.overview import upload
from ikt_model.overview.upload import MAX_ROWS, MunicipalityLookup, read_upload

LOOKUP = MunicipalityLookup(
    names={"0301": "Oslo", "1508": "Ålesund", "1580": "Haram", "1577": "Volda", "1818": "Herøy (Nordland)"},
    former={"1504": "1508 Ålesund"})
NO_HEAD = "Samarbeid;Organisasjonsform;Medlemmer (kommunenummer);Etablert (år)"
EN_HEAD = "Collaboration,Organisation form,Members,Year established"


def csv_bytes(*lines: str, bom: bool = False, encoding: str = "utf-8") -> bytes:
    text = "\r\n".join(lines) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode(encoding)


def errors(report) -> list[tuple[int | None, str]]:
    return [(e.row, e.message) for e in report.errors]


def only_error(report) -> tuple[int | None, str]:
    assert not report.ok and report.upload is None
    assert len(report.errors) == 1, report.errors
    return report.errors[0].row, report.errors[0].message


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


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_file_with_numbers_as_numbers():
    """Excel turns 0301 into 301 and 2020 into a number; both are read as meant."""
    report = read_upload("oversikt.xlsx", xlsx([["Collaboration", "Form", "Members", "Year established", "Employees"],
                                                ["Oslo-Ålesund", "IKS", "301, 1508", 2020.0, 14],
                                                [None, None, None, None, None]]), LOOKUP)
    assert report.ok, report.errors
    (row,) = report.upload.rows
    assert row.medlemmer == ("0301", "1508") and row.etablert_aar == 2020 and row.ansatte == 14


def test_template_files_round_trip_through_the_validator():
    rows = [{"samarbeid": "IKT Sunnmøre", "formelt_navn": "IKT Sunnmøre KO", "organisasjonsform": form,
             "medlemmer": ["1508", "1580"], "etablert_aar": 2020, "ansatte": 3, "merknad": "ny"}
            for form in ("vertskommune_nemnd",)]
    for name, data in (("m.csv", upload.template_csv(rows)), ("m.xlsx", upload.template_xlsx(rows))):
        report = read_upload(name, data, LOOKUP)
        assert report.ok, (name, report.errors)
        row = report.upload.rows[0]
        assert (row.organisasjonsform, row.formelt_navn, row.ansatte, row.merknad) == (
            "vertskommune_nemnd", "IKT Sunnmøre KO", 3, "ny")
    assert upload.template_csv().startswith("\ufeffSamarbeid;".encode())
    book = load_workbook(io.BytesIO(upload.template_xlsx()))
    assert book.sheetnames == ["Oversikt", "Veiledning"]
    assert book["Oversikt"].data_validations.dataValidation[0].formula1.startswith('"KO,IKS,')


# -- refusals: one per kind of bad input ----------------------------------------------------------------

def test_unknown_municipality_number():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;1508, 9999;2020"), LOOKUP)
    assert only_error(report) == (2, "Ukjent kommunenummer 9999")
    assert report.errors[0].column == "Medlemmer (kommunenummer)"


def test_former_number_names_todays_successor():
    row, message = only_error(read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;1504, 1580;2020"), LOOKUP))
    assert row == 2 and "1504 gjelder ikke lenger" in message and "1508 Ålesund" in message


def test_number_with_the_wrong_name():
    assert only_error(read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;0301 Bergen, 1580;2020"), LOOKUP)) == (
        2, "Kommunenummer 0301 er Oslo, ikke «Bergen»")


@pytest.mark.parametrize("form, expected", [
    ("aksjeselskap ASA", "Ukjent organisasjonsform «aksjeselskap ASA»"),
    ("§ 27", "bruk KO"),
    ("vertskommune", "vertskommune administrativt"),
    ("", "Organisasjonsform mangler"),
])
def test_unknown_form(form, expected):
    row, message = only_error(read_upload("f.csv", csv_bytes(NO_HEAD, f"A;{form};1508, 1580;2020"), LOOKUP))
    assert row == 2 and expected in message


def test_duplicate_collaboration_names_the_first_row():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "IKT-Follo;KO;1508, 1580;2020", "Annet;IKS;0301, 1577;2001",
                                            "IKT Follo;IKS;0301, 1577;2001"), LOOKUP)
    assert only_error(report) == (4, "Samarbeidet «IKT Follo» er allerede ført opp i rad 2")


def test_duplicate_is_reported_even_when_the_first_row_has_other_errors():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;9999, 1580;2020", "A;KO;1508, 1580;2020"), LOOKUP)
    assert errors(report) == [(2, "Ukjent kommunenummer 9999"), (3, "Samarbeidet «A» er allerede ført opp i rad 2")]


def test_member_listed_twice():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;1508, 1580, 1508;2020"), LOOKUP)
    assert only_error(report) == (2, "Kommune 1508 Ålesund er ført opp to ganger")


def test_member_listed_twice_with_and_without_leading_zero():
    report = read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;0301, 301, 1508;2020"), LOOKUP)
    assert only_error(report) == (2, "Kommune 0301 Oslo er ført opp to ganger")


def test_fewer_than_two_members():
    assert only_error(read_upload("f.csv", csv_bytes(NO_HEAD, "A;KO;1508;2020"), LOOKUP))[1] == (
        "Et interkommunalt samarbeid må ha minst to medlemskommuner")


@pytest.mark.parametrize("year, expected", [
    ("1949", "Etableringsår 1949 er utenfor gyldig område"),
    (str(date.today().year + 1), f"Etableringsår {date.today().year + 1} er utenfor gyldig område"),
    ("tjue", "Etableringsår «tjue» er ikke et årstall"),
    ("", "Etableringsår mangler"),
])
def test_year_out_of_range_or_not_a_year(year, expected):
    row, message = only_error(read_upload("f.csv", csv_bytes(NO_HEAD, f"A;KO;1508, 1580;{year}"), LOOKUP))
    assert row == 2 and message.startswith(expected)


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
    assert only_error(read_upload("f.xlsx", upload.template_xlsx(), LOOKUP))[1].startswith("Filen har overskrifter")


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


def test_upload_model_refuses_duplicates_and_empty():
    row = upload.OverviewRow.model_validate(
        {"row": 2, "samarbeid": "A", "organisasjonsform": "KO", "medlemmer": "1508, 1580", "etablert_aar": 2020},
        context={"lookup": LOOKUP})
    with pytest.raises(ValueError, match="flere ganger"):
        upload.OverviewUpload(file_name="f.csv", rows=(row, row))
    with pytest.raises(ValueError):
        upload.OverviewUpload(file_name="f.csv", rows=())


def test_default_lookup_uses_todays_municipalities_and_explains_old_numbers():
    lookup = upload.default_lookup()
    assert len(lookup.names) == 357 and lookup.names["1508"] == "Ålesund"
    assert lookup.names["1818"] == "Herøy (Nordland)"
    assert lookup.former["1504"] == "1508 Ålesund"                 # 2015 Ålesund
    assert lookup.former["1507"] == "1508 Ålesund eller 1580 Haram"  # 2020–2023 Ålesund, split in 2024


@pytest.mark.parametrize("employees, expected", [("1 200", 1200), ("1\u00a0200", 1200), ("1.200", 1200), ("14", 14)])
def test_employees_in_norwegian_forms(employees, expected):
    row = f"IKT Sunnmøre;KO;1508, 1580;2020;{employees}"
    report = read_upload("oversikt.csv", csv_bytes(NO_HEAD + ";Ansatte", row), LOOKUP)
    assert report.ok, report.errors
    assert report.upload.rows[0].ansatte == expected


@pytest.mark.parametrize("employees", ["12,5", "1,200", "mange", "-3"])
def test_employees_ambiguous_or_not_whole_are_refused_with_an_example(employees):
    row = f"IKT Sunnmøre;KO;1508, 1580;2020;{employees}"
    report = read_upload("oversikt.csv", csv_bytes(NO_HEAD + ";Ansatte", row), LOOKUP)
    row, message = only_error(report)
    assert row == 2 and f"«{employees}»" in message and "for eksempel 1 200" in message


def test_exported_names_never_become_spreadsheet_formulas():
    rows = [{"samarbeid": "=HYPERLINK(\"x\")", "organisasjonsform": "ko", "medlemmer": ["1508", "1580"],
             "etablert_aar": 2020}]
    assert b"'=HYPERLINK" in upload.template_csv(rows)
    book = load_workbook(io.BytesIO(upload.template_xlsx(rows)))
    cell = book["Oversikt"]["A2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"
