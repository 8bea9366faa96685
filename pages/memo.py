"""Beslutningsnotat: one click produces the memo (saksframlegg) as HTML (preview, print) and Word."""

import streamlit as st

from ikt_model.costs import tables as cost_tables
from ikt_model.memo import build_memo, render_docx, render_html
from ikt_model.memo.html import sandboxed_preview
from ikt_model.ui import session, share
from ikt_model.ui.text import markdown_escape

RESULT = "notat_result"
SIGNATURE = "notat_signature"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

view = session.current(st.session_state)
profile = view.profile
workshop = st.session_state.get(session.WORKSHOP_RESULT)
split = st.session_state.get(cost_tables.SESSION_KEY)

st.title("Beslutningsnotat")
st.caption("Et utkast til saksframlegg for kommunestyret eller representantskapet: sammendrag og forslag til vedtak "
           "først, så bakgrunn, vurdering, "
           "alternativer, anbefaling og vedlegg – med rapportens sitater og kapittelhenvisninger (PwC for KS 2015).")

title = st.text_input("Tittel (valgfri)", key="notat_title", persist_state="session", max_chars=150,
                      placeholder=f"Organisering og styring av {profile.name or 'IKT-samarbeidet'}")
with_robustness = st.checkbox("Ta med robusthetsanalysen (hvor sikker rangeringen er når vektene varierer)", value=True,
                              key="notat_robust", persist_state="session")
with_workshop = st.checkbox("Ta med uenigheten fra workshopen", value=workshop is not None, key="notat_workshop",
                            persist_state="session",
                            disabled=workshop is None,
                            help=None if workshop else "Ingen workshop-resultat er overført i denne økten.")
with_costs = st.checkbox("Ta med kostnadsfordelingen", value=split is not None, key="notat_costs",
                         persist_state="session",
                         disabled=split is None,
                         help=None if split else "Lag en gyldig fordeling på «Kostnadsfordeling» først.")

signature = (share.encode_state(profile, view.weights, view.overrides), view.weights_source, title, with_robustness,
             with_workshop, with_costs, repr(workshop), split.model_dump_json() if split else None)
if st.button("Lag beslutningsnotat", type="primary", key="notat_make"):
    with st.spinner("Lager notatet …"):
        memo = build_memo(profile, view.weights, view.weights_source, view.overrides,
                          workshop=workshop if with_workshop else None, costs=split if with_costs else None,
                          robustness="auto" if with_robustness else None, title=title.strip() or None)
        st.session_state[RESULT] = (memo.title, memo.date.isoformat(), render_html(memo), render_docx(memo))
        st.session_state[SIGNATURE] = signature

if RESULT in st.session_state:
    memo_title, memo_date, html_text, docx_bytes = st.session_state[RESULT]
    if st.session_state.get(SIGNATURE) != signature:
        st.warning("Profil, vekter, vurderinger eller valg er endret siden notatet ble laget. Trykk «Lag "
                   "beslutningsnotat» igjen for å oppdatere det.")
    shown_date = ".".join(reversed(memo_date.split("-")))  # 29.11.2026, as in the memo; the file name keeps ISO
    st.success(f"Notatet «{markdown_escape(memo_title)}» er laget ({shown_date}). Last ned, eller skriv ut "
               "HTML-versjonen fra nettleseren (A4).")
    stem = f"beslutningsnotat-{memo_date}"
    left, right = st.columns(2)
    left.download_button("Last ned HTML", html_text, file_name=f"{stem}.html", mime="text/html",
                         key="notat_dl_html", on_click="ignore")
    right.download_button("Last ned Word (.docx)", docx_bytes, file_name=f"{stem}.docx", mime=DOCX_MIME,
                          key="notat_dl_docx", on_click="ignore")
    st.caption("Forhåndsvisning (teksten er laget av verktøyet; alt du har skrevet inn vises som ren tekst):")
    st.iframe(sandboxed_preview(html_text, 880), height=900, alt="Forhåndsvisning av beslutningsnotatet")
else:
    st.info("Trykk «Lag beslutningsnotat». Notatet bruker profilen, vektene og egne vurderinger du har nå.")
