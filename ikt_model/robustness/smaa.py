"""SMAA-2 (Lahdelma & Salminen 2001, Oper. Res. 49(3):444-454) by vectorised Monte Carlo.

Definitions (additive value u(x_i, w) = sum_j w_j x_ij, weights on the simplex W):
  rank(i, x, w) = 1 + #{k : u(x_k, w) > u(x_i, w)}            strict ">": tied alternatives share the better rank
  b_i^r  rank acceptability = P(rank(i) = r)                  a_i = b_i^1 is the acceptability index
  w_i^c  central weights    = E[w | rank(i) = 1]              undefined (None) when b_i^1 = 0
  p_i^c  confidence factor  = P(x_i is best, weights fixed at w_i^c)  (scores drawn afresh)
  a_i^h  holistic acceptability = sum_r alpha_r b_i^r, centroid meta-weights alpha_r (SMAA-2, eq. 12)
Monte Carlo as Tervonen & Lahdelma (2007, EJOR 178:500-513): K joint draws of (x, w) (the confidence
factors reuse the K score draws); the binomial
95 % half-width is at most 1.96 * sqrt(0.25 / K), i.e. about 0.01 at K = 10 000.

Weight information (mode):
  uniform  no preference information: uniform on the simplex (normalised exponentials == Dirichlet(1,...,1))
  ordinal  the criteria in column order are ranked w_1 >= w_2 >= ... (uniform draws sorted descending;
           uniform on that part of the simplex)
  around   around the user's weights w: Dirichlet(c * w), mean exactly w, sd_j = sqrt(w_j (1 - w_j) / (c + 1));
           c = `concentration` (default 50: a 26 % weight varies with sd about 6 points); zero weights stay 0
  exact    the user's weights, no variation (only score uncertainty then matters)
Score uncertainty (scores):
  fixed    the assessments as given
  step     each cell (alternative, criterion) independently moves one ordinal step down or up, each with
           probability `step_probability` (default 0.15 each way, i.e. 70 % stays)
  uniform  each cell independently gets uniform noise in [-0.5, +0.5] (half a step)
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import BaseModel

from .. import format as fmt

WeightMode = Literal["uniform", "ordinal", "around", "exact"]
ScoreMode = Literal["fixed", "step", "uniform"]
DEFAULT_SAMPLES = 10_000
SAMPLE_CHOICES = (1_000, DEFAULT_SAMPLES, 50_000)  # the numbers of draws the page offers
DEFAULT_WEIGHT_MODE: WeightMode = "around"  # the page's first choice of weight information
DEFAULT_SCORE_MODE: ScoreMode = "fixed"  # the page's first choice of score uncertainty
# alternatives x criteria x samples: 12 x 12 x 1 000 000 took 2,6 GB; this cap keeps one run near 0,3 GB
MAX_WORK = 15_000_000
DEFAULT_CONCENTRATION = 50.0
DEFAULT_STEP_PROBABILITY = 0.15
SEED_RANGE = (0, 2**31 - 1)  # the seeds the page offers (numpy takes any non-negative int; this many is plenty)

WEIGHT_MODE_LABELS: dict[str, str] = {
    "around": "Rundt mine vekter",
    "ordinal": "Bare rapportens rekkefølge (w1 ≥ w2 ≥ … ≥ w12)",
    "uniform": "Ingen vektinformasjon (alle vektinger like sannsynlige)",
}
SCORE_MODE_LABELS: dict[str, str] = {
    "fixed": "Vurderingene som gitt",
    "step": "Hver vurdering kan flytte ett trinn opp eller ned (15 % hver vei)",
    "uniform": "Hver vurdering varierer jevnt ±0,5 trinn",
}


class SmaaError(ValueError):
    """Input SMAA cannot use (message meant for the user)."""


class SmaaResult(BaseModel, frozen=True):
    """SMAA-2 indices; rows follow the alternatives, columns of rank_acceptability are ranks 1..m."""

    samples: int
    seed: int
    weight_mode: str
    score_mode: str
    rank_acceptability: list[list[float]]
    central_weights: list[list[float] | None]
    confidence: list[float | None]
    holistic: list[float]

    @property
    def first_rank(self) -> list[float]:
        """Each alternative's first-rank acceptability b^1 (share of samples where it is best)."""
        return [row[0] for row in self.rank_acceptability]


def sample_weights(n: int, samples: int, mode: WeightMode, rng: np.random.Generator,
                   weights: np.ndarray | None = None, concentration: float = DEFAULT_CONCENTRATION) -> np.ndarray:
    """(samples, n) weight vectors on the simplex for the given information mode."""
    if mode in ("uniform", "ordinal"):
        w = rng.standard_exponential((samples, n))
        w /= w.sum(axis=1, keepdims=True)
        if mode == "ordinal":
            w = -np.sort(-w, axis=1)
        return w
    if weights is None:
        raise SmaaError("Vektene mangler for «rundt mine vekter» / faste vekter")
    base = np.asarray(weights, dtype=float)
    if base.shape != (n,) or np.any(base < 0) or base.sum() <= 0 or not np.all(np.isfinite(base)):
        raise SmaaError(f"Vektene må være {n} ikke-negative tall med positiv sum")
    base = base / base.sum()
    if mode == "exact":
        return np.broadcast_to(base, (samples, n))
    if mode == "around":
        if concentration <= 0:
            raise SmaaError("Konsentrasjonen må være positiv")
        w = rng.standard_gamma(concentration * base, size=(samples, n))
        return w / w.sum(axis=1, keepdims=True)
    raise SmaaError(f"Ukjent vektmodus «{mode}»")


def sample_scores(values: np.ndarray, samples: int, mode: ScoreMode, rng: np.random.Generator,
                  step_probability: float = DEFAULT_STEP_PROBABILITY) -> np.ndarray | None:
    """(samples, m, n) perturbed scores, or None when the scores are fixed."""
    if mode == "fixed":
        return None
    if mode == "step":
        u = rng.random((samples, *values.shape), dtype=np.float32)
        return values + ((u > 1.0 - step_probability).view(np.int8) - (u < step_probability).view(np.int8))
    if mode == "uniform":
        return values + rng.random((samples, *values.shape)) - 0.5
    raise SmaaError(f"Ukjent modus for usikre vurderinger «{mode}»")


def centroid_meta_weights(m: int) -> np.ndarray:
    """alpha_r = sum_{i=r..m} 1/i / sum_{i=1..m} 1/i (m=3 -> 1, 0.4545, 0.1818)."""
    tail = np.cumsum((1.0 / np.arange(1, m + 1))[::-1])[::-1]
    return tail / tail[0]


def _ranks(utilities: np.ndarray) -> np.ndarray:
    """(K, m) ranks from (K, m) utilities: 1 + number of strictly better alternatives."""
    ranks = np.ones(utilities.shape, dtype=np.int64)
    for k in range(utilities.shape[1]):  # m passes over (K, m): much faster than one (K, m, m) array
        ranks += utilities[:, k:k + 1] > utilities
    return ranks


def smaa(values, weight_mode: WeightMode = "uniform", weights=None, samples: int = DEFAULT_SAMPLES,
         seed: int = 1, score_mode: ScoreMode = "fixed", concentration: float = DEFAULT_CONCENTRATION,
         step_probability: float = DEFAULT_STEP_PROBABILITY) -> SmaaResult:
    """SMAA-2 of an (m alternatives x n criteria) value matrix, higher is better."""
    values = np.asarray(values, dtype=float)
    if values.ndim != 2 or values.shape[0] < 1 or values.shape[1] < 1:
        raise SmaaError("Verditabellen må ha minst ett alternativ og ett kriterium")
    if not np.all(np.isfinite(values)):
        raise SmaaError("Verditabellen kan bare inneholde endelige tall")
    if samples < 1:
        raise SmaaError("Antall trekk må være minst 1")
    m, n = values.shape
    if m * n * samples > MAX_WORK:
        raise SmaaError(f"For stor beregning: {m} alternativer × {n} kriterier × {fmt.number(samples)} trekk er "
                        f"{fmt.number(m * n * samples)}, grensen er {fmt.number(MAX_WORK)} (for eksempel 12 × 12 × "
                        f"{fmt.number(MAX_WORK // 144)}); bruk færre trekk")
    rng = np.random.default_rng(seed)
    w = sample_weights(n, samples, weight_mode, rng, weights, concentration)
    x = sample_scores(values, samples, score_mode, rng, step_probability)
    utilities = w @ values.T if x is None else np.matmul(x, w[:, :, None])[..., 0]
    ranks = _ranks(utilities)
    counts = np.bincount((np.arange(m)[None, :] * m + ranks - 1).ravel(), minlength=m * m).reshape(m, m)
    acceptability = counts / samples
    first = ranks == 1
    n_first = first.sum(axis=0)
    central_sum = first.T.astype(float) @ w
    central = [None if n_first[i] == 0 else (central_sum[i] / n_first[i]).tolist() for i in range(m)]
    confidence = _confidence(values, x, central)
    holistic = acceptability @ centroid_meta_weights(m)
    return SmaaResult(samples=samples, seed=seed, weight_mode=weight_mode, score_mode=score_mode,
                      rank_acceptability=acceptability.tolist(), central_weights=central,
                      confidence=confidence, holistic=holistic.tolist())


def _confidence(values, x, central) -> list[float | None]:
    """p_i^c: share of the score draws in which i is best with the weights fixed at its central weights.

    The score draws of the first pass are reused (as the R package `smaa`'s smaa.cf does with `meas`)."""
    m = values.shape[0]
    known = [i for i in range(m) if central[i] is not None]
    if not known:
        return [None] * m
    wc = np.array([central[i] for i in known])  # (q, n)
    if x is None:
        u = (values @ wc.T)[None, :, :]  # (1, m, q): deterministic scores
    else:
        u = (x.reshape(-1, values.shape[1]) @ wc.T).reshape(x.shape[0], m, len(known))
    out: list[float | None] = [None] * m
    for col, i in enumerate(known):
        best = u[:, i, col] >= u[:, :, col].max(axis=1)
        out[i] = float(best.mean())
    return out
