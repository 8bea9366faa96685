"""The report's advice per status (4.2; the stable-operations gate of 3.1), and whether the ranking agrees."""

from ikt_model.decision.profile import Profile
from ikt_model.decision.recommendation import QUOTE_NEW, QUOTE_STABLE, QUOTE_STRUGGLING, QUOTE_WORKING, recommend
from ikt_model.decision.registry import Alternative

ALT_PAR27 = Alternative(model="alternativ", form="par27")


def test_new_and_struggling_point_to_alternativ_par27(tiny_kb):
    new = recommend(Profile(status="new", board_of_chief_executives=True), tiny_kb, (ALT_PAR27,))
    assert (new.alternative, new.quote, new.section, new.agrees_with_ranking) == (ALT_PAR27, QUOTE_NEW, "4.2", True)
    struggling = recommend(Profile(status="existing_struggling", current_model="ks", current_form="iks"), tiny_kb,
                           (Alternative(model="ks", form="iks"),))
    assert struggling.alternative == ALT_PAR27 and struggling.quote == QUOTE_STRUGGLING
    assert not struggling.agrees_with_ranking


def test_agreement_counts_any_tied_winner(tiny_kb):
    tied = (Alternative(model="hybrid", form="as"), ALT_PAR27)
    assert recommend(Profile(status="new"), tiny_kb, tied).agrees_with_ranking


def test_working_keeps_the_form_and_changes_the_model(tiny_kb):
    profile = Profile(status="existing_working", current_model="ks", current_form="vertskommune")
    advice = recommend(profile, tiny_kb, (Alternative(model="alternativ", form="vertskommune"),))
    assert advice.alternative == Alternative(model="alternativ", form="vertskommune") and advice.agrees_with_ranking
    assert advice.quote == QUOTE_WORKING and "bytt til den anbefalte styringsmodellen" in advice.text


def test_stable_operations_come_first_for_an_existing_collaboration(tiny_kb):
    profile = Profile(status="existing_working", current_model="ks", current_form="iks", stable_operations=False)
    advice = recommend(profile, tiny_kb, (ALT_PAR27,))
    assert advice.gate and advice.quote == QUOTE_STABLE and advice.text.startswith("Få stabil drift på plass først")
