"""The scoring kernel and the score matrix: a hand-computed golden example, and the tiny knowledge base."""

import numpy as np
import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import ALTERNATIVES, FACTOR_IDS, Alternative
from ikt_model.decision.scoring import competition_ranks, score_matrix, totals
from ikt_model.decision.weights import Weights

# Three alternatives (rows) x three factors (columns), ordinal scores as in the knowledge base.
VALUES = np.array([[2, -1, 0],    # A
                   [0, 1, 2],     # B
                   [1, 0, -1]])   # C
POINTS = {1: 50, 2: 30, 3: 20}    # slider points for factors 1-3, every other factor 0


def test_golden_three_by_three_with_a_tie():
    """Weighted sum, worked by hand (the additive value model of the report's 3.1/4.3 weighting).

    Points 50, 30, 20 normalise to fractions 50/100 = 0.5, 30/100 = 0.3, 20/100 = 0.2.
      A = 2 x 0.5 + (-1) x 0.3 +   0  x 0.2 = 1.0 - 0.3       = 0.7
      B = 0 x 0.5 +   1  x 0.3 +   2  x 0.2 = 0.3 + 0.4       = 0.7
      C = 1 x 0.5 +   0  x 0.3 + (-1) x 0.2 = 0.5 - 0.2       = 0.3
    A and B tie: competition ranking gives both the better rank, and C is third (1, 1, 3).
    """
    fractions = Weights(points=POINTS).fraction_vector
    assert fractions[:3].tolist() == [0.5, 0.3, 0.2] and fractions[3:].sum() == 0
    scores = totals(VALUES, fractions[:3])
    assert scores == pytest.approx([0.7, 0.7, 0.3], abs=1e-12)
    assert competition_ranks(scores).tolist() == [1, 1, 3]
    padded = np.hstack([VALUES, np.zeros((3, len(FACTOR_IDS) - 3))])  # the same with all twelve factors
    assert totals(padded, fractions) == pytest.approx([0.7, 0.7, 0.3], abs=1e-12)


def test_kernel_is_plain_arithmetic_without_validation():
    # no normalising and no checks: the caller hands in fractions that were validated at the boundary
    assert totals([[1.0, 1.0]], [2.0, 3.0]).tolist() == [5.0]


def test_fraction_vector_is_computed_once_and_read_only():
    weights = Weights(points=POINTS)
    assert weights.fraction_vector is weights.fraction_vector
    with pytest.raises(ValueError):
        weights.fraction_vector[0] = 1.0
    assert weights == Weights(points=POINTS)  # the cached vector does not take part in equality


def test_score_matrix_adds_form_model_fit_and_rules(tiny_kb):
    robek = score_matrix(Profile(host_on_robek=True), tiny_kb)
    cell = {(a.key, f): robek.values[i, j] for i, a in enumerate(ALTERNATIVES) for j, f in enumerate(FACTOR_IDS)}
    assert cell[("alternativ/as", 1)] == 1 and cell[("alternativ/as", 2)] == 2    # form part + model part
    assert cell[("hybrid/vertskommune", 3)] == -1 and cell[("ks/vertskommune", 3)] == 0   # fit: one pair only
    assert cell[("hybrid/vertskommune", 4)] == -2 and cell[("hybrid/as", 4)] == 0  # the ROBEK rule, vertskommune
    assert [p.id for p in robek.parts[("hybrid/vertskommune", 4)]] == ["r.robek"]
    plain = score_matrix(Profile(), tiny_kb)
    assert plain.row(Alternative(model="hybrid", form="vertskommune"))[3] == 0     # no ROBEK, no rule
    assert plain.values.sum() == 3 * (1 - 1) + 4 * 2 - 1                           # six cells, nothing else
