"""Overview versions in the durable store: saving, listing, reading back, the schema and a failed write (the
databases the pages query per version: test_version_db.py)."""

import duckdb
import pytest

from ikt_model.overview import version_repository
from ikt_model.overview.version_repository import OverviewRepository
from ikt_model.overview.versions import VersionError
from ikt_model.store.connection import connect_store
from ikt_model.store.faults import StoreUnavailable
from ikt_model.store.schema import schema_version

from .upload_files import ROWS, upload_of


def test_first_upload_becomes_version_2_and_the_report_stays_version_1(repo):
    assert [v.id for v in repo.versions()] == [1]
    info = repo.save(upload_of(ROWS), source="oversikt.csv", comment="Oppdatert av KS", operator=True)
    assert (info.id, info.source, info.comment, info.collaborations, info.memberships, info.numbering) == (
        2, "oversikt.csv", "Oppdatert av KS", 2, 5, "2024")
    assert info.created_at is not None
    second = repo.save(upload_of(ROWS[:1]), source="b.xlsx", operator=True)
    assert [v.id for v in repo.versions()] == [1, 2, 3] and repo.newest() == second
    report = repo.info(1)
    assert report.numbering == "2015" and report.collaborations == 41 and report.created_at is None


def test_stored_version_reads_back_exactly(repo):
    info = repo.save(upload_of(ROWS), source="oversikt.csv", operator=True)
    data = repo.load(info.id)
    assert [(c.navn, c.organisasjonsform, c.medlemmer, c.etablert_aar, c.ansatte) for c in data.collaborations] == [
        ("IKT Sunnmøre", "ko", ("1508", "1580", "1577"), 2020, 25),
        ("Herøy-samarbeidet", "iks", ("1818", "1515"), 2012, None)]


def test_unknown_version_and_refused_save(repo):
    with pytest.raises(VersionError, match="Fant ingen versjon 9"):
        repo.info(9)
    with pytest.raises(VersionError):
        repo.save({"rows": []}, source="x", operator=True)
    assert [v.id for v in repo.versions()] == [1]


def test_schema_is_versioned_and_reopen_keeps_versions(tmp_path):
    path = tmp_path / "store.duckdb"
    con = connect_store(path)
    OverviewRepository(con).save(upload_of(ROWS), source="a.csv", operator=True)
    assert schema_version(con, version_repository.COMPONENT) == len(version_repository.MIGRATIONS)
    con.close()
    again = OverviewRepository(connect_store(path))
    assert [v.id for v in again.versions()] == [1, 2]


def test_a_failed_write_stores_nothing(repo, monkeypatch):
    """The version row and its collaborations are one transaction: a failure half-way leaves no trace."""
    upload = upload_of(ROWS)
    original = duckdb.DuckDBPyConnection.register

    def broken_register(self, name, frame):
        if name == "_ov_members":
            raise duckdb.IOException("disk full")
        return original(self, name, frame)

    monkeypatch.setattr(duckdb.DuckDBPyConnection, "register", broken_register)
    with pytest.raises(StoreUnavailable) as info:  # the store's one Norwegian sentence, not DuckDB's text
        repo.save(upload, source="a.csv", operator=True)
    assert info.value.kind == "disk_full"
    monkeypatch.undo()
    assert [v.id for v in repo.versions()] == [1]
    cur = repo.con.cursor()
    assert cur.execute("SELECT count(*) FROM overview_collaborations").fetchone()[0] == 0
