"""The durable store: one DuckDB file for workshops, scenarios, workspaces and uploaded versions of the national
overview, with a versioned schema.

Path: `get_settings().store_path` (env IKT_STORE_PATH; default outside the source tree).

The modules: `connection` (opening the file, the process's shared connection, transactions, writes with
retry, reads), `schema` (each component's migrations), `faults` (every DuckDB/OS error as one Norwegian
sentence, `StoreUnavailable`), `health` (`check()` at start-up and in the CLI, `recover()` for a damaged file).
"""
