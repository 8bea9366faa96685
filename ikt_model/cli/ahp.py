"""`ahp`: priorities and consistency of a pairwise comparison matrix (CSV).

CSV: a header row of names, then one row per name (optionally led by the name itself); cells are
Saaty-scale judgments, as numbers or fractions ("1/3"). The matrix must be square, positive and reciprocal.
RI table: Alonso & Lamata (2006), see ikt_model.robustness.ahp.
"""

from __future__ import annotations

import csv
import io
import json

from ..robustness.ahp import RI_SOURCE, AhpError, ahp, parse_judgment
from . import CliError
from .smaa import delimiter, number, read_text


def add_parser(subparsers) -> None:
    """Register `ahp --matrix FILE [--format json]`."""
    p = subparsers.add_parser("ahp", help="AHP: vekter, lambda_max, CI og CR for en parvis matrise")
    p.add_argument("--matrix", required=True, help="CSV med overskriftsrad av navn; kvadratisk og resiprok")
    p.add_argument("--format", choices=("json",), default="json")
    p.set_defaults(func=run)


def _cell(text: str, where: str, norwegian: bool = False) -> float:
    """A judgment: «3», «1/3», «0.333»; in CSV from Norwegian Excel also «0,333» (ikt_model.numbers)."""
    if "/" not in text and (norwegian or "," in text):
        return number(text, where, norwegian=True)
    try:
        return parse_judgment(text)
    except AhpError:
        raise CliError(f"{where}: «{text.strip()}» er ikke et tall") from None


def read_matrix(path: str) -> tuple[list[str], list[list[float]]]:
    """A square judgment matrix from CSV (optional header row and name column; cells like 3, 0.333, 1/3).

    Returns (names, rows). Raises CliError for an unreadable file or cell.
    """
    text = read_text(path, "matrise")
    sep = delimiter(text)
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=sep) if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise CliError(f"{path}: trenger en overskriftsrad med navn og minst én rad med vurderinger")
    header = [c.strip() for c in rows[0]]
    body = rows[1:]
    try:
        parse_judgment(body[0][0])
        names_first = False
    except (AhpError, IndexError):
        names_first = True
    if names_first:
        header = header[1:] if len(header) == len(body[0]) else header
        body = [r[1:] for r in body]
    n = len(header)
    if len(body) != n or any(len(r) != n for r in body):
        sizes = {len(r) for r in body}
        raise CliError(f"{path}: matrisen er ikke kvadratisk ({n} navn, {len(body)} rader, "
                       f"{'/'.join(map(str, sorted(sizes)))} kolonner)")
    matrix = [[_cell(c, f"{path}, rad {i + 2}, kolonne {j + 1 + names_first}", sep == ";") for j, c in enumerate(r)]
              for i, r in enumerate(body)]
    return header, matrix


def run(args) -> int:
    """Priorities, lambda_max, CI, CR (Alonso & Lamata RI) and the worst judgment as JSON; exit code 0 or 2."""
    names, matrix = read_matrix(args.matrix)
    try:
        result = ahp(matrix)
    except AhpError as exc:
        raise CliError(f"{args.matrix}: {exc}") from None
    worst = None
    if result.worst is not None:
        worst = {"row": names[result.worst.row], "col": names[result.worst.col], "value": result.worst.value,
                 "suggested": result.worst.suggested}
    print(json.dumps({
        "names": names, "weights": result.weights, "lambda_max": result.lambda_max, "ci": result.ci,
        "cr": result.cr, "ri": result.ri, "consistent": result.consistent, "most_inconsistent": worst,
        "method": "principal eigenvector", "ri_source": RI_SOURCE,
    }, ensure_ascii=False, indent=2))
    return 0
