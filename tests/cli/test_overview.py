"""`python -m ikt_model overview ...`: import, versions, diff, template; exit 2 and one line on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOOD = ("Samarbeid;Organisasjonsform;Medlemmer (kommunenummer);Etablert (år)\r\n"
        "IKT Sunnmøre;KO;1508, 1580, 1577;2020\r\n")


def cli(*args, store: Path):
    env = {"IKT_STORE_PATH": str(store), "PATH": "/usr/bin:/bin", "HOME": str(store.parent)}
    return subprocess.run([sys.executable, "-m", "ikt_model", "overview", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=120)


@pytest.fixture
def store(tmp_path):
    return tmp_path / "store.duckdb"


def test_import_versions_diff(tmp_path, store):
    good = tmp_path / "oversikt.csv"
    good.write_bytes(("\ufeff" + GOOD).encode())
    done = cli("import", str(good), "--comment", "Første oppdatering", store=store)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Lagret som versjon 2: 1 samarbeid, 3 medlemskap (kilde oversikt.csv)."
    listed = cli("versions", "--format", "json", store=store)
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["source"], r["comment"]) for r in rows][1] == (2, "oversikt.csv", "Første oppdatering")
    assert rows[0]["id"] == 1 and rows[0]["numbering"] == "2015"
    diff = cli("diff", "1", "2", store=store)
    assert diff.returncode == 0
    lines = diff.stdout.splitlines()
    assert lines[0].startswith("Fra versjon 1 til versjon 2: 1 nytt samarbeid, 41 fjernet")
    assert "Nytt samarbeid: IKT Sunnmøre" in lines
    as_json = json.loads(cli("diff", "1", "2", "--format", "json", store=store).stdout)
    assert as_json["added"] == ["IKT Sunnmøre"] and len(as_json["removed"]) == 41


def test_refused_file_stores_nothing_and_says_so_in_one_line(tmp_path, store):
    bad = tmp_path / "feil.csv"
    bad.write_text(GOOD + "IKT Sunnmøre;KO;1508, 9999;2020\r\nB;§ 27;1508, 1508;1800\r\n", encoding="utf-8")
    done = cli("import", str(bad), store=store)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("feil: ingenting er lagret: 5 feil i feil.csv; første: rad 3:")
    assert done.stdout.splitlines()[0] == "rad 3\tSamarbeid\tSamarbeidet «IKT Sunnmøre» er allerede ført opp i rad 2"
    assert len(done.stdout.splitlines()) == 5
    listed = json.loads(cli("versions", "--format", "json", store=store).stdout)
    assert [r["id"] for r in listed] == [1]


@pytest.mark.parametrize("args, message", [
    (("import", "/finnes/ikke.csv"), "feil: fant ikke filen /finnes/ikke.csv"),
    (("diff", "1", "7"), "feil: Fant ingen versjon 7 av oversikten."),
    (("diff", "en", "2"), "feil: «en» er ikke et versjonsnummer (1 = rapporten 2015)"),
    (("template", "mal.pdf"), "feil: malen kan skrives som .csv eller .xlsx"),
    (("slett",), None),
])
def test_bad_input_exit_2_one_line(args, message, store):
    done = cli(*args, store=store)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("feil: ")
    if message:
        assert done.stderr.strip() == message


def test_wrong_type_and_empty_files(tmp_path, store):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "tom.csv").write_bytes(b"")
    assert "Feil filtype «.pdf»" in cli("import", str(tmp_path / "a.pdf"), store=store).stderr
    assert cli("import", str(tmp_path / "tom.csv"), store=store).stderr.strip() == (
        "feil: ingenting er lagret: 1 feil i tom.csv; første: filen: Filen er tom.")


def test_template_then_import_of_filled_excel(tmp_path, store):
    from openpyxl import load_workbook

    path = tmp_path / "mal.xlsx"
    assert cli("template", str(path), store=store).returncode == 0
    book = load_workbook(path)
    book["Oversikt"].append(["Sunnmøre IKT", "Sunnmøre IKT IKS", "IKS", "1508, 1580", 2019, 12, ""])
    book.save(path)
    done = cli("import", str(path), store=store)
    assert done.returncode == 0, done.stderr
    assert "versjon 2: 1 samarbeid, 2 medlemskap" in done.stdout


def test_store_in_use_by_another_process_gives_one_line(tmp_path, store):
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(store)!r}); "
                               "print('ok', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        done = cli("versions", store=store)
        assert done.returncode == 2
        assert done.stderr.startswith("feil: Lageret er i bruk av en annen serverprosess")
        assert "PID" not in done.stderr and str(store) not in done.stderr
        assert done.stderr.count("\n") == 1
    finally:
        holder.kill()
        holder.wait()
