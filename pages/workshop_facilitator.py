"""Workshop, facilitator view (projector): create, share code/QR, open/close, reveal, live group result."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.store.faults import StoreUnavailable
from ikt_model.ties import join_names
from ikt_model.ui import session
from ikt_model.ui.text import markdown_escape
from ikt_model.workshop import LIMITS, METHOD_LABELS, WorkshopError, access, aggregation, charts, qr, view
from ikt_model.workshop.live import shared_live_views
from ikt_model.workshop.repository import shared_repository

REFRESH_SECONDS = 2
WS_ID, WS_KEY = "ws_facilitator_id", "ws_facilitator_key"


try:
    repo = shared_repository()  # one store connection per process, shared
    live = shared_live_views()  # one group result per change for the whole room
except StoreUnavailable as exc:  # one Norwegian sentence; the details are in the server log
    st.title("Workshop – fasilitator")
    st.error(exc.message)
    st.stop()

projector = st.session_state.get("ws_projector", False)
if not projector:
    st.title("Workshop – fasilitator")

# A private facilitator link (?workshop=<id>&key=<secret>) signs this browser session in, then the
# key is removed from the address bar so it is not shown on the projector.
params = st.query_params
if "workshop" in params or "key" in params:
    pair = view.parse_facilitator_link(f"workshop={params.get('workshop', '')}&key={params.get('key', '')}")
    try:
        if pair is None:
            raise WorkshopError("Fasilitatorlenken er ufullstendig.")
        repo.workshop(*pair)
        st.session_state[WS_ID], st.session_state[WS_KEY] = pair
    except WorkshopError as exc:
        st.error(f"{markdown_escape(session.user_message(exc))} Sjekk at du har limt inn hele lenken.")
    for name in ("workshop", "key"):
        if name in st.query_params:
            del st.query_params[name]


def current_workshop():
    if WS_ID not in st.session_state:
        return None
    try:
        return repo.workshop(st.session_state[WS_ID], st.session_state[WS_KEY])
    except WorkshopError:
        st.session_state.pop(WS_ID, None)
        st.session_state.pop(WS_KEY, None)
        st.warning("Workshopen finnes ikke lenger (slettet?). Opprett en ny.")
        return None


def create_form() -> None:
    profile = st.session_state[session.PROFILE]
    st.write("Deltakerne vekter de tolv suksessfaktorene (rapporten 3.1 og 4.3) på mobilen. "
             "Du viser gruppens vekter, hvor dere er uenige og rangeringen av de tolv alternativene på projektoren.")
    with st.container(border=True):  # not a form: a half-typed title must survive a page switch
        title = st.text_input("Tittel på workshopen", max_chars=LIMITS.title_max, key="ws_title",
                              persist_state="session",
                              placeholder="F.eks. «IKT-styring – kommunedirektørmøtet»")
        method = st.radio("Vektemetode", list(METHOD_LABELS), format_func=METHOD_LABELS.get, horizontal=True,
                          key="ws_method", persist_state="session")
        st.caption(f"Samarbeidets profil fra «Samarbeidet»: {markdown_escape(view.profile_summary(profile))}")
        if st.button("Opprett workshop", type="primary", key="ws_create"):
            try:
                workshop, key = repo.create(title, method, profile)
            except WorkshopError as exc:
                st.error(markdown_escape(session.user_message(exc)))
                return
            st.session_state[WS_ID], st.session_state[WS_KEY] = workshop.id, key.get_secret_value()
            st.rerun()
    with st.expander("Fortsett en workshop du har opprettet"):
        link = st.text_input("Lim inn den private fasilitatorlenken", key="ws_link", type="password")
        if st.button("Åpne workshop"):
            pair = view.parse_facilitator_link(link)
            try:
                if pair is None:
                    raise WorkshopError("Det ser ikke ut som en fasilitatorlenke.")
                repo.workshop(*pair)
            except WorkshopError as exc:
                st.error(markdown_escape(session.user_message(exc)))
            else:
                st.session_state[WS_ID], st.session_state[WS_KEY] = pair
                st.rerun()


def use_group_weights(result, workshop) -> None:
    """«Bruk gruppens vekter», drawn inside the live view so it follows the live result."""
    if st.button("Bruk gruppens vekter", key="ws_use_weights", width="stretch", disabled=result is None,
                 help="Gruppens vekter blir gjeldende vekter på Sammenligning og Robusthet."):
        session.set_weights(st.session_state, result.weights_as_points(), session.WORKSHOP)
        st.session_state[session.WORKSHOP_RESULT] = {
            "title": workshop.title, "participants": result.participants, "method": workshop.method,
            "dissent": result.dissent(), "workshop_id": workshop.id}
    # said for as long as they are the weights in use: the live view redraws itself every few seconds, and a
    # message shown only in the run of the click was gone before it was read (a fresh tester)
    used = st.session_state.get(session.WORKSHOP_RESULT) or {}
    if used.get("workshop_id") == workshop.id and st.session_state.get(session.WEIGHTS_SOURCE) == session.WORKSHOP:
        st.success(f"Gruppens vekter ({fmt.plural(used['participants'], 'svar', 'svar')}) brukes nå på "
                   "Sammenligning og Robusthet.")


def read_live(workshop_id: str, key: str, aggregate: str):
    """(workshop, votes, group result) for a live view, or None after saying in Norwegian why not."""
    try:
        current = repo.workshop(workshop_id, key)
        snapshot = live.facilitator(workshop_id, key, aggregate)  # re-read only after a change
    except StoreUnavailable as exc:
        st.error(exc.message)
        return None
    except WorkshopError:
        st.warning("Workshopen finnes ikke lenger.")
        return None
    return current, snapshot.votes, snapshot.result


@st.fragment(run_every=REFRESH_SECONDS)
def projector_view(workshop_id: str, key: str, aggregate: str) -> None:
    """The live result in large type for the projector: fits 1280×720 with the code and QR beside it."""
    read = read_live(workshop_id, key, aggregate)
    if read is None:
        return
    current, votes, result = read
    status = "åpen" if current.voting_open else "stengt"
    st.markdown(f"<p class='ws-big'>{fmt.plural(len(votes), 'svar', 'svar')} · avstemningen er {status}</p>",
                unsafe_allow_html=True)
    if result is None:
        st.markdown("<p class='ws-big'>Venter på de første svarene …</p>", unsafe_allow_html=True)
        return
    firsts = [r for r in result.ranking if r.rank == 1]
    best = join_names(view.escape_html(r.label) for r in firsts) + (" (likt)" if len(firsts) > 1 else "")
    st.markdown(f"<p class='ws-best'>Best med gruppens vekter: <b>{best}</b></p>", unsafe_allow_html=True)
    st.plotly_chart(charts.ranking_figure(result, height=470), key="ws_projector_ranking",
                    config={"displayModeBar": False, "staticPlot": True},
                    alt="Søylediagram: rangering av de tolv alternativene med gruppens vekter")


@st.fragment(run_every=REFRESH_SECONDS)
def live_view(workshop_id: str, key: str, aggregate: str) -> None:
    """Re-reads the store every few seconds; only this part of the page refreshes."""
    read = read_live(workshop_id, key, aggregate)
    if read is None:
        return
    current, votes, result = read
    st.info(view.status_line(current, len(votes)))
    left, right = st.columns([1, 2])
    left.metric("Antall svar", fmt.number(len(votes)))
    with right:
        use_group_weights(result, current)
    if result is None:
        st.write("Venter på de første svarene …")
        return
    st.markdown(f"**Dagsorden – mest uenighet om:** {view.escape_md(view.agenda_text(result))}")
    st.markdown(f"**Best med gruppens vekter:** {view.escape_md(view.best_text(result))}")
    left, right = st.columns(2)
    left.plotly_chart(charts.group_weights_figure(result), key="ws_chart_weights",
                      alt="Søylediagram: gruppens vekt per faktor")
    right.plotly_chart(charts.disagreement_figure(result), key="ws_chart_spread",
                       alt="Søylediagram: uenighet per faktor, mest omstridt først")
    left.plotly_chart(charts.ranking_figure(result), key="ws_chart_ranking",
                      alt="Søylediagram: rangering av de tolv alternativene med gruppens vekter")
    right.plotly_chart(charts.winners_figure(result), key="ws_chart_winners",
                       alt="Søylediagram: antall deltakere som har hvert alternativ som vinner")
    if st.toggle("Vis enkeltstemmer (bare for fasilitator – ikke på projektoren)", key="ws_show_votes"):
        # each share column named by its factor on hover, wide enough for a sort arrow beside «F12»
        st.dataframe(view.votes_table(votes), hide_index=True, placeholder=fmt.MISSING, column_config={
            column: st.column_config.NumberColumn(help=name, width=76)
            for column, name in view.votes_column_names(result).items()})


workshop = current_workshop()
if workshop is None:
    create_form()
    st.stop()

key = st.session_state[WS_KEY]
page_url = st.context.url
join_url = view.participant_url(page_url, workshop.code)
st.toggle("Projektormodus", key="ws_projector",
          help="Kode, QR-kode og live-resultat i stor skrift på én skjerm; styringen skjules. Slå av for å styre.")

if projector:  # code, QR and the live result only, in large type; the controls are hidden
    st.html(f"<style>{view.PROJECTOR_CSS}</style>")
    code_col, live_col = st.columns([1, 2.3], gap="large")
    with code_col:
        st.markdown(f"<p class='ws-title'>{view.escape_html(workshop.title)}</p>"
                    "<p class='ws-big'>Kode for å delta</p>"
                    f"<p class='ws-code'>{access.format_code(workshop.code)}</p>", unsafe_allow_html=True)
        st.image(qr.qr_png(join_url, box_size=8), width=230, alt=f"QR-kode til {join_url}")
        st.markdown(f"<p class='ws-url'>{view.escape_html(join_url)}</p>", unsafe_allow_html=True)
    with live_col:
        projector_view(workshop.id, key, st.session_state.get("ws_aggregate", "mean"))
    st.stop()

st.header(markdown_escape(workshop.title), anchor=False)
share, controls = st.columns([3, 2])
with share:
    st.markdown("### Kode for å delta")
    st.markdown(f"# {access.format_code(workshop.code)}")
    st.write("Skann QR-koden eller åpne adressen under på mobilen:")
    st.code(join_url, language=None, wrap_lines=True)
    st.image(qr.qr_png(join_url, box_size=8), width=260,
             caption="QR-kode til deltakersiden", alt=f"QR-kode til {join_url}")
with controls:
    st.subheader("Styring")
    if workshop.voting_open:
        if st.button("Steng avstemningen", type="primary", width="stretch"):
            repo.set_voting_open(workshop.id, key, False)
            st.rerun()
    elif st.button("Åpne avstemningen", type="primary", width="stretch"):
        repo.set_voting_open(workshop.id, key, True)
        st.rerun()
    if workshop.revealed:
        if st.button("Skjul resultatet for deltakerne", width="stretch"):
            repo.set_revealed(workshop.id, key, False)
            st.rerun()
    elif st.button("Vis resultatet for deltakerne", width="stretch"):
        repo.set_revealed(workshop.id, key, True)
        st.rerun()
    aggregate = st.radio("Gruppens vekter", list(aggregation.AGGREGATE_LABELS), key="ws_aggregate",
                         persist_state="session",
                         format_func=aggregation.AGGREGATE_LABELS.get, horizontal=True,
                         help="Gjennomsnitt av hver deltakers normaliserte vekter, eller geometrisk "
                              "gjennomsnitt (normalisert igjen). Geometrisk demper ytterpunkter.")
    with st.expander("Privat fasilitatorlenke"):
        st.warning("Hold denne lenken privat – den gir full kontroll over workshopen "
                   "(se enkeltstemmer, stenge, eksportere, slette). Ikke vis den på projektoren. "
                   "Lagre den: du trenger den for å komme tilbake hvis du lukker fanen.")
        st.code(view.facilitator_link(page_url, workshop.id, key), language=None, wrap_lines=True)


def export_data(workshop_id: str, key: str, aggregate: str, kind: str):
    """A download's data, made when the button is pressed: the votes the live view shows then, not the
    votes of this run (the live view refreshes by itself, this part of the page does not)."""
    return lambda: live.export(workshop_id, key, aggregate, kind)


with controls:
    # one row that wraps, each button as wide as its label (three columns cut the labels at 1280 px)
    with st.container(horizontal=True, gap="xsmall"):
        st.download_button("Eksport CSV", export_data(workshop.id, key, aggregate, "csv"),
                           file_name=f"workshop-{workshop.code}.csv", mime="text/csv", width="content",
                           on_click="ignore", help="For Excel: semikolon og desimalkomma")
        st.download_button("Eksport Excel", export_data(workshop.id, key, aggregate, "xlsx"),
                           file_name=f"workshop-{workshop.code}.xlsx", mime=spreadsheet.XLSX_MIME,
                           width="content", on_click="ignore")
        st.download_button("Eksport JSON", export_data(workshop.id, key, aggregate, "json"),
                           file_name=f"workshop-{workshop.code}.json", mime="application/json",
                           width="content", on_click="ignore")
    with st.expander("Slett workshopen"):
        sure = st.checkbox("Ja, slett workshopen og alle stemmene for godt", key="ws_delete_sure")
        if st.button("Slett", disabled=not sure, type="primary"):
            repo.delete(workshop.id, key)
            st.session_state.pop(WS_ID)
            st.session_state.pop(WS_KEY)
            st.rerun()


st.divider()
st.subheader("Live-resultat")
st.caption(f"Oppdateres automatisk hvert {REFRESH_SECONDS}. sekund. Vekter på faktorene fra rapporten 3.1 og 4.3; "
           "rangeringen bruker rapportens vurderinger (4.2) og samarbeidets profil.")
live_view(workshop.id, key, aggregate)
