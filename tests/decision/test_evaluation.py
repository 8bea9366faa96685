"""evaluate() on the tiny knowledge base: totals, ties, reasons, notes and advice."""

import pytest

from ikt_model.decision.evaluation import alternative_label, evaluate
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import Alternative
from ikt_model.decision.weights import Weights

EQUAL_1_2 = Weights(points={1: 10, 2: 10})  # factors 1 and 2 count half each


def test_ranking_totals_and_ties(tiny_kb):
    """alternativ/as: 1 x 0.5 + 2 x 0.5 = 1.5; alternativ/vertskommune and alternativ/par27: 2 x 0.5 = 1.0;
    ks/as and hybrid/as: 1 x 0.5 = 0.5, tied with alternativ/iks: -1 x 0.5 + 2 x 0.5 = 0.5."""
    result = evaluate(Profile(), EQUAL_1_2, tiny_kb)
    scores = {r.alternative.key: (r.rank, r.score) for r in result.ranking}
    assert scores["alternativ/as"] == (1, pytest.approx(1.5))
    assert scores["alternativ/vertskommune"] == scores["alternativ/par27"] == (2, pytest.approx(1.0))
    assert scores["ks/as"] == scores["hybrid/as"] == scores["alternativ/iks"] == (4, pytest.approx(0.5))
    assert result.weights[1] == result.weights[2] == 0.5 and result.weights[3] == 0


def test_reasons_notes_and_advice_come_with_their_source(tiny_kb):
    result = evaluate(Profile(), EQUAL_1_2, tiny_kb)
    best = result.best
    assert best.label == alternative_label(tiny_kb, Alternative(model="alternativ", form="as"))
    assert [(r.part.id, r.weighted) for r in best.reasons_for] == [("mf.alternativ.2", 1.0), ("ff.as.1", 0.5)]
    iks = result.find(Alternative(model="alternativ", form="iks"))
    assert [(r.part.id, r.weighted) for r in iks.reasons_against] == [("ff.iks.1", -0.5)]
    par27 = result.find(Alternative(model="ks", form="par27"))
    assert [n.code for n in par27.notes] == ["r.note"] and best.notes == ()
    assert [(w.code, w.severity) for w in result.warnings] == [("r.advice", "warning")]


def test_a_factor_with_parts_on_both_sides_counts_net_on_one_side(tiny_kb):
    """A model part for and a form part against the same factor: each part is a reason on its side, the factor
    is on the side of their sum (factors_for/_against), strongest first."""
    from ikt_model.decision.knowledge import KnowledgeBase, ModelFactorRow

    ks_1 = ModelFactorRow(id="mf.ks.1", model="ks", factor=1, score=2, section="3.3.1", basis="rapporten",
                          quote="sitat mf.ks.1")
    kb = KnowledgeBase.model_validate({**tiny_kb.model_dump(), "model_factor": (
        *[r.model_dump() for r in tiny_kb.model_factor], ks_1.model_dump())})
    ks_iks = evaluate(Profile(), EQUAL_1_2, kb).find(Alternative(model="ks", form="iks"))
    assert [r.part.id for r in ks_iks.reasons_for] == ["mf.ks.1"]
    assert [r.part.id for r in ks_iks.reasons_against] == ["ff.iks.1"]
    net = ks_iks.reasons_for[0].weighted + ks_iks.reasons_against[0].weighted
    assert net > 0 and ks_iks.contributions[1] == pytest.approx(net)
    assert [(f.factor_id, f.factor_label) for f in ks_iks.factors_for] == [(1, "Faktor 1")]
    assert ks_iks.factors_for[0].contribution == pytest.approx(net) and ks_iks.factors_against == ()
    alt_as = evaluate(Profile(), EQUAL_1_2, kb).find(Alternative(model="alternativ", form="as"))
    assert [f.factor_id for f in alt_as.factors_for] == [2, 1] and alt_as.factors_against == ()  # 1,0 before 0,5


def test_totals_of_different_rank_never_print_alike():
    """A fresh tester: «2. Alternativ modell + Vertskommune +0,07» above «3. (delt) … +0,07» read as a tie ranked
    apart (0,0689 against 0,0674). The totals get the decimals that tell different ranks apart."""
    from ikt_model import format as fmt
    from ikt_model.decision.weights import default_weights, preset

    result = evaluate(Profile(), default_weights())
    assert result.sum_decimals == 3
    printed = {}
    for r in result.ranking:
        assert printed.setdefault(fmt.signed(r.score, result.sum_decimals), r.rank) == r.rank, (r.label, printed)
    assert evaluate(Profile(), preset("like")).sum_decimals == 2  # two decimals when they are enough
