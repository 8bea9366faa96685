"""Lignende samarbeid: the collaborations of the chosen overview version (1 = Vedlegg 5) most like the user's
(from the shared profile)."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.overview import similar, version_db, version_repository, versions
from ikt_model.overview.source import KS_REGIONS
from ikt_model.ui import overview_version, session
from ikt_model.ui import workspace as sak
from ikt_model.ui.text import markdown_escape

workspace = sak.current(st.session_state)  # uploads are private to their sak until published
all_versions = version_repository.shared_repository().versions(workspace)
by_id = {v.id: v for v in all_versions}
overview_version.settle(st.session_state, list(by_id), "lignende_versjon")

st.title("Lignende samarbeid")
version_id = st.selectbox("Versjon av oversikten", list(by_id), key="lignende_versjon",
                          on_change=overview_version.box_changed, args=(st.session_state, "lignende_versjon"),
                          format_func=lambda i: by_id[i].label)
info = by_id[version_id]
is_report = version_id == versions.REPORT_VERSION
where = "rapportens **Vedlegg 5** (2015)" if is_report else f"**versjon {version_id}** av den nasjonale oversikten"
st.markdown(
    f"Hvilke av IKT-samarbeidene i {where} ligner mest på deres, og hvordan er de "
    "organisert? Sammenligningen bruker profilen fra «Samarbeidet»: **felles medlemskommuner** når dere har "
    "oppgitt medlemmene, ellers **størrelse** (antall kommuner, jf. 3.2)"
    + (", **KS-region**" if is_report else "") + " og **organisasjonsform** (3.4)."
)
if not is_report:
    st.caption(markdown_escape(versions.version_caption(info)))

profile = st.session_state[session.PROFILE]
st.info(similar.profile_text(profile), icon=":material/groups:")
links = st.columns(2)
links[0].page_link("pages/profile.py", label="Endre profilen på «Samarbeidet»", icon=":material/edit_note:")
links[1].page_link("pages/map_view.py", label="Se samarbeidene på kartet", icon=":material/map:")

left, right = st.columns(2)
if is_report:
    region_choice = left.selectbox(
        "KS-region", [None, *KS_REGIONS], key="lignende_region", bind="query-params",
        format_func=lambda r: r or ("Utled fra medlemmene" if profile.members else "Ikke valgt"),
        help="Regionen teller med i likheten. Med medlemskommuner utledes den fra fylkene deres.",
    )
else:
    region_choice = None
    left.caption("KS-region er ikke med i opplastede versjoner og teller ikke i likheten.")
most = max(2, min(info.collaborations, 100))
limit = right.slider("Antall treff", 1, most, min(10, most),
                     key="lignende_antall" if is_report else f"lignende_antall_{version_id}",
                     persist_state="session")

column_config = {
    "Likhet": st.column_config.ProgressColumn("Likhet", min_value=0, max_value=100, format="%d %%",
                                              help="Felles medlemmer: Jaccard-likhet. Ellers: vektet likhet."),
    "Folketall": st.column_config.NumberColumn(format="localized"),
    "Hvorfor likt": st.column_config.TextColumn(width="large"),
    "Medlemmer": st.column_config.TextColumn(width="large"),
}


def _show(result, key: str) -> None:
    st.caption(similar.basis_text(result))
    if result.note:
        st.warning(result.note)
    if not result.rows:
        st.info("Ingen samarbeid å vise.")
        return
    st.markdown(similar.matches_heading(result, limit))
    for row in result.rows[:similar.TOP_MATCHES]:
        st.markdown(similar.match_markdown(row))
    st.dataframe(similar.result_table(result), hide_index=True, placeholder=fmt.MISSING, column_config=column_config)
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(similar.result_table(result), f"lignende-{result.mode}", sheet="Lignende"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"lignende_dl_{key}_{d.kind}",
                               on_click="ignore", icon=":material/download:")


cur = version_db.version_database(version_id, versions.viewer(info, workspace)).cursor()
try:
    if profile.members:
        st.subheader("Samarbeid med felles medlemskommuner")
        _show(similar.similar_collaborations(cur, profile, region_choice, limit, uploaded=not is_report), key="1")
        st.subheader("Samarbeid av lignende størrelse, region og form")
        _show(similar.similar_collaborations(cur, profile, region_choice, limit, mode="profile",
                                             uploaded=not is_report), key="2")
    else:
        st.caption("Tips: legg inn medlemskommunene på «Samarbeidet» for å se hvilke samarbeid dere "
                   "allerede deler kommuner med, og for å sammenligne folketall.")
        st.subheader("Samarbeid av lignende størrelse, region og form")
        _show(similar.similar_collaborations(cur, profile, region_choice, limit, uploaded=not is_report), key="3")
except ValueError as exc:
    st.error(f"Kunne ikke sammenligne: {markdown_escape(exc)}")
finally:
    cur.close()

with st.expander("Slik regnes likheten"):
    st.markdown(
        "- **Felles medlemmer**: Jaccard-likhet = antall felles kommuner / antall kommuner i minst ett av de to "
        "samarbeidene (1 = samme kommuner, 0 = ingen felles).\n"
        "- **Profil-likhet** (0–100 %): størrelse 40 % (1 − forskjell i antall kommuner / det største), folketall "
        "20 % (minste / største, bare når medlemmene er kjent), samme KS-region 20 % og samme organisasjonsform "
        "20 % (bare når dere har oppgitt en nåværende form). Ukjente deler utelates og vektene skaleres opp.\n"
        + ("- Data: Vedlegg 5 renset (se «Nasjonal oversikt» for datakvalitet). Folketall: Statistisk sentralbyrå, "
           "1.1.2015." if is_report else
           f"- Data: versjon {version_id} av oversikten, lastet opp av KS-rådgiver. Folketall: Statistisk "
           "sentralbyrå, 1.1.2026.")
    )
