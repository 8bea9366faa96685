"""The national overview in DuckDB: tables, views and the connection the pages cache.

Tables (filled from data/, see data/overview/PROVENANCE.md):
  samarbeid, medlemskap, kommuner (2015), kommune_etterfolgere, organisasjonsformer,
  datakvalitet (every cleaning decision), tabell_261_trykt (the printed table of section 2.6.1).
Views: v_kommune_samarbeid, v_samarbeid_oversikt, v_tabell_261, v_tabell_261_alle_former.

Pages cache `open_overview_database()` with st.cache_resource and take `con.cursor()` per run.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from ..config import get_settings
from .source import FORM_IDS, FORM_LABELS, REFERENCE_YEAR, load_overview

TABLES = ("samarbeid", "medlemskap", "kommuner", "kommune_etterfolgere", "organisasjonsformer",
          "datakvalitet", "tabell_261_trykt")

DDL = """
CREATE TABLE organisasjonsformer (id VARCHAR PRIMARY KEY, navn VARCHAR NOT NULL, rekkefolge INTEGER);
CREATE TABLE samarbeid (
    id VARCHAR PRIMARY KEY, navn VARCHAR NOT NULL, formelt_navn VARCHAR, formelt_navn_trykt VARCHAR,
    ks_region VARCHAR, eierkommuner_trykt VARCHAR, organisasjonsform_trykt VARCHAR,
    organisasjonsform VARCHAR NOT NULL, organisasjonsformer VARCHAR[] NOT NULL, etablert_trykt VARCHAR,
    etablert_aar INTEGER, antall_medlemmer INTEGER NOT NULL, merknad VARCHAR, ansatte INTEGER);
CREATE TABLE medlemskap (
    samarbeid_id VARCHAR NOT NULL, kommunenummer VARCHAR NOT NULL, navn_i_rapporten VARCHAR NOT NULL,
    medlemstype VARCHAR NOT NULL CHECK (medlemstype IN ('kommune', 'fylkeskommune')), merknad VARCHAR,
    navn VARCHAR, trykt_under VARCHAR, avgjorelse VARCHAR, rekkefolge INTEGER,
    PRIMARY KEY (samarbeid_id, kommunenummer));
CREATE TABLE kommuner (
    kommunenummer VARCHAR PRIMARY KEY, navn VARCHAR NOT NULL, navn_ssb VARCHAR NOT NULL,
    fylkesnummer VARCHAR NOT NULL, fylke VARCHAR NOT NULL, folketall INTEGER NOT NULL,
    folketall_2016 INTEGER, areal_km2 DOUBLE);
CREATE TABLE datakvalitet (
    id VARCHAR PRIMARY KEY, kategori VARCHAR, nivaa VARCHAR, samarbeid_id VARCHAR, trykt VARCHAR,
    beslutning VARCHAR, kommunenummer VARCHAR, flyttet_til VARCHAR, resultat VARCHAR, begrunnelse VARCHAR);
CREATE TABLE tabell_261_trykt (
    organisasjonsform VARCHAR PRIMARY KEY, organisasjonsform_trykt VARCHAR, antall INTEGER,
    alder DOUBLE, ansatte DOUBLE, kommuner DOUBLE);
"""

_VIEWS = """
CREATE OR REPLACE VIEW v_samarbeid_oversikt AS
WITH medlem AS (  -- aggregate on the narrow key first (GROUP BY ALL over wide rows is ~30x slower)
    SELECT m.samarbeid_id,
           count(k.kommunenummer)::INTEGER AS antall_kommuner,
           count(*) FILTER (WHERE m.medlemstype = 'fylkeskommune')::INTEGER AS antall_fylkeskommuner,
           coalesce(sum(k.folketall), 0)::BIGINT AS folketall,
           string_agg(DISTINCT k.fylke, ', ' ORDER BY k.fylke) AS fylker,
           string_agg(coalesce(k.navn, m.navn), ', ' ORDER BY m.rekkefolge) AS medlemmer
    FROM medlemskap m
    LEFT JOIN kommuner k ON k.kommunenummer = m.kommunenummer AND m.medlemstype = 'kommune'
    GROUP BY m.samarbeid_id),
avgjort AS (
    SELECT samarbeid_id, count(*)::INTEGER AS antall FROM (
        SELECT samarbeid_id FROM datakvalitet
        UNION ALL SELECT flyttet_til FROM datakvalitet WHERE flyttet_til IS NOT NULL)
    GROUP BY samarbeid_id)
SELECT s.id, s.navn, s.formelt_navn, s.ks_region, s.organisasjonsform, f.navn AS organisasjonsform_navn,
       s.organisasjonsformer, s.organisasjonsform_trykt, s.etablert_trykt, s.etablert_aar,
       {year} - s.etablert_aar AS alder,{alias_2015}
       s.antall_medlemmer,
       coalesce(me.antall_kommuner, 0) AS antall_kommuner,
       coalesce(me.antall_fylkeskommuner, 0) AS antall_fylkeskommuner,
       coalesce(me.folketall, 0) AS folketall,
       me.fylker, me.medlemmer, s.merknad,
       coalesce(a.antall, 0) AS antall_avgjorelser, s.ansatte
FROM samarbeid s
JOIN organisasjonsformer f ON f.id = s.organisasjonsform
LEFT JOIN medlem me ON me.samarbeid_id = s.id
LEFT JOIN avgjort a ON a.samarbeid_id = s.id;

CREATE OR REPLACE VIEW v_kommune_samarbeid AS
SELECT k.kommunenummer, k.navn, k.fylke, k.folketall, s.id AS samarbeid_id, s.navn AS samarbeid_navn,
       s.organisasjonsform, e.navn_2024, e.kommunenummer_2024,
       k.navn_ssb, k.fylkesnummer, s.ks_region, f.navn AS organisasjonsform_navn
FROM kommuner k
LEFT JOIN medlemskap m ON m.kommunenummer = k.kommunenummer AND m.medlemstype = 'kommune'
LEFT JOIN samarbeid s ON s.id = m.samarbeid_id
LEFT JOIN organisasjonsformer f ON f.id = s.organisasjonsform
LEFT JOIN kommune_etterfolgere e ON e.kommunenummer_2015 = k.kommunenummer;

CREATE OR REPLACE VIEW v_tabell_261 AS
SELECT f.id AS organisasjonsform, f.navn AS organisasjonsform_navn, f.rekkefolge,
       count(o.id)::INTEGER AS antall,
       count(o.etablert_aar)::INTEGER AS antall_med_aar,
       round(avg(o.alder), 1) AS alder,
       round(avg(o.antall_kommuner), 1) AS kommuner,
       round(avg(o.antall_medlemmer), 1) AS medlemmer,
       t.antall AS antall_trykt, t.alder AS alder_trykt, t.ansatte AS ansatte_trykt,
       t.kommuner AS kommuner_trykt
FROM organisasjonsformer f
LEFT JOIN v_samarbeid_oversikt o ON o.organisasjonsform = f.id
LEFT JOIN tabell_261_trykt t ON t.organisasjonsform = f.id
GROUP BY ALL ORDER BY f.rekkefolge;

CREATE OR REPLACE VIEW v_tabell_261_alle_former AS
SELECT f.id AS organisasjonsform, f.navn AS organisasjonsform_navn, f.rekkefolge,
       count(o.id)::INTEGER AS antall, round(avg(o.alder), 1) AS alder,
       round(avg(o.antall_kommuner), 1) AS kommuner
FROM organisasjonsformer f
LEFT JOIN v_samarbeid_oversikt o ON list_contains(o.organisasjonsformer, f.id)
GROUP BY ALL ORDER BY f.rekkefolge;
"""


def views_sql(reference_year: int) -> str:
    """The views for one version: `alder` counts to `reference_year`; the report's version (2015) keeps
    the column name `alder_2015` as well."""
    alias = f"\n       {REFERENCE_YEAR} - s.etablert_aar AS alder_2015," if reference_year == REFERENCE_YEAR else ""
    return _VIEWS.replace("{year}", str(int(reference_year))).replace("{alias_2015}", alias)


def read_text_csv(path: Path) -> pd.DataFrame:
    """Every cell of the CSV file at `path` (UTF-8, header row) as text: a DataFrame of str (dtype object)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return pd.DataFrame(rows, dtype=object)


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert every row of `frame` into `table` by column name (the columns must exist in the table)."""
    cols = ", ".join(frame.columns)
    con.register("_ikt_import", frame)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _ikt_import")
    finally:
        con.unregister("_ikt_import")


def build_overview_database(con: duckdb.DuckDBPyConnection, data_dir: Path | None = None) -> None:
    """Create and fill every table and view from data/ (validated through ikt_model.overview.source)."""
    data_dir = data_dir or get_settings().data_dir
    data = load_overview(data_dir)
    reference = data_dir / "reference"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DDL)
        successors = read_text_csv(reference / "kommune_successors.csv")
        con.execute("CREATE TABLE kommune_etterfolgere ("
                    + ", ".join(f"{c} VARCHAR" for c in successors.columns)
                    + ", PRIMARY KEY (kommunenummer_2015))")
        insert_frame(con, "kommune_etterfolgere", successors.replace({"": None}))
        kommuner = read_text_csv(reference / "kommuner_2015.csv").drop(columns=["folketall_dato"])
        # names that occurred twice in 2015 carry their county wherever they are read («Herøy (Nordland)»)
        twice = kommuner["navn"].duplicated(keep=False)
        kommuner.loc[twice, "navn"] = kommuner.loc[twice, "navn"] + " (" + kommuner.loc[twice, "fylke"] + ")"
        insert_frame(con, "kommuner", kommuner.replace({"": None}))
        insert_frame(con, "organisasjonsformer", pd.DataFrame(
            {"id": list(FORM_IDS), "navn": [FORM_LABELS[f] for f in FORM_IDS],
             "rekkefolge": range(1, len(FORM_IDS) + 1)}))
        samarbeid = pd.DataFrame([s.model_dump() for s in data.samarbeid])
        samarbeid["organisasjonsformer"] = samarbeid["organisasjonsformer"].map(list)
        samarbeid["etablert_aar"] = samarbeid["etablert_aar"].astype("Int64")
        insert_frame(con, "samarbeid", samarbeid)
        medlemskap = pd.DataFrame([m.model_dump() for m in data.medlemskap])
        medlemskap["rekkefolge"] = medlemskap.groupby("samarbeid_id").cumcount() + 1  # printed order
        insert_frame(con, "medlemskap", medlemskap)
        insert_frame(con, "datakvalitet", pd.DataFrame([a.model_dump() for a in data.avgjorelser]))
        insert_frame(con, "tabell_261_trykt", pd.DataFrame([t.model_dump() for t in data.tabell_261]))
        con.execute(views_sql(REFERENCE_YEAR))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def has_overview_tables(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every overview table (TABLES) exists in the connection's main schema."""
    found = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    return set(TABLES) <= found


def open_overview_database(database: str | None = None) -> duckdb.DuckDBPyConnection:
    """Open `database` (default get_settings().overview_db: ":memory:" or a file), build it if empty."""
    database = database or get_settings().overview_db
    if database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(database)
    if not has_overview_tables(con):
        build_overview_database(con)
    return con


def shared_overview_database() -> duckdb.DuckDBPyConnection:
    """The process-wide overview connection the pages share (built once, not once per page).

    Callers take `con.cursor()` per script run / thread: a DuckDB connection used from several
    threads at once raises, its cursors do not.
    """
    return _shared(get_settings().overview_db)


@lru_cache(maxsize=2)
def _shared(database: str) -> duckdb.DuckDBPyConnection:
    return open_overview_database(database)


def synthetic_scale(con: duckdb.DuckDBPyConnection, factor: int = 100) -> None:
    """Make the overview `factor` times larger (copies with ids '<id>~<n>'), for benchmarks only.

    Copies keep members and forms; the establishment year is shifted by -(n % 10) years so that
    filters and averages see some spread. Views follow automatically.
    """
    if factor < 2:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"""
            INSERT INTO samarbeid
            SELECT s.id || '~' || n, s.navn || ' (kopi ' || n || ')', s.formelt_navn, s.formelt_navn_trykt,
                   s.ks_region, s.eierkommuner_trykt, s.organisasjonsform_trykt, s.organisasjonsform,
                   s.organisasjonsformer, s.etablert_trykt, s.etablert_aar - (n % 10)::INTEGER,
                   s.antall_medlemmer, s.merknad, s.ansatte
            FROM samarbeid s, range(1, {int(factor)}) r(n) WHERE s.id NOT LIKE '%~%';
            INSERT INTO medlemskap
            SELECT m.samarbeid_id || '~' || n, m.kommunenummer, m.navn_i_rapporten, m.medlemstype,
                   m.merknad, m.navn, m.trykt_under, m.avgjorelse, m.rekkefolge
            FROM medlemskap m, range(1, {int(factor)}) r(n) WHERE m.samarbeid_id NOT LIKE '%~%';
        """)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
