"""AHP: Saaty's (1990) house example, consistency, the pinned RI table, the grouped shorter path."""

import numpy as np
import pytest

from ikt_model.robustness.ahp import (
    GROUPS,
    RANDOM_INDEX,
    AhpError,
    ahp,
    grouped_weights,
    matrix_from_positions,
    pairs,
    parse_judgment,
    position_label,
    position_to_value,
    positions_from_weights,
    value_to_position,
    weights_to_points,
)

# Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48(1):9-26, house example:
# size, transport, neighbourhood, age, yard, modern facilities, general condition, financing
# (matrix as in /work/shared/research/mcda-anchors.md (c), also reprinted in LINDO's AnaHierProc02).
HOUSE = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def test_saaty_1990_house_example():
    r = ahp(HOUSE)
    np.testing.assert_allclose(r.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], atol=5e-4)
    assert r.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert r.ci == pytest.approx(0.238, abs=5e-4)
    # Published CR 0.169 uses Saaty's RI(8) = 1.41; our pinned Alonso & Lamata RI(8) = 1.4056 gives 0.1696.
    assert r.ci / 1.41 == pytest.approx(0.169, abs=5e-4)
    assert r.ri == 1.4056 and r.cr == pytest.approx(0.1696, abs=5e-4)
    assert not r.consistent
    # the most inconsistent judgment: neighbourhood (3) vs general condition (7) = 6
    assert (r.worst.row, r.worst.col, r.worst.value) == (2, 6, 6.0)
    assert r.worst.suggested == pytest.approx(0.188 / 0.167, abs=0.02)


def consistent_matrix(w):
    w = np.asarray(w, dtype=float)
    return np.outer(w, 1 / w)


def test_consistent_matrix_has_cr_zero():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    r = ahp(consistent_matrix(w))
    np.testing.assert_allclose(r.weights, w)
    assert r.lambda_max == pytest.approx(4.0)
    assert r.ci == pytest.approx(0, abs=1e-12) and r.cr == pytest.approx(0, abs=1e-12)
    assert r.consistent


def test_pinned_random_index_table_alonso_lamata_2006():
    assert RANDOM_INDEX[3] == 0.5245 and RANDOM_INDEX[10] == 1.4854 and RANDOM_INDEX[12] == 1.5365
    assert RANDOM_INDEX[15] == 1.5838
    values = [RANDOM_INDEX[n] for n in range(3, 16)]
    assert values == sorted(values)  # monotone (some copied tables are not at n = 12)


@pytest.mark.parametrize("bad, message", [
    ([[1, 2], [0.5, 1], [1, 1]], "kvadratisk"),
    ([[1, 2], [2, 1]], "resiprok"),
    ([[1, -2], [-0.5, 1]], "positive"),
    ([[1, 0], [0, 1]], "positive"),
    ([[2, 1], [1, 2]], "Diagonalen"),
])
def test_invalid_matrices(bad, message):
    with pytest.raises(AhpError, match=message):
        ahp(bad)


def test_rounded_thirds_are_accepted_as_reciprocal():
    r = ahp([[1, 3, 0.5], [0.333, 1, 0.2], [2, 5, 1]])
    assert len(r.weights) == 3


def test_two_by_two_and_one_by_one():
    assert ahp([[1, 3], [1 / 3, 1]]).weights == pytest.approx([0.75, 0.25])
    assert ahp([[1]]).weights == [1.0] and ahp([[1]]).cr == 0.0


def test_scale_positions_round_trip_and_labels():
    for p in range(-8, 9):
        assert value_to_position(position_to_value(p)) == p
    assert position_to_value(-4) == 5.0 and position_to_value(2) == pytest.approx(1 / 3)
    assert position_label(-4, "Ledelse", "Samarbeid") == "«Ledelse» er sterkt viktigere (5)"
    assert position_label(0, "A", "B") == "«A» og «B» er like viktige (1)"
    with pytest.raises(AhpError):
        position_to_value(9)


def test_matrix_from_positions_is_reciprocal():
    a = matrix_from_positions(3, {(0, 1): -2, (1, 2): 1})
    assert a[0, 1] == 3 and a[1, 0] == pytest.approx(1 / 3) and a[1, 2] == 0.5 and a[2, 1] == 2
    assert len(pairs(12)) == 66


def test_grouped_path_reproduces_the_full_path_on_a_consistent_case():
    """Weights w over 12 factors; the full matrix w_i/w_j and the grouped matrices (within: sub-matrices,
    between: a typical factor of each group, W_G/|G| against W_H/|H|) are all consistent, so both paths must
    return w exactly."""
    w = np.random.default_rng(2).dirichlet(np.ones(12))
    full = ahp(consistent_matrix(w))
    group_sums = [sum(w[f - 1] for f in ids) / len(ids) for _, ids in GROUPS]
    within = [consistent_matrix([w[f - 1] for f in ids]) for _, ids in GROUPS]
    short = grouped_weights(consistent_matrix(group_sums), within)
    np.testing.assert_allclose([short.weights[f] for f in range(1, 13)], full.weights, atol=1e-12)
    np.testing.assert_allclose(full.weights, w)
    assert short.judgments == 19 and short.consistent
    assert sorted(f for _, ids in GROUPS for f in ids) == list(range(1, 13))


def test_grouped_path_errors():
    with pytest.raises(AhpError):
        grouped_weights(np.ones((3, 3)), [np.ones((3, 3))] * 3)


def test_parse_judgment_and_points():
    assert parse_judgment("1/3") == pytest.approx(1 / 3) and parse_judgment(" 5 ") == 5.0
    with pytest.raises(AhpError):
        parse_judgment("tre")
    with pytest.raises(AhpError):
        parse_judgment("1/0")
    assert weights_to_points({1: 0.2586, 2: 0.0001}) == {1: 25.9, 2: 0.1}


def test_positions_from_weights():
    positions = positions_from_weights([0.6, 0.2, 0.2])
    assert positions == {(0, 1): -2, (0, 2): -2, (1, 2): 0}  # 3x, 3x, equal
    r = ahp(matrix_from_positions(3, positions))
    assert r.weights == pytest.approx([0.6, 0.2, 0.2]) and r.cr == pytest.approx(0, abs=1e-9)
    with pytest.raises(AhpError):
        positions_from_weights([1, 0])


def test_equal_answers_give_equal_weights_on_the_short_path():
    """«Like viktige» everywhere: every factor 1/12, whatever the size of its group."""
    short = grouped_weights(np.ones((len(GROUPS), len(GROUPS))), [np.ones((len(ids), len(ids))) for _, ids in GROUPS])
    np.testing.assert_allclose(list(short.weights.values()), [1 / 12] * 12, atol=1e-12)


def test_the_advice_never_repeats_the_users_answer():
    """Three answers at 9 (A ≫ B, B ≫ C, A ≫ C) are inconsistent (9 × 9 = 81 is off the scale): the advice
    must be a different answer, and following it must lower CR."""
    from ikt_model.robustness.ahp import best_single_change, position_to_value

    a = matrix_from_positions(3, {(0, 1): -8, (0, 2): -8, (1, 2): -8})
    before = ahp(a).cr
    change = best_single_change(a)
    assert change is not None and change.better != change.said
    fixed = a.copy()
    fixed[change.row, change.col] = position_to_value(change.better)
    fixed[change.col, change.row] = 1 / fixed[change.row, change.col]
    assert ahp(fixed).cr == pytest.approx(change.cr) and change.cr < before
    assert ahp(fixed).consistent
    for n in (4, 6):  # random inconsistent matrices: never the answer given
        rng = np.random.default_rng(n)
        positions = {p: int(rng.integers(-8, 9)) for p in pairs(n)}
        m = matrix_from_positions(n, positions)
        c = best_single_change(m)
        if c is not None:
            assert c.better != positions[(c.row, c.col)] and c.cr < ahp(m).cr
    assert best_single_change(np.ones((4, 4))) is None  # consistent already: no advice
