"""Nasjonal oversikt: the collaborations of 2015 (Vedlegg 5) with filters, key figures, charts,
the 2.6.1 comparison and every data-quality decision."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.overview import charts, queries, table261
from ikt_model.overview.db import shared_overview_database
from ikt_model.overview.source import FORM_LABELS

DOWNLOAD_COLUMNS = {"navn": "Samarbeid", "ks_region": "KS-region", "organisasjonsform_navn": "Form",
                    "etablert_aar": "Etablert", "alder_2015": "Alder 2015", "antall_kommuner": "Kommuner",
                    "folketall": "Innbyggere", "medlemmer": "Medlemmer", "formelt_navn": "Formelt navn",
                    "merknad": "Merknad (datakvalitet)"}


def overview_connection():
    return shared_overview_database()  # one connection per process, shared by the overview pages


@st.cache_data(show_spinner=False)
def fixed_parts():
    """Parts that do not depend on the filters (the database does not change while the app runs)."""
    cur = overview_connection().cursor()
    return (queries.filter_options(cur), table261.comparison(cur), table261.explanations(cur),
            queries.data_quality_categories(cur))


@st.cache_data(show_spinner=False, max_entries=64)
def filtered(selection: queries.OverviewFilter):
    cur = overview_connection().cursor()
    return queries.collaborations(cur, selection), queries.key_figures(cur, selection)


cur = overview_connection().cursor()
options, comparison, explanations, quality_categories = fixed_parts()

st.title("Nasjonal oversikt")
st.caption("Interkommunale IKT-samarbeid i 2015 slik de er listet i rapportens Vedlegg 5, renset og koblet til "
           "kommunene i 2015. Trykt tekst er tatt vare på ved siden av hver rettet verdi (se «Datakvalitet» nederst).")

with st.container(border=True):
    c1, c2 = st.columns(2)
    regions = c1.multiselect("KS-region", options.regions, key="ov_regions", bind="query-params",
                             placeholder="Alle regioner")
    forms = c2.multiselect("Organisasjonsform", options.forms, format_func=FORM_LABELS.get, key="ov_forms",
                           bind="query-params", placeholder="Alle former",
                           help="Et samarbeid med to former (§ 27 og vertskommune) vises under begge.")
    c3, c4, c5 = st.columns([2, 2, 1])
    years = c3.slider("Etableringsår", options.year_min, options.year_max, (options.year_min, options.year_max),
                      key="ov_years", bind="query-params")
    size = c4.slider("Antall kommuner i samarbeidet", options.kommuner_min, options.kommuner_max,
                     (options.kommuner_min, options.kommuner_max), key="ov_size", bind="query-params")
    unknown = c5.checkbox("Ta med samarbeid uten år", value=True, key="ov_unknown_year", persist_state="session",
                          help="Fem samarbeid har ikke etableringsår i vedlegget.")

selection = queries.OverviewFilter(regions=tuple(regions), forms=tuple(forms), year_from=years[0], year_to=years[1],
                                   include_unknown_year=unknown, kommuner_min=size[0], kommuner_max=size[1])
frame, figures = filtered(selection)

m1, m2, m3, m4 = st.columns(4)
m1.metric("Samarbeid", fmt.number(figures.samarbeid), help="Antall samarbeid som passer filtrene (av 41).")
m2.metric("Kommuner med", fmt.number(figures.kommuner),
          delta=f"{fmt.percent(figures.andel_kommuner)} av 428", delta_color="off",
          help="Kommuner som er med i minst ett av samarbeidene (telles én gang).")
m3.metric("Innbyggere dekket", fmt.number(figures.folketall),
          delta=f"{fmt.percent(figures.andel_folketall)} av befolkningen", delta_color="off",
          help="Sum av folkemengden 1.1.2015 i kommunene som er med (hver kommune én gang).")
m4.metric("Gjennomsnittlig alder i 2015",
          "–" if figures.alder_snitt is None else f"{fmt.number(figures.alder_snitt, 1)} år",
          help="2015 minus etableringsåret; samarbeid uten år er ikke med.")

if frame.empty:
    st.info("Ingen samarbeid passer filtrene. Fjern ett eller flere filtre.")
else:
    tabs = st.tabs(["Tabell", "Organisasjonsform", "Etablert", "Kommuner per samarbeid", "Innbyggere"])
    with tabs[0]:
        st.dataframe(
            frame, hide_index=True,
            column_order=["navn", "ks_region", "organisasjonsform_navn", "etablert_aar", "alder_2015",
                          "antall_kommuner", "folketall", "medlemmer", "formelt_navn", "merknad"],
            column_config={
                "navn": st.column_config.TextColumn("Samarbeid", pinned=True),
                "ks_region": st.column_config.TextColumn("KS-region"),
                "organisasjonsform_navn": st.column_config.TextColumn("Form", help="Hovedform (trykt først)"),
                "etablert_aar": st.column_config.NumberColumn("Etablert", format="%d"),
                "alder_2015": st.column_config.ProgressColumn("Alder 2015", format="%d år", min_value=0,
                                                              max_value=20),
                "antall_kommuner": st.column_config.NumberColumn("Kommuner", format="%d"),
                "folketall": st.column_config.NumberColumn("Innbyggere", format="localized"),
                "medlemmer": st.column_config.TextColumn("Medlemmer", width="large"),
                "formelt_navn": st.column_config.TextColumn("Formelt navn"),
                "merknad": st.column_config.TextColumn("Merknad (datakvalitet)", width="large"),
            })
        with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
            table = frame[list(DOWNLOAD_COLUMNS)].rename(columns=DOWNLOAD_COLUMNS)
            for d in spreadsheet.downloads(table, "samarbeid-2015", sheet="Samarbeid"):
                st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"ov_dl_{d.kind}",
                                   on_click="ignore", icon=":material/download:")
        chosen = st.selectbox("Vis medlemmene i", frame["id"].tolist(), index=None, key="ov_members",
                              persist_state="session",
                              format_func=dict(zip(frame["id"], frame["navn"], strict=False)).get,
                              placeholder="Velg et samarbeid")
        if chosen:
            st.dataframe(queries.members(cur, chosen), hide_index=True, column_config={
                "navn_i_rapporten": "Navn i rapporten", "kommunenummer": "Nummer (2015)", "navn": "Kommune (SSB)",
                "medlemstype": "Type", "fylke": "Fylke",
                "folketall": st.column_config.NumberColumn("Folketall 2015", format="localized"),
                "navn_2024": "Navn 2024", "merknad": st.column_config.TextColumn("Merknad", width="large")})
    chart_config = {"displaylogo": False}
    with tabs[1]:
        st.plotly_chart(charts.forms_bar(frame), config=chart_config, key="ov_chart_forms")
    with tabs[2]:
        st.plotly_chart(charts.timeline(frame), config=chart_config, key="ov_chart_timeline")
    with tabs[3]:
        st.plotly_chart(charts.municipalities_histogram(frame), config=chart_config, key="ov_chart_size")
    with tabs[4]:
        st.plotly_chart(charts.population_bar(frame), config=chart_config, key="ov_chart_population")

st.header("Tabell 2.6.1: trykt og beregnet")
st.caption("Rapporten 2.6.1 oppsummerer driftssamarbeidene etter organisasjonsform. Her er tallene beregnet fra "
           "vedlegget (alle 41, uavhengig av filtrene; hovedform) stilt ved siden av de trykte.")
st.dataframe(comparison, hide_index=True)
st.markdown("**Hvorfor tallene er forskjellige**")
st.markdown("\n".join(f"- {line}" for line in explanations))

st.header("Datakvalitet")
st.caption("Hver avgjørelse i rensingen av Vedlegg 5: hva som står trykt, hva vi har bestemt og hvorfor. "
           "«Beholdt og flagget» betyr at dataene er som trykt, men at oppføringen ser feil ut.")
categories = st.multiselect("Vis kategori", quality_categories, key="ov_quality_categories", persist_state="session",
                            placeholder="Alle kategorier")
st.dataframe(queries.data_quality(cur, tuple(categories)), hide_index=True,
             column_order=["kategori", "samarbeid", "trykt", "beslutning", "resultat", "begrunnelse"],
             column_config={"kategori": "Kategori", "samarbeid": "Samarbeid", "trykt": "Trykt",
                            "beslutning": "Beslutning",
                            "resultat": st.column_config.TextColumn("Resultat", width="large"),
                            "begrunnelse": st.column_config.TextColumn("Begrunnelse", width="large")})

st.caption("Kilde: Vedlegg 5, PwC for KS (2015), «IKT-samarbeid i kommunal sektor», avsnitt 2.6.1. "
           "Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015).")
