"""Start page: what the tool does and the three steps, with the current result at a glance."""

import streamlit as st

from ikt_model.decision.profile import STATUS_LABELS
from ikt_model.ties import join_names
from ikt_model.ui import session
from ikt_model.ui.text import markdown_escape

st.title("IKT-samarbeid: hvilken styringsmodell og organisasjonsform?")
st.write("Beslutningsstøtte for kommunedirektører, kommunalsjefer og IKT-ledere som etablerer, vurderer eller endrer "
         "et interkommunalt IKT-samarbeid. Bygger på KS-rapporten «IKT-samarbeid i kommunal sektor» (PwC, 2015): "
         "12 alternativer (3 styringsmodeller × 4 organisasjonsformer) vurdert på rapportens 12 suksessfaktorer.")

cols = st.columns(3)
steps = [("pages/profile.py", "1. Beskriv samarbeidet", ":material/edit_note:",
          "Nytt eller eksisterende, medlemmer, styre, ROBEK, omfang."),
         ("pages/comparison.py", "2. Vekt og sammenlign", ":material/leaderboard:",
          "Flytt vektene og se rangeringen, med rapportens begrunnelser."),
         ("pages/robustness.py", "3. Hvor sikkert er det?", ":material/explore:",
          "Tåler anbefalingen andre vekter? Hvor langt vektene kan flyttes, og hvor ofte hvert alternativ vinner.")]
for col, (target, label, icon, text) in zip(cols, steps, strict=False):
    with col.container(border=True):
        st.page_link(target, label=label, icon=icon)
        st.caption(text)

view = session.current(st.session_state)
profile, result = view.profile, view.evaluation
if view.problem:
    st.error(markdown_escape(view.problem))
with st.container(border=True):
    names = join_names(f"**{w.label}**" for w in result.winners)
    tie = " (likt)" if len(result.winners) > 1 else ""
    st.markdown(f"**Nå ({STATUS_LABELS[profile.status].lower()}):** høyest rangert er {names}{tie}.")
    st.caption(f"Rapportens råd (kap. {result.recommendation.section}): {result.recommendation.text}")

st.write("I workshop: fasilitatoren åpner «Workshop (fasilitator)» på projektoren; deltakerne blir med fra mobilen.")
st.page_link("pages/about.py", label="Om metoden, kildene og begrensningene", icon=":material/info:")
