"""One row of an upload: every kind of bad cell is refused with its row number and a Norwegian message, numbers
people write are read as meant, and a whole upload refuses the same collaboration twice."""

from datetime import date

import pytest

from ikt_model.overview.upload import read_upload
from ikt_model.overview.upload_rows import OverviewRow, OverviewUpload, default_lookup

from .upload_files import LOOKUP, NO_HEAD, csv_bytes, only_error


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


def test_upload_model_refuses_duplicates_and_empty():
    row = OverviewRow.model_validate(
        {"row": 2, "samarbeid": "A", "organisasjonsform": "KO", "medlemmer": "1508, 1580", "etablert_aar": 2020},
        context={"lookup": LOOKUP})
    with pytest.raises(ValueError, match="flere ganger"):
        OverviewUpload(file_name="f.csv", rows=(row, row))
    with pytest.raises(ValueError):
        OverviewUpload(file_name="f.csv", rows=())


def test_default_lookup_uses_todays_municipalities_and_explains_old_numbers():
    lookup = default_lookup()
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


def test_limits_in_messages_are_in_norwegian_number_format():
    """«Ansatte «-3» må være et helt tall fra 0 til 100000» on «Nasjonal oversikt»: the limits are written as
    people read them («100 000», «1 000»)."""
    row = "IKT Sunnmøre;KO;1508, 1580;2020;-3"
    _, message = only_error(read_upload("oversikt.csv", csv_bytes(NO_HEAD + ";Ansatte", row), LOOKUP))
    assert "fra 0 til 100\u00a0000," in message
    row = f"IKT Sunnmøre;KO;1508, 1580;2020;{'x' * 1001}"
    _, message = only_error(read_upload("oversikt.csv", csv_bytes(NO_HEAD + ";Merknad", row), LOOKUP))
    assert message == "Teksten er for lang (høyst 1\u00a0000 tegn)"
