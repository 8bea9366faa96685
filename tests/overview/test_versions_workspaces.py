"""Uploaded overview versions belong to a workspace until the operator's key publishes them."""

import pytest
from pydantic import SecretStr

from ikt_model.overview import version_repository, versions
from ikt_model.overview.version_repository import OverviewRepository
from ikt_model.overview.versions import VersionError
from ikt_model.store.connection import connect_store
from ikt_model.store.schema import ensure_schema, schema_version
from ikt_model.workspaces import WorkspaceRepository
from tests.overview.upload_files import ROWS, upload_of

KEY = SecretStr("operatør-nøkkel-som-er-lang-nok")


@pytest.fixture
def con(tmp_path):
    con = connect_store(tmp_path / "store.duckdb")
    yield con
    con.close()


def test_an_upload_stays_in_its_workspace_until_published(con):
    repo, spaces = OverviewRepository(con), WorkspaceRepository(con)
    (heroy, _), (valer, _) = spaces.create(), spaces.create()
    info = repo.save(upload_of(ROWS), source="heroy.csv", workspace=heroy)
    assert not info.published and "ikke publisert" in info.label
    assert [v.id for v in repo.versions(heroy)] == [1, info.id]
    for viewer in (valer, None):
        assert [v.id for v in repo.versions(viewer)] == [1]
        with pytest.raises(VersionError, match=f"Fant ingen versjon {info.id}"):
            repo.info(info.id, viewer)
        with pytest.raises(VersionError):
            repo.load(info.id, viewer)
    with pytest.raises(VersionError):  # without the key nobody changes what everyone sees
        repo.publish(info.id, heroy, "gjettet", configured=KEY)
    with pytest.raises(VersionError, match="slått av"):
        repo.publish(info.id, heroy, KEY.get_secret_value(), configured=SecretStr(""))
    with pytest.raises(VersionError):  # another workspace cannot publish it, even with the key
        repo.publish(info.id, valer, KEY.get_secret_value(), configured=KEY)
    assert [v.id for v in repo.versions(valer)] == [1]
    published = repo.publish(info.id, heroy, KEY.get_secret_value(), configured=KEY)
    assert published.published
    assert [v.id for v in repo.versions(valer)] == [1, info.id] == [v.id for v in repo.versions(None)]
    with pytest.raises(VersionError, match="allerede synlig"):
        repo.publish(info.id, heroy, KEY.get_secret_value(), configured=KEY)


def test_publish_reads_the_key_from_the_environment(con, monkeypatch):
    repo, (ws, _) = OverviewRepository(con), WorkspaceRepository(con).create()
    info = repo.save(upload_of(ROWS), source="a.csv", workspace=ws)
    monkeypatch.delenv("IKT_OPERATOR_KEY", raising=False)
    with pytest.raises(VersionError, match="IKT_OPERATOR_KEY"):
        repo.publish(info.id, ws, KEY.get_secret_value())
    monkeypatch.setenv("IKT_OPERATOR_KEY", KEY.get_secret_value())
    assert repo.publish(info.id, ws, KEY.get_secret_value()).published


def test_the_operators_command_line_import_is_published(con):
    repo = OverviewRepository(con)
    info = repo.save(upload_of(ROWS), source="cli.csv", operator=True)
    with pytest.raises(VersionError, match="Åpne saken"):  # neither a workspace nor the operator
        repo.save(upload_of(ROWS), source="page.csv")
    assert info.published and [v.id for v in repo.versions()] == [1, info.id]


def test_migration_from_the_previous_schema_keeps_earlier_versions_published(con):
    ensure_schema(con, version_repository.COMPONENT, version_repository.MIGRATIONS[:3])  # the schema before workspaces
    con.execute("INSERT INTO overview_versions VALUES (2, now()::TIMESTAMP, 'gammel.csv', NULL, '2024', 1, 2)")
    con.execute("INSERT INTO overview_collaborations VALUES (2, 1, 'a', 'A', NULL, 'iks', 2010, NULL, NULL)")
    con.execute("INSERT INTO overview_members VALUES (2, 'a', 1, '1508'), (2, 'a', 2, '1580')")
    repo = OverviewRepository(con)
    assert schema_version(con, version_repository.COMPONENT) == len(version_repository.MIGRATIONS) == 6
    (ws, _) = WorkspaceRepository(con).create()
    old = repo.info(2, ws)
    assert old.published and old.source == "gammel.csv"
    assert [c.navn for c in repo.load(2).collaborations] == ["A"]  # nothing lost, seen by everyone as before


def test_viewer_shares_published_versions_and_keeps_private_ones_to_their_workspace(con):
    repo, spaces = OverviewRepository(con), WorkspaceRepository(con)
    (mine, _) = spaces.create()
    private = repo.save(upload_of(ROWS), source="a.csv", workspace=mine)
    public = repo.save(upload_of(ROWS), source="b.csv", operator=True)
    assert versions.viewer(private, mine) == mine
    assert versions.viewer(public, mine) is None and versions.viewer(versions.report_version_info(), mine) is None
    assert "Bare saken som lastet den opp" in versions.version_caption(private)
    assert "Bare saken" not in versions.version_caption(public)


def test_the_sql_copy_checks_the_workspace_every_time(private_upload):
    from ikt_model.overview import sqlsafe

    info, mine, other = private_upload
    path = sqlsafe.version_snapshot(info.id, mine)
    assert path.exists()
    for viewer in (other, None):  # the copy made for `mine` is not handed to anyone else
        with pytest.raises(VersionError):
            sqlsafe.version_snapshot(info.id, viewer)


def test_a_wrong_key_is_logged_without_the_key(con, caplog):
    repo, (ws, _) = OverviewRepository(con), WorkspaceRepository(con).create()
    info = repo.save(upload_of(ROWS), source="a.csv", workspace=ws)
    with caplog.at_level("INFO"):
        with pytest.raises(VersionError):
            repo.publish(info.id, ws, "gjettet-nøkkel-123", configured=KEY)
        repo.publish(info.id, ws, KEY.get_secret_value(), configured=KEY)
    text = caplog.text
    assert "refused" in text and "published" in text
    assert "gjettet" not in text and KEY.get_secret_value() not in text
