"""«Sammenligning»: the 12 alternatives ranked, explained with the report's own words."""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.decision.charts import factor_difference, factor_heatmap, factor_key, model_form_heatmap, ranking_bar
from ikt_model.decision.lead import agreement_note, leaders_named, read_lead, sum_explained
from ikt_model.decision.views import NO_STRONGEST, ranking_table
from ikt_model.ui import fragments, live_chart, reason_cards, session, widgets
from ikt_model.ui.comparison_parts import (
    EXPLAIN,
    EXPLAIN_CHOICE,
    advice_shown,
    caption_text,
    details_shown,
    explain_options,
    explain_shown,
    notes_shown,
)
from ikt_model.ui.text import markdown_cells, markdown_escape

SEVERITY = {"error": st.error, "warning": st.warning, "info": st.info}
WHATIF = {"host_on_robek": "Vertskommunen havner på ROBEK",
          "board_of_chief_executives": "Styret består av kommunedirektørene",
          "sells_services_to_others": "Strategi om å selge tjenester til andre"}

CHART_CONFIG = {"displayModeBar": False}
# The charts that follow the weights are updated in place on a weight change (ikt_model/ui/live_chart.py)
live = st.components.v2.component(live_chart.NAME, js=live_chart.JS, css=live_chart.CSS, isolate_styles=False)
BASE_URL = st.get_option("server.baseUrlPath")


def chart(figure: dict, key: str) -> None:
    """One live chart (`figure`: a plotly figure spec) under its widget key."""
    live(key=key, data=live_chart.payload(figure, CHART_CONFIG, key=key, base_url_path=BASE_URL))


# The parts of the page that depend on the weights or the profile, as keyed fragments: a weight change in
# the sidebar (app.py) or a what-if here reruns only these; the title, the what-if switches, the texts on
# the organisation forms and the captions that do not change stay as they are.
CAPTION, ADVICE, LEAD, NOTES, RANKING, GRID, PICK, WHY, DETAILS = (
    "cmp_caption", "cmp_advice", "cmp_lead", "cmp_notes", "cmp_ranking", "cmp_grid", "cmp_pick", "cmp_why",
    "cmp_details")
WHY_OPEN, WHY_KEPT = "cmp_why_open", "cmp_why_kept"  # the «Hvorfor?» expander's state, and as last left
# A link from inside a fragment names the page as app.py registers it (a fragment rerun does not run
# st.navigation, so a link by file name alone cannot always be resolved).
ROBUSTNESS = st.Page("pages/robustness.py", title="Robusthet", url_path="robusthet")


# Each weighted part is redrawn on a weight change only when it depends on the weights, or when what it shows
# changed (the caption's weight source, the ranks in «Forklar alternativ»): every element sent again is laid
# out again by the browser (issue 14)
fragments.set_weighted_fragments(st.session_state, CAPTION, ADVICE, LEAD, NOTES, RANKING, GRID, PICK, WHY, DETAILS,
                               when_changed={CAPTION: caption_text, ADVICE: advice_shown, NOTES: notes_shown,
                                             PICK: explain_shown, DETAILS: details_shown})

view = session.current(st.session_state)
profile, kb = view.profile, view.kb
if view.problem:
    st.error(markdown_escape(view.problem))


def _rerun_weighted() -> None:
    """A profile change reruns the page's weighted fragments and the sidebar's share link, not the app (nor the
    weight set: the weights did not change); the whole app when the run is for another page (the run context
    tells which: a callback runs before st.navigation)."""
    ctx = get_script_run_ctx()
    page = ctx.page_script_hash if ctx is not None else None
    st.rerun(fragments.rerun_targets(st.session_state, page=page, sliders=False, weight_set=False) or "app")


def _whatif(field: str) -> None:
    current = st.session_state[session.PROFILE]
    st.session_state[session.PROFILE] = current.model_copy(update={field: st.session_state[f"whatif_{field}"]})
    _rerun_weighted()


def _transition_changed() -> None:
    current = st.session_state[session.PROFILE]
    value = st.session_state["whatif_transition_weight"] / 100
    st.session_state[session.PROFILE] = current.model_copy(update={"transition_weight": value})
    _rerun_weighted()


st.title("Sammenligning av alternativene")


@st.fragment(key=CAPTION)
def caption() -> None:
    text = caption_text(st.session_state)
    st.caption(text)
    fragments.record_drawn(st.session_state, CAPTION, text)


caption()
# Outside the fragments: the switches keep their own state. Drawn only while open: a page switch does not lay
# out three switches nobody opened (issue 14).
whatif_box = st.expander("Hva om …? (endrer profilen)", key="cmp_whatif_open", on_change="rerun")
if whatif_box.open:
    with whatif_box:
        for field, label in WHATIF.items():
            st.session_state[f"whatif_{field}"] = getattr(profile, field)
            st.toggle(label, key=f"whatif_{field}", on_change=_whatif, args=(field,))
        st.page_link("pages/profile.py", label="Endre hele profilen", icon=":material/edit_note:")


@st.fragment(key=ADVICE)
def advice() -> None:
    """The report's advice for the profile, with its words."""
    section, text, quote = shown = advice_shown(st.session_state)
    st.markdown(f"**Rapportens råd (kap. {section}):** {text}")
    st.caption(f"«{quote}»")
    fragments.record_drawn(st.session_state, ADVICE, shown)


@st.fragment(key=LEAD)
def lead() -> None:
    """The top of the ranking and how clear it is, and where it parts from the report's advice."""
    view = session.current(st.session_state)
    result, kb = view.evaluation, view.kb
    winners = result.winners
    names = leaders_named(result)
    tie = " (likt)" if len(winners) > 1 else ""
    reading = read_lead(result, {f.id: f.label for f in kb.factors})
    near = (f" (nesten likt med {' og '.join(reading.leaders[1:])})" if reading.closeness == "nesten_likt"
            else "")
    st.markdown(f"Høyest rangert med disse vektene: {names}{tie}{near} · vektet sum "
                f"{fmt.signed(winners[0].score, result.sum_decimals)} – **{reading.label.lower()}**")
    st.caption(f"{reading.text} {sum_explained(result)}")
    if reading.closeness in ("likt", "nesten_likt"):
        st.page_link(ROBUSTNESS, label="Se hvor ofte hvert alternativ vinner når vektene varierer",
                     icon=":material/explore:")
    if result.disagreement:
        st.info(result.disagreement, icon=":material/info:")
    elif note := agreement_note(result):
        st.caption(note)


@st.fragment(key=NOTES)
def notes() -> None:
    """The profile's warnings, and the report's advice for it (drawn only while open)."""
    result = session.current(st.session_state).evaluation
    for warning in result.warnings:
        if warning.severity != "info":
            SEVERITY[warning.severity](f"{warning.message} (kap. {warning.section})", icon=":material/warning:")
    advice = [w for w in result.warnings if w.severity == "info"]
    if advice:  # the list is drawn only while open (opening reruns this part): not rebuilt on every weight change
        folded = st.expander(f"Råd fra rapporten for denne profilen ({len(advice)})", key="cmp_advice_open",
                             on_change="rerun")
        if folded.open:
            with folded:
                for item in advice:
                    st.markdown(f"- {item.message} (kap. {item.section})")
    fragments.record_drawn(st.session_state, NOTES, notes_shown(st.session_state))


with st.container(border=True):  # the advice and the ranking's lead, in one frame
    advice()
    lead()
notes()
if profile.status != "new":  # outside the fragments: the slider keeps its own state
    st.session_state["whatif_transition_weight"] = round(profile.transition_weight * 100)
    st.slider("Vekt på omstillingskostnad (%)", 0, 200, step=10, key="whatif_transition_weight",
              on_change=_transition_changed,
              help="Å endre det som finnes koster (4.1, 4.2). 100 % er standarden: da holder rapportens råd for "
                   "samarbeid som fungerer (behold formen). 0 % ser bort fra kostnaden.")


@st.fragment(key=RANKING)
def ranking() -> None:
    view = session.current(st.session_state)
    chart(ranking_bar(view.evaluation, view.kb), "ranking_chart")


@st.fragment(key=GRID)
def grid() -> None:
    view = session.current(st.session_state)
    chart(model_form_heatmap(view.evaluation, view.kb), "heatmap_chart")


ranking()
st.caption(f"Summen består av styringsmodell, organisasjonsform og samspill (formens deler teller "
           f"{fmt.percent(kb.parameter('form_weight', 1.0))} av modellens, 4.2: «Endring av styringsmodell ... er "
           "det viktigste»), kontekst fra profilen og, for et eksisterende samarbeid, omstillingskostnaden.")
grid()
forms_now = st.expander("Organisasjonsformene i 2026 (rapportens begrep i parentes)", key="cmp_forms_open",
                        on_change="rerun")  # drawn only while open: a page switch does not lay out ten texts unseen
if forms_now.open:
    with forms_now:
        for form in kb.forms:
            sources = ", ".join(f"[{kb.legal_source(x).publisher}]({kb.legal_source(x).url})" for x in form.legal_ids)
            st.markdown(f"**{form.label}** ({form.report_term}) – {form.law_now}. {form.note_now}"
                        + (f" Kilde: {sources}." if sources else ""))
        st.markdown("**Vises som informasjon, ikke som alternativ** (rapporten har ingen vurdering av dem):")
        for other in kb.other_forms:
            st.markdown(f"- **{other.label}** – {other.law_now}. {other.note}")

@st.fragment(key=PICK)
def pick() -> None:
    """The alternative to explain: today's best until the user picks another; the labels carry today's ranks
    (nothing while «Hvorfor?» is closed)."""
    if not st.session_state.get(WHY_OPEN):
        return
    labels, value = explain_options(st.session_state)
    st.session_state[EXPLAIN] = value  # the label (with its rank) follows every weight change
    st.selectbox("Forklar alternativ", list(labels), format_func=labels.get, key=EXPLAIN, on_change=_picked)
    fragments.record_drawn(st.session_state, PICK, explain_shown(st.session_state))


def _picked() -> None:
    """A pick of the user's: kept, and the explanation below redrawn (not the whole page)."""
    widgets.remember_choice(st.session_state, EXPLAIN, EXPLAIN_CHOICE)
    fragments.record_drawn(st.session_state, PICK, explain_shown(st.session_state))  # the browser shows the pick
    ctx = get_script_run_ctx()
    st.rerun(fragments.fragments_or_app(st.session_state, ctx.page_script_hash if ctx else None, [WHY]))


@st.fragment(key=WHY)
def why() -> None:
    """The chosen alternative's strongest reasons for and against and the difference to the best (nothing while
    «Hvorfor?» is closed)."""
    if not st.session_state.get(WHY_OPEN):
        return
    view = session.current(st.session_state)
    result, kb = view.evaluation, view.kb
    chosen = explain_options(st.session_state)[1]
    chosen_row = next(r for r in result.ranking if r.alternative.key == chosen)
    st.html(reason_cards.reason_cards(chosen_row))
    for note in chosen_row.notes:
        st.info(f"{note.message} (kap. {note.section})")

    best = result.best
    other = chosen_row.alternative if chosen_row.alternative != best.alternative else result.ranking[1].alternative
    chart(factor_difference(result, kb, best.alternative, other), "difference_chart")


@st.fragment(key=DETAILS)
def details() -> None:
    """Every score per factor and the ranking table, while «Vis alle poeng» is on (built only on demand)."""
    fragments.record_drawn(st.session_state, DETAILS, details_shown(st.session_state))
    if not st.session_state.get("show_details"):
        return
    view = session.current(st.session_state)
    result, kb = view.evaluation, view.kb
    chart(factor_heatmap(result, kb), "factor_heatmap")
    st.caption(markdown_escape(factor_key(kb)))
    # a plain table, drawn with the rest of the page on a weight change: a data grid (st.dataframe) laid its
    # cells out again after the page had settled, 0,42 s against 0,24 s to settle (issue 14)
    table = ranking_table(result)
    decimals = {"Sum": max(3, result.sum_decimals)}
    st.table(markdown_cells(fmt.table(table, decimals=decimals, signed_columns=("Sum",))), hide_index=True)
    st.caption("«Sterkeste grunn for» og «mot»: faktoren som trekker summen mest opp og mest ned, med alle "
               "delene av faktoren lagt sammen (styringsmodell, organisasjonsform, samspill og kontekst). "
               f"Kortene over viser delene hver for seg. «{NO_STRONGEST}»: ingen faktor trekker den veien.")
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(table, "rangering", sheet="Rangering"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"cmp_dl_{d.kind}",
                               on_click="ignore", icon=":material/download:")


# The reasons are drawn only while their expander is open, and it stays as the user left it on the next visit:
# a page switch to «Sammenligning» does not lay out the cards, the select box and a chart unseen (issue 14).
widgets.reopen(st.session_state, WHY_OPEN, WHY_KEPT)
with st.expander("Hvorfor? De sterkeste grunnene, med rapportens ord", key=WHY_OPEN,
                 on_change=widgets.keep_open, args=(st.session_state, WHY_OPEN, WHY_KEPT)):
    pick()
    why()
# outside the fragments: a weight change does not redraw the switch (what it opens is the fragment below)
st.toggle("Vis alle poeng per faktor og tabell", key="show_details", persist_state="session")
details()
st.caption("Poengene er data med kilde og sitat: se «Kunnskapsgrunnlag», der du også kan overstyre en vurdering.")
