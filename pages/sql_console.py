"""SQL for analysts: one read-only SELECT on a locked-down copy of the national overview."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.overview import queries, sqlsafe, sqlworker
from ikt_model.overview.db import shared_overview_database

LIMITS = sqlsafe.SqlLimits(timeout_s=5.0, max_rows=10_000)


def overview_connection():
    return shared_overview_database()  # one connection per process, shared by the overview pages


@st.cache_resource(show_spinner="Starter SQL-tjenesten (skrivebeskyttet kopi av oversikten) …",
                   on_release=lambda pool: pool.close())
def sql_worker():
    """User SQL runs in separate processes (two, shared by all users) killed if they overrun the time
    limit; a query waits for a free one boundedly and the page shows how long it waited."""
    return sqlworker.SqlPool(LIMITS)


def use_example() -> None:
    label = st.session_state.get("sql_example")
    if label:
        st.session_state["sql_query"] = queries.SQL_EXAMPLES[label]


if "sql_query" not in st.session_state:
    st.session_state["sql_query"] = next(iter(queries.SQL_EXAMPLES.values()))

st.title("SQL")
st.caption("Skriv én SELECT-spørring mot tabellene i den nasjonale oversikten. Spørringen kjører på en egen, "
           "skrivebeskyttet forbindelse uten tilgang til filer, nettet eller innstillinger, med tidsgrense "
           f"{fmt.number(LIMITS.timeout_s)} s og høyst {fmt.number(LIMITS.max_rows)} rader.")

st.selectbox("Eksempelspørringer", list(queries.SQL_EXAMPLES), index=None, key="sql_example", persist_state="session",
             on_change=use_example, placeholder="Velg et eksempel for å fylle inn spørringen")
# No st.form: a form keeps unsent text in the browser only, and it would be lost on a page switch.
query = st.text_area("Spørring (én SELECT)", key="sql_query", persist_state="session", height=180)
submitted = st.button("Kjør spørringen", type="primary", key="sql_run")

if submitted or "sql_result" not in st.session_state:
    try:
        st.session_state["sql_result"] = sql_worker().run(query)
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
    st.caption(f"{fmt.number(len(result.rows))} rader på {fmt.number(result.elapsed_ms, 1)} ms{waited} "
               f"(svartid i alt {fmt.number(result.waited_ms + result.elapsed_ms, 0)} ms).")
    if result.truncated:
        st.warning(f"Resultatet er kuttet: bare de første {fmt.number(result.max_rows)} radene vises. "
                   "Bruk LIMIT eller WHERE for å avgrense.")
    st.dataframe(result.to_frame(), hide_index=True)
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(result.to_frame(), "sporring", sheet="Spørring"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"sql_dl_{d.kind}",
                               on_click="ignore", icon=":material/download:")

st.header("Skjema")
st.caption("Tabeller og visninger du kan spørre mot. Kommunenummer er tekst med ledende null (for eksempel '0301').")
st.dataframe(queries.schema_tables(), hide_index=True,
             column_config={"tabell": "Tabell / visning",
                            "innhold": st.column_config.TextColumn("Innhold", width="large")})
cur = overview_connection().cursor()
table = st.selectbox("Kolonner i", queries.schema_tables()["tabell"].tolist(), key="sql_schema_table",
                     persist_state="session")
st.dataframe(queries.schema_documentation(cur, table), hide_index=True, column_order=["kolonne", "type", "betydning"],
             column_config={"kolonne": "Kolonne", "type": "Type",
                            "betydning": st.column_config.TextColumn("Betydning", width="large")})
st.caption("Kilde: Vedlegg 5, PwC for KS (2015). Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015).")
