"""Fixtures shared by the overview tests."""

import pytest

from ikt_model.overview import map_data
from ikt_model.overview.db import open_overview_database
from ikt_model.overview.version_repository import OverviewRepository
from ikt_model.store.connection import connect_store


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
