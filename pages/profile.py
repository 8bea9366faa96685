"""«Samarbeidet»: describe the collaboration (the profile every other page uses)."""

import streamlit as st

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import MUNICIPALITIES_RANGE, SCOPE_LABELS, STATUS_LABELS
from ikt_model.decision.registry import FORM_IDS, MODEL_IDS
from ikt_model.municipalities import POPULATION_YEARS, member_label, search_members
from ikt_model.numbers import WHOLE_NUMBER_PATTERN, whole_number_hint
from ikt_model.ui import session, widgets
from ikt_model.ui.profile_fields import field_key, form_draft, form_values, refill_form, set_members
from ikt_model.ui.profile_form import (
    MUNICIPALITIES_LABEL,
    build_profile,
    load_profile_file,
    member_added_notice,
    municipality_options,
    profile_file_name,
    profile_summary,
)
from ikt_model.ui.text import markdown_escape
from ikt_model.ui.widgets import check_upload

kb = default_knowledge_base()
ERRORS = session.PROFILE_ERRORS
COUNT_ERROR = "pf_count_error"  # the typed number of municipalities could not be read (shown at its field)
NOTICES = "profile_member_notices"  # Norwegian notices from the last loaded profile (old numbers, merges)
UPLOAD = "pf_upload"
LOADED = "pf_loaded"  # a downloaded profile was just taken into use (said once, as a toast)
NAME_NOTICES = "pf_name_notices"  # Norwegian notes on the last edit's name (cut to its longest length)
COUNT_HELP = "Følger medlemslisten når den er fylt ut. Under 3 er under rapportens observerte minimum (3.2)."
YEAR_LABELS = {2026: "1.1.2026 (nyeste)", 2025: "1.1.2025", 2024: "1.1.2024", 2015: "1.1.2015 (rapportens tid)"}


def _key(field: str) -> str:
    """The key the field's widget is drawn under now: a new one whenever the server set its value
    (ui.profile_fields: a rerun sent before the browser had the new value cannot undo it)."""
    return field_key(st.session_state, field)


def _changed() -> None:
    result = build_profile(form_values(st.session_state))
    st.session_state[COUNT_ERROR] = result.count_error
    st.session_state[NAME_NOTICES] = result.notices
    if result.profile is not None:
        st.session_state[session.PROFILE] = result.profile
        st.session_state[ERRORS] = []
        session.drop_profile_draft(st.session_state)
    else:  # keep the last valid profile; the widgets keep what the user typed, the draft keeps it past a page switch
        st.session_state[ERRORS] = result.errors
        session.keep_profile_draft(st.session_state, form_draft(st.session_state))


def _confirm_ko() -> None:
    current = st.session_state[session.PROFILE]
    st.session_state[session.PROFILE] = current.model_copy(update={"par27_unconverted": False})


SEARCH, HITS = "pf_member_search", "pf_member_hits"


def _add_member(number: str, note: str = "") -> None:
    members = list(st.session_state.get(_key("members")) or [])
    if said := member_added_notice(members, number, note):  # a former number's successor, or one already there
        st.toast(markdown_escape(said), icon=":material/merge:")
    if number not in members:
        set_members(st.session_state, [*members, number])
        _changed()
    st.session_state[SEARCH] = ""
    st.session_state.pop(HITS, None)


def _search_entered() -> None:
    """Enter in the search field adds the member only when exactly one municipality matches."""
    found = search_members(st.session_state.get(SEARCH, ""))
    if len(found.hits) == 1:
        _add_member(found.hits[0], found.note)


def _hit_chosen() -> None:
    if st.session_state.get(HITS):
        _add_member(st.session_state[HITS])


def _use_loaded(loaded_profile) -> None:
    st.session_state[LOADED] = True  # said once, and the upload part closed: the file has done its work
    st.session_state["pf_upload_open"] = False
    st.session_state[session.PROFILE] = loaded_profile
    st.session_state[ERRORS] = []
    session.drop_profile_draft(st.session_state)
    st.session_state[NOTICES] = list(st.session_state.get("_pf_loaded_notices", []))  # the widgets follow below


def _upload_profile() -> None:
    """The file field for a downloaded profile, with its questions and messages."""
    upload = st.file_uploader("Profil lastet ned fra denne siden", type=None, key=UPLOAD,
                              help="Eldre profiler med kommunenummer fra 2015 kan brukes: kommunene vises med "
                                   "dagens kommune, og en kommune som er delt siden 2015 må du velge selv.")
    # type=None: the widget's own refusal is English; the file type is checked here, in Norwegian
    if upload is not None and (problem := check_upload(upload.name, upload.size, ["json"], 1_000_000)):
        st.error(f"Profilen kan ikke brukes: {problem}")
    elif upload is not None:
        answers = {q: v for q, v in st.session_state.get("_pf_answers", {}).items()}
        loaded = load_profile_file(upload.getvalue(), answers)
        for i, question in enumerate(loaded.questions):
            choice = st.radio(markdown_escape(question.message), [c.kommunenummer for c in question.candidates],
                              format_func=member_label, index=None, key=f"pf_split_{i}_{question.query}")
            if choice:
                st.session_state.setdefault("_pf_answers", {})[question.query] = choice
                st.rerun()
        for message in loaded.errors:
            st.error(f"Profilen kan ikke brukes: {markdown_escape(message)}")
        if loaded.profile is not None:
            st.session_state["_pf_loaded_notices"] = loaded.notices
            for notice in loaded.notices:
                st.info(notice, icon=":material/merge:")
            st.button("Bruk profilen", key="pf_use_upload", type="primary", on_click=_use_loaded,
                      args=(loaded.profile,))
    else:
        st.session_state.pop("_pf_answers", None)


# The durable profile is the truth (widget state does not survive a page switch): refill the widgets from it,
# except while the user's last input was invalid — then keep what they typed, written again too: a widget not
# drawn yet would come up at its default (a toggle off) and send that back (stable operations lost). A value the
# server changes gets a new widget key (ui.profile_fields), so an answer still on its way cannot undo it.
profile = st.session_state[session.PROFILE]
draft = None
if _key("status") not in st.session_state:  # back from another page (the status field is always drawn)
    draft = session.profile_draft(st.session_state)  # a refused edit comes back as typed, to be completed
    if draft is None:  # nothing pending, or the profile was replaced meanwhile: a refusal no longer holds
        st.session_state[ERRORS] = []
        st.session_state[COUNT_ERROR] = None
        session.drop_profile_draft(st.session_state)
refill_form(st.session_state, profile, pending=bool(st.session_state.get(ERRORS)), draft=draft)


def _members_part() -> None:
    """Who the members are, how many, and the population year."""
    options = municipality_options()
    # Adding a member: our own search (name or word prefix, or number prefix; search_members) and one click or Enter
    # adds one municipality. The multiselect shows and removes the members; its own filter is the name prefix, and
    # select_all=False removes Streamlit's English «Select N matches» that added every fuzzy match on Enter.
    search = st.text_input("Legg til kommune", key=SEARCH, on_change=_search_entered,
                           placeholder="Navn eller nummer, f.eks. «åle» eller «1508»",
                           help="Enter legger til kommunen når bare én passer; ellers velg blant treffene. Et "
                                "kommunenummer eller navn fra 2015 eller 2020–2023 gir dagens kommune.")
    found = search_members(search)  # today's by prefix, else a whole former number or name and its successor
    if found.note:
        st.caption(markdown_escape(found.note))
    if found.hits:
        st.pills(f"Treff på «{search.strip()}» – klikk for å legge til", list(found.hits), format_func=member_label,
                 key=HITS, on_change=_hit_chosen)
    st.multiselect("Medlemskommuner (dagens kommuner, valgfritt)", list(options), format_func=options.get,
                   key=_key("members"), on_change=_changed, placeholder="Ingen medlemmer valgt",
                   filter_mode="prefix", select_all=False,
                   help=f"Dagens {len(options)} kommuner (fra 1.1.2024). Brukes til kostnadsfordeling, "
                        "størrelsesforskjeller og lignende samarbeid. En lagret profil med kommunenummer fra 2015 kan "
                        "lastes inn nederst på siden.")
    for notice in (*st.session_state.get(NOTICES, []), *st.session_state[session.PROFILE].member_notices):
        st.info(notice, icon=":material/merge:")
    members_now = st.session_state[_key("members")]
    if members_now:  # the count follows the members: a field of its own, so a refused text in the other one goes
        st.session_state["pf_municipalities_of_members"] = str(len(members_now))
        st.text_input(MUNICIPALITIES_LABEL, key="pf_municipalities_of_members", disabled=True, help=COUNT_HELP)
    else:
        # A text field, not st.number_input: Streamlit's number field read «3,7» as 37 and «2.5» as 2 without a
        # word. The browser keeps anything but a whole number in the field with the hint; the server reads the
        # rest (empty, out of range) in build_profile, and the profile keeps its last valid count meanwhile.
        st.text_input(MUNICIPALITIES_LABEL, key=_key("municipalities"), on_change=_changed, help=COUNT_HELP,
                      validate=(WHOLE_NUMBER_PATTERN, whole_number_hint(*MUNICIPALITIES_RANGE)))
    if count_error := (st.session_state.get(COUNT_ERROR) if st.session_state.get(ERRORS) else None):
        st.warning(f"Profilen er ikke oppdatert: {markdown_escape(count_error)}")
    st.selectbox("Folketall per", list(POPULATION_YEARS), format_func=YEAR_LABELS.get, key=_key("population_year"),
                 on_change=_changed, help="Folketall fra Statistisk sentralbyrå. 1.1.2015 er tallene rapporten "
                                          "bygde på (for dagens kommuner: summen av 2015-kommunene de består av).")


def _conditions_part() -> None:
    """The conditions that change the assessment (scope and the report's preconditions)."""
    profile = st.session_state[session.PROFILE]
    st.radio("Omfang", list(SCOPE_LABELS), format_func=SCOPE_LABELS.get, key=_key("scope"), on_change=_changed,
             help="Rapporten anbefaler at samarbeidet løftes fra drift til strategi, innovasjon og tjenesteutvikling "
                  "(2.7, 4, 4.5).")
    left, right = st.columns(2)
    with left:
        st.toggle("Styret består av kommunedirektørene", key=_key("board_of_chief_executives"),
                  on_change=_changed, help="Rapporten (2015) sier rådmennene: en forutsetning for at "
                                           "§ 27-samarbeid, i dag kommunalt oppgavefellesskap, skal fungere "
                                           "(3.4.4, 4.2).")
        st.toggle("IKS med representantskap av kommunedirektørene", key=_key("iks_council_of_chief_executives"),
                  on_change=_changed,
                  help="«Representantskapet bør være administrativt, dvs. bestå av rådmennene» (3.4.2).")
        st.toggle("Vertskommunen står på ROBEK", key=_key("host_on_robek"), on_change=_changed,
                  help="Utfordringer for vertskommunesamarbeid «dersom vertskommunen sliter økonomisk og havner på "
                       "ROBEK» (3.4.3). For et samarbeid som ikke er vertskommune: kommunen som ville bli "
                       "vertskommune. Trekket gjelder bare vertskommunealternativene.")
        st.toggle("Strategi om å selge tjenester til andre", key=_key("sells_services_to_others"), on_change=_changed,
                  help="Gjør aksjeselskap mer aktuelt, men gir høye forventninger hos egne brukere (3.4.1).")
    with right:
        st.toggle("Samarbeidet har stabil drift", key=_key("stable_operations"), on_change=_changed,
                  help="Stabil drift er en grunnleggende forutsetning, ikke en vektet faktor (3.1, 4.3).")
        st.toggle("Samarbeidet kan ta opp lån / investere langsiktig", key=_key("can_borrow"), on_change=_changed,
                  help="Mulighet for lån og langsiktige investeringer er et suksesskriterium (2.8, 4.6).")
        st.toggle("Ansvar og oppgaver er beskrevet (også hva samarbeidet ikke gjør)", key=_key("roles_documented"),
                  on_change=_changed, help="«det er minst like viktig å avklare hva samarbeidet ikke skal ha ansvar "
                                           "for» (3.3.6). Uten beskrevne roller kan alternativ modell få utydelig "
                                           "rollefordeling (3.3.2).")
        st.toggle("Felles strategi, forankret i kommuneplanene", key=_key("joint_strategy"), on_change=_changed,
                  help="Eierkommunene bør ha en felles strategi godkjent av kommunestyrene (4.4).")
        if profile.size_difference is None:  # fewer than two members: the user's own answer
            st.toggle("Store størrelsesforskjeller mellom kommunene", key=_key("large_size_differences"),
                      on_change=_changed, help="Enkelte kommuner mener det kan være utfordringer med kommuner av ulik "
                                               "størrelse (3.2). Velg medlemmene, så beregnes dette fra folketallet.")

    if profile.size_difference is not None:
        st.caption(profile.size_difference.text)


def _summary_part() -> None:
    """The profile every page uses now, in one line, and its download and upload."""
    profile = st.session_state[session.PROFILE]
    st.markdown(profile_summary(profile))
    if profile.is_existing:
        st.caption(f"Dagens ordning: {kb.model(profile.current_model).label} + {kb.form(profile.current_form).label}")
    with st.container(horizontal=True):
        st.page_link("pages/comparison.py", label="Se sammenligningen av alternativene", icon=":material/leaderboard:")
        st.download_button("Last ned profilen", profile.model_dump_json(indent=2),
                           help="En liten fil (profil-navn.json) som kan lastes inn igjen her. Fagfolk kan bruke den "
                                "samme filen i kommandolinjeverktøyet.",
                           file_name=profile_file_name(profile), mime="application/json")
    # The file field is drawn only while its expander is open: a page switch to «Samarbeidet» does not lay out an
    # upload field nobody opened (issue 14). Closing the expander drops a file not yet used, as a cancel would.
    upload_box = st.expander("Last inn en profil du har lastet ned", icon=":material/upload_file:",
                             key="pf_upload_open", on_change="rerun")
    if upload_box.open:
        with upload_box:
            _upload_profile()
    else:
        st.session_state.pop("_pf_answers", None)


st.title("Samarbeidet")
if st.session_state.pop(LOADED, False):
    st.toast("Profilen er lastet inn og brukes nå på alle sidene.", icon=":material/task_alt:")
st.write("Beskriv samarbeidet dere vurderer eller har. Alle sidene bruker profilen, og en endring gjelder med én "
         "gang når den er gyldig. Profilen lagres ikke på serveren: ta vare på lenken i adressefeltet, eller last "
         "ned profilen nederst på siden.")

# No max_chars: the browser drops a paste longer than the limit without a word; build_profile cuts it instead.
st.text_input("Navn på samarbeidet (valgfritt)", key=_key("name"), on_change=_changed)
for notice in st.session_state.get(NAME_NOTICES, []):
    st.info(notice, icon=":material/content_cut:")
st.radio("Status", list(STATUS_LABELS), format_func=STATUS_LABELS.get, key=_key("status"), on_change=_changed,
         horizontal=True, help="Rapporten gir ulike råd for nye samarbeid, og for eksisterende som fungerer "
                               "eller ikke fungerer (4.2).")
if st.session_state[_key("status")] != "new":
    left, right = st.columns(2)
    left.selectbox("Nåværende styringsmodell", MODEL_IDS, format_func=lambda m: kb.model(m).label, index=None,
                   placeholder="Velg styringsmodell …", key=_key("current_model"), on_change=_changed)
    right.selectbox("Nåværende organisasjonsform", FORM_IDS, format_func=lambda f: kb.form(f).label_with_report_term,
                    index=None, placeholder="Velg organisasjonsform …", key=_key("current_form"), on_change=_changed,
                    help="Formene slik de heter i 2026. Et § 27-samarbeid måtte omdannes innen høsten 2023 "
                         "(kommuneloven 2018); velg det det ble.")
    if profile.par27_unconverted:
        st.warning("Profilen beskriver et § 27-samarbeid. Slike samarbeid måtte omdannes innen høsten 2023 – til "
                   "kommunalt oppgavefellesskap, interkommunalt politisk råd, IKS, AS eller samvirkeforetak. "
                   "Hva ble samarbeidet?")
        st.button("Det er i dag et kommunalt oppgavefellesskap", key="confirm_ko", on_click=_confirm_ko)

# The members and the conditions are drawn only while their expander is open, and each stays as the user left it
# on the next visit: a page switch lays out the top and the summary, not the whole form (issue 14: 263 ms against
# 108 ms for a two-page app before). Every widget is refilled from the profile above: a closed part keeps values.
opened: dict[str, bool] = {}
for label, key, draw in (("Medlemmer", "pf_members_open", _members_part),
                         ("Forhold som påvirker vurderingen", "pf_conditions_open", _conditions_part)):
    widgets.reopen(st.session_state, key, f"{key}_kept")
    part = st.expander(label, key=key, on_change=widgets.keep_open, args=(st.session_state, key, f"{key}_kept"))
    if part.open:
        with part:
            draw()
    opened[key] = part.open

count_error = st.session_state.get(COUNT_ERROR) if st.session_state.get(ERRORS) else None
for message in st.session_state.get(ERRORS, []):
    if message != count_error or not opened["pf_members_open"]:  # a refused count stands at its field while it is drawn
        st.warning(f"Profilen er ikke oppdatert: {markdown_escape(message)}")

st.subheader("Profilen som brukes nå")
_summary_part()
