"""What the «Kart» page asks the overview database (SQL over the tables and views of `db`).

Pass a cursor (`con.cursor()`), never a connection shared between threads.
"""

from __future__ import annotations

import duckdb
import pandas as pd

MAP_ROWS_SQL = """
SELECT v.kommunenummer, v.navn, v.fylke, v.folketall, v.samarbeid_id, v.samarbeid_navn,
       v.organisasjonsform, s.organisasjonsform_trykt, s.etablert_trykt, s.etablert_aar,
       v.navn_2024, v.kommunenummer_2024
FROM v_kommune_samarbeid v
LEFT JOIN samarbeid s ON s.id = v.samarbeid_id
ORDER BY v.kommunenummer, v.samarbeid_navn NULLS LAST
"""

COLLABORATIONS_SQL = """
SELECT id, navn, formelt_navn, ks_region, organisasjonsform, organisasjonsform_navn,
       organisasjonsformer, organisasjonsform_trykt, etablert_trykt, etablert_aar,
       antall_kommuner, antall_fylkeskommuner, folketall, fylker, medlemmer, merknad
FROM v_samarbeid_oversikt
ORDER BY navn
"""


def map_rows(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per 2015 municipality and collaboration (municipalities in none: once, with NULLs),
    with the collaboration's printed form and year and the 2024 successor."""
    return cur.execute(MAP_ROWS_SQL).df()


def collaborations(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per collaboration with its members (text, printed order), size and form."""
    return cur.execute(COLLABORATIONS_SQL).df()
