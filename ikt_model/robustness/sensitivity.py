"""One-way sensitivity: exact stability intervals and "walking weights".

Move the weight of one factor j to t in [0, 1] and rescale the other weights proportionally, so they
keep their mutual ratios and the weights still sum to 1:

    w_j(t) = t,   w_k(t) = (1 - t) * w_k / (1 - w_j)   (k != j)

Then every total is LINEAR in t:  total_i(t) = t * v_ij + (1 - t) * R_i,  R_i = sum_{k != j} v_ik w_k / (1 - w_j).
The current first choice w stays first while total_w(t) >= total_i(t) for every i, an intersection of
half-lines, so the interval and the alternatives that take over at its ends are exact (no scanning).
Ties count as "still first" (the boundary point is where another alternative draws level).
When the other weights are all zero (w_j = 1), they cannot be rescaled; they are then spread equally.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel

TOL = 1e-12


class StabilityInterval(BaseModel, frozen=True):
    """The range of one factor's weight over which the current first choice stays first."""

    factor_index: int
    lower: float
    upper: float
    current: float
    takeover_below: int | None  # alternative index first just below `lower` (None when lower == 0)
    takeover_above: int | None  # alternative index first just above `upper` (None when upper == 1)

    @property
    def whole_range(self) -> bool:
        """True when no weight from 0 to 1 for this factor changes the first choice."""
        return self.takeover_below is None and self.takeover_above is None


def first_choice(totals: np.ndarray, tol: float = 1e-9) -> int:
    """Index of the first choice: the best total, ties broken by list order (as `evaluate` does)."""
    totals = np.asarray(totals, dtype=float)
    return int(np.flatnonzero(totals >= totals.max() - tol)[0])


def _line(values: np.ndarray, weights: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray]:
    """Intercept a and slope b with total_i(t) = a_i + b_i * t when factor j's weight is t."""
    rest = weights.copy()
    rest[j] = 0.0
    if rest.sum() <= TOL:  # nothing to rescale: spread the remaining weight equally
        rest = np.ones_like(weights)
        rest[j] = 0.0
    rest = rest / rest.sum()
    a = values @ rest
    return a, values[:, j] - a


def moved_weights(weights: np.ndarray, j: int, t: float) -> np.ndarray:
    """The weight vector with factor j at t and the others rescaled proportionally."""
    weights = np.asarray(weights, dtype=float) / np.sum(weights)
    rest = weights.copy()
    rest[j] = 0.0
    if rest.sum() <= TOL:
        rest = np.ones_like(weights)
        rest[j] = 0.0
    out = rest / rest.sum() * (1.0 - t)
    out[j] = t
    return out


def stability_interval(values: np.ndarray, weights: np.ndarray, j: int, winner: int | None = None) -> StabilityInterval:
    """Exact interval of factor j's weight keeping `winner` (default: the current first choice) first."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float) / np.sum(weights)
    t0 = float(weights[j])
    if winner is None:
        winner = first_choice(values @ weights)
    a, b = _line(values, weights, j)
    da, db = a[winner] - a, b[winner] - b  # d_i(t) = da_i + db_i * t >= 0 keeps winner ahead of i
    lower, upper = 0.0, 1.0
    rising, falling = db > TOL, db < -TOL
    if rising.any():
        lower = max(0.0, float(np.max(-da[rising] / db[rising])))
    if falling.any():
        upper = min(1.0, float(np.min(-da[falling] / db[falling])))
    lower, upper = min(lower, t0), max(upper, t0)  # guard against rounding at a tie
    below = _takeover(a, b, lower, -1) if lower > TOL else None
    above = _takeover(a, b, upper, +1) if upper < 1 - TOL else None
    return StabilityInterval(factor_index=j, lower=lower, upper=upper, current=t0,
                             takeover_below=below, takeover_above=above)


def _takeover(a: np.ndarray, b: np.ndarray, t: float, direction: int) -> int:
    """The alternative that is first just beyond t in `direction`: best at t, then best slope that way."""
    at = a + b * t
    tied = np.flatnonzero(at >= at.max() - 1e-9)
    slopes = b[tied] * direction
    return int(tied[np.argmax(slopes)])


def stability_intervals(values: np.ndarray, weights: np.ndarray) -> list[StabilityInterval]:
    """One interval per factor (column) for the current first choice."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float) / np.sum(weights)
    winner = first_choice(values @ weights)
    return [stability_interval(values, weights, j, winner) for j in range(values.shape[1])]


def walk(values: np.ndarray, weights: np.ndarray, j: int,
         grid: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Totals as factor j's weight walks over `grid` (default 0..1 in 101 steps): (grid, totals[len(grid), m])."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float) / np.sum(weights)
    grid = np.linspace(0.0, 1.0, 101) if grid is None else np.asarray(grid, dtype=float)
    a, b = _line(values, weights, j)
    return grid, a[None, :] + grid[:, None] * b[None, :]


def ranking_at(values: np.ndarray, weights: np.ndarray, j: int, t: float) -> list[tuple[int, int, float]]:
    """(rank, alternative index, total) best first, with factor j's weight at t; ties share the better rank."""
    totals = np.asarray(values, dtype=float) @ moved_weights(weights, j, t)
    order = sorted(range(len(totals)), key=lambda i: (-totals[i], i))
    return [(1 + int(np.sum(totals > totals[i] + 1e-9)), i, float(totals[i])) for i in order]


def leader(ranking: list[tuple[int, int, float]], incumbent: int) -> tuple[int, int]:
    """(first alternative, how many share first place) — the incumbent keeps first place on a tie."""
    firsts = [i for r, i, _ in ranking if r == 1]
    return (incumbent if incumbent in firsts else firsts[0]), len(firsts)
