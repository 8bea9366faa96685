"""Nasjonal oversikt: the collaborations of a chosen version of the overview (1 = the report's 2015 list,
Vedlegg 5; later ones uploaded by KS advisers) with filters, key figures, charts, what changed against
another version, and the upload of a new version. For version 1 also the 2.6.1 comparison and every
data-quality decision."""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.overview import (
    charts,
    collaboration_table,
    queries,
    table261,
    upload,
    upload_rows,
    upload_template,
    version_repository,
    versions,
)
from ikt_model.overview.version_db import version_database
from ikt_model.overview.version_diff import REPORT_TERMS_NOTE, diff_summary, diff_table, diff_versions
from ikt_model.ui import overview_upload, overview_version, share
from ikt_model.ui import workspace as sak
from ikt_model.ui.text import markdown_cells, markdown_escape
from ikt_model.workspaces import shared_workspaces


def repository():
    return version_repository.shared_repository()  # one store connection per process


# The cached parts take `viewer` (versions.viewer): None for a version everyone sees (one copy for all
# sessions), the session's workspace for its own unpublished upload (checked in version_database).
@st.cache_data(show_spinner=False)
def fixed_parts(version_id: int, viewer):
    """Parts that do not depend on the filters (a version never changes once stored)."""
    cur = version_database(version_id, viewer).cursor()
    parts = (queries.filter_options(cur), queries.data_quality_categories(cur))
    if version_id == versions.REPORT_VERSION:
        return (*parts, table261.comparison(cur), table261.explanations(cur))
    return (*parts, None, None)


@st.cache_data(show_spinner=False, max_entries=64)
def filtered(version_id: int, viewer, selection: queries.OverviewFilter):
    cur = version_database(version_id, viewer).cursor()
    return queries.collaborations(cur, selection), queries.key_figures(cur, selection)


@st.cache_data(show_spinner=False, max_entries=16)
def version_diff(old: int, new: int, viewer):
    repo = repository()
    return diff_versions(repo.load(old, viewer), repo.load(new, viewer))


@st.cache_data(show_spinner=False, max_entries=4)
def validate(name: str, data: bytes):
    return upload.read_upload(name, data, upload_rows.default_lookup())


@st.cache_data(show_spinner=False)
def templates() -> tuple[bytes, bytes]:
    return upload_template.template_xlsx(), upload_template.template_csv()


@st.cache_data(show_spinner=False, max_entries=8)
def export(version_id: int, viewer, kind: str) -> bytes:
    rows = versions.export_rows(repository().load(version_id, viewer))
    return upload_template.template_xlsx(rows) if kind == "xlsx" else upload_template.template_csv(rows)


workspace = sak.current(st.session_state)  # uploads are private to their sak until published
all_versions = repository().versions(workspace)
by_id = {v.id: v for v in all_versions}
ids = list(by_id)
overview_version.show_pending(st.session_state, ids, "ov_version")
overview_version.settle(st.session_state, ids, "ov_version")

st.title("Nasjonal oversikt")
version_id = st.selectbox("Versjon av oversikten", ids, key="ov_version",
                          on_change=overview_version.box_changed, args=(st.session_state, "ov_version"),
                          format_func=lambda i: by_id[i].label,
                          help="Versjon 1 er rapportens liste fra 2015. Nyere versjoner er lastet opp av "
                               "KS-rådgivere (se «Oppdater oversikten» nederst). Den nyeste er valgt som standard.")
info = by_id[version_id]
is_report = version_id == versions.REPORT_VERSION
suffix = "" if is_report else f"_{version_id}"  # widget keys per version: their ranges differ
viewer = versions.viewer(info, workspace)
st.caption(markdown_escape(versions.version_caption(info)))
if message := st.session_state.pop("ov_flash", None):
    st.success(message, icon=":material/check_circle:")
if link := sak.link_to_show(st.session_state, share.app_base_url(st.context.url, "oversikt")):
    with st.container(border=True, key="ov_sak_link_box"):
        st.warning(f"Opplastingen er lagret i en ny, privat sak. {sak.WARNING} {sak.KEEP_ADVICE}",
                   icon=":material/key:")
        st.code(link, language=None, wrap_lines=True)
        if st.button(sak.KEPT_LABEL, key="ov_sak_link_kept"):
            sak.forget_link(st.session_state)
            st.rerun()
if not info.published:
    with st.container(border=True, key="ov_publish_box"):
        st.markdown(f"**Versjon {version_id} er ikke publisert.** Bare saken din ser den. Driftsansvarlig for "
                    "serveren publiserer den for alle kommuner med operatørnøkkelen.")
        with st.form("ov_publish_form", clear_on_submit=True, border=False):
            operator_key = st.text_input("Operatørnøkkel", type="password", max_chars=500, key="ov_operator_key",
                                         help="Nøkkelen settes av driftsansvarlig i serverens miljø "
                                              "(IKT_OPERATOR_KEY). Uten den kan ingen endre hva alle ser.")
            if st.form_submit_button(f"Publiser versjon {version_id} for alle", icon=":material/public:"):
                try:
                    repository().publish(version_id, workspace, operator_key)
                except versions.VersionError as exc:
                    st.error(markdown_escape(exc), icon=":material/block:")
                else:
                    st.session_state["ov_flash"] = f"Versjon {version_id} er publisert: alle kommuner ser den nå."
                    st.rerun()

cur = version_database(version_id, viewer).cursor()
options, quality_categories, comparison, explanations = fixed_parts(version_id, viewer)
labels = options.form_labels

with st.container(border=True):
    c1, c2 = st.columns(2)
    if options.regions:
        regions = c1.multiselect("KS-region", options.regions, key="ov_regions", bind="query-params",
                                 placeholder="Alle regioner", select_all=False)
    else:
        regions = []
        c1.caption("KS-region er ikke med i opplastede versjoner.")
    forms = c2.multiselect("Organisasjonsform", options.forms, format_func=lambda f: labels.get(f, f),
                           key=f"ov_forms{suffix}", bind="query-params", placeholder="Alle former", select_all=False,
                           help="Et samarbeid med to former (§ 27, i dag kommunalt oppgavefellesskap, og "
                                "vertskommune) vises under begge.")
    c3, c4, c5 = st.columns([2, 2, 1])
    years = c3.slider("Etableringsår", options.year_min, max(options.year_max, options.year_min + 1),
                      (options.year_min, max(options.year_max, options.year_min + 1)), key=f"ov_years{suffix}",
                      bind="query-params")
    size = c4.slider("Antall kommuner i samarbeidet", options.kommuner_min,
                     max(options.kommuner_max, options.kommuner_min + 1),
                     (options.kommuner_min, max(options.kommuner_max, options.kommuner_min + 1)),
                     key=f"ov_size{suffix}", bind="query-params")
    unknown = c5.checkbox("Ta med samarbeid uten år", value=True, key="ov_unknown_year", persist_state="session",
                          help="Fem samarbeid i rapportens liste har ikke etableringsår.") if is_report else True

selection = queries.OverviewFilter(regions=tuple(regions), forms=tuple(forms), year_from=years[0], year_to=years[1],
                                   include_unknown_year=unknown, kommuner_min=size[0], kommuner_max=size[1])
frame, figures = filtered(version_id, viewer, selection)
year = info.reference_year
population_year = versions.population_year(info)
municipalities_total = versions.municipality_count(info)

m1, m2, m3, m4 = st.columns(4)
m1.metric("Samarbeid", fmt.number(figures.samarbeid),
          help=f"Antall samarbeid som passer filtrene (av {fmt.number(info.collaborations)}).")
m2.metric("Kommuner med", fmt.number(figures.kommuner),
          delta=f"{fmt.percent(figures.andel_kommuner)} av {fmt.number(municipalities_total)}", delta_color="off",
          delta_arrow="off",  # a share, not a change: an up-arrow read as growth
          help="Kommuner som er med i minst ett av samarbeidene (telles én gang).")
m3.metric("Innbyggere dekket", fmt.number(figures.folketall),
          delta=f"{fmt.percent(figures.andel_folketall)} av befolkningen", delta_color="off", delta_arrow="off",
          help=f"Sum av folkemengden 1.1.{population_year} (SSB) i kommunene som er med (hver kommune én gang).")
m4.metric(f"Gjennomsnittlig alder i {year}",
          "–" if figures.alder_snitt is None else f"{fmt.number(figures.alder_snitt, 1)} år",
          help=f"{year} minus etableringsåret; samarbeid uten år er ikke med.")

if frame.empty:
    st.info("Ingen samarbeid passer filtrene. Fjern ett eller flere filtre.")
else:
    tabs = st.tabs(["Tabell", "Organisasjonsform", "Etablert", "Kommuner per samarbeid", "Innbyggere"])
    with tabs[0]:
        columns = collaboration_table.shown_columns(is_report)
        st.dataframe(
            fmt.table(frame, decimals=1, plain_columns=("etablert_aar",)), hide_index=True, placeholder=fmt.MISSING,
            column_order=columns, column_config={
                "navn": st.column_config.TextColumn("Samarbeid", pinned=True),
                "ks_region": st.column_config.TextColumn("KS-region"),
                "organisasjonsform_navn": st.column_config.TextColumn("Form", help="Hovedform"),
                "etablert_aar": st.column_config.TextColumn("Etablert"),  # text from fmt.table: 2009, «–»
                "alder": st.column_config.ProgressColumn(f"Alder {year}", format="%d år", min_value=0,
                                                         max_value=max(20, year - options.year_min)),
                "antall_kommuner": st.column_config.NumberColumn("Kommuner", format="%d"),
                "ansatte": st.column_config.NumberColumn("Ansatte", format="localized"),
                "folketall": st.column_config.NumberColumn("Innbyggere", format="localized"),
                "medlemmer": st.column_config.TextColumn("Medlemmer", width="large"),
                "formelt_navn": st.column_config.TextColumn("Formelt navn"),
                "merknad": st.column_config.TextColumn("Merknad (datakvalitet)" if is_report else "Merknad",
                                                       width="large"),
            })
        with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
            table = collaboration_table.download_table(frame, columns, year, is_report)
            stem = collaboration_table.download_stem(version_id, is_report)
            for d in spreadsheet.downloads(table, stem, sheet="Samarbeid"):
                st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"ov_dl_{d.kind}",
                                   on_click="ignore", icon=":material/download:")
        chosen = st.selectbox("Vis medlemmene i", frame["id"].tolist(), index=None, key=f"ov_members{suffix}",
                              persist_state="session",
                              format_func=dict(zip(frame["id"], frame["navn"], strict=False)).get,
                              placeholder="Velg et samarbeid")
        if chosen:
            number_label = "Nummer (2015)" if is_report else "Kommunenummer"
            st.dataframe(fmt.table(queries.members(cur, chosen)), hide_index=True, placeholder=fmt.MISSING,
                         column_order=None if is_report else ["kommunenummer", "navn", "fylke", "folketall"],
                         column_config={
                             "navn_i_rapporten": "Navn i rapporten", "kommunenummer": number_label,
                             "navn": "Kommune (SSB)", "medlemstype": "Type", "fylke": "Fylke", "navn_2024": "Navn 2024",
                             "folketall": st.column_config.NumberColumn(f"Folketall {population_year}",
                                                                        format="localized"),
                             "merknad": st.column_config.TextColumn("Merknad", width="large")})
    chart_config = {"displaylogo": False}
    with tabs[1]:
        st.plotly_chart(charts.forms_bar(frame, info.numbering), config=chart_config, key="ov_chart_forms")
    with tabs[2]:
        st.plotly_chart(charts.timeline(frame, info.numbering), config=chart_config, key="ov_chart_timeline")
    with tabs[3]:
        st.plotly_chart(charts.municipalities_histogram(frame), config=chart_config, key="ov_chart_size")
    with tabs[4]:
        st.plotly_chart(charts.population_bar(frame, numbering=info.numbering), config=chart_config,
                        key="ov_chart_population")

st.header("Endringer mellom versjoner")
default_other = versions.compare_default(ids, version_id)
if default_other is None:
    st.caption("Det finnes bare én versjon. Last opp en oppdatert oversikt nederst for å se hva som er endret.")
else:
    others = [i for i in ids if i != version_id]
    other = st.selectbox("Sammenlign med", others, index=others.index(default_other), key=f"ov_compare{suffix}",
                         format_func=lambda i: by_id[i].label)
    old, new = sorted((other, version_id))
    private = not (by_id[old].published and by_id[new].published)
    diff = version_diff(old, new, workspace if private else None)
    st.markdown(f"**{diff_summary(diff)}**")
    if not diff.unchanged:
        st.dataframe(fmt.table(diff_table(diff, upload_rows.default_lookup().names)), hide_index=True,
                     placeholder=fmt.MISSING, column_config={"Detaljer": st.column_config.TextColumn(width="large")})
    if versions.REPORT_VERSION in (old, new):
        st.caption(REPORT_TERMS_NOTE)

if is_report:
    st.header("Tabell 2.6.1: trykt og beregnet")
    st.caption("Rapporten 2.6.1 oppsummerer driftssamarbeidene etter organisasjonsform. Her er tallene beregnet fra "
               "vedlegget (alle 41, uavhengig av filtrene; hovedform) stilt ved siden av de trykte.")
    st.dataframe(fmt.table(comparison, decimals=1), hide_index=True, placeholder=fmt.MISSING)
    st.markdown("**Hvorfor tallene er forskjellige**")
    st.markdown("\n".join(f"- {line}" for line in explanations))

    st.header("Datakvalitet")
    st.caption("Hver avgjørelse i rensingen av Vedlegg 5: hva som står trykt, hva vi har bestemt og hvorfor. "
               "«Beholdt og flagget» betyr at dataene er som trykt, men at oppføringen ser feil ut.")
    categories = st.multiselect("Vis kategori", quality_categories, key="ov_quality_categories",
                                persist_state="session", placeholder="Alle kategorier", select_all=False)
    st.dataframe(fmt.table(queries.data_quality(cur, tuple(categories))), hide_index=True, placeholder=fmt.MISSING,
                 column_order=["kategori", "samarbeid", "trykt", "beslutning", "resultat", "begrunnelse"],
                 column_config={"kategori": "Kategori", "samarbeid": "Samarbeid", "trykt": "Trykt",
                                "beslutning": "Beslutning",
                                "resultat": st.column_config.TextColumn("Resultat", width="large"),
                                "begrunnelse": st.column_config.TextColumn("Begrunnelse", width="large")})

st.header("Oppdater oversikten")
st.markdown(overview_upload.INSTRUCTIONS)
d1, d2, d3 = st.columns(3)
template_xlsx, template_csv = templates()
d1.download_button("Mal (Excel, .xlsx)", template_xlsx, file_name="oversikt_mal.xlsx", mime=spreadsheet.XLSX_MIME,
                   icon=":material/download:", key="ov_template_xlsx")
d2.download_button("Mal (CSV for Excel)", template_csv, file_name="oversikt_mal.csv", mime="text/csv",
                   icon=":material/download:", key="ov_template_csv")
d3.download_button(f"Versjon {version_id} som utgangspunkt (.xlsx)", export(version_id, viewer, "xlsx"),
                   file_name=f"oversikt_versjon_{version_id}.xlsx", mime=spreadsheet.XLSX_MIME, key="ov_export_xlsx",
                   icon=":material/download:", help=overview_upload.starting_point_help(is_report))

uploaded = st.file_uploader("Last opp oppdatert oversikt (CSV eller Excel .xlsx, høyst 10 000 rader)",
                            type=None, key="ov_upload")
if uploaded is not None:
    with st.spinner("Kontrollerer filen …"):
        report = validate(uploaded.name, uploaded.getvalue())
    stored = overview_upload.stored_as(st.session_state, report.digest)
    if not report.ok:
        st.error(overview_upload.refused_text(report), icon=":material/error:")
        errors = upload.error_table(report)  # a grid cut the longest message at 1400 px («… innen 1.1.20…»)
        if len(errors) <= overview_upload.PLAIN_TABLE_ERRORS:  # a plain table wraps every message whole
            st.table(markdown_cells(errors), hide_index=True)
        else:  # many errors: a grid whose rows are tall enough for the text to wrap (Streamlit wraps above 4rem)
            st.dataframe(errors, hide_index=True, placeholder=fmt.MISSING, key="ov_upload_errors",
                         row_height=overview_upload.WRAPPED_ROW_HEIGHT)
    elif stored is not None:
        st.success(f"Filen er lagret som versjon {stored}.", icon=":material/check_circle:")
    else:
        st.success(overview_upload.accepted_text(report), icon=":material/check_circle:")
        for notice in report.notices:
            st.caption(markdown_escape(notice))
        with st.form("ov_save_form", border=True):
            comment = st.text_area("Kommentar til versjonen", max_chars=version_repository.COMMENT_MAX,
                                   key="ov_comment", placeholder="Hva er oppdatert, og hvor kommer opplysningene fra?")
            if st.form_submit_button("Lagre som ny versjon", type="primary", icon=":material/save:"):
                owner = sak.ensure(st.session_state, shared_workspaces())  # a new private sak on first save
                new_info = repository().save(report.upload, source=report.file_name, comment=comment, workspace=owner)
                overview_upload.remember_stored(st.session_state, report.digest, new_info.id)
                st.toast(f"Lagret som versjon {new_info.id}.", icon=":material/check_circle:")
                st.rerun()

st.caption(versions.source_line(info))
