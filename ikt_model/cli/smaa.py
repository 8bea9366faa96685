"""`smaa`: SMAA-2 rank acceptabilities, central weights and confidence factors for a value table (CSV).

CSV: header `alternative,<criterion>,...`, one row per alternative, numbers where higher is better.
--weights uniform (no information) | ordinal (w1 >= w2 >= ... in column order) | FILE.json (exact weights,
criterion name -> weight). --scores fixed | step | uniform varies the values (see ikt_model.robustness.smaa).
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from .. import jsontext
from ..numbers import NumberInputError, has_minus_sign, parse_number
from ..robustness.smaa import MAX_WORK, SEED_RANGE, SmaaError, smaa
from . import CliError, whole_option


def add_parser(subparsers) -> None:
    """Register `smaa --values FILE [--weights ...] [--samples N] [--seed S]`."""
    p = subparsers.add_parser("smaa", help="SMAA-2: rangaksept, sentrale vekter og konfidensfaktorer")
    p.add_argument("--values", required=True, help="CSV: alternative,<kriterium>,... (høyere er bedre)")
    p.add_argument("--weights", default="uniform", help="uniform | ordinal | FIL.json (kriterium -> vekt)")
    p.add_argument("--scores", default="fixed", choices=("fixed", "step", "uniform"),
                   help="usikre verdier: fixed, step (±1 trinn, 15 %% hver vei) eller uniform (±0,5)")
    p.add_argument("--samples", default="10000", help="antall Monte Carlo-trekk (standard 10 000)")
    p.add_argument("--seed", default="1", help="frø for tilfeldige tall, 0 eller mer (samme frø, samme svar)")
    p.add_argument("--format", choices=("json",), default="json")
    p.set_defaults(func=run)


def read_text(path: str, what: str) -> str:
    """A UTF-8 text file's content; raises CliError naming `what` when it is missing or unreadable."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"{what}-filen finnes ikke: {path}") from None
    except UnicodeDecodeError:
        raise CliError(f"{what}-filen er ikke UTF-8-tekst: {path}") from None
    except OSError as exc:
        raise CliError(f"kan ikke lese {what}-filen {path}: {exc.strerror}") from None


def delimiter(text: str) -> str:
    """«;» for CSV from Norwegian Excel (semicolon, decimal comma), else «,» (standard CSV, decimal point)."""
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return ";" if first.count(";") > first.count(",") else ","


def number(cell: str, where: str, norwegian: bool = False) -> float:
    """One CSV cell as a finite float; raises CliError naming the cell (`where`).

    Standard CSV cells use the decimal point («1.5»). In CSV from Norwegian Excel (`norwegian`) and in a
    quoted cell with a comma, the Norwegian number parser reads the cell («1,5», «1 200»), and refuses
    what it cannot read without guessing («1,200», «1.5» in a semicolon file) with an example."""
    text = cell.strip()
    if norwegian or "," in text:
        try:
            return float(parse_number(text, what=where, example="1,5", allow_multiplier=False))
        except NumberInputError as exc:
            raise CliError(str(exc)) from None
    try:
        value = float(text)
    except ValueError:
        raise CliError(f"{where}: «{cell.strip()}» er ikke et tall") from None
    if not math.isfinite(value):
        raise CliError(f"{where}: «{cell.strip()}» er ikke et endelig tall")
    return value


def read_values(path: str) -> tuple[list[str], list[str], list[list[float]]]:
    """Alternatives x criteria from CSV: returns (alternatives, criteria, values m x n); raises CliError."""
    text = read_text(path, "verdi")
    sep = delimiter(text)
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=sep) if any(c.strip() for c in r)]
    if len(rows) < 2 or len(rows[0]) < 2:
        raise CliError(f"{path}: trenger en overskriftsrad alternative,<kriterium>,... og minst én rad")
    criteria = [c.strip() for c in rows[0][1:]]
    if len(set(criteria)) != len(criteria) or not all(criteria):
        raise CliError(f"{path}: kriterienavnene i overskriften må være unike og ikke tomme")
    alternatives, values = [], []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(criteria) + 1:
            raise CliError(f"{path}, rad {line}: {len(row)} celler, ventet {len(criteria) + 1}")
        alternatives.append(row[0].strip())
        values.append([number(c, f"{path}, rad {line}", norwegian=sep == ";") for c in row[1:]])
    return alternatives, criteria, values


def read_weights(spec: str, criteria: list[str]) -> tuple[str, list[float] | None]:
    """uniform | ordinal | a JSON file of exact weights per criterion: returns (mode, weights or None)."""
    if spec in ("uniform", "ordinal"):
        return spec, None
    if not Path(spec).exists():
        raise CliError(f"ukjent vektvalg eller fil «{spec}»: bruk uniform, ordinal eller en JSON-fil")
    try:
        raw = jsontext.loads(read_text(spec, "vekt"), f"Vektfilen {spec}", keep_minus_zero=True)
    except jsontext.JsonInputError as exc:
        raise CliError(str(exc)) from None
    if not isinstance(raw, dict):
        raise CliError("vektfilen må være et JSON-objekt: kriterium -> vekt")
    unknown = sorted(set(raw) - set(criteria))
    if unknown:
        raise CliError(f"vektfilen nevner ukjent kriterium «{unknown[0]}»")
    weights = []
    for c in criteria:
        value = raw.get(c, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise CliError(f"vekten for «{c}» må være et ikke-negativt tall")
        if has_minus_sign(value):  # -0 too: a minus sign is refused, as in the app, never read as 0
            raise CliError(f"vekten for «{c}» kan ikke være negativ (skrevet: {value:g}); skriv 0 eller mer")
        weights.append(float(value))
    if sum(weights) <= 0:
        raise CliError("minst én vekt må være større enn null")
    return "exact", weights


def run(args) -> int:
    """SMAA-2 acceptabilities and central weights as JSON; exit code 0 or 2."""
    samples = whole_option(args.samples, 1, MAX_WORK, "--samples")  # «-0» or «−5»: refused, as in the app
    seed = whole_option(args.seed, *SEED_RANGE, "--seed")
    alternatives, criteria, values = read_values(args.values)
    mode, weights = read_weights(args.weights, criteria)
    try:
        result = smaa(values, mode, weights, samples=samples, seed=seed, score_mode=args.scores)
    except SmaaError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps({
        "alternatives": alternatives, "criteria": criteria,
        "rank_acceptability": result.rank_acceptability, "central_weights": result.central_weights,
        "confidence": result.confidence, "holistic": result.holistic,
        "weight_mode": mode, "score_mode": args.scores, "samples": samples, "seed": seed,
    }, ensure_ascii=False, indent=2))
    return 0
