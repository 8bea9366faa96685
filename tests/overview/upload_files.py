"""Small upload files and a small municipality lookup shared by the upload tests (test_upload, test_upload_rows,
test_upload_template), and a valid upload of two collaborations for the version tests."""

import io

from openpyxl import Workbook

from ikt_model.overview.upload import read_upload
from ikt_model.overview.upload_rows import MunicipalityLookup, default_lookup
from ikt_model.overview.upload_template import template_csv

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


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROWS = [
    {"samarbeid": "IKT Sunnmøre", "organisasjonsform": "ko", "medlemmer": ["1508", "1580", "1577"],
     "etablert_aar": 2020, "ansatte": 25},
    {"samarbeid": "Herøy-samarbeidet", "organisasjonsform": "iks", "medlemmer": ["1818", "1515"],
     "etablert_aar": 2012},
]


def upload_of(rows):
    report = read_upload("oversikt.csv", template_csv(rows), default_lookup())
    assert report.ok, report.errors
    return report.upload
