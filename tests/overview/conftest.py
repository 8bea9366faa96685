"""Fixtures shared by the overview tests."""

import pytest

from ikt_model.overview.version_repository import OverviewRepository
from ikt_model.store import connect_store


@pytest.fixture
def repo(tmp_path):
    return OverviewRepository(connect_store(tmp_path / "store.duckdb"))
