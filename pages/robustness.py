"""«Robusthet»: how sure is the recommendation? Stability intervals, walking weights and SMAA-2."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.decision.evaluation import alternative_label
from ikt_model.decision.registry import ALTERNATIVES, FACTOR_IDS
from ikt_model.decision.scoring import score_matrix
from ikt_model.numbers import WHOLE_NUMBER_PATTERN, NumberInputError, parse_whole_between, whole_number_hint
from ikt_model.robustness import charts, tables
from ikt_model.robustness.reading import (
    acceptability_reading,
    central_weight_choices,
    factor_intervals,
    interval_sentence,
    robustness_lead,
)
from ikt_model.robustness.sensitivity import leader, ranking_at, walk
from ikt_model.robustness.smaa import (
    DEFAULT_SAMPLES,
    DEFAULT_SCORE_MODE,
    DEFAULT_WEIGHT_MODE,
    SAMPLE_CHOICES,
    SCORE_MODE_LABELS,
    SEED_RANGE,
    WEIGHT_MODE_LABELS,
    SmaaError,
    smaa,
)
from ikt_model.ties import join_names
from ikt_model.ui import fragments, live_chart, session, widgets
from ikt_model.ui.text import markdown_cells, markdown_escape

CHART_CONFIG = {"displayModeBar": False}
# Charts drawn through the live-chart component: updated in place on a weight change (ikt_model/ui/live_chart.py)
live = st.components.v2.component(live_chart.NAME, js=live_chart.JS, css=live_chart.CSS, isolate_styles=False)
BASE_URL = st.get_option("server.baseUrlPath")


def chart(figure: dict, key: str) -> None:
    """One live chart (`figure`: a plotly figure spec) under its widget key."""
    live(key=key, data=live_chart.payload(figure, CHART_CONFIG, key=key, base_url_path=BASE_URL))


# The parts that depend on the weights or the profile are keyed fragments: a weight change in the sidebar
# (app.py) reruns only these; the title, the explanations and the SMAA choices stay as they are.
CAPTION, LEAD, STABILITY, WALK, SMAA = "rob_caption", "rob_lead", "rob_stability", "rob_walk", "rob_smaa"
SEED, SEED_LABEL = "smaa_seed_read", "Frø for tilfeldige trekk"  # SEED: the last seed read from the field (int)
fragments.set_weighted_fragments(st.session_state, CAPTION, LEAD, STABILITY, WALK, SMAA)

view = session.current(st.session_state)
if view.problem:
    st.error(markdown_escape(view.problem))
labels = [alternative_label(view.kb, a) for a in ALTERNATIVES]
factor_labels = {f.id: f.label for f in view.kb.factors}


# The spinner is the cache's: shown only while a result is computed (after 0,5 s, as st.spinner). A spinner around
# each call sent two messages and started a timer thread on every weight change, cached or not (issue 14).
@st.cache_data(max_entries=32, show_spinner="Trekker tilfeldige vektinger …")
def cached_smaa(values, weight_mode: str, weight_vector: tuple, score_mode: str, samples: int, seed: int):
    return smaa(values, weight_mode, list(weight_vector), samples=samples, seed=seed, score_mode=score_mode)


class Inputs:
    """What every fragment reads from the session, once per (fragment) run: the decision values (alternatives
    x factors), the weights as fractions, the intervals and the ranking with the user's weights."""

    def __init__(self) -> None:
        view = session.current(st.session_state)
        self.view = view
        self.values = score_matrix(view.profile, view.kb).decision_values
        self.vector = view.fractions.tolist()
        ranking_now = ranking_at(self.values, self.vector, 0, self.vector[0])
        self.ranking_now = ranking_now
        self.best_index = ranking_now[0][1]
        self.first_place = [i for rank, i, _ in ranking_now if rank == 1]  # more than one when totals tie


st.title("Robusthet: hvor sikker er anbefalingen?")


@st.fragment(key=CAPTION)
def caption() -> None:
    view = session.current(st.session_state)
    st.caption(f"Vekter: {markdown_escape(view.source_label)}"
               + (f" · {fmt.plural(len(view.overrides), 'egen vurdering', 'egne vurderinger')} (✎)"
                  if view.overrides else "")
               + " · Vurderingene er ordinale skjønn fra rapporten (4.2, 3.3); vektene er meninger.")


@st.fragment(key=LEAD)
def lead() -> None:
    """How sure: the share of weightings around the user's where the first choice stays first, the
    factors whose weight could change it soonest."""
    now = Inputs()
    around = cached_smaa(now.values, "around", tuple(now.vector), "fixed", 10_000, 1)
    intervals = factor_intervals(now.values, now.view.weights, now.view.kb)
    best_index, ranking_now = now.best_index, now.ranking_now
    tied = tuple(i for _, i, t in ranking_now[1:] if abs(t - ranking_now[0][2]) < 1e-9)
    with st.container(border=True):
        st.markdown(f"**{robustness_lead(around, labels, best_index, tied)}**")
        left, right = st.columns([3, 1])
        if len(now.first_place) > 1:
            left.markdown(f"**Delt førsteplass med dine vekter:** {join_names(labels[i] for i in now.first_place)}. "
                          f"Tallene under gjelder {labels[best_index]}.")
        else:
            left.markdown(f"**Høyest rangert med dine vekter:** {labels[best_index]}")
        right.metric("Best rundt dine vekter", fmt.percent(around.first_rank[best_index]),
                     help="Andelen av 10 000 tilfeldige vektinger nær vektene du har valgt der dette alternativet er "
                          "best (vurderingene som gitt). Metoden står under «Detaljer for fagfolk».")
        sensitive = sorted((i for i in intervals if i.takeover_below or i.takeover_above), key=lambda i: i.margin)
        if not sensitive:
            st.success("Anbefalingen står seg uansett hvor mye vekt én enkelt faktor får.")
        for item in sensitive[:3]:
            st.markdown(f"- {interval_sentence(item)}")


# The tables that follow the weights are plain tables (st.table): drawn with the rest of the page on a weight
# change, where a data grid (st.dataframe) lays out its cells again up to 0,3 s later (issue 14). Twelve rows
# need neither its scrolling nor its sorting; the SMAA table has its downloads beside it.
@st.fragment(key=STABILITY)
def stability() -> None:
    now = Inputs()
    intervals = factor_intervals(now.values, now.view.weights, now.view.kb)
    chart(charts.stability_chart(intervals), "stability_chart")
    # drawn only while open (the fragment reruns when it is opened): a weight change does not rebuild a
    # table nobody is looking at
    table = st.expander("Tabell og setninger for alle faktorer", key="rob_intervals_open", on_change="rerun")
    if table.open:
        with table:
            st.table(markdown_cells(tables.interval_table(intervals)), hide_index=True)
            for item in intervals:
                st.markdown(f"- {interval_sentence(item)}")


@st.fragment(key=WALK)
def walking_weights() -> None:
    """One factor's weight moved by a slider of its own (this fragment alone reruns), or the weights
    changed in the sidebar (rerun with the page's other weighted fragments)."""
    now = Inputs()
    values, vector, best_index = now.values, now.vector, now.best_index
    st.subheader("Gå gjennom vektene")
    st.caption("Velg en faktor og flytt vekten: hele rangeringen oppdateres uten å laste siden på nytt.")
    left, right = st.columns([2, 3])
    factor_id = left.selectbox("Faktor", FACTOR_IDS, format_func=lambda f: f"{f}. {factor_labels[f]}",
                               key="walk_factor", persist_state="session")
    j = FACTOR_IDS.index(factor_id)
    # 0-1 shown as a percentage in the page's number format (Norwegian in every browser: ui.widgets)
    # new weights (the sidebar, a preset): the slider starts again at the factor's new weight; the value is
    # written every run, so the browser always draws the one the page computes with, and under a new key
    # when the page changes it (ui.widgets.server_value_key: a rerun sent before the new value reached the
    # browser cannot bring the old one back)
    state = st.session_state
    widgets.follow_weights(state, [widgets.widget_key(state, f"walk_weight_{f}") for f in FACTOR_IDS], vector,
                           "walk_weights_seen")
    held = widgets.widget_key(state, f"walk_weight_{factor_id}")
    key = widgets.server_value_key(state, f"walk_weight_{factor_id}",
                                   state[held] if held in state else round(vector[j], 3))
    position = right.slider("Vekt på faktoren", 0.0, 1.0, step=0.005, format="percent",
                            key=key, persist_state="session",
                            help="De andre vektene skaleres forholdsmessig, så summen er alltid 100 %.")
    ranking = ranking_at(values, vector, j, position)
    first, sharing = leader(ranking, best_index)
    shown = fmt.percent(position, 1, trim=True)  # as the slider shows it: «27 %», «26,5 %»
    if first == best_index and sharing > 1:
        st.markdown(f"Med **{shown}** på {factor_labels[factor_id]} deler "
                    f"**{labels[first]}** førsteplassen med {sharing - 1} andre.")
    elif first == best_index:
        st.markdown(f"Med **{shown}** på {factor_labels[factor_id]} er "
                    f"**{labels[first]}** fortsatt best.")
    else:
        st.markdown(f"Med **{shown}** på {factor_labels[factor_id]} overtar "
                    f"**{labels[first]}** førsteplassen (i stedet for {labels[best_index]}).")
    grid, totals = walk(values, vector, j)
    chart_left, chart_right = st.columns(2)
    with chart_left:
        chart(charts.walking_chart(grid, totals, labels, vector[j], position, factor_labels[factor_id], best_index,
                                   first), "walking_chart")
    with chart_right:
        chart(charts.ranking_bars([labels[i] for _, i, _ in ranking], [t for _, _, t in ranking],
                                  f"Rangering med {shown} på faktoren"), "walking_ranking")
    table = st.expander("Rangeringen som tabell", key="rob_walk_table_open", on_change="rerun")  # only while open
    if table.open:
        with table:
            st.table(markdown_cells(tables.ranking_table(ranking, labels)), hide_index=True)


@st.fragment(key=SMAA)
def acceptability() -> None:
    """SMAA-2 with the choices above (read from the session: a fragment rerun keeps its first arguments)."""
    now = Inputs()
    state = st.session_state
    # the widgets' own defaults when their state is gone (a rerun after a quick page switch had no key)
    weight_mode = widgets.choice_in_state(state, "smaa_weight_mode", list(WEIGHT_MODE_LABELS), DEFAULT_WEIGHT_MODE)
    score_mode = widgets.choice_in_state(state, "smaa_score_mode", list(SCORE_MODE_LABELS), DEFAULT_SCORE_MODE)
    samples = int(widgets.choice_in_state(state, "smaa_samples", SAMPLE_CHOICES, DEFAULT_SAMPLES))
    seed = state.get(SEED, 1)  # the last seed read (below the field)
    try:
        result = cached_smaa(now.values, weight_mode, tuple(now.vector), score_mode, samples, seed)
    except SmaaError as exc:
        st.error(f"SMAA kunne ikke beregnes: {markdown_escape(session.user_message(exc))}")
        return

    for line in acceptability_reading(result, labels):
        st.markdown(f"- {line}")
    chart(charts.acceptability_heatmap(labels, result.rank_acceptability), "smaa_heatmap")
    table = tables.acceptability_table(result, labels)
    st.table(markdown_cells(table), hide_index=True)
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(tables.acceptability_data(result, labels), "smaa-rangaksept", sheet="SMAA"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"smaa_dl_{d.kind}",
                               on_click="ignore", icon=":material/download:")

    st.markdown("**Sentrale vekter ved siden av dine**")
    choices = central_weight_choices(result, labels)  # most often best first
    candidates = list(choices)
    best_index = now.best_index
    # the winner with these weights until the user picks another
    widgets.follow_unless_chosen(st.session_state, "central_for", "central_choice", candidates,
                                 best_index if best_index in candidates else candidates[0])
    shown = st.selectbox("Sentrale vekter for", candidates, format_func=choices.get, key="central_for",
                         on_change=widgets.remember_choice, args=(st.session_state, "central_for", "central_choice"))
    chart(charts.central_weights_chart([f"{f}. {factor_labels[f]}" for f in FACTOR_IDS], now.vector,
                                       result.central_weights[shown], labels[shown]), "central_chart")


caption()
lead()
st.subheader("Stabilitetsintervaller: én faktor om gangen")
st.markdown("Flytt vekten på én faktor fra 0 til 100 %, mens de andre faktorene beholder sine innbyrdes forhold. "
            "Søylen viser hvor langt vekten kan gå før et annet alternativ blir best; den oransje streken er din "
            "vekt. Intervallene er regnet eksakt (totalskåren er lineær i vekten), ikke ved prøving.")
stability()
walking_weights()

st.subheader("Hvor ofte er hvert alternativ best?")
st.markdown("Verktøyet trekker mange vektinger og teller hvor ofte hvert alternativ blir best (og får hver "
            "plass). Velg hva dere vet om vektene og om vurderingene skal regnes som usikre.")
details = st.expander("Detaljer for fagfolk: metode, antall trekk og frø")
details.markdown("Metoden er SMAA-2, stokastisk multikriterie-akseptabilitetsanalyse (Lahdelma & Salminen 2001): "
                 "den trekker mange vektinger (og eventuelt usikre vurderinger) og teller hvor ofte hvert alternativ "
                 "får hver rang. Sentrale vekter er gjennomsnittet av vektingene som gjør et alternativ best; "
                 "konfidensen er hvor ofte det er best med nettopp de vektene når vurderingene er usikre.")
c1, c2 = st.columns(2)
c3, c4 = details.columns(2)
c1.radio("Hva vet vi om vektene?", list(WEIGHT_MODE_LABELS), format_func=WEIGHT_MODE_LABELS.get,
         index=list(WEIGHT_MODE_LABELS).index(DEFAULT_WEIGHT_MODE),
         key="smaa_weight_mode", persist_state="session",
         help="«Rundt mine vekter»: Dirichlet-fordeling med dine vekter som gjennomsnitt "
              "(konsentrasjon 50: en vekt på 26 % varierer med standardavvik ca. 6 prosentpoeng).")
c2.radio("Usikre vurderinger?", list(SCORE_MODE_LABELS), format_func=SCORE_MODE_LABELS.get,
         index=list(SCORE_MODE_LABELS).index(DEFAULT_SCORE_MODE),
         key="smaa_score_mode", persist_state="session")
c3.selectbox("Antall trekk", SAMPLE_CHOICES, index=SAMPLE_CHOICES.index(DEFAULT_SAMPLES), format_func=fmt.number,
             key="smaa_samples", persist_state="session",
             help="Ved 10 000 trekk er usikkerheten i en andel høyst ±1 prosentpoeng (95 %).")
# A text field: Streamlit's number field read «1,5» as 15 and «2.5» as 2 without a word. The browser keeps
# anything but a whole number in the field with the hint; a seed out of range is refused here, and SMAA
# keeps the last seed that could be read.
seed_text = c4.text_input(SEED_LABEL, value="1", key="smaa_seed", persist_state="session",
                          validate=(WHOLE_NUMBER_PATTERN, whole_number_hint(*SEED_RANGE)),
                          help="Samme frø gir samme resultat.")
try:
    st.session_state[SEED] = parse_whole_between(seed_text, *SEED_RANGE, what=SEED_LABEL)
except NumberInputError as exc:
    c4.warning(f"Frøet er ikke endret: {markdown_escape(str(exc))}")
details.caption("Kilder: Lahdelma & Salminen (2001), Operations Research 49(3):444–454; Tervonen & Lahdelma (2007), "
                "EJOR 178(2):500–513. Rangeringen er strengt: like totalskårer deler den beste rangen.")
acceptability()
