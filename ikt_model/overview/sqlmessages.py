"""What the SQL page says when a query is refused, fails or is too big: one Norwegian sentence each.

DuckDB's commonest error texts (syntax error at a word, unknown column, table or function, GROUP BY) are
said in Norwegian; any other keeps the database's own first line, labelled «Databasens melding».
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import duckdb

from .. import format as fmt

if TYPE_CHECKING:
    from .sqlsafe import SqlLimits


def seconds(value: float) -> str:
    """5.0 -> '5 s', 0.5 -> '0,5 s' (Norwegian decimal comma)."""
    return f"{fmt.number(value, 0 if float(value).is_integer() else 1)}{fmt.NBSP}s"


def timeout_message(limits: SqlLimits) -> str:
    """The Norwegian sentence shown when a query ran past `limits.timeout_s`, with what to try instead."""
    return (f"Spørringen ble stoppet fordi den brukte mer enn tidsgrensen på {seconds(limits.timeout_s)}. "
            "Begrens den, for eksempel med WHERE, LIMIT eller færre koblinger (JOIN).")


def first_line(exc: BaseException) -> str:
    """The first line of an exception's text (its class name when it has none)."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def explain_error(exc: duckdb.Error, limits: SqlLimits) -> str:
    """One Norwegian sentence for a DuckDB error while running user SQL (the database's own text kept,
    labelled, only where no Norwegian one is known)."""
    detail = first_line(exc)
    if isinstance(exc, duckdb.InterruptException):
        return timeout_message(limits)
    if isinstance(exc, duckdb.PermissionException):
        # the Norwegian sentence alone: the database's text names our own configuration, not the user's query
        return ("Ingen tilgang: spørringer kan ikke lese filer eller nettadresser, laste utvidelser eller "
                "endre innstillinger. Bruk oversiktens tabeller.")
    if isinstance(exc, duckdb.OutOfMemoryException):
        return f"Spørringen brukte for mye minne (grense {limits.memory_limit}). Begrens den med WHERE eller LIMIT."
    if known := norwegian_detail(detail):
        return known
    if isinstance(exc, duckdb.CatalogException):
        return f"Ukjent tabell, kolonne eller funksjon. Se skjemaet på siden. (Databasens melding: {detail})"
    if isinstance(exc, duckdb.ParserException):
        return f"Syntaksfeil i SQL. (Databasens melding: {detail})"
    if isinstance(exc, duckdb.BinderException):
        return f"Feil i spørringen: en kolonne eller et uttrykk passer ikke. (Databasens melding: {detail})"
    return f"Spørringen feilet. (Databasens melding: {detail})"


# DuckDB's commonest messages, said in Norwegian (others keep the database's English text, labelled as such)
_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r'^Parser Error: syntax error at or near "(?P<x>.*)"$'),
     "Syntaksfeil i SQL ved «{x}». Sjekk stavemåten av nøkkelord (SELECT, FROM, WHERE) og kommaer."),
    # not a syntax error; DuckDB's own advice («Use "SET max_expression_depth …"») is a setting the page refuses
    (re.compile(r"^Parser Error: Max expression depth limit of (?P<x>\d+) exceeded"),
     "Spørringen er for lang eller for dypt nestet: ett uttrykk kan ha høyst {x} ledd inni hverandre. "
     "Del den opp eller skriv uttrykket enklere (for eksempel sum() i stedet for mange «+»)."),
    (re.compile(r"^Parser Error: syntax error at end of input$"),
     "Syntaksfeil i SQL: spørringen slutter før den er ferdig."),
    (re.compile(r'^Binder Error: Referenced column "(?P<x>.*)" not found in FROM clause!'),
     "Kolonnen «{x}» finnes ikke i tabellene spørringen leser. Se skjemaet på siden."),
    (re.compile(r"^Catalog Error: Table with name (?P<x>.*) does not exist!"),
     "Tabellen «{x}» finnes ikke. Se skjemaet på siden."),
    (re.compile(r"^Catalog Error: (Scalar |Aggregate |Table )?Function with name (?P<x>.*) does not exist!"),
     "Funksjonen «{x}» finnes ikke i DuckDB."),
    (re.compile(r'^Binder Error: column "(?P<x>.*)" must appear in the GROUP BY clause'),
     "Kolonnen «{x}» må stå i GROUP BY eller brukes i en aggregatfunksjon (for eksempel count eller max)."),
)


def norwegian_detail(detail: str) -> str | None:
    """DuckDB's first error line said in Norwegian, or None when it is not one of the common ones (_DETAILS)."""
    for pattern, text in _DETAILS:
        if match := pattern.match(detail):
            x = (match.groupdict().get("x") or "")[:100]
            return text.format(x=fmt.number(int(x)) if x.isdigit() else x)
    return None


def too_large_message(size: int, limits: SqlLimits) -> str:
    """The Norwegian sentence for a result over `limits.max_bytes` (`size` in bytes), with what to try instead."""
    return (f"Resultatet er for stort til å vises (omtrent {fmt.number(size / 1e6, 0)} MB; grensen er "
            f"{fmt.number(limits.max_bytes / 1e6, 0)} MB). Velg færre kolonner eller rader, eller kort ned lange "
            "tekster, for eksempel med left(kolonne, 200).")
