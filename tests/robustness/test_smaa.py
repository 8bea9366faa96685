"""SMAA-2: analytic cases (derivations in the docstrings), definitions, modes, reproducibility."""

import numpy as np
import pytest

from ikt_model.decision.weights import roc_fractions
from ikt_model.robustness.smaa import SmaaError, centroid_meta_weights, sample_weights, smaa

MC = 0.01  # binomial 95 % half-width at 10 000 draws is <= 0.0098


def test_two_alternatives_two_criteria_uniform():
    """Values A = (1, 0), B = (0, 1), weights uniform on the simplex, i.e. w1 ~ U(0, 1), w2 = 1 - w1.

    u_A = w1, u_B = 1 - w1, so A is first iff w1 > 1/2: b_A^1 = b_A^2 = b_B^1 = b_B^2 = 1/2.
    Central weights: E[w1 | w1 > 1/2] = 3/4, so w_A^c = (3/4, 1/4) and by symmetry w_B^c = (1/4, 3/4).
    Scores are fixed, and at its central weights each is strictly best: confidence 1 and 1.
    """
    r = smaa([[1, 0], [0, 1]], "uniform", samples=10_000, seed=7)
    np.testing.assert_allclose(r.rank_acceptability, [[0.5, 0.5], [0.5, 0.5]], atol=MC)
    np.testing.assert_allclose(r.central_weights[0], [0.75, 0.25], atol=MC)
    np.testing.assert_allclose(r.central_weights[1], [0.25, 0.75], atol=MC)
    assert r.confidence == [1.0, 1.0]


def test_three_criteria_identity_uniform_gives_roc_central_weights():
    """A = e1, B = e2, C = e3 (each best on one criterion), uniform weights = Dirichlet(1, 1, 1).

    u_i = w_i, so i is first iff w_i is the largest weight: by symmetry b_i^r = 1/3 for every rank r.
    Central weights of A: E[w | w1 largest] = expected order statistics of 3 uniform spacings, whose k-th
    largest has mean (1/n) sum_{i=k..n} 1/i (the rank-order-centroid result, Barron & Barrett 1996):
    w_A^c = (11/18, 7/36, 7/36) since the two smaller ones are exchangeable: ((5/18 + 1/9) / 2 = 7/36).
    """
    r = smaa(np.eye(3), "uniform", samples=10_000, seed=3)
    np.testing.assert_allclose(r.rank_acceptability, np.full((3, 3), 1 / 3), atol=MC)
    np.testing.assert_allclose(r.central_weights[0], [11 / 18, 7 / 36, 7 / 36], atol=MC)
    np.testing.assert_allclose(r.central_weights[2], [7 / 36, 7 / 36, 11 / 18], atol=MC)


def test_ordinal_mode_mean_weights_are_roc():
    """Sorted uniform simplex draws are uniform on {w1 >= ... >= wn}; its centroid is the ROC vector."""
    rng = np.random.default_rng(5)
    w = sample_weights(12, 10_000, "ordinal", rng)
    assert np.all(np.diff(w, axis=1) <= 0)  # every sample satisfies w1 >= w2 >= ... >= w12
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    np.testing.assert_allclose(w.mean(axis=0), roc_fractions(12), atol=0.005)


def test_ordinal_mode_two_criteria():
    """With w1 >= w2, A = (1, 0) always beats B = (0, 1): b_A^1 = 1; w_A^c = E[w | w1 >= 1/2] = (3/4, 1/4)."""
    r = smaa([[1, 0], [0, 1]], "ordinal", samples=10_000, seed=2)
    assert r.rank_acceptability == [[1.0, 0.0], [0.0, 1.0]]
    np.testing.assert_allclose(r.central_weights[0], [0.75, 0.25], atol=MC)
    assert r.central_weights[1] is None and r.confidence[1] is None


def test_dominated_alternative_is_never_first():
    """C = (0, 0) is dominated by A = (1, 0) and B = (0, 1) for every weight: b_C^3 = 1 (w1 = 0 ties are
    measure zero), b_C^1 = 0 and its central weights are undefined."""
    r = smaa([[1, 0], [0, 1], [0, 0]], "uniform", samples=10_000, seed=4)
    assert r.rank_acceptability[2] == [0.0, 0.0, 1.0]
    assert r.central_weights[2] is None


def test_step_noise_one_criterion():
    """One criterion, A = 0, B = 1; each score moves -1 / +1 with probability 0.15 each (0.7 stays).

    A is first (strict ">" counts ties as shared first) iff x_A >= x_B, i.e. e_A - e_B >= 1:
    P(e_A=1, e_B=-1) + P(e_A=1, e_B=0) + P(e_A=0, e_B=-1) = 0.0225 + 0.105 + 0.105 = 0.2325.
    B is first unless e_A - e_B = 2: 1 - 0.0225 = 0.9775. (Columns can sum above 1 because of ties.)
    The confidence factor is P(x_i >= x_k) with the weight fixed at 1: the same numbers.
    """
    r = smaa([[0.0], [1.0]], "uniform", samples=10_000, seed=11, score_mode="step")
    assert r.first_rank == pytest.approx([0.2325, 0.9775], abs=MC)
    assert r.confidence == pytest.approx([0.2325, 0.9775], abs=MC)


def test_uniform_noise_one_criterion():
    """A = 0, B = 0.5, each plus U(-0.5, 0.5): D = e_A - e_B is triangular on [-1, 1], A first iff D > 0.5:
    P = (1 - 0.5)^2 / 2 = 0.125; b_B^1 = 0.875."""
    r = smaa([[0.0], [0.5]], "uniform", samples=10_000, seed=12, score_mode="uniform")
    assert r.first_rank == pytest.approx([0.125, 0.875], abs=MC)


def test_definitions_against_a_loop_reference():
    """Same draws, computed one by one from the literature's definitions (rank = 1 + #strictly better)."""
    values = np.random.default_rng(0).integers(-2, 3, (5, 4)).astype(float)
    samples, seed = 400, 9
    r = smaa(values, "uniform", samples=samples, seed=seed)
    w = sample_weights(4, samples, "uniform", np.random.default_rng(seed))
    b = np.zeros((5, 5))
    central = np.zeros((5, 4))
    for k in range(samples):
        u = [sum(w[k, j] * values[i, j] for j in range(4)) for i in range(5)]
        for i in range(5):
            rank = 1 + sum(1 for other in range(5) if u[other] > u[i])
            b[i, rank - 1] += 1
            if rank == 1:
                central[i] += w[k]
    np.testing.assert_allclose(r.rank_acceptability, b / samples)
    for i in range(5):
        if b[i, 0]:
            np.testing.assert_allclose(r.central_weights[i], central[i] / b[i, 0])
            best = values @ np.array(r.central_weights[i])
            assert r.confidence[i] == float(best[i] >= best.max())


def test_around_mode_is_centred_on_the_users_weights():
    rng = np.random.default_rng(1)
    base = np.array([0.5, 0.3, 0.2, 0.0])
    w = sample_weights(4, 20_000, "around", rng, base, concentration=50)
    np.testing.assert_allclose(w.mean(axis=0), base, atol=0.005)
    assert np.all(w[:, 3] == 0)  # a zero weight stays zero
    np.testing.assert_allclose(w[:, 0].std(), np.sqrt(0.5 * 0.5 / 51), rtol=0.05)


def test_exact_mode_and_errors():
    r = smaa([[1, 0], [0, 1]], "exact", weights=[0.6, 0.4], samples=100)
    assert r.first_rank == [1.0, 0.0]
    with pytest.raises(SmaaError):
        smaa([[1, 0], [0, 1]], "around")
    with pytest.raises(SmaaError):
        smaa([[1, np.nan]], "uniform")
    with pytest.raises(SmaaError):
        smaa([[1, 0]], "exact", weights=[1, -1])


def test_reproducible_with_the_same_seed():
    values = np.random.default_rng(3).normal(size=(12, 12))
    a = smaa(values, "around", weights=np.full(12, 1 / 12), seed=42, score_mode="step")
    b = smaa(values, "around", weights=np.full(12, 1 / 12), seed=42, score_mode="step")
    c = smaa(values, "around", weights=np.full(12, 1 / 12), seed=43, score_mode="step")
    assert a == b and a != c


def test_rows_are_distributions_and_holistic_uses_centroid_meta_weights():
    values = np.random.default_rng(8).normal(size=(6, 4))
    r = smaa(values, "uniform", samples=2000)
    np.testing.assert_allclose(np.sum(r.rank_acceptability, axis=1), 1.0)
    np.testing.assert_allclose(np.sum(r.rank_acceptability, axis=0), 1.0)  # continuous values: no ties
    np.testing.assert_allclose(centroid_meta_weights(3), [1, 0.4545, 0.1818], atol=5e-5)
    np.testing.assert_allclose(r.holistic, np.array(r.rank_acceptability) @ centroid_meta_weights(6))
