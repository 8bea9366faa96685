"""`workspace`: the server operator's commands for workspaces («saker»).

    python -m ikt_model workspace legacy-link [--base-url URL]
        print the link to the workspace holding the scenarios stored before workspaces existed; every
        call makes a new link and the previous one stops working (only the hash is stored)
    python -m ikt_model workspace count
        how many workspaces and scenarios the store holds (no names, no links)

The store is IKT_STORE_PATH; the server must be stopped first (one process owns the store file).
The link is printed on stdout only, never logged.
"""

from __future__ import annotations

import duckdb

from ..store.connection import connect_store
from ..workspaces import LEGACY_ID, WorkspaceRepository
from ..workspaces.access import workspace_url
from . import CliError

SCENARIO_PAGE = "scenarier"


def add_parser(subparsers) -> None:
    """Register `workspace legacy-link` and `workspace count` on the CLI's subparsers."""
    p = subparsers.add_parser("workspace", help="saker: lenken til scenarier lagret før sakene kom, og antall")
    sub = p.add_subparsers(dest="workspace_command", required=True, parser_class=type(p))
    legacy = sub.add_parser("legacy-link", help="skriv ut (en ny) lenke til saken med de eldre scenariene")
    legacy.add_argument("--base-url", default="http://localhost:8501",
                        help="appens adresse slik brukerne når den (standard http://localhost:8501)")
    legacy.set_defaults(func=run_legacy_link)
    count = sub.add_parser("count", help="antall saker og scenarier i lageret")
    count.set_defaults(func=run_count)


def _connect() -> duckdb.DuckDBPyConnection:
    try:
        return connect_store()
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise CliError("lageret (IKT_STORE_PATH) er i bruk av en annen prosess, for eksempel appen; "
                           "stopp den først") from None
        raise CliError(f"kunne ikke åpne lageret: {type(exc).__name__}") from None


def run_legacy_link(args) -> int:
    """Print a new link to the workspace of pre-workspace scenarios (the old link stops working); exit 0.

    Raises CliError (exit 2) for a bad --base-url or a store held by another process.
    """
    from ..scenarios.store import COMPONENT, MIGRATIONS  # noqa: F401  (migrates old scenarios first)
    from ..store.schema import ensure_schema

    base = (args.base_url or "").strip()
    if not base.startswith(("http://", "https://")) or len(base) > 300:
        raise CliError("--base-url må begynne med http:// eller https://")
    con = _connect()
    try:
        ensure_schema(con, COMPONENT, MIGRATIONS)
        secret = WorkspaceRepository(con).legacy_secret()
        scenarios = con.execute("SELECT count(*) FROM scenarios WHERE workspace = ?", [LEGACY_ID]).fetchone()[0]
    finally:
        con.close()
    print(workspace_url(base, SCENARIO_PAGE, LEGACY_ID, secret))
    print(f"Saken har {scenarios} scenarier lagret før sakene kom. En tidligere lenke til den virker ikke lenger.")
    return 0


def run_count(args) -> int:
    """Print the number of workspaces and scenarios in the store; exit 0 (CliError when the store is busy)."""
    from ..scenarios.store import COMPONENT, MIGRATIONS
    from ..store.schema import ensure_schema

    con = _connect()
    try:
        ensure_schema(con, COMPONENT, MIGRATIONS)
        WorkspaceRepository(con)
        workspaces = con.execute("SELECT count(*) FROM workspaces").fetchone()[0]
        scenarios = con.execute("SELECT count(*) FROM scenarios").fetchone()[0]
        legacy = con.execute("SELECT count(*) FROM scenarios WHERE workspace = ?", [LEGACY_ID]).fetchone()[0]
    finally:
        con.close()
    print(f"{workspaces} saker, {scenarios} scenarier ({legacy} av dem lagret før sakene kom)")
    return 0
