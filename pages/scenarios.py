"""Scenarier: the session's private workspace («sak») and its link; save the current view as a named scenario,
load, rename, delete, compare, export/import, share."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.scenarios.charts import comparison_figure
from ikt_model.scenarios.compare import compare
from ikt_model.scenarios.model import ScenarioError, ScenarioImportError, export_json, import_json, scenario_from_state
from ikt_model.scenarios.store import shared_scenario_store
from ikt_model.store.faults import StoreUnavailable
from ikt_model.ui import session, share
from ikt_model.ui import workspace as sak
from ikt_model.ui.text import markdown_escape
from ikt_model.ui.widgets import check_upload
from ikt_model.workspaces import WorkspaceError, shared_workspaces

PENDING_DELETE = "scen_pending_delete"
FLASH = "scen_flash"
SELECT_NEXT = "scen_select_next"


def flash(message: str, select: str | None = None) -> None:
    """A message for the next run, and optionally the scenario to select in the list then."""
    st.session_state[FLASH] = message
    if select is not None:
        st.session_state[SELECT_NEXT] = select


def load_into_session(scenario) -> None:
    st.session_state[session.PROFILE] = scenario.profile
    session.set_weights(st.session_state, scenario.weights, scenario.weights_source)
    st.session_state[session.OVERRIDES] = dict(scenario.overrides)


def writable_store():
    """The store of the session's workspace, creating a private workspace on first save."""
    return shared_scenario_store(sak.ensure(st.session_state, workspaces))


def workspace_section() -> None:
    """Which workspace this session works in, its link (shown once, with the warning), renew, open another."""
    st.subheader("Saken")
    kind, text = st.session_state.pop(sak.NOTICE, (None, None))
    if kind:
        (st.success if kind == "success" else st.error)(markdown_escape(text))
    workspace = sak.current(st.session_state)
    if workspace is None:
        st.info("Scenariene du lagrer, havner i en privat sak som bare de som har sakens lenke, kan åpne. "
                "Saken lages når du lagrer det første scenarioet.", icon=":material/lock:")
    else:
        created = workspace.created.strftime("%d.%m.%Y %H:%M")
        renewed = f", ny lenke {workspace.renewed.strftime('%d.%m.%Y %H:%M')}" if workspace.renewed else ""
        st.caption(f"Du arbeider i en privat sak (opprettet {created}{renewed}). Bare de som har sakens lenke, "
                   "ser scenariene her.")
        link = sak.link_to_show(st.session_state, share.app_base_url(st.context.url, "scenarier"))
        if link:
            with st.container(border=True, key="sak_link_box"):
                st.warning(f"{sak.WARNING} {sak.KEEP_ADVICE}", icon=":material/key:")
                st.code(link, language=None, wrap_lines=True)
                if st.button(sak.KEPT_LABEL, key="sak_link_kept"):
                    sak.forget_link(st.session_state)
                    st.rerun()
        left, right = st.columns(2)
        if left.button("Lag ny lenke til saken", key="sak_renew",
                       help="Den gamle lenken slutter å virke med en gang."):
            try:
                sak.renew(st.session_state, workspaces)
                flash("Saken har fått ny lenke. Den gamle virker ikke lenger.")
            except WorkspaceError as exc:
                flash(markdown_escape(exc))
            st.rerun()
        if right.button("Lukk saken i denne økten", key="sak_leave",
                        help="Saken og scenariene blir liggende; lenken åpner den igjen."):
            sak.leave(st.session_state)
            st.rerun()
    with st.expander("Åpne en sak med lenke"):
        pasted = st.text_input("Lim inn lenken til saken", key="sak_paste", type="password",
                               help="Lenken ser slik ut: …/scenarier?sak=…")
        if st.button("Åpne saken", key="sak_open"):
            sak.open_link(st.session_state, pasted, workspaces)
            st.session_state.pop("sak_paste", None)
            st.rerun()


try:
    workspaces = shared_workspaces()  # one store connection per process, shared
except StoreUnavailable as exc:  # one Norwegian sentence; the details are in the server log
    st.title("Scenarier")
    st.error(exc.message)
    st.stop()
view = session.current(st.session_state)
profile, weights, source, overrides = view.profile, view.weights, view.weights_source, view.overrides

st.title("Scenarier")
st.caption("Lagre og sammenlign varianter av profil, vekter og egne vurderinger – for eksempel «med ROBEK» mot "
           "«uten», eller rapportens vekter (kap. 4.3) mot deres egne.")
if message := st.session_state.pop(FLASH, None):
    st.success(message)
workspace_section()
opened = sak.current(st.session_state)
try:
    store = shared_scenario_store(opened) if opened else None
except StoreUnavailable as exc:
    st.error(exc.message)
    st.stop()

# --- Save the current view ---------------------------------------------------------------------
st.subheader("Lagre det du ser nå")
st.caption(f"Profil: {markdown_escape(profile.name or 'uten navn')} · Vekter: "
           f"{markdown_escape(session.source_label(source))} · Egne vurderinger: {fmt.number(len(overrides))}")
with st.container(border=True):  # not a form: what is typed must survive a page switch
    name = st.text_input("Navn på scenarioet", max_chars=80, key="scen_name", persist_state="session",
                         placeholder="f.eks. Med ROBEK, rapportens vekter")
    overwrite = st.checkbox("Overskriv hvis navnet finnes", key="scen_overwrite", persist_state="session")
    if st.button("Lagre scenario", type="primary", key="scen_save"):
        try:
            scenario = scenario_from_state(name, profile, weights, source, overrides)  # refused before a sak is made
            saved = writable_store().save(scenario, overwrite=overwrite)
            flash(f"Lagret scenarioet «{markdown_escape(saved.name)}».", select=saved.name)
            st.rerun()
        except ScenarioError as exc:
            st.error(markdown_escape(session.user_message(exc)))

# --- Saved scenarios ---------------------------------------------------------------------------
st.subheader("Lagrede scenarier")
infos = store.list() if store else []
names = [i.name for i in infos]
if not infos:
    st.info("Ingen scenarier er lagret i saken ennå." if store else "Ingen scenarier er lagret ennå.")
else:
    st.dataframe([{"Navn": i.name, "Opprettet": i.created.strftime("%d.%m.%Y %H:%M"),
                   "Sist endret": i.updated.strftime("%d.%m.%Y %H:%M")} for i in infos],
                 hide_index=True, placeholder=fmt.MISSING, width="stretch",
                 column_config={"Navn": st.column_config.TextColumn("Navn", help="Vises som ren tekst")})
    if (wanted := st.session_state.pop(SELECT_NEXT, None)) in names:
        st.session_state["scen_chosen"] = wanted
    chosen = st.selectbox("Velg scenario", names, key="scen_chosen", persist_state="session")
    col_load, col_rename, col_delete = st.columns(3)
    with col_load:
        if st.button("Last inn", key="scen_load", help="Erstatter profil, vekter og egne vurderinger i økten"):
            try:
                load_into_session(store.get(chosen))
                flash(f"Lastet inn «{markdown_escape(chosen)}»: profil, vekter og egne vurderinger er byttet.")
                st.rerun()
            except ScenarioError as exc:
                st.error(markdown_escape(session.user_message(exc)))
    with col_rename:
        new_name = st.text_input("Nytt navn", key="scen_new_name", persist_state="session", max_chars=80)
        if st.button("Gi nytt navn", key="scen_rename"):
            try:
                renamed = store.rename(chosen, new_name)
                flash(f"Nytt navn: «{markdown_escape(renamed.name)}».", select=renamed.name)
                st.rerun()
            except ScenarioError as exc:
                st.error(markdown_escape(session.user_message(exc)))
    with col_delete:
        if st.button("Slett …", key="scen_delete"):
            st.session_state[PENDING_DELETE] = chosen
        pending = st.session_state.get(PENDING_DELETE)
        if pending:
            st.warning(f"Slette «{markdown_escape(pending)}» for godt?")
            yes, no = st.columns(2)
            if yes.button("Ja, slett", key="scen_delete_yes", type="primary"):
                st.session_state.pop(PENDING_DELETE, None)
                try:
                    store.delete(pending)
                    flash(f"Slettet «{markdown_escape(pending)}».")
                except ScenarioError as exc:
                    flash(markdown_escape(session.user_message(exc)))
                st.rerun()
            if no.button("Avbryt", key="scen_delete_no"):
                st.session_state.pop(PENDING_DELETE, None)
                st.rerun()

    try:
        selected = store.get(chosen)
        st.download_button("Eksporter valgt scenario (JSON)", export_json(selected), key="scen_export",
                           file_name=f"scenario-{''.join(c if c.isalnum() else '-' for c in chosen)[:40]}.json",
                           mime="application/json")
        link = share.share_url(share.app_base_url(st.context.url, "scenarier"), "sammenligning",
                               share.encode_state(selected.profile, selected.weights, selected.overrides))
        st.caption("Del lenke til valgt scenario (åpner sammenligningen med samme profil, vekter og vurderinger):")
        st.code(link, language=None, wrap_lines=True)
    except ScenarioError as exc:
        st.error(markdown_escape(session.user_message(exc)))

# --- Compare -----------------------------------------------------------------------------------
st.subheader("Sammenlign scenarier")
if len(names) < 2:
    st.caption("Lagre minst to scenarier for å sammenligne dem.")
else:
    picked = st.multiselect("Velg to eller tre scenarier", names, default=names[:2], max_selections=3,
                            key="scen_compare", persist_state="session", select_all=False)
    if len(picked) >= 2:
        try:
            result = compare([store.get(n) for n in picked])
        except ScenarioError as exc:
            st.error(markdown_escape(session.user_message(exc)))
        else:
            (st.info if result.same_winner else st.warning)(markdown_escape(result.summary()))
            cols = st.columns(len(result.results))
            for col, r in zip(cols, result.results, strict=False):
                with col.container(border=True):
                    st.caption(markdown_escape(r.name))
                    st.markdown(f"**{r.winner_label}**")
                    st.caption(("Delt førsteplass" if len(r.winner_keys) > 1 else "Vinner")
                               + f" · vektet sum {fmt.signed(r.winner_score)}")
            st.plotly_chart(comparison_figure(result), key="scen_compare_chart")
            st.caption("Rangering per scenario (tabell):")
            st.dataframe(result.rank_table(), hide_index=True, placeholder=fmt.MISSING, width="stretch")
            with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
                for d in spreadsheet.downloads(result.rank_rows(), "scenarier-rangering", sheet="Rangering"):
                    st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"scen_dl_{d.kind}",
                                       on_click="ignore", icon=":material/download:")
            st.caption("Hva som er forskjellig:")
            if result.changes:
                st.dataframe(result.change_rows(), hide_index=True, placeholder=fmt.MISSING, width="stretch")
            else:
                st.write("Scenariene er like.")
    else:
        st.caption("Velg minst to.")

# --- Import ------------------------------------------------------------------------------------
st.subheader("Importer scenario (JSON)")
upload = st.file_uploader("Velg en scenariofil eksportert herfra (høyst 1 MB)", type=None, key="scen_upload")
# type=None: the widget's own refusal is English; the file is checked here, in Norwegian
upload_problem = check_upload(upload.name, upload.size, ["json"], 1_000_000) if upload is not None else None
if upload_problem:
    st.error(f"Filen ble ikke importert, ingenting er endret: {markdown_escape(upload_problem)}")
elif upload is not None:
    try:
        incoming = import_json(upload.getvalue())
    except ScenarioImportError as exc:
        st.error(f"Filen ble ikke importert, ingenting er endret: {markdown_escape(session.user_message(exc))}")
    else:
        st.info(f"Filen inneholder scenarioet «{markdown_escape(incoming.name)}» "
                f"({fmt.plural(len(incoming.overrides), 'egen vurdering', 'egne vurderinger')}).")
        import_name = st.text_input("Lagre som", value=incoming.name, key="scen_import_name",
                                    persist_state="session", max_chars=80)
        if st.button("Importer", key="scen_import"):
            try:
                saved = writable_store().save(scenario_from_state(import_name, incoming.profile, incoming.weights,
                                                       incoming.weights_source, incoming.overrides,
                                                       method=incoming.method))
                flash(f"Importerte «{markdown_escape(saved.name)}».", select=saved.name)
                st.rerun()
            except ScenarioError as exc:
                st.error(markdown_escape(session.user_message(exc)))

# --- Share the current view --------------------------------------------------------------------
st.subheader("Del lenke")
current_link = share.share_url(share.app_base_url(st.context.url, "scenarier"), "sammenligning",
                               share.encode_state(profile, weights, overrides))
st.caption("Lenken gjenskaper profil, vekter og egne vurderinger slik de er nå, på siden Sammenligning:")
st.code(current_link, language=None, wrap_lines=True)
