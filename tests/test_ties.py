"""A tie is never called a winner: «most / best / first» sentences say when the maximum is shared."""

from datetime import date, datetime

import pytest

from ikt_model.costs.inputs import parse_cost_input
from ikt_model.costs.split import largest_payer_text, split_costs
from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.decision.weights import Weights, default_weights
from ikt_model.memo import build_memo
from ikt_model.robustness.reading import robustness_summary
from ikt_model.scenarios.compare import compare
from ikt_model.scenarios.model import scenario_from_state
from ikt_model.ties import join_names, leaders, leaders_counted
from ikt_model.workshop import aggregation, view
from ikt_model.workshop.models import Vote


def only(factor: int) -> Weights:
    """All weight on one factor: with factor 4 alone, two alternatives tie for first (both +2)."""
    return Weights(points={f: (100.0 if f == factor else 0.0) for f in FACTOR_IDS})


def memo_text(memo) -> str:
    return " ".join(getattr(b, "text", "") for s in memo.sections for b in s.blocks)


def test_leaders_and_names():
    assert join_names(["A"]) == "A" and join_names(["A", "B"]) == "A og B"
    assert join_names(["A", "B", "C"]) == "A, B og C"
    one = leaders(["a", "b", "c"], key={"a": 1, "b": 3, "c": 2}.get)
    assert one.items == ("b",) and not one.tied and one.phrase() == "b"
    two = leaders(["a", "b", "c"], key={"a": 3, "b": 3, "c": 2}.get)
    assert two.items == ("a", "b") and two.tied and not two.everyone
    assert two.phrase() == "a og b (delt førsteplass)"
    everyone = leaders(["a", "b"], key=lambda _: 0.1 + 0.2)
    assert everyone.everyone and everyone.phrase() == "alle 2 like"
    assert leaders([1.0, 1.0 + 1e-12], key=float).tied  # rounding noise is not a winner
    with pytest.raises(ValueError):
        leaders([], key=float)


def test_memo_does_not_name_a_largest_payer_when_all_pay_the_same():
    split = split_costs(parse_cost_input(members=["0137", "0426", "0101"], budget_kr=300_000, equal_share=1))
    text = largest_payer_text(split)
    assert text == "betaler alle de 3 kommunene like mye, 100\u00a0000\u00a0kr hver"
    memo = build_memo(Profile(), default_weights(), costs=split, robustness=None, today=date(2026, 1, 1))
    assert "Våler mest" not in memo_text(memo) and "like mye" in memo_text(memo)


def test_equal_shares_that_round_apart_are_still_equal():
    split = split_costs(parse_cost_input(members=["0137", "0426", "0101"], budget_kr=100, equal_share=1))
    assert sorted(m.andel_kr for m in split.members) == [33, 33, 34]
    assert largest_payer_text(split) == "betaler alle de 3 kommunene like mye, 33\u00a0kr–34\u00a0kr (avrundet) hver"


def test_shared_top_payers_are_named_together():
    split = split_costs(parse_cost_input(members=["0137", "0426", "0101"], budget_kr=1000,
                                         percentages={"0137": 40, "0426": 40, "0101": 20}))
    # duplicate names carry their county (0137 and 0426 of 2015 are today's 3114 and 3419)
    assert largest_payer_text(split) == ("betaler Våler (Østfold) og Våler (Innlandet) like mye og mest, "
                                         "400\u00a0kr hver")
    single = split_costs(parse_cost_input(members=["0137", "0101"], budget_kr=1000,
                                          percentages={"0137": 60, "0101": 40}))
    assert largest_payer_text(single).startswith("betaler Våler (Østfold) mest, 600\u00a0kr")


def test_shared_first_place_in_evaluation_memo_and_robustness():
    evaluation = evaluate(Profile(), only(4))  # factor 4 alone: alternativ/par27 and hybrid/par27 both +1,5
    assert [r.alternative.key for r in evaluation.firsts] == ["alternativ/par27", "hybrid/par27"]
    a, b = (r.label for r in evaluation.firsts)
    assert evaluation.first_place_text() == f"{a} og {b} (delt førsteplass)"
    assert evaluation.recommendation.agrees_with_ranking
    text = memo_text(build_memo(Profile(), only(4), robustness=None, today=date(2026, 1, 1)))
    assert f"Den vektede rangeringen gir likt resultat for {a} og {b}." in text
    assert f"{a} og {b} som likeverdige hovedalternativer" in text
    summary = robustness_summary(Profile(), only(4), samples=500)
    assert summary.sentences[0].startswith(f"Med vektene nå deler {a} og {b} førsteplassen")
    assert evaluate(Profile(), only(1)).first_place_text() == "alle 12 alternativene står likt"


def test_shared_first_place_that_is_not_the_reports_advice():
    evaluation = evaluate(Profile(), only(6))  # ks/par27 and hybrid/par27 tie; the report advises alternativ/par27
    assert [r.alternative.key for r in evaluation.firsts] == ["ks/par27", "hybrid/par27"]
    assert not evaluation.recommendation.agrees_with_ranking
    a, b = (r.label for r in evaluation.firsts)
    assert evaluation.disagreement.startswith(f"Rangeringen med disse vektene setter «{a}» og «{b}» likt først")
    text = memo_text(build_memo(Profile(), only(6), robustness=None, today=date(2026, 1, 1)))
    assert f"setter «{a}» og «{b}» likt først" in text and f"setter «{a}» først" not in text


def test_scenario_compare_names_a_shared_first_place():
    tied = scenario_from_state("Bare standardisering", Profile(), only(4))
    plain = scenario_from_state("Rapportens vekter", Profile(), default_weights())
    result = compare([tied, plain])
    assert result.results[0].winner_label.endswith("(delt førsteplass)")
    assert len(result.results[0].winner_keys) == 2 and len(result.results[1].winner_keys) == 1
    assert not result.same_winner
    both = compare([tied, scenario_from_state("Igjen", Profile(), only(4))])
    assert both.same_winner and both.summary().startswith("Samme delte førsteplass i alle scenariene")


def _vote(points):
    return Vote(participant="D-x", display_name="", points={f: float(points.get(f, 0)) for f in FACTOR_IDS},
                revisions=1, updated_at=datetime(2026, 1, 1))


def test_workshop_agenda_and_best_say_when_there_is_nothing_to_choose():
    same = [_vote({4: 10}), _vote({4: 3})]
    result = aggregation.group_result(Profile(), same)
    assert view.agenda_text(result) == "Ingen uenighet: alle har gitt de samme vektene."
    best = view.best_text(result)
    a, b = (r.label for r in result.ranking[:2])
    assert [r.rank for r in result.ranking[:3]] == [1, 1, 3]
    assert best.startswith(f"{a} og {b} (delt førsteplass)")
    assert "delt førsteplass for 2 av 2 deltakere" in best and "vinner for" not in best  # each counted once
    split = aggregation.group_result(Profile(), [_vote({1: 10, 2: 5}), _vote({1: 5, 2: 10})])
    first, second = split.spreads[0].label, split.spreads[1].label
    assert view.agenda_text(split) == f"{first} (16,7 p.p.), {second} (16,7 p.p.)"  # nobody disagrees on the rest


def test_many_sharing_first_place_are_counted_in_the_memo_and_the_disagreement():
    """A fresh tester: with all twelve level the memo's draft resolution named all twelve «som likeverdige
    hovedalternativer». More than three are counted; the report's advice, when among them, is the main one."""
    assert [leaders_counted(n, 12) for n in (1, 3, 4, 12)] == [None, None, "4 alternativer", "alle 12 alternativene"]
    level = evaluate(Profile(), only(1))
    advice = next(r.label for r in level.ranking if r.alternative == level.recommendation.alternative)
    text = memo_text(build_memo(Profile(), only(1), robustness=None, today=date(2026, 1, 1)))
    assert "Den vektede rangeringen gir likt resultat for alle 12 alternativene." in text
    assert (f"utredes videre med {advice} som hovedalternativ, etter rapportens råd (kap. 4.2): de valgte vektene "
            "gir likt resultat for alle 12 alternativene, jf. vurderingen") in text
    assert "likeverdige hovedalternativer" not in text
