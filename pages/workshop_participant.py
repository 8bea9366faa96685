"""Workshop, participant view (phone): join with the code, weigh the twelve factors, submit, revise.

The vote form and the status under its button are one fragment: submitting reruns only that part, and the
status (a nested fragment that refreshes itself) reads the stored vote from the store."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.store.faults import StoreUnavailable
from ikt_model.ui.text import markdown_escape
from ikt_model.workshop import METHOD_LABELS, WorkshopError, access
from ikt_model.workshop.live import shared_live_views
from ikt_model.workshop.models import POINTS_SCALE_MAX
from ikt_model.workshop.repository import shared_repository

POLL_SECONDS = 5  # how often a waiting phone asks "anything new?" (cheap: see ikt_model.workshop.live)
THROTTLE = "delta_code_attempts"
SUBMITTED, SUBMIT_ERROR, OWN_VOTE = "delta_submitted", "delta_submit_error", "delta_own_vote"
JOINED = "delta_joined_code"  # the code this session has joined (not throttled again)
FORM_OPEN = "delta_form_open"  # whether the vote form was last drawn for an open vote (button enabled)


try:
    repo = shared_repository()  # one store connection per process, shared
    live = shared_live_views()  # one group result per change for the whole room
except StoreUnavailable as exc:  # one Norwegian sentence; the details are in the server log
    st.title("Delta i workshop")
    st.error(exc.message)
    st.stop()
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
    wait = max(access.code_lockout_remaining(attempts), access.JOIN_THROTTLE.wait_seconds(client))
    if wait > 0:
        st.error(f"For mange feil koder. Vent {fmt.number(wait)} sekunder og prøv igjen.")
        return
    found = repo.find_by_code(typed)
    access.record_code_attempt(attempts, found is not None)
    if found is None:
        access.JOIN_THROTTLE.record_failure(client)
        st.error("Fant ingen workshop med den koden. Sjekk koden og prøv igjen.")
        return
    st.session_state[JOINED] = found.code
    st.query_params["kode"] = access.format_code(found.code)
    st.rerun()


# The code in the URL: a phone that has joined keeps its code; any other lookup is throttled per
# client on the server (a new session or a URL does not reset it), and a wrong code is logged.
ip = st.context.ip_address  # None on loopback (and not a str in AppTest): one shared local budget
client = ip if isinstance(ip, str) and ip else "lokal"
raw_code = st.query_params.get("kode")
workshop = None
if raw_code:
    joined = st.session_state.get(JOINED)
    wait = 0.0 if joined and joined == access.normalise_code(raw_code) else access.JOIN_THROTTLE.wait_seconds(client)
    if wait > 0:
        st.error(f"For mange feil koder fra denne enheten. Vent {fmt.number(wait)} sekunder og prøv igjen.")
        st.stop()
    workshop = repo.find_by_code(raw_code)
    if workshop is None:
        access.JOIN_THROTTLE.record_failure(client)
    else:
        st.session_state[JOINED] = workshop.code
if workshop is None:
    if raw_code:
        st.error("Fant ingen workshop med koden i lenken. Skriv inn koden på nytt.")
    join_form()
    st.stop()

# The participant token lives in the URL, so a reload keeps "my vote"; it is never shown to others.
token = st.query_params.get("t")
if not access.valid_token(token):
    token = access.new_participant_token()
    st.query_params["t"] = token
st.header(markdown_escape(workshop.title), anchor=False)
st.write(f"Kode {access.format_code(workshop.code)} · {METHOD_LABELS[workshop.method]}")


def submit_vote(workshop_id: str, code: str, token: str, method: str) -> None:
    """The form button's callback: runs before the vote part is drawn again, so that part (and its
    status line) already reads the stored vote. Outcome kept in the session, never popped; a refusal
    is kept with whether the vote was open then, and shown only while that still holds."""
    ss = st.session_state
    points = {f: ss[f"delta_points_{f}"] for f in FACTOR_IDS} if method == "poeng" else None
    ranking = ss.get("delta_ranking") if method != "poeng" else None
    try:
        vote = repo.submit_vote(code, token, ss.get("delta_name", ""), points=points, ranking=ranking)
    except (WorkshopError, StoreUnavailable) as exc:
        try:
            public = live.public(workshop_id)
        except StoreUnavailable:
            public = None
        ss[SUBMIT_ERROR] = (str(exc), public.voting_open if public is not None else None)
    else:
        ss.pop(SUBMIT_ERROR, None)
        ss[SUBMITTED] = vote.revisions


def own_vote(workshop_id: str, token: str):
    """This participant's stored vote. The room's revision counts are read once per change for all
    phones (live.stored_revisions); the vote itself is re-read only when this phone's count moves."""
    revisions = live.stored_revisions(workshop_id, token)
    cached = st.session_state.get(OWN_VOTE)
    if cached is None or cached[0] != (workshop_id, revisions):
        vote = repo.own_vote(workshop_id, token) if revisions else None
        cached = ((workshop_id, vote.revisions if vote else 0), vote)
        st.session_state[OWN_VOTE] = cached
    return cached[1]


@st.fragment
def vote_part(workshop, token: str) -> None:
    """The vote form and, right under its button, the stored vote. A fragment: submitting reruns only
    this part (not the whole page), and the status under the button is drawn from the store in the same
    run, so the phone says «Takk!» as soon as the vote is committed."""
    try:
        mine = own_vote(workshop.id, token)
        public = live.public(workshop.id)
    except StoreUnavailable as exc:
        st.error(exc.message)
        return
    st.session_state[FORM_OPEN] = voting_open = public is not None and public.voting_open
    st.write("Hvor viktig er hver av de tolv suksessfaktorene (rapporten 3.1 og 4.3) for dere?")
    with st.form("delta_vote"):
        st.text_input("Visningsnavn (valgfritt – tomt betyr anonym)", max_chars=40, key="delta_name",
                      value=mine.display_name if mine else "", autocomplete="off")
        if workshop.method == "poeng":
            st.write(f"0 = ikke viktig, {POINTS_SCALE_MAX} = svært viktig. Bare forholdet mellom faktorene teller.")
            for f in FACTOR_IDS:
                start = int(round(mine.points.get(f, 0))) if mine and mine.ranking is None else 5
                st.slider(f"{f}. {kb.factor(f).label}", 0, POINTS_SCALE_MAX,
                          min(POINTS_SCALE_MAX, start), step=1, key=f"delta_points_{f}")
                st.caption(kb.factor(f).short_description)  # on a phone a help icon is easy to miss
        else:
            st.write("Trykk på faktorene i prioritert rekkefølge: den viktigste først. Alle tolv må være med.")
            st.multiselect("Din rangering (viktigst først)", list(FACTOR_IDS),
                           default=list(mine.ranking) if mine and mine.ranking else None,
                           format_func=lambda f: f"{f}. {kb.factor(f).label}",
                           placeholder="Velg den viktigste faktoren …", key="delta_ranking", select_all=False)
        # Disabled once this run knows the vote is closed; a press on a page drawn before the closing
        # (the status below re-checks every few seconds) gets one clear refusal from the store.
        st.form_submit_button("Send inn stemmen" if mine is None else "Lagre endret stemme",
                              type="primary", width="stretch", on_click=submit_vote,
                              args=(workshop.id, workshop.code, token, workshop.method),
                              disabled=not voting_open)
    live_status(workshop.id, token)


@st.fragment(run_every=POLL_SECONDS)
def live_status(workshop_id: str, token: str) -> None:
    """Right under the button (where the thumb is): voting open?, this phone's stored vote read
    from the store, and the group result once shown. Re-checked every few seconds, cheaply: while
    nothing in the workshop has changed, a check is two dictionary lookups (ikt_model.workshop.live)."""
    try:
        public = live.public(workshop_id)
        stored = own_vote(workshop_id, token) if public is not None else None
    except StoreUnavailable as exc:
        st.error(exc.message)
        return
    if public is None:
        st.warning("Workshopen finnes ikke lenger.")
        return
    if public.voting_open != st.session_state.get(FORM_OPEN, public.voting_open):
        st.rerun()  # opened or closed since the form was drawn: draw it again, so its button follows
    times = f"sendt inn {stored.revisions} {'gang' if stored.revisions == 1 else 'ganger'}" if stored else ""
    error, refused_while_open = st.session_state.get(SUBMIT_ERROR) or (None, None)
    if error is not None and refused_while_open not in (None, public.voting_open):
        error = None  # refused before the vote was opened or closed again: no longer true
    if error is not None:  # one message for a refused press: never a green «lagret» beside «ble ikke lagret»
        earlier = f" Den forrige stemmen din gjelder fortsatt ({times})." if stored is not None else ""
        st.error(error + earlier)
    elif stored is not None:
        thanks = "Takk! " if st.session_state.get(SUBMITTED) == stored.revisions else ""
        st.success(f"{thanks}Stemmen din er lagret ({times}).")
    # Few elements per poll (200 phones poll): the state in one line, the result in one block.
    waiting = "Gruppens resultat vises her når fasilitatoren velger å vise det."
    if public.voting_open:
        st.caption("Avstemningen er åpen. Du kan sende inn og endre stemmen din til fasilitatoren stenger."
                   + ("" if public.revealed else " " + waiting))
    elif error is None:
        st.warning("Avstemningen er stengt. Du kan ikke sende inn eller endre stemmen nå."
                   + ("" if public.revealed else " " + waiting))
    elif not public.revealed:
        st.caption(waiting)
    if not public.revealed:
        return
    if public.result is None:
        st.write("Ingen svar ennå.")
        return
    # made once per change for the whole room (escaped)
    st.markdown(f"#### Gruppens resultat ({public.result.participants} svar)\n\n{public.result_markdown}")


vote_part(workshop, token)
