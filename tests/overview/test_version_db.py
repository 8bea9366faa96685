"""The database of one overview version: an uploaded version answers the pages' queries in the report's
tables and views, and only the workspace that may see it opens it or writes it to a file."""

import pytest

from ikt_model.overview import queries, version_repository
from ikt_model.overview.version_db import version_database, write_version_file
from ikt_model.overview.versions import VersionError

from .upload_files import ROWS, upload_of


def test_version_database_answers_the_pages_queries(tmp_path, monkeypatch):
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    info = version_repository.shared_repository().save(upload_of(ROWS), source="a.csv", operator=True)
    cur = version_database(info.id).cursor()
    frame = queries.collaborations(cur, queries.OverviewFilter())
    assert frame["navn"].tolist() == ["Herøy-samarbeidet", "IKT Sunnmøre"]
    assert frame.set_index("navn").loc["IKT Sunnmøre", "medlemmer"] == "Ålesund, Haram, Volda"
    assert frame.set_index("navn").loc["Herøy-samarbeidet", "medlemmer"] == "Herøy (Nordland), Herøy (Møre og Romsdal)"
    assert frame.set_index("navn").loc["IKT Sunnmøre", "alder"] == info.created_at.year - 2020
    figures = queries.key_figures(cur, queries.OverviewFilter(forms=("ko",)))
    assert figures.samarbeid == 1 and figures.kommuner == 3
    options = queries.filter_options(cur)
    assert options.regions == () and options.forms[0] == "ko"
    assert options.form_labels["ko"] == "Kommunalt oppgavefellesskap (KO)"
    assert cur.execute("SELECT count(*) FROM kommuner").fetchone()[0] == 357
    # the report's version is untouched and still answers on 2015 numbers
    report = version_database(1).cursor()
    assert report.execute("SELECT count(*) FROM samarbeid").fetchone()[0] == 41
    assert report.execute("SELECT count(*) FROM kommuner").fetchone()[0] == 428


def test_version_database_checks_the_workspace(tmp_path, private_upload):
    info, mine, other = private_upload
    assert version_database(info.id, mine).cursor().execute("SELECT count(*) FROM samarbeid").fetchone()[0] == 2
    for viewer in (other, None):
        with pytest.raises(VersionError):
            version_database(info.id, viewer)
        with pytest.raises(VersionError):
            write_version_file(info.id, tmp_path / f"v{id(viewer)}.duckdb", viewer)
