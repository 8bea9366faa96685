"""Runtime configuration, read from the environment (never hard-coded paths).

IKT_STORE_PATH   DuckDB file for workshops and scenarios (durable store).
                 Default: $XDG_DATA_HOME/ikt-samarbeid/store.duckdb, outside the source tree.
IKT_OVERVIEW_DB  DuckDB database for the national overview: ":memory:" (default) or a file path.
IKT_DATA_DIR     Folder with the source data (default: the repository's data/).
IKT_OPERATOR_KEY The server operator's key: publishing an uploaded national overview to everyone needs it.
                 Unset (default): nobody can publish. Set it in the server's environment, never in code.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, SecretStr

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_store_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ikt-samarbeid" / "store.duckdb"


class Settings(BaseModel):
    """Paths read from IKT_STORE_PATH, IKT_OVERVIEW_DB and IKT_DATA_DIR (see the module docstring)."""

    store_path: Path
    overview_db: str
    data_dir: Path
    operator_key: SecretStr | None = None


def get_settings() -> Settings:
    """Read the settings now (tests set the environment before calling)."""
    return Settings(
        store_path=Path(os.environ.get("IKT_STORE_PATH") or _default_store_path()),
        overview_db=os.environ.get("IKT_OVERVIEW_DB") or ":memory:",
        data_dir=Path(os.environ.get("IKT_DATA_DIR") or REPO_ROOT / "data"),
        operator_key=SecretStr(os.environ["IKT_OPERATOR_KEY"]) if os.environ.get("IKT_OPERATOR_KEY") else None,
    )


def static_url(base_url_path: str | None = "") -> str:
    """The URL of the app's static folder (static/ -> /app/static/, Streamlit's static serving), below
    `server.baseUrlPath` when the app is served under a prefix; ends with «/»."""
    prefix = "/".join(p for p in (base_url_path or "").split("/") if p)
    return f"/{prefix}/app/static/" if prefix else "/app/static/"
