"""Entry point: `streamlit run app.py`. Registers the pages and the shared sidebar.

Pages live in pages/ and are registered explicitly (st.navigation turns off
auto-discovery). Shared state (profile, weights, overrides) is initialised here,
once per session, so every page finds it.
"""

import streamlit as st

from ikt_model import ui_state

st.set_page_config(page_title="IKT-samarbeid – beslutningsstøtte", page_icon="🏛️", layout="wide")

PAGES = {
    "Beslutning": [
        st.Page("pages/samarbeidet.py", title="Samarbeidet", icon="📝", url_path="samarbeidet", default=True),
        st.Page("pages/sammenligning.py", title="Sammenligning", icon="📊", url_path="sammenligning"),
        st.Page("pages/robusthet.py", title="Robusthet", icon="🧭", url_path="robusthet"),
        st.Page("pages/parvis.py", title="Parvise vekter (AHP)", icon="⚖️", url_path="parvis"),
    ],
    "Workshop": [
        st.Page("pages/workshop.py", title="Workshop (fasilitator)", icon="🎤", url_path="workshop"),
        st.Page("pages/delta.py", title="Delta i workshop", icon="📱", url_path="delta"),
    ],
    "Saksbehandling": [
        st.Page("pages/scenarier.py", title="Scenarier", icon="🗂️", url_path="scenarier"),
        st.Page("pages/notat.py", title="Beslutningsnotat", icon="📄", url_path="notat"),
        st.Page("pages/kostnader.py", title="Kostnadsfordeling", icon="💰", url_path="kostnader"),
    ],
    "Nasjonal oversikt": [
        st.Page("pages/nasjonal_oversikt.py", title="Nasjonal oversikt", icon="🇳🇴", url_path="oversikt"),
        st.Page("pages/kart.py", title="Kart", icon="🗺️", url_path="kart"),
        st.Page("pages/lignende.py", title="Lignende samarbeid", icon="🔎", url_path="lignende"),
        st.Page("pages/sql.py", title="SQL", icon="🧮", url_path="sql"),
    ],
    "Kilder": [
        st.Page("pages/kunnskapsgrunnlag.py", title="Kunnskapsgrunnlag", icon="📚", url_path="kunnskapsgrunnlag"),
        st.Page("pages/om.py", title="Om", icon="ℹ️", url_path="om"),
    ],
}

ui_state.init(st.session_state)
page = st.navigation(PAGES)
page.run()
