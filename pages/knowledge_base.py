"""«Kunnskapsgrunnlag»: every score with its report section and quote; what-if overrides."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.views import (
    assessment_styler,
    assessment_subject,
    assessment_table,
    edit_problem,
    legal_sources_table,
    method_table,
    overrides_from_edit,
    rules_table,
)
from ikt_model.ui import session

kb = default_knowledge_base()
PARTS = {"form": "Organisasjonsform × faktor (tabellen i 4.2)",
         "model": "Styringsmodell × faktor (3.3, 4.1)",
         "fit": "Samspill styringsmodell/organisasjonsform (3.3.3, 3.4, 4.2)"}
SCALE = ("Skala: −2 (klart dårligere) … 0 (ingen forskjell, «Ingen forskjeller») … +2 (klart bedre). "
         "«Utfordringer ved …» er satt til −1 og «Bedre muligheter …» til +1.")


EDIT_PROBLEM = "kb_edit_problem"
EDITOR_VERSION = "kb_editor_version"  # a new version redraws an editor from the stored scores


def _editor_key(part: str) -> str:
    return f"editor_{part}_{st.session_state.get(EDITOR_VERSION, 0)}"


def _save(part: str) -> None:
    state = st.session_state[_editor_key(part)]
    table = assessment_table(kb, part, st.session_state[session.OVERRIDES])
    problems = []
    for row_index, change in state.get("edited_rows", {}).items():
        if "Din vurdering" in change:
            value = change["Din vurdering"]
            if problem := edit_problem(value):  # out of range or not a whole number: say so, store nothing
                problems.append(f"{assessment_subject(kb, table.loc[int(row_index), 'id'])}: {problem}")
                continue
            table.loc[int(row_index), "Din vurdering"] = value  # text as typed, read by overrides_from_edit
    st.session_state[session.OVERRIDES] = overrides_from_edit(table, st.session_state[session.OVERRIDES])
    if problems:
        st.session_state[EDIT_PROBLEM] = (part, problems)
        st.session_state[EDITOR_VERSION] = st.session_state.get(EDITOR_VERSION, 0) + 1


st.title("Kunnskapsgrunnlag")
st.write("Alle poeng verktøyet bruker er data med kilde: kapittel og sitat fra rapporten «IKT-samarbeid i kommunal "
         "sektor» (PwC for KS, 2015). Endre «Din vurdering» for å prøve en annen vurdering; endrede celler merkes ✎ "
         "og brukes i sammenligningen til du tilbakestiller.")
st.caption(SCALE)

# The line over the tables is there with or without edits, one line high, and a refused edit is said under its
# table: a banner that came with the first edit pushed the table 70 px down, and the next click hit another row
overrides = st.session_state[session.OVERRIDES]
left, right = st.columns([3, 1], vertical_alignment="center")
if overrides:
    left.warning(f"{fmt.plural(len(overrides), 'vurdering', 'vurderinger')} er endret fra rapportens "
                 "(merket ✎ endret; listen står under tabellene).", icon=":material/edit:")
else:
    left.info("Ingen vurderinger er endret: alle poeng er rapportens.", icon=":material/menu_book:")
if right.button("Tilbakestill alle", type="primary", disabled=not overrides):
    st.session_state[session.OVERRIDES] = {}
    # new editors, drawn from the report's scores: the old ones kept showing the edits they had been given
    st.session_state[EDITOR_VERSION] = st.session_state.get(EDITOR_VERSION, 0) + 1
    st.rerun()
refused_part, refused = st.session_state.pop(EDIT_PROBLEM, (None, []))

tabs = st.tabs([*PARTS.values(), "Kontekstregler (profilen)", "Faktorer", "Modeller og former",
                "Metode og rettskilder"])
for tab, part in zip(tabs, PARTS, strict=False):
    with tab:
        st.data_editor(
            assessment_styler(assessment_table(kb, part, overrides)), key=_editor_key(part), on_change=_save,
            args=(part,), hide_index=True, placeholder=fmt.MISSING, width="stretch",
            column_order=("Gjelder", "Faktor", "Rapportens poeng", "Din vurdering", "Endret", "Sitat", "Kapittel",
                          "Gjelder når", "Grunnlag", "Merknad"),
            disabled=[c for c in ("id", "Gjelder", "Faktor", "Rapportens poeng", "Endret", "Kapittel", "Sitat",
                                  "Gjelder når", "Grunnlag", "Merknad")],
            column_config={
                # text, not a number cell: that dropped a typed decimal comma («0,2» stored as 2); no limits
                # in the editor either (it would drop a 7 without a word): _save says why a text is refused
                "Din vurdering": st.column_config.TextColumn(help="Heltall fra −2 til +2, for eksempel +1 eller −1"),
                "Endret": st.column_config.TextColumn(width=96),  # sized by the grid, «✎ endret» was cut to «✎ endre»
                "Sitat": st.column_config.TextColumn(width="large"),
            })
        if part == refused_part:
            for problem in refused:
                st.error(problem, icon=":material/error:")
if overrides:
    st.caption("Endret fra rapportens: " + "; ".join(sorted(assessment_subject(kb, k) for k in overrides)) + ".")
with tabs[3]:
    st.write("Regler som justerer poeng eller gir råd ut fra profilen (se «Samarbeidet»).")
    st.dataframe(fmt.table(rules_table(kb), signed_columns=("Endring",)), hide_index=True, placeholder=fmt.MISSING,
                 column_order=[c for c in rules_table(kb).columns if c != "id"],
                 column_config={"Sitat": st.column_config.TextColumn(width="large")})
with tabs[4]:
    st.write("De tolv suksessfaktorene i rapportens prioriterte rekkefølge (3.1, 4.3). **Stabil drift** er ikke en "
             "vektet faktor, men en grunnleggende forutsetning: «Utvikling av samarbeidet kan ikke gjøres før man har "
             "stabil drift» (3.1).")
    for f in kb.factors:
        st.markdown(f"**{f.id}. {f.label}** (kap. {f.section})")
        st.caption(f.description)
with tabs[5]:
    for m in kb.models:
        st.markdown(f"**{m.label}** (kap. {m.section})")
        st.caption(m.description)
    st.divider()
    st.write("Rapporten bygger på kommuneloven av 1992. Rettsgrunnlaget i dag (2026):")
    for f in kb.forms:
        st.markdown(f"**{f.label}** – i rapporten: {f.law_2015}; i dag: {f.law_now} (kap. {f.section})")
        st.caption(f.note_now)
    st.caption("Loven sier nå kommunedirektør der rapporten sier rådmann; mange bruker fortsatt tittelen rådmann.")
with tabs[6]:
    st.write("Rapportens rekkefølge (3.1, 4.2, 4.3): stabil drift først, så styringsmodell og oppgaver, så "
             "organisasjonsform. Tallene metoden bruker for dette, med rapportens begrunnelse:")
    st.dataframe(fmt.table(method_table(kb), decimals={"Verdi": 2}), hide_index=True, placeholder=fmt.MISSING,
                 column_config={
        "Sitat": st.column_config.TextColumn(width="large")})
    st.write("Offentlige kilder for det som er sagt om loven i 2026:")
    st.dataframe(legal_sources_table(kb), hide_index=True, placeholder=fmt.MISSING, column_config={
        "Lenke": st.column_config.LinkColumn(display_text="Åpne"),
        "Hva den sier": st.column_config.TextColumn(width="large")})
    for other in kb.other_forms:
        st.markdown(f"**{other.label}** – {other.law_now}. {other.note}")
