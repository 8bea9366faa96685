"""What the «Nasjonal oversikt» page asks DuckDB: filter options, filtered table, key figures, notes.

Every function takes a cursor (one per script run) and returns a DataFrame or a pydantic model.
"""

from __future__ import annotations

import duckdb
import pandas as pd
from pydantic import BaseModel, model_validator

from .forms import FORM_LABELS_2026, FORMS_2026
from .source import FORM_IDS, FORM_LABELS, KS_REGIONS, schema_rows

Cursor = duckdb.DuckDBPyConnection


class FilterOptions(BaseModel, frozen=True):
    """What the filters of one version offer (regions empty for uploaded versions: no KS region there)."""

    regions: tuple[str, ...]
    forms: tuple[str, ...]
    form_labels: dict[str, str] = {}
    year_min: int
    year_max: int
    kommuner_min: int
    kommuner_max: int


class OverviewFilter(BaseModel, frozen=True):
    """Empty regions/forms = all. A form matches if it is any of a collaboration's forms."""

    regions: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    year_from: int = 1900
    year_to: int = 2100
    include_unknown_year: bool = True
    kommuner_min: int = 0
    kommuner_max: int = 1000

    @model_validator(mode="after")
    def _check(self):
        unknown = ([r for r in self.regions if r not in KS_REGIONS]
                   + [f for f in self.forms if f not in FORM_IDS and f not in FORMS_2026])
        if unknown:
            raise ValueError(f"ukjent filterverdi: {', '.join(unknown)}")
        if self.year_from > self.year_to or self.kommuner_min > self.kommuner_max:
            raise ValueError("fra-verdien må være mindre enn eller lik til-verdien")
        return self


class KeyFigures(BaseModel, frozen=True):
    """Key figures of the filtered collaborations (section 2.6 of the report, counted from Vedlegg 5).

    Counts are whole numbers; `andel_*` are fractions 0–1 of all municipalities / all inhabitants;
    `alder_snitt` in years (None when no collaboration has a founding year); a municipality in two
    collaborations counts once.
    """

    samarbeid: int
    kommuner: int
    andel_kommuner: float
    folketall: int
    andel_folketall: float
    alder_snitt: float | None
    kommuner_per_samarbeid: float | None
    fylkeskommuner: int


_FILTERED = """
WITH utvalg AS (
    SELECT * FROM v_samarbeid_oversikt
    WHERE (len($regions) = 0 OR list_contains($regions, ks_region))
      AND (len($forms) = 0 OR list_has_any(organisasjonsformer, $forms))
      AND (etablert_aar BETWEEN $year_from AND $year_to OR (etablert_aar IS NULL AND $include_unknown_year))
      AND antall_kommuner BETWEEN $kommuner_min AND $kommuner_max)
"""


def _params(f: OverviewFilter) -> dict:
    return {"regions": list(f.regions), "forms": list(f.forms), "year_from": f.year_from, "year_to": f.year_to,
            "include_unknown_year": f.include_unknown_year, "kommuner_min": f.kommuner_min,
            "kommuner_max": f.kommuner_max}


def filter_options(cur: Cursor) -> FilterOptions:
    """The choices the overview filters offer: KS regions, organisation forms (id → label), year and size ranges.

    `cur` is a cursor on a database with the overview tables (db.open_overview_database).
    """
    year_min, year_max, k_min, k_max = cur.execute(
        "SELECT min(etablert_aar), max(etablert_aar), min(antall_kommuner), max(antall_kommuner) "
        "FROM v_samarbeid_oversikt").fetchone()
    regions = tuple(r[0] for r in cur.execute(
        "SELECT DISTINCT ks_region FROM samarbeid WHERE ks_region IS NOT NULL ORDER BY 1").fetchall())
    forms = cur.execute("SELECT id, navn FROM organisasjonsformer ORDER BY rekkefolge").fetchall()
    return FilterOptions(regions=regions, forms=tuple(f for f, _ in forms), form_labels=dict(forms),
                         year_min=year_min, year_max=year_max, kommuner_min=k_min, kommuner_max=k_max)


def form_label(form_id: str) -> str:
    """Label of a 2015 form id (the report's) or a 2026 form id (uploaded versions)."""
    return FORM_LABELS.get(form_id) or FORM_LABELS_2026.get(form_id, form_id)


def collaborations(cur: Cursor, f: OverviewFilter) -> pd.DataFrame:
    """The filtered collaborations (v_samarbeid_oversikt columns), ordered by name."""
    return cur.execute(_FILTERED + "SELECT * FROM utvalg ORDER BY navn", _params(f)).df()


def key_figures(cur: Cursor, f: OverviewFilter) -> KeyFigures:
    """Counts over the filtered collaborations; municipalities in two collaborations count once."""
    row = cur.execute(_FILTERED + """
        , medlemmer AS (SELECT DISTINCT k.kommunenummer, k.folketall FROM utvalg u
                        JOIN medlemskap m ON m.samarbeid_id = u.id JOIN kommuner k USING (kommunenummer))
        SELECT (SELECT count(*) FROM utvalg), (SELECT count(*) FROM medlemmer),
               (SELECT coalesce(sum(folketall), 0) FROM medlemmer),
               (SELECT avg(alder) FROM utvalg), (SELECT avg(antall_kommuner) FROM utvalg),
               (SELECT coalesce(sum(antall_fylkeskommuner), 0) FROM utvalg),
               (SELECT count(*) FROM kommuner), (SELECT sum(folketall) FROM kommuner)
    """, _params(f)).fetchone()
    n, kommuner, folk, alder, per, fylker, alle_kommuner, alle_folk = row
    return KeyFigures(samarbeid=n, kommuner=kommuner, andel_kommuner=kommuner / alle_kommuner,
                      folketall=int(folk), andel_folketall=float(folk) / alle_folk,
                      alder_snitt=None if alder is None else float(alder),
                      kommuner_per_samarbeid=None if per is None else float(per), fylkeskommuner=int(fylker))


def members(cur: Cursor, samarbeid_id: str) -> pd.DataFrame:
    """Members of one collaboration: printed name beside the resolved 2015 number and name."""
    return cur.execute("""
        SELECT m.navn_i_rapporten, m.kommunenummer, m.navn, m.medlemstype, k.fylke, k.folketall,
               e.navn_2024, m.merknad
        FROM medlemskap m LEFT JOIN kommuner k ON k.kommunenummer = m.kommunenummer AND m.medlemstype = 'kommune'
        LEFT JOIN kommune_etterfolgere e ON e.kommunenummer_2015 = k.kommunenummer
        WHERE m.samarbeid_id = ? ORDER BY m.medlemstype DESC, m.navn""", [samarbeid_id]).df()


def data_quality_categories(cur: Cursor) -> list[str]:
    """The distinct categories of the data-quality decisions (data_quality.csv), sorted."""
    return [r[0] for r in cur.execute("SELECT DISTINCT kategori FROM datakvalitet ORDER BY 1").fetchall()]


def data_quality(cur: Cursor, categories: tuple[str, ...] = ()) -> pd.DataFrame:
    """Cleaning decisions (all, or those in `categories`) with the collaboration's name."""
    return cur.execute("""
        SELECT d.kategori, coalesce(s.navn, d.samarbeid_id) AS samarbeid, d.trykt, d.beslutning,
               d.resultat, d.begrunnelse, d.id
        FROM datakvalitet d LEFT JOIN samarbeid s ON s.id = d.samarbeid_id
        WHERE len($c) = 0 OR list_contains($c, d.kategori)
        ORDER BY d.kategori, samarbeid, d.id""", {"c": list(categories)}).df()


def schema_tables() -> pd.DataFrame:
    """Tables and views users can query, with what each holds (from data/overview/skjema.csv)."""
    return pd.DataFrame([{"tabell": r.tabell, "innhold": r.betydning} for r in schema_rows() if not r.kolonne])


def schema_documentation(cur: Cursor, table: str | None = None) -> pd.DataFrame:
    """Columns of every table/view (or of `table`) with DuckDB type and meaning (data/overview/skjema.csv)."""
    columns = cur.execute("""
        SELECT table_name AS tabell, column_name AS kolonne, data_type AS type
        FROM information_schema.columns WHERE table_schema = 'main' AND ($t IS NULL OR table_name = $t)
        ORDER BY table_name, ordinal_position""", {"t": table}).df()
    meaning = pd.DataFrame([{"tabell": r.tabell, "kolonne": r.kolonne, "betydning": r.betydning}
                            for r in schema_rows() if r.kolonne])
    return columns.merge(meaning, on=["tabell", "kolonne"], how="left").fillna({"betydning": ""})


SQL_EXAMPLES: dict[str, str] = {
    "Samarbeid per organisasjonsform": (
        "SELECT organisasjonsform_navn, count(*) AS antall, round(avg(alder), 1) AS alder,\n"
        "       round(avg(antall_kommuner), 1) AS kommuner, sum(folketall) AS innbyggere\n"
        "FROM v_samarbeid_oversikt\nGROUP BY ALL\nORDER BY antall DESC"),
    "De ti største samarbeidene (innbyggere)": (
        "SELECT navn, ks_region, organisasjonsform, antall_kommuner, folketall\n"
        "FROM v_samarbeid_oversikt\nORDER BY folketall DESC\nLIMIT 10"),
    "Kommuner som ikke er med i noe samarbeid": (
        "SELECT kommunenummer, navn, fylke, folketall\nFROM v_kommune_samarbeid\n"
        "WHERE samarbeid_id IS NULL\nORDER BY folketall DESC"),
    "Kommuner i mer enn ett samarbeid": (
        "SELECT kommunenummer, navn, list(samarbeid_navn) AS samarbeid\nFROM v_kommune_samarbeid\n"
        "WHERE samarbeid_id IS NOT NULL\nGROUP BY kommunenummer, navn\nHAVING count(*) > 1"),
    "Medlemmer med tolket eller rettet navn": (
        "SELECT m.samarbeid_id, m.navn_i_rapporten, m.kommunenummer, m.navn, d.beslutning, d.kategori\n"
        "FROM medlemskap m JOIN datakvalitet d ON d.id = m.avgjorelse\nORDER BY d.kategori"),
    "Hvor er kommunene i 2024? (etterfølgere)": (
        "SELECT v.samarbeid_navn, count(DISTINCT v.kommunenummer) AS kommuner_2015,\n"
        "       count(DISTINCT v.kommunenummer_2024) AS kommuner_2024\nFROM v_kommune_samarbeid v\n"
        "WHERE v.samarbeid_id IS NOT NULL\nGROUP BY ALL\nORDER BY kommuner_2015 - kommuner_2024 DESC"),
    "Tabell 2.6.1: beregnet mot trykt": (
        "SELECT organisasjonsform_navn, antall, antall_trykt, alder, alder_trykt, kommuner, kommuner_trykt\n"
        "FROM v_tabell_261"),
    "Samarbeid etablert per år": (
        "SELECT etablert_aar, count(*) AS nye, list(navn ORDER BY navn) AS samarbeid\nFROM samarbeid\n"
        "WHERE etablert_aar IS NOT NULL\nGROUP BY etablert_aar\nORDER BY etablert_aar"),
}
