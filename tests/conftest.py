"""Shared fixtures for the page tests (AppTest)."""

import os

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture(scope="session", autouse=True)
def _private_store(tmp_path_factory):
    """No test touches the user's durable store: a session-wide store file unless a test sets its own
    (pages read the overview versions from the store)."""
    if "IKT_STORE_PATH" in os.environ:
        yield
        return
    os.environ["IKT_STORE_PATH"] = str(tmp_path_factory.mktemp("store") / "store.duckdb")
    yield
    os.environ.pop("IKT_STORE_PATH", None)


@pytest.fixture
def at(tmp_path, monkeypatch):
    """The whole app (app.py with its navigation and sidebar), run once, with a private store file."""
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    app = AppTest.from_file("../app.py", default_timeout=60)
    app.run()
    return app
