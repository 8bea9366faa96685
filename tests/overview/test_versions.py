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


def test_a_version_names_the_municipalities_and_population_of_its_data():
    """The overview page wrote «av 428» / «av 357» and «1.1.2015» / «1.1.2026» from numbers typed into the page;
    they now come from the reference data each version is numbered against."""
    from datetime import datetime

    from ikt_model.municipalities import DEFAULT_POPULATION_YEAR, municipalities_2015, municipalities_today

    report = versions.report_version_info()
    uploaded = versions.VersionInfo(id=2, created_at=datetime(2026, 11, 1, 9, 0), source="oversikt.xlsx",
                                    comment="", numbering="2024", collaborations=3, memberships=9)
    assert versions.municipality_count(report) == len(municipalities_2015()) == 428
    assert versions.municipality_count(uploaded) == len(municipalities_today()) == 357
    assert (versions.population_year(report), versions.population_year(uploaded)) == (2015, DEFAULT_POPULATION_YEAR)
    assert "koblet til kommunene i 2015 (428)" in versions.version_caption(report)
    assert f"Dagens kommuner (357, gyldige fra 1.1.2024), folketall 1.1.{DEFAULT_POPULATION_YEAR} (SSB)" in (
        versions.version_caption(uploaded))


def test_the_source_line_names_the_report_or_the_uploaded_file():
    from datetime import datetime

    uploaded = versions.VersionInfo(id=2, created_at=datetime(2026, 11, 1, 9, 0), source="oversikt.xlsx",
                                    comment="", numbering="2024", collaborations=3, memberships=9)
    assert versions.source_line(versions.report_version_info()) == (
        "Kilde: Vedlegg 5, PwC for KS (2015), «IKT-samarbeid i kommunal sektor», avsnitt 2.6.1. "
        "Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015).")
    assert versions.source_line(uploaded) == (
        "Kilde: opplastet av KS-rådgiver (oversikt.xlsx). Kommuner og folkemengde 1. januar 2026: Statistisk "
        "sentralbyrå.")
