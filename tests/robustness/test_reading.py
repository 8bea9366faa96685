"""Plain-language reading of robustness: the summary other pages use, and the interval sentences."""

import numpy as np
import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.scoring import score_matrix
from ikt_model.decision.weights import default_weights
from ikt_model.robustness.reading import RobustnessSummary, factor_intervals, interval_sentence, robustness_summary


def real_matrix():
    return score_matrix(Profile(), default_knowledge_base()).values


def test_robustness_summary_contract():
    s = robustness_summary(Profile(), default_weights())
    assert isinstance(s, RobustnessSummary)
    assert s.winner_key == "alternativ/par27"
    assert s.winner_label == "Alternativ modell + Kommunalt oppgavefellesskap (KO)"
    assert 0.9 < s.winner_acceptability <= 1.0
    assert len(s.intervals) == 12 and s.intervals[5].takeover_above == "hybrid/par27"
    assert s.intervals[5].upper == pytest.approx(0.40, abs=0.01)  # 0.19 before the 2026 review (mf.hybrid.6 +1 -> 0)
    assert any("Gjennomføringsevne" in line and "overtar Hybridmodell + Kommunalt oppgavefellesskap (KO)" in line
               for line in s.sentences)
    assert s.sentences[0].startswith("Alternativ modell + Kommunalt oppgavefellesskap (KO) er best i 100")
    assert robustness_summary(Profile(), default_weights()) == s  # seeded: reproducible


def test_interval_sentences():
    kb = default_knowledge_base()
    intervals = factor_intervals(real_matrix(), default_weights(), kb)
    assert interval_sentence(intervals[0]) == ("Anbefalingen står seg uansett vekt på Kvalitet og tilgjengelighet "
                                               "(0–100 %).")
    line = interval_sentence(intervals[5])
    assert line.startswith("Anbefalingen står seg så lenge vekten på Gjennomføringsevne") and "høyst 40\u00a0%" in line
    both = intervals[0].model_copy(update={"lower": 0.04, "upper": 0.31, "takeover_below": "ks/as",
                                           "takeover_above": "ks/iks", "takeover_below_label": "X",
                                           "takeover_above_label": "Y", "label": "Omstillingsevne"})
    assert interval_sentence(both) == ("Anbefalingen står seg så lenge vekten på Omstillingsevne er mellom 4\u00a0% "
                                       "og 31\u00a0%; under 4\u00a0% overtar X, over 31\u00a0% overtar Y.")


def test_an_interval_of_one_point_is_said_as_one_point():
    """With only «Ledelse» weighted, every other factor's interval is «høyst 0 %», which the fresh tester read as
    a riddle («høyst 0 %; over 0 % overtar …»): said as «ikke har noen vekt» instead, likewise at 100 %."""
    base = factor_intervals(real_matrix(), default_weights(), default_knowledge_base())[0]
    zero = base.model_copy(update={"lower": 0.0, "upper": 0.0001, "takeover_above": "ks/iks",
                                   "takeover_above_label": "Y", "label": "Omstillingsevne"})
    assert interval_sentence(zero) == ("Anbefalingen står seg bare så lenge Omstillingsevne ikke har noen vekt "
                                       "(0\u00a0%); med vekt på Omstillingsevne overtar Y.")
    full = base.model_copy(update={"lower": 0.9999, "upper": 1.0, "takeover_below": "ks/iks",
                                   "takeover_below_label": "X", "label": "Ledelse"})
    assert interval_sentence(full) == ("Anbefalingen står seg bare så lenge Ledelse har all vekten (100\u00a0%); med "
                                       "mindre vekt på Ledelse overtar X.")
    near = zero.model_copy(update={"upper": 0.004})  # not quite 0: one decimal, not «høyst 0 %; over 0 %»
    assert "høyst 0,4\u00a0%; over 0,4\u00a0% overtar Y" in interval_sentence(near)
    point = base.model_copy(update={"lower": 0.30, "upper": 0.302, "takeover_below": "ks/as",
                                    "takeover_above": "ks/iks", "takeover_below_label": "X",
                                    "takeover_above_label": "Y", "label": "Ledelse"})
    assert interval_sentence(point) == ("Anbefalingen står seg bare når vekten på Ledelse er 30\u00a0%; under "
                                        "30\u00a0% overtar X, over 30\u00a0% overtar Y.")


def test_central_weight_choices_are_the_alternatives_most_often_best_first_with_their_share():
    """«Sentrale vekter for» listed the alternatives in the registry's order, the most often best among them
    anywhere; now most often best first, each with its share (and none without central weights)."""
    from ikt_model.robustness.reading import central_weight_choices
    from ikt_model.robustness.smaa import SmaaResult

    result = SmaaResult(samples=1000, seed=1, weight_mode="uniform", score_mode="fixed",
                        rank_acceptability=[[0.2, 0.8, 0.0], [0.0, 0.1, 0.9], [0.797, 0.1, 0.103], [0.003, 0.0, 0.997]],
                        central_weights=[[0.5, 0.5], None, [0.4, 0.6], [0.9, 0.1]], confidence=[None] * 4,
                        holistic=[0.0] * 4)
    choices = central_weight_choices(result, ["A", "B", "C", "D"])
    assert list(choices) == [2, 0, 3]  # B was never best: no central weights, not offered
    assert choices == {2: "C (best i 80\u00a0%)", 0: "A (best i 20\u00a0%)", 3: "D (best i under 1\u00a0%)"}


def test_the_lead_says_why_shares_of_a_shared_first_place_add_up_to_more_than_all():
    """Only «Ledelse» weighted: three alternatives tie in every draw, each «best i 100 %» (a fresh tester read
    300 %). The lead says that a shared first place counts for each; an ordinary result does not say it."""
    from ikt_model.decision.evaluation import alternative_label
    from ikt_model.decision.knowledge import default_knowledge_base
    from ikt_model.decision.registry import ALTERNATIVES
    from ikt_model.decision.scoring import score_matrix
    from ikt_model.robustness.reading import SHARED_FIRST_NOTE, acceptability_reading, robustness_lead
    from ikt_model.robustness.smaa import smaa

    kb = default_knowledge_base()
    values = score_matrix(Profile(), kb).decision_values
    labels = [alternative_label(kb, a) for a in ALTERNATIVES]
    only_12 = [0.0] * 11 + [1.0]
    tied_result = smaa(values, "around", only_12, samples=2_000, seed=1)
    totals = values @ np.array(only_12)
    first = [i for i in range(len(labels)) if abs(totals[i] - totals.max()) < 1e-9]
    assert len(first) == 3 and sum(tied_result.first_rank) > 2.9
    lead = robustness_lead(tied_result, labels, first[0], tuple(first[1:]))
    assert lead.endswith(SHARED_FIRST_NOTE) and "100\u00a0%" in lead
    assert SHARED_FIRST_NOTE.strip() in acceptability_reading(tied_result, labels)  # the SMAA section's list too
    even = smaa(values, "around", [1 / 12] * 12, samples=2_000, seed=1)
    best = int(np.argmax(values @ np.full(12, 1 / 12)))
    assert sum(even.first_rank) <= 1 + 1e-9 and SHARED_FIRST_NOTE not in robustness_lead(even, labels, best)
    assert SHARED_FIRST_NOTE.strip() not in acceptability_reading(even, labels)
