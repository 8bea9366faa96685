"""Kostnadsfordeling: the cost-sharing key of section 2.8 (equal share + population, or fixed percentages)."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.costs import inputs, split, tables
from ikt_model.costs.charts import cost_figure
from ikt_model.municipalities import POPULATION_YEARS, population_label
from ikt_model.ui import live_chart, session
from ikt_model.ui.text import markdown_cells, markdown_escape
from ikt_model.ui.widgets import held_value_key, hold_values, server_value_key

MEMBERS, BUDGET, EQUAL, METHOD, PCT = "kost_members", "kost_budget", "kost_equal", "kost_method", "kost_pct"
PCT_VALUES, YEAR = "kost_pct_members", "kost_year"
PCT_TEXTS = "kost_pct_texts"  # durable: the typed percentages (data_editor state dies on a page switch)
PCT_BASE = "kost_pct_base"  # the texts the current editor started from (fixed while the editor lives)
KEEP = "session"  # widget values survive page switches (Streamlit's persist_state)
# The chart follows every change of the key: drawn through the live-chart component, updated in place
live = st.components.v2.component(live_chart.NAME, js=live_chart.JS, css=live_chart.CSS, isolate_styles=False)
YEAR_LABELS = {2026: "1.1.2026 (nyeste)", 2025: "1.1.2025", 2024: "1.1.2024", 2015: "1.1.2015 (rapportens tid)"}

options = inputs.member_options()
profile = st.session_state[session.PROFILE]
# first visit: members and year from the profile; written every run so the browser draws what is held
# (not the budget text: writing a text field every run could replace what the user is still typing)
hold_values(st.session_state, {YEAR: profile.population_year, EQUAL: 30})
# «Hent medlemmene fra profilen» sets the list: a new key then, so a rerun sent before the browser had it is ignored
members_key = held_value_key(st.session_state, MEMBERS, list(profile.members or []))
st.session_state.setdefault(BUDGET, "12 000 000")


st.title("Kostnadsfordeling")
st.caption("Fordelingsnøkkel for et årsbudsjett (rapporten, kap. 2.8): vanligvis en andel likt fordelt og resten "
           "etter folketall; noen samarbeid bruker faste prosenter. Dagens kommuner, folketall fra Statistisk "
           "sentralbyrå (nyeste: 1. januar 2026).")

# filter_mode="prefix": «åle» finds Ålesund only (the default fuzzy filter, and «contains», matched Holtålen
# and Våler first, which Enter then added); select_all=False: no English «Select N matches».
members = st.multiselect("Medlemskommuner", list(options), key=members_key, format_func=options.get,
                         placeholder="Skriv begynnelsen av kommunenavnet …", filter_mode="prefix", select_all=False,
                         persist_state=KEEP,
                         help="Dagens kommuner. Hentes fra profilen på «Samarbeidet» hvis medlemmene er oppgitt der.")
if profile.members and set(profile.members) != set(members):
    st.caption("Medlemslisten her avviker fra profilen.")
    st.button("Hent medlemmene fra profilen", key="kost_from_profile", on_click=server_value_key,
              args=(st.session_state, MEMBERS, list(profile.members)))
budget_text = st.text_input("Årsbudsjett (kr)", key=BUDGET, persist_state=KEEP,
                            help="Hele kroner, skrevet som du vil: 12 000 000, 12.000.000, 12,5 mill eller "
                                 f"1,2 mrd. Høyst {fmt.kroner(inputs.MAX_BUDGET_KR)}.")
method = st.radio("Nøkkel", list(inputs.METHOD_LABELS), format_func=inputs.METHOD_LABELS.get, key=METHOD,
                  horizontal=True, persist_state=KEEP)
year = st.selectbox("Folketall per", list(POPULATION_YEARS), format_func=YEAR_LABELS.get, key=YEAR,
                    persist_state=KEEP,
                    help="1.1.2015 er tallene rapporten bygde på (for dagens kommuner: summen av 2015-kommunene "
                         "de består av).")

percentages = None
equal_share = st.session_state[EQUAL] / 100
if method == "likedeling_og_folketall":
    equal_pct = st.slider("Andel som deles likt (resten etter folketall)", 0, 100, step=5, key=EQUAL,
                          format="%d %%", persist_state=KEEP)
    equal_share = equal_pct / 100
    st.caption(f"{fmt.percent(equal_share)} deles likt mellom kommunene, "
               f"{fmt.percent(1 - equal_share)} etter folketall ({population_label(year)}).")
elif members:
    if st.session_state.get(PCT_VALUES) != members:  # new member list: keep what was typed for those who stay
        st.session_state.pop(PCT, None)  # (a new member starts blank; see tables.percentage_texts)
        st.session_state[PCT_VALUES] = list(members)
        st.session_state[PCT_TEXTS] = tables.percentage_texts(members, st.session_state.get(PCT_TEXTS))
    if PCT not in st.session_state:  # a fresh editor (first visit or back from another page): start from the
        st.session_state[PCT_BASE] = dict(st.session_state[PCT_TEXTS])  # durable texts; keep that base fixed
    edited = st.data_editor(tables.percentage_frame(members, st.session_state[PCT_BASE]), key=PCT,
                            hide_index=True, placeholder=fmt.MISSING, disabled=["Kommunenummer", "Kommune"],
                            width="stretch",
                            column_config={"Prosent": st.column_config.TextColumn(
                                "Prosent", help="Med desimalkomma, f.eks. 60,5. Summen må bli 100.")})
    percentages = tables.percentages_from_frame(edited)
    st.session_state[PCT_TEXTS] = percentages  # durable: what the editor shows now
    sum_note = tables.percentage_sum_note(percentages)
    if sum_note is not None:
        st.caption(sum_note)

if not members:  # nothing chosen yet: a prompt, not an error (the page opens like this)
    st.info("Velg minst én medlemskommune, så vises fordelingen.", icon=":material/group_add:")
    st.session_state.pop(tables.SESSION_KEY, None)
    st.stop()
try:
    result = split.split_costs(inputs.parse_cost_input(members=members, budget_kr=budget_text,
                                                     equal_share=equal_share, percentages=percentages,
                                                     population_year=year))
except inputs.CostInputError as exc:
    st.error(markdown_escape(session.user_message(exc)))
    st.session_state.pop(tables.SESSION_KEY, None)
    st.stop()

st.session_state[tables.SESSION_KEY] = result
left, mid, right = st.columns(3)
left.metric("Årsbudsjett", fmt.kroner(result.budget))
mid.metric("Innbyggere i alt", fmt.number(result.folketall), help=f"{result.population_label.capitalize()}.")
right.metric("Snitt per innbygger", fmt.kroner(result.budget / result.folketall, 2))
for notice in result.notices:
    st.info(notice, icon=":material/merge:")
st.table(markdown_cells(tables.cost_display_rows(result)), hide_index=True)  # a plain table: drawn with the page
st.caption(f"Folketall: {result.population_label} (Statistisk sentralbyrå, tabell 07459).")
st.caption("Andelene er avrundet til hele kroner med største-rest-metoden, så summen blir nøyaktig budsjettet.")
with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
    for d in spreadsheet.downloads(tables.cost_table(result), "kostnadsfordeling", sheet="Kostnadsfordeling"):
        st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"kost_dl_{d.kind}",
                           on_click="ignore", icon=":material/download:")
live(key="kost_chart", data=live_chart.payload(cost_figure(result), {"displayModeBar": False}, key="kost_chart",
                                               base_url_path=st.get_option("server.baseUrlPath")))
st.caption("Fordelingen tas med i beslutningsnotatet (siden «Beslutningsnotat») så lenge den er gyldig.")
