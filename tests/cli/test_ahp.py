"""CLI `ahp`: JSON output, and exit code 2 with one clear line for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import ikt_model.cli as cli
from tests.robustness.test_ahp import HOUSE

REPO = Path(__file__).resolve().parents[2]


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def house_csv(tmp_path, with_names=False, rows=HOUSE):
    names = ["size", "transport", "neighbourhood", "age", "yard", "modern", "condition", "financing"]
    lines = [("," if with_names else "") + ",".join(names)]
    for name, row in zip(names, rows, strict=False):
        cells = [f"1/{round(1 / v)}" if v < 1 else f"{v:g}" for v in row]
        lines.append((name + "," if with_names else "") + ",".join(cells))
    return write(tmp_path, "m.csv", "\n".join(lines) + "\n")


@pytest.mark.parametrize("with_names", [False, True])
def test_ahp_house_example(tmp_path, capsys, with_names):
    code, out, err = run(["ahp", "--matrix", house_csv(tmp_path, with_names), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["weights"] == pytest.approx([0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], abs=5e-4)
    assert data["lambda_max"] == pytest.approx(9.669, abs=5e-4) and data["ci"] == pytest.approx(0.238, abs=5e-4)
    assert data["ri"] == 1.4056 and data["cr"] == pytest.approx(0.1696, abs=5e-4)
    assert data["consistent"] is False
    assert data["most_inconsistent"]["row"] == "neighbourhood" and data["most_inconsistent"]["col"] == "condition"


@pytest.mark.parametrize("text, expected", [
    ("a,b\n1,3\n1/2,1\n", "ikke resiprok"),
    ("a,b,c\n1,3,1\n1/3,1,1\n", "ikke kvadratisk"),
    ("a,b\n1,-3\n-1/3,1\n", "positive"),
    ("a,b\n1,tre\n1/3,1\n", "er ikke et tall"),
    ("a,b\n1,0\n0,1\n", "positive"),
    ("a,b\n", "overskriftsrad"),
])
def test_ahp_bad_matrix(tmp_path, capsys, text, expected):
    code, out, err = run(["ahp", "--matrix", write(tmp_path, "m.csv", text)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err, err


def test_missing_file(capsys):
    code, _, err = run(["ahp", "--matrix", "/nonexistent/m.csv"], capsys)
    assert code == 2 and "finnes ikke" in err


def test_real_entry_point(tmp_path):
    """`python -m ikt_model ahp ...` as a user runs it."""
    ok = subprocess.run([sys.executable, "-m", "ikt_model", "ahp", "--matrix", house_csv(tmp_path), "--format", "json"],
                        cwd=REPO, capture_output=True, text=True)
    assert ok.returncode == 0 and json.loads(ok.stdout)["consistent"] is False
    bad_matrix = write(tmp_path, "b.csv", "a,b\n1,2\n2,1\n")
    bad = subprocess.run([sys.executable, "-m", "ikt_model", "ahp", "--matrix", bad_matrix],
                         cwd=REPO, capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_ahp_reads_csv_from_norwegian_excel(tmp_path, capsys):
    standard = run(["ahp", "--matrix", write(tmp_path, "m.csv", "a,b,c\n1,3,0.5\n1/3,1,0.25\n2,4,1\n")], capsys)
    norwegian = run(["ahp", "--matrix", write(tmp_path, "n.csv", "a;b;c\n1;3;0,5\n1/3;1;0,25\n2;4;1\n")], capsys)
    assert standard[0] == norwegian[0] == 0 and norwegian[1] == standard[1]
