"""CLI `smaa`: JSON output, and exit code 2 with one clear line for bad input."""

import json
from pathlib import Path

import pytest

import ikt_model.cli as cli

REPO = Path(__file__).resolve().parents[2]


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_smaa_uniform_analytic_case(tmp_path, capsys):
    values = write(tmp_path, "v.csv", "alternative,kost,kvalitet\nA,1,0\nB,0,1\n")
    code, out, err = run(["smaa", "--values", values, "--format", "json", "--seed", "3"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["alternatives"] == ["A", "B"] and data["criteria"] == ["kost", "kvalitet"]
    assert data["rank_acceptability"][0] == pytest.approx([0.5, 0.5], abs=0.01)
    assert data["central_weights"][0] == pytest.approx([0.75, 0.25], abs=0.01)
    assert data["confidence"] == [1.0, 1.0]


def test_smaa_ordinal_and_exact_weights(tmp_path, capsys):
    values = write(tmp_path, "v.csv", "alternative,kost,kvalitet\nA,1,0\nB,0,1\nC,0,0\n")
    _, out, _ = run(["smaa", "--values", values, "--weights", "ordinal", "--samples", "2000"], capsys)
    data = json.loads(out)
    assert data["rank_acceptability"][0][0] == 1.0 and data["central_weights"][1] is None
    weights = write(tmp_path, "w.json", json.dumps({"kost": 1, "kvalitet": 3}))
    _, out, _ = run(["smaa", "--values", values, "--weights", weights], capsys)
    data = json.loads(out)
    assert [row[0] for row in data["rank_acceptability"]] == [0.0, 1.0, 0.0]
    assert data["weight_mode"] == "exact"


def test_smaa_same_seed_same_output(tmp_path, capsys):
    values = write(tmp_path, "v.csv", "alternative,a,b,c\nX,1,2,0\nY,2,0,1\nZ,0,1,2\n")
    args = ["smaa", "--values", values, "--samples", "500", "--seed", "9", "--scores", "step"]
    assert run(args, capsys)[1] == run(args, capsys)[1]


@pytest.mark.parametrize("text, expected", [
    ("alternative,a,b\nA,1,x\n", "er ikke et tall"),
    ("alternative,a,b\nA,1\n", "2 celler, ventet 3"),
    ("alternative\n", "overskriftsrad"),
    ("alternative,a,a\nA,1,2\n", "unike"),
    ("alternative,a,b\nA,1,inf\n", "endelig"),
])
def test_smaa_bad_values(tmp_path, capsys, text, expected):
    code, out, err = run(["smaa", "--values", write(tmp_path, "v.csv", text)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err


@pytest.mark.parametrize("weights, expected", [
    ("tull", "ukjent vektvalg"),
    ('{"c": 1}', "ukjent kriterium"),
    ('{"a": -1, "b": 1}', "vekten for «a» kan ikke være negativ (skrevet: -1); skriv 0 eller mer"),
    ('{"a": -0, "b": 1}', "vekten for «a» kan ikke være negativ (skrevet: -0); skriv 0 eller mer"),  # was read as 0
    ('{"a": -0.0, "b": 1}', "vekten for «a» kan ikke være negativ (skrevet: -0)"),
    ('{"a": "-0", "b": 1}', "vekten for «a» må være et ikke-negativt tall"),
    ('{"a": 0, "b": 0}', "større enn null"),
    ("[1, 2]", "JSON-objekt"),
    ("{", "ikke gyldig JSON"),
])
def test_smaa_bad_weights(tmp_path, capsys, weights, expected):
    values = write(tmp_path, "v.csv", "alternative,a,b\nA,1,0\nB,0,1\n")
    spec = weights if weights == "tull" else write(tmp_path, "w.json", weights)
    code, _, err = run(["smaa", "--values", values, "--weights", spec], capsys)
    assert code == 2 and err.count("\n") == 1 and expected in err



def test_smaa_reads_csv_from_norwegian_excel(tmp_path, capsys):
    """Semicolon, decimal comma and BOM, as Norwegian Excel saves CSV: the same values as standard CSV."""
    standard = write(tmp_path, "v.csv", "alternative,kost,kvalitet\nA,1.5,0\nB,0,\"1,25\"\n")
    path = tmp_path / "no.csv"
    path.write_bytes("\ufeffalternative;kost;kvalitet\r\nA;1,5;0\r\nB;0;1,25\r\n".encode("utf-8"))
    args = ["--format", "json", "--seed", "3", "--samples", "500"]
    code, out_no, err = run(["smaa", "--values", str(path), *args], capsys)
    assert code == 0, err
    assert out_no == run(["smaa", "--values", standard, *args], capsys)[1]


@pytest.mark.parametrize("text, expected", [
    ("alternative;a;b\nA;1;1.5\n", "komma som desimaltegn"),   # a decimal point in a Norwegian file
    ("alternative,a,b\nA,1,\"1,200\"\n", "både 1,2 og 1 200"),  # ambiguous either way: refused
])
def test_smaa_refuses_numbers_it_would_have_to_guess(tmp_path, capsys, text, expected):
    code, out, err = run(["smaa", "--values", write(tmp_path, "v.csv", text)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and expected in err, err


@pytest.mark.parametrize("option, text, expected", [
    ("--seed", "-0", "--seed må være et helt tall fra 0 til 2\u00a0147\u00a0483\u00a0647."),  # was read as 0
    ("--seed", "\u22120", "--seed må være et helt tall fra 0"),
    ("--seed", "-5", "--seed må være et helt tall fra 0"),  # was a traceback from numpy
    ("--seed", "3,7", "--seed må være et helt tall fra 0"),
    ("--samples", "-0", "--samples må være et helt tall fra 1 til 15\u00a0000\u00a0000."),
    ("--samples", "0", "--samples må være et helt tall fra 1"),
    ("--samples", "mange", "--samples må være et helt tall fra 1"),
])
def test_smaa_refuses_a_minus_sign_in_whole_number_options(tmp_path, capsys, option, text, expected):
    """The app refuses «−0» as the seed (numbers.parse_whole_between); the command line read it as 0."""
    values = write(tmp_path, "v.csv", "alternative,a,b\nA,1,0\nB,0,1\n")
    code, out, err = run(["smaa", "--values", values, f"{option}={text}"], capsys)
    assert (code, out) == (2, "") and err.startswith(f"feil: {expected}")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_smaa_reads_whole_number_options_as_the_app_does(tmp_path, capsys):
    values = write(tmp_path, "v.csv", "alternative,a,b\nA,1,0\nB,0,1\n")
    code, out, err = run(["smaa", "--values", values, "--samples", "2 000", "--seed", " 7 "], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert (data["samples"], data["seed"]) == (2000, 7)
    assert out == run(["smaa", "--values", values, "--samples", "2000", "--seed", "7"], capsys)[1]
