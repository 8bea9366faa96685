"""The SQL page's sentences: DuckDB's common errors in Norwegian, the rest labelled as the database's."""

import duckdb
import pytest

from ikt_model.overview.sqlmessages import (
    explain_error,
    first_line,
    norwegian_detail,
    seconds,
    timeout_message,
    too_large_message,
)
from ikt_model.overview.sqlsafe import SqlLimits


@pytest.mark.parametrize(("detail", "expected"), [
    ('Parser Error: syntax error at or near "FORM"', "Syntaksfeil i SQL ved «FORM»."),
    ("Parser Error: syntax error at end of input", "Syntaksfeil i SQL: spørringen slutter før den er ferdig."),
    ('Binder Error: Referenced column "nvn" not found in FROM clause!', "Kolonnen «nvn» finnes ikke"),
    ("Catalog Error: Table with name x does not exist!", "Tabellen «x» finnes ikke."),
    ("Catalog Error: Scalar Function with name lenn does not exist!", "Funksjonen «lenn» finnes ikke i DuckDB."),
    ('Binder Error: column "navn" must appear in the GROUP BY clause or must be part of an aggregate function.',
     "Kolonnen «navn» må stå i GROUP BY"),
])
def test_common_errors_in_norwegian(detail, expected):
    assert norwegian_detail(detail).startswith(expected)


def test_an_unknown_error_keeps_the_databases_text_labelled():
    assert norwegian_detail("Conversion Error: Could not convert string 'a' to INT32") is None
    message = explain_error(duckdb.ConversionException("Conversion Error: Could not convert string 'a' to INT32"),
                            SqlLimits())
    assert message == "Spørringen feilet. (Databasens melding: Conversion Error: Could not convert string 'a' to INT32)"


def test_a_too_deep_query_is_not_called_a_syntax_error_nor_told_to_change_a_setting():
    """A 20 000-term «1 + 1 + …» got «Syntaksfeil i SQL» and DuckDB's «Use "SET max_expression_depth …"»."""
    con = duckdb.connect()
    with pytest.raises(duckdb.ParserException) as raised:
        con.execute("SELECT " + " + ".join(["1"] * 2_000))
    message = explain_error(raised.value, SqlLimits())
    assert message.startswith("Spørringen er for lang eller for dypt nestet: ett uttrykk kan ha høyst 1\u00a0000 ledd")
    assert "Syntaksfeil" not in message and "SET" not in message and "Databasens melding" not in message


def test_a_refused_file_read_is_said_in_norwegian_only():
    con = duckdb.connect(config={"enable_external_access": False})
    with pytest.raises(duckdb.PermissionException) as raised:
        con.execute("SELECT * FROM read_csv('/etc/passwd')")
    message = explain_error(raised.value, SqlLimits())
    assert message == ("Ingen tilgang: spørringer kan ikke lese filer eller nettadresser, laste utvidelser eller "
                       "endre innstillinger. Bruk oversiktens tabeller.")


def test_timeout_and_size_sentences_in_norwegian_format():
    assert seconds(5.0) == "5\u00a0s" and seconds(0.5) == "0,5\u00a0s"
    assert "tidsgrensen på 1,5\u00a0s" in timeout_message(SqlLimits(timeout_s=1.5))
    assert explain_error(duckdb.InterruptException("INTERRUPT Error: Interrupted!"), SqlLimits(timeout_s=2)) == \
        timeout_message(SqlLimits(timeout_s=2))
    assert too_large_message(25_400_000, SqlLimits()).startswith(
        "Resultatet er for stort til å vises (omtrent 25 MB; grensen er 10 MB).")
    assert first_line(ValueError("")) == "ValueError" and first_line(ValueError("a\nb")) == "a"
