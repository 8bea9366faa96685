"""The command line speaks Norwegian in one line with exit code 2: argparse's own errors, pydantic's
validation texts, deeply nested JSON, and an SMAA run too large for the machine."""

import json

import pytest

from ikt_model.cli import main, norwegian_argparse


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("feil: "), err
    return err


@pytest.mark.parametrize("argv, expected", [
    ([], "dette må oppgis: kommando"),
    (["rank"], "dette må oppgis: --profile"),
    (["rank", "--profile"], "--profile mangler verdi"),
    (["rank", "--profile", "p.json", "--format", "xml"], "--format: ugyldig valg 'xml' (velg blant"),
    (["smaa", "--values", "v.csv", "--samples", "mange"], "--samples må være et helt tall fra 1 til"),
    (["magi"], "kommando: ugyldig valg 'magi'"),
    (["rank", "--profile", "p.json", "--tull", "1"], "ukjente argumenter: --tull 1"),
])
def test_argument_errors_in_norwegian(argv, expected, capsys):
    assert main(argv) == 2
    assert expected in one_line(capsys)


def test_every_known_argparse_text_is_translated():
    for english in ("the following arguments are required: --x", "argument --x: expected one argument",
                    "argument --x: invalid int value: 'a'", "unrecognized arguments: y",
                    "argument --x: invalid choice: 'a' (choose from 'b')",
                    "ambiguous option: --f could match --fa, --fb",
                    "argument --x: not allowed with argument --y", "one of the arguments --x --y is required"):
        assert norwegian_argparse(english) != english


def test_validation_texts_in_norwegian(tmp_path, capsys):
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps({"status": "kanskje", "municipalities": 1.5}), encoding="utf-8")
    assert main(["rank", "--profile", str(bad)]) == 2
    err = one_line(capsys)
    assert "ugyldig valg" in err and "Input should" not in err


def test_deeply_nested_json_is_not_valid_json_exit_2(tmp_path, capsys):
    deep = tmp_path / "dyp.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["rank", "--profile", str(deep)]) == 2
    assert "ikke gyldig JSON" in one_line(capsys)
    values = tmp_path / "v.csv"
    values.write_text("alternativ,a,b\nX,1,2\nY,2,1\n", encoding="utf-8")
    assert main(["smaa", "--values", str(values), "--weights", str(deep)]) == 2
    assert "ikke gyldig JSON" in one_line(capsys)


def test_smaa_size_is_capped(tmp_path, capsys):
    header = "alternativ," + ",".join(f"k{j}" for j in range(12))
    rows = [f"A{i}," + ",".join(str((i * j) % 7) for j in range(12)) for i in range(12)]
    values = tmp_path / "v.csv"
    values.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert main(["smaa", "--values", str(values), "--samples", "1000000"]) == 2
    err = one_line(capsys)
    assert "For stor beregning: 12 alternativer × 12 kriterier × 1\u00a0000\u00a0000 trekk" in err
    assert main(["smaa", "--values", str(values), "--samples", "2000"]) == 0
