"""`python -m ikt_model sql`: JSON/CSV/table output; refusals exit 2 with one stderr line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ikt_model.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_json_output(capsys):
    assert main(["sql", "SELECT id, etablert_aar FROM samarbeid WHERE id IN ('ddv', 'ikt-orkide') ORDER BY id"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"columns": ["id", "etablert_aar"],
                   "rows": [{"id": "ddv", "etablert_aar": 2015}, {"id": "ikt-orkide", "etablert_aar": 1997}]}


def test_csv_and_table_output(capsys):
    query = "SELECT kommunenummer, navn FROM kommuner WHERE kommunenummer = '0101'"
    assert main(["sql", query, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["kommunenummer,navn", "0101,Halden"]
    assert main(["sql", "SELECT count(*) AS antall FROM samarbeid", "--format", "table"]) == 0
    assert "41" in capsys.readouterr().out


@pytest.mark.parametrize("query", ["DROP TABLE samarbeid", "SELECT * FROM read_csv('/etc/passwd')",
                                   "SELECT 1; SELECT 2", "ATTACH 'x.db'", "INSTALL spatial", "SET threads = 8"])
def test_refused_exit_2_one_line(capsys, query):
    assert main(["sql", query]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("feil: ")


def test_timeout_and_row_limit(capsys):
    assert main(["sql", "SELECT count(*) FROM range(100000000) a, range(100000000) b", "--timeout", "0.5"]) == 2
    assert "tidsgrensen" in capsys.readouterr().err
    assert main(["sql", "SELECT * FROM range(50)", "--max-rows", "5"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["rows"]) == 5 and "5" in captured.err


@pytest.mark.parametrize("timeout", ["nan", "inf", "-inf"])
def test_timeout_must_be_a_finite_number_of_seconds(capsys, timeout):
    """«nan» stopped every query at once with «tidsgrensen på nan s»; now it is refused before any query runs."""
    assert main(["sql", "SELECT 1 AS en", f"--timeout={timeout}"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"feil: --timeout må være et endelig antall sekunder, for eksempel 10 (fikk «{timeout}»)\n"


@pytest.mark.parametrize("option", ["--timeout=-0", "--max-rows=-0"])
def test_a_minus_zero_limit_is_refused(capsys, option):
    assert main(["sql", "SELECT 1 AS en", option]) == 2
    assert capsys.readouterr().err == "feil: --max-rows og --timeout må være større enn null\n"


def test_subprocess_no_traceback():
    proc = subprocess.run([sys.executable, "-m", "ikt_model", "sql", "COPY samarbeid TO '/tmp/x.csv'"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_uninterruptible_query_is_stopped_by_the_watchdog():
    import time
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ikt_model", "sql", "SELECT len(range(60000000))", "--timeout", "0.5"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "tidsgrensen på 0,5\u00a0s" in lines[0]
    assert time.perf_counter() - start < 30
