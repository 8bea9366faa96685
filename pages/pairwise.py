"""«Parvise vekter (AHP)»: elicit factor weights by pairwise comparison; full (66) or grouped (19) path."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.decision.weights import WeightsError
from ikt_model.robustness import charts, tables
from ikt_model.robustness.ahp import (
    CR_LIMIT,
    GROUPS,
    RI_SOURCE,
    SCALE_POSITIONS,
    AhpError,
    ahp,
    grouped_weights,
    matrix_from_positions,
    pairs,
    positions_from_weights,
    weights_to_points,
)
from ikt_model.ui import live_chart, session
from ikt_model.ui.text import markdown_cells, markdown_escape
from ikt_model.ui.widgets import held_value_key, hold_values, server_value_key

# The chart follows every judgment: drawn through the live-chart component, updated in place (ui.live_chart)
live = st.components.v2.component(live_chart.NAME, js=live_chart.JS, css=live_chart.CSS, isolate_styles=False)
BASE_URL = st.get_option("server.baseUrlPath")
STORE = "ahp_judgments"  # durable copy of every judgment (widget state is dropped when the page is left)
MODES = {"grupper": f"Kortversjon: i grupper ({sum(len(i) * (len(i) - 1) // 2 for _, i in GROUPS) + 6} vurderinger)",
         "full": "Full: alle par (66 vurderinger)"}

kb = default_knowledge_base()
store: dict = st.session_state.setdefault(STORE, {})


def judgment(key: str, left: str, right: str) -> int:
    """One Saaty-scale comparison as a select slider; its value is a position -8..8 (negative: left wins)."""
    # written every run (the browser draws what we hold), under a new key after «Fyll inn» (server_value_key)
    drawn_as = held_value_key(st.session_state, key, store.get(key, 0))
    position = st.select_slider(f"{left} mot {right}", SCALE_POSITIONS, key=drawn_as,
                                format_func=lambda p: tables.scale_option(p, left, right))
    store[key] = position
    return position


def matrix_for(prefix: str, ids: list, names: list) -> tuple:
    positions = {(i, j): judgment(f"{prefix}_{ids[i]}_{ids[j]}", names[i], names[j]) for i, j in pairs(len(ids))}
    return matrix_from_positions(len(ids), positions)


def prefill() -> None:
    """Start every judgment from the weights in use now (nearest Saaty value), for both paths."""
    fractions = st.session_state[session.WEIGHTS].fractions()
    try:
        sets = [("ahp_full", list(FACTOR_IDS), [fractions[f] for f in FACTOR_IDS]),
                # the groups are compared by a typical (mean) factor, see ahp.grouped_weights
                ("ahp_grp", list(range(len(GROUPS))), [sum(fractions[f] for f in ids) / len(ids) for _, ids in GROUPS])]
        sets += [("ahp_in", list(ids), [fractions[f] for f in ids]) for _, ids in GROUPS]
        for prefix, ids, values in sets:
            for (i, j), position in positions_from_weights(values).items():
                key = f"{prefix}_{ids[i]}_{ids[j]}"
                store[key] = position
                server_value_key(st.session_state, key, position)
    except AhpError as exc:
        st.session_state["ahp_prefill_error"] = str(exc)


st.title("Parvise sammenligninger (AHP)")
lead = st.container()  # the answer goes here, above the questions, once the answers are read
st.markdown("Sammenlign faktorene to og to: hvor mye viktigere er den ene enn den andre? Skalaen går fra 1 "
            "(like viktige) via 3 (moderat), 5 (sterkt) og 7 (svært sterkt) til 9 (ekstremt viktigere).")
fagfolk = st.expander("Detaljer for fagfolk: metode og konsistens")
fagfolk.markdown("Metoden er Saatys analytiske hierarkiprosess (AHP) med skala 1–9. Vektene er den prinsipale "
                 "egenvektoren til matrisen (Saaty 1990, EJOR 48:9–26). Konsistensforholdet CR = CI / RI bør være "
                 "høyst 0,10, der CI = (λmax − n) / (n − 1).")
fagfolk.caption(f"Tilfeldig indeks (RI): {RI_SOURCE}, for n = 3–15. Saatys egen tabell går bare til n = 10, og "
                "tabellene spriker over n = 10; med 12 faktorer gir valget av tabell noen prosent forskjell i CR.")

hold_values(st.session_state, {"ahp_mode": store.get("ahp_mode", "grupper")})
mode = st.radio("Fremgangsmåte", list(MODES), format_func=MODES.get, key="ahp_mode", horizontal=True)
store["ahp_mode"] = mode
short = {f: tables.short_label(kb, f) for f in FACTOR_IDS}
st.button("Fyll inn fra vektene som brukes nå", key="ahp_prefill", on_click=prefill,
          help="Hver vurdering settes til nærmeste verdi på Saaty-skalaen for forholdet mellom dagens vekter.")
if error := st.session_state.pop("ahp_prefill_error", None):
    st.error(f"Kunne ikke fylle inn: {markdown_escape(error)}")
st.caption("Hver glider heter «A mot B»: dra mot venstre hvis A er viktigst, mot høyre hvis B er viktigst. "
           "Tallet er styrken på Saaty-skalaen.")

try:
    if mode == "grupper":
        st.info("Kortversjonen sammenligner faktorene innenfor fire grupper, og deretter gruppene. Gruppene "
                "sammenlignes ved en typisk faktor i hver, så en gruppe med mange faktorer får ikke mer vekt bare "
                "fordi den er stor: «Like viktige» overalt gir alle tolv faktorene lik vekt. Grupperingen er "
                "verktøyets, ikke rapportens. Er svarene konsistente, gir kortversjonen nøyaktig de samme vektene "
                "som full versjon.")
        group_names = [name for name, _ in GROUPS]
        st.markdown("**1. Hvor viktig er en typisk faktor i hver gruppe, mot en typisk faktor i en annen?**")
        for name, ids in GROUPS:
            st.caption(f"{name}: " + ", ".join(short[f] for f in ids))
        between = matrix_for("ahp_grp", list(range(len(GROUPS))), group_names)
        within = []
        for g, (name, ids) in enumerate(GROUPS):
            st.markdown(f"**{g + 2}. Innenfor «{name}»**")
            within.append(matrix_for("ahp_in", list(ids), [short[f] for f in ids]))
        grouped = grouped_weights(between, within)
        result_weights = grouped.weights
        names = ["Mellom gruppene", *(f"Innenfor «{n}»" for n in group_names)]
        results = [grouped.between, *grouped.within]
        matrices = [between, *within]
        worst_names = [group_names, *([short[f] for f in ids] for _, ids in GROUPS)]
        st.caption(tables.grouped_summary(grouped))
    else:
        st.warning("Full versjon har 66 vurderinger per person. Bruk gjerne kortversjonen i et møte.")
        with st.expander("Alle 66 par", expanded=True):
            full_matrix = matrix_for("ahp_full", list(FACTOR_IDS), [short[f] for f in FACTOR_IDS])
        full = ahp(full_matrix)
        result_weights = dict(zip(FACTOR_IDS, full.weights, strict=False))
        names, results, worst_names = ["Alle 12 faktorer"], [full], [[short[f] for f in FACTOR_IDS]]
        matrices = [full_matrix]
except AhpError as exc:
    st.error(f"Vektene kunne ikke beregnes: {markdown_escape(session.user_message(exc))}")
    st.stop()

st.subheader("Resultat")
inconsistent = [(n, r, w, m) for n, r, w, m in zip(names, results, worst_names, matrices, strict=False)
                if r is not None and not r.consistent]
lead.markdown(f"**{tables.ahp_lead(result_weights, short, not inconsistent)}**")
for name, result, worst, matrix in inconsistent:
    st.warning(f"{name}: svarene henger ikke godt nok sammen (CR = {fmt.number(result.cr, 3)}, over "
               f"{fmt.number(CR_LIMIT, 2)}). " + (tables.worst_judgment_text(result, worst, matrix) or ""), icon="⚠️")
if not inconsistent:
    st.success("Svarene henger godt nok sammen (CR ≤ 0,10).")
with st.expander("Detaljer for fagfolk: konsistens per sammenligning (λmax, CI, RI, CR)"):
    st.table(markdown_cells(tables.consistency_rows(names, results)), hide_index=True)

current = st.session_state[session.WEIGHTS].vector()
figure = charts.ahp_weights_chart([f"{f}. {short[f]}" for f in FACTOR_IDS], [result_weights[f] for f in FACTOR_IDS],
                                  current)
live(key="ahp_chart", data=live_chart.payload(figure, {"displayModeBar": False}, key="ahp_chart",
                                              base_url_path=BASE_URL))
with st.expander("Vektene som tabell"):
    weights_table = tables.ahp_weights_table(kb, result_weights)
    st.table(markdown_cells(weights_table), hide_index=True)
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(tables.ahp_weights_data(kb, result_weights), "ahp-vekter", sheet="AHP-vekter"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"ahp_dl_{d.kind}",
                               on_click="ignore", icon=":material/download:")

APPLIED = "ahp_applied"  # what the last «Bruk disse vektene» said: ("success" | "error", message)


def _apply(points: dict[int, float], inconsistent: bool) -> None:
    """Use the AHP weights (as slider points): set before the page is drawn, so the chart's «Vektene som brukes nå»
    shows them at once."""
    try:
        session.set_weights(st.session_state, points, session.AHP)
    except WeightsError as exc:
        message = f"Vektene kunne ikke brukes: {markdown_escape(session.user_message(exc))}"
        st.session_state[APPLIED] = ("error", message)
    else:
        message = ("Vektene fra de parvise sammenligningene brukes nå i sammenligningen og robusthetsanalysen."
                   + (" Merk: svarene er ikke konsistente." if inconsistent else "")
                   + " Se «Sammenligning» og «Robusthet» i menyen.")
        st.session_state[APPLIED] = ("success", message)


st.button("Bruk disse vektene i sammenligningen", type="primary", key="ahp_apply", on_click=_apply,
          args=(weights_to_points(result_weights), bool(inconsistent)))
if applied := st.session_state.pop(APPLIED, None):  # said once, right after the click
    (st.success if applied[0] == "success" else st.error)(applied[1])
