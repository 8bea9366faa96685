"""Domain core for decision support on inter-municipal ICT collaboration.

No Streamlit here: pages import this package and render what it computes.
Source: PwC for KS (2015), «IKT-samarbeid i kommunal sektor» — section numbers in data/.
"""

__version__ = "0.1.0"
