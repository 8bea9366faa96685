"""Kostnadsfordeling: the cost-sharing key of section 2.8 (equal share + population, or fixed percentages)."""

import streamlit as st

from ikt_model.costs import split, tables
from ikt_model.ui import session
from ikt_model import format as fmt
from ikt_model.costs.charts import cost_figure


MEMBERS, BUDGET, EQUAL, METHOD, PCT = "kost_members", "kost_budget", "kost_equal", "kost_method", "kost_pct"
PCT_VALUES = "kost_pct_members"

options = split.member_options()
profile = st.session_state[session.PROFILE]
if MEMBERS not in st.session_state:  # first visit: members from the profile, if given
    st.session_state[MEMBERS] = list(profile.members or [])
st.session_state.setdefault(BUDGET, "12 000 000")
st.session_state.setdefault(EQUAL, 30)

st.title("Kostnadsfordeling")
st.caption("Fordelingsnøkkel for et årsbudsjett (rapporten, kap. 2.8): vanligvis en andel likt fordelt og resten "
           "etter folketall; noen samarbeid bruker faste prosenter. Folketall 1. januar 2015 (Statistisk "
           "sentralbyrå); kommunene er 2015-kommuner, med etterfølgeren i 2024.")

members = st.multiselect("Medlemskommuner (2015)", list(options), key=MEMBERS, format_func=options.get,
                         placeholder="Søk etter kommune eller kommunenummer",
                         help="Hentes fra profilen på «Samarbeidet» hvis medlemmene er oppgitt der.")
if profile.members and set(profile.members) != set(members):
    st.caption("Medlemslisten her avviker fra profilen.")
    st.button("Hent medlemmene fra profilen", key="kost_from_profile", on_click=lambda: st.session_state.update(
        {MEMBERS: list(profile.members)}))
budget_text = st.text_input("Årsbudsjett (kr)", key=BUDGET,
                            help=f"Hele kroner, f.eks. 12 000 000. Høyst {fmt.kroner(split.MAX_BUDGET_KR)}.")
method = st.radio("Nøkkel", list(split.METHOD_LABELS), format_func=split.METHOD_LABELS.get, key=METHOD,
                  horizontal=True)

percentages = None
equal_share = st.session_state[EQUAL] / 100
if method == "likedeling_og_folketall":
    equal_pct = st.slider("Andel som deles likt (resten etter folketall)", 0, 100, step=5, key=EQUAL,
                          format="%d %%")
    equal_share = equal_pct / 100
    st.caption(f"{fmt.percent(equal_share)} deles likt mellom kommunene, "
               f"{fmt.percent(1 - equal_share)} etter folketall.")
elif members:
    if st.session_state.get(PCT_VALUES) != members:  # new member list: start from an equal split again
        st.session_state.pop(PCT, None)
        st.session_state[PCT_VALUES] = list(members)
    edited = st.data_editor(tables.percentage_frame(members), key=PCT,
                            hide_index=True, disabled=["Kommunenummer", "Kommune"], width="stretch",
                            column_config={"Prosent": st.column_config.NumberColumn(
                                "Prosent", min_value=0.0, max_value=100.0, step=0.01, format="%.2f %%",
                                help="Summen må bli 100")})
    percentages = tables.percentages_from_frame(edited)
    st.caption(f"Sum: {fmt.number(sum(percentages.values()), 2)} %")

try:
    result = split.split_costs(split.parse_cost_input(members=members, budget_kr=budget_text,
                                                     equal_share=equal_share, percentages=percentages))
except split.CostInputError as exc:
    st.error(str(exc))
    st.session_state.pop(tables.SESSION_KEY, None)
    st.stop()

st.session_state[tables.SESSION_KEY] = result
left, mid, right = st.columns(3)
left.metric("Årsbudsjett", fmt.kroner(result.budget))
mid.metric("Innbyggere i alt", fmt.number(result.folketall))
right.metric("Snitt per innbygger", fmt.kroner(result.budget / result.folketall, 2))
st.dataframe(tables.cost_display_rows(result), hide_index=True, width="stretch",
             column_config={c: st.column_config.TextColumn(c, alignment="right")
                            for c in ("Folketall", "Andel", "Andel (kr)", "Kr per innbygger")})
st.caption("Andelene er avrundet til hele kroner med største-rest-metoden, så summen blir nøyaktig budsjettet.")
st.plotly_chart(cost_figure(result), key="kost_chart")
st.caption("Fordelingen tas med i beslutningsnotatet (siden «Beslutningsnotat») så lenge den er gyldig.")
