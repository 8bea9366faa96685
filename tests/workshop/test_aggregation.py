"""Group weights, disagreement ordering, ranking and winners from individual votes."""

from datetime import datetime

import numpy as np
import pytest

from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.decision.weights import Weights, preset
from ikt_model.workshop import aggregation as agg
from ikt_model.workshop.models import Vote

NOW = datetime(2026, 1, 1)


def vote(points, name="") -> Vote:
    pts = {f: float(points.get(f, 0)) for f in FACTOR_IDS}
    return Vote(participant="D-x", display_name=name, points=pts, revisions=1, updated_at=NOW)


def test_each_participant_is_normalised_before_averaging():
    # Same relative view at different scales must count the same.
    a = vote({1: 10, 2: 10})
    b = vote({1: 1, 2: 1})
    m = agg.normalised_matrix([a, b])
    assert np.allclose(m.sum(axis=1), 1)
    w = agg.group_weights(m)
    assert w[0] == pytest.approx(0.5) and w[1] == pytest.approx(0.5) and w[2:].sum() == pytest.approx(0)


def test_mean_of_normalised_weights():
    a = vote({1: 3, 2: 1})  # 0.75, 0.25
    b = vote({2: 5})  # 0, 1
    w = agg.group_weights(agg.normalised_matrix([a, b]), "mean")
    assert w[0] == pytest.approx(0.375) and w[1] == pytest.approx(0.625)


def test_geometric_mean_is_renormalised_and_floors_zeros_only_where_someone_weighted():
    a = vote({1: 4, 2: 1})  # 0.8, 0.2
    b = vote({1: 1, 2: 4, 3: 5})  # 0.1, 0.4, 0.5
    w = agg.group_weights(agg.normalised_matrix([a, b]), "geometric")
    assert w.sum() == pytest.approx(1)
    # factor 3: a gave 0 (floored at 0.001), b gave 0.5; factors 4-12: nobody weighted them -> 0
    g1, g2, g3 = np.sqrt(0.8 * 0.1), np.sqrt(0.2 * 0.4), np.sqrt(0.001 * 0.5)
    assert w[0] == pytest.approx(g1 / (g1 + g2 + g3))
    assert w[2] == pytest.approx(g3 / (g1 + g2 + g3))
    assert list(w[3:]) == [0.0] * 9
    with pytest.raises(ValueError):
        agg.group_weights(agg.normalised_matrix([a]), "median")


@pytest.mark.parametrize("aggregate", ["mean", "geometric"])
def test_unanimity_three_identical_votes_with_leadership_zero_give_zero(aggregate):
    kb = default_knowledge_base()
    leadership = next(f.id for f in kb.factors if f.label.startswith("Ledelse"))
    points = {f: (0 if f == leadership else f) for f in FACTOR_IDS}
    votes = [vote(points) for _ in range(3)]
    w = agg.group_weights(agg.normalised_matrix(votes), aggregate)
    assert w[FACTOR_IDS.index(leadership)] == 0.0
    expected = np.array([points[f] for f in FACTOR_IDS], dtype=float)
    assert np.allclose(w, expected / expected.sum(), rtol=0, atol=1e-15)
    result = agg.group_result(Profile(), votes, aggregate, kb)
    assert result.weights[leadership] == 0.0
    assert result.weights_as_points().points[leadership] == 0.0


@pytest.mark.parametrize("aggregate", ["mean", "geometric"])
def test_unanimity_everyone_the_same_gives_exactly_that(aggregate):
    points = {1: 7, 2: 3, 5: 10, 12: 1}
    votes = [vote(points), vote({f: 2 * v for f, v in points.items()})]  # same view, other scale
    w = agg.group_weights(agg.normalised_matrix(votes), aggregate)
    expected = np.array([points.get(f, 0) for f in FACTOR_IDS], dtype=float) / 21
    assert np.allclose(w, expected, rtol=0, atol=1e-15)
    assert w[FACTOR_IDS.index(3)] == 0.0


def test_disagreement_sorted_most_contested_first():
    a = vote({1: 10, 2: 5, 3: 5, 4: 5})
    b = vote({1: 0.0001, 2: 5, 3: 5, 4: 5})
    c = vote({1: 5, 2: 5, 3: 5, 4: 0.0001})
    result = agg.group_result(Profile(), [a, b, c])
    spreads = result.spreads
    assert [s.std for s in spreads] == sorted((s.std for s in spreads), reverse=True)
    assert spreads[0].factor_id == 1  # everyone agrees on 2 and 3; 1 is the most contested
    by_id = {s.factor_id: s for s in spreads}
    assert by_id[2].std < by_id[4].std < by_id[1].std
    assert by_id[1].low == pytest.approx(0, abs=1e-4) and by_id[1].high == pytest.approx(0.4)
    assert result.dissent()[0] == (1, pytest.approx(by_id[1].std))


def test_tied_spreads_keep_report_priority_order():
    same = vote({f: 1 for f in FACTOR_IDS})
    result = agg.group_result(Profile(), [same, same])
    assert [s.factor_id for s in result.spreads] == list(FACTOR_IDS)
    assert all(s.std == pytest.approx(0) for s in result.spreads)


def test_ranking_equals_evaluate_with_group_weights():
    votes = [vote(preset("rapport").points), vote(preset("like").points), vote({5: 10, 11: 8})]
    result = agg.group_result(Profile(), votes)
    expected = evaluate(Profile(), result.weights_as_points())
    assert [r.key for r in result.ranking] == [r.alternative.key for r in expected.ranking]
    assert result.ranking[0].score == pytest.approx(expected.ranking[0].score, abs=1e-6)
    assert sum(result.weights.values()) == pytest.approx(1)


def test_report_weights_for_everyone_reproduce_the_report_winner():
    votes = [vote(preset("rapport").points) for _ in range(5)]
    result = agg.group_result(Profile(), votes)
    best = evaluate(Profile(), preset("rapport")).best.alternative.key
    assert result.ranking[0].key == best == "alternativ/par27"
    winners = {r.key: r.winners for r in result.ranking}
    assert winners[best] == 5


def test_winner_counts_match_each_participants_own_evaluation():
    points = [preset("rapport").points, {5: 10, 1: 1}, {8: 10, 3: 9}, {12: 10}, {4: 7, 2: 7, 9: 1}]
    votes = [vote(p) for p in points]
    result = agg.group_result(Profile(), votes)
    expected: dict[str, int] = {}
    for p in points:
        ev = evaluate(Profile(), Weights(points=p))
        for r in ev.ranking:
            if r.rank == 1:
                expected[r.alternative.key] = expected.get(r.alternative.key, 0) + 1
    got = {r.key: r.winners for r in result.ranking if r.winners}
    assert got == expected
    assert sum(got.values()) >= len(votes)


def test_no_votes_no_result():
    assert agg.group_result(Profile(), []) is None



def test_a_tie_of_three_reads_with_commas_and_more_than_three_are_counted():
    from ikt_model.workshop.aggregation import WinnerGroup

    assert WinnerGroup(keys=("a",), labels=("A",), count=1).label == "A"
    assert WinnerGroup(keys=("a", "b"), labels=("A", "B"), count=1).label == "A og B (likt)"
    assert WinnerGroup(keys=("a", "b", "c"), labels=("A", "B", "C"), count=2).label == "A, B og C (likt)"
    assert WinnerGroup(keys=tuple("abcd"), labels=tuple("ABCD"), count=2).label == "Likt mellom 4 alternativer"
