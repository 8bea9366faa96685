"""Settings come from the environment (IKT_*), with defaults outside the source tree for the store."""

from pathlib import Path

from ikt_model.config import REPO_ROOT, get_settings


def test_defaults(monkeypatch, tmp_path):
    for name in ("IKT_STORE_PATH", "IKT_OVERVIEW_DB", "IKT_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    settings = get_settings()
    assert settings.store_path == tmp_path / "ikt-samarbeid" / "store.duckdb"
    assert settings.overview_db == ":memory:" and settings.data_dir == REPO_ROOT / "data"


def test_environment_wins_and_is_read_on_every_call(monkeypatch, tmp_path):
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "s.duckdb"))
    monkeypatch.setenv("IKT_OVERVIEW_DB", str(tmp_path / "o.duckdb"))
    monkeypatch.setenv("IKT_DATA_DIR", str(tmp_path))
    settings = get_settings()
    assert (settings.store_path, settings.overview_db, settings.data_dir) == (
        tmp_path / "s.duckdb", str(tmp_path / "o.duckdb"), Path(tmp_path))
