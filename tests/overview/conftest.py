"""Fixtures shared by the overview tests."""

import pytest

from ikt_model.overview import map_data
from ikt_model.overview.db import open_overview_database
from ikt_model.overview.version_repository import OverviewRepository
from ikt_model.store.connection import connect_store
from ikt_model.workspaces import WorkspaceRepository

from .upload_files import ROWS, upload_of


@pytest.fixture
def repo(tmp_path):
    return OverviewRepository(connect_store(tmp_path / "store.duckdb"))


@pytest.fixture(scope="module")
def real_map():
    """The map's rows and collaborations from the real overview database (version 1, the report's Vedlegg 5)."""
    con = open_overview_database(":memory:")
    cur = con.cursor()
    yield map_data.map_rows(cur), map_data.collaborations(cur)
    con.close()


@pytest.fixture
def private_upload(tmp_path, monkeypatch):
    """An upload saved in one workspace of the shared store (IKT_STORE_PATH in `tmp_path`): (its VersionInfo,
    the workspace that owns it, another workspace)."""
    from ikt_model.overview import version_repository

    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    repo = version_repository.shared_repository()
    (mine, _), (other, _) = WorkspaceRepository(repo.con).create(), WorkspaceRepository(repo.con).create()
    return repo.save(upload_of(ROWS), source="a.csv", workspace=mine), mine, other
