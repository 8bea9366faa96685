"""`python -m ikt_model costs`: JSON shape, exit code 2 with one line on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ikt_model.cli import main
from ikt_model.municipalities import municipalities_today

REPO = Path(__file__).resolve().parents[2]


def test_json_output(capsys):
    assert main(["costs", "--members", "1515,1511,1514", "--budget", "12000000", "--equal-share", "0,3",
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["budget"] == 12_000_000
    assert [m["kommunenummer"] for m in out["members"]] == ["1515", "1511", "1514"]
    assert {"kommunenummer", "navn", "folketall", "andel_kr", "kr_per_innbygger"} <= set(out["members"][0])
    assert sum(m["andel_kr"] for m in out["members"]) == 12_000_000
    assert out["folketall_dato"] == "2026-01-01" and out["merknader"] == []
    pops = [municipalities_today()[k].folketall[2026] for k in ("1515", "1511", "1514")]
    assert [m["folketall"] for m in out["members"]] == pops
    exact = 12_000_000 * (0.3 / 3 + 0.7 * pops[0] / sum(pops))
    assert abs(out["members"][0]["andel_kr"] - exact) < 1


def test_old_numbers_names_merge_and_earlier_population(capsys):
    assert main(["costs", "--members", "1504,1523,Volda", "--budget", "1000000", "--format", "json",
                 "--population-year", "2024"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [m["kommunenummer"] for m in out["members"]] == ["1508", "1577"]
    assert out["folketall_dato"] == "2024-01-01"
    assert out["members"][0]["folketall"] == municipalities_today()["1508"].folketall[2024]
    assert out["merknader"] == ["Ålesund (1504, 2015) og Ørskog (1523, 2015) er i dag én kommune, Ålesund (1508): "
                                "regnet som ett medlem."]
    assert main(["costs", "--members", "1504,1523,1577", "--budget", "1000"]) == 0
    captured = capsys.readouterr()
    assert "Merk: Ålesund (1504, 2015) og Ørskog (1523, 2015)" in captured.err
    assert "Herøy (Nordland)" in (main(["costs", "--members", "1818,1515", "--budget", "1000"]) == 0
                                  and capsys.readouterr().out)


def test_percentages_and_text(capsys):
    assert main(["costs", "--budget", "1000", "--percentages", "1515=60,1511=40"]) == 0
    out = capsys.readouterr().out
    assert "600\u00a0kr" in out and "400\u00a0kr" in out
    assert main(["costs", "--budget", "1000", "--percentages", "1515=40,1511=60", "--format", "text"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [r.split()[0] for r in rows] == ["1511", "1515"]  # the largest share first, as on the page


@pytest.mark.parametrize("argv, message", [
    (["--members", "1515,9999", "--budget", "1000"], "Ukjent kommunenummer: 9999"),
    (["--members", "1850", "--budget", "1000"], "Tysfjord (1850, 2015) ble delt mellom Narvik (1806) og Hamarøy"),
    (["--members", "Herøy", "--budget", "1000"], "«Herøy» finnes flere steder"),
    (["--members", "1515", "--budget", "1000", "--population-year", "2023"], "ikke 2023"),
    (["--members", "1515", "--budget", "-5"], "negativt"),
    (["--members", "1515", "--budget", "99999999999"], "høyst"),
    (["--members", "", "--budget", "1000"], "minst én"),
    (["--members", "1515,1515", "--budget", "1000"], "flere ganger"),
    (["--members", "1515", "--budget", "1000", "--equal-share", "3"], "mellom 0 og 1"),
    (["--budget", "1000", "--percentages", "1515=60,1511=30"], "summere til 100"),
    (["--budget", "1000", "--percentages", "1515:60"], "kommunenummer=prosent"),
    (["--budget", "1000"], "--members"),
    (["--members", "1515", "--budget", "1.5"], "komma som desimaltegn"),
    (["--members", "1515", "--budget", "1,200"], "både 1,2 og 1 200"),
    (["--members", "1515", "--budget", "1000", "--equal-share", "0.3"], "0,3"),
])
def test_bad_input_exit_2_one_line(argv, message, capsys):
    assert main(["costs", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("budget, kroner", [("250.000", 250_000), ("1.200.000", 1_200_000),
                                            ("12,5 mill", 12_500_000), ("12 000 000", 12_000_000)])
def test_budget_in_norwegian_forms(budget, kroner, capsys):
    assert main(["costs", "--members", "1515,1511", "--budget", budget, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["budget"] == kroner


def test_percentages_with_decimal_comma(capsys):
    assert main(["costs", "--budget", "1000", "--percentages", "1515=60,5;1511=39,5", "--format", "json"]) == 0
    assert [m["andel_kr"] for m in json.loads(capsys.readouterr().out)["members"]] == [605, 395]
    assert main(["costs", "--budget", "1000", "--percentages", "1515=60,5,1511=39,5", "--format", "json"]) == 0
    assert [m["andel_kr"] for m in json.loads(capsys.readouterr().out)["members"]] == [605, 395]


def test_subprocess_exit_code():
    proc = subprocess.run([sys.executable, "-m", "ikt_model", "costs", "--members", "1515", "--budget", "x"],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
