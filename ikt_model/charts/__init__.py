"""plotly.graph_objects figures for the pages (never plotly express: ~19 ms a figure)."""
