"""The table of collaborations on «Nasjonal oversikt»: its columns per version and its download."""

import pandas as pd

from ikt_model.overview import collaboration_table as table


def test_the_report_shows_regions_and_an_upload_shows_employees():
    report, uploaded = table.shown_columns(True), table.shown_columns(False)
    assert report[:2] == ["navn", "ks_region"] and "ansatte" not in report
    assert "ks_region" not in uploaded and uploaded[6] == "ansatte"
    assert set(report) - {"ks_region"} == set(uploaded) - {"ansatte"}


def test_the_download_has_norwegian_headings_and_a_file_name_per_version():
    frame = pd.DataFrame({"id": ["a"], "navn": ["IKT Nord"], "ks_region": ["Nord"], "alder": [7], "merknad": ["x"],
                          "organisasjonsform_navn": ["IKS"]})
    columns = ["navn", "ks_region", "organisasjonsform_navn", "alder", "merknad", "id"]
    out = table.download_table(frame, columns, 2015, True)
    assert list(out.columns) == ["Samarbeid", "KS-region", "Form", "Alder 2015", "Merknad (datakvalitet)"]
    assert out.iloc[0].tolist() == ["IKT Nord", "Nord", "IKS", 7, "x"]
    assert list(table.download_table(frame, ["navn", "merknad"], 2026, False).columns) == ["Samarbeid", "Merknad"]
    assert (table.download_stem(1, True), table.download_stem(3, False)) == ("samarbeid-2015", "samarbeid-versjon-3")
