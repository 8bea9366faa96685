"""Workshop, participant view (phone): join with the code, weigh the twelve factors, submit, revise."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.workshop import METHOD_LABELS, WorkshopError, access, aggregation, view
from ikt_model.workshop.models import POINTS_SCALE_MAX
from ikt_model.workshop.repository import shared_repository

RESULT_REFRESH_SECONDS = 5
THROTTLE = "delta_code_attempts"
FLASH = "delta_flash"


# Streamlit runs pages/<stem>.py directly when a fresh server's FIRST request is /<stem> (legacy
# pages/ routing, before any session has called st.navigation); make sure shared state exists anyway.


repo = shared_repository()  # one store connection per process, shared
kb = default_knowledge_base()
st.title("Delta i workshop")


def join_form() -> None:
    st.write("Skriv inn koden fasilitatoren viser på skjermen (8 tegn, f.eks. ABCD-EFGH).")
    attempts = st.session_state.setdefault(THROTTLE, {})
    with st.form("delta_join"):
        typed = st.text_input("Kode", max_chars=20, placeholder="ABCD-EFGH", autocomplete="off")
        submitted = st.form_submit_button("Bli med", type="primary", width="stretch")
    if not submitted:
        return
    wait = access.code_lockout_remaining(attempts)
    if wait > 0:
        st.error(f"For mange feil koder. Vent {fmt.number(wait)} sekunder og prøv igjen.")
        return
    found = repo.find_by_code(typed)
    access.record_code_attempt(attempts, found is not None)
    if found is None:
        st.error("Fant ingen workshop med den koden. Sjekk koden og prøv igjen.")
        return
    st.query_params["kode"] = access.format_code(found.code)
    st.rerun()


workshop = repo.find_by_code(st.query_params.get("kode"))
if workshop is None:
    if st.query_params.get("kode"):
        st.error("Fant ingen workshop med koden i lenken. Skriv inn koden på nytt.")
    join_form()
    st.stop()

# The participant token lives in the URL, so a reload keeps "my vote"; it is never shown to others.
token = st.query_params.get("t")
if not access.valid_token(token):
    token = access.new_participant_token()
    st.query_params["t"] = token
mine = repo.own_vote(workshop.id, token)

st.header(view.escape_md(workshop.title))
st.write(f"Kode {access.format_code(workshop.code)} · {METHOD_LABELS[workshop.method]}")
if workshop.voting_open:
    st.info("Avstemningen er åpen. Du kan sende inn og endre stemmen din til fasilitatoren stenger.")
else:
    st.warning("Avstemningen er stengt. Du kan ikke sende inn eller endre stemmen nå.")
if mine is not None:
    st.success(f"Stemmen din er lagret (sendt inn {mine.revisions} "
               f"{'gang' if mine.revisions == 1 else 'ganger'}).")

st.write("Hvor viktig er hver av de tolv suksessfaktorene (rapporten 3.1 og 4.3) for dere?")
with st.form("delta_vote"):
    name = st.text_input("Visningsnavn (valgfritt – tomt betyr anonym)", max_chars=40,
                         value=mine.display_name if mine else "", autocomplete="off")
    points, ranking = None, None
    if workshop.method == "poeng":
        st.write(f"0 = ikke viktig, {POINTS_SCALE_MAX} = svært viktig. Bare forholdet mellom faktorene teller.")
        points = {}
        for f in FACTOR_IDS:
            start = int(round(mine.points.get(f, 0))) if mine and mine.ranking is None else 5
            points[f] = st.slider(f"{f}. {kb.factor(f).label}", 0, POINTS_SCALE_MAX,
                                  min(POINTS_SCALE_MAX, start), step=1, key=f"delta_points_{f}")
    else:
        st.write("Trykk på faktorene i prioritert rekkefølge: den viktigste først. Alle tolv må være med.")
        ranking = st.multiselect("Din rangering (viktigst først)", list(FACTOR_IDS),
                                 default=list(mine.ranking) if mine and mine.ranking else None,
                                 format_func=lambda f: f"{f}. {kb.factor(f).label}",
                                 placeholder="Velg den viktigste faktoren …", key="delta_ranking")
    # Never disabled: a press after closing (page loaded earlier) must get a clear refusal, not silence.
    sent = st.form_submit_button("Send inn stemmen" if mine is None else "Lagre endret stemme",
                                 type="primary", width="stretch")
if FLASH in st.session_state:  # right under the button, where the thumb is on a phone
    st.success(st.session_state.pop(FLASH))
if sent:
    try:
        vote = repo.submit_vote(workshop.code, token, name, points=points, ranking=ranking)
    except WorkshopError as exc:
        st.error(str(exc))
    else:
        st.session_state[FLASH] = f"Takk! Stemmen din er lagret (innsending nr. {vote.revisions})."
        st.rerun()


@st.fragment(run_every=RESULT_REFRESH_SECONDS)
def group_result_view(workshop_id: str) -> None:
    """The group result, only while the facilitator shows it; re-checked every few seconds."""
    votes = repo.revealed_votes(workshop_id)
    if votes is None:
        st.write("Gruppens resultat vises her når fasilitatoren velger å vise det.")
        return
    result = aggregation.group_result(workshop.profile, votes, "mean", kb)
    if result is None:
        st.write("Ingen svar ennå.")
        return
    st.subheader(f"Gruppens resultat ({result.participants} svar)")
    st.markdown(f"**Mest uenighet om:** {view.escape_md(view.agenda_text(result))}")
    st.markdown("**Beste alternativ med gruppens vekter:**\n" + "\n".join(
        f"{r.rank}. {view.escape_md(r.label)} ({fmt.number(r.score, 2)})" for r in result.ranking[:3]))
    # Bars as progress bars with text: readable at 375 px and no chart library to load on a phone.
    st.markdown("**Gruppens vekter:**")
    top = max(result.weights.values())
    for f in FACTOR_IDS:
        st.progress(result.weights[f] / top, text=f"{f}. {kb.factor(f).label}: {fmt.percent(result.weights[f], 1)}")


st.divider()
group_result_view(workshop.id)
