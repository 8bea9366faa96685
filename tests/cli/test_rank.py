import json
import subprocess
import sys
from pathlib import Path

import pytest

from ikt_model.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def profile_file(tmp_path):
    path = tmp_path / "profil.json"
    path.write_text(json.dumps({"status": "new", "municipalities": 5}), encoding="utf-8")
    return path


def test_rank_json(profile_file, capsys):
    assert main(["rank", "--profile", str(profile_file), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first = out["ranking"][0]
    assert (first["rank"], first["model"], first["form"]) == (1, "alternativ", "par27")
    assert len(out["ranking"]) == 12
    assert set(first["contributions"]) == {str(i) for i in range(1, 13)}
    assert abs(sum(out["weights"].values()) - 1) < 1e-5
    assert all(w["severity"] == "info" and w["section"] for w in out["warnings"])
    rec = out["recommendation"]
    assert (rec["model"], rec["form"], rec["section"], rec["agrees_with_ranking"]) == ("alternativ", "par27", "4.2",
                                                                                        True)
    assert "kommunalt oppgavefellesskap" in rec["text"].lower() and "§ 27" in rec["quote"]
    parts = first["components"]
    assert set(parts) == {"model", "form", "fit", "context", "transition"}
    assert abs(sum(parts.values()) - first["score"]) < 1e-5


def test_rank_with_weights_file_missing_ids_are_zero(profile_file, tmp_path, capsys):
    weights = tmp_path / "w.json"
    weights.write_text(json.dumps({"3": 10}), encoding="utf-8")
    assert main(["rank", "--profile", str(profile_file), "--weights", str(weights)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["weights"]["3"] == 1.0
    # with economy only, no governance model has an edge (mf.ks.3 is 0 since the 2026 review, 4.4/2.8);
    # the alternatives without the vertskommune economy challenge (4.2) share first place
    first = [r for r in out["ranking"] if r["rank"] == 1]
    assert len(first) > 1 and all(r["form"] != "vertskommune" for r in first)


def test_rank_table(profile_file, capsys):
    assert main(["rank", "--profile", str(profile_file), "--format", "table"]) == 0
    assert "Alternativ modell + Kommunalt oppgavefellesskap (KO)" in capsys.readouterr().out


@pytest.mark.parametrize("setup,message", [
    (lambda d: ["--profile", str(d / "nope.json")], "finnes ikke"),
    (lambda d: (d / "p.json").write_text("{nope") and ["--profile", str(d / "p.json")], "ikke gyldig JSON"),
    (lambda d: (d / "p.json").write_text('{"status": "existing_working"}') and ["--profile", str(d / "p.json")],
     "nåværende styringsmodell"),
    (lambda d: (d / "p.json").write_text('{"status": "gammel"}') and ["--profile", str(d / "p.json")],
     "Status: ugyldig valg (velg blant"),
    (lambda d: (d / "p.json").write_text('{"status": "new", "current_form": "iks"}')
     and ["--profile", str(d / "p.json")],
     "nytt samarbeid har ingen nåværende"),
    (lambda d: (d / "p.json").write_text("{}") and ["--profile", str(d / "p.json"), "--weights", "tull"],
     "ukjent vektsett"),
    (lambda d: (d / "p.json").write_text("{}") and (d / "w.json").write_text('{"1": -3}')
     and ["--profile", str(d / "p.json"), "--weights", str(d / "w.json")], "negativ"),
    (lambda d: (d / "p.json").write_text("{}") and (d / "w.json").write_text('{"1": -0, "2": 30}')
     and ["--profile", str(d / "p.json"), "--weights", str(d / "w.json")],
     "ugyldige vekter: Vekten for faktor 1 kan ikke være negativ (skrevet: -0); skriv 0 eller mer"),  # was 0
    (lambda d: (d / "p.json").write_text("{}") and (d / "w.json").write_text('{"1": -0.0, "2": 30}')
     and ["--profile", str(d / "p.json"), "--weights", str(d / "w.json")], "kan ikke være negativ (skrevet: -0)"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, setup, message):
    args = setup(tmp_path)
    assert main(["rank", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_module_entry_point_runs(profile_file):
    done = subprocess.run([sys.executable, "-m", "ikt_model", "rank", "--profile", str(profile_file)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout)["ranking"][0]["form"] == "par27"
    bad = subprocess.run([sys.executable, "-m", "ikt_model", "rank"], cwd=REPO, capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1
