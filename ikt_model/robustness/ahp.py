"""Pairwise weighting: Saaty's Analytic Hierarchy Process (AHP).

Priorities: the principal right eigenvector of the reciprocal judgment matrix A (a_ji = 1/a_ij, Saaty's
1-9 scale), normalised to sum 1 (Saaty 1980; Saaty 1990, EJOR 48:9-26). Not the row geometric mean:
the two methods give different vectors.
Consistency: CI = (lambda_max - n) / (n - 1), CR = CI / RI(n); CR <= 0.10 is accepted.
RI: ONE pinned table, Alonso & Lamata (2006), "Consistency in the analytic hierarchy process: a new
approach", Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445-459, n = 3..15
(Saaty's own table stops at n = 10 and published tables disagree beyond n = 10; we need n = 12).
Saaty (1990) used RI(8) = 1.41 where Alonso & Lamata give 1.4056, so CRs differ in the 3rd decimal.
The judgment that contributes most to the inconsistency: the pair (i, j) with the largest
|ln(a_ij * w_j / w_i)| (Saaty's perturbation reading); the consistent value w_i / w_j is suggested.

Shorter path (documented choice): AHP within four groups of factors plus one comparison of the
groups (GROUPS below): 3 + 3 + 6 + 1 + 6 = 19 judgments instead of 66. The comparison of the groups asks
how important A TYPICAL FACTOR of one group is against a typical factor of the other (the group's mean
factor), so a group's weight is its size x the eigenvector weight, normalised: «like viktige» everywhere
gives every factor 1/12 (groups of 2, 3 and 4 factors do not get different weights per factor just for
their size). Weight of a factor = weight of its group x its weight inside the group. On a consistent set
of judgments the grouped path gives exactly the weights of the full path (the test shows it). The
grouping is this tool's, not the report's.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import numpy as np
from pydantic import BaseModel

RI_SOURCE = ("Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems "
             "14(4):445–459")
RANDOM_INDEX: dict[int, float] = {
    1: 0.0, 2: 0.0, 3: 0.5245, 4: 0.8815, 5: 1.1086, 6: 1.2479, 7: 1.3417, 8: 1.4056, 9: 1.4499,
    10: 1.4854, 11: 1.5141, 12: 1.5365, 13: 1.5551, 14: 1.5713, 15: 1.5838,
}
CR_LIMIT = 0.10
RECIPROCAL_TOL = 0.02  # relative: 0.333 * 3 = 0.999 passes

# Saaty's scale as (value, Norwegian meaning). Judgment values a_ij are 1/9 .. 9.
SAATY_SCALE: dict[int, str] = {
    1: "like viktige", 2: "litt viktigere", 3: "moderat viktigere", 4: "moderat til sterkt viktigere",
    5: "sterkt viktigere", 6: "sterkt til svært sterkt viktigere", 7: "svært sterkt viktigere",
    8: "svært sterkt til ekstremt viktigere", 9: "ekstremt viktigere",
}
# A slider position: -8..8; negative favours the left/row factor (a_ij = 1 - s), positive the right (a_ij = 1/(1 + s)).
SCALE_POSITIONS: tuple[int, ...] = tuple(range(-8, 9))

# The shorter path's groups (factor ids, report order inside each group).
GROUPS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("Tjenester og utvikling", (1, 2, 4)),
    ("Økonomi, kompetanse og innkjøpsmakt", (3, 7, 8)),
    ("Styring og ledelse", (5, 6, 11, 12)),
    ("Samarbeid og påvirkning", (9, 10)),
)


class AhpError(ValueError):
    """A judgment matrix AHP cannot use (message meant for the user)."""


class Judgment(BaseModel, frozen=True):
    """One pairwise judgment a[row, col] beside the value the priorities suggest, and the log error."""

    row: int
    col: int
    value: float
    suggested: float  # w_row / w_col: the value that would be consistent with the priorities
    error: float  # |ln(value / suggested)|


class AhpResult(BaseModel, frozen=True):
    """AHP priorities (sum 1), lambda_max, CI, CR = CI / RI and whether CR <= 0.10 (Saaty 1990)."""

    weights: list[float]
    lambda_max: float
    ci: float
    cr: float
    ri: float
    consistent: bool
    worst: Judgment | None  # the judgment contributing most to inconsistency (None for n <= 2)


def position_to_value(position: int) -> float:
    """Slider position -8..8 -> a_ij: -8 means the row factor is 9 times as important, 8 the column factor."""
    if position not in SCALE_POSITIONS:
        raise AhpError(f"Ugyldig posisjon på Saaty-skalaen: {position}")
    return float(1 - position) if position <= 0 else 1.0 / (1 + position)


def value_to_position(value: float) -> int:
    """Nearest slider position for a judgment value (used to suggest a consistent judgment)."""
    v = min(9.0, max(1 / 9, float(value)))
    return -int(round(v)) + 1 if v >= 1 else int(round(1 / v)) - 1


def position_label(position: int, left: str, right: str) -> str:
    """Norwegian reading of a slider position, e.g. '«Ledelse» er sterkt viktigere (5)'."""
    if position == 0:
        return f"«{left}» og «{right}» er like viktige (1)"
    strength = abs(position) + 1
    name = left if position < 0 else right
    return f"«{name}» er {SAATY_SCALE[strength]} ({strength})"


def validate_matrix(matrix) -> np.ndarray:
    """A positive, reciprocal, square matrix with ones on the diagonal as a float array; AhpError otherwise."""
    a = np.asarray(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] < 1:
        raise AhpError(f"Matrisen må være kvadratisk, fikk {'x'.join(map(str, a.shape))}")
    if not np.all(np.isfinite(a)) or np.any(a <= 0):
        raise AhpError("Alle vurderinger må være positive tall")
    if not np.allclose(np.diag(a), 1.0, rtol=RECIPROCAL_TOL):
        raise AhpError("Diagonalen må være 1 (en faktor sammenlignet med seg selv)")
    product = a * a.T
    if not np.allclose(product, 1.0, rtol=RECIPROCAL_TOL, atol=0):
        i, j = np.unravel_index(np.argmax(np.abs(np.log(product))), a.shape)
        raise AhpError(f"Matrisen er ikke resiprok: a[{i + 1},{j + 1}] = {a[i, j]:g}, men a[{j + 1},{i + 1}] = "
                       f"{a[j, i]:g} (skal være {1 / a[i, j]:g})")
    return a


def random_index(n: int) -> float:
    """Alonso & Lamata (2006) random index for n = 1-15; AhpError outside the table."""
    if n not in RANDOM_INDEX:
        raise AhpError(f"Tabellen over tilfeldig indeks (RI) dekker n = 1–15, ikke {n}")
    return RANDOM_INDEX[n]


def ahp(matrix) -> AhpResult:
    """Principal-eigenvector priorities, lambda_max, CI, CR (pinned RI table) and the worst judgment."""
    a = validate_matrix(matrix)
    n = a.shape[0]
    ri = random_index(n)
    eigenvalues, eigenvectors = np.linalg.eig(a)
    k = int(np.argmax(eigenvalues.real))
    lambda_max = float(eigenvalues[k].real)
    w = np.abs(eigenvectors[:, k].real)
    w = w / w.sum()
    ci = max(0.0, (lambda_max - n) / (n - 1)) if n > 1 else 0.0
    cr = ci / ri if ri > 0 else 0.0
    worst = None
    if n > 2:
        ratio = np.outer(w, 1 / w)
        err = np.abs(np.log(a / ratio))
        i, j = max(combinations(range(n), 2), key=lambda p: err[p])
        worst = Judgment(row=i, col=j, value=float(a[i, j]), suggested=float(ratio[i, j]), error=float(err[i, j]))
    return AhpResult(weights=w.tolist(), lambda_max=lambda_max, ci=ci, cr=cr, ri=ri,
                     consistent=cr <= CR_LIMIT, worst=worst)


def matrix_from_positions(n: int, positions: dict[tuple[int, int], int]) -> np.ndarray:
    """Build the reciprocal matrix from slider positions for pairs (i, j), i < j (missing pairs: equal)."""
    a = np.ones((n, n))
    for (i, j), position in positions.items():
        if not 0 <= i < j < n:
            raise AhpError(f"Ugyldig par ({i}, {j})")
        a[i, j] = position_to_value(position)
        a[j, i] = 1.0 / a[i, j]
    return a


def pairs(n: int) -> list[tuple[int, int]]:
    """The n(n-1)/2 pairs (i, j), i < j, in reading order."""
    return list(combinations(range(n), 2))


class GroupedResult(BaseModel, frozen=True):
    """The shorter path: weights per factor id, and the AHP result of each matrix asked."""

    weights: dict[int, float]
    between: AhpResult
    within: list[AhpResult | None]  # None for a group of one factor
    judgments: int

    @property
    def consistent(self) -> bool:
        """True when every matrix of the grouped path is consistent (CR <= 0.10)."""
        return self.between.consistent and all(r is None or r.consistent for r in self.within)


def grouped_weights(between, within, groups=GROUPS) -> GroupedResult:
    """Combine a between-groups matrix and one matrix per group into factor weights."""
    top = ahp(between)
    if len(top.weights) != len(groups) or len(within) != len(groups):
        raise AhpError(f"Trenger én matrise mellom {len(groups)} grupper og én per gruppe")
    weights: dict[int, float] = {}
    results: list[AhpResult | None] = []
    judgments = len(groups) * (len(groups) - 1) // 2
    # the between-groups judgments compare a typical (mean) factor of each group: group total = size x mean
    totals = [len(ids) * w for (_, ids), w in zip(groups, top.weights, strict=True)]
    group_weights = [t / sum(totals) for t in totals]
    for (_, ids), matrix, gw in zip(groups, within, group_weights, strict=False):
        if len(ids) == 1:
            results.append(None)
            weights[ids[0]] = gw
            continue
        local = ahp(matrix)
        if len(local.weights) != len(ids):
            raise AhpError(f"Matrisen for en gruppe med {len(ids)} faktorer har feil størrelse")
        results.append(local)
        judgments += len(ids) * (len(ids) - 1) // 2
        for fid, lw in zip(ids, local.weights, strict=False):
            weights[fid] = gw * lw
    return GroupedResult(weights=dict(sorted(weights.items())), between=top, within=results, judgments=judgments)


class Change(BaseModel, frozen=True):
    """One judgment changed: pair (row, col) from position `said` to `better` (slider positions), giving `cr`."""

    row: int
    col: int
    said: int
    better: int
    cr: float


def best_single_change(matrix) -> Change | None:
    """The one judgment whose change on the 1–9 scale lowers CR the most, and to which position.

    Tries every pair and every other slider position (n(n−1)/2 × 16 eigenvector computations: 1 056 for
    n = 12), so the advice is always a real change (never the answer the user already gave), even where
    the consistent value w_i/w_j lies beyond the scale (three answers at 9: 9 × 9 = 81). None when the
    matrix is consistent already (CR = 0) or n <= 2.
    """
    a = validate_matrix(matrix)
    n = a.shape[0]
    now = ahp(a).cr
    if n <= 2 or now <= 1e-12:
        return None
    best: Change | None = None
    for i, j in pairs(n):
        said = value_to_position(a[i, j])
        for position in SCALE_POSITIONS:
            if position == said:
                continue
            trial = a.copy()
            trial[i, j] = position_to_value(position)
            trial[j, i] = 1.0 / trial[i, j]
            cr = ahp(trial).cr
            if best is None or cr < best.cr - 1e-12 or (abs(cr - best.cr) <= 1e-12 and
                                                         abs(position - said) < abs(best.better - best.said)):
                best = Change(row=i, col=j, said=said, better=position, cr=cr)
    return best if best is not None and best.cr < now - 1e-12 else None


def weights_to_points(weights: dict[int, float]) -> dict[int, float]:
    """Fractions -> slider points (x 100, rounded to the 0.1 step, at least 0.1 so nothing vanishes)."""
    return {fid: max(0.1, round(w * 100, 1)) for fid, w in weights.items()}


def parse_judgment(text: str) -> float:
    """'3', '0.333', '1/3' -> float; raises AhpError on anything else."""
    try:
        value = float(Fraction(text.strip()))
    except (ValueError, ZeroDivisionError):
        raise AhpError(f"«{text.strip()}» er ikke et tall") from None
    return value


def positions_from_weights(weights) -> dict[tuple[int, int], int]:
    """Slider positions for every pair (i < j) that reproduce the given weights as nearly as the 1-9 scale allows."""
    w = [float(x) for x in weights]
    if any(x <= 0 for x in w):
        raise AhpError("Alle vekter må være større enn null for å fylle inn parvise vurderinger")
    return {(i, j): value_to_position(w[i] / w[j]) for i, j in pairs(len(w))}
