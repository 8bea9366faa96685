"""The DuckDB database of one overview version: an uploaded version in the same tables and views as the
report's (ikt_model.overview.db), the connection the pages query per version, and a version as its own file.

Uploaded versions use today's municipalities; version 1 (the report's) is the shared overview database.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from ..config import get_settings
from .db import DDL, build_overview_database, insert_frame, read_text_csv, shared_overview_database, views_sql


def build_version_database(con: duckdb.DuckDBPyConnection, collaborations: pd.DataFrame, members: pd.DataFrame,
                           reference_year: int, data_dir: Path | None = None) -> None:
    """Fill an empty connection with an uploaded version in the same tables and views as the report's, so
    every query of the pages works on either.

    `collaborations` and `members` are `OverviewRepository.frames(version)`. kommuner: today's 357 (display
    names with county where a name occurs twice, population 1.1.2026, SSB); kommune_etterfolgere: empty (the
    members already use today's numbers); organisasjonsformer: the 2026 forms; datakvalitet and
    tabell_261_trykt: empty (they belong to the report); ks_region: NULL (not part of the template).
    """
    from ..municipalities import DEFAULT_POPULATION_YEAR, municipalities_today
    from .forms import FORM_LABELS_2026, FORMS_2026

    data_dir = data_dir or get_settings().data_dir
    today = municipalities_today()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DDL)
        header = read_text_csv(data_dir / "reference" / "kommune_successors.csv").columns
        con.execute("CREATE TABLE kommune_etterfolgere (" + ", ".join(f"{c} VARCHAR" for c in header)
                    + ", PRIMARY KEY (kommunenummer_2015))")
        insert_frame(con, "kommuner", pd.DataFrame({
            "kommunenummer": list(today), "navn": [m.visningsnavn for m in today.values()],
            "navn_ssb": [m.navn_ssb for m in today.values()], "fylkesnummer": [m.fylkesnummer for m in today.values()],
            "fylke": [m.fylke for m in today.values()],
            "folketall": [m.folketall[DEFAULT_POPULATION_YEAR] for m in today.values()],
            "areal_km2": [m.areal_km2 for m in today.values()]}))
        insert_frame(con, "organisasjonsformer", pd.DataFrame(
            {"id": list(FORMS_2026), "navn": [FORM_LABELS_2026[f] for f in FORMS_2026],
             "rekkefolge": range(1, len(FORMS_2026) + 1)}))
        con.register("_ikt_c", collaborations)
        con.register("_ikt_m", members)
        try:
            con.execute("""
                INSERT INTO samarbeid (id, navn, formelt_navn, organisasjonsform_trykt, organisasjonsform,
                                       organisasjonsformer, etablert_trykt, etablert_aar, antall_medlemmer, merknad,
                                       ansatte)
                SELECT c.id, c.navn, c.formelt_navn, f.navn, c.organisasjonsform, [c.organisasjonsform],
                       CAST(c.etablert_aar AS VARCHAR), c.etablert_aar,
                       (SELECT count(*) FROM _ikt_m m WHERE m.samarbeid_id = c.id), c.merknad, c.ansatte
                FROM _ikt_c c JOIN organisasjonsformer f ON f.id = c.organisasjonsform""")
            con.execute("""
                INSERT INTO medlemskap (samarbeid_id, kommunenummer, navn_i_rapporten, medlemstype, navn, rekkefolge)
                SELECT m.samarbeid_id, m.kommunenummer, k.navn, 'kommune', k.navn, m.position
                FROM _ikt_m m JOIN kommuner k USING (kommunenummer)""")
        finally:
            con.unregister("_ikt_c")
            con.unregister("_ikt_m")
        con.execute(views_sql(reference_year))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def version_database(version_id: int, workspace=None) -> duckdb.DuckDBPyConnection:
    """The connection the pages query for overview version `version_id` (1: the report's, shared; others:
    built once per process from the durable store into memory; versions never change once stored).
    `workspace` (ikt_model.workspaces.Workspace or None): whose unpublished uploads may be opened.

    Raises versions.VersionError for an unknown version or one `workspace` may not see. Callers take
    `con.cursor()` per run/thread.
    """
    from .version_repository import shared_repository
    from .versions import REPORT_VERSION

    if int(version_id) == REPORT_VERSION:
        return shared_overview_database()
    shared_repository().info(int(version_id), workspace)  # the access check, every time (cheap)
    return _version_database(str(get_settings().store_path), int(version_id))


@lru_cache(maxsize=8)
def _version_database(store_path: str, version_id: int) -> duckdb.DuckDBPyConnection:
    from .version_repository import shared_repository

    repo = shared_repository()
    info = repo.info(version_id, everything=True)  # checked by version_database
    collaborations, members = repo.frames(version_id, everything=True)
    con = duckdb.connect(":memory:")
    build_version_database(con, collaborations, members, info.reference_year)
    return con


def write_version_file(version_id: int, path: Path, workspace=None) -> None:
    """Write version `version_id` as its own DuckDB file (tables and views in `main`), for the SQL page's
    read-only worker. `workspace`: whose unpublished uploads may be written (VersionError otherwise)."""
    from .version_repository import shared_repository
    from .versions import REPORT_VERSION

    with duckdb.connect(str(path)) as con:
        if int(version_id) == REPORT_VERSION:
            build_overview_database(con)
            return
        repo = shared_repository()
        info = repo.info(version_id, workspace)
        collaborations, members = repo.frames(version_id, workspace)
        build_version_database(con, collaborations, members, info.reference_year)
