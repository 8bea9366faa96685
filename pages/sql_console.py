"""SQL for analysts: one read-only SELECT on a locked-down copy of the chosen version of the national overview."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.overview import queries, sqlsafe, sqlworker, version_repository, versions
from ikt_model.overview.version_db import version_database
from ikt_model.ui import overview_version
from ikt_model.ui import workspace as sak
from ikt_model.ui.text import markdown_escape

LIMITS = sqlsafe.SqlLimits(timeout_s=5.0, max_rows=10_000)


@st.cache_resource(show_spinner="Starter SQL-tjenesten (skrivebeskyttet kopi av oversikten) …", max_entries=3,
                   on_release=lambda pool: pool.close())
def sql_worker(version_id: int, viewer):
    """User SQL runs in separate processes shared by all users (two for the report's version, one for each
    uploaded version in use), killed if they overrun the time limit; a query waits for a free one boundedly
    and the page shows how long it waited. `viewer` (versions.viewer): None for a version everyone sees,
    the sak for its own unpublished upload."""
    size = 2 if version_id == versions.REPORT_VERSION else 1
    return sqlworker.SqlPool(LIMITS, size=size, path=sqlsafe.version_snapshot(version_id, viewer))


def use_example() -> None:
    label = st.session_state.get("sql_example")
    if label:
        st.session_state["sql_query"] = queries.SQL_EXAMPLES[label]


if "sql_query" not in st.session_state:
    st.session_state["sql_query"] = next(iter(queries.SQL_EXAMPLES.values()))

workspace = sak.current(st.session_state)  # uploads are private to their sak until published
all_versions = version_repository.shared_repository().versions(workspace)
by_id = {v.id: v for v in all_versions}
overview_version.settle(st.session_state, list(by_id), "sql_versjon")

st.title("SQL")
version_id = st.selectbox("Versjon av oversikten", list(by_id), key="sql_versjon",
                          on_change=overview_version.box_changed, args=(st.session_state, "sql_versjon"),
                          format_func=lambda i: by_id[i].label,
                          help="Spørringen kjører mot tabellene i den valgte versjonen (samme tabeller og visninger "
                               "i alle versjoner; opplastede versjoner bruker dagens kommunenummer).")
viewer = versions.viewer(by_id[version_id], workspace)
st.caption("Skriv én SELECT-spørring mot tabellene i den nasjonale oversikten. Spørringen kjører på en egen, "
           "skrivebeskyttet forbindelse uten tilgang til filer, nettet eller innstillinger, med tidsgrense "
           f"{fmt.number(LIMITS.timeout_s)} s og høyst {fmt.number(LIMITS.max_rows)} rader.")

st.selectbox("Eksempelspørringer", list(queries.SQL_EXAMPLES), index=None, key="sql_example", persist_state="session",
             on_change=use_example, placeholder="Velg et eksempel for å fylle inn spørringen")
# No st.form: a form keeps unsent text in the browser only, and it would be lost on a page switch.
query = st.text_area("Spørring (én SELECT)", key="sql_query", persist_state="session", height=180)
submitted = st.button("Kjør spørringen", type="primary", key="sql_run")

if submitted or "sql_result" not in st.session_state or st.session_state.get("sql_result_version") != version_id:
    st.session_state["sql_result_version"] = version_id
    try:
        st.session_state["sql_result"] = sql_worker(version_id, viewer).run(query)
        st.session_state["sql_error"] = None
    except sqlsafe.SqlRefused as refusal:
        st.session_state["sql_result"] = None
        st.session_state["sql_error"] = str(refusal)

result = st.session_state.get("sql_result")
if st.session_state.get("sql_error"):
    st.error(st.session_state["sql_error"])
elif result is not None:
    waited = (f"; ventet {fmt.number(result.waited_ms, 0)} ms på en ledig SQL-prosess først"
              if result.waited_ms >= 1 else "")
    st.caption(f"{fmt.plural(len(result.rows), 'rad', 'rader')} på {fmt.number(result.elapsed_ms, 1)} ms{waited} "
               f"(svartid i alt {fmt.number(result.waited_ms + result.elapsed_ms, 0)} ms).")
    if result.truncated:
        st.warning(f"Resultatet er kuttet: bare de første {fmt.number(result.max_rows)} radene vises. "
                   "Bruk LIMIT eller WHERE for å avgrense.")
    st.dataframe(fmt.table(result.to_frame()), hide_index=True, placeholder=fmt.MISSING)  # 81 912, 6,3; «–» for NULL
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(result.to_frame(), "sporring", sheet="Spørring"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"sql_dl_{d.kind}",
                               on_click="ignore", icon=":material/download:")

st.header("Skjema")
st.caption("Tabeller og visninger du kan spørre mot. Kommunenummer er tekst med ledende null (for eksempel '0301').")
st.dataframe(queries.schema_tables(), hide_index=True, placeholder=fmt.MISSING,
             column_config={"tabell": "Tabell / visning",
                            "innhold": st.column_config.TextColumn("Innhold", width="large")})
cur = version_database(version_id, viewer).cursor()
table = st.selectbox("Kolonner i", queries.schema_tables()["tabell"].tolist(), key="sql_schema_table",
                     persist_state="session")
st.dataframe(fmt.table(queries.schema_documentation(cur, table)), hide_index=True, placeholder=fmt.MISSING,
             column_order=["kolonne", "type", "betydning"],
             column_config={"kolonne": "Kolonne", "type": "Type",
                            "betydning": st.column_config.TextColumn("Betydning", width="large")})
st.caption("Kilde: Vedlegg 5, PwC for KS (2015). Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015)."
           if version_id == versions.REPORT_VERSION else
           f"Kilde: versjon {version_id} av oversikten, lastet opp av KS-rådgiver "
           f"({markdown_escape(by_id[version_id].source)}). "
           "Kilde: Statistisk sentralbyrå (kommuner og folkemengde 1. januar 2026).")
