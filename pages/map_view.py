"""Kart: the 2015 municipalities coloured by the ICT collaboration they belong to (Vedlegg 5).

The map, its two settings and the click details live in a fragment: changing them reruns only the
fragment. The figure is cached per setting and carries the boundaries as a URL (static/, fetched once by
the browser), so it is ~0.12 MB. When the whole page reruns (the table filter below) the map element is
byte-identical, so Streamlit sends a reference to the copy the browser already has instead of the figure
(scripts/bench_map.py measures this).
"""

import streamlit as st

from ikt_model.overview import db, map_click, map_data
from ikt_model.overview import map as kart


def _database():
    return db.shared_overview_database()  # one connection per process, shared by the overview pages


@st.cache_data(show_spinner=False)
def _rows():
    return map_data.map_rows(_database().cursor())


@st.cache_data(show_spinner=False)
def _collaborations():
    return map_data.collaborations(_database().cursor())


@st.cache_data(show_spinner=False, max_entries=32)
def _table(county: str | None):
    return kart.map_table(_rows(), show_successors=True, fylke=county)


@st.cache_resource(show_spinner="Tegner kartet …", max_entries=4)
def _figure(color_by: str, show_successors: bool):
    boundaries = kart.geojson_url(st.get_option("server.baseUrlPath"))
    return kart.map_figure(_rows(), color_by, show_successors, boundaries_url=boundaries)


st.title("Kart over IKT-samarbeid i 2015")
st.markdown(
    "Kommunene slik de var i 2015 (428), fargelagt etter det interkommunale IKT-samarbeidet de er med i "
    "ifølge rapportens **Vedlegg 5** (se også tabellen i **2.6.1**). Hold pekeren over en kommune for "
    "folketall og samarbeid; **klikk** på en kommune for å se samarbeidet under kartet."
)


@st.fragment
def _map_section() -> None:
    left, right = st.columns([2, 3])
    color_by = left.radio(
        "Fargelegg etter", options=list(kart.COLOR_BY_LABELS), format_func=kart.COLOR_BY_LABELS.get,
        horizontal=True, key="kart_farge", bind="query-params",
    )
    show_successors = right.toggle(
        "Vis kommunen i 2024 (etter sammenslåinger)", key="kart_2024", bind="query-params",
        help="Viser navn og nummer på kommunen som i 2024 har overtatt 2015-kommunen (kilde: SSB).",
    )
    fig = _figure(color_by, show_successors)
    event = st.plotly_chart(
        fig, key="kart", on_select="rerun", selection_mode="points",
        config=kart.plotly_config(st.get_option("server.baseUrlPath")),
        alt=f"Kart over Norges kommuner i 2015 fargelagt etter {kart.COLOR_BY_LABELS[color_by].lower()}. "
            "Samme innhold finnes som tabell under kartet.",
    )
    st.caption(kart.legend_text(color_by))
    st.caption(kart.ATTRIBUTION)
    selected = map_click.describe_selection(event, _rows(), _collaborations(), kart.trace_locations(fig))
    if not selected:
        st.info("Klikk på en kommune i kartet for å se hvilket IKT-samarbeid den er med i.", icon=":material/touch_app:")
    for municipality in selected:
        with st.container(border=True, key=f"kart_valgt_{municipality.kommunenummer}"):
            st.markdown(map_click.summary_text(municipality, show_successors))
            for collaboration in municipality.samarbeid:
                st.markdown(map_click.collaboration_markdown(collaboration))


_map_section()

with st.expander("Kartet som tabell (tekstalternativ)"):
    county = st.selectbox("Fylke", ["Alle fylker", *kart.counties(_rows())], key="kart_tabell_fylke")
    table = _table(None if county == "Alle fylker" else county)
    st.dataframe(
        table, hide_index=True,
        column_config={"Folketall 2015": st.column_config.NumberColumn(format="localized")},
    )
    st.caption(f"{len(table)} kommuner. " + kart.ATTRIBUTION)
