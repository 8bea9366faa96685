"""Shared fixtures for the page tests (AppTest)."""

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def at(tmp_path, monkeypatch):
    """The whole app (app.py with its navigation and sidebar), run once, with a private store file."""
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    app = AppTest.from_file("../app.py", default_timeout=60)
    app.run()
    return app
