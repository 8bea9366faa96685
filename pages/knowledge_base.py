"""Placeholder while the page is being built (replaced by its issue's work)."""

import streamlit as st

st.title("Under arbeid")
st.info("Denne siden er under arbeid.")
