"""The national overview (report Vedlegg 5 and section 2.6.1) as validated data in DuckDB, and its versions.

source: CSV -> pydantic; db: DuckDB tables and views; version_db: those for one uploaded version;
queries: what the overview page asks;
table261: the printed 2.6.1 table beside the computed one; charts: plotly figures;
map, map_data, map_click: the «Kart» page (figure, queries, click); similar: «Lignende samarbeid»;
sqlsafe, sqlworker: the read-only user-SQL sandbox over a snapshot, and its worker thread;
forms: organisation forms in 2026 terms; upload: template and row-by-row validation of an uploaded overview;
versions: the versions in the durable store (1 = the report's 2015 list) and what changed between two.
"""
