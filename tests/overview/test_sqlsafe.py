"""User SQL: one SELECT on a locked, read-only connection with time and row limits."""

from __future__ import annotations

import time

import duckdb
import pytest

from ikt_model.overview.sqlsafe import (
    SqlLimits,
    SqlRefused,
    check_statement,
    locked_connection,
    overview_snapshot,
    run_user_sql,
)

LIMITS = SqlLimits(timeout_s=1.0, max_rows=100)


@pytest.fixture(scope="module")
def con():
    connection = locked_connection(limits=LIMITS)
    yield connection
    connection.close()


def refused(con, sql: str) -> str:
    with pytest.raises(SqlRefused) as info:
        run_user_sql(sql, con, LIMITS)
    message = str(info.value)
    assert "Traceback" not in message and message.strip()
    return message


def test_select_works_and_returns_columns_and_rows(con):
    result = run_user_sql("SELECT count(*) AS n FROM samarbeid;", con, LIMITS)
    assert result.columns == ["n"] and result.rows == [(41,)] and not result.truncated
    assert result.to_json_obj() == {"columns": ["n"], "rows": [{"n": 41}]}


def test_views_and_describe_are_allowed(con):
    assert run_user_sql("SELECT count(*) FROM v_kommune_samarbeid", con, LIMITS).rows[0][0] >= 428
    assert len(run_user_sql("DESCRIBE samarbeid", con, LIMITS).rows) >= 11


@pytest.mark.parametrize("sql, words", [
    ("INSERT INTO samarbeid (id) VALUES ('x')", "INSERT"),
    ("UPDATE samarbeid SET navn = 'x'", "UPDATE"),
    ("DELETE FROM medlemskap", "DELETE"),
    ("DROP TABLE samarbeid", "DROP"),
    ("CREATE TABLE x AS SELECT 1", "CREATE"),
    ("ALTER TABLE samarbeid ADD COLUMN x INT", "ALTER"),
])
def test_writes_are_refused(con, sql, words):
    assert words in refused(con, sql)
    assert run_user_sql("SELECT count(*) FROM samarbeid", con, LIMITS).rows == [(41,)]


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM read_csv_auto('https://example.com/x.csv')",
])
def test_file_and_url_reads_are_refused(con, sql):
    message = refused(con, sql)
    # a bare quoted path is looked up as a table name when external access is off
    assert message.startswith(("Ingen tilgang", "Ukjent tabell", "Tabellen «/etc/passwd» finnes ikke"))
    assert "root:" not in message


def test_attach_copy_export_refused(con, tmp_path):
    assert "ATTACH" in refused(con, f"ATTACH '{tmp_path / 'x.duckdb'}' AS x")
    assert "COPY" in refused(con, f"COPY samarbeid TO '{tmp_path / 'x.csv'}'")
    assert "COPY" in refused(con, "COPY samarbeid FROM '/etc/passwd'")
    assert "EXPORT" in refused(con, f"EXPORT DATABASE '{tmp_path}'")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("sql", ["INSTALL spatial", "LOAD spatial", "INSTALL httpfs FROM community"])
def test_extensions_refused(con, sql):
    assert "utvidelser" in refused(con, sql)


@pytest.mark.parametrize("sql", ["SET enable_external_access = true", "RESET lock_configuration",
                                 "SET memory_limit = '10GB'", "PRAGMA threads=8", "USE main", "CALL pragma_version()"])
def test_settings_refused(con, sql):
    refused(con, sql)
    assert run_user_sql("SELECT current_setting('enable_external_access')", con, LIMITS).rows == [(False,)]


def test_multiple_statements_refused(con):
    assert "én spørring" in refused(con, "SELECT 1; DROP TABLE samarbeid")
    assert "én spørring" in refused(con, "SELECT 1; SELECT 2")


def test_empty_and_syntax_errors(con):
    assert "SELECT" in refused(con, "   ")
    assert "SELECT" in refused(con, "-- bare en kommentar")
    assert "Syntaksfeil" in refused(con, "SELEC 1")
    assert "Tabellen «finnes_ikke» finnes ikke" in refused(con, "SELECT * FROM finnes_ikke")


def test_runaway_cross_join_is_interrupted(con):
    start = time.perf_counter()
    message = refused(con, "SELECT count(*) FROM range(100000000) a, range(100000000) b")
    assert "tidsgrensen" in message
    assert time.perf_counter() - start < 5


def test_row_limit(con):
    result = run_user_sql("SELECT * FROM range(1000)", con, LIMITS)
    assert len(result.rows) == 100 and result.truncated


def test_duplicate_column_names_made_unique(con):
    assert run_user_sql("SELECT 1 AS a, 2 AS a", con, LIMITS).columns == ["a", "a_2"]


def test_python_variables_are_not_visible(con):
    secret_df = duckdb.sql("SELECT 1 AS hemmelig").df()  # noqa: F841 (replacement scan target)
    assert "Tabellen «secret_df» finnes ikke" in refused(con, "SELECT * FROM secret_df")


def test_connection_is_read_only_even_without_the_statement_check(con):
    cur = con.cursor()
    with pytest.raises(duckdb.Error):
        cur.execute("CREATE TABLE x (a INT)")
    with pytest.raises(duckdb.Error):
        cur.execute("SET enable_external_access = true")


def test_timeout_message_uses_norwegian_number_format():
    from ikt_model.overview.sqlmessages import seconds
    assert seconds(5) == "5\u00a0s" and seconds(0.5) == "0,5\u00a0s"


def test_check_statement_returns_the_query_without_semicolon():
    assert check_statement("  SELECT 1 ;  ") == "SELECT 1"
    assert overview_snapshot().exists()



@pytest.mark.parametrize(("sql", "expected"), [
    ("SELEC 1", "Syntaksfeil i SQL ved «SELEC»."),
    ("SELECT navn FORM samarbeid", "Syntaksfeil i SQL ved «samarbeid»."),
    ("SELECT nvn FROM samarbeid", "Kolonnen «nvn» finnes ikke i tabellene spørringen leser."),
    ("SELECT * FROM samarbeidx", "Tabellen «samarbeidx» finnes ikke."),
    ("SELECT lenn(navn) FROM samarbeid", "Funksjonen «lenn» finnes ikke i DuckDB."),
])
def test_common_mistakes_are_explained_in_norwegian(con, sql, expected):
    message = refused(con, sql)
    assert message.startswith(expected)
    assert "Error" not in message and "not found" not in message and "does not exist" not in message


def test_an_unknown_database_message_is_labelled_as_the_databases(con):
    message = refused(con, "SELECT 'a' + 1")
    assert message.startswith("Feil i spørringen") and "(Databasens melding: Binder Error" in message


def test_a_result_too_large_to_show_is_refused_in_norwegian(con):
    from ikt_model.overview.sqlsafe import SqlLimits, run_user_sql

    with pytest.raises(SqlRefused) as caught:
        run_user_sql("SELECT repeat('x', 3000000) AS t", con, SqlLimits(max_bytes=2_000_000))
    assert str(caught.value) == ("Resultatet er for stort til å vises (omtrent 3 MB; grensen er 2 MB). Velg færre "
                                 "kolonner eller rader, eller kort ned lange tekster, for eksempel med "
                                 "left(kolonne, 200).")
    small = run_user_sql("SELECT repeat('x', 1000000) AS t", con, SqlLimits(max_bytes=2_000_000))
    assert len(small.rows[0][0]) == 1_000_000
