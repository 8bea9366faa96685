"""The report's version 1 in today's terms: members mapped to today's municipalities, § 27 to KO."""

from ikt_model.overview import versions


def test_report_version_in_todays_terms_maps_numbers_and_forms():
    report = versions.report_version_today_terms()
    by_name = {c.navn: c for c in report.collaborations}
    assert len(by_name) == 41
    # eKommune Sunnmøre: 2015 Ålesund (1504) and others -> today's numbers; § 27 -> KO
    ekommune = by_name["eKommune Sunnmøre"]
    assert "1508" in ekommune.medlemmer and "1504" not in ekommune.medlemmer
    assert len(set(ekommune.medlemmer)) == len(ekommune.medlemmer)
    forms = {c.organisasjonsform for c in report.collaborations}
    assert "ko" in forms and "par27" not in forms
