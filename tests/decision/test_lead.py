"""How clear the lead is (decision.lead): likt, nesten likt, knapp, klar — against one step on a factor."""

import numpy as np
import pytest

from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.lead import points_range, read_lead, sum_explained
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import Weights, default_weights

KB = default_knowledge_base()
LABELS = {f.id: f.label for f in KB.factors}


def _weights(points: dict[int, float]) -> Weights:
    return Weights(points={f: points.get(f, 0.0) for f in range(1, 13)})


def test_only_leadership_weighted_names_every_tied_alternative():
    result = evaluate(Profile(), _weights({12: 100}), KB)
    reading = read_lead(result, LABELS)
    firsts = [r.label for r in result.ranking if r.rank == 1]
    assert len(firsts) > 1
    assert reading.closeness == "likt" and reading.leaders == tuple(firsts)
    for label in firsts:
        assert label in reading.text
    assert reading.label == "Likt"


def _sparse(seed: int) -> dict[int, float]:
    """Three factors weighted at random (1-100 points): near ties and shared places are common here."""
    rng = np.random.default_rng(seed)
    points = {f: 0.0 for f in range(1, 13)}
    for f in rng.choice(12, size=3, replace=False):
        points[int(f) + 1] = float(rng.integers(1, 101))
    return points


def test_every_kind_of_lead_occurs():
    kinds = {read_lead(evaluate(Profile(), _weights(_sparse(s)), KB), LABELS).closeness for s in range(60)}
    assert kinds == {"likt", "nesten_likt", "knapp", "klar"}


@pytest.mark.parametrize("seed", range(60))
def test_classification_follows_the_rule(seed):
    points = _sparse(seed)
    profile = Profile() if seed % 2 else Profile(status="existing_working", current_model="ks", current_form="iks")
    result = evaluate(profile, _weights(points), KB)
    reading = read_lead(result, LABELS)
    positive = [w for w in result.weights.values() if w > 0]
    firsts = [r for r in result.ranking if r.rank == 1]
    rest = [r for r in result.ranking if r.rank != 1]
    gap = firsts[0].score - rest[0].score if rest else 0.0
    assert reading.small_step == pytest.approx(min(positive)) and reading.large_step == pytest.approx(max(positive))
    if len(firsts) > 1:
        assert reading.closeness == "likt"
    elif gap < min(positive) - 1e-9:
        assert reading.closeness == "nesten_likt"
        assert reading.leaders[0] == firsts[0].label and rest[0].label in reading.leaders
        assert reading.sentence.startswith("Nesten likt: ")
    elif gap < max(positive) - 1e-9:
        assert reading.closeness == "knapp"
    elif abs(gap - max(positive)) < 1e-9 or abs(gap - min(positive)) < 1e-9:
        pass  # on a boundary: either side is right within rounding
    else:
        assert reading.closeness == "klar" and rest[0].label in reading.text
    if reading.closeness in ("knapp", "klar"):  # every alternative sharing second place is named, not one of them
        seconds = [r.label for r in rest if r.rank == rest[0].rank]
        assert all(label in reading.text for label in seconds)
        assert ("(delt andreplass)" in reading.text) == (len(seconds) > 1)
    assert reading.margin == pytest.approx(gap)


def test_a_tied_second_place_is_named_whole():
    """The fresh tester's finding: with «Vertskommunen havner på ROBEK», the lead read «0,56 foran Alternativ
    modell + Aksjeselskap (AS)» while IKS shared second place with it."""
    result = evaluate(Profile(host_on_robek=True), default_weights(), KB)
    seconds = [r.label for r in result.ranking if r.rank == 2]
    assert len(seconds) == 2  # the case as found
    text = read_lead(result, LABELS).text
    assert f"foran {seconds[0]} og {seconds[1]} (delt andreplass)" in text


def test_report_weights_give_a_reading_with_numbers_in_norwegian():
    reading = read_lead(evaluate(Profile(), default_weights(), KB), LABELS)
    assert reading.closeness in ("klar", "knapp")
    assert "." not in reading.text.replace("...", "").rstrip(".").replace(". ", " ")  # decimal comma, no dot


def test_no_weight_is_refused():
    result = evaluate(Profile(), default_weights(), KB)
    zero = result.model_copy(update={"weights": {f: 0.0 for f in result.weights}})
    with pytest.raises(ValueError):
        read_lead(zero, LABELS)


def test_the_sum_sentence_gives_the_range_the_points_reach_when_the_profile_widens_the_scale():
    """The default profile's adjustments take a point to −2,5: the sentence under the lead said the scale was
    −2 … +2 only, which the room could correct."""
    widened = evaluate(Profile(), default_weights(), KB)
    low, high = points_range(widened)
    assert (low, high) == (-2.5, 2.0)
    assert sum_explained(widened).endswith(
        "ett trinn på rapportens skala (−2 … +2) på en faktor flytter summen med faktorens vekt. Med profilens "
        "justeringer går poengene i denne saken fra −2,5 til +2.")

    within = evaluate(Profile(scope="operations", board_of_chief_executives=True), default_weights(), KB)
    assert -2 <= points_range(within)[0] and points_range(within)[1] <= 2
    assert sum_explained(within) == ("Summen er vekt × poeng lagt sammen; ett trinn på rapportens skala (−2 … +2) "
                                     "på en faktor flytter summen med faktorens vekt.")


def test_a_tie_of_every_alternative_is_counted_and_does_not_claim_agreement():
    """A fresh tester: with every weight but one at 0 all twelve tied; the headline listed twelve bold names and
    the line under it still said «Rangeringen og rapportens råd peker på det samme alternativet»."""
    from ikt_model.decision.lead import agreement_note, leaders_named

    kb = default_knowledge_base()
    one_winner = evaluate(Profile(), default_weights(), kb)
    assert len(one_winner.winners) == 1
    assert leaders_named(one_winner) == f"**{one_winner.winners[0].label}**"
    assert agreement_note(one_winner) == "Rangeringen og rapportens råd peker på det samme alternativet."
    # «Kvalitet og tilgjengelighet» alone: every alternative scores the same on it (the report draws no line)
    level = evaluate(Profile(), Weights(points={1: 10}), kb)
    assert len(level.winners) == 12
    assert leaders_named(level) == "**alle 12 alternativene**"
    note = agreement_note(level)
    assert note is not None and "peker på det samme" not in note and "skiller ikke" in note
    economy = evaluate(Profile(), Weights(points={3: 10}), kb)  # the forms without vertskommune's challenge tie
    shared = len(economy.winners)
    assert 3 < shared < 12 and leaders_named(economy) == f"**{shared} alternativer**"
    assert agreement_note(economy) == (f"Rapportens råd, {economy.find(economy.recommendation.alternative).label}, "
                                       f"er blant de {shared} som deler førsteplassen.")
