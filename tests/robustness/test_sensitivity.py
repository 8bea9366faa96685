"""Exact stability intervals against brute force, edge cases, walking weights."""

import numpy as np
import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import ALTERNATIVES
from ikt_model.decision.scoring import score_matrix
from ikt_model.decision.weights import Weights, default_weights, preset
from ikt_model.robustness.sensitivity import (
    first_choice,
    leader,
    moved_weights,
    ranking_at,
    stability_interval,
    stability_intervals,
    walk,
)

GRID = np.linspace(0, 1, 20_001)  # step 5e-5


def brute_force(values, weights, j, winner):
    """Scan factor j's weight finely; return the [min, max] of t where `winner` is (jointly) first."""
    w = np.asarray(weights, dtype=float) / np.sum(weights)
    rest = np.where(np.arange(len(w)) == j, 0.0, w)
    rest = rest / rest.sum()
    all_w = (1 - GRID)[:, None] * rest[None, :]
    all_w[:, j] = GRID  # independent of sensitivity.py: every grid point's weight vector written out
    totals = all_w @ values.T
    ok = totals[:, winner] >= totals.max(axis=1) - 1e-9
    # the set must be one interval
    idx = np.flatnonzero(ok)
    assert np.all(np.diff(idx) == 1)
    return GRID[idx[0]], GRID[idx[-1]]


def real_matrix():
    return score_matrix(Profile(), default_knowledge_base()).values


@pytest.mark.parametrize("weights_name", ["rapport", "like", "rangsum"])
def test_intervals_match_brute_force_on_real_matrix(weights_name):
    values = real_matrix()
    w = np.asarray(preset(weights_name).vector())
    winner = first_choice(values @ w)
    for s in stability_intervals(values, w):
        lo, hi = brute_force(values, w, s.factor_index, winner)
        assert s.lower == pytest.approx(lo, abs=6e-5), s
        assert s.upper == pytest.approx(hi, abs=6e-5), s
        assert s.lower <= s.current <= s.upper


def test_small_case_by_hand():
    """2 criteria, w = (0.5, 0.5): A = (1, 0) total 0.5, B = (0, 0.9) total 0.45, C = (0.4, 0.4).

    Weight t on criterion 1: A = t, B = 0.9 (1 - t), C = 0.4. A stays first while t >= 0.9 (1 - t) and
    t >= 0.4, i.e. t >= 0.9 / 1.9 = 0.47368; below that B takes over (B beats C there: 0.9*0.526 > 0.4).
    """
    values = np.array([[1.0, 0.0], [0.0, 0.9], [0.4, 0.4]])
    s = stability_interval(values, np.array([0.5, 0.5]), 0)
    assert s.lower == pytest.approx(0.9 / 1.9)
    assert s.upper == 1.0 and s.takeover_above is None
    assert s.takeover_below == 1
    lo, hi = brute_force(values, np.array([0.5, 0.5]), 0, 0)
    assert (s.lower, s.upper) == pytest.approx((lo, hi), abs=6e-5)


def test_takeover_is_the_one_first_beyond_the_boundary():
    """Two rivals reach the winner's line; the one first just outside the interval is named."""
    values = np.array([[1.0, 0.0], [0.0, 2.0], [0.2, 1.5]])
    w = np.array([0.8, 0.2])
    s = stability_interval(values, w, 0)
    t = s.lower - 1e-4
    assert first_choice(values @ moved_weights(w, 0, t)) == s.takeover_below


def test_tie_at_current_weights():
    """A and B tie now (both 0.5); A wins by list order. Raising criterion 1 keeps A first, lowering hands it to B."""
    values = np.array([[1.0, 0.0], [0.0, 1.0]])
    s = stability_interval(values, np.array([0.5, 0.5]), 0)
    assert first_choice(values @ np.array([0.5, 0.5])) == 0
    assert s.lower == pytest.approx(0.5) and s.upper == 1.0
    assert s.takeover_below == 1


def test_identical_alternatives_never_take_over():
    values = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 0.5]])
    s = stability_interval(values, np.array([0.5, 0.5]), 0)
    assert s.takeover_below == 2 and s.lower == pytest.approx(1 / 3)


def test_zero_weight_factor():
    values = real_matrix()
    points = dict(default_weights().points)
    points[2] = 0.0
    w = np.asarray(Weights(points=points).vector())
    s = stability_intervals(values, w)[1]
    assert s.current == 0.0 and s.lower == 0.0
    lo, hi = brute_force(values, w, 1, first_choice(values @ w))
    assert (s.lower, s.upper) == pytest.approx((lo, hi), abs=6e-5)


def test_factor_where_all_alternatives_score_the_same_has_whole_range():
    values = real_matrix()
    assert np.all(values[:, 0] == values[0, 0])  # factor 1: "Ingen forskjeller" for every alternative
    s = stability_intervals(values, np.asarray(default_weights().vector()))[0]
    assert (s.lower, s.upper) == (0.0, 1.0) and s.whole_range


def test_all_weight_on_one_factor_spreads_the_rest_equally():
    w = np.array([1.0, 0.0, 0.0])
    np.testing.assert_allclose(moved_weights(w, 0, 0.4), [0.4, 0.3, 0.3])


def test_walk_is_linear_and_matches_moved_weights():
    values = real_matrix()
    w = np.asarray(default_weights().vector())
    grid, totals = walk(values, w, 5, np.array([0.0, 0.3, 1.0]))
    for k, t in enumerate(grid):
        np.testing.assert_allclose(totals[k], values @ moved_weights(w, 5, t))
    _, at_current = walk(values, w, 5, np.array([w[5]]))
    np.testing.assert_allclose(at_current[0], values @ w)


def test_ranking_at_moves_the_first_choice():
    values = real_matrix()
    w = np.asarray(default_weights().vector())
    assert ranking_at(values, w, 5, w[5])[0][1] == ALTERNATIVES.index(ALTERNATIVES[7])
    first_far = ranking_at(values, w, 5, 0.6)[0]
    assert ALTERNATIVES[first_far[1]].key == "hybrid/par27"
    ranks = [r for r, _, _ in ranking_at(values, w, 5, 0.6)]
    assert ranks == sorted(ranks)


def test_leader_keeps_the_incumbent_on_a_tie():
    values = real_matrix()
    w = np.asarray(default_weights().vector())
    all_on_factor_1 = ranking_at(values, w, 0, 1.0)  # factor 1 scores 0 everywhere: a 12-way tie
    assert leader(all_on_factor_1, 7) == (7, 12)
    assert leader(ranking_at(values, w, 5, 0.6), 7) == (11, 1)
