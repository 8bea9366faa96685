"""Kart: the municipalities coloured by the ICT collaboration they belong to, for the chosen version of the
national overview (newest by default). Version 1, the report's Vedlegg 5: on today's borders (members shown
in the municipality that has taken them over) or on the 2015 borders. Uploaded versions: today's borders.

The map, its two settings and the click details live in a fragment: changing them reruns only the
fragment. The figure is cached per setting and carries the boundaries as a URL (static/, fetched once by
the browser), so it is ~0.12 MB. When the whole page reruns (the table filter below) the map element is
byte-identical, so Streamlit sends a reference to the copy the browser already has instead of the figure
(scripts/bench_map.py measures this).
"""

import streamlit as st

from ikt_model import format as fmt
from ikt_model import spreadsheet
from ikt_model.municipalities import DEFAULT_POPULATION_YEAR
from ikt_model.overview import map as kart
from ikt_model.overview import (
    map_borders,
    map_click,
    map_data,
    map_legend,
    map_summary,
    version_db,
    version_repository,
    versions,
)
from ikt_model.ui import overview_version
from ikt_model.ui import workspace as sak
from ikt_model.ui.text import markdown_escape

REPORT = versions.REPORT_VERSION


@st.cache_data(show_spinner=False, max_entries=8)
def _version_rows(version_id: int, viewer):
    """`viewer` (versions.viewer): None for a version everyone sees, the sak for its own unpublished upload."""
    return map_data.map_rows(version_db.version_database(version_id, viewer).cursor())


@st.cache_data(show_spinner=False, max_entries=8)
def _rows(version_id: int, viewer, borders: str):
    if version_id != REPORT:
        return map_borders.rows_for_version(_version_rows(version_id, viewer))
    return map_borders.rows_for_borders(_version_rows(version_id, viewer), borders)


@st.cache_data(show_spinner=False, max_entries=8)
def _collaborations(version_id: int, viewer):
    return map_data.collaborations(version_db.version_database(version_id, viewer).cursor())


@st.cache_data(show_spinner=False, max_entries=32)
def _table(version_id: int, viewer, borders: str, county: str | None):
    return map_summary.map_table(_rows(version_id, viewer, borders), show_successors=True, fylke=county,
                                 uploaded=version_id != REPORT)


@st.cache_resource(show_spinner="Tegner kartet …", max_entries=8)
def _figure(version_id: int, viewer, borders: str, color_by: str, show_successors: bool):
    boundaries = map_borders.geojson_url(st.get_option("server.baseUrlPath"), borders)
    return kart.map_figure(_rows(version_id, viewer, borders), color_by, show_successors, boundaries_url=boundaries,
                           borders=borders, uploaded=version_id != REPORT)


workspace = sak.current(st.session_state)  # uploads are private to their sak until published
all_versions = version_repository.shared_repository().versions(workspace)
by_id = {v.id: v for v in all_versions}
overview_version.settle(st.session_state, list(by_id), "kart_versjon")

st.title("Kart over IKT-samarbeid")
version_id = st.selectbox("Versjon av oversikten", list(by_id), key="kart_versjon",
                          on_change=overview_version.box_changed, args=(st.session_state, "kart_versjon"),
                          format_func=lambda i: by_id[i].label,
                          help="Versjon 1 er rapportens liste fra 2015; nyere versjoner er lastet opp av "
                               "KS-rådgivere på «Nasjonal oversikt» og vises på dagens kommuner.")
is_report = version_id == REPORT
viewer = versions.viewer(by_id[version_id], workspace)
if is_report:
    st.markdown(
        "Kommunene fargelagt etter det interkommunale IKT-samarbeidet de er med i ifølge rapportens "
        "**Vedlegg 5** (2015; se også tabellen i **2.6.1**). Hold pekeren over en kommune for folketall og "
        "samarbeid; **klikk** på en kommune (på mobil: trykk) for å se samarbeidet under kartet."
    )
    borders = st.radio(
        "Kommunegrenser", options=list(map_borders.BORDERS_LABELS), format_func=map_borders.BORDERS_LABELS.get,
        horizontal=True, key="kart_grenser", bind="query-params",
    )
else:
    st.markdown(
        f"Dagens kommuner fargelagt etter IKT-samarbeidet de er med i ifølge **versjon {version_id}** av den "
        "nasjonale oversikten. Hold pekeren over en kommune for folketall og samarbeid; **klikk** på en kommune "
        "(på mobil: trykk) for å se samarbeidet under kartet."
    )
    borders = "today"
if not is_report:
    st.caption(markdown_escape(versions.version_caption(by_id[version_id])))
elif borders == "today":
    st.caption("Dagens kommunegrenser (fra 1.1.2024). Medlemmene i rapportens oversikt fra 2015 er vist i den "
               f"kommunen som har overtatt dem (kilde: SSB); en delt kommune (Snillfjord, Tysfjord) i hver del. "
               f"Folketall 1.1.{DEFAULT_POPULATION_YEAR}, SSB.")
else:
    st.caption("Kommunegrensene i 2015, slik rapporten så landet. Folketall 1.1.2015, SSB.")


@st.fragment
def _map_section() -> None:
    left, right = st.columns([2, 3])
    color_by = left.radio(
        "Fargelegg etter", options=list(map_legend.COLOR_BY_LABELS), format_func=map_legend.COLOR_BY_LABELS.get,
        horizontal=True, key="kart_farge", bind="query-params",
    )
    show_successors = False
    if is_report and borders == "2015":
        show_successors = right.toggle(
            "Vis dagens kommune (etter sammenslåinger)", key="kart_2024", bind="query-params",
            help="Viser navn og nummer på kommunen som i dag har overtatt 2015-kommunen (kilde: SSB).",
        )
    fig = _figure(version_id, viewer, borders, color_by, show_successors)
    what = "i dag" if borders == "today" else "i 2015"
    event = st.plotly_chart(
        fig, key="kart", on_select="rerun", selection_mode="points",
        config=map_borders.plotly_config(st.get_option("server.baseUrlPath")),
        alt=f"Kart over Norges kommuner {what} fargelagt etter {map_legend.COLOR_BY_LABELS[color_by].lower()}. "
            "Samme innhold finnes som tabell under kartet.",
    )
    st.caption(map_legend.legend_text(color_by, uploaded=not is_report))
    st.caption(kart.ATTRIBUTION)
    selected = map_click.describe_selection(event, _rows(version_id, viewer, borders),
                                            _collaborations(version_id, viewer), kart.trace_locations(fig))
    if not selected:
        st.info("Klikk på en kommune i kartet for å se hvilket IKT-samarbeid den er med i.",
                icon=":material/touch_app:")
    for municipality in selected:
        with st.container(border=True, key=f"kart_valgt_{municipality.kommunenummer}"):
            st.markdown(map_click.summary_text(municipality, show_successors, uploaded=not is_report))
            for collaboration in municipality.samarbeid:
                st.markdown(map_click.collaboration_markdown(collaboration))


_map_section()

with st.expander("Kartet som tabell (tekstalternativ)"):
    county_options = ["Alle fylker", *map_summary.counties(_rows(version_id, viewer, borders))]
    if st.session_state.get("kart_tabell_fylke") not in county_options:  # a 2015 county on today's map
        st.session_state.pop("kart_tabell_fylke", None)
    county = st.selectbox("Fylke", county_options, key="kart_tabell_fylke", persist_state="session")
    table = _table(version_id, viewer, borders, None if county == "Alle fylker" else county)
    st.dataframe(
        table, hide_index=True, placeholder=fmt.MISSING,
        column_config={c: st.column_config.NumberColumn(format="localized") for c in table.columns
                       if c.startswith("Folketall")},
    )
    st.caption(f"{fmt.plural(len(table), 'kommune', 'kommuner')}. " + kart.ATTRIBUTION)
    with st.container(horizontal=True):  # for Excel: CSV with «;» and decimal comma, and .xlsx
        for d in spreadsheet.downloads(table, "kommuner-og-samarbeid", sheet="Kommuner"):
            st.download_button(d.label, d.data, file_name=d.file_name, mime=d.mime, key=f"kart_dl_{d.kind}",
                               on_click="ignore", icon=":material/download:")
