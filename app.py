"""Entry point: `streamlit run app.py`. Registers the pages and the shared sidebar.

Pages live in pages/ and are registered explicitly (st.navigation turns off
auto-discovery). Shared state (profile, weights, overrides) is initialised here,
once per session, so every page finds it.
"""

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ikt_model import format as fmt
from ikt_model.config import REPO_ROOT
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.weights import PRESET_LABELS, WeightsError, preset
from ikt_model.store.faults import StoreUnavailable
from ikt_model.ui import address_bar, fragments, reveal, session
from ikt_model.ui import workspace as sak
from ikt_model.ui.browser_labels import norwegian_page_block
from ikt_model.ui.long_options import LONG_OPTIONS_CSS
from ikt_model.ui.refusal import Refusal
from ikt_model.ui.share import QUERY_PARAM, apply_share_value, encode_state
from ikt_model.ui.slider_ends import SLIDER_ENDS_CSS
from ikt_model.ui.text import markdown_escape
from ikt_model.ui.widgets import LINK_BOX_CSS, NORWEGIAN_WIDGETS_CSS, WIDE_TABLE_CSS, server_value_key, widget_key
from ikt_model.workspaces import shared_workspaces

st.set_page_config(page_title="IKT-samarbeid – beslutningsstøtte", page_icon=str(REPO_ROOT / "static" / "favicon.png"),
                   layout="wide")

PAGES = {
    "Beslutning": [
        st.Page("pages/home.py", title="Start", icon=":material/home:", url_path="start", default=True),
        st.Page("pages/profile.py", title="Samarbeidet", icon=":material/edit_note:", url_path="samarbeidet"),
        st.Page("pages/comparison.py", title="Sammenligning", icon=":material/leaderboard:", url_path="sammenligning"),
        st.Page("pages/robustness.py", title="Robusthet", icon=":material/explore:", url_path="robusthet"),
        st.Page("pages/pairwise.py", title="Parvise vekter (AHP)", icon=":material/balance:", url_path="parvis"),
    ],
    "Workshop": [
        st.Page("pages/workshop_facilitator.py", title="Workshop (fasilitator)", icon=":material/co_present:",
                url_path="workshop"),
        st.Page("pages/workshop_participant.py", title="Delta i workshop", icon=":material/smartphone:",
                url_path="delta"),
    ],
    "Saksbehandling": [
        st.Page("pages/scenarios.py", title="Scenarier", icon=":material/folder_open:", url_path="scenarier"),
        st.Page("pages/memo.py", title="Beslutningsnotat", icon=":material/description:", url_path="notat"),
        st.Page("pages/costs.py", title="Kostnadsfordeling", icon=":material/payments:", url_path="kostnader"),
    ],
    "Nasjonal oversikt": [
        st.Page("pages/overview.py", title="Nasjonal oversikt", icon=":material/public:", url_path="oversikt"),
        st.Page("pages/map_view.py", title="Kart", icon=":material/map:", url_path="kart"),
        st.Page("pages/similar.py", title="Lignende samarbeid", icon=":material/travel_explore:", url_path="lignende"),
        st.Page("pages/sql_console.py", title="SQL", icon=":material/terminal:", url_path="sql"),
    ],
    "Kilder": [
        st.Page("pages/knowledge_base.py", title="Kunnskapsgrunnlag", icon=":material/menu_book:",
                url_path="kunnskapsgrunnlag"),
        st.Page("pages/about.py", title="Om", icon=":material/info:", url_path="om"),
    ],
}

WEIGHTED_PAGES = {"sammenligning", "robusthet", "scenarier", "notat"}
# The weight panel is on «Samarbeidet» too, where the case is described: it then stays in the browser between
# «Samarbeidet» and «Sammenligning» (a page switch that draws twelve sliders anew costs ~100 ms on this kind of
# machine, one that keeps them ~30 ms: issue 14). «Samarbeidet» shows nothing that depends on the weights.
WEIGHT_PANEL_PAGES = WEIGHTED_PAGES | {"samarbeidet"}
address_bar_component = st.components.v2.component(address_bar.NAME, js=address_bar.JS)
reveal_component = st.components.v2.component(reveal.NAME, js=reveal.JS)  # scrolls a refusal into view


def _slider_key(factor_id: int) -> str:
    """The slider's base key; it is drawn under `server_value_key`'s key for it (a new one whenever the
    server sets its value: a preset, a refused change)."""
    return f"weight_slider_{factor_id}"


def _running_page() -> str | None:
    """The page this run is for (Streamlit's page id), None outside a run. A callback runs before
    st.navigation, and Streamlit has no public call for this: it is read from the run context."""
    ctx = get_script_run_ctx()
    return ctx.page_script_hash if ctx is not None else None


def _navigated_page() -> str | None:
    """The page st.navigation chose for this run (Streamlit's page id; the run context again), None outside
    a run."""
    ctx = get_script_run_ctx()
    return ctx.pages_manager.current_page_script_hash if ctx is not None else None


def _rerun_weight_fragments(*, sliders: bool = False, weight_set: bool = True) -> None:
    """End a weight callback with a rerun of only what depends on the weights: the sidebar's weight
    fragments (the sliders only when they must be redrawn, the weight set only when its source or a refusal
    changed) and the page's registered weighted fragments.
    A page without such fragments reruns whole (so do stale keys: the keyed rerun raises for them), and so
    does a run for another page than the one drawn (fragments.rerun_targets)."""
    targets = fragments.rerun_targets(st.session_state, page=_running_page(), sliders=sliders, weight_set=weight_set)
    if targets is not None:
        try:
            st.rerun(targets)
        except StreamlitAPIException:
            pass
    st.rerun()


WEIGHTS_REFUSED = "weights_refused"  # the Refusal shown, if any
REFUSAL_REVEALED = "weights_refusal_revealed"  # the number of the refusal last scrolled into view


def _apply_preset(key: str) -> None:
    if key != widget_key(st.session_state, "weight_preset"):
        return  # an old value from a box the server has replaced since: not the user's choice (server_value_key)
    name = st.session_state[key]
    if name in PRESET_LABELS:
        session.set_weights(st.session_state, preset(name), name)
    st.session_state.pop(WEIGHTS_REFUSED, None)
    _rerun_weight_fragments(sliders=True)


def _slider_changed(factor_id: int, key: str) -> None:
    """One slider (widget key `key`) moved: that factor's points change, the other factors keep their exact
    points (a weight set from AHP or a workshop is not rounded to the sliders' 0,1 steps). A value for a slider
    the server has replaced since is an old one the browser still showed, not a move: ignored."""
    if key != widget_key(st.session_state, _slider_key(factor_id)):
        return
    points = {**st.session_state[session.WEIGHTS].points, factor_id: st.session_state[key]}
    # the weight set box shows «Egendefinert» already: it stays as it is (one element less to send and lay out
    # on every further slider move)
    set_unchanged = st.session_state[session.WEIGHTS_SOURCE] == session.CUSTOM
    try:
        session.set_weights(st.session_state, points, session.CUSTOM)
    except WeightsError as exc:  # e.g. every weight at zero: keep the last valid weights (sliders redrawn)
        # above every count revealed so far: a refusal after a valid change is scrolled into view again
        count = st.session_state.get(REFUSAL_REVEALED, 0) + 1
        st.session_state[WEIGHTS_REFUSED] = Refusal(factor_id, session.user_message(exc),
                                                    st.session_state[session.WEIGHTS], count)
        _rerun_weight_fragments(sliders=True, weight_set=False)
        return
    # a refusal shown under a slider goes with the next valid change (the sliders redrawn once, without it)
    refused = st.session_state.pop(WEIGHTS_REFUSED, None) is not None
    _rerun_weight_fragments(sliders=refused, weight_set=not set_unchanged)


@st.fragment(key=fragments.WEIGHT_SET_FRAGMENT)
def weight_set() -> None:
    """The weight set in use (preset box) and where custom weights came from."""
    view = session.current(st.session_state)
    source = view.weights_source
    # a new key whenever the server changes what it shows (e.g. «Egendefinert» after a slider moved): see
    # ui.widgets.server_value_key
    options = [*PRESET_LABELS, session.CUSTOM]
    shown = source if source in PRESET_LABELS else session.CUSTOM
    key = server_value_key(st.session_state, "weight_preset", shown, as_default=True)
    st.selectbox("Vektsett", options, index=options.index(shown), key=key, on_change=_apply_preset, args=(key,),
                 format_func=session.source_label,
                 help="Rapportens vektsett bygger på dens prioriterte rekkefølge av faktorene (3.1, 4.3): den "
                          "viktigste får mest vekt, og vekten avtar nedover listen. Metoden står på «Om».")
    if source not in PRESET_LABELS:
        st.caption(f"Kilde: {markdown_escape(view.source_label)}")


@st.fragment(key=fragments.WEIGHT_SLIDERS_FRAGMENT)
def weight_sliders() -> None:
    """The twelve sliders in points. Not redrawn when one of them moves (the browser shows the new value
    already); redrawn for a preset, a refused change (its message under the slider moved), the valid change
    after it and every full run. Numbers are shown in the
    browser's «localized» format, which the app's page pins to Norwegian (ui.widgets, scripts/serve.py).
    A slider whose value the server changes (a preset, a refused change) gets a new key: a page switch sent
    before the new value reached the browser then cannot bring the old value back as a change
    (ui.widgets.server_value_key)."""
    weights = session.current(st.session_state).weights
    refusal: Refusal | None = st.session_state.get(WEIGHTS_REFUSED)
    for f in default_knowledge_base().factors:
        value = weights.points[f.id]
        key = server_value_key(st.session_state, _slider_key(f.id), value, as_default=True)
        st.slider(f"{f.id}. {f.label}", 0.0, 100.0, value=value, step=0.1, format="localized", key=key,
                  on_change=_slider_changed, args=(f.id, key), help=f.description)
        # not after weights from elsewhere (a scenario, AHP)
        if refusal is not None and f.id == refusal.factor_id and refusal.kept is weights:
            st.error(f"Vektene ble ikke endret: {markdown_escape(refusal.message)}", icon=":material/block:")
            if st.session_state.get(REFUSAL_REVEALED) != refusal.number:  # once, on the run that refused
                st.session_state[REFUSAL_REVEALED] = refusal.number
                # the whole message in view
                reveal_component(key=f"{reveal.KEY}_refusal", data=reveal.payload(refusal.number))


@st.fragment(key=fragments.WEIGHT_SHARES_FRAGMENT)
def weight_shares() -> None:
    """Each factor's share of the total, and the address bar's share link kept in step (a fragment rerun
    does not reach the end of app.py, where a full run keeps it)."""
    view = session.current(st.session_state)
    st.caption("Andel av totalen: " + " · ".join(f"{f.id}: {fmt.percent(share)}" for f, share
                                                 in zip(default_knowledge_base().factors, view.fractions,
                                                        strict=False)))
    keep_share_link(address_bar.KEY + "_weights")


def weights_sidebar() -> None:
    """Sliders in points; the durable truth is session_state[WEIGHTS] (widget state dies on page switch).

    Three keyed fragments in one panel: a weight change reruns the weight set and the shares line (and
    the page's weighted fragments), not the whole app and not the twelve sliders."""
    # A panel the user can fold: the twelve sliders are long, and the page links stay above them.
    with st.sidebar.expander("Vekter på suksessfaktorene (poeng)", expanded=True, icon=":material/tune:"):
        weight_set()
        weight_sliders()
        weight_shares()


SHARE_SEEN = "share_link_seen"


def apply_share_link() -> None:
    """A pasted link (?s=...) reproduces the view; a bad or stale one falls back to defaults with a notice.

    Only on a session's first run: a pasted link always opens a new session, while later runs can
    still carry the previous ?s= (the URL update races a quick page switch) and must not undo the
    user's latest change.
    """
    if SHARE_SEEN in st.session_state:
        return
    incoming = st.query_params.get(QUERY_PARAM)
    st.session_state[SHARE_SEEN] = incoming or ""
    if incoming and (notice := apply_share_value(st.session_state, incoming)):
        st.toast(markdown_escape(notice), icon=":material/link_off:")


def keep_share_link(key: str = address_bar.KEY) -> None:
    """Keep the URL's ?s= in step with the state, so the address bar is always a share link: the browser
    replaces it in the current history entry (ui.address_bar), so neither a weight change nor a page switch
    adds a history entry of its own and Back goes to the previous page. `key`: the element's key (the
    sidebar's weight panel has its own, for the runs of its fragment)."""
    current = encode_state(st.session_state[session.PROFILE], st.session_state[session.WEIGHTS],
                           st.session_state[session.OVERRIDES])
    address_bar_component(key=key, data=address_bar.payload(current))


def open_workspace_link(page_path: str) -> None:
    """A workspace link (?sak=<id>.<secret>) opens the workspace for this session; the secret is removed
    from the URL at once, so it stays neither in the address bar nor in the browser's history."""
    if sak.LINK_PARAM not in st.query_params:
        return
    sak.open_from_query(st.session_state, st.query_params, shared_workspaces())
    if page_path != sak.PAGE and (notice := st.session_state.pop(sak.NOTICE, None)):
        st.toast(markdown_escape(notice[1]), icon=":material/folder_shared:")


session.init(st.session_state)
apply_share_link()
participant_view = session.is_participant_url(st.context.url)  # phones in a workshop: no app navigation
# expanded=True: every page link shows on every page (no «View N more» that hides half the menu)
page = st.navigation(PAGES, position="hidden" if participant_view else "sidebar", expanded=True)
# Norwegian where Streamlit's own widgets speak English, a cue on tables wider than the screen, links shown whole,
# a slider's ends shown without hover, long options whole (style sheet and page script, one block: sent once)
st.html(norwegian_page_block(NORWEGIAN_WIDGETS_CSS + WIDE_TABLE_CSS + LINK_BOX_CSS + SLIDER_ENDS_CSS + LONG_OPTIONS_CSS
                             + address_bar.CSS_HIDDEN + reveal.CSS_HIDDEN), unsafe_allow_javascript=True)
open_workspace_link(page.url_path)
if page.url_path in WEIGHT_PANEL_PAGES:
    weights_sidebar()
# the page registers its own, if it has any; a weight change on a page that shows no weights reruns the panel only
fragments.set_weighted_fragments(st.session_state, unweighted=page.url_path in WEIGHT_PANEL_PAGES - WEIGHTED_PAGES)
fragments.set_drawn_page(st.session_state, _navigated_page())  # whose fragments the page registers
if page.url_path != "samarbeidet" and not participant_view and (
        stale := session.stale_profile_notice(st.session_state)):
    st.warning(markdown_escape(stale), icon=":material/sync_problem:")
    st.page_link("pages/profile.py", label="Rett opp profilen på «Samarbeidet»", icon=":material/edit_note:")
# Every page but a workshop phone's keeps the case's link in the address bar: «Samarbeidet» tells users to keep
# that link, and one copied on «Kart» or «Kostnadsfordeling» must bring the case back too (a fresh tester lost it
# there). Before the page: a page may end with st.stop() («Kostnadsfordeling» without members), and the pages
# change the case in callbacks, which have run by now. A key per page: the same element on the next page would
# not run again, and Streamlit's page switch drops the query.
if not participant_view:
    keep_share_link(f"{address_bar.KEY}_{page.url_path or 'start'}")
try:
    page.run()
except StoreUnavailable as exc:  # a store fault mid-page: one Norwegian sentence, details in the server log
    st.error(exc.message)
